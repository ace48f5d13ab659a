-- Convoy operations (issue 8): the movements that carry out an accepted evacuation plan, the
-- notifications sent to each party about them and the parties' answers, the manifests and who
-- boarded, what happened at each waypoint on the road out (people held at screening points among
-- it), check-ins at reception, and the alerts raised when registry, manifest and reception disagree.

-- A convoy is one movement notified to the parties: one or more vehicles of an accepted plan that
-- travel together in one pause window along one route.
CREATE TABLE convoy (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  plan_id uuid NOT NULL REFERENCES evacuation_plan (id),
  pause_window_id uuid REFERENCES pause_window (id),
  -- What parties, drivers and desks call it ("C-3").
  code text NOT NULL CHECK (length(code) BETWEEN 1 AND 50),
  status text NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'departed', 'arrived', 'cancelled')),
  planned_departure timestamptz NOT NULL,
  planned_arrival timestamptz NOT NULL,
  -- The manifest is locked at departure: after it, nobody is added or taken off, only recorded.
  manifest_locked_at timestamptz,
  departed_at timestamptz,
  arrived_at timestamptz,
  cancelled_at timestamptz,
  cancelled_reason text,
  note text,
  created_by text NOT NULL,
  created_by_id uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  UNIQUE (site_id, code),
  CHECK (planned_arrival >= planned_departure),
  CHECK (status NOT IN ('departed', 'arrived') OR (manifest_locked_at IS NOT NULL AND departed_at IS NOT NULL)),
  CHECK (status <> 'arrived' OR arrived_at IS NOT NULL),
  CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
CREATE INDEX convoy_site ON convoy (site_id, planned_departure);
CREATE INDEX convoy_plan ON convoy (plan_id);

-- The vehicles of a convoy, each running one trip of the plan, with what the parties are told to
-- look for and the size of its crew (drivers and medics are staff, not evacuees: no names here).
CREATE TABLE convoy_vehicle (
  convoy_id uuid NOT NULL REFERENCES convoy (id),
  vehicle_id uuid NOT NULL REFERENCES vehicle (id),
  trip_id text,
  marking text,
  crew_size integer NOT NULL DEFAULT 1 CHECK (crew_size >= 0),
  crew_note text,
  PRIMARY KEY (convoy_id, vehicle_id)
);
CREATE INDEX convoy_vehicle_vehicle ON convoy_vehicle (vehicle_id);

-- The route, as ordered waypoints with planned times. A waypoint names exactly one place: a depot,
-- a pickup point of the site, or a point on the road out (screening point, checkpoint, reception).
CREATE TABLE convoy_waypoint (
  id uuid PRIMARY KEY,
  convoy_id uuid NOT NULL REFERENCES convoy (id),
  seq integer NOT NULL CHECK (seq >= 1),
  kind text NOT NULL CHECK (kind IN ('depot', 'pickup_point', 'screening_point', 'checkpoint', 'reception_point')),
  depot_id uuid REFERENCES depot (id),
  site_point_id uuid REFERENCES site_point (id),
  road_point_id uuid REFERENCES road_point (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  planned_at timestamptz NOT NULL,
  UNIQUE (convoy_id, seq),
  CHECK ((kind = 'depot') = (depot_id IS NOT NULL)),
  CHECK ((kind = 'pickup_point') = (site_point_id IS NOT NULL)),
  CHECK ((kind IN ('screening_point', 'checkpoint', 'reception_point')) = (road_point_id IS NOT NULL))
);
CREATE INDEX convoy_waypoint_convoy ON convoy_waypoint (convoy_id, seq);

-- A humanitarian notification of one movement to one party, exactly as sent. A changed movement is
-- notified again with the next version. `content` carries route, waypoints, times, vehicles,
-- markings and passenger counts by category, never a name.
CREATE TABLE notification (
  id uuid PRIMARY KEY,
  convoy_id uuid NOT NULL REFERENCES convoy (id),
  party_id uuid NOT NULL REFERENCES party (id),
  version integer NOT NULL CHECK (version >= 1),
  content jsonb NOT NULL,
  channel text,
  sent_at timestamptz NOT NULL,
  sent_by text NOT NULL,
  sent_by_id uuid REFERENCES app_user (id),
  UNIQUE (convoy_id, party_id, version)
);
CREATE INDEX notification_party ON notification (party_id);

-- Each party's answer to a notification, with when and on what source; the latest one counts, the
-- earlier ones stay.
CREATE TABLE notification_answer (
  id uuid PRIMARY KEY,
  notification_id uuid NOT NULL REFERENCES notification (id),
  answer text NOT NULL CHECK (answer IN ('acknowledged', 'objected', 'no_answer')),
  answered_at timestamptz NOT NULL,
  source_id uuid REFERENCES source (id),
  -- Who said it and how, when there is no stored source ("phone call from the liaison officer").
  source_note text,
  note text,
  recorded_by text NOT NULL,
  recorded_by_id uuid REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_answer_notification ON notification_answer (notification_id, answered_at);

-- Who is expected on which vehicle of a convoy, and what became of it at boarding. A substitute
-- takes the place of someone who did not come; both rows keep the reason.
CREATE TABLE manifest_entry (
  convoy_id uuid NOT NULL REFERENCES convoy (id),
  person_id uuid NOT NULL REFERENCES person (id),
  vehicle_id uuid NOT NULL REFERENCES vehicle (id),
  status text NOT NULL DEFAULT 'expected' CHECK (status IN ('expected', 'boarded', 'no_show', 'replaced')),
  substitute_for uuid REFERENCES person (id),
  reason text,
  boarded_at timestamptz,
  boarded_by text,
  boarding_method text CHECK (boarding_method IN ('id', 'qr', 'search')),
  added_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (convoy_id, person_id),
  FOREIGN KEY (convoy_id, vehicle_id) REFERENCES convoy_vehicle (convoy_id, vehicle_id),
  CHECK ((status = 'boarded') = (boarded_at IS NOT NULL)),
  CHECK (status NOT IN ('no_show', 'replaced') OR reason IS NOT NULL),
  CHECK (substitute_for IS NULL OR reason IS NOT NULL)
);
CREATE INDEX manifest_entry_person ON manifest_entry (person_id);
CREATE INDEX manifest_entry_vehicle ON manifest_entry (convoy_id, vehicle_id);

-- What happened at a waypoint, as reported: a vehicle (or the whole convoy when vehicle_id is NULL)
-- arrived, was held, released or departed.
CREATE TABLE convoy_event (
  id uuid PRIMARY KEY,
  convoy_id uuid NOT NULL REFERENCES convoy (id),
  waypoint_id uuid NOT NULL REFERENCES convoy_waypoint (id),
  vehicle_id uuid REFERENCES vehicle (id),
  kind text NOT NULL CHECK (kind IN ('arrived', 'held', 'released', 'departed')),
  occurred_at timestamptz NOT NULL,
  reporter text NOT NULL CHECK (length(reporter) BETWEEN 1 AND 200),
  source_id uuid REFERENCES source (id),
  incident_id uuid REFERENCES incident (id),
  note text,
  recorded_by text NOT NULL,
  recorded_by_id uuid REFERENCES app_user (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX convoy_event_convoy ON convoy_event (convoy_id, occurred_at);

-- People taken off a vehicle at a screening point: the hold, the claim that says so (with its
-- source), and the release if it comes.
CREATE TABLE screening_hold (
  id uuid PRIMARY KEY,
  convoy_id uuid NOT NULL REFERENCES convoy (id),
  person_id uuid NOT NULL REFERENCES person (id),
  waypoint_id uuid NOT NULL REFERENCES convoy_waypoint (id),
  held_event_id uuid NOT NULL REFERENCES convoy_event (id),
  claim_id uuid REFERENCES claim (id),
  released_event_id uuid REFERENCES convoy_event (id),
  released_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((released_event_id IS NULL) = (released_at IS NULL))
);
CREATE INDEX screening_hold_convoy ON screening_hold (convoy_id);
-- A person is held once at a time.
CREATE UNIQUE INDEX screening_hold_open ON screening_hold (person_id) WHERE released_at IS NULL;

-- Arrival at a reception point. One standing check-in per person: a second desk checking in the
-- same person gets a conflict. A check-in made in error is voided, not deleted.
CREATE TABLE check_in (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  person_id uuid NOT NULL REFERENCES person (id),
  reception_point_id uuid NOT NULL REFERENCES road_point (id),
  convoy_id uuid REFERENCES convoy (id),
  desk text,
  method text NOT NULL CHECK (method IN ('id', 'qr', 'search', 'new_registration')),
  checked_in_at timestamptz NOT NULL,
  checked_in_by text NOT NULL,
  checked_in_by_id uuid REFERENCES app_user (id),
  -- The client's key for this request: the same key again answers with this check-in, unchanged.
  idempotency_key text UNIQUE CHECK (length(idempotency_key) BETWEEN 8 AND 200),
  voided_at timestamptz,
  voided_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((voided_at IS NULL) = (voided_reason IS NULL))
);
CREATE UNIQUE INDEX check_in_standing ON check_in (person_id) WHERE voided_at IS NULL;
CREATE INDEX check_in_site ON check_in (site_id, checked_in_at);
CREATE INDEX check_in_convoy ON check_in (convoy_id);

-- Raised when registry, manifest and reception disagree; stays open until a coordinator resolves
-- it with a reason. `details` holds what the reader needs, such as the last waypoint a person was
-- seen at.
CREATE TABLE reconciliation_alert (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  kind text NOT NULL CHECK (kind IN ('boarded_not_arrived', 'arrived_not_on_manifest', 'manifest_not_boarded',
                                     'unaccompanied_child_arrived')),
  person_id uuid NOT NULL REFERENCES person (id),
  convoy_id uuid REFERENCES convoy (id),
  details jsonb NOT NULL DEFAULT '{}',
  raised_at timestamptz NOT NULL DEFAULT now(),
  resolved_at timestamptz,
  resolved_by text,
  resolved_by_id uuid REFERENCES app_user (id),
  resolution text,
  CHECK ((resolved_at IS NULL) = (resolution IS NULL)),
  CHECK (resolution IS NULL OR length(resolution) >= 3)
);
-- One open alert of a kind per person: raising it again while open changes nothing.
CREATE UNIQUE INDEX reconciliation_alert_open ON reconciliation_alert (kind, person_id) WHERE resolved_at IS NULL;
CREATE INDEX reconciliation_alert_site ON reconciliation_alert (site_id, raised_at);
