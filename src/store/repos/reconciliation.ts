// The three-way comparison of registry, manifests and reception for one site, as it stands now.
// Convoys that were cancelled carried no one and take no part.
import type { Queryable } from '../database.ts';
import type { PersonBrief } from './check-ins.ts';

const personColumns = `json_build_object('id', p.id, 'names', p.names, 'sex', p.sex, 'ageBand', p.age_band,
  'birthYear', p.birth_year_sealed, 'status', p.status)`;

export interface ConvoyCounts {
  convoyId: string;
  code: string;
  status: string;
  plannedDeparture: string;
  departedAt: string | null;
  arrivedAt: string | null;
  manifest: { expected: number; boarded: number; noShow: number; replaced: number };
  /** Boarded people with a standing check-in. */
  checkedIn: number;
  /** Boarded people now held at a screening point. */
  heldAtScreening: number;
  /** Boarded people without a check-in (held ones included). */
  notArrived: number;
}

export async function convoyCounts(db: Queryable, siteId: string): Promise<ConvoyCounts[]> {
  const { rows } = await db.query<{
    id: string;
    code: string;
    status: string;
    planned_departure: Date;
    departed_at: Date | null;
    arrived_at: Date | null;
    expected: number;
    boarded: number;
    no_show: number;
    replaced: number;
    checked_in: number;
    held: number;
  }>(
    `SELECT c.id, c.code, c.status, c.planned_departure, c.departed_at, c.arrived_at,
       count(*) FILTER (WHERE m.status = 'expected')::int AS expected,
       count(*) FILTER (WHERE m.status = 'boarded')::int AS boarded,
       count(*) FILTER (WHERE m.status = 'no_show')::int AS no_show,
       count(*) FILTER (WHERE m.status = 'replaced')::int AS replaced,
       count(*) FILTER (WHERE m.status = 'boarded' AND EXISTS (
         SELECT 1 FROM check_in k WHERE k.person_id = m.person_id AND k.voided_at IS NULL))::int AS checked_in,
       count(*) FILTER (WHERE m.status = 'boarded' AND p.status = 'held_at_screening')::int AS held
     FROM convoy c
     LEFT JOIN manifest_entry m ON m.convoy_id = c.id
     LEFT JOIN person p ON p.id = m.person_id
     WHERE c.site_id = $1 AND c.status <> 'cancelled'
     GROUP BY c.id
     ORDER BY c.planned_departure, c.code`,
    [siteId],
  );
  return rows.map((r) => ({
    convoyId: r.id,
    code: r.code,
    status: r.status,
    plannedDeparture: r.planned_departure.toISOString(),
    departedAt: r.departed_at?.toISOString() ?? null,
    arrivedAt: r.arrived_at?.toISOString() ?? null,
    manifest: { expected: r.expected, boarded: r.boarded, noShow: r.no_show, replaced: r.replaced },
    checkedIn: r.checked_in,
    heldAtScreening: r.held,
    notArrived: r.boarded - r.checked_in,
  }));
}

export interface BoardedNotArrived {
  person: PersonBrief;
  convoyId: string;
  convoyCode: string;
  convoyStatus: string;
  vehicleId: string;
  vehicleLabel: string;
  boardedAt: string;
}

/** People who boarded a vehicle and have no standing check-in: en route, held, or missing. */
export async function boardedNotArrived(db: Queryable, siteId: string): Promise<BoardedNotArrived[]> {
  const { rows } = await db.query<{
    person: PersonBrief;
    convoy_id: string;
    code: string;
    convoy_status: string;
    vehicle_id: string;
    label: string;
    boarded_at: Date;
  }>(
    `SELECT DISTINCT ON (m.person_id) ${personColumns} AS person, m.convoy_id, c.code, c.status AS convoy_status,
       m.vehicle_id, v.label, m.boarded_at
     FROM manifest_entry m
     JOIN convoy c ON c.id = m.convoy_id
     JOIN vehicle v ON v.id = m.vehicle_id
     JOIN person p ON p.id = m.person_id
     WHERE c.site_id = $1 AND c.status <> 'cancelled' AND m.status = 'boarded'
       AND NOT EXISTS (SELECT 1 FROM check_in k WHERE k.person_id = m.person_id AND k.voided_at IS NULL)
     ORDER BY m.person_id, m.boarded_at DESC`,
    [siteId],
  );
  return rows.map((r) => ({
    person: r.person,
    convoyId: r.convoy_id,
    convoyCode: r.code,
    convoyStatus: r.convoy_status,
    vehicleId: r.vehicle_id,
    vehicleLabel: r.label,
    boardedAt: r.boarded_at.toISOString(),
  }));
}

export interface ArrivedNotOnManifest {
  person: PersonBrief;
  checkInId: string;
  checkedInAt: string;
  receptionPointName: string;
  desk: string | null;
  /** Entries that did not carry them: a no-show, or a place given to a substitute. */
  manifestEntries: Array<{ convoyCode: string; status: string; reason: string | null }>;
}

/** Standing check-ins of people no convoy expected or carried. */
export async function arrivedNotOnManifest(db: Queryable, siteId: string): Promise<ArrivedNotOnManifest[]> {
  const { rows } = await db.query<{
    person: PersonBrief;
    id: string;
    checked_in_at: Date;
    name: string;
    desk: string | null;
    entries: ArrivedNotOnManifest['manifestEntries'];
  }>(
    `SELECT ${personColumns} AS person, k.id, k.checked_in_at, rp.name, k.desk,
       (SELECT coalesce(json_agg(json_build_object('convoyCode', c.code, 'status', m.status, 'reason', m.reason)
          ORDER BY c.planned_departure), '[]'::json)
        FROM manifest_entry m JOIN convoy c ON c.id = m.convoy_id
        WHERE m.person_id = k.person_id AND c.status <> 'cancelled') AS entries
     FROM check_in k
     JOIN person p ON p.id = k.person_id
     JOIN road_point rp ON rp.id = k.reception_point_id
     WHERE k.site_id = $1 AND k.voided_at IS NULL
       AND NOT EXISTS (
         SELECT 1 FROM manifest_entry m JOIN convoy c ON c.id = m.convoy_id
         WHERE m.person_id = k.person_id AND c.status <> 'cancelled' AND m.status IN ('expected', 'boarded'))
     ORDER BY k.checked_in_at, k.id`,
    [siteId],
  );
  return rows.map((r) => ({
    person: r.person,
    checkInId: r.id,
    checkedInAt: r.checked_in_at.toISOString(),
    receptionPointName: r.name,
    desk: r.desk,
    manifestEntries: r.entries,
  }));
}

export interface NeverBoarded {
  person: PersonBrief;
  convoyId: string;
  convoyCode: string;
  vehicleLabel: string;
  manifestStatus: string;
  reason: string | null;
  /** Someone who arrived anyway, by other means. */
  checkedIn: boolean;
}

/** Manifest entries of convoys that have left without the person on board. */
export async function neverBoarded(db: Queryable, siteId: string): Promise<NeverBoarded[]> {
  const { rows } = await db.query<{
    person: PersonBrief;
    convoy_id: string;
    code: string;
    label: string;
    status: string;
    reason: string | null;
    checked_in: boolean;
  }>(
    `SELECT ${personColumns} AS person, m.convoy_id, c.code, v.label, m.status, m.reason,
       EXISTS (SELECT 1 FROM check_in k WHERE k.person_id = m.person_id AND k.voided_at IS NULL) AS checked_in
     FROM manifest_entry m
     JOIN convoy c ON c.id = m.convoy_id
     JOIN vehicle v ON v.id = m.vehicle_id
     JOIN person p ON p.id = m.person_id
     WHERE c.site_id = $1 AND c.status IN ('departed', 'arrived') AND m.status <> 'boarded'
     ORDER BY c.planned_departure, c.code, v.label, m.person_id`,
    [siteId],
  );
  return rows.map((r) => ({
    person: r.person,
    convoyId: r.convoy_id,
    convoyCode: r.code,
    vehicleLabel: r.label,
    manifestStatus: r.status,
    reason: r.reason,
    checkedIn: r.checked_in,
  }));
}

export interface CheckedInChild {
  person: PersonBrief;
  checkedInAt: string;
  receptionPointName: string;
}

/** Children with a standing check-in (by age band or marked as a child). */
export async function checkedInChildren(db: Queryable, siteId: string): Promise<CheckedInChild[]> {
  const { rows } = await db.query<{ person: PersonBrief; checked_in_at: Date; name: string }>(
    `SELECT ${personColumns} AS person, k.checked_in_at, rp.name
     FROM check_in k
     JOIN person p ON p.id = k.person_id
     JOIN road_point rp ON rp.id = k.reception_point_id
     WHERE k.site_id = $1 AND k.voided_at IS NULL
       AND (p.age_band IN ('0-4', '5-11', '12-17')
         OR p.vulnerabilities && ARRAY['child', 'unaccompanied_child', 'separated_child']::text[])
     ORDER BY k.checked_in_at, k.id`,
    [siteId],
  );
  return rows.map((r) => ({
    person: r.person,
    checkedInAt: r.checked_in_at.toISOString(),
    receptionPointName: r.name,
  }));
}

/** People who boarded any convoy, people checked in, and open alerts: each person counted once. */
export async function siteCounts(
  db: Queryable,
  siteId: string,
): Promise<{ boarded: number; checkedIn: number; openAlerts: number }> {
  const { rows } = await db.query<{ boarded: number; checked_in: number; open_alerts: number }>(
    `SELECT
       (SELECT count(DISTINCT m.person_id)::int FROM manifest_entry m JOIN convoy c ON c.id = m.convoy_id
        WHERE c.site_id = $1 AND c.status <> 'cancelled' AND m.status = 'boarded') AS boarded,
       (SELECT count(*)::int FROM check_in WHERE site_id = $1 AND voided_at IS NULL) AS checked_in,
       (SELECT count(*)::int FROM reconciliation_alert WHERE site_id = $1 AND resolved_at IS NULL) AS open_alerts`,
    [siteId],
  );
  const r = rows[0]!;
  return { boarded: r.boarded, checkedIn: r.checked_in, openAlerts: r.open_alerts };
}
