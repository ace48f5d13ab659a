import type { PersonName } from '../../domain/person.ts';
import type {
  ConsentDecision,
  MatchStatus,
  RequestStatus,
  SoughtPerson,
  TracingRequest,
} from '../../domain/tracing.ts';
import type { FieldCipher } from '../crypto/keyring.ts';
import { cipherOf } from '../crypto/sealed-store.ts';
import type { Queryable } from '../database.ts';

export interface TracingRequestRow {
  id: string;
  site_id: string;
  origin: TracingRequest['origin'];
  pfif_record_id: string | null;
  pfif: Record<string, string> | null;
  status: RequestStatus;
  closed_reason: string | null;
  closed_at: Date | null;
  sought_names: PersonName[];
  sought_sex: SoughtPerson['sex'];
  // Sealed (migration 012); the date and integer columns before them stay empty.
  sought_birth_date_sealed: string | null;
  sought_birth_year_sealed: number | null;
  sought_age_band: SoughtPerson['ageBand'];
  sought_description: string | null;
  enquirer_name: string;
  enquirer_phone: string | null;
  enquirer_email: string | null;
  enquirer_contact_note: string | null;
  enquirer_person_id: string | null;
  relation: string | null;
  last_seen_place: string | null;
  last_seen_point_id: string | null;
  last_seen_date: string | null;
  separation: string | null;
  matched_version: number;
  version: number;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

export const toRequest = (row: TracingRequestRow): TracingRequest => ({
  id: row.id,
  siteId: row.site_id,
  origin: row.origin,
  pfifRecordId: row.pfif_record_id,
  status: row.status,
  closedReason: row.closed_reason,
  closedAt: row.closed_at?.toISOString() ?? null,
  sought: {
    names: row.sought_names,
    sex: row.sought_sex,
    birthDate: row.sought_birth_date_sealed,
    birthYear: row.sought_birth_year_sealed,
    ageBand: row.sought_age_band,
    description: row.sought_description,
  },
  enquirer: {
    name: row.enquirer_name,
    phone: row.enquirer_phone,
    email: row.enquirer_email,
    contactNote: row.enquirer_contact_note,
    personId: row.enquirer_person_id,
  },
  relation: row.relation,
  lastSeen: { place: row.last_seen_place, pointId: row.last_seen_point_id, date: row.last_seen_date },
  separation: row.separation,
  version: row.version,
  createdBy: row.created_by,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

/** The fields a request is written with (the rest are the database's). */
export type RequestFields = Omit<
  TracingRequest,
  'status' | 'closedReason' | 'closedAt' | 'version' | 'createdAt' | 'updatedAt'
> & { createdById: string | null; pfif: Record<string, string> | null };

// Who is sought (birth date and year included), what the enquirer wrote and how to reach them, and
// the PFIF record as received are sealed; what the lists filter on (sex, age band, status) is not.
const requestValues = (c: FieldCipher, r: RequestFields): unknown[] => [
  r.id,
  r.siteId,
  r.origin,
  r.pfifRecordId,
  r.pfif === null ? null : JSON.stringify(c.seal(r.pfif)),
  JSON.stringify(c.seal(r.sought.names)),
  r.sought.sex,
  c.sealOrNull(r.sought.birthDate),
  c.sealOrNull(r.sought.birthYear),
  r.sought.ageBand,
  c.sealOrNull(r.sought.description),
  c.seal(r.enquirer.name),
  c.sealOrNull(r.enquirer.phone),
  c.sealOrNull(r.enquirer.email),
  c.sealOrNull(r.enquirer.contactNote),
  r.enquirer.personId,
  r.relation,
  c.sealOrNull(r.lastSeen.place),
  r.lastSeen.pointId,
  r.lastSeen.date,
  c.sealOrNull(r.separation),
];

export async function insertRequest(tx: Queryable, r: RequestFields): Promise<void> {
  await tx.query(
    `INSERT INTO tracing_request (id, site_id, origin, pfif_record_id, pfif, sought_names, sought_sex,
       sought_birth_date_sealed, sought_birth_year_sealed, sought_age_band, sought_description, enquirer_name, enquirer_phone,
       enquirer_email, enquirer_contact_note, enquirer_person_id, relation, last_seen_place, last_seen_point_id,
       last_seen_date, separation, created_by, created_by_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, $23)`,
    [...requestValues(cipherOf(tx), r), r.createdBy, r.createdById],
  );
}

/** Rewrites what a request says (site, origin and author stay); the new version is due for matching. */
export async function updateRequestFields(tx: Queryable, r: RequestFields): Promise<void> {
  await tx.query(
    `UPDATE tracing_request SET pfif_record_id = $4, pfif = $5, sought_names = $6, sought_sex = $7,
       sought_birth_date_sealed = $8, sought_birth_year_sealed = $9, sought_age_band = $10, sought_description = $11,
       enquirer_name = $12, enquirer_phone = $13, enquirer_email = $14, enquirer_contact_note = $15,
       enquirer_person_id = $16, relation = $17, last_seen_place = $18, last_seen_point_id = $19,
       last_seen_date = $20, separation = $21, version = version + 1, updated_at = now()
     WHERE id = $1 AND site_id = $2 AND origin = $3`,
    requestValues(cipherOf(tx), r),
  );
}

export async function setRequestStatus(
  tx: Queryable,
  id: string,
  status: RequestStatus,
  reason: string | null,
): Promise<void> {
  await tx.query(
    `UPDATE tracing_request SET status = $2, closed_reason = $3,
       closed_at = CASE WHEN $2 = 'closed' THEN now() END, version = version + 1, updated_at = now()
     WHERE id = $1`,
    // Why a request closed (found, deceased, the enquirer withdrew) is about the people in it: sealed.
    [id, status, cipherOf(tx).sealOrNull(reason)],
  );
}

export async function findRequest(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<(TracingRequest & { pfif: Record<string, string> | null }) | undefined> {
  const { rows } = await db.query<TracingRequestRow>(
    `SELECT * FROM tracing_request WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? { ...toRequest(rows[0]), pfif: rows[0].pfif } : undefined;
}

export async function findRequestByPfifId(
  db: Queryable,
  recordId: string,
): Promise<TracingRequestRow | undefined> {
  const { rows } = await db.query<TracingRequestRow>(
    'SELECT * FROM tracing_request WHERE pfif_record_id = $1',
    [recordId],
  );
  return rows[0];
}

export interface RequestFilter {
  siteId?: string | undefined;
  status?: RequestStatus | undefined;
  limit: number;
  offset: number;
}

export async function listRequests(
  db: Queryable,
  filter: RequestFilter,
): Promise<{ items: TracingRequestRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.siteId) where.push(`site_id = $${params.push(filter.siteId)}`);
  if (filter.status) where.push(`status = $${params.push(filter.status)}`);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM tracing_request ${clause}`,
    params,
  );
  const { rows } = await db.query<TracingRequestRow>(
    `SELECT * FROM tracing_request ${clause} ORDER BY created_at DESC, id
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.limit, filter.offset],
  );
  return { items: rows, total: total.rows[0]?.n ?? 0 };
}

/** Open requests due for a full pass over the registry (new, or changed since their last pass). */
export async function requestsDue(db: Queryable): Promise<TracingRequestRow[]> {
  const { rows } = await db.query<TracingRequestRow>(
    "SELECT * FROM tracing_request WHERE status = 'open' AND matched_version < version ORDER BY site_id, id",
  );
  return rows;
}

export async function openRequestsOf(
  db: Queryable,
  siteIds: readonly string[],
): Promise<TracingRequestRow[]> {
  const { rows } = await db.query<TracingRequestRow>(
    "SELECT * FROM tracing_request WHERE status = 'open' AND site_id = ANY ($1::uuid[]) ORDER BY id",
    [siteIds],
  );
  return rows;
}

export async function markMatched(tx: Queryable, id: string, version: number): Promise<void> {
  await tx.query('UPDATE tracing_request SET matched_version = $2 WHERE id = $1', [id, version]);
}

export interface MatchWrite {
  requestId: string;
  personId: string;
  score: number;
  summary: string;
  explanation: unknown;
}

/** Files or re-scores a match; a reviewed match keeps its review. */
export async function upsertMatch(tx: Queryable, m: MatchWrite): Promise<void> {
  await tx.query(
    `INSERT INTO tracing_match (request_id, person_id, score, summary, explanation) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (request_id, person_id) DO UPDATE SET score = EXCLUDED.score, summary = EXCLUDED.summary,
       explanation = EXCLUDED.explanation, scored_at = now()`,
    // Both say which names met which.
    [
      m.requestId,
      m.personId,
      m.score,
      cipherOf(tx).seal(m.summary),
      JSON.stringify(cipherOf(tx).seal(m.explanation)),
    ],
  );
}

/** Proposals nobody reviewed that the matcher no longer finds: they go (a review always stays). */
export async function dropProposals(
  tx: Queryable,
  pairs: ReadonlyArray<{ requestId: string; personId: string }>,
): Promise<void> {
  if (pairs.length === 0) return;
  await tx.query(
    `DELETE FROM tracing_match m USING unnest($1::uuid[], $2::uuid[]) AS d (request_id, person_id)
     WHERE m.request_id = d.request_id AND m.person_id = d.person_id AND m.status = 'proposed'`,
    [pairs.map((p) => p.requestId), pairs.map((p) => p.personId)],
  );
}

export async function proposalsOfRequest(db: Queryable, requestId: string): Promise<string[]> {
  const { rows } = await db.query<{ person_id: string }>(
    "SELECT person_id FROM tracing_match WHERE request_id = $1 AND status = 'proposed'",
    [requestId],
  );
  return rows.map((row) => row.person_id);
}

export async function proposalsOfPeople(
  db: Queryable,
  personIds: readonly string[],
): Promise<Array<{ requestId: string; personId: string }>> {
  const { rows } = await db.query<{ request_id: string; person_id: string }>(
    "SELECT request_id, person_id FROM tracing_match WHERE person_id = ANY ($1::uuid[]) AND status = 'proposed'",
    [personIds],
  );
  return rows.map((row) => ({ requestId: row.request_id, personId: row.person_id }));
}

export interface MatchRow {
  request_id: string;
  person_id: string;
  score: number;
  summary: string;
  explanation: unknown;
  status: MatchStatus;
  found_at: Date;
  scored_at: Date;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  review_note: string | null;
}

export async function findMatch(
  db: Queryable,
  requestId: string,
  personId: string,
  forUpdate = false,
): Promise<MatchRow | undefined> {
  const { rows } = await db.query<MatchRow>(
    `SELECT * FROM tracing_match WHERE request_id = $1 AND person_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [requestId, personId],
  );
  return rows[0];
}

export async function reviewMatch(
  tx: Queryable,
  m: {
    requestId: string;
    personId: string;
    status: MatchStatus;
    by: string;
    byId: string | null;
    note: string | null;
  },
): Promise<void> {
  await tx.query(
    `UPDATE tracing_match SET status = $3, reviewed_at = now(), reviewed_by = $4, reviewed_by_id = $5, review_note = $6
     WHERE request_id = $1 AND person_id = $2`,
    [m.requestId, m.personId, m.status, m.by, m.byId, cipherOf(tx).sealOrNull(m.note)],
  );
}

export interface Consent {
  personId: string;
  decision: ConsentDecision;
  note: string | null;
  recordedAt: string;
  recordedBy: string;
}

export async function findConsent(db: Queryable, personId: string): Promise<Consent | undefined> {
  const { rows } = await db.query<{
    person_id: string;
    decision: ConsentDecision;
    note: string | null;
    recorded_at: Date;
    recorded_by: string;
  }>('SELECT person_id, decision, note, recorded_at, recorded_by FROM tracing_consent WHERE person_id = $1', [
    personId,
  ]);
  const row = rows[0];
  return row
    ? {
        personId: row.person_id,
        decision: row.decision,
        note: row.note,
        recordedAt: row.recorded_at.toISOString(),
        recordedBy: row.recorded_by,
      }
    : undefined;
}

export async function writeConsent(
  tx: Queryable,
  c: { personId: string; decision: ConsentDecision; note: string | null; by: string; byId: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO tracing_consent (person_id, decision, note, recorded_by, recorded_by_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (person_id) DO UPDATE SET decision = EXCLUDED.decision, note = EXCLUDED.note,
       recorded_at = now(), recorded_by = EXCLUDED.recorded_by, recorded_by_id = EXCLUDED.recorded_by_id`,
    [c.personId, c.decision, cipherOf(tx).sealOrNull(c.note), c.by, c.byId],
  );
}
