// planEvacuation: the planner's entry point. Plain data in, plain data out.
//  1. The LP relaxation starts in a HiGHS worker (it needs no plan), in parallel with
//  2. rounds of construction and local search (search.ts);
//  3. on small instances the exact MILP runs from the best schedule found, under the deadline;
//  4. the bound is certified (bound.ts) and every result is checked by evaluate() before it is shown.
import { CorridorError } from '../../domain/errors.ts';
import { aggregate } from './aggregate.ts';
import { arrivalLowerBound, certify, leftoverPrices, totalWeight } from './bound.ts';
import { solveExact } from './exact.ts';
import type { SolveResult } from './highs/messages.ts';
import { solveWithHighs } from './highs/run.ts';
import type { EvacuationInput, EvacuationPlan, PlanOptions } from './model.ts';
import { normalize } from './normalize.ts';
import { leftOut, plannedTrips, planValue } from './output.ts';
import type { Problem } from './problem.ts';
import { relaxationLp } from './relaxation.ts';
import { compareValues, evaluate, type Schedule } from './schedule.ts';
import { search } from './search.ts';

export interface ProblemRun {
  /** performance.now() when the caller started (the time limit counts from it). */
  startedAt?: number;
  initial?: Schedule;
  frozen?: ReadonlySet<string>;
  allowed?: (g: number) => boolean;
}

export async function planEvacuation(
  input: EvacuationInput,
  options: PlanOptions = {},
): Promise<EvacuationPlan> {
  const startedAt = performance.now();
  return planProblem(normalize(input), options, { startedAt });
}

export async function planProblem(
  pr: Problem,
  options: PlanOptions = {},
  run: ProblemRun = {},
): Promise<EvacuationPlan> {
  const started = run.startedAt ?? performance.now();
  const limit = options.timeLimitSeconds ?? 60;
  if (!(limit > 0)) throw new CorridorError('bad_request', 'the time limit is a positive number of seconds');
  const deadline = started + limit * 1000;
  const remaining = () => Math.max(0, (deadline - performance.now()) / 1000);
  const allowed = run.allowed ?? (() => true);
  const useHighs = options.useHighs ?? true;

  let plannable = 0;
  for (let g = 0; g < pr.groups.count; g++) if (pr.groups.pickup[g]! >= 0 && allowed(g)) plannable++;
  const agg = aggregate(pr, allowed);
  const total = totalWeight(pr, allowed);
  const relaxation = useHighs && plannable > 0 ? relaxationLp(agg) : null;
  // The LP gets most of the time; its worker is killed at its deadline whatever happens, or as soon
  // as the plan carries everyone (the total weight is then a bound as tight as any).
  const noLongerNeeded = new AbortController();
  const lpPromise: Promise<SolveResult> | null = relaxation
    ? solveWithHighs(
        { model: relaxation.model, timeLimitSeconds: limit * 0.65 },
        {
          deadlineSeconds: limit * 0.8 - (performance.now() - started) / 1000,
          signal: noLongerNeeded.signal,
        },
      )
    : null;

  const exactWanted = useHighs && plannable > 0 && plannable <= (options.exactUpToGroups ?? 60);
  const heuristicShare = exactWanted ? 0.25 : 0.4;
  let best = search(pr, {
    initial: run.initial,
    frozen: run.frozen,
    allowed,
    deadline: started + limit * 1000 * heuristicShare,
  });
  let source: EvacuationPlan['source'] = 'heuristic';
  let provedByMilp = false;

  if (exactWanted && !run.frozen?.size) {
    const exact = await solveExact(pr, {
      timeLimitSeconds: remaining() * 0.9,
      start: best.schedule,
      plannable: allowed,
    });
    if (exact.schedule) {
      const evaluation = evaluate(pr, exact.schedule);
      // Re-planning values few moved people over objectives 2 and 3: the MILP, blind to the
      // previous plan, replaces the kept trips only when it carries more priority weight.
      const wins = run.initial
        ? evaluation.weighted > best.evaluation.weighted + 1e-9 * Math.max(1, evaluation.weighted)
        : compareValues(evaluation, best.evaluation) < 0;
      if (wins) {
        best = { schedule: exact.schedule, evaluation, rounds: best.rounds };
        source = 'milp';
      }
      provedByMilp =
        exact.firstObjectiveOptimal && Math.abs(evaluation.weighted - best.evaluation.weighted) < 1e-9;
    }
  }

  if (best.evaluation.weighted >= total) noLongerNeeded.abort();
  const lp = lpPromise && relaxation ? { relaxation, result: await lpPromise } : null;
  const bound = certify(agg, total, lp, {
    prices: leftoverPrices(pr, best.schedule, allowed),
    target: best.evaluation.weighted,
    // Without the LP's duals, search multipliers for what is left of the time (at least a moment).
    iterations: 300,
    // (keeping 5 % of the limit to write the plan out).
    deadline: performance.now() + Math.max(0.05, remaining() - 0.05 * limit) * 1000,
  });
  const value = best.evaluation.weighted;
  let upperBound = bound.upperBound;
  let method: EvacuationPlan['bound']['method'] = bound.method;
  if (provedByMilp && upperBound > value) {
    upperBound = value;
    method = 'milp';
  }
  const gap = upperBound > 0 ? Math.max(0, (upperBound - value) / upperBound) : 0;
  return {
    trips: plannedTrips(pr, best.schedule, best.evaluation),
    leftOut: leftOut(pr, best.schedule, allowed),
    value: planValue(best.evaluation),
    bound: { upperBound, gap, method, arrivalLowerBound: arrivalLowerBound(pr, best.schedule) },
    optimal: provedByMilp || gap <= 1e-9,
    source,
    seconds: (performance.now() - started) / 1000,
  };
}
