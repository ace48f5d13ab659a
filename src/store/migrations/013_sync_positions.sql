-- Sync, second step (docs/sync-protocol.md). A pull's checkpoint was the operations log's sequence,
-- which is taken when a change is written, not when it commits: on PostgreSQL a transaction that
-- took sequence 5 and committed after another took 6 and was pulled would never be pulled. Each
-- operation now gets a position in the order its commit was seen: a pull first gives every
-- committed operation without one the next positions (serialised by the one row of sync_position),
-- so an operation that commits late is placed after everything already pulled.
ALTER TABLE operation ADD COLUMN sync_pos bigint;
-- Operations already logged keep their sequence as their position: checkpoints given out stay good.
UPDATE operation SET sync_pos = seq;
CREATE UNIQUE INDEX operation_sync_pos ON operation (sync_pos);
CREATE INDEX operation_unpositioned ON operation (seq) WHERE sync_pos IS NULL;

CREATE TABLE sync_position (
  id boolean PRIMARY KEY DEFAULT true CHECK (id),
  last bigint NOT NULL
);
INSERT INTO sync_position (id, last) SELECT true, coalesce(max(seq), 0) FROM operation;

-- Edits made through the web forms and the REST routes stamp the server's clock on the fields they
-- change, so a later offline write with an older clock does not overwrite them. Such a stamp has
-- no operation of a device behind it.
ALTER TABLE sync_field_clock ALTER COLUMN op_id DROP NOT NULL;
-- The server's latest clock is read on every push, pull and stamped edit.
CREATE INDEX sync_op_hlc ON sync_op (hlc);
CREATE INDEX sync_field_clock_hlc ON sync_field_clock (hlc);
