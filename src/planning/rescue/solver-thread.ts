import { Worker } from 'node:worker_threads';
import type { SteinerSolution } from './solve.ts';
import type { SolverMessage, SolverRequest } from './worker-protocol.ts';

// Runs solver requests in a worker thread with a hard deadline: when the deadline passes the
// worker is terminated — whatever it was doing, HiGHS included — and the caller gets the last
// progress it posted. The worker is started on first use, reused while it behaves, and does not
// keep the process alive.

export type SolverOutcome<T> =
  | { kind: 'done'; value: T }
  | { kind: 'timeout'; progress: SteinerSolution | undefined };

export class SolverError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

/** The worker's source is TypeScript: the bootstrap registers tsx in the worker, then loads it. */
function startWorker(): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  const entry = new URL('./solver-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(loader)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}

export class SolverThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private queue: Promise<unknown> = Promise.resolve();

  /** Runs one request; requests wait for each other (a worker solves one thing at a time). */
  run<T>(request: SolverRequest, hardDeadlineEpochMs: number): Promise<SolverOutcome<T>> {
    const result = this.queue.then(() => this.runNow<T>(request, hardDeadlineEpochMs));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private runNow<T>(request: SolverRequest, hardDeadlineEpochMs: number): Promise<SolverOutcome<T>> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<SolverOutcome<T>>((resolve, reject) => {
      let progress: SteinerSolution | undefined;
      const finish = (): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
      };
      const onMessage = (message: SolverMessage): void => {
        if (message.id !== id) return;
        if (message.kind === 'progress') {
          progress = message.value;
          return;
        }
        finish();
        if (message.kind === 'result') resolve({ kind: 'done', value: message.value as T });
        else reject(new SolverError(message.name, message.message));
      };
      const onError = (error: Error): void => {
        finish();
        this.worker = undefined;
        reject(error);
      };
      const onExit = (code: number): void => {
        finish();
        this.worker = undefined;
        reject(new Error(`the solver worker stopped unexpectedly (exit code ${code})`));
      };
      const timer = setTimeout(
        () => {
          finish();
          this.worker = undefined;
          void worker.terminate();
          resolve({ kind: 'timeout', progress });
        },
        Math.max(0, hardDeadlineEpochMs - Date.now()),
      );
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      // While a request runs the worker keeps the process alive; between requests it does not.
      worker.ref();
      worker.postMessage({ id, request });
    });
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = startWorker();
      this.worker.unref();
    }
    return this.worker;
  }

  /** Stops the worker (a later request starts a new one). */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}

let shared: SolverThread | undefined;

/** One solver thread for the process, started on first use. */
export function sharedSolverThread(): SolverThread {
  shared ??= new SolverThread();
  return shared;
}
