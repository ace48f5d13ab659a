-- Tamper-evident audit and per-party disclosure profiles.

-- Auditors read the audit trail and nothing else of the operation.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check
  CHECK (role IN ('admin', 'coordinator', 'field', 'reception', 'observer', 'auditor'));

-- One entry per read of personal data, per change (one per operation) and per export. Entries hold
-- ids and route names only, never a name or a searched word. Each entry's hash covers its own
-- fields and the hash of the entry before it, so editing, deleting or reordering any entry breaks
-- the chain from there on (corridor audit verify).
CREATE TABLE audit_entry (
  pos bigint PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  kind text NOT NULL CHECK (kind IN ('read', 'change', 'export')),
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  operation_id uuid,
  detail jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_entry_at ON audit_entry (at, pos);
CREATE INDEX audit_entry_actor ON audit_entry (actor_id, pos);

-- The chain's head, one row: a committing transaction locks it to chain its entries, so entries
-- from concurrent transactions are chained one after the other in the order they commit.
CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  pos bigint NOT NULL,
  hash text NOT NULL
);
INSERT INTO audit_head (id, pos, hash) VALUES (1, 0, repeat('0', 64));

-- A field of the hashed text: its length in bytes, then the field, so no two entries share a text;
-- '~' stands for a missing value.
CREATE FUNCTION audit_field(value text) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT CASE WHEN value IS NULL THEN '~' ELSE octet_length(value)::text || ':' || value END $$;

-- The hash of an entry: the hash before it, then each field as text.
CREATE FUNCTION audit_hash(prev text, pos bigint, at timestamptz, actor_id uuid, kind text, action text,
  entity text, entity_id text, operation_id uuid, detail jsonb) RETURNS text LANGUAGE sql IMMUTABLE AS
  $$ SELECT encode(sha256(convert_to(prev
    || audit_field(pos::text)
    || audit_field(to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
    || audit_field(actor_id::text)
    || audit_field(kind)
    || audit_field(action)
    || audit_field(entity)
    || audit_field(entity_id)
    || audit_field(operation_id::text)
    || audit_field(detail::text), 'UTF8')), 'hex') $$;

-- Entries are written first to audit_pending, in the transaction that reads or changes, and chained
-- when that transaction commits (a deferred trigger). So the chain's head is locked only while the
-- transaction commits, not for the rest of its work: concurrent desks wait on each other for the
-- commit alone, and entries are chained in commit order. A transaction that rolls back leaves
-- neither entry nor hole. The table is empty between transactions.
CREATE TABLE audit_pending (
  seq bigserial PRIMARY KEY,
  id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_id uuid,
  kind text NOT NULL CHECK (kind IN ('read', 'change', 'export')),
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  operation_id uuid,
  detail jsonb
);

-- Chains the transaction's pending entries: the trigger fires once per pending row at commit; the
-- first firing chains them all (one update of the head), the others find nothing after the last
-- position chained, which the transaction remembers in a setting of its own.
CREATE FUNCTION audit_flush() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  head audit_head%ROWTYPE;
  e record;
  done bigint := coalesce(nullif(current_setting('corridor.audit_chained', true), '')::bigint, 0);
  last_seq bigint;
  next_pos bigint;
  last_hash text;
  entry_hash text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM audit_pending WHERE seq > done) THEN
    RETURN NULL;
  END IF;
  SELECT * INTO head FROM audit_head WHERE id = 1 FOR UPDATE;
  next_pos := head.pos;
  last_hash := head.hash;
  last_seq := done;
  FOR e IN SELECT * FROM audit_pending WHERE seq > done ORDER BY seq LOOP
    next_pos := next_pos + 1;
    entry_hash := audit_hash(last_hash, next_pos, e.at, e.actor_id, e.kind, e.action, e.entity, e.entity_id,
      e.operation_id, e.detail);
    INSERT INTO audit_entry (pos, id, at, actor_id, kind, action, entity, entity_id, operation_id, detail, prev_hash, hash)
      VALUES (next_pos, e.id, e.at, e.actor_id, e.kind, e.action, e.entity, e.entity_id, e.operation_id, e.detail,
        last_hash, entry_hash);
    last_hash := entry_hash;
    last_seq := e.seq;
  END LOOP;
  UPDATE audit_head SET pos = next_pos, hash = last_hash WHERE id = 1;
  DELETE FROM audit_pending WHERE seq > done AND seq <= last_seq;
  PERFORM set_config('corridor.audit_chained', last_seq::text, true);
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER audit_pending_chain AFTER INSERT ON audit_pending
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION audit_flush();

-- Every change is in the operations log, written in the change's own transaction by every write
-- path (bulk imports included). Each operation gets its audit entry in that same transaction; the
-- entry names the operation and what it changed, and leaves its before and after (which hold
-- names) in the operations log.
CREATE FUNCTION audit_operations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO audit_pending (id, at, actor_id, kind, action, entity, entity_id, operation_id)
  SELECT gen_random_uuid(), o.at, o.actor_id, 'change', o.action, o.entity, o.entity_id::text, o.id
  FROM added o ORDER BY o.seq;
  RETURN NULL;
END $$;

CREATE TRIGGER operation_audit AFTER INSERT ON operation REFERENCING NEW TABLE AS added
  FOR EACH STATEMENT EXECUTE FUNCTION audit_operations();

-- What a party may receive. grants lists what a profile allows: counts (aggregates), movements
-- (convoy routes, times and vehicles), records (a person's details without names) and names.
-- With consent_required, person-level data covers only people who agreed to be found. min_cell is
-- the smallest count a table for this profile may show (statistical disclosure control).
-- recipients lists who may receive under this profile; empty means any recipient.
CREATE TABLE disclosure_profile (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 500),
  grants text[] NOT NULL CHECK (grants <@ ARRAY['counts', 'movements', 'records', 'names']::text[]),
  consent_required boolean NOT NULL DEFAULT false,
  min_cell integer NOT NULL DEFAULT 5 CHECK (min_cell BETWEEN 1 AND 100),
  recipients text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A party is notified under its own profile, or under parties-to-the-conflict when it has none.
ALTER TABLE party ADD COLUMN disclosure_profile_id uuid REFERENCES disclosure_profile (id);

INSERT INTO disclosure_profile (id, name, purpose, grants, consent_required, min_cell, recipients) VALUES
  ('a0d1c5e0-0007-4000-8000-000000000001', 'parties-to-the-conflict',
   'Deconfliction: counts by category and the movements they must let pass, never a name',
   ARRAY['counts', 'movements'], false, 5, '{}'),
  ('a0d1c5e0-0007-4000-8000-000000000002', 'public',
   'Public situation reports: counts only, small cells suppressed', ARRAY['counts'], false, 5, '{}'),
  ('a0d1c5e0-0007-4000-8000-000000000003', 'icrc-tracing',
   'Restoring family links: names of people who agreed to be found, to the ICRC tracing service',
   ARRAY['counts', 'records', 'names'], true, 1, ARRAY['ICRC Central Tracing Agency']),
  ('a0d1c5e0-0007-4000-8000-000000000004', 'cell-transfer',
   'Moving the whole registry between Corridor instances of the coordination cell',
   ARRAY['counts', 'movements', 'records', 'names'], false, 1, '{}');
