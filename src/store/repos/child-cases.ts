import type {
  CaseKind,
  CaseStatus,
  ChildCase,
  Verification,
  VerificationMethod,
} from '../../domain/child-case.ts';
import { cipherOf } from '../crypto/sealed-store.ts';
import type { Queryable } from '../database.ts';

interface CaseRow {
  id: string;
  site_id: string;
  child_id: string;
  kind: CaseKind;
  status: CaseStatus;
  note: string | null;
  opened_at: Date;
  opened_by: string;
  handover_verification_id: string | null;
  handed_over_at: Date | null;
  handover_place: string | null;
  handover_recorded_by: string | null;
  closed_at: Date | null;
  closed_reason: string | null;
  closed_by: string | null;
  version: number;
  verifications: Array<{
    id: string;
    case_id: string;
    name: string;
    relation: string;
    person_id: string | null;
    contact: string | null;
    method: VerificationMethod;
    evidence: string;
    verified_at: string;
    verified_by: string;
  }> | null;
}

const caseColumns = `c.*, (SELECT json_agg(json_build_object('id', v.id, 'case_id', v.case_id, 'name', v.name,
    'relation', v.relation, 'person_id', v.person_id, 'contact', v.contact, 'method', v.method, 'evidence', v.evidence,
    'verified_at', to_char(v.verified_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'verified_by', v.verified_by)
    ORDER BY v.verified_at, v.id) FROM child_case_verification v WHERE v.case_id = c.id) AS verifications`;

const toCase = (row: CaseRow): ChildCase => ({
  id: row.id,
  siteId: row.site_id,
  childId: row.child_id,
  kind: row.kind,
  status: row.status,
  note: row.note,
  openedAt: row.opened_at.toISOString(),
  openedBy: row.opened_by,
  handover:
    row.handover_verification_id && row.handed_over_at
      ? {
          verificationId: row.handover_verification_id,
          at: row.handed_over_at.toISOString(),
          place: row.handover_place,
          recordedBy: row.handover_recorded_by ?? '',
        }
      : null,
  closedAt: row.closed_at?.toISOString() ?? null,
  closedReason: row.closed_reason,
  closedBy: row.closed_by,
  version: row.version,
  verifications: (row.verifications ?? []).map(
    (v): Verification => ({
      id: v.id,
      caseId: v.case_id,
      name: v.name,
      relation: v.relation,
      personId: v.person_id,
      contact: v.contact,
      method: v.method,
      evidence: v.evidence,
      verifiedAt: v.verified_at,
      verifiedBy: v.verified_by,
    }),
  ),
});

export async function findCase(db: Queryable, id: string, forUpdate = false): Promise<ChildCase | undefined> {
  if (forUpdate) await db.query('SELECT 1 FROM child_case WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await db.query<CaseRow>(`SELECT ${caseColumns} FROM child_case c WHERE c.id = $1`, [id]);
  return rows[0] ? toCase(rows[0]) : undefined;
}

export async function openCaseOf(db: Queryable, childId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    "SELECT id FROM child_case WHERE child_id = $1 AND status = 'open'",
    [childId],
  );
  return rows[0]?.id;
}

export async function insertCase(
  tx: Queryable,
  c: {
    id: string;
    siteId: string;
    childId: string;
    kind: CaseKind;
    note: string | null;
    by: string;
    byId: string | null;
  },
): Promise<void> {
  await tx.query(
    'INSERT INTO child_case (id, site_id, child_id, kind, note, opened_by, opened_by_id) VALUES ($1, $2, $3, $4, $5, $6, $7)',
    [c.id, c.siteId, c.childId, c.kind, cipherOf(tx).sealOrNull(c.note), c.by, c.byId],
  );
}

/**
 * Children among the given people registered unaccompanied or separated who never had a case: the
 * ones a case is opened for automatically (a case handed over or closed is not opened again by itself).
 */
export async function childrenWithoutCase(
  db: Queryable,
  personIds: readonly string[],
): Promise<Array<{ id: string; siteId: string; vulnerabilities: string[] }>> {
  const { rows } = await db.query<{ id: string; site_id: string; vulnerabilities: string[] }>(
    `SELECT p.id, p.site_id, p.vulnerabilities FROM person p
     WHERE p.id = ANY ($1::uuid[]) AND p.vulnerabilities && ARRAY['unaccompanied_child', 'separated_child']
       AND p.status NOT IN ('merged', 'deceased')
       AND NOT EXISTS (SELECT 1 FROM child_case c WHERE c.child_id = p.id)
     ORDER BY p.id`,
    [personIds],
  );
  return rows.map((row) => ({ id: row.id, siteId: row.site_id, vulnerabilities: row.vulnerabilities }));
}

export async function insertVerification(
  tx: Queryable,
  v: Omit<Verification, 'verifiedAt' | 'verifiedBy'> & { by: string; byId: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO child_case_verification (id, case_id, name, relation, person_id, contact, method, evidence,
       verified_by, verified_by_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      v.id,
      v.caseId,
      cipherOf(tx).seal(v.name),
      v.relation,
      v.personId,
      cipherOf(tx).sealOrNull(v.contact),
      v.method,
      cipherOf(tx).seal(v.evidence),
      v.by,
      v.byId,
    ],
  );
}

export async function recordHandover(
  tx: Queryable,
  h: {
    caseId: string;
    verificationId: string;
    at: string | null;
    place: string | null;
    by: string;
    byId: string | null;
  },
): Promise<void> {
  await tx.query(
    `UPDATE child_case SET status = 'handed_over', handover_verification_id = $2, handed_over_at = coalesce($3::timestamptz, now()),
       handover_place = $4, handover_recorded_by = $5, handover_recorded_by_id = $6, version = version + 1, updated_at = now()
     WHERE id = $1`,
    [h.caseId, h.verificationId, h.at, h.place, h.by, h.byId],
  );
}

export async function closeCase(tx: Queryable, id: string, reason: string, by: string): Promise<void> {
  await tx.query(
    `UPDATE child_case SET status = 'closed', closed_at = now(), closed_reason = $2, closed_by = $3,
       version = version + 1, updated_at = now() WHERE id = $1`,
    // Why a child's case closed is about the child: sealed.
    [id, cipherOf(tx).seal(reason), by],
  );
}

export interface CaseFilter {
  siteId?: string | undefined;
  status?: CaseStatus | undefined;
  limit: number;
  offset: number;
}

export async function listCases(
  db: Queryable,
  filter: CaseFilter,
): Promise<{ items: ChildCase[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.siteId) where.push(`c.site_id = $${params.push(filter.siteId)}`);
  if (filter.status) where.push(`c.status = $${params.push(filter.status)}`);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM child_case c ${clause}`,
    params,
  );
  const { rows } = await db.query<CaseRow>(
    `SELECT ${caseColumns} FROM child_case c ${clause} ORDER BY c.status = 'open' DESC, c.opened_at, c.id
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.limit, filter.offset],
  );
  return { items: rows.map(toCase), total: total.rows[0]?.n ?? 0 };
}
