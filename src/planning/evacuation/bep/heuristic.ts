// Greedy construction and local search for the BEP. Construction: repeatedly give the next
// bus-load to the bus, collection point and shelter that finish it earliest. Local search: move or
// swap trips between the bus that ends last and the others, and re-pick each trip's shelter, while
// the makespan (then the total route time) improves.
import type { BepInstance } from './instance.ts';
import { type BepCheck, type BepRoutes, better, checkRoutes, routeTime } from './solution.ts';

export function construct(inst: BepInstance): BepRoutes {
  const B = inst.busDepot.length;
  const routes: BepRoutes = Array.from({ length: B }, () => []);
  const left = [...inst.trips];
  const room = [...inst.shelterTrips];
  const time = new Float64Array(B);
  let remaining = left.reduce((a, b) => a + b, 0);
  while (remaining > 0) {
    let best: { b: number; i: number; j: number; finish: number } | null = null;
    for (let b = 0; b < B; b++) {
      const route = routes[b]!;
      const last = route[route.length - 1];
      for (let i = 0; i < left.length; i++) {
        if (left[i] === 0) continue;
        const reach = last ? inst.time[i]![last.shelter]! : inst.depotTime[inst.busDepot[b]!]![i]!;
        for (let j = 0; j < room.length; j++) {
          if (room[j] === 0) continue;
          const finish = time[b]! + reach + inst.time[i]![j]!;
          if (!best || finish < best.finish - 1e-9) best = { b, i, j, finish };
        }
      }
    }
    if (!best) break;
    routes[best.b]!.push({ point: best.i, shelter: best.j });
    time[best.b] = best.finish;
    left[best.i]!--;
    room[best.j]!--;
    remaining--;
  }
  return routes;
}

export function improve(inst: BepInstance, start: BepRoutes, deadline: number): BepRoutes {
  let routes = start.map((r) => r.map((t) => ({ ...t })));
  let current = checkRoutes(inst, routes);
  const S = inst.shelterTrips.length;
  const used = inst.shelterTrips.map(() => 0);
  for (const r of routes) for (const t of r) used[t.shelter]!++;
  let improved = true;
  while (improved && performance.now() < deadline) {
    improved = false;
    const times = routes.map((r, b) => routeTime(inst, b, r));
    const order = times.map((t, b) => ({ t, b })).sort((x, y) => y.t - x.t);
    const try_ = (candidate: BepRoutes): boolean => {
      const check = checkRoutes(inst, candidate);
      if (check.problems.length === 0 && better(check, current)) {
        routes = candidate;
        current = check;
        return true;
      }
      return false;
    };
    // Re-pick shelters, one trip at a time.
    outer: for (let b = 0; b < routes.length; b++)
      for (let k = 0; k < routes[b]!.length; k++)
        for (let j = 0; j < S; j++) {
          if (performance.now() > deadline) return routes;
          const old = routes[b]![k]!.shelter;
          if (j === old || used[j]! >= inst.shelterTrips[j]!) continue;
          const candidate = routes.map((r) => [...r]);
          candidate[b]![k] = { point: routes[b]![k]!.point, shelter: j };
          if (try_(candidate)) {
            used[old]!--;
            used[j]!++;
            improved = true;
            break outer;
          }
        }
    if (improved) continue;
    // Move a trip of the last bus to finish to any place in another route, or swap it.
    const critical = order[0]!.b;
    const from = routes[critical]!;
    search: for (let k = 0; k < from.length; k++)
      for (let b = 0; b < routes.length; b++) {
        if (b === critical) continue;
        for (let pos = 0; pos <= routes[b]!.length; pos++) {
          if (performance.now() > deadline) return routes;
          const candidate = routes.map((r) => [...r]);
          const [trip] = candidate[critical]!.splice(k, 1);
          candidate[b]!.splice(pos, 0, trip!);
          if (try_(candidate)) {
            improved = true;
            break search;
          }
        }
        for (let m = 0; m < routes[b]!.length; m++) {
          if (performance.now() > deadline) return routes;
          const candidate = routes.map((r) => [...r]);
          const a = candidate[critical]![k]!;
          candidate[critical]![k] = candidate[b]![m]!;
          candidate[b]![m] = a;
          if (try_(candidate)) {
            improved = true;
            break search;
          }
        }
      }
    if (improved) continue;
    // Reorder the last bus's own trips.
    reorder: for (let k = 0; k < from.length; k++)
      for (let pos = 0; pos < from.length; pos++) {
        if (pos === k) continue;
        if (performance.now() > deadline) return routes;
        const candidate = routes.map((r) => [...r]);
        const [trip] = candidate[critical]!.splice(k, 1);
        candidate[critical]!.splice(pos, 0, trip!);
        if (try_(candidate)) {
          improved = true;
          break reorder;
        }
      }
  }
  return routes;
}

/**
 * A lower bound on the makespan, valid for every solution:
 *  - each collection point with people is served by some bus, whose route then takes at least the
 *    drive there from its depot plus the shortest trip to a shelter;
 *  - bus b cannot end its k-th trip before its shortest depot drive plus (2k − 1) shortest trips
 *    (symmetric travel: every drive back to a point is at least a shortest trip); the N trips all end
 *    by the makespan, so it is at least the N-th smallest of these earliest ends over all buses;
 *  - all buses together drive every trip and the drive before it, which is at least the shortest
 *    drive into its collection point; the longest route is at least their average.
 */
export function lowerBound(inst: BepInstance): number {
  const B = inst.busDepot.length;
  const N = inst.trips.reduce((a, b) => a + b, 0);
  if (N === 0) return 0;
  let bound = 0;
  let shortestTrip = Number.POSITIVE_INFINITY;
  let shortestDepot = Number.POSITIVE_INFINITY;
  let total = 0;
  inst.trips.forEach((n, i) => {
    if (n === 0) return;
    const trip = Math.min(...inst.time[i]!);
    shortestTrip = Math.min(shortestTrip, trip);
    let reach = Number.POSITIVE_INFINITY;
    for (let b = 0; b < B; b++) reach = Math.min(reach, inst.depotTime[inst.busDepot[b]!]![i]!);
    shortestDepot = Math.min(shortestDepot, reach);
    bound = Math.max(bound, reach + trip);
    total += n * (trip + Math.min(reach, trip));
  });
  const ends: number[] = [];
  for (let b = 0; b < B; b++) {
    let reach = Number.POSITIVE_INFINITY;
    inst.trips.forEach((n, i) => {
      if (n > 0) reach = Math.min(reach, inst.depotTime[inst.busDepot[b]!]![i]!);
    });
    for (let k = 1; k <= N; k++) ends.push(reach + (2 * k - 1) * shortestTrip);
  }
  ends.sort((a, b) => a - b);
  return Math.max(bound, ends[N - 1]!, shortestDepot + shortestTrip, total / B);
}

export type { BepCheck };
