import { notFound } from '../domain/errors.ts';
import type { Queryable } from '../store/database.ts';
import { listHeadcounts } from '../store/repos/headcounts.ts';
import { listHouseholds } from '../store/repos/households.ts';
import { type PersonRow, toPerson } from '../store/repos/people.ts';
import { findSite, listPassages, listPoints } from '../store/repos/sites.ts';
import { exportEvents } from './events/export.ts';
import { siteFileFormat, siteFileVersion } from './format.ts';
import { exportLogistics } from './logistics/export.ts';
import {
  headcountRecord,
  householdRecord,
  passageRecord,
  personRecord,
  pointRecord,
  siteRecord,
} from './records.ts';
import { exportRescue } from './rescue/export.ts';

// Birth dates are read from their sealed columns (migration 012), under the names the row type uses.
const personFields = `p.id, p.site_id, p.household_id, p.shelter_id, p.names, p.sex, p.birth_date_sealed AS birth_date,
  p.birth_year_sealed AS birth_year, p.age_band, p.vulnerabilities, p.triage, p.languages, p.note, p.status,
  p.status_changed_at, p.version, p.created_at, p.updated_at`;

const pageSize = 5000;

/**
 * Writes a site as a site file, piece by piece, so a site of a million people streams to disk
 * without one giant string. Records come in a fixed order: the same data always gives the same bytes.
 */
export async function* exportSiteFile(db: Queryable, siteId: string): AsyncGenerator<string> {
  const site = await findSite(db, siteId);
  if (!site) throw notFound('site', siteId);
  yield `{"format":${JSON.stringify(siteFileFormat)},"formatVersion":${siteFileVersion},\n"site":${JSON.stringify(siteRecord(site))},\n`;
  yield* list('points', (await listPoints(db, siteId)).map(pointRecord));
  yield ',\n';
  yield* list('passages', (await listPassages(db, siteId)).map(passageRecord));
  yield ',\n';
  yield* list('households', (await listHouseholds(db, siteId, 10_000_000, 0)).map(householdRecord));
  yield ',\n"people":[';
  let after = '00000000-0000-0000-0000-000000000000';
  let first = true;
  for (;;) {
    const { rows } = await db.query<PersonRow>(
      `SELECT ${personFields}, (SELECT coalesce(json_agg(json_build_object('personId', g.guardian_id, 'relation', g.relation)), '[]'::json)
         FROM person_guardian g WHERE g.child_id = p.id) AS guardians
       FROM person p WHERE p.site_id = $1 AND p.id > $2 ORDER BY p.id LIMIT $3`,
      [siteId, after, pageSize],
    );
    if (rows.length === 0) break;
    yield rows
      .map((row, i) => `${first && i === 0 ? '' : ','}\n${JSON.stringify(personRecord(toPerson(row)))}`)
      .join('');
    first = false;
    after = rows.at(-1)!.id;
  }
  yield '],\n';
  yield* list('headcounts', (await listHeadcounts(db, siteId)).map(headcountRecord));
  for (const [key, records] of await exportEvents(db, siteId)) {
    yield ',\n';
    yield* list(key, records);
  }
  const logistics = await exportLogistics(db, siteId);
  for (const [key, records] of logistics.sections) {
    yield ',\n';
    yield* list(key, records);
  }
  if (logistics.planningSettings) yield `,\n"planningSettings":${JSON.stringify(logistics.planningSettings)}`;
  for (const [key, records] of await exportRescue(db, siteId)) {
    yield ',\n';
    yield* list(key, records);
  }
  yield '}\n';
}

function* list(key: string, records: unknown[]): Generator<string> {
  yield `"${key}":[`;
  yield records.map((record, i) => `${i ? ',' : ''}\n${JSON.stringify(record)}`).join('');
  yield ']';
}

export async function exportSiteFileText(db: Queryable, siteId: string): Promise<string> {
  let text = '';
  for await (const chunk of exportSiteFile(db, siteId)) text += chunk;
  return text;
}
