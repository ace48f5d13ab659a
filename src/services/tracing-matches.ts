import type { PersonName } from '../domain/person.ts';
import type { MatchStatus } from '../domain/tracing.ts';
import type { Queryable } from '../store/database.ts';
import { disclosable } from '../store/repos/disclosure.ts';
import { type Whereabouts, whereaboutsOf } from '../store/repos/whereabouts.ts';

/** A match as the cell sees it: the registered person, how they compare, and where they were last known to be. */
export interface ShownMatch {
  requestId: string;
  person: {
    id: string;
    names: PersonName[];
    sex: string;
    birthDate: string | null;
    birthYear: number | null;
    ageBand: string | null;
  };
  score: number;
  summary: string;
  explanation: unknown;
  status: MatchStatus;
  foundAt: string;
  reviewedAt: string | null;
  reviewedBy: string | null;
  reviewNote: string | null;
  whereabouts: Whereabouts | null;
}

interface Row {
  request_id: string;
  person_id: string;
  names: PersonName[];
  sex: string;
  birth_date: string | null;
  birth_year: number | null;
  age_band: string | null;
  score: number;
  summary: string;
  explanation: unknown;
  status: MatchStatus;
  found_at: Date;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  review_note: string | null;
}

export interface MatchFilter {
  requestId?: string | undefined;
  siteId?: string | undefined;
  status?: MatchStatus | undefined;
  /** Only matches of open requests. */
  openOnly?: boolean | undefined;
  limit: number;
  offset: number;
}

/**
 * Matches that may be shown: never one whose person declined to be found (or whose registration was
 * merged away). The filter is in the query itself, so no page, count or total gives them away.
 */
export async function listMatches(
  db: Queryable,
  filter: MatchFilter,
): Promise<{ items: ShownMatch[]; total: number }> {
  const where = [disclosable('p')];
  const params: unknown[] = [];
  if (filter.requestId) where.push(`m.request_id = $${params.push(filter.requestId)}`);
  if (filter.siteId) where.push(`r.site_id = $${params.push(filter.siteId)}`);
  if (filter.status) where.push(`m.status = $${params.push(filter.status)}`);
  if (filter.openOnly) where.push("r.status = 'open'");
  const from = `FROM tracing_match m JOIN person p ON p.id = m.person_id JOIN tracing_request r ON r.id = m.request_id
    WHERE ${where.join(' AND ')}`;
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params);
  const { rows } = await db.query<Row>(
    `SELECT m.request_id, m.person_id, p.names, p.sex, p.birth_date_sealed AS birth_date,
       p.birth_year_sealed AS birth_year, p.age_band, m.score, m.summary, m.explanation, m.status, m.found_at, m.reviewed_at,
       m.reviewed_by, m.review_note
     ${from} ORDER BY m.status = 'proposed' DESC, m.score DESC, m.request_id, m.person_id
     LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, filter.limit, filter.offset],
  );
  const whereabouts = await whereaboutsOf(db, [...new Set(rows.map((row) => row.person_id))]);
  return {
    total: total.rows[0]?.n ?? 0,
    items: rows.map((row) => ({
      requestId: row.request_id,
      person: {
        id: row.person_id,
        names: row.names,
        sex: row.sex,
        birthDate: row.birth_date,
        birthYear: row.birth_year,
        ageBand: row.age_band,
      },
      score: row.score,
      summary: row.summary,
      explanation: row.explanation,
      status: row.status,
      foundAt: row.found_at.toISOString(),
      reviewedAt: row.reviewed_at?.toISOString() ?? null,
      reviewedBy: row.reviewed_by,
      reviewNote: row.review_note,
      whereabouts: whereabouts.get(row.person_id) ?? null,
    })),
  };
}

/** How many matches of each status every request has, counting only those that may be shown. */
export async function matchCounts(
  db: Queryable,
  requestIds: readonly string[],
): Promise<Map<string, Record<MatchStatus, number>>> {
  const { rows } = await db.query<{ request_id: string; status: MatchStatus; n: number }>(
    `SELECT m.request_id, m.status, count(*)::int AS n FROM tracing_match m JOIN person p ON p.id = m.person_id
     WHERE m.request_id = ANY ($1::uuid[]) AND ${disclosable('p')} GROUP BY m.request_id, m.status`,
    [requestIds],
  );
  const counts = new Map<string, Record<MatchStatus, number>>(
    requestIds.map((id) => [id, { proposed: 0, confirmed: 0, rejected: 0 }]),
  );
  for (const row of rows) counts.get(row.request_id)![row.status] = row.n;
  return counts;
}
