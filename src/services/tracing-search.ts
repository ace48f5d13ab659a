import { CorridorError } from '../domain/errors.ts';
import type { PersonName, Sex } from '../domain/person.ts';
import { readableRecord } from '../matching/readable.ts';
import type { Queryable } from '../store/database.ts';
import { type Whereabouts, whereaboutsOf } from '../store/repos/whereabouts.ts';
import { searchDisclosable } from './disclosable-index.ts';
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

/**
 * Finds registered people like a name, across scripts and spellings, for the tracing desk of the
 * cell, in the same kept index that matches new requests. Only people tracing may disclose are in
 * the index searched, and each result is checked again as the database is now.
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
  const { index, results } = await searchDisclosable(db, db, query.siteId, probe, {
    limit: query.limit,
    minScore: 0.5,
  });
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
