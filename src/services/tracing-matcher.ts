import { proposalScore, soughtRecord } from '../domain/tracing.ts';
import { buildIndex, compare, type MatchRecord, type MatchResult, search } from '../matching/index.ts';
import type { Database, Queryable } from '../store/database.ts';
import { disclosableRecordsOf } from '../store/repos/disclosure.ts';
import * as repo from '../store/repos/tracing.ts';
import { openCasesForChildren } from './child-cases.ts';
import { searchDisclosable } from './disclosable-index.ts';

/** At most this many registered people are proposed for one request. */
const proposalsPerRequest = 20;
/** People changed since the matcher's last run are read in chunks of this many. */
const chunk = 2000;

export interface MatcherRun {
  /** Requests matched against their whole site's registry. */
  requests: number;
  /** Registered people (new or changed) matched against the open requests. */
  people: number;
}

// Age bands are recorded as of the year of registration; a request's year is close enough.
const referenceYear = (): number => new Date().getUTCFullYear();

interface Found {
  requestId: string;
  personId: string;
  /** Always told from the request's side: the person sought first, the registered person second. */
  explanation: MatchResult;
}

const writeResults = async (tx: Queryable, found: readonly Found[]): Promise<void> => {
  for (const { requestId, personId, explanation } of found)
    await repo.upsertMatch(tx, {
      requestId,
      personId,
      score: explanation.score,
      summary: explanation.summary,
      explanation: { fields: explanation.fields, penalties: explanation.penalties },
    });
};

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * Matches requests due for it (new or changed) against the whole registry of their site, through
 * the site's kept search index: filing a request is a search, not a read of the registry.
 */
async function matchDueRequests(db: Database, tx: Queryable): Promise<number> {
  const due = await repo.requestsDue(tx);
  for (const row of due) {
    const request = repo.toRequest(row);
    const { results: found } = await searchDisclosable(db, tx, row.site_id, soughtRecord(request), {
      limit: proposalsPerRequest,
      minScore: proposalScore,
    });
    await writeResults(
      tx,
      found.map((result) => ({
        requestId: request.id,
        personId: result.id,
        explanation: result.explanation,
      })),
    );
    const kept = new Set(found.map((result) => result.id));
    const stale = (await repo.proposalsOfRequest(tx, request.id)).filter((personId) => !kept.has(personId));
    await repo.dropProposals(
      tx,
      stale.map((personId) => ({ requestId: request.id, personId })),
    );
    await repo.markMatched(tx, request.id, row.version);
  }
  return due.length;
}

/** Matches people registered or changed since the last run against the open requests of their site. */
async function matchChangedPeople(tx: Queryable, personIds: readonly string[]): Promise<void> {
  const people = await disclosableRecordsOf(tx, personIds);
  const bySite = groupBy(people, (person) => person.siteId);
  const found: Found[] = [];
  const requests = await repo.openRequestsOf(tx, [...bySite.keys()]);
  for (const [siteId, members] of bySite) {
    const sought: MatchRecord[] = requests
      .filter((row) => row.site_id === siteId)
      .map((row) => soughtRecord(repo.toRequest(row)));
    if (sought.length === 0) continue;
    const index = buildIndex(sought, { referenceYear: referenceYear() });
    const byId = new Map(sought.map((record) => [record.id, record]));
    for (const person of members)
      for (const result of search(index, person, { limit: proposalsPerRequest, minScore: proposalScore }))
        found.push({
          requestId: result.id,
          personId: person.id,
          explanation: compare(byId.get(result.id)!, person, { referenceYear: referenceYear() }),
        });
  }
  await writeResults(tx, found);
  const kept = new Set(found.map((f) => `${f.requestId} ${f.personId}`));
  const open = new Set(requests.map((row) => row.id));
  // A person changed so that they no longer look like someone sought (or now declines, or was
  // merged away): their unreviewed proposals go.
  const stale = (await repo.proposalsOfPeople(tx, personIds)).filter(
    (p) => open.has(p.requestId) && !kept.has(`${p.requestId} ${p.personId}`),
  );
  await repo.dropProposals(tx, stale);
}

/**
 * Brings tracing up to date with the registry: requests filed or changed since they were last
 * matched are matched against their whole site, and people registered, changed, merged or whose
 * consent changed since the last run are matched against the open requests; children registered
 * unaccompanied or separated get their case. Runs in one transaction under a lock on the matcher's
 * position, so two servers on one database never run it at once; runs again over the last minute of
 * the log too, because on PostgreSQL a transaction that began earlier may commit a lower sequence
 * number after a later one was read (matching twice writes the same rows).
 */
export async function bringTracingUpToDate(db: Database): Promise<MatcherRun> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ last_seq: number }>(
      'SELECT last_seq FROM tracing_matcher WHERE id = 1 FOR UPDATE',
    );
    const last = rows[0]?.last_seq ?? 0;
    const target =
      (await tx.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM operation')).rows[0]?.seq ?? 0;
    const requests = await matchDueRequests(db, tx);
    let people = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const changed = await tx.query<{ id: string }>(
        `SELECT DISTINCT entity_id AS id FROM operation
         WHERE entity IN ('person', 'tracing_consent') AND (seq > $1 OR at > now() - interval '1 minute')
           AND seq <= $2 AND entity_id > $3
         ORDER BY entity_id LIMIT ${chunk}`,
        [last, target, after],
      );
      if (changed.rows.length === 0) break;
      const ids = changed.rows.map((row) => row.id);
      await matchChangedPeople(tx, ids);
      await openCasesForChildren(tx, ids);
      people += ids.length;
      after = ids.at(-1)!;
      if (ids.length < chunk) break;
    }
    if (target > last) await tx.query('UPDATE tracing_matcher SET last_seq = $1 WHERE id = 1', [target]);
    return { requests, people };
  });
}
