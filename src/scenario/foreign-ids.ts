import type { Queryable } from '../store/database.ts';
import type { FileProblem } from './check.ts';
import { batchSize } from './upsert.ts';

/**
 * The problems of a site file section whose ids already belong to another site's rows of `table`:
 * an import refuses them rather than moving a record from one site to another. The ids are asked
 * for in batches, as a section of a large site can hold hundreds of thousands of records.
 */
export async function foreignIds(
  tx: Queryable,
  siteId: string,
  key: string,
  table: string,
  records: ReadonlyArray<{ id: string }>,
): Promise<FileProblem[]> {
  const problems: FileProblem[] = [];
  const step = batchSize * 5;
  for (let start = 0; start < records.length; start += step) {
    const { rows } = await tx.query<{ id: string }>(
      `SELECT id FROM ${table} WHERE id = ANY($1::uuid[]) AND site_id <> $2`,
      [records.slice(start, start + step).map((r) => r.id), siteId],
    );
    for (const row of rows)
      problems.push({
        path: `$.${key}[${records.findIndex((r) => r.id === row.id)}].id`,
        reason: `id ${row.id} already belongs to another site`,
      });
  }
  return problems;
}
