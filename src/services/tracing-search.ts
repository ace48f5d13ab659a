import { CorridorError } from '../domain/errors.ts';
import type { PersonName, Sex } from '../domain/person.ts';
import { buildIndex, type MatchIndex, search } from '../matching/index.ts';
import { readableRecord } from '../matching/readable.ts';
import type { Queryable } from '../store/database.ts';
import { disclosableRecords } from '../store/repos/disclosure.ts';
import { type Whereabouts, whereaboutsOf } from '../store/repos/whereabouts.ts';
import { requireSite } from './sites.ts';

export interface SearchQuery {
  siteId: string;
  family?: string | undefined;
  given?: string | undefined;
  patronymic?: string | undefined;
  sex?: Sex | undefined;
  birthDate?: string | undefined;
  birthYear?: number | undefined;
  limit: number;
}

export interface SearchHit {
  person: {
    id: string;
    names: PersonName[];
    sex: Sex | null;
    birthDate: string | null;
    birthYear: number | null;
  };
  score: number;
  match: boolean;
  summary: string;
  whereabouts: Whereabouts | null;
}

// One index per site, kept while the operations log has not moved: a search costs a few
// milliseconds, a rebuild a pass over the site's registry. Consent and merges are operations too,
// so a person who declines drops out of the next search.
const cache = new Map<string, { seq: number; index: MatchIndex }>();

async function indexOf(db: Queryable, siteId: string): Promise<MatchIndex> {
  const seq =
    (await db.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM operation')).rows[0]?.seq ?? 0;
  const cached = cache.get(siteId);
  if (cached && cached.seq === seq) return cached.index;
  const index = buildIndex(await disclosableRecords(db, siteId), {
    referenceYear: new Date().getUTCFullYear(),
  });
  cache.set(siteId, { seq, index });
  return index;
}

/**
 * Finds registered people like a name, across scripts and spellings, for the tracing desk of the
 * cell. Only people tracing may disclose are in the index searched.
 */
export async function searchRegistry(db: Queryable, query: SearchQuery): Promise<{ items: SearchHit[] }> {
  await requireSite(db, query.siteId);
  const name: PersonName = { family: query.family ?? '', given: query.given ?? '' };
  if (query.patronymic) name.patronymic = query.patronymic;
  const probe = readableRecord({
    id: 'query',
    names: [name],
    sex: query.sex ?? null,
    birthDate: query.birthDate ?? null,
    birthYear: query.birthYear ?? null,
  });
  if (!probe)
    throw new CorridorError('validation_failed', 'family: give a family or a given name written in letters', {
      field: 'family',
    });
  const index = await indexOf(db, query.siteId);
  const results = search(index, probe, { limit: query.limit, minScore: 0.5 });
  const byId = new Map(index.records.map((record) => [record.id, record]));
  const whereabouts = await whereaboutsOf(
    db,
    results.map((r) => r.id),
  );
  return {
    items: results.map((result) => {
      const record = byId.get(result.id)!;
      return {
        person: {
          id: record.id,
          names: [...record.names],
          sex: record.sex ?? null,
          birthDate: record.birthDate ?? null,
          birthYear: record.birthYear ?? null,
        },
        score: result.score,
        match: result.match,
        summary: result.explanation.summary,
        whereabouts: whereabouts.get(result.id) ?? null,
      };
    }),
  };
}
