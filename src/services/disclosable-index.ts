// The name matcher's index over the people of a site whom tracing may disclose, kept between uses:
// building it reads the site's whole registry, searching it takes milliseconds. Filing a tracing
// request and the cell's tracing search both search this one index instead of reading the registry.
import {
  buildIndex,
  type MatchIndex,
  type SearchOptions,
  type SearchResult,
  search,
} from '../matching/index.ts';
import type { MatchRecord } from '../matching/record.ts';
import type { Queryable } from '../store/database.ts';
import { disclosableIds, disclosableRecords } from '../store/repos/disclosure.ts';

// Age bands are recorded as of the year of registration; the current year is close enough.
const referenceYear = (): number => new Date().getUTCFullYear();

// What changes whom tracing may find: a registration (new, corrected, merged or unmerged) or a
// decision to be found. Filing or reviewing a request changes nothing in the index.
const indexedEntities = ['person', 'tracing_consent', 'person_merge'];

interface Entry {
  seq: number;
  index: MatchIndex;
}

// One cache per database (tests open several in one process), one index per site.
const caches = new WeakMap<object, Map<string, Entry>>();

const latestSeq = async (db: Queryable): Promise<number> =>
  (await db.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM operation')).rows[0]?.seq ?? 0;

/** Whether anything the index holds changed in the operations log after `after` (up to `upTo`). */
async function changedSince(db: Queryable, after: number, upTo: number): Promise<boolean> {
  const { rows } = await db.query(
    'SELECT 1 FROM operation WHERE seq > $1 AND seq <= $2 AND entity = ANY ($3::text[]) LIMIT 1',
    [after, upTo, indexedEntities],
  );
  return rows.length > 0;
}

/**
 * The index of a site's disclosable people, rebuilt only when a registration or a consent changed
 * since it was built. `owner` is the database the cache belongs to; `db` may be a transaction on it.
 */
export async function disclosableIndex(owner: object, db: Queryable, siteId: string): Promise<MatchIndex> {
  let cache = caches.get(owner);
  if (!cache) {
    cache = new Map();
    caches.set(owner, cache);
  }
  const seq = await latestSeq(db);
  const cached = cache.get(siteId);
  if (cached && (cached.seq === seq || (seq > cached.seq && !(await changedSince(db, cached.seq, seq))))) {
    cached.seq = seq;
    return cached.index;
  }
  const index = buildIndex(await disclosableRecords(db, siteId), { referenceYear: referenceYear() });
  cache.set(siteId, { seq, index });
  return index;
}

/**
 * Searches the site's disclosable people, and checks each result against the database as it is
 * now: a transaction that committed late on PostgreSQL (a lower sequence number after a higher one
 * was read) could leave a decision to decline out of the index, never out of the answer.
 */
export async function searchDisclosable(
  owner: object,
  db: Queryable,
  siteId: string,
  probe: MatchRecord,
  options: SearchOptions,
): Promise<{ index: MatchIndex; results: SearchResult[] }> {
  const index = await disclosableIndex(owner, db, siteId);
  const found = search(index, probe, options);
  const allowed = await disclosableIds(
    db,
    found.map((result) => result.id),
  );
  return { index, results: found.filter((result) => allowed.has(result.id)) };
}
