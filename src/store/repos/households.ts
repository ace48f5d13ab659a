import { cipherOf } from '../crypto/sealed-store.ts';
import type { Queryable } from '../database.ts';

// A household's label names a family ("Melnyk family") and its note may say more: both are sealed.

export interface Household {
  id: string;
  siteId: string;
  label: string | null;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface HouseholdRow {
  id: string;
  site_id: string;
  label: string | null;
  note: string | null;
  created_at: Date;
  updated_at: Date;
}

export const toHousehold = (row: HouseholdRow): Household => ({
  id: row.id,
  siteId: row.site_id,
  label: row.label,
  note: row.note,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export async function insertHousehold(
  tx: Queryable,
  h: Pick<Household, 'id' | 'siteId' | 'label' | 'note'>,
): Promise<void> {
  await tx.query('INSERT INTO household (id, site_id, label, note) VALUES ($1, $2, $3, $4)', [
    h.id,
    h.siteId,
    cipherOf(tx).sealOrNull(h.label),
    cipherOf(tx).sealOrNull(h.note),
  ]);
}

export async function updateHousehold(
  tx: Queryable,
  h: Pick<Household, 'id' | 'label' | 'note'>,
): Promise<void> {
  await tx.query('UPDATE household SET label = $2, note = $3, updated_at = now() WHERE id = $1', [
    h.id,
    cipherOf(tx).sealOrNull(h.label),
    cipherOf(tx).sealOrNull(h.note),
  ]);
}

export async function findHousehold(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<Household | undefined> {
  const { rows } = await db.query<HouseholdRow>(
    `SELECT * FROM household WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toHousehold(rows[0]) : undefined;
}

export async function listHouseholds(
  db: Queryable,
  siteId: string | undefined,
  limit: number,
  offset: number,
): Promise<Household[]> {
  const { rows } = await db.query<HouseholdRow>(
    `SELECT * FROM household ${siteId ? 'WHERE site_id = $3' : ''} ORDER BY id LIMIT $1 OFFSET $2`,
    siteId ? [limit, offset, siteId] : [limit, offset],
  );
  return rows.map(toHousehold);
}
