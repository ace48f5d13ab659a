-- Logistics outside the site graph (depots, vehicles, points on the road out, the roads between
-- them, each site's planning settings) and the evacuation plans made from them. Convoys will run on
-- the same vehicles and road points.

CREATE TABLE depot (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (site_id, name)
);

CREATE TABLE vehicle (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  depot_id uuid NOT NULL REFERENCES depot (id),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 100),
  kind text NOT NULL CHECK (kind IN ('bus', 'minibus', 'ambulance', 'truck', 'other')),
  -- What the parties are told to look for: a plate, or a marking painted on the vehicle.
  plate_or_marking text,
  seats integer NOT NULL CHECK (seats >= 0),
  stretcher_places integer NOT NULL DEFAULT 0 CHECK (stretcher_places >= 0),
  wheelchair_places integer NOT NULL DEFAULT 0 CHECK (wheelchair_places >= 0),
  status text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'out_of_service', 'lost')),
  available_from timestamptz,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (site_id, label)
);
CREATE INDEX vehicle_depot ON vehicle (depot_id);

-- Screening points, checkpoints and reception points on the road out: not part of the site graph.
CREATE TABLE road_point (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  kind text NOT NULL CHECK (kind IN ('screening_point', 'checkpoint', 'reception_point')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  local_name text,
  expected_delay_minutes double precision NOT NULL DEFAULT 0 CHECK (expected_delay_minutes >= 0),
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (site_id, name)
);

-- From a pickup point (or an exit used as one) to the first screening point, where the danger zone
-- ends. A pickup point without a route has no road out.
CREATE TABLE pickup_route (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  pickup_point_id uuid NOT NULL UNIQUE REFERENCES site_point (id),
  screening_point_id uuid NOT NULL REFERENCES road_point (id),
  approach_minutes double precision NOT NULL CHECK (approach_minutes >= 0),
  minutes_to_screening double precision NOT NULL CHECK (minutes_to_screening >= 0),
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Driving times: depot → pickup point, screening point → reception point, reception point → pickup
-- point. Their ends live in three tables (depot, road_point, site_point), so the service checks them.
-- `via` lists the checkpoints passed on the way, in order, for convoys.
CREATE TABLE travel_time (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  from_id uuid NOT NULL,
  to_id uuid NOT NULL,
  minutes double precision NOT NULL CHECK (minutes >= 0),
  via uuid[] NOT NULL DEFAULT '{}',
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (site_id, from_id, to_id),
  CHECK (from_id <> to_id)
);

CREATE TABLE planning_settings (
  site_id uuid PRIMARY KEY REFERENCES site (id),
  loading_minutes_per_person double precision NOT NULL CHECK (loading_minutes_per_person >= 0),
  loading_minutes_per_stretcher double precision NOT NULL CHECK (loading_minutes_per_stretcher >= 0),
  loading_minutes_per_wheelchair double precision NOT NULL CHECK (loading_minutes_per_wheelchair >= 0),
  -- Overrides of the planner's default priority weights, by priority class.
  priority_weights jsonb NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- An evacuation plan keeps exactly what the planner was given and what it answered, so that it can
-- be shown, accepted and re-planned later whatever has changed in the registry since.
CREATE TABLE evacuation_plan (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  status text NOT NULL CHECK (status IN ('draft', 'accepted', 'superseded', 'discarded')),
  created_by text NOT NULL,
  created_by_id uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  plan_start timestamptz NOT NULL,
  options jsonb NOT NULL DEFAULT '{}',
  input jsonb NOT NULL,
  -- What the input does not say but a reader needs: shelters, labels, windows left aside and why.
  context jsonb NOT NULL DEFAULT '{}',
  result jsonb NOT NULL,
  based_on uuid REFERENCES evacuation_plan (id),
  accepted_by text,
  accepted_at timestamptz,
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status NOT IN ('accepted', 'superseded') OR accepted_at IS NOT NULL)
);
CREATE INDEX evacuation_plan_site ON evacuation_plan (site_id, created_at);
-- At most one accepted plan per site: it is the basis for convoys.
CREATE UNIQUE INDEX evacuation_plan_one_accepted ON evacuation_plan (site_id) WHERE status = 'accepted';
