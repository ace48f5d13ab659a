// The roads out of a site: pickup routes (pickup point → first screening point) and travel times
// (depot → pickup point, screening point → reception point, reception point → pickup point), and
// each site's planning settings.
import { CorridorError, notFound } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import {
  type EndKind,
  legOf,
  type PickupRoute,
  type PlanningSettings,
  type TravelTime,
} from '../domain/logistics.ts';
import type { Database, Queryable } from '../store/database.ts';
import * as repo from '../store/repos/logistics.ts';
import type { Actor } from '../store/repos/operations.ts';
import { findPoint } from '../store/repos/sites.ts';
import { logged } from './logistics.ts';
import { definedOnly, requireSite } from './sites.ts';

type Patch<T> = { [P in keyof T]?: T[P] | undefined };

async function requirePickupPoint(tx: Queryable, siteId: string, id: string, field: string) {
  const point = await findPoint(tx, id);
  if (!point || point.siteId !== siteId || (point.kind !== 'pickup_point' && point.kind !== 'exit'))
    throw new CorridorError(
      'unknown_reference',
      `${field} refers to ${id}, which is not a pickup point or exit of this site`,
      { field, id },
    );
  return point;
}

/** Driving to a pickup point takes at least the approach inside the danger zone. */
async function refuseShorterThanApproach(tx: Queryable, route: PickupRoute): Promise<void> {
  const { rows } = await tx.query<{ id: string; minutes: number }>(
    'SELECT id, minutes FROM travel_time WHERE site_id = $1 AND to_id = $2 AND minutes < $3',
    [route.siteId, route.pickupPointId, route.approachMinutes],
  );
  if (rows[0])
    throw new CorridorError(
      'validation_failed',
      `approachMinutes: ${route.approachMinutes} min inside the danger zone is longer than the whole drive of travel time ${rows[0].id} (${rows[0].minutes} min) to this pickup point`,
      { field: 'approachMinutes', travelTimeId: rows[0].id },
    );
}

async function checkRoute(tx: Queryable, route: PickupRoute): Promise<void> {
  await requirePickupPoint(tx, route.siteId, route.pickupPointId, 'pickupPointId');
  const screening = await repo.findRoadPoint(tx, route.screeningPointId);
  if (!screening || screening.siteId !== route.siteId || screening.kind !== 'screening_point')
    throw new CorridorError(
      'unknown_reference',
      `screeningPointId refers to ${route.screeningPointId}, which is not a screening point of this site`,
      { field: 'screeningPointId', id: route.screeningPointId },
    );
  const existing = await repo.findRouteFrom(tx, route.pickupPointId);
  if (existing && existing.id !== route.id)
    throw new CorridorError(
      'conflict',
      `pickupPointId: this pickup point already has a route (${existing.id}); change that one`,
      { field: 'pickupPointId', id: existing.id },
    );
  await refuseShorterThanApproach(tx, route);
}

export type PickupRouteInput = Omit<PickupRoute, 'id' | 'siteId' | 'note'> & {
  id?: string | undefined;
  note?: string | null | undefined;
};

export function createPickupRoute(
  db: Database,
  actor: Actor,
  siteId: string,
  input: PickupRouteInput,
): Promise<PickupRoute> {
  return logged(db, actor, 'pickup_route', 'create', async (tx) => {
    await requireSite(tx, siteId);
    const route: PickupRoute = { ...input, id: input.id ?? newId(), siteId, note: input.note ?? null };
    if (input.id && (await repo.findPickupRoute(tx, input.id)))
      throw new CorridorError('duplicate_id', `id: a pickup route with id ${input.id} already exists`, {
        field: 'id',
      });
    await checkRoute(tx, route);
    await repo.insertPickupRoute(tx, route);
    return { id: route.id, before: null, after: route };
  });
}

export function updatePickupRoute(
  db: Database,
  actor: Actor,
  id: string,
  patch: Patch<Omit<PickupRouteInput, 'id'>>,
): Promise<PickupRoute> {
  return logged(db, actor, 'pickup_route', 'update', async (tx) => {
    const before = await repo.findPickupRoute(tx, id, true);
    if (!before) throw notFound('pickup route', id);
    const after: PickupRoute = { ...before, ...definedOnly(patch), id };
    await checkRoute(tx, after);
    await repo.updatePickupRoute(tx, after);
    return { id, before, after };
  });
}

/** A pickup point without a route has no road out: the planner no longer sends vehicles there. */
export function deletePickupRoute(db: Database, actor: Actor, id: string): Promise<null> {
  return logged(db, actor, 'pickup_route', 'delete', async (tx) => {
    const before = await repo.findPickupRoute(tx, id, true);
    if (!before) throw notFound('pickup route', id);
    await repo.deletePickupRoute(tx, id);
    return { id, before, after: null };
  });
}

/** What an end of a travel time is: a depot, a pickup point or exit of the site, or a road point. */
async function endKind(tx: Queryable, siteId: string, id: string, field: string): Promise<EndKind> {
  const depot = await repo.findDepot(tx, id);
  if (depot && depot.siteId === siteId) return 'depot';
  const road = await repo.findRoadPoint(tx, id);
  if (road && road.siteId === siteId) return road.kind;
  const point = await findPoint(tx, id);
  if (point && point.siteId === siteId)
    return point.kind === 'pickup_point' || point.kind === 'exit' ? 'pickup' : 'other';
  throw new CorridorError(
    'unknown_reference',
    `${field} refers to ${id}, which is not a depot, road point or pickup point of this site`,
    { field, id },
  );
}

const endWords: Record<EndKind, string> = {
  depot: 'a depot',
  pickup: 'a pickup point',
  screening_point: 'a screening point',
  reception_point: 'a reception point',
  checkpoint: 'a checkpoint',
  other: 'a point inside the site that is not a pickup point',
};

async function checkTravel(tx: Queryable, t: TravelTime): Promise<void> {
  if (t.fromId === t.toId)
    throw new CorridorError('validation_failed', 'toId: a travel time joins two different places', {
      field: 'toId',
    });
  const from = await endKind(tx, t.siteId, t.fromId, 'fromId');
  const to = await endKind(tx, t.siteId, t.toId, 'toId');
  if (!legOf(from, to))
    throw new CorridorError(
      'validation_failed',
      `toId: a travel time runs from a depot to a pickup point, from a screening point to a reception point, or from a reception point to a pickup point; this one runs from ${endWords[from]} to ${endWords[to]}`,
      { field: 'toId' },
    );
  for (const [i, id] of t.via.entries()) {
    const road = await repo.findRoadPoint(tx, id);
    if (!road || road.siteId !== t.siteId || road.kind === 'reception_point')
      throw new CorridorError(
        'unknown_reference',
        `via[${i}] refers to ${id}, which is not a checkpoint or screening point of this site`,
        { field: 'via', id },
      );
  }
  if (new Set(t.via).size !== t.via.length)
    throw new CorridorError('validation_failed', 'via: a place is listed twice', { field: 'via' });
  const existing = await repo.findTravelBetween(tx, t.siteId, t.fromId, t.toId);
  if (existing && existing.id !== t.id)
    throw new CorridorError(
      'conflict',
      `toId: the travel time from ${t.fromId} to ${t.toId} is already recorded (${existing.id}); change that one`,
      { field: 'toId', id: existing.id },
    );
  if (to === 'pickup') {
    const route = await repo.findRouteFrom(tx, t.toId);
    if (route && t.minutes < route.approachMinutes)
      throw new CorridorError(
        'validation_failed',
        `minutes: the drive to this pickup point includes ${route.approachMinutes} min inside the danger zone (its pickup route), so it takes at least that`,
        { field: 'minutes' },
      );
  }
}

export type TravelTimeInput = Omit<TravelTime, 'id' | 'siteId' | 'via' | 'note'> & {
  id?: string | undefined;
  via?: string[] | undefined;
  note?: string | null | undefined;
};

export function createTravelTime(
  db: Database,
  actor: Actor,
  siteId: string,
  input: TravelTimeInput,
): Promise<TravelTime> {
  return logged(db, actor, 'travel_time', 'create', async (tx) => {
    await requireSite(tx, siteId);
    const travel: TravelTime = {
      ...input,
      id: input.id ?? newId(),
      siteId,
      via: input.via ?? [],
      note: input.note ?? null,
    };
    if (input.id && (await repo.findTravelTime(tx, input.id)))
      throw new CorridorError('duplicate_id', `id: a travel time with id ${input.id} already exists`, {
        field: 'id',
      });
    await checkTravel(tx, travel);
    await repo.insertTravelTime(tx, travel);
    return { id: travel.id, before: null, after: travel };
  });
}

export function updateTravelTime(
  db: Database,
  actor: Actor,
  id: string,
  patch: Patch<Omit<TravelTimeInput, 'id'>>,
): Promise<TravelTime> {
  return logged(db, actor, 'travel_time', 'update', async (tx) => {
    const before = await repo.findTravelTime(tx, id, true);
    if (!before) throw notFound('travel time', id);
    const after: TravelTime = { ...before, ...definedOnly(patch), id };
    await checkTravel(tx, after);
    await repo.updateTravelTime(tx, after);
    return { id, before, after };
  });
}

/** No road between the two any more (the planner no longer uses it). */
export function deleteTravelTime(db: Database, actor: Actor, id: string): Promise<null> {
  return logged(db, actor, 'travel_time', 'delete', async (tx) => {
    const before = await repo.findTravelTime(tx, id, true);
    if (!before) throw notFound('travel time', id);
    await repo.deleteTravelTime(tx, id);
    return { id, before, after: null };
  });
}

export function savePlanningSettings(
  db: Database,
  actor: Actor,
  siteId: string,
  input: Omit<PlanningSettings, 'priorityWeights'> & { priorityWeights?: Record<string, number> | undefined },
): Promise<PlanningSettings & { recorded: boolean }> {
  return logged(db, actor, 'planning_settings', 'save', async (tx) => {
    await requireSite(tx, siteId);
    const before = (await repo.findSettings(tx, siteId, true)) ?? null;
    const after: PlanningSettings = { ...input, priorityWeights: input.priorityWeights ?? {} };
    await repo.saveSettings(tx, siteId, after);
    return { id: siteId, before, after: { ...after, recorded: true } };
  });
}
