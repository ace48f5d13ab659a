import type { PersonStatus } from '../../domain/lifecycle.ts';
import type { MergeChanges } from '../../domain/merge.ts';
import { cipherOf } from '../crypto/sealed-store.ts';
import type { Queryable } from '../database.ts';

export interface Merge {
  id: string;
  siteId: string;
  survivorId: string;
  absorbedId: string;
  absorbedStatus: PersonStatus;
  score: number | null;
  explanation: string | null;
  reason: string | null;
  changes: MergeChanges;
  mergedAt: string;
  mergedBy: string;
  unmergedAt: string | null;
  unmergedBy: string | null;
  unmergeReason: string | null;
}

interface MergeRow {
  id: string;
  site_id: string;
  survivor_id: string;
  absorbed_id: string;
  absorbed_status: PersonStatus;
  score: number | null;
  explanation: string | null;
  reason: string | null;
  changes: MergeChanges;
  merged_at: Date;
  merged_by: string;
  unmerged_at: Date | null;
  unmerged_by: string | null;
  unmerge_reason: string | null;
}

const toMerge = (row: MergeRow): Merge => ({
  id: row.id,
  siteId: row.site_id,
  survivorId: row.survivor_id,
  absorbedId: row.absorbed_id,
  absorbedStatus: row.absorbed_status,
  score: row.score,
  explanation: row.explanation,
  reason: row.reason,
  changes: row.changes,
  mergedAt: row.merged_at.toISOString(),
  mergedBy: row.merged_by,
  unmergedAt: row.unmerged_at?.toISOString() ?? null,
  unmergedBy: row.unmerged_by,
  unmergeReason: row.unmerge_reason,
});

export async function insertMerge(
  tx: Queryable,
  m: Omit<Merge, 'mergedAt' | 'unmergedAt' | 'unmergedBy' | 'unmergeReason' | 'mergedBy'> & {
    by: string;
    byId: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO person_merge (id, site_id, survivor_id, absorbed_id, absorbed_status, score, explanation, reason,
       changes, merged_by, merged_by_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      m.id,
      m.siteId,
      m.survivorId,
      m.absorbedId,
      m.absorbedStatus,
      m.score,
      // The explanation and the changes carry both records' names.
      cipherOf(tx).sealOrNull(m.explanation),
      // Why a coordinator merged, unmerged or dismissed a pair may describe either person: sealed.
      cipherOf(tx).sealOrNull(m.reason),
      JSON.stringify(cipherOf(tx).seal(m.changes)),
      m.by,
      m.byId,
    ],
  );
}

export async function findMerge(db: Queryable, id: string, forUpdate = false): Promise<Merge | undefined> {
  const { rows } = await db.query<MergeRow>(
    `SELECT * FROM person_merge WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toMerge(rows[0]) : undefined;
}

/** Whether the person has absorbed registrations that are still merged into them. */
export async function standingMergesInto(db: Queryable, personId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM person_merge WHERE survivor_id = $1 AND unmerged_at IS NULL',
    [personId],
  );
  return rows[0]?.n ?? 0;
}

export async function markUnmerged(
  tx: Queryable,
  id: string,
  u: { by: string; byId: string | null; reason: string },
): Promise<void> {
  await tx.query(
    `UPDATE person_merge SET unmerged_at = now(), unmerged_by = $2, unmerged_by_id = $3, unmerge_reason = $4
     WHERE id = $1`,
    [id, u.by, u.byId, cipherOf(tx).seal(u.reason)],
  );
}

export async function listMerges(
  db: Queryable,
  filter: { siteId: string; personId?: string | undefined; limit: number; offset: number },
): Promise<{ items: Merge[]; total: number }> {
  const params: unknown[] = [filter.siteId];
  let where = 'site_id = $1';
  if (filter.personId)
    where += ` AND (survivor_id = $${params.push(filter.personId)} OR absorbed_id = $${params.length})`;
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM person_merge WHERE ${where}`,
    params,
  );
  const { rows } = await db.query<MergeRow>(
    `SELECT * FROM person_merge WHERE ${where} ORDER BY merged_at DESC, id
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.limit, filter.offset],
  );
  return { items: rows.map(toMerge), total: total.rows[0]?.n ?? 0 };
}

export async function insertDismissal(
  tx: Queryable,
  d: { a: string; b: string; siteId: string; reason: string | null; by: string; byId: string | null },
): Promise<void> {
  const [a, b] = d.a < d.b ? [d.a, d.b] : [d.b, d.a];
  await tx.query(
    `INSERT INTO duplicate_dismissal (person_a, person_b, site_id, reason, dismissed_by, dismissed_by_id)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [a, b, d.siteId, cipherOf(tx).sealOrNull(d.reason), d.by, d.byId],
  );
}

export async function dismissedPairs(db: Queryable, siteId: string): Promise<Set<string>> {
  const { rows } = await db.query<{ person_a: string; person_b: string }>(
    'SELECT person_a, person_b FROM duplicate_dismissal WHERE site_id = $1',
    [siteId],
  );
  return new Set(rows.map((row) => `${row.person_a} ${row.person_b}`));
}
