// replanEvacuation: a new plan after a window is cancelled, vehicles are lost or more people are
// ready. Trips already notified to the parties stay exactly as they were when they still can run
// (same vehicle, window, pickup and people); other trips of the previous plan are kept as a start
// and may change. Two candidates are planned — one keeping every surviving trip, one keeping only
// the notified ones — and the better is chosen by objective 1, then by fewer people moved, then by
// objectives 2 and 3. People moved: those of the previous plan whose vehicle or window changed, or
// who lost their place.
import { CorridorError } from '../../domain/errors.ts';
import type { EvacuationGroup, EvacuationInput, EvacuationPlan, PlanOptions } from './model.ts';
import { normalize } from './normalize.ts';
import { planProblem } from './plan.ts';
import type { Problem } from './problem.ts';
import { type Schedule, timeVehicle } from './schedule.ts';

export interface PlanChanges {
  cancelledWindowIds?: string[];
  lostVehicleIds?: string[];
  /** Groups newly ready (or a group whose composition changed, under its old id). */
  newGroups?: EvacuationGroup[];
  /** Trips (ids from the previous plan) already notified to the parties. */
  notifiedTripIds?: string[];
}

export interface PreviousPlan {
  input: EvacuationInput;
  plan: EvacuationPlan;
}

export interface Replanned {
  input: EvacuationInput;
  plan: EvacuationPlan;
  /** Notified trips that could not be kept (their window or vehicle is gone, or they no longer fit). */
  brokenNotifiedTripIds: string[];
}

export function changedInput(previous: EvacuationInput, changes: PlanChanges): EvacuationInput {
  const cancelled = new Set(changes.cancelledWindowIds ?? []);
  const lost = new Set(changes.lostVehicleIds ?? []);
  for (const id of cancelled)
    if (!previous.windows.some((w) => w.id === id))
      throw new CorridorError('not_found', `no window ${id} in the plan`);
  for (const id of lost)
    if (!previous.vehicles.some((v) => v.id === id))
      throw new CorridorError('not_found', `no vehicle ${id} in the plan`);
  const replaced = new Map((changes.newGroups ?? []).map((g) => [g.id, g]));
  return {
    ...previous,
    windows: previous.windows.filter((w) => !cancelled.has(w.id)),
    vehicles: previous.vehicles.filter((v) => !lost.has(v.id)),
    groups: [
      ...previous.groups.map((g) => replaced.get(g.id) ?? g),
      ...(changes.newGroups ?? []).filter((g) => !previous.groups.some((p) => p.id === g.id)),
    ],
  };
}

/** The previous plan's trips that can still run unchanged, per vehicle, in their old order. */
function survivingTrips(pr: Problem, plan: EvacuationPlan, keep: (tripId: string) => boolean) {
  const vehicle = new Map(pr.ids.vehicles.map((id, i) => [id, i]));
  const window = new Map(pr.ids.windows.map((id, i) => [id, i]));
  const pickup = new Map(pr.ids.pickups.map((id, i) => [id, i]));
  const group = new Map(pr.ids.groups.map((id, i) => [id, i]));
  const schedule: Schedule = Array.from({ length: pr.vehicles.count }, () => []);
  const ids: string[][] = Array.from({ length: pr.vehicles.count }, () => []);
  const lostIds: string[] = [];
  for (const trip of plan.trips) {
    if (!keep(trip.id)) continue;
    const v = vehicle.get(trip.vehicleId);
    const w = window.get(trip.windowId);
    const p = pickup.get(trip.pickupPointId);
    const groups = trip.groupIds.map((id) => group.get(id));
    const sameGroups = groups.every((g) => g !== undefined && pr.groups.pickup[g] === p);
    if (v === undefined || w === undefined || p === undefined || !sameGroups) {
      lostIds.push(trip.id);
      continue;
    }
    schedule[v]!.push({ window: w, pickup: p, groups: groups as number[] });
    ids[v]!.push(trip.id);
  }
  // Trips keep their old order; a vehicle's trips from the first that no longer fits are dropped.
  schedule.forEach((trips, v) => {
    const times = timeVehicle(pr, v, trips);
    const broken = times.indexOf(null);
    if (broken >= 0) {
      lostIds.push(...ids[v]!.slice(broken));
      trips.length = broken;
      ids[v]!.length = broken;
    }
  });
  return { schedule, ids, lostIds };
}

function movedPeople(previous: EvacuationPlan, next: EvacuationPlan, input: EvacuationInput) {
  const before = new Map<string, string>();
  for (const t of previous.trips) for (const g of t.groupIds) before.set(g, `${t.vehicleId}|${t.windowId}`);
  const after = new Map<string, string>();
  for (const t of next.trips) for (const g of t.groupIds) after.set(g, `${t.vehicleId}|${t.windowId}`);
  const size = new Map(input.groups.map((g) => [g.id, g.members.length]));
  const groupIds = [...before].filter(([g, where]) => after.get(g) !== where).map(([g]) => g);
  return { people: groupIds.reduce((n, g) => n + (size.get(g) ?? 0), 0), groupIds };
}

export async function replanEvacuation(
  previous: PreviousPlan,
  changes: PlanChanges,
  options: PlanOptions = {},
): Promise<Replanned> {
  const input = changedInput(previous.input, changes);
  const pr = normalize(input);
  const notified = new Set(changes.notifiedTripIds ?? []);
  for (const id of notified)
    if (!previous.plan.trips.some((t) => t.id === id))
      throw new CorridorError('not_found', `no trip ${id} in the plan`);
  const limit = options.timeLimitSeconds ?? 60;

  const candidates: EvacuationPlan[] = [];
  let brokenNotifiedTripIds: string[] = [];
  for (const keepAll of [true, false]) {
    const kept = survivingTrips(pr, previous.plan, (id) => keepAll || notified.has(id));
    if (keepAll) brokenNotifiedTripIds = kept.lostIds.filter((id) => notified.has(id));
    const frozen = new Set<string>();
    kept.ids.forEach((list, v) => {
      list.forEach((id, k) => {
        if (notified.has(id)) frozen.add(`${v}:${k}`);
      });
    });
    const plan = await planProblem(
      pr,
      { ...options, timeLimitSeconds: limit / 2 },
      { initial: kept.schedule, frozen },
    );
    plan.moved = movedPeople(previous.plan, plan, input);
    candidates.push(plan);
  }
  const tolerance = (a: number, b: number) => 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  candidates.sort((a, b) => {
    const w = b.value.weightedEvacuated - a.value.weightedEvacuated;
    if (Math.abs(w) > tolerance(a.value.weightedEvacuated, b.value.weightedEvacuated)) return w;
    if (a.moved!.people !== b.moved!.people) return a.moved!.people - b.moved!.people;
    const t = a.value.weightedArrivalMinutes - b.value.weightedArrivalMinutes;
    if (Math.abs(t) > tolerance(a.value.weightedArrivalMinutes, b.value.weightedArrivalMinutes)) return t;
    return a.value.vehiclesUsed - b.value.vehiclesUsed;
  });
  return { input, plan: candidates[0]!, brokenNotifiedTripIds };
}
