// The evacuation planner's input, built from what the database holds at one instant: the ready
// people in their travel groups, the pickup point each group reaches through open passages, the
// available vehicles, the pause windows that are agreed or active, the roads and the loading times.
import { CorridorError } from '../domain/errors.ts';
import { defaultPlanningSettings, type PlanContext } from '../domain/logistics.ts';
import {
  type EvacuationGroup,
  type EvacuationInput,
  type PriorityClass,
  priorityClasses,
} from '../planning/evacuation/model.ts';
import { SiteReach } from '../planning/evacuation/reachability.ts';
import { registryGroups } from '../planning/evacuation/registry-groups.ts';
import type { Queryable } from '../store/database.ts';
import * as repo from '../store/repos/logistics.ts';
import { plannablePeople } from '../store/repos/plans.ts';
import { listPassages, listPoints } from '../store/repos/sites.ts';
import { pauseViews } from './pauses.ts';
import { requireSite } from './sites.ts';

export interface BuildOptions {
  /** The plan's start: nothing leaves before it, and windows are judged as they stand then. */
  at: Date;
  priorityWeights?: Partial<Record<PriorityClass, number>> | undefined;
  /** People still assigned by the plan being re-made: they may be planned again. */
  alsoPlannable?: readonly string[];
}

export interface BuiltInput {
  input: EvacuationInput;
  context: PlanContext;
}

/** Stored weights keep only the planner's priority classes (the API accepts no others). */
const knownWeights = (weights: Record<string, number>): Partial<Record<PriorityClass, number>> =>
  Object.fromEntries(
    Object.entries(weights).filter(([c]) => (priorityClasses as readonly string[]).includes(c)),
  ) as Partial<Record<PriorityClass, number>>;

/** Pause windows that count: agreed or active at plan time, and covering the whole site. */
async function usableWindows(db: Queryable, siteId: string, at: Date) {
  const windows: EvacuationInput['windows'] = [];
  const named: PlanContext['windows'] = {};
  const leftOut: PlanContext['windowsLeftOut'] = [];
  for (const p of await pauseViews(db, siteId, at)) {
    const state = p.derived.state;
    let reason: string | undefined;
    if (state !== 'agreed' && state !== 'active') reason = `${state.replace('_', ' ')}: ${p.derived.because}`;
    else if (p.scope.site !== true && (p.scope.pickupPointIds?.length ?? 0) > 0)
      reason = 'it covers only some pickup points; the planner uses windows that cover the whole site';
    if (reason) {
      leftOut.push({ id: p.id, name: p.name, state, reason });
      continue;
    }
    const start = p.effectiveStart ?? p.times.utc.start;
    const end = p.effectiveEnd ?? p.times.utc.end;
    windows.push({ id: p.id, start, end });
    named[p.id] = { name: p.name, state, start, end };
  }
  return { windows, named, leftOut };
}

export async function buildEvacuationInput(
  db: Queryable,
  siteId: string,
  options: BuildOptions,
): Promise<BuiltInput> {
  await requireSite(db, siteId);
  const [points, passages, depots, vehicles, roadPoints, routes, travel, recorded, people, pauses] =
    await Promise.all([
      listPoints(db, siteId),
      listPassages(db, siteId),
      repo.listDepots(db, siteId),
      repo.listVehicles(db, siteId),
      repo.listRoadPoints(db, siteId),
      repo.listPickupRoutes(db, siteId),
      repo.listTravelTimes(db, siteId),
      repo.findSettings(db, siteId),
      plannablePeople(db, siteId, options.alsoPlannable ?? []),
      usableWindows(db, siteId, options.at),
    ]);
  const warnings: string[] = [];
  const settings = recorded ?? defaultPlanningSettings;
  const pointById = new Map(points.map((p) => [p.id, p]));
  const roadById = new Map(roadPoints.map((p) => [p.id, p]));
  const depotName = new Map(depots.map((d) => [d.id, d.name]));

  const receptions = roadPoints.filter((p) => p.kind === 'reception_point');
  if (receptions.length === 0)
    throw new CorridorError(
      'conflict',
      'the site has no reception point: record one (a road point of kind reception_point) before planning',
    );
  const available = vehicles.filter((v) => v.status === 'available');
  if (available.length === 0)
    throw new CorridorError(
      'conflict',
      'the site has no available vehicle: record one, or mark one available, before planning',
    );

  // A pickup point serves only if its route leads to a screening point with a road to a reception point.
  const receptionIds = new Set(receptions.map((r) => r.id));
  const toReception = new Set(
    travel
      .filter((t) => receptionIds.has(t.toId) && roadById.get(t.fromId)?.kind === 'screening_point')
      .map((t) => t.fromId),
  );
  const codeOf = (id: string) => pointById.get(id)?.code ?? id;
  const serving = routes
    .filter((r) => {
      if (toReception.has(r.screeningPointId)) return true;
      warnings.push(
        `pickup point ${codeOf(r.pickupPointId)} is not used: no road is recorded from its screening point ${roadById.get(r.screeningPointId)?.name ?? r.screeningPointId} to a reception point`,
      );
      return false;
    })
    .sort((a, b) => (codeOf(a.pickupPointId) < codeOf(b.pickupPointId) ? -1 : 1));
  const servingIds = new Set(serving.map((r) => r.pickupPointId));
  const reach = new SiteReach({
    points,
    passages,
    pickupIds: serving.map((r) => r.pickupPointId),
    roadlessPickupIds: points
      .filter((p) => p.kind === 'pickup_point' && !servingIds.has(p.id))
      .map((p) => p.id),
  });

  const groups: EvacuationGroup[] = registryGroups(people, options.at).map((g) => {
    const base = {
      id: g.id,
      kind: g.kind,
      members: g.members,
      ...(g.escortId ? { escortId: g.escortId } : {}),
    };
    if (g.withoutShelter > 0)
      return {
        ...base,
        pickupPointId: null,
        unreachableReason: `no shelter is recorded for ${g.withoutShelter} of the group, so no way out can be found`,
      };
    const reached = reach.nearest(g.shelterIds);
    return reached.pickupPointId === null
      ? { ...base, pickupPointId: null, unreachableReason: reached.reason }
      : { ...base, pickupPointId: reached.pickupPointId };
  });

  const approach = new Map(serving.map((r) => [r.pickupPointId, r.approachMinutes]));
  const withVehicles = new Set(available.map((v) => v.depotId));
  const depotToPickup: Record<string, Record<string, number>> = {};
  const screeningToReception: Record<string, Record<string, number>> = {};
  const receptionToPickup: Record<string, Record<string, number>> = {};
  const put = (table: Record<string, Record<string, number>>, from: string, to: string, minutes: number) => {
    table[from] = { ...table[from], [to]: minutes };
  };
  for (const t of travel) {
    const fromKind = roadById.get(t.fromId)?.kind;
    const toPickup = approach.get(t.toId);
    if (toPickup !== undefined && t.minutes < toPickup) {
      warnings.push(
        `travel time ${t.id} to ${codeOf(t.toId)} (${t.minutes} min) is shorter than the approach inside the danger zone (${toPickup} min) and is not used`,
      );
      continue;
    }
    if (withVehicles.has(t.fromId) && toPickup !== undefined) put(depotToPickup, t.fromId, t.toId, t.minutes);
    else if (fromKind === 'screening_point' && receptionIds.has(t.toId))
      put(screeningToReception, t.fromId, t.toId, t.minutes);
    else if (fromKind === 'reception_point' && toPickup !== undefined)
      put(receptionToPickup, t.fromId, t.toId, t.minutes);
  }
  if (pauses.windows.length === 0)
    warnings.push(
      'no pause window is agreed or active at the plan’s start: no vehicle may enter the danger zone',
    );

  const usedScreening = new Set(serving.map((r) => r.screeningPointId));
  const input: EvacuationInput = {
    planStart: options.at.toISOString(),
    groups,
    vehicles: available.map((v) => ({
      id: v.id,
      depotId: v.depotId,
      seats: v.seats,
      stretcherPlaces: v.stretcherPlaces,
      wheelchairPlaces: v.wheelchairPlaces,
      ...(v.availableFrom ? { availableFrom: v.availableFrom } : {}),
    })),
    pickupPoints: serving.map((r) => ({
      id: r.pickupPointId,
      approachMinutes: r.approachMinutes,
      screeningPointId: r.screeningPointId,
      minutesToScreening: r.minutesToScreening,
    })),
    screeningPoints: roadPoints
      .filter((p) => usedScreening.has(p.id))
      .map((p) => ({ id: p.id, expectedDelayMinutes: p.expectedDelayMinutes })),
    receptionPointIds: receptions.map((r) => r.id),
    windows: pauses.windows,
    travel: { depotToPickup, screeningToReception, receptionToPickup },
    loading: {
      minutesPerPerson: settings.loadingMinutesPerPerson,
      minutesPerStretcher: settings.loadingMinutesPerStretcher,
      minutesPerWheelchair: settings.loadingMinutesPerWheelchair,
    },
    priorityWeights: { ...knownWeights(settings.priorityWeights), ...options.priorityWeights },
  };

  const shelterOf = new Map(people.map((p) => [p.id, p.shelterId]));
  const context: PlanContext = {
    people: Object.fromEntries(
      people.map((p) => {
        const shelterId = shelterOf.get(p.id) ?? null;
        return [
          p.id,
          {
            shelterId,
            shelterCode: shelterId ? (pointById.get(shelterId)?.code ?? null) : null,
            householdId: p.householdId,
          },
        ];
      }),
    ),
    vehicles: Object.fromEntries(
      available.map((v) => [
        v.id,
        {
          label: v.label,
          kind: v.kind,
          plateOrMarking: v.plateOrMarking,
          depotId: v.depotId,
          depotName: depotName.get(v.depotId) ?? v.depotId,
        },
      ]),
    ),
    places: Object.fromEntries([
      ...points
        .filter((p) => p.kind === 'pickup_point' || p.kind === 'exit')
        .map((p) => [p.id, { name: p.name ? `${p.code} ${p.name}` : p.code, kind: p.kind }] as const),
      ...roadPoints.map((p) => [p.id, { name: p.name, kind: p.kind }] as const),
    ]),
    windows: pauses.named,
    windowsLeftOut: pauses.leftOut,
    vehiclesLeftOut: vehicles
      .filter((v) => v.status !== 'available')
      .map((v) => ({ id: v.id, label: v.label, status: v.status })),
    settings: { ...settings, recorded: recorded !== undefined },
    warnings,
  };
  return { input, context };
}
