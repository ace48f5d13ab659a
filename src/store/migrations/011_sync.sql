-- Offline sync (docs/sync-protocol.md). A device is bound to the account that first pushed from
-- it; its operations are applied in the order of its own sequence numbers, each exactly once.

CREATE TABLE sync_device (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES app_user (id),
  last_seq integer NOT NULL DEFAULT 0,
  first_seen timestamptz NOT NULL DEFAULT now(),
  last_seen timestamptz NOT NULL DEFAULT now()
);

-- Every operation received, applied or not: a repeat delivery finds its opId here and gets the
-- same answer without a second effect.
CREATE TABLE sync_op (
  op_id uuid PRIMARY KEY,
  device_id uuid NOT NULL REFERENCES sync_device (id),
  seq integer NOT NULL,
  hlc text NOT NULL,
  entity text NOT NULL,
  entity_id uuid NOT NULL,
  kind text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('applied', 'conflict', 'rejected')),
  error jsonb,
  received_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (device_id, seq)
);

-- The clock of the last write to each field of a record made through sync: a later write by
-- clock wins, an earlier one is kept as a conflict.
CREATE TABLE sync_field_clock (
  entity text NOT NULL,
  entity_id uuid NOT NULL,
  field text NOT NULL,
  hlc text NOT NULL,
  op_id uuid NOT NULL,
  PRIMARY KEY (entity, entity_id, field)
);

-- Writes that lost: a field older by clock than the value kept, or a status change the lifecycle
-- no longer allows. The losing value is kept (sealed when personal) for the coordinator to see.
CREATE TABLE sync_conflict (
  id uuid PRIMARY KEY,
  op_id uuid NOT NULL REFERENCES sync_op (op_id),
  site_id uuid REFERENCES site (id),
  entity text NOT NULL,
  entity_id uuid NOT NULL,
  field text NOT NULL,
  reason text NOT NULL CHECK (reason IN ('older_by_clock', 'status_superseded')),
  lost jsonb,
  kept jsonb,
  lost_hlc text NOT NULL,
  kept_hlc text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sync_conflict_site ON sync_conflict (site_id, at);
