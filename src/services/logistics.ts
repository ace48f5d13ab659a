// Depots, vehicles and road points: what a site's evacuation can use outside the site itself.
import { CorridorError, notFound, unknownReference } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import { type Depot, defaultPlanningSettings, type RoadPoint, type Vehicle } from '../domain/logistics.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import * as repo from '../store/repos/logistics.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import { definedOnly, requireSite } from './sites.ts';

type Optional<T, K extends keyof T> = Omit<T, K> & { [P in K]?: T[P] | undefined };
type Patch<T> = { [P in keyof T]?: T[P] | undefined };

/** One write, its operation, one transaction; database refusals become the usual errors. */
export function logged<T>(
  db: Database,
  actor: Actor,
  entity: string,
  action: string,
  write: (tx: Queryable) => Promise<{ id: string; before: unknown; after: T }>,
): Promise<T> {
  return translating(() =>
    db.transaction(async (tx) => {
      const { id, before, after } = await write(tx);
      await recordOperation(tx, actor, { entity, entityId: id, action, before, after });
      return after;
    }),
  );
}

async function refuseTaken(
  tx: Queryable,
  table: 'depot' | 'vehicle' | 'road_point',
  column: 'name' | 'label',
  siteId: string,
  value: string,
  id: string,
): Promise<void> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM ${table} WHERE site_id = $1 AND ${column} = $2`,
    [siteId, value],
  );
  if (rows[0] && rows[0].id !== id)
    throw new CorridorError(
      'conflict',
      `${column}: this site already has a ${table.replace('_', ' ')} ${value}`,
      {
        field: column,
      },
    );
}

async function refuseDuplicateId(tx: Queryable, table: string, id: string): Promise<void> {
  const { rows } = await tx.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
  if (rows.length > 0)
    throw new CorridorError('duplicate_id', `id: a record with id ${id} already exists`, { field: 'id' });
}

export type DepotInput = Optional<Omit<Depot, 'siteId'>, 'id' | 'note'>;

export function createDepot(db: Database, actor: Actor, siteId: string, input: DepotInput): Promise<Depot> {
  return logged(db, actor, 'depot', 'create', async (tx) => {
    await requireSite(tx, siteId);
    const depot: Depot = { id: input.id ?? newId(), siteId, name: input.name, note: input.note ?? null };
    if (input.id) await refuseDuplicateId(tx, 'depot', depot.id);
    await refuseTaken(tx, 'depot', 'name', siteId, depot.name, depot.id);
    await repo.insertDepot(tx, depot);
    return { id: depot.id, before: null, after: depot };
  });
}

export function updateDepot(
  db: Database,
  actor: Actor,
  id: string,
  patch: Patch<DepotInput>,
): Promise<Depot> {
  return logged(db, actor, 'depot', 'update', async (tx) => {
    const before = await repo.findDepot(tx, id, true);
    if (!before) throw notFound('depot', id);
    const after: Depot = { ...before, ...definedOnly(patch), id };
    await refuseTaken(tx, 'depot', 'name', before.siteId, after.name, id);
    await repo.updateDepot(tx, after);
    return { id, before, after };
  });
}

export type VehicleInput = Optional<
  Omit<Vehicle, 'siteId'>,
  'id' | 'plateOrMarking' | 'stretcherPlaces' | 'wheelchairPlaces' | 'status' | 'availableFrom' | 'note'
>;

async function checkVehicle(tx: Queryable, v: Vehicle): Promise<void> {
  const depot = await repo.findDepot(tx, v.depotId);
  if (!depot || depot.siteId !== v.siteId) throw unknownReference('depotId', v.depotId);
  await refuseTaken(tx, 'vehicle', 'label', v.siteId, v.label, v.id);
}

const instant = (value: string | null): string | null => (value ? new Date(value).toISOString() : null);

export function createVehicle(
  db: Database,
  actor: Actor,
  siteId: string,
  input: VehicleInput,
): Promise<Vehicle> {
  return logged(db, actor, 'vehicle', 'create', async (tx) => {
    await requireSite(tx, siteId);
    const vehicle: Vehicle = {
      id: input.id ?? newId(),
      siteId,
      depotId: input.depotId,
      label: input.label,
      kind: input.kind,
      plateOrMarking: input.plateOrMarking ?? null,
      seats: input.seats,
      stretcherPlaces: input.stretcherPlaces ?? 0,
      wheelchairPlaces: input.wheelchairPlaces ?? 0,
      status: input.status ?? 'available',
      availableFrom: instant(input.availableFrom ?? null),
      note: input.note ?? null,
    };
    if (input.id) await refuseDuplicateId(tx, 'vehicle', vehicle.id);
    await checkVehicle(tx, vehicle);
    await repo.insertVehicle(tx, vehicle);
    return { id: vehicle.id, before: null, after: vehicle };
  });
}

/** Edits a vehicle; marking it lost or out of service keeps it out of every plan made afterwards. */
export function updateVehicle(
  db: Database,
  actor: Actor,
  id: string,
  patch: Patch<Omit<VehicleInput, 'id'>>,
): Promise<Vehicle> {
  return logged(db, actor, 'vehicle', 'update', async (tx) => {
    const before = await repo.findVehicle(tx, id, true);
    if (!before) throw notFound('vehicle', id);
    const after: Vehicle = { ...before, ...definedOnly(patch), id };
    after.availableFrom = instant(after.availableFrom);
    await checkVehicle(tx, after);
    await repo.updateVehicle(tx, after);
    return { id, before, after };
  });
}

export type RoadPointInput = Optional<
  Omit<RoadPoint, 'siteId'>,
  'id' | 'localName' | 'expectedDelayMinutes' | 'note'
>;

export function createRoadPoint(
  db: Database,
  actor: Actor,
  siteId: string,
  input: RoadPointInput,
): Promise<RoadPoint> {
  return logged(db, actor, 'road_point', 'create', async (tx) => {
    await requireSite(tx, siteId);
    const point: RoadPoint = {
      id: input.id ?? newId(),
      siteId,
      kind: input.kind,
      name: input.name,
      localName: input.localName ?? null,
      expectedDelayMinutes: input.expectedDelayMinutes ?? 0,
      note: input.note ?? null,
    };
    if (input.id) await refuseDuplicateId(tx, 'road_point', point.id);
    await refuseTaken(tx, 'road_point', 'name', siteId, point.name, point.id);
    await repo.insertRoadPoint(tx, point);
    return { id: point.id, before: null, after: point };
  });
}

// A screening point that routes lead to, or a reception point that roads run from, must stay what it is.
async function refuseKindChangeInUse(tx: Queryable, point: RoadPoint): Promise<void> {
  const { rows } = await tx.query<{ n: number }>(
    `SELECT (SELECT count(*) FROM pickup_route WHERE screening_point_id = $1)
          + (SELECT count(*) FROM travel_time WHERE from_id = $1 OR to_id = $1 OR $1 = ANY (via)) AS n`,
    [point.id],
  );
  if (Number(rows[0]?.n ?? 0) > 0)
    throw new CorridorError(
      'conflict',
      `kind: ${point.name} is used by pickup routes or travel times as a ${point.kind.replace('_', ' ')}, so it stays one`,
      { field: 'kind' },
    );
}

export function updateRoadPoint(
  db: Database,
  actor: Actor,
  id: string,
  patch: Patch<Omit<RoadPointInput, 'id'>>,
): Promise<RoadPoint> {
  return logged(db, actor, 'road_point', 'update', async (tx) => {
    const before = await repo.findRoadPoint(tx, id, true);
    if (!before) throw notFound('road point', id);
    const after: RoadPoint = { ...before, ...definedOnly(patch), id };
    if (after.kind !== before.kind) await refuseKindChangeInUse(tx, before);
    await refuseTaken(tx, 'road_point', 'name', before.siteId, after.name, id);
    await repo.updateRoadPoint(tx, after);
    return { id, before, after };
  });
}

/** Everything a site's evacuation can use outside the site graph. */
export async function logistics(db: Queryable, siteId: string) {
  await requireSite(db, siteId);
  const [depots, vehicles, roadPoints, pickupRoutes, travelTimes, settings] = await Promise.all([
    repo.listDepots(db, siteId),
    repo.listVehicles(db, siteId),
    repo.listRoadPoints(db, siteId),
    repo.listPickupRoutes(db, siteId),
    repo.listTravelTimes(db, siteId),
    repo.findSettings(db, siteId),
  ]);
  return {
    depots,
    vehicles,
    roadPoints,
    pickupRoutes,
    travelTimes,
    planningSettings: { ...(settings ?? defaultPlanningSettings), recorded: settings !== undefined },
  };
}
