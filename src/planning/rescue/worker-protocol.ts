import type { SteinerOptions, SteinerSolution } from './solve.ts';

// Messages between the main thread and a solver worker. Everything is plain data (structured
// clone), so a request can be logged or replayed.

export interface SteinerRequest {
  kind: 'steiner';
  nodeCount: number;
  tail: Int32Array;
  head: Int32Array;
  weight: Float64Array;
  terminals: Int32Array;
  /** Date.now() by which the answer should be back; the worker keeps a margin before it. */
  deadlineEpochMs: number;
  options: Pick<SteinerOptions, 'exactTerminalLimit' | 'milpColumnLimit'> & { milp: boolean };
}

export interface PlanRequest {
  kind: 'plan';
  /** Arguments of computeRescuePlan, as plain data. */
  input: unknown;
  progress: unknown;
  deadlineEpochMs: number;
}

export type SolverRequest = SteinerRequest | PlanRequest;

export type SolverMessage =
  | { id: number; kind: 'progress'; value: SteinerSolution }
  | { id: number; kind: 'result'; value: unknown }
  | { id: number; kind: 'error'; name: string; message: string };
