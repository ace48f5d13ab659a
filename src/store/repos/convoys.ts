import type {
  Convoy,
  ConvoyStatus,
  ConvoyVehicle,
  ManifestEntry,
  ManifestStatus,
  Waypoint,
  WaypointKind,
} from '../../domain/convoy.ts';
import type { ConvoyFlag } from '../../domain/convoy-flags.ts';
import type { VehicleKind } from '../../domain/logistics.ts';
import { cipherOf } from '../crypto/sealed-store.ts';
import type { Queryable } from '../database.ts';

// Convoys, their vehicles, waypoints and manifests: one SQL home. Boarding, road events and
// check-ins have their own repositories.

interface ConvoyRow {
  id: string;
  site_id: string;
  plan_id: string;
  pause_window_id: string | null;
  code: string;
  status: ConvoyStatus;
  planned_departure: Date;
  planned_arrival: Date;
  manifest_locked_at: Date | null;
  departed_at: Date | null;
  arrived_at: Date | null;
  cancelled_at: Date | null;
  cancelled_reason: string | null;
  note: string | null;
  created_by: string;
  created_by_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

const toConvoy = (r: ConvoyRow): Convoy => ({
  id: r.id,
  siteId: r.site_id,
  planId: r.plan_id,
  pauseWindowId: r.pause_window_id,
  code: r.code,
  status: r.status,
  plannedDeparture: r.planned_departure.toISOString(),
  plannedArrival: r.planned_arrival.toISOString(),
  manifestLockedAt: iso(r.manifest_locked_at),
  departedAt: iso(r.departed_at),
  arrivedAt: iso(r.arrived_at),
  cancelledAt: iso(r.cancelled_at),
  cancelledReason: r.cancelled_reason,
  note: r.note,
  createdBy: r.created_by,
  createdById: r.created_by_id,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
  version: r.version,
});

export type NewConvoy = Pick<
  Convoy,
  | 'id'
  | 'siteId'
  | 'planId'
  | 'pauseWindowId'
  | 'code'
  | 'plannedDeparture'
  | 'plannedArrival'
  | 'createdBy'
  | 'createdById'
>;

export async function insertConvoy(tx: Queryable, c: NewConvoy): Promise<void> {
  await tx.query(
    `INSERT INTO convoy (id, site_id, plan_id, pause_window_id, code, planned_departure, planned_arrival, created_by,
       created_by_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      c.id,
      c.siteId,
      c.planId,
      c.pauseWindowId,
      c.code,
      c.plannedDeparture,
      c.plannedArrival,
      c.createdBy,
      c.createdById,
    ],
  );
}

export async function insertConvoyVehicles(tx: Queryable, vehicles: readonly ConvoyVehicle[]): Promise<void> {
  if (vehicles.length === 0) return;
  await tx.query(
    `INSERT INTO convoy_vehicle (convoy_id, vehicle_id, trip_id, marking, crew_size, crew_note)
     SELECT convoy_id, vehicle_id, trip_id, marking, crew_size, crew_note
     FROM jsonb_to_recordset($1::jsonb) AS v (convoy_id uuid, vehicle_id uuid, trip_id text, marking text,
       crew_size integer, crew_note text)`,
    [
      JSON.stringify(
        vehicles.map((v) => ({
          convoy_id: v.convoyId,
          vehicle_id: v.vehicleId,
          trip_id: v.tripId,
          marking: v.marking,
          crew_size: v.crewSize,
          // A crew note may name the driver or escorts: sealed.
          crew_note: cipherOf(tx).sealOrNull(v.crewNote),
        })),
      ),
    ],
  );
}

const placeColumn: Record<WaypointKind, 'depot_id' | 'site_point_id' | 'road_point_id'> = {
  depot: 'depot_id',
  pickup_point: 'site_point_id',
  screening_point: 'road_point_id',
  checkpoint: 'road_point_id',
  reception_point: 'road_point_id',
};

export async function insertWaypoints(tx: Queryable, waypoints: readonly Waypoint[]): Promise<void> {
  if (waypoints.length === 0) return;
  await tx.query(
    `INSERT INTO convoy_waypoint (id, convoy_id, seq, kind, depot_id, site_point_id, road_point_id, name, planned_at)
     SELECT id, convoy_id, seq, kind, depot_id, site_point_id, road_point_id, name, planned_at
     FROM jsonb_to_recordset($1::jsonb) AS w (id uuid, convoy_id uuid, seq integer, kind text, depot_id uuid,
       site_point_id uuid, road_point_id uuid, name text, planned_at timestamptz)`,
    [
      JSON.stringify(
        waypoints.map((w) => ({
          id: w.id,
          convoy_id: w.convoyId,
          seq: w.seq,
          kind: w.kind,
          name: w.name,
          planned_at: w.plannedAt,
          [placeColumn[w.kind]]: w.placeId,
        })),
      ),
    ],
  );
}

export async function insertManifestEntries(
  tx: Queryable,
  entries: readonly Pick<ManifestEntry, 'convoyId' | 'personId' | 'vehicleId'>[],
): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(
    `INSERT INTO manifest_entry (convoy_id, person_id, vehicle_id)
     SELECT convoy_id, person_id, vehicle_id
     FROM jsonb_to_recordset($1::jsonb) AS e (convoy_id uuid, person_id uuid, vehicle_id uuid)`,
    [
      JSON.stringify(
        entries.map((e) => ({ convoy_id: e.convoyId, person_id: e.personId, vehicle_id: e.vehicleId })),
      ),
    ],
  );
}

export async function findConvoy(db: Queryable, id: string, forUpdate = false): Promise<Convoy | undefined> {
  const { rows } = await db.query<ConvoyRow>(
    `SELECT * FROM convoy WHERE id = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [id],
  );
  return rows[0] ? toConvoy(rows[0]) : undefined;
}

export async function listConvoys(db: Queryable, siteId: string): Promise<Convoy[]> {
  const { rows } = await db.query<ConvoyRow>(
    'SELECT * FROM convoy WHERE site_id = $1 ORDER BY planned_departure, code',
    [siteId],
  );
  return rows.map(toConvoy);
}

export async function convoysOfPlan(db: Queryable, planId: string): Promise<Convoy[]> {
  const { rows } = await db.query<ConvoyRow>(
    'SELECT * FROM convoy WHERE plan_id = $1 ORDER BY planned_departure, code',
    [planId],
  );
  return rows.map(toConvoy);
}

/** The highest number n among the site's convoy codes "C-n" (0 when there is none). */
export async function highestCodeNumber(db: Queryable, siteId: string): Promise<number> {
  const { rows } = await db.query<{ n: number | null }>(
    `SELECT max(substring(code FROM 3)::int) AS n FROM convoy WHERE site_id = $1 AND code ~ '^C-[0-9]{1,9}$'`,
    [siteId],
  );
  return rows[0]?.n ?? 0;
}

export async function setStatus(
  tx: Queryable,
  id: string,
  change:
    | { status: 'departed'; at: string }
    | { status: 'arrived'; at: string }
    | { status: 'cancelled'; at: string; reason: string },
): Promise<void> {
  const set = {
    departed: 'departed_at = $3, manifest_locked_at = $3',
    arrived: 'arrived_at = $3',
    cancelled: 'cancelled_at = $3, cancelled_reason = $4',
  }[change.status];
  await tx.query(
    `UPDATE convoy SET status = $2, ${set}, updated_at = now(), version = version + 1 WHERE id = $1`,
    [id, change.status, change.at, ...(change.status === 'cancelled' ? [change.reason] : [])],
  );
}

export interface ConvoyVehicleView extends ConvoyVehicle {
  label: string;
  kind: VehicleKind;
  plateOrMarking: string | null;
  seats: number;
  stretcherPlaces: number;
  wheelchairPlaces: number;
}

export async function listConvoyVehicles(
  db: Queryable,
  convoyIds: readonly string[],
): Promise<ConvoyVehicleView[]> {
  const { rows } = await db.query<{
    convoy_id: string;
    vehicle_id: string;
    trip_id: string | null;
    marking: string | null;
    crew_size: number;
    crew_note: string | null;
    label: string;
    kind: VehicleKind;
    plate_or_marking: string | null;
    seats: number;
    stretcher_places: number;
    wheelchair_places: number;
  }>(
    `SELECT cv.convoy_id, cv.vehicle_id, cv.trip_id, cv.marking, cv.crew_size, cv.crew_note, v.label, v.kind,
       v.plate_or_marking, v.seats, v.stretcher_places, v.wheelchair_places
     FROM convoy_vehicle cv JOIN vehicle v ON v.id = cv.vehicle_id
     WHERE cv.convoy_id = ANY ($1::uuid[]) ORDER BY cv.convoy_id, v.label, v.id`,
    [convoyIds],
  );
  return rows.map((r) => ({
    convoyId: r.convoy_id,
    vehicleId: r.vehicle_id,
    tripId: r.trip_id,
    marking: r.marking,
    crewSize: r.crew_size,
    crewNote: r.crew_note,
    label: r.label,
    kind: r.kind,
    plateOrMarking: r.plate_or_marking,
    seats: r.seats,
    stretcherPlaces: r.stretcher_places,
    wheelchairPlaces: r.wheelchair_places,
  }));
}

export async function listWaypoints(db: Queryable, convoyIds: readonly string[]): Promise<Waypoint[]> {
  const { rows } = await db.query<{
    id: string;
    convoy_id: string;
    seq: number;
    kind: WaypointKind;
    depot_id: string | null;
    site_point_id: string | null;
    road_point_id: string | null;
    name: string;
    planned_at: Date;
  }>('SELECT * FROM convoy_waypoint WHERE convoy_id = ANY ($1::uuid[]) ORDER BY convoy_id, seq', [convoyIds]);
  return rows.map((r) => ({
    id: r.id,
    convoyId: r.convoy_id,
    seq: r.seq,
    kind: r.kind,
    placeId: (r.depot_id ?? r.site_point_id ?? r.road_point_id)!,
    name: r.name,
    plannedAt: r.planned_at.toISOString(),
  }));
}

export type ManifestCounts = Record<ManifestStatus, number> & { total: number };

export const emptyCounts = (): ManifestCounts => ({
  expected: 0,
  boarded: 0,
  no_show: 0,
  replaced: 0,
  total: 0,
});

/** Manifest entries by status, per convoy and vehicle. */
export async function manifestCounts(
  db: Queryable,
  convoyIds: readonly string[],
): Promise<Array<{ convoyId: string; vehicleId: string; status: ManifestStatus; n: number }>> {
  const { rows } = await db.query<{
    convoy_id: string;
    vehicle_id: string;
    status: ManifestStatus;
    n: number;
  }>(
    `SELECT convoy_id, vehicle_id, status, count(*)::int AS n FROM manifest_entry
     WHERE convoy_id = ANY ($1::uuid[]) GROUP BY convoy_id, vehicle_id, status`,
    [convoyIds],
  );
  return rows.map((r) => ({ convoyId: r.convoy_id, vehicleId: r.vehicle_id, status: r.status, n: r.n }));
}

/** Where people stand on a manifest of a convoy still to arrive (expected or boarded on it). */
export async function liveManifestEntries(
  db: Queryable,
  personIds: readonly string[],
): Promise<Array<{ personId: string; convoyId: string; code: string; status: ManifestStatus }>> {
  const { rows } = await db.query<{
    person_id: string;
    convoy_id: string;
    code: string;
    status: ManifestStatus;
  }>(
    `SELECT m.person_id, m.convoy_id, c.code, m.status FROM manifest_entry m JOIN convoy c ON c.id = m.convoy_id
     WHERE m.person_id = ANY ($1::uuid[]) AND m.status IN ('expected', 'boarded') AND c.status IN ('planned', 'departed')
     ORDER BY c.code, m.person_id`,
    [personIds],
  );
  return rows.map((r) => ({ personId: r.person_id, convoyId: r.convoy_id, code: r.code, status: r.status }));
}

/** The people of a convoy's manifest with what a count by category needs: no names. */
export async function manifestPeople(
  db: Queryable,
  convoyId: string,
): Promise<
  Array<{
    personId: string;
    vehicleId: string;
    status: ManifestStatus;
    ageBand: string | null;
    birthDate: string | null;
    birthYear: number | null;
    vulnerabilities: string[];
    triage: string | null;
  }>
> {
  const { rows } = await db.query<{
    person_id: string;
    vehicle_id: string;
    status: ManifestStatus;
    age_band: string | null;
    birth_date: string | null;
    birth_year: number | null;
    vulnerabilities: string[];
    triage: string | null;
  }>(
    `SELECT m.person_id, m.vehicle_id, m.status, p.age_band, p.birth_date_sealed AS birth_date, p.birth_year_sealed AS birth_year, p.vulnerabilities, p.triage
     FROM manifest_entry m JOIN person p ON p.id = m.person_id WHERE m.convoy_id = $1 ORDER BY m.person_id`,
    [convoyId],
  );
  return rows.map((r) => ({
    personId: r.person_id,
    vehicleId: r.vehicle_id,
    status: r.status,
    ageBand: r.age_band,
    birthDate: r.birth_date,
    birthYear: r.birth_year,
    vulnerabilities: r.vulnerabilities,
    triage: r.triage,
  }));
}

/** How each convoy departed, as its departure was logged: the flags it had, and the override. */
export async function departureRecords(
  db: Queryable,
  convoyIds: readonly string[],
): Promise<Map<string, { by: string; flags: ConvoyFlag[]; override: { reason: string } | null }>> {
  const { rows } = await db.query<{
    entity_id: string;
    actor: string;
    after: { flags?: ConvoyFlag[]; override?: { reason: string } | null };
  }>(
    `SELECT entity_id, actor, after FROM operation
     WHERE entity = 'convoy' AND action = 'depart' AND entity_id = ANY ($1::uuid[]) ORDER BY seq`,
    [convoyIds],
  );
  return new Map(
    rows.map((r) => [
      r.entity_id,
      { by: r.actor, flags: r.after.flags ?? [], override: r.after.override ?? null },
    ]),
  );
}

/** Sets a convoy vehicle's marking, crew size and crew note, and marks the convoy changed. */
export async function updateConvoyVehicle(
  tx: Queryable,
  vehicle: Pick<ConvoyVehicle, 'convoyId' | 'vehicleId' | 'marking' | 'crewSize' | 'crewNote'>,
): Promise<void> {
  await tx.query(
    `UPDATE convoy_vehicle SET marking = $3, crew_size = $4, crew_note = $5
     WHERE convoy_id = $1 AND vehicle_id = $2`,
    [
      vehicle.convoyId,
      vehicle.vehicleId,
      vehicle.marking,
      vehicle.crewSize,
      cipherOf(tx).sealOrNull(vehicle.crewNote),
    ],
  );
  await tx.query('UPDATE convoy SET updated_at = now(), version = version + 1 WHERE id = $1', [
    vehicle.convoyId,
  ]);
}
