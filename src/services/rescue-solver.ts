// Runs the rescue planner for the services, always in the solver worker: the server's own thread
// never plans, so registrations and check-ins go on while a plan is made. The worker is warmed
// first, so that starting it (loading TypeScript in a fresh thread takes a second or two) does not
// eat into a re-plan's budget.
//
// The planner keeps to its soft budget except for the phases that cannot stop (reading the site,
// walking times, the first schedules), which on a busy machine and a large site can run past it
// (measured at load 12: re-plans of 0.8–1.4 s for 514 passages to clear on a 10,000-passage site,
// budget 0.8 s). Rather than stop it and plan again in this thread, as planRescue and replanRescue
// do, the worker is given time to finish; past that it is stopped and the request is refused,
// changing nothing.
import { CorridorError } from '../domain/errors.ts';
import type { RescueInput, RescuePlan, RescueProgress } from '../planning/rescue/index.ts';
import { SolverError, sharedSolverThread } from '../planning/rescue/solver-thread.ts';

/** How long past its budget the planner may run before the worker is stopped. */
const graceMs = (budgetMs: number): number => Math.max(60_000, 2 * budgetMs);

const tinySite: RescueInput = {
  points: [{ id: 'warm-up-exit', kind: 'exit' }],
  passages: [],
  shelters: [],
  crews: [],
};

async function inWorker(input: RescueInput, progress: RescueProgress, timeLimitSeconds: number) {
  const budgetMs = timeLimitSeconds * 1000;
  const deadline = Date.now() + budgetMs;
  return sharedSolverThread().run<RescuePlan>(
    { kind: 'plan', input, progress, deadlineEpochMs: deadline },
    deadline + graceMs(budgetMs),
  );
}

let warming: Promise<void> | undefined;

/** Starts the shared solver worker with a trivial plan, once per process; callers may await it. */
export function warmRescueSolver(): Promise<void> {
  warming ??= inWorker(tinySite, { now: 0 }, 1).then(
    () => undefined,
    () => {
      warming = undefined;
    },
  );
  return warming;
}

/** Plans (or re-plans: `progress` says what crews are doing) within the time limit. */
export async function runRescuePlanner(
  input: RescueInput,
  progress: RescueProgress,
  timeLimitSeconds: number,
): Promise<RescuePlan> {
  await warmRescueSolver();
  let outcome: Awaited<ReturnType<typeof inWorker>>;
  try {
    outcome = await inWorker(input, progress, timeLimitSeconds);
  } catch (error) {
    if (error instanceof SolverError && error.name === 'RescueInputError')
      throw new CorridorError('conflict', `the site cannot be planned as it stands: ${error.message}`);
    throw error;
  }
  if (outcome.kind === 'done') return outcome.value;
  throw new CorridorError(
    'conflict',
    `the rescue planner did not finish within ${Math.round((timeLimitSeconds * 1000 + graceMs(timeLimitSeconds * 1000)) / 1000)} s on this site; nothing was planned`,
  );
}
