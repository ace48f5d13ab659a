import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../src/store/database.ts';
import { backendName, openTestDatabase, type TestDatabase } from './support/database.ts';

// The chainer links pending audit entries a batch at a time. Its lookups in the chain must use the
// chain's index however stale the planner's statistics are: after an ANALYZE of an empty chain (an
// operator's routine VACUUM ANALYZE on a new database, say), a plan cached for an empty table
// scanned the whole chain for every entry, and chaining a large import's entries took minutes
// instead of seconds. Measured in buffers read, which do not depend on the machine's speed.

/** Shared buffers the call touched, from the executor's own count. */
async function buffersOf(tx: Queryable, sql: string): Promise<number> {
  const { rows } = await tx.query<{ 'QUERY PLAN': Array<{ Plan: Record<string, number> }> }>(
    `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`,
  );
  const plan = rows[0]!['QUERY PLAN'][0]!.Plan;
  return (plan['Shared Hit Blocks'] ?? 0) + (plan['Shared Read Blocks'] ?? 0);
}

describe(`chaining pending audit entries (${backendName})`, () => {
  let t: TestDatabase;
  const batch = 500;
  const batches = 6;

  beforeAll(async () => {
    t = await openTestDatabase();
    await t.db.query('ANALYZE audit_entry');
    await t.db.query(
      `INSERT INTO audit_pending (id, kind, action, entity, entity_id)
       SELECT gen_random_uuid(), 'change', 'import', 'person', g::text FROM generate_series(1, $1) g`,
      [batch * batches],
    );
  });

  afterAll(async () => {
    await t?.close();
  });

  it('costs about as much for the last batch as for the first, as the chain grows', async () => {
    const costs = await t.db.transaction(async (tx) => {
      const each: number[] = [];
      for (let i = 0; i < batches; i++)
        each.push(await buffersOf(tx, `SELECT audit_chain_pending(${batch})`));
      return each;
    });
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_pending');
    expect(rows[0]!.n).toBe(0);
    // An index lookup per entry costs the same at any length; a scan grows with every batch.
    expect(costs.at(-1)!).toBeLessThan(2 * costs[0]!);
  });
});
