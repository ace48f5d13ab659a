// The convoys of a site's accepted evacuation plan: trips grouped into movements (see
// domain/convoy-grouping.ts), each with its vehicles and markings, its route as ordered waypoints
// with planned times, and its manifest (everyone of the trips' travel groups who is still assigned,
// expected on the vehicle the plan gave them). Made once per plan: asking again answers with the
// convoys already made, so a repeated request never doubles a movement.
import { type Convoy, defaultCrewSize, type Waypoint } from '../domain/convoy.ts';
import { type ConvoyShape, groupTrips, type Origin, spreadTimes } from '../domain/convoy-grouping.ts';
import { CorridorError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { PlannedTrip } from '../planning/evacuation/model.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import * as repo from '../store/repos/convoys.ts';
import * as logistics from '../store/repos/logistics.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import { lockStatuses, type StoredPlan } from '../store/repos/plans.ts';
import { listPoints } from '../store/repos/sites.ts';
import { requirePlan } from './plans.ts';

export interface ConvoyCreation {
  /** False when the plan's convoys already existed: nothing was written. */
  created: boolean;
  convoys: Convoy[];
  /** People the plan carries who are no longer assigned, so not on any manifest. */
  notOnManifest: Array<{ personId: string; status: string }>;
}

/** Names and roads of the site, to turn a trip's ids into waypoints. */
async function placesOf(db: Queryable, siteId: string) {
  const [depots, roadPoints, points, travel, vehicles] = await Promise.all([
    logistics.listDepots(db, siteId),
    logistics.listRoadPoints(db, siteId),
    listPoints(db, siteId),
    logistics.listTravelTimes(db, siteId),
    logistics.listVehicles(db, siteId),
  ]);
  const names = new Map<string, string>([
    ...depots.map((d) => [d.id, d.name] as const),
    ...roadPoints.map((p) => [p.id, p.name] as const),
    ...points.map((p) => [p.id, p.name ? `${p.code} ${p.name}` : p.code] as const),
  ]);
  return {
    name: (id: string) => names.get(id) ?? id,
    roadKind: new Map(roadPoints.map((p) => [p.id, p.kind])),
    via: (from: string, to: string) => travel.find((t) => t.fromId === from && t.toId === to)?.via ?? [],
    vehicle: new Map(vehicles.map((v) => [v.id, v])),
  };
}

type Places = Awaited<ReturnType<typeof placesOf>>;

/** Origin → (checkpoints) → pickup point → screening point → (checkpoints) → reception point. */
function routeOf(
  convoyId: string,
  shape: ConvoyShape<PlannedTrip>,
  delayAtScreening: number,
  places: Places,
): Waypoint[] {
  const stops: Array<Omit<Waypoint, 'id' | 'convoyId' | 'seq'>> = [];
  const stop = (kind: Waypoint['kind'], placeId: string, plannedAt: string) =>
    stops.push({ kind, placeId, name: places.name(placeId), plannedAt });
  const passing = (from: string, to: string, leave: string, reach: string) => {
    const via = places.via(from, to);
    const times = spreadTimes(leave, reach, via.length);
    via.forEach((id, i) => {
      stop(places.roadKind.get(id) ?? 'checkpoint', id, times[i]!);
    });
  };
  const origin: Origin = shape.origin;
  stop(origin.kind, origin.id, shape.departure);
  passing(origin.id, shape.pickupPointId, shape.departure, shape.atPickup);
  stop('pickup_point', shape.pickupPointId, shape.atPickup);
  stop('screening_point', shape.screeningPointId, shape.atScreening);
  const leaveScreening = new Date(Date.parse(shape.atScreening) + delayAtScreening * 60_000).toISOString();
  passing(shape.screeningPointId, shape.receptionPointId, leaveScreening, shape.arrival);
  stop('reception_point', shape.receptionPointId, shape.arrival);
  return stops.map((s, i) => ({ ...s, id: newId(), convoyId, seq: i + 1 }));
}

const digest = (convoy: repo.NewConvoy, vehicles: number, waypoints: number, manifest: number) => ({
  code: convoy.code,
  planId: convoy.planId,
  pauseWindowId: convoy.pauseWindowId,
  plannedDeparture: convoy.plannedDeparture,
  plannedArrival: convoy.plannedArrival,
  vehicles,
  waypoints,
  manifest,
});

async function makeConvoys(tx: Queryable, actor: Actor, plan: StoredPlan): Promise<ConvoyCreation> {
  const trips = plan.result.trips;
  if (trips.length === 0)
    throw new CorridorError(
      'conflict',
      `evacuation plan ${plan.id} has no trips: there is no convoy to make`,
    );
  const places = await placesOf(tx, plan.siteId);
  const depotOf = (vehicleId: string) =>
    places.vehicle.get(vehicleId)?.depotId ?? plan.context.vehicles[vehicleId]!.depotId;
  const shapes = groupTrips(trips, depotOf);

  const groups = new Map(plan.input.groups.map((g) => [g.id, g]));
  const carried = trips.flatMap((t) =>
    t.groupIds.flatMap((g) => groups.get(g)!.members.map((m) => ({ personId: m.id, trip: t }))),
  );
  const status = await lockStatuses(
    tx,
    carried.map((c) => c.personId),
  );
  const onManifest = carried.filter((c) => status.get(c.personId) === 'assigned');
  const notOnManifest = carried
    .filter((c) => status.get(c.personId) !== 'assigned')
    .map((c) => ({ personId: c.personId, status: status.get(c.personId) ?? 'not registered' }));
  const elsewhere = await repo.liveManifestEntries(
    tx,
    onManifest.map((c) => c.personId),
  );
  if (elsewhere.length > 0) {
    const codes = [...new Set(elsewhere.map((e) => e.code))];
    throw new CorridorError(
      'conflict',
      `${elsewhere.length} of the people this plan carries ${elsewhere.length === 1 ? 'is' : 'are'} already on the manifest of convoy ${codes.join(', ')}, still to arrive; cancel ${codes.length === 1 ? 'it' : 'them'} first`,
      { convoys: codes, people: elsewhere.map((e) => e.personId) },
    );
  }

  const delay = new Map(plan.input.screeningPoints.map((s) => [s.id, s.expectedDelayMinutes]));
  let number = await repo.highestCodeNumber(tx, plan.siteId);
  const convoys: Convoy[] = [];
  for (const shape of shapes) {
    const convoy: repo.NewConvoy = {
      id: newId(),
      siteId: plan.siteId,
      planId: plan.id,
      pauseWindowId: shape.windowId,
      code: `C-${++number}`,
      plannedDeparture: shape.departure,
      plannedArrival: shape.arrival,
      createdBy: actor.name,
      createdById: actor.userId,
    };
    await repo.insertConvoy(tx, convoy);
    await repo.insertConvoyVehicles(
      tx,
      shape.trips.map((t) => {
        const vehicle = places.vehicle.get(t.vehicleId);
        return {
          convoyId: convoy.id,
          vehicleId: t.vehicleId,
          tripId: t.id,
          marking: vehicle?.plateOrMarking ?? plan.context.vehicles[t.vehicleId]?.plateOrMarking ?? null,
          crewSize: defaultCrewSize(vehicle?.kind ?? plan.context.vehicles[t.vehicleId]?.kind ?? 'other'),
          crewNote: null,
        };
      }),
    );
    const waypoints = routeOf(convoy.id, shape, delay.get(shape.screeningPointId) ?? 0, places);
    await repo.insertWaypoints(tx, waypoints);
    const tripIds = new Set(shape.trips.map((t) => t.id));
    const entries = onManifest
      .filter((c) => tripIds.has(c.trip.id))
      .map((c) => ({ convoyId: convoy.id, personId: c.personId, vehicleId: c.trip.vehicleId }));
    await repo.insertManifestEntries(tx, entries);
    await recordOperation(tx, actor, {
      entity: 'convoy',
      entityId: convoy.id,
      action: 'create',
      before: null,
      after: digest(convoy, shape.trips.length, waypoints.length, entries.length),
    });
    convoys.push((await repo.findConvoy(tx, convoy.id))!);
  }
  return { created: true, convoys, notOnManifest };
}

/**
 * The convoys of an accepted plan, made on the first call and read back on any later one. The
 * plan's row is locked first, so two requests at once make them once.
 */
export function convoysFromAcceptedPlan(db: Database, actor: Actor, planId: string): Promise<ConvoyCreation> {
  return translating(() =>
    db.transaction(async (tx) => {
      const plan = await requirePlan(tx, planId, true);
      const existing = await repo.convoysOfPlan(tx, plan.id);
      if (existing.length > 0) return { created: false, convoys: existing, notOnManifest: [] };
      if (plan.status !== 'accepted')
        throw new CorridorError(
          'conflict',
          `convoys are made from the accepted plan only; plan ${plan.id} is ${plan.status}`,
          { status: plan.status },
        );
      return makeConvoys(tx, actor, plan);
    }),
  );
}
