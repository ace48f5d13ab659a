// A BEP solution: for each bus, its trips in order (collection point → shelter). Route times are
// computed here, once, for the heuristic, the MILP's decoded answer and the check before printing.
import type { BepInstance } from './instance.ts';

export interface BepTrip {
  point: number;
  shelter: number;
}

export type BepRoutes = BepTrip[][];

export function routeTime(inst: BepInstance, bus: number, route: readonly BepTrip[]): number {
  let time = 0;
  route.forEach((trip, k) => {
    time +=
      k === 0
        ? inst.depotTime[inst.busDepot[bus]!]![trip.point]!
        : inst.time[trip.point]![route[k - 1]!.shelter]!;
    time += inst.time[trip.point]![trip.shelter]!;
  });
  return time;
}

export interface BepCheck {
  makespan: number;
  totalTime: number;
  problems: string[];
}

/** Recomputes the makespan and checks that all demand moves and no shelter overflows. */
export function checkRoutes(inst: BepInstance, routes: BepRoutes): BepCheck {
  const problems: string[] = [];
  if (routes.length !== inst.busDepot.length)
    problems.push(`${routes.length} routes for ${inst.busDepot.length} buses`);
  const moved = inst.trips.map(() => 0);
  const sheltered = inst.shelterTrips.map(() => 0);
  let makespan = 0;
  let totalTime = 0;
  routes.forEach((route, b) => {
    for (const t of route) {
      if (!(t.point >= 0 && t.point < moved.length) || !(t.shelter >= 0 && t.shelter < sheltered.length)) {
        problems.push(`bus ${b + 1} visits a place that does not exist`);
        return;
      }
      moved[t.point]!++;
      sheltered[t.shelter]!++;
    }
    const time = routeTime(inst, b, route);
    makespan = Math.max(makespan, time);
    totalTime += time;
  });
  moved.forEach((n, i) => {
    if (n !== inst.trips[i])
      problems.push(`collection point ${i + 1}: ${n * inst.capacity} people moved of ${inst.demand[i]}`);
  });
  sheltered.forEach((n, j) => {
    if (n * inst.capacity > inst.shelterCapacity[j]!)
      problems.push(`shelter ${j + 1}: ${n * inst.capacity} people for ${inst.shelterCapacity[j]} places`);
  });
  return { makespan, totalTime, problems };
}

/** Lexicographic: a smaller makespan, then a smaller total of route times. */
export const better = (a: BepCheck, b: BepCheck): boolean =>
  a.makespan < b.makespan - 1e-9 ||
  (Math.abs(a.makespan - b.makespan) <= 1e-9 && a.totalTime < b.totalTime - 1e-9);
