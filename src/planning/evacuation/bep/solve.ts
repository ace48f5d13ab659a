// Solves a BEP: construction and local search, a combinatorial lower bound, and on small
// instances the exact MILP in a HiGHS worker under the deadline. The answer is checked (all demand
// moved, shelter capacities kept, makespan recomputed) before it is returned.
import { CorridorError } from '../../../domain/errors.ts';
import { solveWithHighs } from '../highs/run.ts';
import { construct, improve, lowerBound } from './heuristic.ts';
import type { BepInstance } from './instance.ts';
import { buildBepMilp } from './milp.ts';
import { type BepRoutes, better, checkRoutes } from './solution.ts';

export interface BepResult {
  makespan: number;
  lowerBound: number;
  optimal: boolean;
  seconds: number;
  routes: BepRoutes;
  method: 'heuristic' | 'milp';
}

export interface BepOptions {
  timeLimitSeconds: number;
  /** Use the exact MILP when there are at most this many bus-loads (default 60). */
  exactUpToTrips?: number;
  useHighs?: boolean;
}

export async function solveBep(inst: BepInstance, options: BepOptions): Promise<BepResult> {
  const started = performance.now();
  const deadline = started + options.timeLimitSeconds * 1000;
  let routes = improve(inst, construct(inst), started + options.timeLimitSeconds * 1000 * 0.3);
  let check = checkRoutes(inst, routes);
  let bound = lowerBound(inst);
  let method: BepResult['method'] = 'heuristic';
  const trips = inst.trips.reduce((a, b) => a + b, 0);
  let proved = check.makespan <= bound + 1e-9;
  if (!proved && (options.useHighs ?? true) && trips <= (options.exactUpToTrips ?? 60)) {
    const milp = buildBepMilp(inst, check.makespan);
    // The worker is killed by the deadline even if HiGHS overruns its own limit.
    const left = Math.max(0.1, (deadline - performance.now()) / 1000);
    const result = await solveWithHighs(
      {
        model: milp.model,
        timeLimitSeconds: left * 0.8,
        start: milp.encode(routes, check.makespan),
        relativeGap: 1e-9,
      },
      { graceSeconds: left * 0.15 },
    );
    if (result.values) {
      const decoded = milp.decode(result.values);
      const decodedCheck = checkRoutes(inst, decoded);
      if (decodedCheck.problems.length === 0 && better(decodedCheck, check)) {
        routes = improve(inst, decoded, deadline);
        check = checkRoutes(inst, routes);
        method = 'milp';
      }
    }
    // HiGHS proved no route plan is shorter than its optimum (within its tolerance of 1e-9).
    if (
      result.status === 'optimal' &&
      result.objective !== null &&
      result.objective >= check.makespan - 1e-6
    ) {
      bound = Math.max(bound, check.makespan);
      proved = true;
    }
  }
  if (check.problems.length > 0)
    throw new CorridorError(
      'internal_error',
      `the BEP solution failed its check: ${check.problems.join('; ')}`,
    );
  return {
    makespan: check.makespan,
    lowerBound: Math.min(bound, check.makespan),
    optimal: proved || check.makespan <= bound + 1e-9,
    seconds: (performance.now() - started) / 1000,
    routes,
    method,
  };
}
