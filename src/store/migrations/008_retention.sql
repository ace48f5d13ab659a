-- Retention (issue 10): the registration of someone who has left reception is minimised after the
-- retention period. Names, birth date and notes are removed; the row stays, with its status, shelter,
-- sex, age band and vulnerabilities, so every count that included the person still does. A
-- registration merged into theirs is minimised with it.

ALTER TABLE person ADD COLUMN minimised_at timestamptz;

-- Each run that changed the registry (dry runs change nothing and are not kept): when, by whom,
-- the period and the cut-off it applied, and what it did and why it kept what it kept.
CREATE TABLE retention_run (
  id uuid PRIMARY KEY,
  run_at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  actor_id uuid REFERENCES app_user (id),
  older_than_days integer NOT NULL CHECK (older_than_days >= 1),
  cutoff timestamptz NOT NULL,
  minimised integer NOT NULL CHECK (minimised >= 0),
  kept_open_tracing integer NOT NULL CHECK (kept_open_tracing >= 0),
  kept_open_child_case integer NOT NULL CHECK (kept_open_child_case >= 0)
);
