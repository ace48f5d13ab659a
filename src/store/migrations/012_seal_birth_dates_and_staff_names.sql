-- Birth dates, and the names of people recorded beside staff work, become sealed fields like names
-- (docs/data-responsibility.md). A sealed value is text: birth dates and years move to new text
-- columns (migrations only add), and the date and integer columns they leave are kept, always
-- empty. Ages are computed in the services from the opened values; no SQL filters, sorts or
-- groups on any column sealed here.

ALTER TABLE person ADD COLUMN birth_date_sealed text, ADD COLUMN birth_year_sealed text;
UPDATE person SET birth_date_sealed = to_char(birth_date, 'YYYY-MM-DD'), birth_year_sealed = birth_year::text,
  birth_date = NULL, birth_year = NULL
WHERE birth_date IS NOT NULL OR birth_year IS NOT NULL;

ALTER TABLE tracing_request
  ADD COLUMN sought_birth_date_sealed text,
  ADD COLUMN sought_birth_year_sealed text;
UPDATE tracing_request SET sought_birth_date_sealed = to_char(sought_birth_date, 'YYYY-MM-DD'),
  sought_birth_year_sealed = sought_birth_year::text, sought_birth_date = NULL, sought_birth_year = NULL
WHERE sought_birth_date IS NOT NULL OR sought_birth_year IS NOT NULL;

-- A sealed reporter is longer than the reporter; the service checks that one is given.
ALTER TABLE convoy_event DROP CONSTRAINT convoy_event_reporter_check;

-- Values in clear when this migration ran are sealed when the store is next opened with its keys
-- (SQL has no key): src/store/crypto/seal-clear.ts works through this list and removes each entry
-- once its column holds no clear value. `kind` says what the clear text was.
CREATE TABLE sealing_pending (
  table_name text NOT NULL,
  column_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('text', 'integer', 'log')),
  PRIMARY KEY (table_name, column_name)
);
INSERT INTO sealing_pending (table_name, column_name, kind) VALUES
  ('person', 'birth_date_sealed', 'text'),
  ('person', 'birth_year_sealed', 'integer'),
  ('tracing_request', 'sought_birth_date_sealed', 'text'),
  ('tracing_request', 'sought_birth_year_sealed', 'integer'),
  ('passage', 'state_reported_by', 'text'),
  ('headcount', 'reported_by', 'text'),
  ('convoy_event', 'reporter', 'text'),
  ('check_in', 'desk', 'text'),
  ('convoy_vehicle', 'crew_note', 'text'),
  ('crew', 'note', 'text'),
  ('clearance_progress', 'note', 'text'),
  ('claim', 'speaker', 'text'),
  -- The before and after of every logged change, an alert's details and synced writes that lost:
  -- values under the keys newly named personal (birth dates, reporters, desks) are sealed in place.
  ('operation', 'before', 'log'),
  ('operation', 'after', 'log'),
  ('reconciliation_alert', 'details', 'log'),
  ('sync_conflict', 'lost', 'log'),
  ('sync_conflict', 'kept', 'log');
