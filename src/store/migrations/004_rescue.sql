-- Rescue by hand (issue 7): the crews that clear rubble, the rescue plans made for them, and the
-- progress crews report on the passages they clear.

-- A hand crew: how many people, where it is now, and its rhythm of shifts and rests. A crew is
-- never deleted (plans and progress name it); a crew that can no longer work is marked lost.
CREATE TABLE crew (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  size integer NOT NULL CHECK (size >= 1),
  position_point_id uuid NOT NULL REFERENCES site_point (id),
  hours_per_shift double precision NOT NULL CHECK (hours_per_shift > 0 AND hours_per_shift <= 24),
  rest_hours double precision NOT NULL CHECK (rest_hours >= 0 AND rest_hours <= 72),
  -- When one of its shifts began; its shifts repeat every hours_per_shift + rest_hours. NULL: a
  -- shift begins when a plan starts.
  shift_started_at timestamptz,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'lost')),
  note text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (site_id, name)
);
CREATE INDEX crew_position ON crew (position_point_id);

-- A rescue plan keeps exactly what the planner was given and answered. Times in the result are
-- hours from plan_start. Once accepted, each re-plan after progress or a change on the site
-- replaces `estimate` (same clock); the accepted result itself never changes.
CREATE TABLE rescue_plan (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  status text NOT NULL CHECK (status IN ('draft', 'accepted', 'superseded', 'discarded')),
  plan_start timestamptz NOT NULL,
  options jsonb NOT NULL DEFAULT '{}',
  input jsonb NOT NULL,
  -- The last operation the input had seen, to tell whether the site has changed since.
  input_basis bigint NOT NULL,
  result jsonb NOT NULL,
  based_on uuid REFERENCES rescue_plan (id),
  created_by text NOT NULL,
  created_by_id uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  accepted_by text,
  accepted_at timestamptz,
  status_changed_at timestamptz NOT NULL DEFAULT now(),
  estimate jsonb,
  -- What the estimate was given besides the site as it stood: the time and the tasks under way.
  estimate_progress jsonb,
  estimated_at timestamptz,
  -- The last operation the estimate's input had seen: an older estimate never overwrites a newer one.
  estimate_basis bigint,
  CHECK (status NOT IN ('accepted', 'superseded') OR accepted_at IS NOT NULL),
  CHECK ((estimate IS NULL) = (estimated_at IS NULL))
);
CREATE INDEX rescue_plan_site ON rescue_plan (site_id, created_at);
-- At most one accepted rescue plan per site: the one crews work to.
CREATE UNIQUE INDEX rescue_plan_one_accepted ON rescue_plan (site_id) WHERE status = 'accepted';

-- "Crew 2 cleared 40 % of passage S06-J03": the share of the passage cleared so far, as reported.
CREATE TABLE clearance_progress (
  id uuid PRIMARY KEY,
  plan_id uuid NOT NULL REFERENCES rescue_plan (id),
  crew_id uuid NOT NULL REFERENCES crew (id),
  passage_id uuid NOT NULL REFERENCES passage (id),
  percent double precision NOT NULL CHECK (percent >= 0 AND percent <= 100),
  at timestamptz NOT NULL,
  reported_by text NOT NULL,
  reported_by_id uuid REFERENCES app_user (id),
  note text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clearance_progress_plan ON clearance_progress (plan_id, at);
CREATE INDEX clearance_progress_crew ON clearance_progress (crew_id, at);
CREATE INDEX clearance_progress_passage ON clearance_progress (passage_id, at);
