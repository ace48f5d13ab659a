import type { Queryable } from '../database.ts';

// Counts of the registry by place, status and vulnerability: what HXL exports and situation reports
// publish. No name, no id of a person leaves these queries.

export interface ShelterRow {
  shelterId: string;
  code: string;
  name: string | null;
}

export interface StatusCount {
  shelterId: string | null;
  status: string;
  count: number;
}

export interface VulnerabilityCount {
  shelterId: string | null;
  vulnerability: string;
  count: number;
}

// A person's status at an instant: the status the first change logged after it started from, or
// the current status when nothing changed since. Merged registrations are not people of their own.
const statusAt = (at: string | null) =>
  at === null
    ? 'p.status'
    : `COALESCE((SELECT o.before->>'status' FROM operation o
         WHERE o.entity = 'person' AND o.entity_id = p.id AND o.at > $2::timestamptz
           AND o.before->>'status' IS NOT NULL ORDER BY o.seq LIMIT 1), p.status)`;

const params = (siteId: string, at: string | null) => (at === null ? [siteId] : [siteId, at]);

export async function countByShelterAndStatus(
  db: Queryable,
  siteId: string,
  at: string | null,
): Promise<StatusCount[]> {
  const { rows } = await db.query<{ shelter_id: string | null; status: string; n: number }>(
    `SELECT shelter_id, status, count(*)::int AS n FROM (
       SELECT p.shelter_id, ${statusAt(at)} AS status FROM person p WHERE p.site_id = $1
     ) s WHERE status <> 'merged' GROUP BY shelter_id, status`,
    params(siteId, at),
  );
  return rows.map((r) => ({ shelterId: r.shelter_id, status: r.status, count: r.n }));
}

export async function countByShelterAndVulnerability(
  db: Queryable,
  siteId: string,
  at: string | null,
): Promise<VulnerabilityCount[]> {
  const { rows } = await db.query<{ shelter_id: string | null; vulnerability: string; n: number }>(
    `SELECT shelter_id, v AS vulnerability, count(*)::int AS n FROM (
       SELECT p.shelter_id, p.vulnerabilities, ${statusAt(at)} AS status FROM person p WHERE p.site_id = $1
     ) s, unnest(s.vulnerabilities) AS v WHERE status <> 'merged' GROUP BY shelter_id, v`,
    params(siteId, at),
  );
  return rows.map((r) => ({ shelterId: r.shelter_id, vulnerability: r.vulnerability, count: r.n }));
}

/** The site's shelters, by code. */
export async function listShelters(db: Queryable, siteId: string): Promise<ShelterRow[]> {
  const { rows } = await db.query<{ id: string; code: string; name: string | null }>(
    "SELECT id, code, name FROM site_point WHERE site_id = $1 AND kind = 'shelter' ORDER BY code",
    [siteId],
  );
  return rows.map((r) => ({ shelterId: r.id, code: r.code, name: r.name }));
}
