// A schedule is, for each vehicle, its trips in order: window, pickup point and the groups loaded.
// Every trip runs as early as it can: the vehicle waits outside the danger zone until the window
// opens, enters it, loads, and must reach the first screening point before the window closes.
// Running early never hurts (later trips and arrivals only get later), so these times are the
// schedule's best, and the one timing rule shared by every algorithm, the MILP and the checks.
import type { Problem } from './problem.ts';

export interface Trip {
  window: number;
  pickup: number;
  groups: number[];
}

export type Schedule = Trip[][];

export interface TripTimes {
  departure: number;
  enter: number;
  atPickup: number;
  leave: number;
  arrival: number;
}

/** A vehicle's location: d < 0 is depot −1−d, r ≥ 0 is reception point r. */
export type Location = number;

export const depotLocation = (pr: Problem, v: number): Location => -1 - pr.vehicles.depot[v]!;

export function travelMinutes(pr: Problem, from: Location, p: number): number {
  const P = pr.pickups.count;
  return from < 0 ? pr.depotToPickup[(-1 - from) * P + p]! : pr.receptionToPickup[from * P + p]!;
}

export function loadMinutes(pr: Problem, groups: readonly number[]): number {
  let total = 0;
  for (const g of groups) total += pr.groups.load[g]!;
  return total;
}

/** The times of one trip from `from`, free at `free`; null when it cannot fit in its window. */
export function timeTrip(
  pr: Problem,
  from: Location,
  free: number,
  window: number,
  pickup: number,
  load: number,
): TripTimes | null {
  const drive = travelMinutes(pr, from, pickup);
  if (Number.isNaN(drive)) return null;
  const approach = pr.pickups.approach[pickup]!;
  const enter = Math.max(pr.windows.start[window]!, free + drive - approach);
  const atPickup = enter + approach;
  const leave = atPickup + load + pr.pickups.exit[pickup]!;
  if (leave > pr.windows.end[window]! + 1e-9) return null;
  return {
    departure: atPickup - drive,
    enter,
    atPickup,
    leave,
    arrival: leave + pr.pickups.afterZone[pickup]!,
  };
}

/** Times of a vehicle's trips in order; null at the first trip that does not fit. */
export function timeVehicle(pr: Problem, v: number, trips: readonly Trip[]): Array<TripTimes | null> {
  const out: Array<TripTimes | null> = [];
  let from = depotLocation(pr, v);
  let free = pr.vehicles.available[v]!;
  for (const trip of trips) {
    const t = timeTrip(pr, from, free, trip.window, trip.pickup, loadMinutes(pr, trip.groups));
    out.push(t);
    if (!t) {
      for (let k = out.length; k < trips.length; k++) out.push(null);
      break;
    }
    from = pr.pickups.reception[trip.pickup]!;
    free = t.arrival;
  }
  return out;
}

export interface Evaluation {
  /** Every rule the schedule breaks, in words; empty when it is feasible. */
  violations: string[];
  weighted: number;
  people: number;
  weightedArrival: number;
  vehiclesUsed: number;
  times: Array<Array<TripTimes | null>>;
}

/** Checks a schedule against every rule of the model and computes its three objectives. */
export function evaluate(pr: Problem, schedule: Schedule): Evaluation {
  const violations: string[] = [];
  const carried = new Int32Array(pr.groups.count).fill(-1);
  let weighted = 0;
  let people = 0;
  let weightedArrival = 0;
  let vehiclesUsed = 0;
  const times = schedule.map((trips, v) => timeVehicle(pr, v, trips));
  schedule.forEach((trips, v) => {
    if (trips.length > 0) vehiclesUsed++;
    trips.forEach((trip, k) => {
      const t = times[v]![k];
      if (!t) violations.push(`vehicle ${pr.ids.vehicles[v]} trip ${k + 1} does not fit in its window`);
      if (trip.groups.length === 0)
        violations.push(`vehicle ${pr.ids.vehicles[v]} trip ${k + 1} carries no one`);
      let seats = 0;
      let stretchers = 0;
      let wheelchairs = 0;
      for (const g of trip.groups) {
        if (carried[g]! >= 0) violations.push(`group ${pr.ids.groups[g]} is on two trips`);
        carried[g] = v;
        if (pr.groups.pickup[g] !== trip.pickup)
          violations.push(`group ${pr.ids.groups[g]} is not at pickup ${pr.ids.pickups[trip.pickup]}`);
        seats += pr.groups.seats[g]!;
        stretchers += pr.groups.stretchers[g]!;
        wheelchairs += pr.groups.wheelchairs[g]!;
        weighted += pr.groups.weight[g]!;
        people += pr.groups.persons[g]!;
        if (t) weightedArrival += pr.groups.weight[g]! * t.arrival;
      }
      if (
        seats > pr.vehicles.seats[v]! ||
        stretchers > pr.vehicles.stretchers[v]! ||
        wheelchairs > pr.vehicles.wheelchairs[v]!
      )
        violations.push(`vehicle ${pr.ids.vehicles[v]} trip ${k + 1} is over capacity`);
    });
  });
  return { violations, weighted, people, weightedArrival, vehiclesUsed, times };
}

/** Lexicographic comparison of evaluations: negative when a is the better plan. */
export function compareValues(
  a: Pick<Evaluation, 'weighted' | 'weightedArrival' | 'vehiclesUsed'>,
  b: Pick<Evaluation, 'weighted' | 'weightedArrival' | 'vehiclesUsed'>,
): number {
  const tolerance = 1e-7 * Math.max(1, Math.abs(a.weighted), Math.abs(b.weighted));
  if (Math.abs(a.weighted - b.weighted) > tolerance) return b.weighted - a.weighted;
  const arrivalTolerance = 1e-7 * Math.max(1, Math.abs(a.weightedArrival), Math.abs(b.weightedArrival));
  if (Math.abs(a.weightedArrival - b.weightedArrival) > arrivalTolerance)
    return a.weightedArrival - b.weightedArrival;
  return a.vehiclesUsed - b.vehiclesUsed;
}
