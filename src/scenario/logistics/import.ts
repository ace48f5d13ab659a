import type { Queryable } from '../../store/database.ts';
import {
  type DepotRow,
  findSettings,
  type PickupRouteRow,
  type RoadPointRow,
  saveSettings,
  type TravelTimeRow,
  toDepot,
  toPickupRoute,
  toRoadPoint,
  toTravelTime,
  toVehicle,
  type VehicleRow,
} from '../../store/repos/logistics.ts';
import { type Actor, recordOperation } from '../../store/repos/operations.ts';
import { type FileProblem, fileError } from '../check.ts';
import { foreignIds } from '../foreign-ids.ts';
import type { SiteFile } from '../format.ts';
import { type ImportSummary, type Table, upsert } from '../upsert.ts';
import {
  depotRecord,
  type FileDepot,
  type FilePickupRoute,
  type FileRoadPoint,
  type FileTravelTime,
  type FileVehicle,
  pickupRouteRecord,
  roadPointRecord,
  settingsRecord,
  travelTimeRecord,
  vehicleRecord,
} from './records.ts';

const tables = {
  depots: {
    entity: 'depot',
    table: 'depot',
    touchUpdatedAt: true,
    select: 'SELECT * FROM depot',
    columns: (d, siteId) => ({ id: d.id, site_id: siteId, name: d.name, note: d.note ?? null }),
    canonical: (r: DepotRow) => depotRecord(toDepot(r)),
  } satisfies Table<FileDepot, DepotRow>,
  vehicles: {
    entity: 'vehicle',
    table: 'vehicle',
    touchUpdatedAt: true,
    select: 'SELECT * FROM vehicle',
    columns: (v, siteId) => ({
      id: v.id,
      site_id: siteId,
      depot_id: v.depotId,
      label: v.label,
      kind: v.kind,
      plate_or_marking: v.plateOrMarking ?? null,
      seats: v.seats,
      stretcher_places: v.stretcherPlaces ?? 0,
      wheelchair_places: v.wheelchairPlaces ?? 0,
      status: v.status ?? 'available',
      available_from: v.availableFrom ?? null,
      note: v.note ?? null,
    }),
    canonical: (r: VehicleRow) => vehicleRecord(toVehicle(r)),
  } satisfies Table<FileVehicle, VehicleRow>,
  roadPoints: {
    entity: 'road_point',
    table: 'road_point',
    touchUpdatedAt: true,
    select: 'SELECT * FROM road_point',
    columns: (p, siteId) => ({
      id: p.id,
      site_id: siteId,
      kind: p.kind,
      name: p.name,
      local_name: p.localName ?? null,
      expected_delay_minutes: p.expectedDelayMinutes ?? 0,
      note: p.note ?? null,
    }),
    canonical: (r: RoadPointRow) => roadPointRecord(toRoadPoint(r)),
  } satisfies Table<FileRoadPoint, RoadPointRow>,
  pickupRoutes: {
    entity: 'pickup_route',
    table: 'pickup_route',
    touchUpdatedAt: true,
    select: 'SELECT * FROM pickup_route',
    columns: (r, siteId) => ({
      id: r.id,
      site_id: siteId,
      pickup_point_id: r.pickupPointId,
      screening_point_id: r.screeningPointId,
      approach_minutes: r.approachMinutes,
      minutes_to_screening: r.minutesToScreening,
      note: r.note ?? null,
    }),
    canonical: (r: PickupRouteRow) => pickupRouteRecord(toPickupRoute(r)),
  } satisfies Table<FilePickupRoute, PickupRouteRow>,
  travelTimes: {
    entity: 'travel_time',
    table: 'travel_time',
    touchUpdatedAt: true,
    select: 'SELECT * FROM travel_time',
    columns: (t, siteId) => ({
      id: t.id,
      site_id: siteId,
      from_id: t.fromId,
      to_id: t.toId,
      minutes: t.minutes,
      via: t.via ?? [],
      note: t.note ?? null,
    }),
    canonical: (r: TravelTimeRow) => travelTimeRecord(toTravelTime(r)),
  } satisfies Table<FileTravelTime, TravelTimeRow>,
};

/**
 * Refuses what the database would refuse without a path: an id held by another site, or a name,
 * label, pickup point or pair of places that a record of this site outside the file already holds.
 */
async function refuseClashes(tx: Queryable, file: SiteFile, siteId: string): Promise<void> {
  const problems: FileProblem[] = [];
  const sections = [
    ['depots', 'depot', 'name', (r: FileDepot) => r.name],
    ['vehicles', 'vehicle', 'label', (r: FileVehicle) => r.label],
    ['roadPoints', 'road_point', 'name', (r: FileRoadPoint) => r.name],
    ['pickupRoutes', 'pickup_route', 'pickup_point_id::text', (r: FilePickupRoute) => r.pickupPointId],
    [
      'travelTimes',
      'travel_time',
      "from_id::text || ' → ' || to_id::text",
      (r: FileTravelTime) => `${r.fromId} → ${r.toId}`,
    ],
  ] as const;
  for (const [key, table, keyColumn, keyOf] of sections) {
    const records = (file[key] ?? []) as Array<{ id: string }>;
    if (records.length === 0) continue;
    problems.push(...(await foreignIds(tx, siteId, key, table, records)));
    const ids = records.map((r) => r.id);
    const keys = records.map((r) => (keyOf as (r: unknown) => string)(r));
    const taken = await tx.query<{ id: string; key: string }>(
      `SELECT id, ${keyColumn} AS key FROM ${table}
       WHERE site_id = $1 AND ${keyColumn} = ANY($2::text[]) AND NOT (id = ANY($3::uuid[]))`,
      [siteId, keys, ids],
    );
    const field = keyColumn.startsWith('pickup')
      ? 'pickupPointId'
      : keyColumn.startsWith('from')
        ? 'toId'
        : keyColumn;
    for (const row of taken.rows)
      problems.push({
        path: `$.${key}[${keys.indexOf(row.key)}].${field}`,
        reason: `${row.key} is already held by ${table.replace('_', ' ')} ${row.id} of this site, which is not in the file`,
      });
  }
  if (problems.length > 0) throw fileError(problems);
}

/** Imports the logistics sections inside the site import's transaction, after the site's points. */
export async function importLogistics(
  tx: Queryable,
  actor: Actor,
  file: SiteFile,
  summary: ImportSummary,
): Promise<void> {
  const siteId = file.site.id;
  await refuseClashes(tx, file, siteId);
  // Sections a file leaves out are not mentioned in the summary: older files have none of them.
  if (file.depots) await upsert(tx, actor, tables.depots, file.depots.map(depotRecord), siteId, summary);
  if (file.vehicles)
    await upsert(tx, actor, tables.vehicles, file.vehicles.map(vehicleRecord), siteId, summary);
  if (file.roadPoints)
    await upsert(tx, actor, tables.roadPoints, file.roadPoints.map(roadPointRecord), siteId, summary);
  if (file.pickupRoutes)
    await upsert(tx, actor, tables.pickupRoutes, file.pickupRoutes.map(pickupRouteRecord), siteId, summary);
  if (file.travelTimes)
    await upsert(tx, actor, tables.travelTimes, file.travelTimes.map(travelTimeRecord), siteId, summary);
  if (file.planningSettings) {
    const stored = await findSettings(tx, siteId);
    const before = stored ? settingsRecord(stored) : null;
    const after = settingsRecord(file.planningSettings);
    const same = before !== null && JSON.stringify(before) === JSON.stringify(after);
    const entity = 'planning_settings';
    summary.created[entity] = before === null ? 1 : 0;
    summary.updated[entity] = before !== null && !same ? 1 : 0;
    summary.unchanged[entity] = same ? 1 : 0;
    if (!same) {
      await saveSettings(tx, siteId, {
        loadingMinutesPerPerson: after.loadingMinutesPerPerson,
        loadingMinutesPerStretcher: after.loadingMinutesPerStretcher,
        loadingMinutesPerWheelchair: after.loadingMinutesPerWheelchair,
        priorityWeights: after.priorityWeights ?? {},
      });
      await recordOperation(tx, actor, {
        entity,
        entityId: siteId,
        action: before ? 'import_update' : 'import',
        before,
        after,
      });
    }
  }
}
