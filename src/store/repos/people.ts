import type { PersonStatus } from '../../domain/lifecycle.ts';
import type { Guardian, Person, PersonName } from '../../domain/person.ts';
import { nameKeys, queryKeys } from '../crypto/name-keys.ts';
import { cipherOf } from '../crypto/sealed-store.ts';
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

export const personColumns = `p.id, p.site_id, p.household_id, p.shelter_id, p.names, p.sex, p.birth_date_sealed AS birth_date, p.birth_year_sealed AS birth_year,
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

/** A registration ready to be written: the person, and the operation that will log it. */
export interface Registration {
  person: PersonFields;
  operationId: string;
  actorId: string | null;
  actor: string;
}

/**
 * Registrations in one statement, and so in one transaction: each person, their guardian links and
 * the operation that logs them are written only if every reference holds (the site exists; the
 * shelter is a shelter of that site; the household and every guardian belong to that site; the id is
 * new). One round trip for many registrations instead of a dozen for each is what lets registration
 * keep pace with the database. Returns each written person, by id, as the operations log records
 * them; a registration missing from the answer was held back by a rule, and the caller finds out
 * which. The ids must be distinct.
 */
export async function insertPeopleLogged(db: Queryable, batch: Registration[]): Promise<Map<string, Person>> {
  // Names, birth dates and notes are sealed here, so the row and the logged document both hold them sealed.
  const cipher = cipherOf(db);
  const input = batch.map(({ person: p, operationId, actorId, actor }) => ({
    id: p.id,
    site_id: p.siteId,
    household_id: p.householdId,
    shelter_id: p.shelterId,
    names: cipher.seal(p.names),
    name_keys: nameKeys(cipher, p.names),
    sex: p.sex,
    birth_date: cipher.sealOrNull(p.birthDate),
    birth_year: cipher.sealOrNull(p.birthYear),
    age_band: p.ageBand,
    vulnerabilities: p.vulnerabilities,
    triage: p.triage,
    languages: p.languages,
    note: cipher.sealOrNull(p.note),
    status: p.status,
    guardian_ids: p.guardians.map((g) => g.personId),
    relations: p.guardians.map((g) => g.relation ?? null),
    operation_id: operationId,
    actor_id: actorId,
    actor,
  }));
  const { rows } = await db.query<{ id: string; after: Person }>(
    `/* prepared: register_people */
     WITH input AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r (id uuid, site_id uuid, household_id uuid, shelter_id uuid,
         names jsonb, name_keys text[], sex text, birth_date text, birth_year text, age_band text, vulnerabilities text[],
         triage text, languages text[], note text, status text, guardian_ids uuid[], relations text[],
         operation_id uuid, actor_id uuid, actor text)
     ), inserted AS (
       INSERT INTO person (id, site_id, household_id, shelter_id, names, name_keys, sex, birth_date_sealed, birth_year_sealed,
         age_band, vulnerabilities, triage, languages, note, status)
       SELECT r.id, r.site_id, r.household_id, r.shelter_id, r.names, r.name_keys, r.sex, r.birth_date, r.birth_year, r.age_band,
         r.vulnerabilities, r.triage, r.languages, r.note, r.status
       FROM input r
       -- Each check finds its row by primary key alone and compares the site afterwards, so that no
       -- plan (a prepared statement's generic plan included) can scan all of a site's rows instead.
       WHERE EXISTS (SELECT 1 FROM site WHERE site.id = r.site_id)
         AND (r.shelter_id IS NULL OR
           (SELECT sp.site_id = r.site_id AND sp.kind = 'shelter' FROM site_point sp WHERE sp.id = r.shelter_id) IS TRUE)
         AND (r.household_id IS NULL OR
           (SELECT h.site_id = r.site_id FROM household h WHERE h.id = r.household_id) IS TRUE)
         AND NOT EXISTS (SELECT 1 FROM unnest(r.guardian_ids) AS g (id)
           WHERE (SELECT p.site_id FROM person p WHERE p.id = g.id) IS DISTINCT FROM r.site_id)
       ON CONFLICT (id) DO NOTHING
       RETURNING *
     ), links AS (
       INSERT INTO person_guardian (child_id, guardian_id, relation)
       SELECT i.id, g.guardian_id, g.relation
       FROM inserted i JOIN input r ON r.id = i.id, unnest(r.guardian_ids, r.relations) AS g (guardian_id, relation)
       RETURNING child_id, guardian_id, relation
     ), document AS (
       SELECT i.id, jsonb_build_object(
         'id', i.id, 'siteId', i.site_id, 'householdId', i.household_id, 'shelterId', i.shelter_id,
         'names', i.names, 'sex', i.sex, 'birthDate', i.birth_date_sealed,
         'birthYear', i.birth_year_sealed, 'ageBand', i.age_band, 'vulnerabilities', to_jsonb(i.vulnerabilities),
         'triage', i.triage, 'languages', to_jsonb(i.languages), 'note', i.note,
         'guardians', (SELECT coalesce(jsonb_agg(jsonb_strip_nulls(
             jsonb_build_object('personId', l.guardian_id, 'relation', l.relation)) ORDER BY l.guardian_id), '[]')
           FROM links l WHERE l.child_id = i.id),
         'status', i.status, 'statusChangedAt', ${isoTime('i.status_changed_at')}, 'version', i.version,
         'createdAt', ${isoTime('i.created_at')}, 'updatedAt', ${isoTime('i.updated_at')}) AS after
       FROM inserted i
     ), logged AS (
       INSERT INTO operation (id, actor_id, actor, entity, entity_id, action, before, after)
       SELECT r.operation_id, r.actor_id, r.actor, 'person', d.id, 'register', NULL, d.after
       FROM document d JOIN input r ON r.id = d.id
     )
     SELECT id, after FROM document`,
    [JSON.stringify(input)],
  );
  return new Map(rows.map((row) => [row.id, row.after]));
}

/**
 * Writes a correction and returns the person as now stored. Given the record before it, rewrites the
 * guardian links only if they changed.
 */
export async function updatePersonFields(tx: Queryable, p: PersonFields, before?: Person): Promise<Person> {
  const cipher = cipherOf(tx);
  // The links first: the returned record reads them.
  if (!before || !sameGuardians(p.guardians, before.guardians)) await replaceGuardians(tx, p.id, p.guardians);
  const { rows } = await tx.query<PersonRow>(
    `UPDATE person p SET household_id = $2, shelter_id = $3, names = $4, sex = $5, birth_date_sealed = $6, birth_year_sealed = $7,
       age_band = $8, vulnerabilities = $9, triage = $10, languages = $11, note = $12, name_keys = $13,
       version = version + 1, updated_at = now()
     WHERE p.id = $1
     RETURNING ${personColumns}`,
    [
      p.id,
      p.householdId,
      p.shelterId,
      JSON.stringify(cipher.seal(p.names)),
      p.sex,
      cipher.sealOrNull(p.birthDate),
      cipher.sealOrNull(p.birthYear),
      p.ageBand,
      p.vulnerabilities,
      p.triage,
      p.languages,
      cipher.sealOrNull(p.note),
      nameKeys(cipher, p.names),
    ],
  );
  return toPerson(rows[0]!);
}

const guardianKey = (g: Guardian): string => `${g.personId.toLowerCase()} ${g.relation ?? ''}`;

function sameGuardians(next: readonly Guardian[], before: readonly Guardian[]): boolean {
  if (next.length !== before.length) return false;
  const kept = new Set(before.map(guardianKey));
  return next.every((g) => kept.has(guardianKey(g)));
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

/** Moves the person to a status; returns the person as now stored. */
export async function setPersonStatus(tx: Queryable, id: string, status: PersonStatus): Promise<Person> {
  const { rows } = await tx.query<PersonRow>(
    `UPDATE person p SET status = $2, status_changed_at = now(), version = version + 1, updated_at = now()
     WHERE p.id = $1 RETURNING ${personColumns}`,
    [id, status],
  );
  return toPerson(rows[0]!);
}

export interface PersonFilter {
  siteId?: string | undefined;
  shelterId?: string | undefined;
  householdId?: string | undefined;
  status?: PersonStatus | undefined;
  vulnerability?: string | undefined;
  /** Every word matches a word of a name (or its start), in any script or spelling, ignoring case. */
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
    // Names are sealed: each word of the search is looked up in the blind index (src/store/crypto/name-keys.ts).
    const words = queryKeys(cipherOf(db), filter.q);
    if (words.length === 0) where.push('false');
    for (const keys of words) where.push(`p.name_keys && $${params.push(keys)}::text[]`);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM person p ${clause}`, params);
  const { rows } = await db.query<PersonRow>(
    `SELECT ${personColumns} FROM person p ${clause} ORDER BY p.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.limit, filter.offset],
  );
  return { items: rows.map(toPerson), total: total.rows[0]?.n ?? 0 };
}
