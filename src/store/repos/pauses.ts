import type { AcceptanceAnswer, AgreementElement, PauseKind } from '../../domain/pause.ts';
import type { Queryable } from '../database.ts';

export interface PauseScope {
  site?: boolean;
  pickupPointIds?: string[];
  route?: string;
}

export type PauseElements = Partial<Record<AgreementElement, { agreed: boolean; note?: string }>>;

export interface PauseWindow {
  id: string;
  siteId: string;
  name: string;
  kind: PauseKind;
  announcedBy: string;
  announcedAt: string;
  announcementSourceId: string | null;
  announcedZone: string;
  announcedStartLocal: string;
  announcedEndLocal: string;
  scope: PauseScope;
  elements: PauseElements;
  effectiveStart: string | null;
  effectiveEnd: string | null;
  suspendedAt: string | null;
  resumedAt: string | null;
  note: string | null;
}

export interface PauseAcceptance {
  partyId: string;
  answer: AcceptanceAnswer;
  answeredAt: string | null;
  sourceId: string | null;
  note: string | null;
}

export interface PauseRow {
  id: string;
  site_id: string;
  name: string;
  kind: PauseKind;
  announced_by: string;
  announced_at: Date;
  announcement_source_id: string | null;
  announced_zone: string;
  announced_start_local: string;
  announced_end_local: string;
  scope: PauseScope;
  elements: PauseElements;
  effective_start: Date | null;
  effective_end: Date | null;
  suspended_at: Date | null;
  resumed_at: Date | null;
  note: string | null;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const toPause = (r: PauseRow): PauseWindow => ({
  id: r.id,
  siteId: r.site_id,
  name: r.name,
  kind: r.kind,
  announcedBy: r.announced_by,
  announcedAt: r.announced_at.toISOString(),
  announcementSourceId: r.announcement_source_id,
  announcedZone: r.announced_zone,
  announcedStartLocal: r.announced_start_local,
  announcedEndLocal: r.announced_end_local,
  scope: r.scope,
  elements: r.elements,
  effectiveStart: iso(r.effective_start),
  effectiveEnd: iso(r.effective_end),
  suspendedAt: iso(r.suspended_at),
  resumedAt: iso(r.resumed_at),
  note: r.note,
});

const pauseParams = (p: PauseWindow): unknown[] => [
  p.id,
  p.siteId,
  p.name,
  p.kind,
  p.announcedBy,
  p.announcedAt,
  p.announcementSourceId,
  p.announcedZone,
  p.announcedStartLocal,
  p.announcedEndLocal,
  JSON.stringify(p.scope),
  JSON.stringify(p.elements),
  p.effectiveStart,
  p.effectiveEnd,
  p.suspendedAt,
  p.resumedAt,
  p.note,
];

export async function insertPause(tx: Queryable, p: PauseWindow): Promise<void> {
  await tx.query(
    `INSERT INTO pause_window (id, site_id, name, kind, announced_by, announced_at, announcement_source_id, announced_zone,
       announced_start_local, announced_end_local, scope, elements, effective_start, effective_end, suspended_at, resumed_at, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    pauseParams(p),
  );
}

export async function updatePause(tx: Queryable, p: PauseWindow): Promise<void> {
  await tx.query(
    `UPDATE pause_window SET site_id = $2, name = $3, kind = $4, announced_by = $5, announced_at = $6,
       announcement_source_id = $7, announced_zone = $8, announced_start_local = $9, announced_end_local = $10, scope = $11,
       elements = $12, effective_start = $13, effective_end = $14, suspended_at = $15, resumed_at = $16, note = $17,
       updated_at = now()
     WHERE id = $1`,
    pauseParams(p),
  );
}

export async function findPause(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<PauseWindow | undefined> {
  const { rows } = await db.query<PauseRow>(
    `SELECT * FROM pause_window WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toPause(rows[0]) : undefined;
}

export async function listPauses(db: Queryable, siteId: string): Promise<PauseWindow[]> {
  const { rows } = await db.query<PauseRow>(
    'SELECT * FROM pause_window WHERE site_id = $1 ORDER BY announced_at, id',
    [siteId],
  );
  return rows.map(toPause);
}

interface AcceptanceRow {
  pause_window_id: string;
  party_id: string;
  answer: AcceptanceAnswer;
  answered_at: Date | null;
  source_id: string | null;
  note: string | null;
}

export async function listAcceptances(
  db: Queryable,
  pauseIds: string[],
): Promise<Map<string, PauseAcceptance[]>> {
  const { rows } = await db.query<AcceptanceRow>(
    'SELECT * FROM pause_acceptance WHERE pause_window_id = ANY($1::uuid[]) ORDER BY party_id',
    [pauseIds],
  );
  const byPause = new Map<string, PauseAcceptance[]>();
  for (const r of rows) {
    const list = byPause.get(r.pause_window_id) ?? [];
    list.push({
      partyId: r.party_id,
      answer: r.answer,
      answeredAt: iso(r.answered_at),
      sourceId: r.source_id,
      note: r.note,
    });
    byPause.set(r.pause_window_id, list);
  }
  return byPause;
}

export async function upsertAcceptance(tx: Queryable, pauseId: string, a: PauseAcceptance): Promise<void> {
  await tx.query(
    `INSERT INTO pause_acceptance (pause_window_id, party_id, answer, answered_at, source_id, note)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (pause_window_id, party_id) DO UPDATE
       SET answer = EXCLUDED.answer, answered_at = EXCLUDED.answered_at, source_id = EXCLUDED.source_id,
           note = EXCLUDED.note, updated_at = now()`,
    [pauseId, a.partyId, a.answer, a.answeredAt, a.sourceId, a.note],
  );
}

/** Times of the breaching incidents linked to each window. */
export async function breachTimes(
  db: Queryable,
  pauseIds: string[],
  types: readonly string[],
): Promise<Map<string, string[]>> {
  const { rows } = await db.query<{ pause_window_id: string; occurred_at: Date }>(
    'SELECT pause_window_id, occurred_at FROM incident WHERE pause_window_id = ANY($1::uuid[]) AND type = ANY($2::text[])',
    [pauseIds, types],
  );
  const byPause = new Map<string, string[]>();
  for (const r of rows)
    byPause.set(r.pause_window_id, [...(byPause.get(r.pause_window_id) ?? []), r.occurred_at.toISOString()]);
  return byPause;
}
