import { cipherOf } from '../crypto/sealed-store.ts';
import type { Queryable } from '../database.ts';

export const incidentTypes = [
  'shelling',
  'gunfire',
  'attack_on_convoy',
  'obstruction_of_convoy',
  'people_held_at_screening',
  'breach_of_pause',
  'collapse',
  'other',
] as const;
export const incidentPlaceKinds = ['site', 'shelter', 'route_segment', 'screening_point', 'other'] as const;
export const claimSubjects = ['incident', 'pause_window', 'figure', 'situation'] as const;
export const stances = ['asserts', 'denies', 'confirms', 'disputes'] as const;
export const verificationStatuses = [
  'unverified',
  'pending',
  'verified',
  'disputed',
  'falsely_attributed',
  'rejected',
] as const;
export const figureMetrics = [
  'in_site_total',
  'civilians',
  'children',
  'evacuated',
  'arrived',
  'held_at_screening',
  'wounded',
  'missing',
  'other',
] as const;

export interface Incident {
  id: string;
  siteId: string;
  occurredAt: string;
  type: (typeof incidentTypes)[number];
  placeKind: (typeof incidentPlaceKinds)[number];
  pointId: string | null;
  place: string | null;
  pauseWindowId: string | null;
  convoyId: string | null;
  summary: string;
}

export interface Claim {
  id: string;
  siteId: string;
  subject: (typeof claimSubjects)[number];
  incidentId: string | null;
  pauseWindowId: string | null;
  partyId: string | null;
  speaker: string | null;
  sourceId: string;
  stance: (typeof stances)[number];
  words: string;
  quoted: boolean;
  language: string | null;
  statedAt: string;
  figure: { metric: (typeof figureMetrics)[number]; value: number; approximate: boolean } | null;
  verification: (typeof verificationStatuses)[number];
}

export interface Verification {
  id: string;
  claimId: string;
  from: string;
  to: string;
  reason: string;
  actor: string;
  at: string;
}

export interface IncidentRow {
  id: string;
  site_id: string;
  occurred_at: Date;
  type: Incident['type'];
  place_kind: Incident['placeKind'];
  point_id: string | null;
  place: string | null;
  pause_window_id: string | null;
  convoy_id: string | null;
  summary: string;
}

export const toIncident = (r: IncidentRow): Incident => ({
  id: r.id,
  siteId: r.site_id,
  occurredAt: r.occurred_at.toISOString(),
  type: r.type,
  placeKind: r.place_kind,
  pointId: r.point_id,
  place: r.place,
  pauseWindowId: r.pause_window_id,
  convoyId: r.convoy_id,
  summary: r.summary,
});

export interface ClaimRow {
  id: string;
  site_id: string;
  subject: Claim['subject'];
  incident_id: string | null;
  pause_window_id: string | null;
  party_id: string | null;
  speaker: string | null;
  source_id: string;
  stance: Claim['stance'];
  words: string;
  quoted: boolean;
  language: string | null;
  stated_at: Date;
  figure_metric: (typeof figureMetrics)[number] | null;
  figure_value: number | null;
  figure_approximate: boolean | null;
  verification: Claim['verification'];
}

export const toClaim = (r: ClaimRow): Claim => ({
  id: r.id,
  siteId: r.site_id,
  subject: r.subject,
  incidentId: r.incident_id,
  pauseWindowId: r.pause_window_id,
  partyId: r.party_id,
  speaker: r.speaker,
  sourceId: r.source_id,
  stance: r.stance,
  words: r.words,
  quoted: r.quoted,
  language: r.language,
  statedAt: r.stated_at.toISOString(),
  figure:
    r.figure_metric !== null && r.figure_value !== null
      ? { metric: r.figure_metric, value: r.figure_value, approximate: r.figure_approximate ?? false }
      : null,
  verification: r.verification,
});

export async function insertIncident(tx: Queryable, i: Incident): Promise<void> {
  await tx.query(
    `INSERT INTO incident (id, site_id, occurred_at, type, place_kind, point_id, place, pause_window_id, convoy_id, summary)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      i.id,
      i.siteId,
      i.occurredAt,
      i.type,
      i.placeKind,
      i.pointId,
      i.place,
      i.pauseWindowId,
      i.convoyId,
      i.summary,
    ],
  );
}

export async function findIncident(db: Queryable, id: string): Promise<Incident | undefined> {
  const { rows } = await db.query<IncidentRow>('SELECT * FROM incident WHERE id = $1', [id]);
  return rows[0] ? toIncident(rows[0]) : undefined;
}

export async function listIncidents(db: Queryable, siteId: string): Promise<Incident[]> {
  const { rows } = await db.query<IncidentRow>(
    'SELECT * FROM incident WHERE site_id = $1 ORDER BY occurred_at, id',
    [siteId],
  );
  return rows.map(toIncident);
}

export async function insertClaim(tx: Queryable, c: Claim): Promise<void> {
  await tx.query(
    `INSERT INTO claim (id, site_id, subject, incident_id, pause_window_id, party_id, speaker, source_id, stance, words, quoted,
       language, stated_at, figure_metric, figure_value, figure_approximate, verification)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
    [
      c.id,
      c.siteId,
      c.subject,
      c.incidentId,
      c.pauseWindowId,
      c.partyId,
      // Who spoke: an official, or a driver whose report of a hold became the claim; sealed.
      cipherOf(tx).sealOrNull(c.speaker),
      c.sourceId,
      c.stance,
      c.words,
      c.quoted,
      c.language,
      c.statedAt,
      c.figure?.metric ?? null,
      c.figure?.value ?? null,
      c.figure ? c.figure.approximate : null,
      c.verification,
    ],
  );
}

export async function findClaim(db: Queryable, id: string, forUpdate = false): Promise<Claim | undefined> {
  const { rows } = await db.query<ClaimRow>(
    `SELECT * FROM claim WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toClaim(rows[0]) : undefined;
}

export interface ClaimFilter {
  siteId: string;
  incidentId?: string | undefined;
  pauseWindowId?: string | undefined;
  subject?: Claim['subject'] | undefined;
  verification?: Claim['verification'] | undefined;
  partyId?: string | undefined;
}

export async function listClaims(db: Queryable, f: ClaimFilter): Promise<Claim[]> {
  const where = ['site_id = $1'];
  const params: unknown[] = [f.siteId];
  if (f.incidentId) where.push(`incident_id = $${params.push(f.incidentId)}`);
  if (f.pauseWindowId) where.push(`pause_window_id = $${params.push(f.pauseWindowId)}`);
  if (f.subject) where.push(`subject = $${params.push(f.subject)}`);
  if (f.verification) where.push(`verification = $${params.push(f.verification)}`);
  if (f.partyId) where.push(`party_id = $${params.push(f.partyId)}`);
  const { rows } = await db.query<ClaimRow>(
    `SELECT * FROM claim WHERE ${where.join(' AND ')} ORDER BY stated_at, id`,
    params,
  );
  return rows.map(toClaim);
}

export async function setVerification(
  tx: Queryable,
  v: Verification & { actorId: string | null },
): Promise<void> {
  await tx.query('UPDATE claim SET verification = $2 WHERE id = $1', [v.claimId, v.to]);
  await tx.query(
    `INSERT INTO claim_verification (id, claim_id, from_status, to_status, reason, actor, actor_id, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [v.id, v.claimId, v.from, v.to, v.reason, v.actor, v.actorId, v.at],
  );
}

export async function listVerifications(db: Queryable, claimId: string): Promise<Verification[]> {
  const { rows } = await db.query<{
    id: string;
    claim_id: string;
    from_status: string;
    to_status: string;
    reason: string;
    actor: string;
    at: Date;
  }>('SELECT * FROM claim_verification WHERE claim_id = $1 ORDER BY at, id', [claimId]);
  return rows.map((r) => ({
    id: r.id,
    claimId: r.claim_id,
    from: r.from_status,
    to: r.to_status,
    reason: r.reason,
    actor: r.actor,
    at: r.at.toISOString(),
  }));
}
