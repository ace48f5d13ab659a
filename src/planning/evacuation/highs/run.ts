// Solves a LinearModel with HiGHS in a worker thread under a hard deadline. HiGHS does not always
// honour its own time limit in MIP, so the thread is terminated when the deadline passes and the
// last incumbent it reported is returned instead.
import { Worker } from 'node:worker_threads';
import type { SolveRequest, SolveResult, WorkerMessage } from './messages.ts';

// The worker is TypeScript like the rest of the code; a worker thread does not inherit the main
// thread's loader, so this bootstrap registers tsx inside the thread before importing it.
const bootstrap = `const { workerData } = require('node:worker_threads');
import(workerData.loader).then((m) => m.register()).then(() => import(workerData.entry));`;

export interface RunOptions {
  /** Extra seconds beyond the time limit before the worker is terminated (default 1 + 10 %). */
  graceSeconds?: number;
  /** Seconds after which the worker is terminated, whatever HiGHS's own limit (overrides the grace). */
  deadlineSeconds?: number;
  /** Terminates the worker early (status 'deadline') when the caller no longer needs the answer. */
  signal?: AbortSignal;
}

/** Seconds after which the worker is terminated: HiGHS's own limit plus the grace. */
export const deadlineOf = (request: SolveRequest, options: RunOptions): number =>
  options.deadlineSeconds ??
  request.timeLimitSeconds + (options.graceSeconds ?? 1 + request.timeLimitSeconds * 0.1);

export function solveWithHighs(request: SolveRequest, options: RunOptions = {}): Promise<SolveResult> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  return new Promise((resolve) => {
    let incumbent: { values: Float64Array; objective: number } | null = null;
    let settled = false;
    const worker = new Worker(bootstrap, {
      eval: true,
      workerData: {
        loader: import.meta.resolve('tsx/esm/api'),
        entry: new URL('./worker.ts', import.meta.url).href,
        request,
      },
    });
    const finish = (result: SolveResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const stop = () =>
      finish({
        status: 'deadline',
        values: incumbent?.values ?? null,
        objective: incumbent?.objective ?? null,
        solverBound: null,
        rowDual: null,
        stages: [],
        seconds: seconds(),
      });
    const timer = setTimeout(stop, deadlineOf(request, options) * 1000);
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener('abort', stop, { once: true });
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'incumbent') incumbent = message;
      else finish({ ...message.result, seconds: seconds() });
    });
    worker.on('error', (error) =>
      finish({
        status: 'error',
        values: incumbent?.values ?? null,
        objective: incumbent?.objective ?? null,
        solverBound: null,
        rowDual: null,
        stages: [],
        seconds: seconds(),
        message: error.message,
      }),
    );
    worker.on('exit', () =>
      finish({
        status: 'error',
        values: incumbent?.values ?? null,
        objective: incumbent?.objective ?? null,
        solverBound: null,
        rowDual: null,
        stages: [],
        seconds: seconds(),
        message: 'the solver thread ended without an answer',
      }),
    );
  });
}
