// Local search on a feasible schedule; every move keeps it feasible and never makes it worse.
//  - insert: a waiting group boards a trip to its pickup that has the places and the time;
//  - swap: a waiting group takes the place of a lighter one on a trip (objective 1 rises);
//  - reorder: among groups at one pickup that need the same places (and so the same loading time),
//    the heavier ones ride the earlier trips (objective 2 falls; no time changes).
// A trip may load longer only by its slack: how much later it may leave without pushing this or a
// later trip of the vehicle out of its window, allowing for the waits before later windows.
import type { Problem } from './problem.ts';
import { type Schedule, type TripTimes, timeVehicle } from './schedule.ts';

interface TripRef {
  v: number;
  k: number;
}

export interface ImproveOptions {
  /** Trips that must not change (notified to the parties), as "v:k". */
  frozen?: ReadonlySet<string>;
  /** Groups that may be added (default: all plannable). */
  allowed?: (g: number) => boolean;
  deadline?: number;
  /** Move heavier groups to earlier trips (default true; off when re-planning, where moves count). */
  reorder?: boolean;
}

function slacks(pr: Problem, v: number, schedule: Schedule, times: Array<TripTimes | null>): Float64Array {
  const trips = schedule[v]!;
  const out = new Float64Array(trips.length);
  let next = Number.POSITIVE_INFINITY;
  for (let k = trips.length - 1; k >= 0; k--) {
    const t = times[k]!;
    const own = pr.windows.end[trips[k]!.window]! - t.leave;
    let fromNext = Number.POSITIVE_INFINITY;
    if (k + 1 < trips.length) {
      const n = times[k + 1]!;
      // The next trip waited for its window this long: a delay up to it is absorbed.
      const wait = n.enter - (t.arrival + (n.atPickup - n.departure) - (n.atPickup - n.enter));
      fromNext = Math.max(0, wait) + next;
    }
    out[k] = Math.max(0, Math.min(own, fromNext));
    next = out[k]!;
  }
  return out;
}

export function improve(pr: Problem, schedule: Schedule, options: ImproveOptions = {}): Schedule {
  const frozen = options.frozen ?? new Set<string>();
  const allowed = options.allowed ?? (() => true);
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  const V = pr.vehicles.count;
  const times = schedule.map((trips, v) => timeVehicle(pr, v, trips));
  const slack = schedule.map((_, v) => slacks(pr, v, schedule, times[v]!));
  const onTrip = new Int32Array(pr.groups.count).fill(-1);
  const residual = schedule.map((trips, v) =>
    trips.map((t) => {
      const r = [pr.vehicles.seats[v]!, pr.vehicles.stretchers[v]!, pr.vehicles.wheelchairs[v]!];
      for (const g of t.groups) {
        r[0]! -= pr.groups.seats[g]!;
        r[1]! -= pr.groups.stretchers[g]!;
        r[2]! -= pr.groups.wheelchairs[g]!;
      }
      return r;
    }),
  );
  const byPickup: TripRef[][] = Array.from({ length: pr.pickups.count }, () => []);
  for (let v = 0; v < V; v++)
    schedule[v]!.forEach((t, k) => {
      for (const g of t.groups) onTrip[g] = v;
      if (!frozen.has(`${v}:${k}`)) byPickup[t.pickup]!.push({ v, k });
    });
  for (const list of byPickup) list.sort((a, b) => times[a.v]![a.k]!.arrival - times[b.v]![b.k]!.arrival);

  const retime = (v: number) => {
    times[v] = timeVehicle(pr, v, schedule[v]!);
    slack[v] = slacks(pr, v, schedule, times[v]!);
  };
  const fitsPlaces = (r: number[], g: number, freed = -1) =>
    pr.groups.seats[g]! <= r[0]! + (freed >= 0 ? pr.groups.seats[freed]! : 0) &&
    pr.groups.stretchers[g]! <= r[1]! + (freed >= 0 ? pr.groups.stretchers[freed]! : 0) &&
    pr.groups.wheelchairs[g]! <= r[2]! + (freed >= 0 ? pr.groups.wheelchairs[freed]! : 0);

  const waiting: number[] = [];
  for (let g = 0; g < pr.groups.count; g++)
    if (pr.groups.pickup[g]! >= 0 && onTrip[g]! < 0 && allowed(g)) waiting.push(g);
  const density = (g: number) => pr.groups.weight[g]! / pr.groups.persons[g]!;
  waiting.sort((a, b) => density(b) - density(a) || pr.groups.weight[b]! - pr.groups.weight[a]! || a - b);

  for (const h of waiting) {
    if (performance.now() > deadline) break;
    const list = byPickup[pr.groups.pickup[h]!]!;
    // Insert into the earliest trip with places and time.
    let done = false;
    for (const { v, k } of list) {
      const r = residual[v]![k]!;
      if (!fitsPlaces(r, h) || pr.groups.load[h]! > slack[v]![k]! + 1e-9) continue;
      schedule[v]![k]!.groups.push(h);
      r[0]! -= pr.groups.seats[h]!;
      r[1]! -= pr.groups.stretchers[h]!;
      r[2]! -= pr.groups.wheelchairs[h]!;
      onTrip[h] = v;
      retime(v);
      done = true;
      break;
    }
    if (done) continue;
    // Swap out the lightest group it can replace.
    let best: { v: number; k: number; g: number } | null = null;
    for (const { v, k } of list) {
      const r = residual[v]![k]!;
      for (const g of schedule[v]![k]!.groups) {
        if (pr.groups.weight[g]! >= pr.groups.weight[h]! - 1e-12) continue;
        if (best && pr.groups.weight[g]! >= pr.groups.weight[best.g]!) continue;
        if (!fitsPlaces(r, h, g) || pr.groups.load[h]! - pr.groups.load[g]! > slack[v]![k]! + 1e-9) continue;
        best = { v, k, g };
      }
    }
    if (!best) continue;
    const trip = schedule[best.v]![best.k]!;
    trip.groups[trip.groups.indexOf(best.g)] = h;
    const r = residual[best.v]![best.k]!;
    r[0]! += pr.groups.seats[best.g]! - pr.groups.seats[h]!;
    r[1]! += pr.groups.stretchers[best.g]! - pr.groups.stretchers[h]!;
    r[2]! += pr.groups.wheelchairs[best.g]! - pr.groups.wheelchairs[h]!;
    onTrip[best.g] = -1;
    onTrip[h] = best.v;
    retime(best.v);
  }

  if (options.reorder ?? true) reorder(pr, schedule, times, byPickup);
  return schedule;
}

/** Within a pickup, groups needing the same places move so that heavier ones arrive earlier. */
function reorder(
  pr: Problem,
  schedule: Schedule,
  times: Array<Array<TripTimes | null>>,
  byPickup: TripRef[][],
) {
  for (const list of byPickup) {
    const buckets = new Map<string, Array<{ ref: TripRef; slot: number }>>();
    for (const ref of list) {
      schedule[ref.v]![ref.k]!.groups.forEach((g, slot) => {
        const key = `${pr.groups.seats[g]},${pr.groups.stretchers[g]},${pr.groups.wheelchairs[g]}`;
        const b = buckets.get(key) ?? [];
        buckets.set(key, b);
        b.push({ ref, slot });
      });
    }
    for (const slots of buckets.values()) {
      const groups = slots.map((s) => schedule[s.ref.v]![s.ref.k]!.groups[s.slot]!);
      groups.sort((a, b) => pr.groups.weight[b]! - pr.groups.weight[a]! || a - b);
      const order = slots
        .map((s) => ({ s, arrival: times[s.ref.v]![s.ref.k]!.arrival }))
        .sort((a, b) => a.arrival - b.arrival);
      order.forEach(({ s }, i) => {
        schedule[s.ref.v]![s.ref.k]!.groups[s.slot] = groups[i]!;
      });
    }
  }
}
