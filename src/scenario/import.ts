import type { PersonName } from '../domain/person.ts';
import { nameKeys } from '../store/crypto/name-keys.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import { type HeadcountRow, toHeadcount } from '../store/repos/headcounts.ts';
import { type HouseholdRow, toHousehold } from '../store/repos/households.ts';
import type { Actor } from '../store/repos/operations.ts';
import { type PersonRow, toPerson } from '../store/repos/people.ts';
import {
  type PassageRow,
  type PointRow,
  type SiteRow,
  toPassage,
  toPoint,
  toSite,
} from '../store/repos/sites.ts';
import { checkSiteFile, type FileProblem, fileError } from './check.ts';
import { importEvents } from './events/import.ts';
import { foreignIds } from './foreign-ids.ts';
import { importLogistics } from './logistics/import.ts';
import {
  type FilePerson,
  headcountRecord,
  householdRecord,
  passageRecord,
  personRecord,
  pointRecord,
  siteRecord,
} from './records.ts';
import { importRescue } from './rescue/import.ts';

import { batchSize, type ImportSummary, type Table, upsert } from './upsert.ts';

export type { ImportSummary } from './upsert.ts';

// Birth dates are read from their sealed columns (migration 012), under the names the row type uses.
const selectPerson = `SELECT p.id, p.site_id, p.household_id, p.shelter_id, p.names, p.sex, p.birth_date_sealed AS birth_date,
  p.birth_year_sealed AS birth_year, p.age_band, p.vulnerabilities, p.triage, p.languages, p.note, p.status,
  p.status_changed_at, p.version, p.created_at, p.updated_at,
  (SELECT coalesce(json_agg(json_build_object('personId', g.guardian_id, 'relation', g.relation)), '[]'::json)
  FROM person_guardian g WHERE g.child_id = p.id) AS guardians FROM person p`;

const tables = {
  site: {
    entity: 'site',
    table: 'site',
    select: 'SELECT * FROM site',
    columns: (s, _siteId) => ({ id: s.id, name: s.name, place: s.place ?? null, time_zone: s.timeZone }),
    canonical: (row: SiteRow) => siteRecord(toSite(row)),
  } satisfies Table<ReturnType<typeof siteRecord>, SiteRow>,
  points: {
    touchUpdatedAt: true,
    entity: 'site_point',
    table: 'site_point',
    select: 'SELECT * FROM site_point',
    columns: (p, siteId) => ({
      id: p.id,
      site_id: siteId,
      kind: p.kind,
      code: p.code,
      name: p.name ?? null,
      x: p.x ?? null,
      y: p.y ?? null,
      note: p.note ?? null,
      shelter_kind: p.shelterKind ?? null,
      level: p.level ?? null,
      depth_m: p.depthM ?? null,
      capacity: p.capacity ?? null,
      conditions: p.conditions ?? null,
      supervisor: p.supervisor ?? null,
    }),
    seal: (row, cipher) => ({ ...row, supervisor: cipher.sealOrNull(row.supervisor) }),
    canonical: (row: PointRow) => pointRecord(toPoint(row)),
  } satisfies Table<ReturnType<typeof pointRecord>, PointRow>,
  passages: {
    touchUpdatedAt: true,
    entity: 'passage',
    table: 'passage',
    select: 'SELECT * FROM passage',
    columns: (p, siteId) => ({
      id: p.id,
      site_id: siteId,
      from_point: p.from,
      to_point: p.to,
      length_m: p.lengthM,
      state: p.state,
      clearance_person_hours: p.clearancePersonHours ?? null,
      state_reported_at: p.stateReportedAt ?? null,
      state_reported_by: p.stateReportedBy ?? null,
      note: p.note ?? null,
    }),
    seal: (row, cipher) => ({ ...row, state_reported_by: cipher.sealOrNull(row.state_reported_by) }),
    canonical: (row: PassageRow) => passageRecord(toPassage(row)),
  } satisfies Table<ReturnType<typeof passageRecord>, PassageRow>,
  households: {
    touchUpdatedAt: true,
    entity: 'household',
    table: 'household',
    select: 'SELECT * FROM household',
    columns: (h, siteId) => ({ id: h.id, site_id: siteId, label: h.label ?? null, note: h.note ?? null }),
    seal: (row, cipher) => ({
      ...row,
      label: cipher.sealOrNull(row.label),
      note: cipher.sealOrNull(row.note),
    }),
    canonical: (row: HouseholdRow) => householdRecord(toHousehold(row)),
  } satisfies Table<ReturnType<typeof householdRecord>, HouseholdRow>,
  people: {
    entity: 'person',
    table: 'person',
    select: selectPerson,
    idColumn: 'p.id',
    touchUpdatedAt: true,
    bumpVersion: true,
    columns: (p, siteId) => ({
      id: p.id,
      site_id: siteId,
      household_id: p.householdId ?? null,
      shelter_id: p.shelterId ?? null,
      names: p.names,
      sex: p.sex,
      birth_date_sealed: p.birthDate ?? null,
      birth_year_sealed: p.birthYear ?? null,
      age_band: p.ageBand ?? null,
      vulnerabilities: p.vulnerabilities ?? [],
      triage: p.triage ?? null,
      languages: p.languages ?? [],
      note: p.note ?? null,
      status: p.status ?? 'sheltering',
    }),
    seal: (row, cipher) => ({
      ...row,
      names: cipher.seal(row.names),
      name_keys: nameKeys(cipher, row.names as PersonName[]),
      birth_date_sealed: cipher.sealOrNull(row.birth_date_sealed),
      birth_year_sealed: cipher.sealOrNull(row.birth_year_sealed),
      note: cipher.sealOrNull(row.note),
    }),
    canonical: (row: PersonRow) => personRecord(toPerson(row)),
  } satisfies Table<ReturnType<typeof personRecord>, PersonRow>,
  headcounts: {
    entity: 'headcount',
    table: 'headcount',
    select: 'SELECT * FROM headcount',
    columns: (h, siteId) => ({
      id: h.id,
      site_id: siteId,
      shelter_id: h.shelterId ?? null,
      category: h.category,
      count: h.count,
      approximate: h.approximate ?? true,
      source: h.source,
      reported_by: h.reportedBy ?? null,
      reported_at: h.reportedAt,
      note: h.note ?? null,
    }),
    seal: (row, cipher) => ({ ...row, reported_by: cipher.sealOrNull(row.reported_by) }),
    canonical: (row: HeadcountRow) => headcountRecord(toHeadcount(row)),
  } satisfies Table<ReturnType<typeof headcountRecord>, HeadcountRow>,
};

/**
 * Imports a whole site file in one transaction: all or nothing. Records are matched by id, so
 * importing the same file again changes nothing; a record that differs is updated and logged.
 * Records missing from the file are left as they are (an import never deletes).
 */
export async function importSiteFile(db: Database, actor: Actor, data: unknown): Promise<ImportSummary> {
  const file = checkSiteFile(data);
  const siteId = file.site.id;
  const summary: ImportSummary = { siteId, created: {}, updated: {}, unchanged: {} };
  await translating(() =>
    db.transaction(async (tx) => {
      await refuseForeignIds(tx, file, siteId);
      await upsert(tx, actor, tables.site, [siteRecord(file.site)], siteId, summary);
      await upsert(tx, actor, tables.points, file.points.map(pointRecord), siteId, summary);
      await upsert(tx, actor, tables.passages, file.passages.map(passageRecord), siteId, summary);
      await upsert(tx, actor, tables.households, file.households.map(householdRecord), siteId, summary);
      const changedPeople = await upsertPeople(tx, actor, file.people, siteId, summary);
      await writeGuardians(tx, changedPeople);
      await upsert(tx, actor, tables.headcounts, file.headcounts.map(headcountRecord), siteId, summary);
      await importEvents(tx, actor, file, summary);
      await importLogistics(tx, actor, file, summary);
      await importRescue(tx, actor, file, summary);
    }),
  );
  // A large import changes the tables' sizes by orders of magnitude: refresh the planner's statistics
  // now, so the first queries after it (the overview's counts) are not planned for an empty table.
  // The person table is vacuumed too, which marks its new pages all-visible: the overview's counts
  // are then read from the index alone (person_site_status, migration 016) rather than from the wide
  // table, at once instead of whenever autovacuum gets to it.
  for (const table of analysedTables)
    await db.query(table === 'person' ? 'VACUUM (ANALYZE) person' : `ANALYZE ${table}`);
  return summary;
}

const analysedTables = [
  'site_point',
  'passage',
  'household',
  'person',
  'person_guardian',
  'headcount',
  'operation',
];

/**
 * People are put in canonical form a slice at a time, and only the ids and guardians of those that
 * changed are kept: a million canonical records at once would double the memory an import needs.
 */
async function upsertPeople(
  tx: Queryable,
  actor: Actor,
  people: FilePerson[],
  siteId: string,
  summary: ImportSummary,
): Promise<Array<Pick<FilePerson, 'id' | 'guardians'>>> {
  const changed: Array<Pick<FilePerson, 'id' | 'guardians'>> = [];
  const entity = tables.people.entity;
  for (const counts of [summary.created, summary.updated, summary.unchanged]) counts[entity] = 0;
  for (let start = 0; start < people.length; start += batchSize * 25) {
    const slice: ImportSummary = { siteId, created: {}, updated: {}, unchanged: {} };
    const records = people.slice(start, start + batchSize * 25).map(personRecord);
    for (const person of await upsert(tx, actor, tables.people, records, siteId, slice))
      changed.push({ id: person.id, guardians: person.guardians });
    summary.created[entity]! += slice.created[entity] ?? 0;
    summary.updated[entity]! += slice.updated[entity] ?? 0;
    summary.unchanged[entity]! += slice.unchanged[entity] ?? 0;
  }
  return changed;
}

/** An id in the file that already belongs to another site is refused rather than moved. */
async function refuseForeignIds(
  tx: Queryable,
  file: ReturnType<typeof checkSiteFile>,
  siteId: string,
): Promise<void> {
  const problems: FileProblem[] = [];
  const groups = [
    ['points', 'site_point', file.points],
    ['passages', 'passage', file.passages],
    ['households', 'household', file.households],
    ['people', 'person', file.people],
    ['headcounts', 'headcount', file.headcounts],
  ] as const;
  for (const [key, table, records] of groups)
    problems.push(...(await foreignIds(tx, siteId, key, table, records)));
  // A code is unique within a site: a stored point that the file does not mention, holding a code
  // the file gives to another point, would otherwise fail the insert with no path to point at.
  const { rows: clashes } = await tx.query<{ id: string; code: string }>(
    `SELECT id, code FROM site_point WHERE site_id = $1 AND code = ANY($2::text[]) AND NOT (id = ANY($3::uuid[]))`,
    [siteId, file.points.map((p) => p.code), file.points.map((p) => p.id)],
  );
  for (const clash of clashes)
    problems.push({
      path: `$.points[${file.points.findIndex((p) => p.code === clash.code)}].code`,
      reason: `code ${clash.code} already belongs to point ${clash.id} of this site, which is not in the file`,
    });
  if (problems.length > 0) throw fileError(problems);
}

async function writeGuardians(
  tx: Queryable,
  people: Array<{ id: string; guardians?: Array<{ personId: string; relation?: string }> }>,
): Promise<void> {
  for (let start = 0; start < people.length; start += batchSize) {
    const batch = people.slice(start, start + batchSize);
    await tx.query('DELETE FROM person_guardian WHERE child_id = ANY($1::uuid[])', [batch.map((p) => p.id)]);
    const links = batch.flatMap((p) =>
      (p.guardians ?? []).map((g) => ({
        child_id: p.id,
        guardian_id: g.personId,
        relation: g.relation ?? null,
      })),
    );
    if (links.length > 0)
      await tx.query(
        `INSERT INTO person_guardian (child_id, guardian_id, relation)
         SELECT child_id, guardian_id, relation FROM json_populate_recordset(NULL::person_guardian, $1::json)`,
        [JSON.stringify(links)],
      );
  }
}
