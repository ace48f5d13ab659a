// The construction heuristic. Window by window, the vehicle that is free first takes its next trip:
// to the pickup point where, loading the best waiting groups first, it carries the most priority
// weight per minute of its time; a vehicle that can reach no pickup point and leave the danger zone
// before the window closes waits for the next window. Highest-priority people thus ride the
// earliest trips, which also serves the second objective.
import { MinHeap } from './heap.ts';
import { Pools } from './pools.ts';
import type { Problem } from './problem.ts';
import { depotLocation, type Location, type Schedule, timeVehicle, travelMinutes } from './schedule.ts';

/** How many waiting groups a pickup's estimate looks at; the chosen trip looks much further. */
const estimateScan = 48;
const commitScan = 100_000;

export interface ConstructOptions {
  /** Trips that stay as they are (re-planning); new trips come after each vehicle's last one. */
  initial?: Schedule;
  /** Groups that may be planned (default: every plannable group not in `initial`). */
  waiting?: (g: number) => boolean;
  /** A factor per pickup on its score: later rounds favour pickups where people were left. */
  pickupBoost?: Float64Array;
}

export function construct(pr: Problem, options: ConstructOptions = {}): Schedule {
  const V = pr.vehicles.count;
  const schedule: Schedule = Array.from({ length: V }, (_, v) =>
    (options.initial?.[v] ?? []).map((t) => ({ ...t, groups: [...t.groups] })),
  );
  const onBoard = new Uint8Array(pr.groups.count);
  for (const trips of schedule) for (const t of trips) for (const g of t.groups) onBoard[g] = 1;
  const waiting = options.waiting ?? (() => true);
  const pools = new Pools(pr, (g) => !onBoard[g] && waiting(g));

  const loc: Location[] = [];
  const free = new Float64Array(V);
  const firstWindow = new Int32Array(V);
  for (let v = 0; v < V; v++) {
    const trips = schedule[v]!;
    loc.push(depotLocation(pr, v));
    free[v] = pr.vehicles.available[v]!;
    if (trips.length > 0) {
      const times = timeVehicle(pr, v, trips);
      const last = trips[trips.length - 1]!;
      const t = times[times.length - 1];
      if (t) {
        loc[v] = pr.pickups.reception[last.pickup]!;
        free[v] = t.arrival;
        firstWindow[v] = last.window;
      } else firstWindow[v] = pr.windows.count; // An infeasible kept schedule gets no more trips.
    }
  }

  const P = pr.pickups.count;
  for (let w = 0; w < pr.windows.count; w++) {
    const start = pr.windows.start[w]!;
    const end = pr.windows.end[w]!;
    const heap = new MinHeap();
    for (let v = 0; v < V; v++) if (firstWindow[v]! <= w && free[v]! < end) heap.push(v, free[v]!);
    while (heap.size > 0) {
      const v = heap.pop()!;
      let best = -1;
      let bestScore = 0;
      let bestEnter = 0;
      for (let p = 0; p < P; p++) {
        if (!pools.hasWaiting(p)) continue;
        const drive = travelMinutes(pr, loc[v]!, p);
        if (Number.isNaN(drive)) continue;
        const approach = pr.pickups.approach[p]!;
        const enter = Math.max(start, free[v]! + drive - approach);
        const maxLoad = end - enter - approach - pr.pickups.exit[p]!;
        if (maxLoad < pr.loading.perPerson) continue;
        const est = pools.fill(v, p, maxLoad, estimateScan, false);
        if (est.groups.length === 0) continue;
        const busy = drive + est.load + pr.pickups.exit[p]! + pr.pickups.afterZone[p]!;
        const score = ((options.pickupBoost?.[p] ?? 1) * est.weight) / Math.max(busy, 1e-6);
        if (score > bestScore) {
          bestScore = score;
          best = p;
          bestEnter = enter;
        }
      }
      if (best < 0) continue;
      const approach = pr.pickups.approach[best]!;
      const maxLoad = end - bestEnter - approach - pr.pickups.exit[best]!;
      const loaded = pools.fill(v, best, maxLoad, commitScan, true);
      if (loaded.groups.length === 0) continue;
      schedule[v]!.push({ window: w, pickup: best, groups: loaded.groups });
      loc[v] = pr.pickups.reception[best]!;
      free[v] = bestEnter + approach + loaded.load + pr.pickups.exit[best]! + pr.pickups.afterZone[best]!;
      if (free[v]! < end) heap.push(v, free[v]!);
    }
  }
  return schedule;
}
