import type {
  Depot,
  PickupRoute,
  PlanningSettings,
  RoadPoint,
  TravelTime,
  Vehicle,
} from '../../domain/logistics.ts';
import type { Queryable } from '../database.ts';

// Depots, vehicles, road points, pickup routes, travel times and planning settings: one SQL home.

const lock = (forUpdate: boolean) => (forUpdate ? ' FOR UPDATE' : '');

export interface DepotRow {
  id: string;
  site_id: string;
  name: string;
  note: string | null;
}
export const toDepot = (r: DepotRow): Depot => ({ id: r.id, siteId: r.site_id, name: r.name, note: r.note });

export async function insertDepot(tx: Queryable, d: Depot): Promise<void> {
  await tx.query('INSERT INTO depot (id, site_id, name, note) VALUES ($1, $2, $3, $4)', [
    d.id,
    d.siteId,
    d.name,
    d.note,
  ]);
}
export async function updateDepot(tx: Queryable, d: Depot): Promise<void> {
  await tx.query('UPDATE depot SET name = $2, note = $3, updated_at = now() WHERE id = $1', [
    d.id,
    d.name,
    d.note,
  ]);
}
export async function findDepot(db: Queryable, id: string, forUpdate = false): Promise<Depot | undefined> {
  const { rows } = await db.query<DepotRow>(`SELECT * FROM depot WHERE id = $1${lock(forUpdate)}`, [id]);
  return rows[0] ? toDepot(rows[0]) : undefined;
}
export async function listDepots(db: Queryable, siteId: string): Promise<Depot[]> {
  const { rows } = await db.query<DepotRow>('SELECT * FROM depot WHERE site_id = $1 ORDER BY name, id', [
    siteId,
  ]);
  return rows.map(toDepot);
}

export interface VehicleRow {
  id: string;
  site_id: string;
  depot_id: string;
  label: string;
  kind: Vehicle['kind'];
  plate_or_marking: string | null;
  seats: number;
  stretcher_places: number;
  wheelchair_places: number;
  status: Vehicle['status'];
  available_from: Date | null;
  note: string | null;
}
export const toVehicle = (r: VehicleRow): Vehicle => ({
  id: r.id,
  siteId: r.site_id,
  depotId: r.depot_id,
  label: r.label,
  kind: r.kind,
  plateOrMarking: r.plate_or_marking,
  seats: r.seats,
  stretcherPlaces: r.stretcher_places,
  wheelchairPlaces: r.wheelchair_places,
  status: r.status,
  availableFrom: r.available_from ? r.available_from.toISOString() : null,
  note: r.note,
});
const vehicleParams = (v: Vehicle): unknown[] => [
  v.id,
  v.siteId,
  v.depotId,
  v.label,
  v.kind,
  v.plateOrMarking,
  v.seats,
  v.stretcherPlaces,
  v.wheelchairPlaces,
  v.status,
  v.availableFrom,
  v.note,
];
export async function insertVehicle(tx: Queryable, v: Vehicle): Promise<void> {
  await tx.query(
    `INSERT INTO vehicle (id, site_id, depot_id, label, kind, plate_or_marking, seats, stretcher_places,
       wheelchair_places, status, available_from, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    vehicleParams(v),
  );
}
export async function updateVehicle(tx: Queryable, v: Vehicle): Promise<void> {
  await tx.query(
    `UPDATE vehicle SET site_id = $2, depot_id = $3, label = $4, kind = $5, plate_or_marking = $6, seats = $7,
       stretcher_places = $8, wheelchair_places = $9, status = $10, available_from = $11, note = $12, updated_at = now()
     WHERE id = $1`,
    vehicleParams(v),
  );
}
export async function findVehicle(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<Vehicle | undefined> {
  const { rows } = await db.query<VehicleRow>(`SELECT * FROM vehicle WHERE id = $1${lock(forUpdate)}`, [id]);
  return rows[0] ? toVehicle(rows[0]) : undefined;
}
export async function listVehicles(db: Queryable, siteId: string): Promise<Vehicle[]> {
  const { rows } = await db.query<VehicleRow>('SELECT * FROM vehicle WHERE site_id = $1 ORDER BY label, id', [
    siteId,
  ]);
  return rows.map(toVehicle);
}

export interface RoadPointRow {
  id: string;
  site_id: string;
  kind: RoadPoint['kind'];
  name: string;
  local_name: string | null;
  expected_delay_minutes: number;
  note: string | null;
}
export const toRoadPoint = (r: RoadPointRow): RoadPoint => ({
  id: r.id,
  siteId: r.site_id,
  kind: r.kind,
  name: r.name,
  localName: r.local_name,
  expectedDelayMinutes: r.expected_delay_minutes,
  note: r.note,
});
const roadPointParams = (p: RoadPoint): unknown[] => [
  p.id,
  p.siteId,
  p.kind,
  p.name,
  p.localName,
  p.expectedDelayMinutes,
  p.note,
];
export async function insertRoadPoint(tx: Queryable, p: RoadPoint): Promise<void> {
  await tx.query(
    `INSERT INTO road_point (id, site_id, kind, name, local_name, expected_delay_minutes, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    roadPointParams(p),
  );
}
export async function updateRoadPoint(tx: Queryable, p: RoadPoint): Promise<void> {
  await tx.query(
    `UPDATE road_point SET site_id = $2, kind = $3, name = $4, local_name = $5, expected_delay_minutes = $6, note = $7,
       updated_at = now()
     WHERE id = $1`,
    roadPointParams(p),
  );
}
export async function findRoadPoint(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<RoadPoint | undefined> {
  const { rows } = await db.query<RoadPointRow>(`SELECT * FROM road_point WHERE id = $1${lock(forUpdate)}`, [
    id,
  ]);
  return rows[0] ? toRoadPoint(rows[0]) : undefined;
}
export async function listRoadPoints(db: Queryable, siteId: string): Promise<RoadPoint[]> {
  const { rows } = await db.query<RoadPointRow>(
    'SELECT * FROM road_point WHERE site_id = $1 ORDER BY kind, name, id',
    [siteId],
  );
  return rows.map(toRoadPoint);
}

export interface PickupRouteRow {
  id: string;
  site_id: string;
  pickup_point_id: string;
  screening_point_id: string;
  approach_minutes: number;
  minutes_to_screening: number;
  note: string | null;
}
export const toPickupRoute = (r: PickupRouteRow): PickupRoute => ({
  id: r.id,
  siteId: r.site_id,
  pickupPointId: r.pickup_point_id,
  screeningPointId: r.screening_point_id,
  approachMinutes: r.approach_minutes,
  minutesToScreening: r.minutes_to_screening,
  note: r.note,
});
const routeParams = (r: PickupRoute): unknown[] => [
  r.id,
  r.siteId,
  r.pickupPointId,
  r.screeningPointId,
  r.approachMinutes,
  r.minutesToScreening,
  r.note,
];
export async function insertPickupRoute(tx: Queryable, r: PickupRoute): Promise<void> {
  await tx.query(
    `INSERT INTO pickup_route (id, site_id, pickup_point_id, screening_point_id, approach_minutes, minutes_to_screening, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    routeParams(r),
  );
}
export async function updatePickupRoute(tx: Queryable, r: PickupRoute): Promise<void> {
  await tx.query(
    `UPDATE pickup_route SET site_id = $2, pickup_point_id = $3, screening_point_id = $4, approach_minutes = $5,
       minutes_to_screening = $6, note = $7, updated_at = now()
     WHERE id = $1`,
    routeParams(r),
  );
}
export async function deletePickupRoute(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM pickup_route WHERE id = $1', [id]);
}
export async function findPickupRoute(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<PickupRoute | undefined> {
  const { rows } = await db.query<PickupRouteRow>(
    `SELECT * FROM pickup_route WHERE id = $1${lock(forUpdate)}`,
    [id],
  );
  return rows[0] ? toPickupRoute(rows[0]) : undefined;
}
export async function findRouteFrom(db: Queryable, pickupPointId: string): Promise<PickupRoute | undefined> {
  const { rows } = await db.query<PickupRouteRow>('SELECT * FROM pickup_route WHERE pickup_point_id = $1', [
    pickupPointId,
  ]);
  return rows[0] ? toPickupRoute(rows[0]) : undefined;
}
export async function listPickupRoutes(db: Queryable, siteId: string): Promise<PickupRoute[]> {
  const { rows } = await db.query<PickupRouteRow>(
    'SELECT * FROM pickup_route WHERE site_id = $1 ORDER BY pickup_point_id, id',
    [siteId],
  );
  return rows.map(toPickupRoute);
}

export interface TravelTimeRow {
  id: string;
  site_id: string;
  from_id: string;
  to_id: string;
  minutes: number;
  via: string[];
  note: string | null;
}
export const toTravelTime = (r: TravelTimeRow): TravelTime => ({
  id: r.id,
  siteId: r.site_id,
  fromId: r.from_id,
  toId: r.to_id,
  minutes: r.minutes,
  via: r.via,
  note: r.note,
});
const travelParams = (t: TravelTime): unknown[] => [
  t.id,
  t.siteId,
  t.fromId,
  t.toId,
  t.minutes,
  t.via,
  t.note,
];
export async function insertTravelTime(tx: Queryable, t: TravelTime): Promise<void> {
  await tx.query(
    `INSERT INTO travel_time (id, site_id, from_id, to_id, minutes, via, note)
     VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7)`,
    travelParams(t),
  );
}
export async function updateTravelTime(tx: Queryable, t: TravelTime): Promise<void> {
  await tx.query(
    `UPDATE travel_time SET site_id = $2, from_id = $3, to_id = $4, minutes = $5, via = $6::uuid[], note = $7,
       updated_at = now()
     WHERE id = $1`,
    travelParams(t),
  );
}
export async function deleteTravelTime(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM travel_time WHERE id = $1', [id]);
}
export async function findTravelTime(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<TravelTime | undefined> {
  const { rows } = await db.query<TravelTimeRow>(
    `SELECT * FROM travel_time WHERE id = $1${lock(forUpdate)}`,
    [id],
  );
  return rows[0] ? toTravelTime(rows[0]) : undefined;
}
export async function findTravelBetween(
  db: Queryable,
  siteId: string,
  fromId: string,
  toId: string,
): Promise<TravelTime | undefined> {
  const { rows } = await db.query<TravelTimeRow>(
    'SELECT * FROM travel_time WHERE site_id = $1 AND from_id = $2 AND to_id = $3',
    [siteId, fromId, toId],
  );
  return rows[0] ? toTravelTime(rows[0]) : undefined;
}
export async function listTravelTimes(db: Queryable, siteId: string): Promise<TravelTime[]> {
  const { rows } = await db.query<TravelTimeRow>(
    'SELECT * FROM travel_time WHERE site_id = $1 ORDER BY from_id, to_id',
    [siteId],
  );
  return rows.map(toTravelTime);
}

export interface PlanningSettingsRow {
  site_id: string;
  loading_minutes_per_person: number;
  loading_minutes_per_stretcher: number;
  loading_minutes_per_wheelchair: number;
  priority_weights: Record<string, number>;
}
export const toSettings = (r: PlanningSettingsRow): PlanningSettings => ({
  loadingMinutesPerPerson: r.loading_minutes_per_person,
  loadingMinutesPerStretcher: r.loading_minutes_per_stretcher,
  loadingMinutesPerWheelchair: r.loading_minutes_per_wheelchair,
  priorityWeights: r.priority_weights ?? {},
});
export async function findSettings(
  db: Queryable,
  siteId: string,
  forUpdate = false,
): Promise<PlanningSettings | undefined> {
  const { rows } = await db.query<PlanningSettingsRow>(
    `SELECT * FROM planning_settings WHERE site_id = $1${lock(forUpdate)}`,
    [siteId],
  );
  return rows[0] ? toSettings(rows[0]) : undefined;
}
export async function saveSettings(tx: Queryable, siteId: string, s: PlanningSettings): Promise<void> {
  await tx.query(
    `INSERT INTO planning_settings (site_id, loading_minutes_per_person, loading_minutes_per_stretcher,
       loading_minutes_per_wheelchair, priority_weights)
     VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (site_id) DO UPDATE SET loading_minutes_per_person = EXCLUDED.loading_minutes_per_person,
       loading_minutes_per_stretcher = EXCLUDED.loading_minutes_per_stretcher,
       loading_minutes_per_wheelchair = EXCLUDED.loading_minutes_per_wheelchair,
       priority_weights = EXCLUDED.priority_weights, updated_at = now()`,
    [
      siteId,
      s.loadingMinutesPerPerson,
      s.loadingMinutesPerStretcher,
      s.loadingMinutesPerWheelchair,
      JSON.stringify(s.priorityWeights),
    ],
  );
}
