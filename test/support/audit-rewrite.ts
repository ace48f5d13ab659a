import type { Database } from '../../src/store/database.ts';

/**
 * What an attacker with database access alone does to the audit trail: changes the entry at `pos`,
 * then recomputes the hash of every entry from the first on (with the database's own audit_hash)
 * and moves the head, so the chain is consistent again and `audit verify` passes. Only an anchor
 * made before shows it.
 */
export async function rewriteChain(db: Database, pos: number): Promise<void> {
  await db.query(`UPDATE audit_entry SET action = 'nothing to see' WHERE pos = $1`, [pos]);
  await db.exec(`DO $$
    DECLARE e record; prev text := repeat('0', 64); h text;
    BEGIN
      FOR e IN SELECT * FROM audit_entry ORDER BY pos LOOP
        h := audit_hash(prev, e.pos, e.at, e.actor_id, e.kind, e.action, e.entity, e.entity_id,
          e.operation_id, e.detail);
        UPDATE audit_entry SET prev_hash = prev, hash = h WHERE pos = e.pos;
        prev := h;
      END LOOP;
      UPDATE audit_head SET hash = prev WHERE id = 1;
    END $$`);
}
