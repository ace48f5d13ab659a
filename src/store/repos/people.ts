import type { PersonStatus } from '../../domain/lifecycle.ts';
import type { Guardian, Person, PersonName } from '../../domain/person.ts';
import type { Queryable } from '../database.ts';

export interface PersonRow {
  id: string;
  site_id: string;
  household_id: string | null;
  shelter_id: string | null;
  names: PersonName[];
  sex: Person['sex'];
  birth_date: string | null;
  birth_year: number | null;
  age_band: Person['ageBand'];
  vulnerabilities: Person['vulnerabilities'];
  triage: Person['triage'];
  languages: string[];
  note: string | null;
  status: PersonStatus;
  status_changed_at: Date;
  version: number;
  created_at: Date;
  updated_at: Date;
  guardians: Guardian[] | null;
}

const personColumns = `p.id, p.site_id, p.household_id, p.shelter_id, p.names, p.sex, p.birth_date, p.birth_year,
  p.age_band, p.vulnerabilities, p.triage, p.languages, p.note, p.status, p.status_changed_at, p.version,
  p.created_at, p.updated_at,
  (SELECT coalesce(json_agg(json_build_object('personId', g.guardian_id, 'relation', g.relation) ORDER BY g.guardian_id), '[]'::json)
     FROM person_guardian g WHERE g.child_id = p.id) AS guardians`;

export function toPerson(row: PersonRow): Person {
  return {
    id: row.id,
    siteId: row.site_id,
    householdId: row.household_id,
    shelterId: row.shelter_id,
    names: row.names,
    sex: row.sex,
    birthDate: row.birth_date,
    birthYear: row.birth_year,
    ageBand: row.age_band,
    vulnerabilities: row.vulnerabilities,
    triage: row.triage,
    languages: row.languages,
    note: row.note,
    guardians: (row.guardians ?? []).map((g) => (g.relation ? g : { personId: g.personId })),
    status: row.status,
    statusChangedAt: row.status_changed_at.toISOString(),
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export type PersonFields = Omit<
  Person,
  'status' | 'statusChangedAt' | 'version' | 'createdAt' | 'updatedAt'
> & {
  status: PersonStatus;
};

// A timestamp as JavaScript's toISOString() writes it (milliseconds, UTC), so that the operations log
// holds exactly what toPerson() gives for the same row.
const isoTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * Registration in one statement, and so in one transaction: the person, their guardian links and the
 * operation that logs them are written only if every reference holds (the site exists; the shelter
 * is a shelter of that site; the household and every guardian belong to that site; the id is new).
 * One round trip instead of a dozen is what lets registration keep pace with the database. Returns
 * the person as the operations log records it, or undefined when a rule held the insert back: the
 * caller finds out which.
 */
export async function insertPersonLogged(
  db: Queryable,
  p: PersonFields,
  op: { id: string; actorId: string | null; actor: string },
): Promise<Person | undefined> {
  const { rows } = await db.query<{ after: Person }>(
    `/* prepared: register_person */
     WITH inserted AS (
       INSERT INTO person (id, site_id, household_id, shelter_id, names, sex, birth_date, birth_year, age_band,
         vulnerabilities, triage, languages, note, status)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14
       -- Each check finds its row by primary key alone and compares the site afterwards, so that no
       -- plan (a prepared statement's generic plan included) can scan all of a site's rows instead.
       WHERE EXISTS (SELECT 1 FROM site WHERE id = $2)
         AND ($4::uuid IS NULL OR (SELECT site_id = $2 AND kind = 'shelter' FROM site_point WHERE id = $4) IS TRUE)
         AND ($3::uuid IS NULL OR (SELECT site_id = $2 FROM household WHERE id = $3) IS TRUE)
         AND NOT EXISTS (SELECT 1 FROM unnest($15::uuid[]) AS g (id)
           WHERE (SELECT site_id FROM person WHERE person.id = g.id) IS DISTINCT FROM $2)
       ON CONFLICT (id) DO NOTHING
       RETURNING *
     ), links AS (
       INSERT INTO person_guardian (child_id, guardian_id, relation)
       SELECT i.id, g.guardian_id, g.relation FROM inserted i, unnest($15::uuid[], $16::text[]) AS g (guardian_id, relation)
       RETURNING guardian_id, relation
     ), document AS (
       SELECT jsonb_build_object(
         'id', i.id, 'siteId', i.site_id, 'householdId', i.household_id, 'shelterId', i.shelter_id,
         'names', i.names, 'sex', i.sex, 'birthDate', to_char(i.birth_date, 'YYYY-MM-DD'),
         'birthYear', i.birth_year, 'ageBand', i.age_band, 'vulnerabilities', to_jsonb(i.vulnerabilities),
         'triage', i.triage, 'languages', to_jsonb(i.languages), 'note', i.note,
         'guardians', (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(
             jsonb_build_object('personId', l.guardian_id, 'relation', l.relation)) ORDER BY l.guardian_id), '[]')
           FROM links l),
         'status', i.status, 'statusChangedAt', ${isoTime('i.status_changed_at')}, 'version', i.version,
         'createdAt', ${isoTime('i.created_at')}, 'updatedAt', ${isoTime('i.updated_at')}) AS after
       FROM inserted i
     ), logged AS (
       INSERT INTO operation (id, actor_id, actor, entity, entity_id, action, before, after)
       SELECT $17, $18, $19, 'person', $1, 'register', NULL, d.after FROM document d
     )
     SELECT after FROM document`,
    [
      p.id,
      p.siteId,
      p.householdId,
      p.shelterId,
      JSON.stringify(p.names),
      p.sex,
      p.birthDate,
      p.birthYear,
      p.ageBand,
      p.vulnerabilities,
      p.triage,
      p.languages,
      p.note,
      p.status,
      p.guardians.map((g) => g.personId),
      p.guardians.map((g) => g.relation ?? null),
      op.id,
      op.actorId,
      op.actor,
    ],
  );
  return rows[0]?.after;
}

export async function updatePersonFields(tx: Queryable, p: PersonFields): Promise<void> {
  await tx.query(
    `UPDATE person SET household_id = $2, shelter_id = $3, names = $4, sex = $5, birth_date = $6, birth_year = $7,
       age_band = $8, vulnerabilities = $9, triage = $10, languages = $11, note = $12,
       version = version + 1, updated_at = now()
     WHERE id = $1`,
    [
      p.id,
      p.householdId,
      p.shelterId,
      JSON.stringify(p.names),
      p.sex,
      p.birthDate,
      p.birthYear,
      p.ageBand,
      p.vulnerabilities,
      p.triage,
      p.languages,
      p.note,
    ],
  );
  await replaceGuardians(tx, p.id, p.guardians);
}

async function replaceGuardians(tx: Queryable, childId: string, guardians: Guardian[]): Promise<void> {
  await tx.query('DELETE FROM person_guardian WHERE child_id = $1', [childId]);
  for (const guardian of guardians) {
    await tx.query('INSERT INTO person_guardian (child_id, guardian_id, relation) VALUES ($1, $2, $3)', [
      childId,
      guardian.personId,
      guardian.relation ?? null,
    ]);
  }
}

export async function findPerson(db: Queryable, id: string, forUpdate = false): Promise<Person | undefined> {
  const { rows } = await db.query<PersonRow>(
    `SELECT ${personColumns} FROM person p WHERE p.id = $1${forUpdate ? ' FOR UPDATE OF p' : ''}`,
    [id],
  );
  return rows[0] ? toPerson(rows[0]) : undefined;
}

export async function setPersonStatus(tx: Queryable, id: string, status: PersonStatus): Promise<void> {
  await tx.query(
    'UPDATE person SET status = $2, status_changed_at = now(), version = version + 1, updated_at = now() WHERE id = $1',
    [id, status],
  );
}

export interface PersonFilter {
  siteId?: string | undefined;
  shelterId?: string | undefined;
  householdId?: string | undefined;
  status?: PersonStatus | undefined;
  vulnerability?: string | undefined;
  /** Matches any part of any name, in any script, ignoring case. */
  q?: string | undefined;
  limit: number;
  offset: number;
}

export async function listPeople(
  db: Queryable,
  filter: PersonFilter,
): Promise<{ items: Person[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (filter.siteId) where.push(`p.site_id = $${params.push(filter.siteId)}`);
  if (filter.shelterId) where.push(`p.shelter_id = $${params.push(filter.shelterId)}`);
  if (filter.householdId) where.push(`p.household_id = $${params.push(filter.householdId)}`);
  if (filter.status) where.push(`p.status = $${params.push(filter.status)}`);
  if (filter.vulnerability) where.push(`$${params.push(filter.vulnerability)} = ANY (p.vulnerabilities)`);
  if (filter.q) {
    // lower() is Unicode-aware in a UTF-8 database, so Cyrillic matches ignoring case as Latin does.
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      `EXISTS (SELECT 1 FROM jsonb_array_elements(p.names) n
        WHERE lower(concat_ws(' ', n->>'family', n->>'given', n->>'patronymic')) LIKE $${params.push(pattern)})`,
    );
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM person p ${clause}`, params);
  const { rows } = await db.query<PersonRow>(
    `SELECT ${personColumns} FROM person p ${clause} ORDER BY p.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.limit, filter.offset],
  );
  return { items: rows.map(toPerson), total: total.rows[0]?.n ?? 0 };
}
