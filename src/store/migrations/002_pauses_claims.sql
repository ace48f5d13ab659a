-- Parties, sources, pause windows with acceptances, incidents, and the claims made about them.
-- Nothing here stores a derived state: a pause's state is computed from these rows when read.

CREATE TABLE party (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  short_name text,
  kind text NOT NULL CHECK (kind IN ('government', 'armed_force', 'humanitarian_organisation', 'city_authority', 'other')),
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE source (
  id uuid PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('statement', 'video', 'press_report', 'field_report', 'document', 'other')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 500),
  party_id uuid REFERENCES party (id),
  channel text,
  published_at timestamptz,
  url text,
  reference text,
  -- SHA-256 of the saved evidence (the video file, the page), hex.
  content_hash text CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE pause_window (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('ceasefire', 'humanitarian_pause', 'corridor')),
  announced_by uuid NOT NULL REFERENCES party (id),
  announced_at timestamptz NOT NULL,
  announcement_source_id uuid REFERENCES source (id),
  -- The window as announced, in the announcer's own zone, kept as written.
  announced_zone text NOT NULL,
  announced_start_local text NOT NULL CHECK (announced_start_local ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$'),
  announced_end_local text NOT NULL CHECK (announced_end_local ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$'),
  scope jsonb NOT NULL DEFAULT '{}',
  elements jsonb NOT NULL DEFAULT '{}',
  effective_start timestamptz,
  effective_end timestamptz,
  suspended_at timestamptz,
  resumed_at timestamptz,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (effective_end IS NULL OR effective_start IS NULL OR effective_end > effective_start),
  CHECK (resumed_at IS NULL OR (suspended_at IS NOT NULL AND resumed_at > suspended_at))
);
CREATE INDEX pause_window_site ON pause_window (site_id);

CREATE TABLE pause_acceptance (
  pause_window_id uuid NOT NULL REFERENCES pause_window (id),
  party_id uuid NOT NULL REFERENCES party (id),
  answer text NOT NULL CHECK (answer IN ('accepted', 'rejected', 'no_answer')),
  answered_at timestamptz,
  source_id uuid REFERENCES source (id),
  note text,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pause_window_id, party_id)
);

CREATE TABLE incident (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  occurred_at timestamptz NOT NULL,
  type text NOT NULL CHECK (type IN ('shelling', 'gunfire', 'attack_on_convoy', 'obstruction_of_convoy', 'people_held_at_screening',
                                      'breach_of_pause', 'collapse', 'other')),
  place_kind text NOT NULL CHECK (place_kind IN ('site', 'shelter', 'route_segment', 'screening_point', 'other')),
  point_id uuid REFERENCES site_point (id),
  place text,
  pause_window_id uuid REFERENCES pause_window (id),
  -- Convoys arrive with the convoy issue; the link is kept now so incidents need no migration then.
  convoy_id uuid,
  summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX incident_site_time ON incident (site_id, occurred_at);
CREATE INDEX incident_pause ON incident (pause_window_id);

CREATE TABLE claim (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  subject text NOT NULL CHECK (subject IN ('incident', 'pause_window', 'figure', 'situation')),
  incident_id uuid REFERENCES incident (id),
  pause_window_id uuid REFERENCES pause_window (id),
  party_id uuid REFERENCES party (id),
  speaker text,
  source_id uuid NOT NULL REFERENCES source (id),
  stance text NOT NULL CHECK (stance IN ('asserts', 'denies', 'confirms', 'disputes')),
  words text NOT NULL CHECK (length(words) BETWEEN 1 AND 4000),
  quoted boolean NOT NULL DEFAULT false,
  language text,
  stated_at timestamptz NOT NULL,
  -- A reported figure: "127 arrived" from one source beside "156 arrived" from another.
  figure_metric text CHECK (figure_metric IN ('in_site_total', 'civilians', 'children', 'evacuated', 'arrived', 'held_at_screening',
                                              'wounded', 'missing', 'other')),
  figure_value integer CHECK (figure_value >= 0),
  figure_approximate boolean,
  verification text NOT NULL DEFAULT 'unverified'
    CHECK (verification IN ('unverified', 'pending', 'verified', 'disputed', 'falsely_attributed', 'rejected')),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((subject = 'incident') = (incident_id IS NOT NULL)),
  CHECK (subject <> 'pause_window' OR pause_window_id IS NOT NULL),
  CHECK ((subject = 'figure') = (figure_metric IS NOT NULL AND figure_value IS NOT NULL))
);
CREATE INDEX claim_site_time ON claim (site_id, stated_at);
CREATE INDEX claim_incident ON claim (incident_id);
CREATE INDEX claim_pause ON claim (pause_window_id);

CREATE TABLE claim_verification (
  id uuid PRIMARY KEY,
  claim_id uuid NOT NULL REFERENCES claim (id),
  from_status text NOT NULL,
  to_status text NOT NULL,
  reason text NOT NULL CHECK (length(reason) >= 3),
  actor text NOT NULL,
  actor_id uuid REFERENCES app_user (id),
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX claim_verification_claim ON claim_verification (claim_id, at);
