import type { HeadcountCategory } from '../../domain/headcount.ts';
import { cipherOf } from '../crypto/sealed-store.ts';
import type { Queryable } from '../database.ts';

/** A reported count of people somewhere, with its source: a claim, never part of the registry's counts. */
export interface Headcount {
  id: string;
  siteId: string;
  shelterId: string | null;
  category: HeadcountCategory;
  count: number;
  approximate: boolean;
  source: string;
  reportedBy: string | null;
  reportedAt: string;
  note: string | null;
}

export interface HeadcountRow {
  id: string;
  site_id: string;
  shelter_id: string | null;
  category: HeadcountCategory;
  count: number;
  approximate: boolean;
  source: string;
  reported_by: string | null;
  reported_at: Date;
  note: string | null;
}

export const toHeadcount = (row: HeadcountRow): Headcount => ({
  id: row.id,
  siteId: row.site_id,
  shelterId: row.shelter_id,
  category: row.category,
  count: row.count,
  approximate: row.approximate,
  source: row.source,
  reportedBy: row.reported_by,
  reportedAt: row.reported_at.toISOString(),
  note: row.note,
});

export async function insertHeadcount(tx: Queryable, h: Headcount): Promise<void> {
  await tx.query(
    `INSERT INTO headcount (id, site_id, shelter_id, category, count, approximate, source, reported_by, reported_at, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      h.id,
      h.siteId,
      h.shelterId,
      h.category,
      h.count,
      h.approximate,
      h.source,
      // Who gave the count may be a person (a shelter's supervisor): sealed.
      cipherOf(tx).sealOrNull(h.reportedBy),
      h.reportedAt,
      h.note,
    ],
  );
}

export async function findHeadcount(db: Queryable, id: string): Promise<Headcount | undefined> {
  const { rows } = await db.query<HeadcountRow>('SELECT * FROM headcount WHERE id = $1', [id]);
  return rows[0] ? toHeadcount(rows[0]) : undefined;
}

export async function listHeadcounts(db: Queryable, siteId: string): Promise<Headcount[]> {
  const { rows } = await db.query<HeadcountRow>(
    'SELECT * FROM headcount WHERE site_id = $1 ORDER BY reported_at, id',
    [siteId],
  );
  return rows.map(toHeadcount);
}
