import type { Queryable } from '../store/database.ts';
import { listHeadcounts } from '../store/repos/headcounts.ts';
import { requireSite } from './sites.ts';

/**
 * Aggregate counts of a site: what observers may see. Registered people and reported headcounts
 * are given side by side and never added together. A registration merged into another is not a
 * person of its own and is not counted.
 */
export async function siteSummary(db: Queryable, siteId: string) {
  const site = await requireSite(db, siteId);
  const byStatus = await db.query<{ status: string; n: number }>(
    "SELECT status, count(*)::int AS n FROM person WHERE site_id = $1 AND status <> 'merged' GROUP BY status ORDER BY status",
    [siteId],
  );
  const byShelter = await db.query<{ shelter_id: string | null; code: string | null; n: number }>(
    `SELECT p.shelter_id, s.code, count(*)::int AS n FROM person p LEFT JOIN site_point s ON s.id = p.shelter_id
     WHERE p.site_id = $1 AND p.status <> 'merged' GROUP BY p.shelter_id, s.code ORDER BY s.code`,
    [siteId],
  );
  const byVulnerability = await db.query<{ vulnerability: string; n: number }>(
    `SELECT v AS vulnerability, count(*)::int AS n FROM person, unnest(vulnerabilities) AS v
     WHERE site_id = $1 AND status <> 'merged' GROUP BY v ORDER BY v`,
    [siteId],
  );
  const byTriage = await db.query<{ triage: string; n: number }>(
    "SELECT triage, count(*)::int AS n FROM person WHERE site_id = $1 AND status <> 'merged' AND triage IS NOT NULL GROUP BY triage ORDER BY triage",
    [siteId],
  );
  const headcounts = await listHeadcounts(db, siteId);
  const total = byStatus.rows.reduce((sum, row) => sum + row.n, 0);
  return {
    site: { id: site.id, name: site.name, timeZone: site.timeZone },
    registered: {
      total,
      byStatus: Object.fromEntries(byStatus.rows.map((row) => [row.status, row.n])),
      byShelter: byShelter.rows.map((row) => ({ shelterId: row.shelter_id, code: row.code, count: row.n })),
      byVulnerability: Object.fromEntries(byVulnerability.rows.map((row) => [row.vulnerability, row.n])),
      byTriage: Object.fromEntries(byTriage.rows.map((row) => [row.triage, row.n])),
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
