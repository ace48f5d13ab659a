// The certified upper bound on objective 1: the Lagrangian dual function of the aggregated
// relaxation, evaluated by our own code at multipliers from HiGHS's LP duals or, without them,
// from a subgradient search. Any non-negative multipliers give a valid bound (dual.ts), so the
// bound never rests on the solver's word. Also a lower bound on objective 2 for a plan's people.
import type { Aggregate } from './aggregate.ts';
import { dualValue, subgradient } from './dual.ts';
import type { SolveResult } from './highs/messages.ts';
import type { Problem } from './problem.ts';
import { multipliersFromDuals, type RelaxationLp } from './relaxation.ts';
import { type Schedule, travelMinutes } from './schedule.ts';

/** Σ of the weights of every group that could be planned: the trivial bound. */
export function totalWeight(pr: Problem, plannable: (g: number) => boolean): number {
  let total = 0;
  for (let g = 0; g < pr.groups.count; g++)
    if (pr.groups.pickup[g]! >= 0 && plannable(g)) total += pr.groups.weight[g]!;
  return total;
}

/** Prices per pickup and place from a plan: the best priority per person of those it leaves behind. */
export function leftoverPrices(
  pr: Problem,
  schedule: Schedule,
  plannable: (g: number) => boolean,
): Float64Array {
  const mu = new Float64Array(pr.pickups.count * 3);
  const carried = new Uint8Array(pr.groups.count);
  for (const list of schedule) for (const t of list) for (const g of t.groups) carried[g] = 1;
  for (let g = 0; g < pr.groups.count; g++) {
    const p = pr.groups.pickup[g]!;
    if (p < 0 || carried[g] || !plannable(g)) continue;
    const density = pr.groups.weight[g]! / pr.groups.persons[g]!;
    for (let d = 0; d < 3; d++) mu[p * 3 + d] = Math.max(mu[p * 3 + d]!, density);
  }
  return mu;
}

export interface BoundOutcome {
  upperBound: number;
  method: 'lp-dual' | 'lagrangian' | 'trivial';
}

/** The smallest of the valid bounds at hand; floating-point sums get a relative margin of 1e-12. */
export function certify(
  agg: Aggregate,
  total: number,
  lp: { relaxation: RelaxationLp; result: SolveResult } | null,
  fallback: { prices: Float64Array; target: number; iterations: number; deadline: number } | null,
): BoundOutcome {
  let best: BoundOutcome = { upperBound: total, method: 'trivial' };
  if (lp?.result.rowDual) {
    const d = dualValue(agg, multipliersFromDuals(lp.relaxation, lp.result.rowDual));
    if (d < best.upperBound) best = { upperBound: d, method: 'lp-dual' };
  }
  if (best.method !== 'lp-dual' && fallback) {
    const s = subgradient(agg, fallback.prices, fallback.target, fallback.iterations, fallback.deadline);
    if (s.bound < best.upperBound) best = { upperBound: s.bound, method: 'lagrangian' };
  }
  const margin = 1e-12 * Math.abs(best.upperBound);
  return { upperBound: best.upperBound + margin, method: best.method };
}

/** Σ weight × the earliest arrival any vehicle could give each carried group: objective 2 ≥ this. */
export function arrivalLowerBound(pr: Problem, schedule: Schedule): number {
  const P = pr.pickups.count;
  // The earliest any vehicle can enter the zone towards p: from its depot, or — at the very least —
  // free at its start at the nearest reception point.
  const earliestEntry = new Float64Array(P).fill(Number.POSITIVE_INFINITY);
  for (let v = 0; v < pr.vehicles.count; v++)
    for (let p = 0; p < P; p++)
      for (let from = -pr.depotCount; from < pr.receptionCount; from++) {
        if (from < 0 && from !== -1 - pr.vehicles.depot[v]!) continue;
        const m = travelMinutes(pr, from, p);
        if (!Number.isNaN(m))
          earliestEntry[p] = Math.min(
            earliestEntry[p]!,
            pr.vehicles.available[v]! + m - pr.pickups.approach[p]!,
          );
      }
  let total = 0;
  for (const list of schedule)
    for (const trip of list)
      for (const g of trip.groups) {
        const p = trip.pickup;
        let best = Number.POSITIVE_INFINITY;
        for (let w = 0; w < pr.windows.count; w++) {
          const enter = Math.max(pr.windows.start[w]!, earliestEntry[p]!);
          const leave = enter + pr.pickups.approach[p]! + pr.groups.load[g]! + pr.pickups.exit[p]!;
          if (leave <= pr.windows.end[w]! + 1e-9) best = Math.min(best, leave + pr.pickups.afterZone[p]!);
        }
        if (Number.isFinite(best)) total += pr.groups.weight[g]! * best;
      }
  return total * (1 - 1e-12);
}
