import type { Queryable } from '../store/database.ts';
import { listHeadcounts } from '../store/repos/headcounts.ts';
import { requireSite } from './sites.ts';

type CountKind = 'status' | 'shelter' | 'triage' | 'vulnerability';
interface CountRow {
  kind: CountKind;
  /** The status, shelter id, triage or vulnerability counted; the shelter id is null for people in none. */
  key: string | null;
  /** The shelter's code, for the shelter counts. */
  code: string | null;
  n: number;
}

/**
 * The site's registered people (merged registrations left out) counted by status, shelter, triage
 * and vulnerability, from one pass over the person rows: grouping sets count each dimension
 * separately, and a person's vulnerabilities are grouped as the whole list first (a few dozen
 * distinct lists) and only those are split into single vulnerabilities. The columns read are those
 * the index person_site_status carries (migration 016), so a vacuumed table is not read at all.
 * Rows come ordered by kind and then as the summary lists them: shelters by code, the rest by key.
 */
async function registeredCounts(db: Queryable, siteId: string): Promise<CountRow[]> {
  const { rows } = await db.query<CountRow>(
    `WITH counts AS (
       SELECT GROUPING(status, shelter_id, triage, vulnerabilities) AS grouping, status, shelter_id, triage,
              vulnerabilities, count(*)::int AS n
       FROM person WHERE site_id = $1 AND status <> 'merged'
       GROUP BY GROUPING SETS ((status), (shelter_id), (triage), (vulnerabilities))
     )
     SELECT 'status' AS kind, status AS key, NULL AS code, n FROM counts WHERE grouping = 7
     UNION ALL
     SELECT 'shelter', c.shelter_id::text, s.code, c.n FROM counts c LEFT JOIN site_point s ON s.id = c.shelter_id
     WHERE c.grouping = 11
     UNION ALL
     SELECT 'triage', triage, NULL, n FROM counts WHERE grouping = 13 AND triage IS NOT NULL
     UNION ALL
     SELECT 'vulnerability', v, NULL, sum(n)::int FROM counts, unnest(vulnerabilities) AS v WHERE grouping = 14
     GROUP BY v
     ORDER BY kind, code, key`,
    [siteId],
  );
  return rows;
}

const countsOf = (rows: CountRow[], kind: CountKind): Record<string, number> =>
  Object.fromEntries(rows.filter((row) => row.kind === kind).map((row) => [row.key, row.n]));

/**
 * Aggregate counts of a site: what observers may see. Registered people and reported headcounts
 * are given side by side and never added together. A registration merged into another is not a
 * person of its own and is not counted.
 */
export async function siteSummary(db: Queryable, siteId: string) {
  const site = await requireSite(db, siteId);
  const counts = await registeredCounts(db, siteId);
  const byStatus = counts.filter((row) => row.kind === 'status');
  const headcounts = await listHeadcounts(db, siteId);
  const total = byStatus.reduce((sum, row) => sum + row.n, 0);
  return {
    site: { id: site.id, name: site.name, timeZone: site.timeZone },
    registered: {
      total,
      byStatus: Object.fromEntries(byStatus.map((row) => [row.key, row.n])),
      byShelter: counts
        .filter((row) => row.kind === 'shelter')
        .map((row) => ({ shelterId: row.key, code: row.code, count: row.n })),
      byVulnerability: countsOf(counts, 'vulnerability'),
      byTriage: countsOf(counts, 'triage'),
    },
    // Claims, with their sources: who said how many, where and when.
    reportedHeadcounts: headcounts.map((h) => ({
      id: h.id,
      shelterId: h.shelterId,
      category: h.category,
      count: h.count,
      approximate: h.approximate,
      source: h.source,
      reportedAt: h.reportedAt,
    })),
  };
}
