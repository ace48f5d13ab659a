// Exhaustive search over every plan of a tiny instance, for tests of the exact MILP: each group
// rides one of a vehicle's trip slots or stays; each vehicle's used slots get every combination of
// windows, and the best lexicographic value wins. Exponential: only for a handful of groups.
import type { Problem } from './problem.ts';
import { compareValues, evaluate, type Schedule, timeVehicle } from './schedule.ts';

export function bruteForce(pr: Problem): {
  schedule: Schedule;
  weighted: number;
  weightedArrival: number;
  vehiclesUsed: number;
} {
  const V = pr.vehicles.count;
  const W = pr.windows.count;
  const groups: number[] = [];
  for (let g = 0; g < pr.groups.count; g++) if (pr.groups.pickup[g]! >= 0) groups.push(g);
  const slots = groups.length;
  const choice = new Int32Array(groups.length).fill(-1);
  let best: { schedule: Schedule; weighted: number; weightedArrival: number; vehiclesUsed: number } = {
    schedule: Array.from({ length: V }, () => []),
    weighted: 0,
    weightedArrival: 0,
    vehiclesUsed: 0,
  };

  const bestForVehicle = (v: number, trips: Array<{ pickup: number; groups: number[] }>) => {
    let bestTrips: Schedule[number] | null = null;
    let bestArrival = Number.POSITIVE_INFINITY;
    const windows = new Int32Array(trips.length);
    const visit = (k: number) => {
      if (k === trips.length) {
        const candidate = trips.map((t, i) => ({ window: windows[i]!, pickup: t.pickup, groups: t.groups }));
        const times = timeVehicle(pr, v, candidate);
        if (times.some((t) => !t)) return;
        let arrival = 0;
        candidate.forEach((t, i) => {
          for (const g of t.groups) arrival += pr.groups.weight[g]! * times[i]!.arrival;
        });
        if (arrival < bestArrival) {
          bestArrival = arrival;
          bestTrips = candidate;
        }
        return;
      }
      for (let w = 0; w < W; w++) {
        windows[k] = w;
        visit(k + 1);
      }
    };
    visit(0);
    return bestTrips as Schedule[number] | null;
  };

  const consider = () => {
    const trips: Array<Array<{ pickup: number; groups: number[] }>> = Array.from({ length: V }, () => []);
    for (let i = 0; i < groups.length; i++) {
      const c = choice[i]!;
      if (c < 0) continue;
      const v = Math.floor(c / slots);
      const k = c % slots;
      const list = trips[v]!;
      while (list.length <= k) list.push({ pickup: -1, groups: [] });
      const slot = list[k]!;
      const p = pr.groups.pickup[groups[i]!]!;
      if (slot.pickup >= 0 && slot.pickup !== p) return;
      slot.pickup = p;
      slot.groups.push(groups[i]!);
    }
    const schedule: Schedule = [];
    for (let v = 0; v < V; v++) {
      const list = trips[v]!;
      if (list.some((t) => t.groups.length === 0)) return; // slots are used in order
      const chosen = bestForVehicle(v, list);
      if (!chosen) return;
      schedule.push(chosen);
    }
    const e = evaluate(pr, schedule);
    if (e.violations.length > 0) return;
    if (compareValues(e, best) < 0)
      best = {
        schedule,
        weighted: e.weighted,
        weightedArrival: e.weightedArrival,
        vehiclesUsed: e.vehiclesUsed,
      };
  };

  const assign = (i: number) => {
    if (i === groups.length) {
      consider();
      return;
    }
    for (let c = -1; c < V * slots; c++) {
      choice[i] = c;
      assign(i + 1);
    }
  };
  assign(0);
  return best;
}
