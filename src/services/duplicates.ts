import type { Person } from '../domain/person.ts';
import { type DuplicatePair, findDuplicates } from '../matching/index.ts';
import { readableRecord } from '../matching/readable.ts';
import type { MatchRecord } from '../matching/record.ts';
import type { Queryable } from '../store/database.ts';
import { dismissedPairs } from '../store/repos/merges.ts';
import { findPerson } from '../store/repos/people.ts';
import { requireSite } from './sites.ts';

interface RecordRow {
  id: string;
  names: MatchRecord['names'];
  sex: MatchRecord['sex'];
  birth_date: string | null;
  birth_year: number | null;
  age_band: MatchRecord['ageBand'];
  household_id: string | null;
  shelter_id: string | null;
}

/** Every registration of a site that is a person of its own, as the matcher reads it. */
async function siteRecords(db: Queryable, siteId: string): Promise<MatchRecord[]> {
  const records: MatchRecord[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const { rows } = await db.query<RecordRow>(
      `SELECT id, names, sex, birth_date_sealed AS birth_date, birth_year_sealed AS birth_year, age_band, household_id, shelter_id FROM person
       WHERE site_id = $1 AND status <> 'merged' AND id > $2 ORDER BY id LIMIT 5000`,
      [siteId, after],
    );
    for (const row of rows) {
      const record = readableRecord({
        id: row.id,
        names: row.names,
        sex: row.sex,
        birthDate: row.birth_date,
        birthYear: row.birth_year,
        ageBand: row.age_band,
        householdId: row.household_id,
        shelterId: row.shelter_id,
      });
      if (record) records.push(record);
    }
    if (rows.length < 5000) return records;
    after = rows.at(-1)!.id;
  }
}

// Detection over a whole site is seconds at a million people: its pairs are kept per site while the
// operations log has not moved (a registration, a change, a merge or a dismissal moves it).
const cache = new Map<string, { seq: number; pairs: DuplicatePair[] }>();

async function pairsOf(db: Queryable, siteId: string): Promise<DuplicatePair[]> {
  const seq =
    (await db.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM operation')).rows[0]?.seq ?? 0;
  const cached = cache.get(siteId);
  if (cached && cached.seq === seq) return cached.pairs;
  const records = await siteRecords(db, siteId);
  const dismissed = await dismissedPairs(db, siteId);
  const pairs = findDuplicates(records, {
    explain: true,
    referenceYear: new Date().getUTCFullYear(),
  }).pairs.filter((pair) => !dismissed.has(pair.a < pair.b ? `${pair.a} ${pair.b}` : `${pair.b} ${pair.a}`));
  cache.set(siteId, { seq, pairs });
  return pairs;
}

export interface CandidatePair {
  score: number;
  summary: string;
  explanation: unknown;
  a: Person;
  b: Person;
}

/**
 * Candidate duplicates of a site's registry, best first: pairs of registrations the matcher finds
 * to be one person (blocking keeps this fast at scale; docs/matching.md), less the pairs a
 * coordinator already found to be two people.
 */
export async function listCandidates(
  db: Queryable,
  siteId: string,
  page: { limit: number; offset: number },
): Promise<{ items: CandidatePair[]; total: number }> {
  await requireSite(db, siteId);
  const pairs = await pairsOf(db, siteId);
  const items: CandidatePair[] = [];
  for (const pair of pairs.slice(page.offset, page.offset + page.limit)) {
    const [a, b] = [await findPerson(db, pair.a), await findPerson(db, pair.b)];
    if (!a || !b) continue;
    items.push({
      score: pair.score,
      summary: pair.explanation?.summary ?? '',
      explanation: { fields: pair.explanation?.fields ?? [], penalties: pair.explanation?.penalties ?? [] },
      a,
      b,
    });
  }
  return { items, total: pairs.length };
}
