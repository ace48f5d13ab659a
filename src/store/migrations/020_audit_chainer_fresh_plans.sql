-- The chainer's lookups are planned afresh for each batch (EXECUTE), and an entry's id is no longer
-- looked up in the chain one entry at a time.
--
-- PL/pgSQL keeps a statement's plan for the rest of the session. A chainer whose first batches ran
-- while the planner's statistics said the chain was empty (after an ANALYZE of a new database)
-- kept plans that scan the whole chain, once per entry: each batch cost more than the last, and
-- ten minutes after a 200,000-person import fewer than half of its entries were chained, with the
-- machine's cores busy (test/audit-chainer-cost.test.ts). Planned for each batch, the lookups use the chain's
-- index as soon as the table has grown. Two pending entries with one id are told apart within the
-- batch, in the same query: the first is chained, the second stays pending, as before.
CREATE OR REPLACE FUNCTION audit_chain_pending(batch integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  head audit_head%ROWTYPE;
  e record;
  seqs bigint[];
  next_pos bigint;
  last_hash text;
  entry_hash text;
BEGIN
  SELECT * INTO head FROM audit_head WHERE id = 1 FOR UPDATE;
  EXECUTE 'SELECT array_agg(seq ORDER BY seq) FROM (
             SELECT seq, row_number() OVER (PARTITION BY id ORDER BY seq) AS nth
             FROM (SELECT p.seq, p.id FROM audit_pending p
                   WHERE NOT EXISTS (SELECT 1 FROM audit_entry a WHERE a.id = p.id)
                   ORDER BY p.seq LIMIT $1) first) b
           WHERE nth = 1'
    INTO seqs USING batch;
  IF seqs IS NULL THEN
    RETURN 0;
  END IF;
  next_pos := head.pos;
  last_hash := head.hash;
  FOR e IN EXECUTE 'SELECT * FROM audit_pending WHERE seq = ANY ($1) ORDER BY seq' USING seqs LOOP
    next_pos := next_pos + 1;
    entry_hash := audit_hash(last_hash, next_pos, e.at, e.actor_id, e.kind, e.action, e.entity, e.entity_id,
      e.operation_id, e.detail);
    INSERT INTO audit_entry (pos, id, at, actor_id, kind, action, entity, entity_id, operation_id, detail, prev_hash, hash)
      VALUES (next_pos, e.id, e.at, e.actor_id, e.kind, e.action, e.entity, e.entity_id, e.operation_id, e.detail,
        last_hash, entry_hash);
    last_hash := entry_hash;
  END LOOP;
  UPDATE audit_head SET pos = next_pos, hash = last_hash WHERE id = 1;
  EXECUTE 'DELETE FROM audit_pending WHERE seq = ANY ($1)' USING seqs;
  RETURN cardinality(seqs);
END $$;
