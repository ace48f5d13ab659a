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

/**
 * Writes the headcount if its site exists and its shelter, if any, is a shelter of that site: the
 * references are checked by the insert itself, in one round trip. Says whether it was written.
 */
export async function insertHeadcount(tx: Queryable, h: Headcount): Promise<boolean> {
  const { rowCount } = await tx.query(
    `INSERT INTO headcount (id, site_id, shelter_id, category, count, approximate, source, reported_by, reported_at, note)
     SELECT $1::uuid, $2::uuid, $3::uuid, $4::text, $5::int, $6::boolean, $7::text, $8::text, $9::timestamptz, $10::text
      WHERE EXISTS (SELECT 1 FROM site WHERE site.id = $2::uuid)
        AND ($3::uuid IS NULL OR
          (SELECT sp.site_id = $2::uuid AND sp.kind = 'shelter' FROM site_point sp WHERE sp.id = $3::uuid) IS TRUE)`,
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
      // A remark on a count may name or describe people in the shelter: sealed.
      cipherOf(tx).sealOrNull(h.note),
    ],
  );
  return rowCount > 0;
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
