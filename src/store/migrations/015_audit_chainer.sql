-- The audit trail is chained in batches instead of at each transaction's commit.
--
-- Until now every transaction that read or changed personal data locked the chain's head as it
-- committed and held the lock through its commit: all of them, across every connection and
-- instance, committed one at a time. A read cost a write transaction queued behind every other.
-- Now a read or a change only appends its entries to audit_pending (in its own transaction, so an
-- entry is durable exactly when what it records is), and audit_chain_pending links the pending
-- entries into the chain a batch at a time, one lock of the head per batch: the server does it
-- every second, and `corridor audit verify`, `export` and `anchor` do it before they read.
DROP TRIGGER audit_pending_chain ON audit_pending;
DROP FUNCTION audit_flush();

-- Chains up to batch pending entries, in the order they were appended, and returns how many. The
-- head is locked first, so a second chainer (another instance) waits and then finds the entries
-- already moved: every entry is chained once and there is one chain. The batch is chosen after the
-- lock and deleted by its own sequence numbers, never by a range, so an entry committed meanwhile
-- by a transaction that started earlier is left for the next batch, not lost. A pending entry whose
-- id is already in the chain (a replay) is left where it is, for audit verify to report, rather than
-- stopping the chainer.
CREATE FUNCTION audit_chain_pending(batch integer) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  head audit_head%ROWTYPE;
  e record;
  seqs bigint[];
  next_pos bigint;
  last_hash text;
  entry_hash text;
BEGIN
  SELECT * INTO head FROM audit_head WHERE id = 1 FOR UPDATE;
  SELECT array_agg(seq ORDER BY seq) INTO seqs
    FROM (SELECT p.seq FROM audit_pending p
          WHERE NOT EXISTS (SELECT 1 FROM audit_entry a WHERE a.id = p.id)
          ORDER BY p.seq LIMIT batch) b;
  IF seqs IS NULL THEN
    RETURN 0;
  END IF;
  next_pos := head.pos;
  last_hash := head.hash;
  FOR e IN SELECT * FROM audit_pending WHERE seq = ANY (seqs) ORDER BY seq LOOP
    -- Two pending entries with one id: the first is chained, the second stays pending.
    IF EXISTS (SELECT 1 FROM audit_entry WHERE id = e.id) THEN
      seqs := array_remove(seqs, e.seq);
      CONTINUE;
    END IF;
    next_pos := next_pos + 1;
    entry_hash := audit_hash(last_hash, next_pos, e.at, e.actor_id, e.kind, e.action, e.entity, e.entity_id,
      e.operation_id, e.detail);
    INSERT INTO audit_entry (pos, id, at, actor_id, kind, action, entity, entity_id, operation_id, detail, prev_hash, hash)
      VALUES (next_pos, e.id, e.at, e.actor_id, e.kind, e.action, e.entity, e.entity_id, e.operation_id, e.detail,
        last_hash, entry_hash);
    last_hash := entry_hash;
  END LOOP;
  UPDATE audit_head SET pos = next_pos, hash = last_hash WHERE id = 1;
  DELETE FROM audit_pending WHERE seq = ANY (seqs);
  RETURN cardinality(seqs);
END $$;

