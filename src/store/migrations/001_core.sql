-- Corridor core schema: accounts, the site model, the people registry, headcounts, the operations log.
-- PostgreSQL dialect; applied unchanged to PGlite and PostgreSQL.

CREATE TABLE app_user (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[A-Za-z0-9._-]{1,64}$'),
  role text NOT NULL CHECK (role IN ('admin', 'coordinator', 'field', 'reception', 'observer')),
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Only hashes of session ids and tokens are stored: a leaked table does not open a session.
CREATE TABLE user_session (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX user_session_user ON user_session (user_id);

CREATE TABLE api_token (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES app_user (id),
  label text,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);

CREATE TABLE site (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  place text,
  time_zone text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Shelters, exits, pickup points and junctions are the points of the site graph; passages join any
-- two of them. One table keeps every passage end a real foreign key.
CREATE TABLE site_point (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  kind text NOT NULL CHECK (kind IN ('shelter', 'exit', 'pickup_point', 'junction')),
  code text NOT NULL CHECK (length(code) BETWEEN 1 AND 64),
  name text,
  x double precision,
  y double precision,
  note text,
  -- shelter fields
  shelter_kind text CHECK (shelter_kind IN ('bunker', 'basement', 'tunnel_section', 'building')),
  level integer,
  depth_m double precision CHECK (depth_m >= 0),
  capacity integer CHECK (capacity >= 0),
  conditions jsonb,
  supervisor text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (site_id, code),
  CHECK (kind = 'shelter' OR (shelter_kind IS NULL AND capacity IS NULL AND conditions IS NULL AND supervisor IS NULL))
);

CREATE TABLE passage (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  from_point uuid NOT NULL REFERENCES site_point (id),
  to_point uuid NOT NULL REFERENCES site_point (id),
  length_m double precision NOT NULL CHECK (length_m > 0),
  state text NOT NULL CHECK (state IN ('open', 'blocked', 'unsafe', 'impassable')),
  clearance_person_hours double precision CHECK (clearance_person_hours > 0),
  state_reported_at timestamptz,
  state_reported_by text,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_point <> to_point),
  CHECK ((state = 'blocked') = (clearance_person_hours IS NOT NULL))
);
CREATE INDEX passage_site ON passage (site_id);

CREATE TABLE household (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  label text,
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE person (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  household_id uuid REFERENCES household (id),
  shelter_id uuid REFERENCES site_point (id),
  -- names as written, in any script: [{"script": "Cyrl", "family": "…", "given": "…", "patronymic": "…"}]
  names jsonb NOT NULL,
  sex text NOT NULL CHECK (sex IN ('female', 'male', 'other', 'unknown')),
  birth_date date,
  birth_year integer CHECK (birth_year BETWEEN 1880 AND 2100),
  age_band text CHECK (age_band IN ('0-4', '5-11', '12-17', '18-59', '60+')),
  vulnerabilities text[] NOT NULL DEFAULT '{}',
  triage text CHECK (triage IN ('T1', 'T2', 'T3')),
  languages text[] NOT NULL DEFAULT '{}',
  note text,
  status text NOT NULL CHECK (
    status IN ('sheltering', 'ready', 'assigned', 'boarded', 'arrived', 'left_reception', 'declined', 'missing',
               'deceased', 'held_at_screening', 'stayed_behind')
  ),
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX person_site_status ON person (site_id, status);
CREATE INDEX person_shelter ON person (shelter_id);
CREATE INDEX person_household ON person (household_id);

CREATE TABLE person_guardian (
  child_id uuid NOT NULL REFERENCES person (id),
  guardian_id uuid NOT NULL REFERENCES person (id),
  relation text,
  PRIMARY KEY (child_id, guardian_id),
  CHECK (child_id <> guardian_id)
);
CREATE INDEX person_guardian_guardian ON person_guardian (guardian_id);

-- A headcount is a claim about how many people are somewhere, with its source. It is never added
-- into the registry's own counts.
CREATE TABLE headcount (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  shelter_id uuid REFERENCES site_point (id),
  category text NOT NULL CHECK (category IN ('total', 'civilians', 'children', 'wounded', 'combatants', 'other')),
  count integer NOT NULL CHECK (count >= 0),
  approximate boolean NOT NULL DEFAULT true,
  source text NOT NULL CHECK (length(source) >= 1),
  reported_by text,
  reported_at timestamptz NOT NULL,
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX headcount_site ON headcount (site_id, reported_at);

-- The operations log: every change, in the same transaction as the change.
CREATE TABLE operation (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  actor_id uuid REFERENCES app_user (id),
  actor text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  entity text NOT NULL,
  entity_id uuid NOT NULL,
  action text NOT NULL,
  before jsonb,
  after jsonb
);
CREATE INDEX operation_entity ON operation (entity, entity_id, seq);
