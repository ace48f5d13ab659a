// Repeated construction and local search. After each round, pickup points where people were left
// get a larger factor on their score, so the next round sends vehicles there sooner; the best
// schedule by the lexicographic objective is kept.
import { construct } from './construct.ts';
import { improve } from './improve.ts';
import type { Problem } from './problem.ts';
import { compareValues, type Evaluation, evaluate, type Schedule } from './schedule.ts';

export interface SearchOptions {
  initial?: Schedule;
  frozen?: ReadonlySet<string>;
  allowed?: (g: number) => boolean;
  /** performance.now() by which to stop starting rounds. */
  deadline: number;
  /** Stop after this many rounds without improvement (default 8). */
  patience?: number;
  maxRounds?: number;
}

export function search(
  pr: Problem,
  options: SearchOptions,
): { schedule: Schedule; evaluation: Evaluation; rounds: number } {
  const allowed = options.allowed ?? (() => true);
  const boost = new Float64Array(pr.pickups.count).fill(1);
  let best: { schedule: Schedule; evaluation: Evaluation } | null = null;
  let stale = 0;
  let rounds = 0;
  const patience = options.patience ?? 8;
  const maxRounds = options.maxRounds ?? 60;
  while (rounds < maxRounds && stale < patience) {
    const schedule = improve(
      pr,
      construct(pr, { initial: options.initial, waiting: allowed, pickupBoost: boost }),
      // When re-planning, moving people between kept trips only for earlier arrivals is not worth it.
      { frozen: options.frozen, allowed, deadline: options.deadline, reorder: options.initial === undefined },
    );
    const evaluation = evaluate(pr, schedule);
    rounds++;
    if (evaluation.violations.length === 0 && (!best || compareValues(evaluation, best.evaluation) < 0)) {
      best = { schedule, evaluation };
      stale = 0;
    } else stale++;
    // Weight left behind per pickup, as a share of all that waits there.
    const carried = new Uint8Array(pr.groups.count);
    for (const list of schedule) for (const t of list) for (const g of t.groups) carried[g] = 1;
    const left = new Float64Array(pr.pickups.count);
    const all = new Float64Array(pr.pickups.count);
    let anyLeft = false;
    for (let g = 0; g < pr.groups.count; g++) {
      const p = pr.groups.pickup[g]!;
      if (p < 0 || !allowed(g)) continue;
      all[p]! += pr.groups.weight[g]!;
      if (!carried[g]) {
        left[p]! += pr.groups.weight[g]!;
        anyLeft = true;
      }
    }
    if (!anyLeft && rounds >= 2) break;
    for (let p = 0; p < boost.length; p++) boost[p]! *= 1 + (2 * left[p]!) / Math.max(1e-9, all[p]!);
    if (performance.now() >= options.deadline) break;
  }
  return { ...best!, rounds };
}
