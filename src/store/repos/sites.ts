import type { Passage, Site, SitePoint } from '../../domain/site.ts';
import { cipherOf } from '../crypto/sealed-store.ts';
import type { Queryable } from '../database.ts';

export interface SiteRow {
  id: string;
  name: string;
  place: string | null;
  time_zone: string;
  created_at: Date;
  updated_at: Date;
}

export const toSite = (row: SiteRow): Site => ({
  id: row.id,
  name: row.name,
  place: row.place,
  timeZone: row.time_zone,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export async function insertSite(
  tx: Queryable,
  site: Pick<Site, 'id' | 'name' | 'place' | 'timeZone'>,
): Promise<void> {
  await tx.query('INSERT INTO site (id, name, place, time_zone) VALUES ($1, $2, $3, $4)', [
    site.id,
    site.name,
    site.place,
    site.timeZone,
  ]);
}

export async function updateSite(
  tx: Queryable,
  site: Pick<Site, 'id' | 'name' | 'place' | 'timeZone'>,
): Promise<void> {
  await tx.query('UPDATE site SET name = $2, place = $3, time_zone = $4, updated_at = now() WHERE id = $1', [
    site.id,
    site.name,
    site.place,
    site.timeZone,
  ]);
}

export async function findSite(db: Queryable, id: string, forUpdate = false): Promise<Site | undefined> {
  const { rows } = await db.query<SiteRow>(
    `SELECT * FROM site WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toSite(rows[0]) : undefined;
}

export async function listSites(db: Queryable): Promise<Site[]> {
  const { rows } = await db.query<SiteRow>('SELECT * FROM site ORDER BY created_at, id');
  return rows.map(toSite);
}

export interface PointRow {
  id: string;
  site_id: string;
  kind: SitePoint['kind'];
  code: string;
  name: string | null;
  x: number | null;
  y: number | null;
  note: string | null;
  shelter_kind: SitePoint['shelterKind'];
  level: number | null;
  depth_m: number | null;
  capacity: number | null;
  conditions: SitePoint['conditions'];
  supervisor: string | null;
}

export const toPoint = (row: PointRow): SitePoint => ({
  id: row.id,
  siteId: row.site_id,
  kind: row.kind,
  code: row.code,
  name: row.name,
  x: row.x,
  y: row.y,
  note: row.note,
  shelterKind: row.shelter_kind,
  level: row.level,
  depthM: row.depth_m,
  capacity: row.capacity,
  conditions: row.conditions,
  supervisor: row.supervisor,
});

const pointParams = (tx: Queryable, p: SitePoint): unknown[] => [
  p.id,
  p.siteId,
  p.kind,
  p.code,
  p.name,
  p.x,
  p.y,
  p.note,
  p.shelterKind,
  p.level,
  p.depthM,
  p.capacity,
  p.conditions === null ? null : JSON.stringify(p.conditions),
  // A shelter's supervisor is a person named to the cell: sealed like the registry's names.
  cipherOf(tx).sealOrNull(p.supervisor),
];

export async function insertPoint(tx: Queryable, p: SitePoint): Promise<void> {
  await tx.query(
    `INSERT INTO site_point (id, site_id, kind, code, name, x, y, note, shelter_kind, level, depth_m, capacity, conditions, supervisor)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    pointParams(tx, p),
  );
}

export async function updatePoint(tx: Queryable, p: SitePoint): Promise<void> {
  await tx.query(
    `UPDATE site_point SET site_id = $2, kind = $3, code = $4, name = $5, x = $6, y = $7, note = $8, shelter_kind = $9,
       level = $10, depth_m = $11, capacity = $12, conditions = $13, supervisor = $14, updated_at = now()
     WHERE id = $1`,
    pointParams(tx, p),
  );
}

export async function findPoint(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<SitePoint | undefined> {
  const { rows } = await db.query<PointRow>(
    `SELECT * FROM site_point WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toPoint(rows[0]) : undefined;
}

export async function listPoints(db: Queryable, siteId: string): Promise<SitePoint[]> {
  const { rows } = await db.query<PointRow>(
    'SELECT * FROM site_point WHERE site_id = $1 ORDER BY kind, code',
    [siteId],
  );
  return rows.map(toPoint);
}

export interface PassageRow {
  id: string;
  site_id: string;
  from_point: string;
  to_point: string;
  length_m: number;
  state: Passage['state'];
  clearance_person_hours: number | null;
  state_reported_at: Date | null;
  state_reported_by: string | null;
  note: string | null;
}

export const toPassage = (row: PassageRow): Passage => ({
  id: row.id,
  siteId: row.site_id,
  from: row.from_point,
  to: row.to_point,
  lengthM: row.length_m,
  state: row.state,
  clearancePersonHours: row.clearance_person_hours,
  stateReportedAt: row.state_reported_at ? row.state_reported_at.toISOString() : null,
  stateReportedBy: row.state_reported_by,
  note: row.note,
});

const passageParams = (tx: Queryable, p: Passage): unknown[] => [
  p.id,
  p.siteId,
  p.from,
  p.to,
  p.lengthM,
  p.state,
  p.clearancePersonHours,
  p.stateReportedAt,
  // Who reported the state: often a field team, sometimes a person named to the cell; sealed.
  cipherOf(tx).sealOrNull(p.stateReportedBy),
  p.note,
];

export async function insertPassage(tx: Queryable, p: Passage): Promise<void> {
  await tx.query(
    `INSERT INTO passage (id, site_id, from_point, to_point, length_m, state, clearance_person_hours, state_reported_at,
       state_reported_by, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    passageParams(tx, p),
  );
}

/** Writes the passage; returns it as now stored. */
export async function updatePassage(tx: Queryable, p: Passage): Promise<Passage> {
  const { rows } = await tx.query<PassageRow>(
    `UPDATE passage SET site_id = $2, from_point = $3, to_point = $4, length_m = $5, state = $6,
       clearance_person_hours = $7, state_reported_at = $8, state_reported_by = $9, note = $10, updated_at = now()
     WHERE id = $1 RETURNING *`,
    passageParams(tx, p),
  );
  return toPassage(rows[0]!);
}

export async function findPassage(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<Passage | undefined> {
  const { rows } = await db.query<PassageRow>(
    `SELECT * FROM passage WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toPassage(rows[0]) : undefined;
}

export async function listPassages(db: Queryable, siteId: string): Promise<Passage[]> {
  const { rows } = await db.query<PassageRow>('SELECT * FROM passage WHERE site_id = $1 ORDER BY id', [
    siteId,
  ]);
  return rows.map(toPassage);
}
