import { readableRecord } from '../../matching/readable.ts';
import type { MatchRecord } from '../../matching/record.ts';
import type { Queryable } from '../database.ts';

/**
 * SQL that holds for a registered person whom tracing may disclose: a person of their own (not a
 * registration merged into another) who has not declined to be found — nor has any registration
 * merged into them, since the person who declined is the same person under another record. Every
 * tracing read (matches, search, PFIF export) filters through this one condition.
 */
export const disclosable = (alias: string): string => `(${alias}.status <> 'merged' AND NOT EXISTS (
  SELECT 1 FROM tracing_consent tc WHERE tc.decision = 'declined' AND (tc.person_id = ${alias}.id OR tc.person_id IN (
    SELECT pm.absorbed_id FROM person_merge pm WHERE pm.survivor_id = ${alias}.id AND pm.unmerged_at IS NULL))))`;

interface RecordRow {
  id: string;
  site_id: string;
  names: MatchRecord['names'];
  sex: MatchRecord['sex'];
  birth_date: string | null;
  birth_year: number | null;
  age_band: MatchRecord['ageBand'];
  household_id: string | null;
  shelter_id: string | null;
}

const toRecord = (row: RecordRow): MatchRecord & { siteId: string } => ({
  id: row.id,
  siteId: row.site_id,
  names: row.names,
  sex: row.sex,
  birthDate: row.birth_date,
  birthYear: row.birth_year,
  ageBand: row.age_band,
  householdId: row.household_id,
  shelterId: row.shelter_id,
});

const recordColumns =
  'p.id, p.site_id, p.names, p.sex, p.birth_date_sealed AS birth_date, p.birth_year_sealed AS birth_year, p.age_band, p.household_id, p.shelter_id';

/** What the matcher reads of every disclosable person of a site (read page by page), as far as it can read it. */
export async function disclosableRecords(db: Queryable, siteId: string): Promise<MatchRecord[]> {
  const records: MatchRecord[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await db.query<RecordRow>(
      `SELECT ${recordColumns} FROM person p WHERE p.site_id = $1 AND p.id > $2 AND ${disclosable('p')}
       ORDER BY p.id LIMIT 5000`,
      [siteId, after],
    );
    for (const row of rows) {
      const record = readableRecord(toRecord(row));
      if (record) records.push(record);
    }
    if (rows.length < 5000) return records;
    after = rows.at(-1)!.id;
  }
}

/** The matcher's view of the given people, leaving out whoever tracing may not disclose. */
export async function disclosableRecordsOf(
  db: Queryable,
  ids: readonly string[],
): Promise<Array<MatchRecord & { siteId: string }>> {
  const { rows } = await db.query<RecordRow>(
    `SELECT ${recordColumns} FROM person p WHERE p.id = ANY ($1::uuid[]) AND ${disclosable('p')} ORDER BY p.id`,
    [ids],
  );
  return rows.flatMap((row) => readableRecord(toRecord(row)) ?? []);
}

/** Which of the given people tracing may disclose now. */
export async function disclosableIds(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>(
    `SELECT p.id FROM person p WHERE p.id = ANY ($1::uuid[]) AND ${disclosable('p')}`,
    [ids],
  );
  return new Set(rows.map((row) => row.id));
}
