import type { Person } from '../../domain/person.ts';
import type { Passage } from '../../domain/site.ts';
import type { Queryable } from '../database.ts';
import { type Headcount, type HeadcountRow, toHeadcount } from './headcounts.ts';
import { type Household, type HouseholdRow, toHousehold } from './households.ts';
import { type PersonRow, personColumns, toPerson } from './people.ts';
import { type PassageRow, toPassage } from './sites.ts';

// A pull's page of records, one query per kind of record: a page may name thousands of them.

export interface PulledRecords {
  people: Person[];
  households: Household[];
  passages: Passage[];
  headcounts: Headcount[];
}

export async function loadPulled(
  db: Queryable,
  siteId: string,
  ids: { [K in keyof PulledRecords]: string[] },
): Promise<PulledRecords> {
  const load = async <Row, T>(sql: string, list: string[], to: (row: Row) => T): Promise<T[]> =>
    list.length === 0 ? [] : (await db.query<Row>(sql, [list, siteId])).rows.map(to);
  return {
    people: await load<PersonRow, Person>(
      `SELECT ${personColumns} FROM person p WHERE p.id = ANY($1::uuid[]) AND p.site_id = $2 ORDER BY p.id`,
      ids.people,
      toPerson,
    ),
    households: await load<HouseholdRow, Household>(
      'SELECT * FROM household WHERE id = ANY($1::uuid[]) AND site_id = $2 ORDER BY id',
      ids.households,
      toHousehold,
    ),
    passages: await load<PassageRow, Passage>(
      'SELECT * FROM passage WHERE id = ANY($1::uuid[]) AND site_id = $2 ORDER BY id',
      ids.passages,
      toPassage,
    ),
    headcounts: await load<HeadcountRow, Headcount>(
      'SELECT * FROM headcount WHERE id = ANY($1::uuid[]) AND site_id = $2 ORDER BY reported_at, id',
      ids.headcounts,
      toHeadcount,
    ),
  };
}
