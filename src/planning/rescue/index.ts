import { computeRescuePlan } from './plan.ts';
import type { PlanOptions, RescueInput, RescuePlan, RescueProgress } from './plan-types.ts';
import { RescueInputError } from './site-graph.ts';
import { type SteinerSolution, solveSteiner } from './solve.ts';
import { SolverError, type SolverThread, sharedSolverThread } from './solver-thread.ts';
import type { SteinerProblem } from './tree.ts';

// The rescue planner's entry points for the API and the CLI. Each runs in the solver worker with
// a hard deadline; if the worker has to be stopped, a quick answer is computed here instead and
// says so. Input errors come back as RescueInputError, whose message names what is wrong.

export { clearingOrder, computeRescuePlan } from './plan.ts';
export type * from './plan-types.ts';
export { RescueInputError } from './site-graph.ts';
export type { SteinerSolution } from './solve.ts';

/** Extra time after the soft deadline before the worker is stopped. */
const graceMs = (budgetMs: number): number => Math.max(1000, 0.2 * budgetMs);

function rethrow(error: unknown): never {
  if (error instanceof SolverError && error.name === 'RescueInputError')
    throw new RescueInputError(error.message);
  throw error;
}

async function planInWorker(
  input: RescueInput,
  progress: RescueProgress | undefined,
  options: PlanOptions & { thread?: SolverThread },
  defaultSeconds: number,
): Promise<RescuePlan> {
  const seconds = options.timeLimitSeconds ?? defaultSeconds;
  const deadline = Date.now() + seconds * 1000;
  const thread = options.thread ?? sharedSolverThread();
  try {
    const outcome = await thread.run<RescuePlan>(
      { kind: 'plan', input, progress, deadlineEpochMs: deadline },
      deadline + graceMs(seconds * 1000),
    );
    if (outcome.kind === 'done') return outcome.value;
  } catch (error) {
    rethrow(error);
  }
  const plan = computeRescuePlan(input, progress, { timeLimitSeconds: 0.2, seed: options.seed });
  plan.warnings.push('the planner ran out of time: this is a quick plan, to be improved by planning again');
  return plan;
}

/** Plans the rescue: which passages to clear, by which crew and when; default budget 5 s. */
export function planRescue(
  input: RescueInput,
  options: PlanOptions & { thread?: SolverThread } = {},
): Promise<RescuePlan> {
  return planInWorker(input, undefined, options, 5);
}

/** Re-plans after progress, keeping crews on their tasks; default budget 0.8 s. */
export function replanRescue(
  input: RescueInput,
  progress: RescueProgress,
  options: PlanOptions & { thread?: SolverThread } = {},
): Promise<RescuePlan> {
  return planInWorker(input, progress, options, 0.8);
}

export interface SteinerRunOptions {
  timeLimitSeconds: number;
  /** Use the MILP with HiGHS on small instances (default true). */
  milp?: boolean;
  thread?: SolverThread;
}

/**
 * Solves a Steiner tree problem in the solver worker within the time limit. If the worker has to
 * be stopped, the best tree it reported is returned; if it reported none, a quick one is made here.
 */
export async function solveSteinerWithDeadline(
  problem: SteinerProblem,
  options: SteinerRunOptions,
): Promise<SteinerSolution & { timedOut: boolean }> {
  const { graph, terminals } = problem;
  const budgetMs = options.timeLimitSeconds * 1000;
  const deadline = Date.now() + budgetMs;
  const thread = options.thread ?? sharedSolverThread();
  const outcome = await thread.run<SteinerSolution>(
    {
      kind: 'steiner',
      nodeCount: graph.nodeCount,
      tail: graph.tail,
      head: graph.head,
      weight: graph.weight,
      terminals,
      deadlineEpochMs: deadline,
      options: { milp: options.milp ?? true },
    },
    deadline + Math.min(graceMs(budgetMs), 0.5 * budgetMs + 500),
  );
  if (outcome.kind === 'done') return { ...outcome.value, timedOut: false };
  if (outcome.progress) return { ...outcome.progress, timedOut: true };
  return { ...solveSteiner(problem, { timeLimitSeconds: 0.05 }), timedOut: true };
}
