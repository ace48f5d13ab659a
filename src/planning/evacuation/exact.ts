// Runs the exact MILP (milp.ts) in a HiGHS worker under a deadline, starting from a known schedule,
// and returns the best schedule it proves or finds, re-checked by evaluate().

import type { SolveStatus } from './highs/messages.ts';
import { solveWithHighs } from './highs/run.ts';
import { buildExactModel } from './milp.ts';
import type { Problem } from './problem.ts';
import { evaluate, type Schedule } from './schedule.ts';

export interface ExactOutcome {
  schedule: Schedule | null;
  status: SolveStatus;
  /** True when HiGHS proved objective 1 optimal. */
  firstObjectiveOptimal: boolean;
  /** True when all three objectives were proved optimal in turn. */
  allOptimal: boolean;
  seconds: number;
}

export async function solveExact(
  pr: Problem,
  options: { timeLimitSeconds: number; start?: Schedule; plannable?: (g: number) => boolean },
): Promise<ExactOutcome> {
  const started = performance.now();
  const exact = buildExactModel(pr, options.plannable);
  // HiGHS gets most of what is left; the worker is terminated at the end of it whatever happens.
  const left = Math.max(0.1, options.timeLimitSeconds - (performance.now() - started) / 1000);
  const result = await solveWithHighs(
    {
      model: exact.model,
      stages: exact.stages,
      timeLimitSeconds: left * 0.85,
      relativeGap: 1e-9,
      ...(options.start ? { start: exact.encode(options.start) } : {}),
    },
    { graceSeconds: left * 0.1 },
  );
  let schedule: Schedule | null = null;
  if (result.values) {
    const decoded = exact.decode(result.values);
    if (evaluate(pr, decoded).violations.length === 0) schedule = decoded;
  }
  return {
    schedule,
    status: result.status,
    firstObjectiveOptimal: schedule !== null && result.stages[0]?.status === 'optimal',
    allOptimal: schedule !== null && result.status === 'optimal' && result.stages.length === 3,
    seconds: (performance.now() - started) / 1000,
  };
}
