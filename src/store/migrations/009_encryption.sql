-- Encryption at rest of personal fields (src/store/crypto). Sealed values are strings that fit the
-- existing text and jsonb columns; what the database itself needs are the wrapped keys and the
-- blind indexes that let the registry be searched without names in clear.

-- Data keys (sealing fields) and the index key (blind indexes), each wrapped by the master key,
-- which is never stored: master_id is a fingerprint that tells a wrong master key from damage.
CREATE TABLE encryption_key (
  id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{8}$'),
  purpose text NOT NULL CHECK (purpose IN ('data', 'index')),
  wrapped text NOT NULL,
  master_id text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- A retired data key seals nothing new and is kept until nothing sealed by it remains.
  retired_at timestamptz
);

-- Keyed hashes of every name word, of its prefixes and of its transliterated and phonetic forms:
-- the registry's search looks them up instead of reading names.
ALTER TABLE person ADD COLUMN name_keys text[] NOT NULL DEFAULT '{}';
CREATE INDEX person_name_keys ON person USING gin (name_keys);

-- A sealed name is longer than the name; the service checks the length of the name itself.
ALTER TABLE tracing_request DROP CONSTRAINT tracing_request_enquirer_name_check;
ALTER TABLE child_case_verification DROP CONSTRAINT child_case_verification_name_check;
ALTER TABLE child_case_verification DROP CONSTRAINT child_case_verification_evidence_check;
