// Runs the evacuation planner in a worker thread, so that a server keeps answering while it plans
// (construction and local search are synchronous), under a hard deadline. Runs wait for each other:
// on a small machine two planners at once would each get half the time they were promised.
import { Worker } from 'node:worker_threads';
import { CorridorError, type ErrorCode, errorStatus } from '../../domain/errors.ts';
import type { PlannerAnswer, PlannerRequest } from './thread-protocol.ts';

// The worker is TypeScript like the rest of the code; a worker thread does not inherit the main
// thread's loader, so this bootstrap registers tsx inside the thread before importing it.
const bootstrap = `const { workerData } = require('node:worker_threads');
import(workerData.loader).then((m) => m.register()).then(() => import(workerData.entry));`;

let queue: Promise<unknown> = Promise.resolve();

/** Seconds the thread may run beyond the planner's own time limit before it is stopped. */
export const graceSeconds = (limit: number) => 5 + limit * 0.5;

function runNow(request: PlannerRequest): Promise<Extract<PlannerAnswer, { ok: true }>> {
  const limit = request.options.timeLimitSeconds ?? 60;
  return new Promise((resolve, reject) => {
    let settled = false;
    const worker = new Worker(bootstrap, {
      eval: true,
      workerData: {
        loader: import.meta.resolve('tsx/esm/api'),
        entry: new URL('./thread-worker.ts', import.meta.url).href,
        request,
      },
    });
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new CorridorError(
              'internal_error',
              `the planner did not finish within ${Math.round(limit + graceSeconds(limit))} s and was stopped`,
            ),
          ),
        ),
      (limit + graceSeconds(limit)) * 1000,
    );
    worker.on('message', (answer: PlannerAnswer) =>
      finish(() => {
        if (answer.ok) resolve(answer);
        else {
          const code = (answer.error.code in errorStatus ? answer.error.code : 'internal_error') as ErrorCode;
          reject(new CorridorError(code, answer.error.message, answer.error.details));
        }
      }),
    );
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', () =>
      finish(() => reject(new CorridorError('internal_error', 'the planner thread ended without an answer'))),
    );
  });
}

export function runPlanner(request: PlannerRequest): Promise<Extract<PlannerAnswer, { ok: true }>> {
  const result = queue.then(() => runNow(request));
  queue = result.catch(() => undefined);
  return result;
}
