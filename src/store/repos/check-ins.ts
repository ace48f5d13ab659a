import type { Person } from '../../domain/person.ts';
import type { CheckInMethod } from '../../domain/reception.ts';
import type { MatchRecord } from '../../matching/index.ts';
import { cipherOf } from '../crypto/sealed-store.ts';
import type { Queryable } from '../database.ts';

/** A standing or voided check-in, with the names a desk reads: where, on which convoy. */
export interface CheckInRecord {
  id: string;
  siteId: string;
  personId: string;
  receptionPointId: string;
  receptionPointName: string;
  convoyId: string | null;
  convoyCode: string | null;
  desk: string | null;
  method: CheckInMethod;
  checkedInAt: string;
  checkedInBy: string;
  idempotencyKey: string | null;
  voidedAt: string | null;
  voidedBy: string | null;
  voidedReason: string | null;
  /** The account that checked the person in: a desk may void only its own check-ins. */
  checkedInById: string | null;
}

interface CheckInRow {
  id: string;
  site_id: string;
  person_id: string;
  reception_point_id: string;
  reception_point_name: string;
  convoy_id: string | null;
  convoy_code: string | null;
  desk: string | null;
  method: CheckInMethod;
  checked_in_at: Date;
  checked_in_by: string;
  idempotency_key: string | null;
  voided_at: Date | null;
  voided_by: string | null;
  voided_reason: string | null;
  checked_in_by_id: string | null;
}

const toRecord = (r: CheckInRow): CheckInRecord => ({
  id: r.id,
  siteId: r.site_id,
  personId: r.person_id,
  receptionPointId: r.reception_point_id,
  receptionPointName: r.reception_point_name,
  convoyId: r.convoy_id,
  convoyCode: r.convoy_code,
  desk: r.desk,
  method: r.method,
  checkedInAt: r.checked_in_at.toISOString(),
  checkedInBy: r.checked_in_by,
  idempotencyKey: r.idempotency_key,
  voidedAt: r.voided_at ? r.voided_at.toISOString() : null,
  voidedBy: r.voided_by,
  voidedReason: r.voided_reason,
  checkedInById: r.checked_in_by_id,
});

const select = `SELECT k.id, k.site_id, k.person_id, k.reception_point_id, rp.name AS reception_point_name, k.convoy_id,
    c.code AS convoy_code, k.desk, k.method, k.checked_in_at, k.checked_in_by, k.idempotency_key, k.voided_at,
    k.voided_by, k.voided_reason, k.checked_in_by_id
  FROM check_in k JOIN road_point rp ON rp.id = k.reception_point_id LEFT JOIN convoy c ON c.id = k.convoy_id`;

export async function findCheckIn(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<CheckInRecord | undefined> {
  const { rows } = await db.query<CheckInRow>(
    `${select} WHERE k.id = $1${forUpdate ? ' FOR UPDATE OF k' : ''}`,
    [id],
  );
  return rows[0] ? toRecord(rows[0]) : undefined;
}

/** Voids a standing check-in: it stays, with when, why and by whom, but no longer counts. */
export async function voidCheckIn(
  tx: Queryable,
  id: string,
  reason: string,
  by: { userId: string | null; name: string },
): Promise<void> {
  await tx.query(
    `UPDATE check_in SET voided_at = now(), voided_reason = $2, voided_by = $3, voided_by_id = $4
     WHERE id = $1 AND voided_at IS NULL`,
    // Why a check-in was a mistake may name the person taken for another: sealed.
    [id, cipherOf(tx).seal(reason), by.name, by.userId],
  );
}

export async function checkInByKey(db: Queryable, key: string): Promise<CheckInRecord | undefined> {
  const { rows } = await db.query<CheckInRow>(`${select} WHERE k.idempotency_key = $1`, [key]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

/** The registration a merged one was absorbed into, while the merge stands. */
export async function survivorOf(db: Queryable, absorbedId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ survivor_id: string }>(
    'SELECT survivor_id FROM person_merge WHERE absorbed_id = $1 AND unmerged_at IS NULL',
    [absorbedId],
  );
  return rows[0]?.survivor_id;
}

/** The person's one check-in that has not been voided, if any. */
export async function standingCheckIn(db: Queryable, personId: string): Promise<CheckInRecord | undefined> {
  const { rows } = await db.query<CheckInRow>(`${select} WHERE k.person_id = $1 AND k.voided_at IS NULL`, [
    personId,
  ]);
  return rows[0] ? toRecord(rows[0]) : undefined;
}

export interface NewCheckIn {
  id: string;
  siteId: string;
  personId: string;
  receptionPointId: string;
  convoyId: string | null;
  desk: string | null;
  method: CheckInMethod;
  checkedInBy: { userId: string | null; name: string };
  idempotencyKey: string | null;
}

export async function insertCheckIn(tx: Queryable, k: NewCheckIn): Promise<void> {
  await tx.query(
    `INSERT INTO check_in (id, site_id, person_id, reception_point_id, convoy_id, desk, method, checked_in_at,
       checked_in_by, checked_in_by_id, idempotency_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now(), $8, $9, $10)`,
    [
      k.id,
      k.siteId,
      k.personId,
      k.receptionPointId,
      k.convoyId,
      // A desk is often called by the name of who staffs it: sealed.
      cipherOf(tx).sealOrNull(k.desk),
      k.method,
      k.checkedInBy.name,
      k.checkedInBy.userId,
      k.idempotencyKey,
    ],
  );
}

/** What a desk shows of a person: enough to recognise them, nothing more. */
export interface PersonBrief {
  id: string;
  names: Person['names'];
  sex: Person['sex'];
  ageBand: Person['ageBand'];
  birthYear: number | null;
  status: Person['status'];
}

/** The site's standing check-ins, newest first: the desk's list of who has arrived. */
export async function listCheckIns(
  db: Queryable,
  filter: {
    siteId: string;
    receptionPointId?: string | undefined;
    convoyId?: string | undefined;
    limit: number;
    offset: number;
  },
): Promise<{ items: Array<CheckInRecord & { person: PersonBrief }>; total: number }> {
  const where = ['k.site_id = $1', 'k.voided_at IS NULL'];
  const params: unknown[] = [filter.siteId];
  if (filter.receptionPointId) where.push(`k.reception_point_id = $${params.push(filter.receptionPointId)}`);
  if (filter.convoyId) where.push(`k.convoy_id = $${params.push(filter.convoyId)}`);
  const clause = where.join(' AND ');
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM check_in k WHERE ${clause}`,
    params,
  );
  const { rows } = await db.query<
    CheckInRow & {
      names: Person['names'];
      sex: Person['sex'];
      age_band: Person['ageBand'];
      birth_year: number | null;
      status: Person['status'];
    }
  >(
    `SELECT s.*, p.names, p.sex, p.age_band, p.birth_year_sealed AS birth_year, p.status
     FROM (${select} WHERE ${clause} ORDER BY k.checked_in_at DESC, k.id DESC
       LIMIT $${params.length + 1} OFFSET $${params.length + 2}) s
     JOIN person p ON p.id = s.person_id
     ORDER BY s.checked_in_at DESC, s.id DESC`,
    [...params, filter.limit, filter.offset],
  );
  return {
    items: rows.map((r) => ({
      ...toRecord(r),
      person: {
        id: r.person_id,
        names: r.names,
        sex: r.sex,
        ageBand: r.age_band,
        birthYear: r.birth_year,
        status: r.status,
      },
    })),
    total: total.rows[0]?.n ?? 0,
  };
}

/** A manifest entry of the person on a convoy that was not cancelled, with what became of it. */
export interface ManifestPlace {
  convoyId: string;
  convoyCode: string;
  convoyStatus: string;
  vehicleId: string;
  status: 'expected' | 'boarded' | 'no_show' | 'replaced';
  reason: string | null;
}

/** Where the person stands on the site's manifests: the convoys that expected or carried them. */
export async function manifestPlaces(db: Queryable, personId: string): Promise<ManifestPlace[]> {
  const { rows } = await db.query<{
    convoy_id: string;
    code: string;
    convoy_status: string;
    vehicle_id: string;
    status: ManifestPlace['status'];
    reason: string | null;
  }>(
    `SELECT m.convoy_id, c.code, c.status AS convoy_status, m.vehicle_id, m.status, m.reason
     FROM manifest_entry m JOIN convoy c ON c.id = m.convoy_id
     WHERE m.person_id = $1 AND c.status <> 'cancelled'
     -- The boarding that carried them first, then the newest convoy.
     ORDER BY (m.status = 'boarded') DESC, c.planned_departure DESC, c.id`,
    [personId],
  );
  return rows.map((r) => ({
    convoyId: r.convoy_id,
    convoyCode: r.code,
    convoyStatus: r.convoy_status,
    vehicleId: r.vehicle_id,
    status: r.status,
    reason: r.reason,
  }));
}

export interface ResponsibleAdults {
  guardians: Array<{ personId: string; relation: string | null; status: string; checkedIn: boolean }>;
  householdAdults: Array<{ personId: string; status: string; checkedIn: boolean }>;
}

/** For each child, the adults responsible for them and whether each has a standing check-in. */
export async function responsibleAdultsOf(
  db: Queryable,
  childIds: readonly string[],
): Promise<Map<string, ResponsibleAdults>> {
  const result = new Map<string, ResponsibleAdults>(
    childIds.map((id) => [id, { guardians: [], householdAdults: [] }]),
  );
  if (childIds.length === 0) return result;
  const checked = 'EXISTS (SELECT 1 FROM check_in k WHERE k.person_id = p.id AND k.voided_at IS NULL)';
  const guardians = await db.query<{
    child_id: string;
    id: string;
    relation: string | null;
    status: string;
    checked_in: boolean;
  }>(
    `SELECT g.child_id, p.id, g.relation, p.status, ${checked} AS checked_in
     FROM person_guardian g JOIN person p ON p.id = g.guardian_id WHERE g.child_id = ANY ($1::uuid[])
     ORDER BY g.child_id, p.id`,
    [childIds],
  );
  // A household's adults: members who are neither in a child's age band nor marked as children.
  const adults = await db.query<{ child_id: string; id: string; status: string; checked_in: boolean }>(
    `SELECT child.id AS child_id, p.id, p.status, ${checked} AS checked_in
     FROM person child JOIN person p ON p.household_id = child.household_id AND p.id <> child.id
     WHERE child.id = ANY ($1::uuid[])
       AND (p.age_band IS NULL OR p.age_band NOT IN ('0-4', '5-11', '12-17'))
       AND NOT (p.vulnerabilities && ARRAY['child', 'unaccompanied_child', 'separated_child']::text[])
     ORDER BY child.id, p.id`,
    [childIds],
  );
  for (const r of guardians.rows)
    result.get(r.child_id)!.guardians.push({
      personId: r.id,
      relation: r.relation,
      status: r.status,
      checkedIn: r.checked_in,
    });
  for (const r of adults.rows)
    result
      .get(r.child_id)!
      .householdAdults.push({ personId: r.id, status: r.status, checkedIn: r.checked_in });
  return result;
}

/** How many people a site has and when the newest was registered: a new registration changes it. */
export async function registryMark(db: Queryable, siteId: string): Promise<string> {
  const { rows } = await db.query<{ n: number; newest: Date | null }>(
    'SELECT count(*)::int AS n, max(created_at) AS newest FROM person WHERE site_id = $1',
    [siteId],
  );
  return `${rows[0]!.n}/${rows[0]!.newest?.toISOString() ?? ''}`;
}

/** What the name matcher reads of every person of a site. */
export async function matchRecordsOf(db: Queryable, siteId: string): Promise<MatchRecord[]> {
  const { rows } = await db.query<{
    id: string;
    names: Person['names'];
    sex: Person['sex'];
    age_band: Person['ageBand'];
    birth_year: number | null;
    birth_date: string | null;
    household_id: string | null;
  }>(
    'SELECT id, names, sex, age_band, birth_year_sealed AS birth_year, birth_date_sealed AS birth_date, household_id FROM person WHERE site_id = $1 ORDER BY id',
    [siteId],
  );
  return rows.map((r) => ({
    id: r.id,
    names: r.names,
    sex: r.sex,
    ageBand: r.age_band,
    birthYear: r.birth_year,
    birthDate: r.birth_date,
    householdId: r.household_id,
  }));
}

/** People as a desk sees them, as they are now, in the order asked. */
export async function personBriefs(db: Queryable, ids: readonly string[]): Promise<PersonBrief[]> {
  const { rows } = await db.query<{
    id: string;
    names: Person['names'];
    sex: Person['sex'];
    age_band: Person['ageBand'];
    birth_year: number | null;
    status: Person['status'];
  }>(
    'SELECT id, names, sex, age_band, birth_year_sealed AS birth_year, status FROM person WHERE id = ANY ($1::uuid[])',
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    return r
      ? [
          {
            id: r.id,
            names: r.names,
            sex: r.sex,
            ageBand: r.age_band,
            birthYear: r.birth_year,
            status: r.status,
          },
        ]
      : [];
  });
}

/** For each person, their standing check-in and the convoy that expects or carried them. */
export async function receptionState(
  db: Queryable,
  personIds: readonly string[],
): Promise<
  Map<
    string,
    {
      checkedIn: { at: string; receptionPointName: string; desk: string | null } | null;
      expectedOn: { convoyId: string; convoyCode: string; manifestStatus: string } | null;
    }
  >
> {
  const { rows } = await db.query<{
    id: string;
    checked_in_at: Date | null;
    point_name: string | null;
    desk: string | null;
    convoy_id: string | null;
    convoy_code: string | null;
    manifest_status: string | null;
  }>(
    `SELECT p.id, k.checked_in_at, rp.name AS point_name, k.desk, m.convoy_id, m.code AS convoy_code,
       m.status AS manifest_status
     FROM unnest($1::uuid[]) AS p (id)
     LEFT JOIN check_in k ON k.person_id = p.id AND k.voided_at IS NULL
     LEFT JOIN road_point rp ON rp.id = k.reception_point_id
     LEFT JOIN LATERAL (
       SELECT e.convoy_id, c.code, e.status FROM manifest_entry e JOIN convoy c ON c.id = e.convoy_id
       WHERE e.person_id = p.id AND c.status <> 'cancelled'
       ORDER BY (e.status = 'boarded') DESC, c.planned_departure DESC, c.id LIMIT 1
     ) m ON true`,
    [personIds],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        checkedIn: r.checked_in_at
          ? { at: r.checked_in_at.toISOString(), receptionPointName: r.point_name!, desk: r.desk }
          : null,
        expectedOn: r.convoy_id
          ? { convoyId: r.convoy_id, convoyCode: r.convoy_code!, manifestStatus: r.manifest_status! }
          : null,
      },
    ]),
  );
}
