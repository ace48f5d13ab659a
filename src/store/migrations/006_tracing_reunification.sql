-- Tracing, duplicates and reunification (issue 9): merging two registrations of one person (and
-- undoing it), pairs a coordinator found to be two people, tracing requests with their matches
-- against the registry, the sought person's consent to be found, records exchanged in PFIF 1.4,
-- and the cases of unaccompanied and separated children until their hand-over.

-- A registration absorbed into another by a merge keeps its row and its history; its status says
-- it no longer counts as a person of its own, so every count and plan leaves it out.
ALTER TABLE person DROP CONSTRAINT person_status_check;
ALTER TABLE person ADD CONSTRAINT person_status_check CHECK (
  status IN ('sheltering', 'ready', 'assigned', 'boarded', 'arrived', 'left_reception', 'declined', 'missing',
             'deceased', 'held_at_screening', 'stayed_behind', 'merged')
);

-- One merge of two registrations: the survivor goes on, the absorbed one is marked merged. What the
-- merge added to the survivor is kept in `changes`, so that an unmerge takes back exactly that and
-- leaves whatever happened to the survivor since.
CREATE TABLE person_merge (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  survivor_id uuid NOT NULL REFERENCES person (id),
  absorbed_id uuid NOT NULL REFERENCES person (id),
  -- The absorbed registration's status before the merge, given back by an unmerge.
  absorbed_status text NOT NULL,
  score double precision CHECK (score >= 0 AND score <= 1),
  explanation text,
  reason text,
  changes jsonb NOT NULL,
  merged_at timestamptz NOT NULL DEFAULT now(),
  merged_by text NOT NULL,
  merged_by_id uuid REFERENCES app_user (id),
  unmerged_at timestamptz,
  unmerged_by text,
  unmerged_by_id uuid REFERENCES app_user (id),
  unmerge_reason text,
  CHECK (survivor_id <> absorbed_id),
  CHECK ((unmerged_at IS NULL) = (unmerged_by IS NULL))
);
-- A registration is absorbed by at most one standing merge.
CREATE UNIQUE INDEX person_merge_standing ON person_merge (absorbed_id) WHERE unmerged_at IS NULL;
CREATE INDEX person_merge_survivor ON person_merge (survivor_id);
CREATE INDEX person_merge_site ON person_merge (site_id, merged_at);

-- A candidate pair a coordinator looked at and found to be two people: not proposed again.
CREATE TABLE duplicate_dismissal (
  person_a uuid NOT NULL REFERENCES person (id),
  person_b uuid NOT NULL REFERENCES person (id),
  site_id uuid NOT NULL REFERENCES site (id),
  reason text,
  dismissed_at timestamptz NOT NULL DEFAULT now(),
  dismissed_by text NOT NULL,
  dismissed_by_id uuid REFERENCES app_user (id),
  PRIMARY KEY (person_a, person_b),
  CHECK (person_a < person_b)
);
CREATE INDEX duplicate_dismissal_site ON duplicate_dismissal (site_id);

-- Someone looking for someone: who is sought, by whom and how to reach them, their relation, where
-- and when the sought person was last seen and how they were separated. A request imported from
-- another registry in PFIF keeps that record's id and fields, so it is exported again unchanged.
CREATE TABLE tracing_request (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  origin text NOT NULL DEFAULT 'corridor' CHECK (origin IN ('corridor', 'pfif')),
  pfif_record_id text UNIQUE CHECK (length(pfif_record_id) BETWEEN 3 AND 500),
  pfif jsonb,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_reason text,
  closed_at timestamptz,
  -- the person sought; names as written, in any script, like the registry's
  sought_names jsonb NOT NULL,
  sought_sex text CHECK (sought_sex IN ('female', 'male', 'other', 'unknown')),
  sought_birth_date date,
  sought_birth_year integer CHECK (sought_birth_year BETWEEN 1880 AND 2100),
  sought_age_band text CHECK (sought_age_band IN ('0-4', '5-11', '12-17', '18-59', '60+')),
  sought_description text,
  -- the enquirer
  enquirer_name text NOT NULL CHECK (length(enquirer_name) BETWEEN 1 AND 200),
  enquirer_phone text,
  enquirer_email text,
  enquirer_contact_note text,
  enquirer_person_id uuid REFERENCES person (id),
  relation text,
  last_seen_place text,
  last_seen_point_id uuid REFERENCES site_point (id),
  last_seen_date date,
  separation text,
  -- The request's version last matched against the whole registry; below `version`, it is due.
  matched_version integer NOT NULL DEFAULT 0,
  version integer NOT NULL DEFAULT 1,
  created_by text NOT NULL,
  created_by_id uuid REFERENCES app_user (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK (origin = 'corridor' OR pfif_record_id IS NOT NULL),
  CHECK (origin = 'pfif' OR enquirer_phone IS NOT NULL OR enquirer_email IS NOT NULL OR enquirer_contact_note IS NOT NULL)
);
CREATE INDEX tracing_request_site ON tracing_request (site_id, status, created_at);

-- PFIF note records about a request, as imported (fields kept whole for the next export).
CREATE TABLE tracing_note (
  id uuid PRIMARY KEY,
  request_id uuid NOT NULL REFERENCES tracing_request (id),
  pfif_record_id text NOT NULL UNIQUE CHECK (length(pfif_record_id) BETWEEN 3 AND 500),
  fields jsonb NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX tracing_note_request ON tracing_note (request_id);

-- A registered person the matcher found like the person sought; a coordinator confirms or rejects it.
CREATE TABLE tracing_match (
  request_id uuid NOT NULL REFERENCES tracing_request (id),
  person_id uuid NOT NULL REFERENCES person (id),
  score double precision NOT NULL CHECK (score >= 0 AND score <= 1),
  summary text NOT NULL,
  explanation jsonb NOT NULL,
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'confirmed', 'rejected')),
  found_at timestamptz NOT NULL DEFAULT now(),
  scored_at timestamptz NOT NULL DEFAULT now(),
  reviewed_at timestamptz,
  reviewed_by text,
  reviewed_by_id uuid REFERENCES app_user (id),
  review_note text,
  PRIMARY KEY (request_id, person_id),
  CHECK ((status = 'proposed') = (reviewed_at IS NULL))
);
CREATE INDEX tracing_match_person ON tracing_match (person_id);

-- Whether a registered person agrees to be found by those looking for them. Without a row nobody
-- has asked; a person who declined is never disclosed by tracing, search or exchange. Earlier
-- decisions stay in the operations log.
CREATE TABLE tracing_consent (
  person_id uuid PRIMARY KEY REFERENCES person (id),
  decision text NOT NULL CHECK (decision IN ('agreed', 'declined')),
  note text,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  recorded_by text NOT NULL,
  recorded_by_id uuid REFERENCES app_user (id)
);

-- How far the matcher has read the operations log: people registered or changed after this are
-- matched against the open requests on its next run.
CREATE TABLE tracing_matcher (
  id integer PRIMARY KEY CHECK (id = 1),
  last_seq bigint NOT NULL
);
INSERT INTO tracing_matcher (id, last_seq) VALUES (1, 0);

-- An unaccompanied or separated child's case: open until the child is handed to a verified family
-- member or guardian (or closed otherwise, with a reason).
CREATE TABLE child_case (
  id uuid PRIMARY KEY,
  site_id uuid NOT NULL REFERENCES site (id),
  child_id uuid NOT NULL REFERENCES person (id),
  kind text NOT NULL CHECK (kind IN ('unaccompanied', 'separated')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'handed_over', 'closed')),
  note text,
  opened_at timestamptz NOT NULL DEFAULT now(),
  opened_by text NOT NULL,
  opened_by_id uuid REFERENCES app_user (id),
  handover_verification_id uuid,
  handed_over_at timestamptz,
  handover_place text,
  handover_recorded_by text,
  handover_recorded_by_id uuid REFERENCES app_user (id),
  closed_at timestamptz,
  closed_reason text,
  closed_by text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'handed_over') = (handed_over_at IS NOT NULL AND handover_verification_id IS NOT NULL)),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  CHECK (closed_reason IS NULL OR length(closed_reason) >= 3)
);
-- One open case per child.
CREATE UNIQUE INDEX child_case_open ON child_case (child_id) WHERE status = 'open';
CREATE INDEX child_case_site ON child_case (site_id, status, opened_at);

-- A family member or guardian whose identity and relation to the child someone checked, and who
-- checked it and how. A hand-over names one of these.
CREATE TABLE child_case_verification (
  id uuid PRIMARY KEY,
  case_id uuid NOT NULL REFERENCES child_case (id),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  relation text NOT NULL CHECK (length(relation) BETWEEN 1 AND 100),
  person_id uuid REFERENCES person (id),
  contact text,
  method text NOT NULL CHECK (method IN ('identity_document', 'registry_record', 'tracing_match', 'child_recognition',
                                         'community_confirmation', 'other')),
  evidence text NOT NULL CHECK (length(evidence) >= 3),
  verified_at timestamptz NOT NULL DEFAULT now(),
  verified_by text NOT NULL,
  verified_by_id uuid REFERENCES app_user (id)
);
CREATE INDEX child_case_verification_case ON child_case_verification (case_id);
ALTER TABLE child_case ADD CONSTRAINT child_case_handover_verification
  FOREIGN KEY (handover_verification_id) REFERENCES child_case_verification (id);
