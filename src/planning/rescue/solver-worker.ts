import { parentPort } from 'node:worker_threads';
import type { Highs } from 'highs';
import { buildGraph } from './graph.ts';
import { loadHighsSolver } from './highs.ts';
import { computeRescuePlan } from './plan.ts';
import type { RescueInput, RescueProgress } from './plan-types.ts';
import { solveSteiner } from './solve.ts';
import type { SolverMessage, SolverRequest } from './worker-protocol.ts';

// The solver worker: runs one request at a time and posts its answer. HiGHS is loaded once, on
// first use, and kept for the life of the worker — instantiating the WebAssembly solver again
// and again exhausts memory. The main thread terminates the worker at the hard deadline.

const port = parentPort;
if (!port) throw new Error('solver-worker.ts runs only as a worker thread');

let highs: Promise<Highs> | undefined;
const solverInstance = (): Promise<Highs> => {
  highs ??= loadHighsSolver();
  return highs;
};

/** Seconds left before the deadline, less a margin for posting the answer back. */
const secondsUntil = (deadlineEpochMs: number): number =>
  Math.max(0.02, (deadlineEpochMs - Date.now()) / 1000 - 0.1);

const post = (message: SolverMessage): void => port.postMessage(message);

port.on('message', async (message: { id: number; request: SolverRequest }) => {
  const { id, request } = message;
  try {
    if (request.kind === 'steiner') {
      const graph = buildGraph(request.nodeCount, request.tail, request.head, request.weight);
      const solution = solveSteiner(
        { graph, terminals: request.terminals },
        {
          timeLimitSeconds: secondsUntil(request.deadlineEpochMs),
          exactTerminalLimit: request.options.exactTerminalLimit,
          milpColumnLimit: request.options.milpColumnLimit,
          highs: request.options.milp ? await solverInstance() : undefined,
          onProgress: (value) => post({ id, kind: 'progress', value }),
        },
      );
      post({ id, kind: 'result', value: solution });
    } else {
      const plan = computeRescuePlan(
        request.input as RescueInput,
        request.progress as RescueProgress | undefined,
        {
          timeLimitSeconds: secondsUntil(request.deadlineEpochMs),
        },
      );
      post({ id, kind: 'result', value: plan });
    }
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    post({ id, kind: 'error', name: e.name, message: e.message });
  }
});
