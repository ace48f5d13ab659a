import type { LinearModel } from './model.ts';

export type SolveStatus =
  | 'optimal'
  | 'infeasible'
  | 'unbounded'
  | 'time_limit'
  /** The worker overran its hard deadline and was terminated. */
  | 'deadline'
  | 'error'
  | 'other';

export interface SolveRequest {
  model: LinearModel;
  timeLimitSeconds: number;
  /** A known feasible point for a MIP (a heuristic plan), which HiGHS uses as its first incumbent. */
  start?: Float64Array;
  /** Stop a MIP once its relative gap is at most this (HiGHS default 1e-4). */
  relativeGap?: number;
  /**
   * Further objectives, optimised in turn (lexicographically): before each, the previous objective
   * is held at its optimum within absoluteTolerance + relativeTolerance·|optimum|. The time limit
   * covers all of them.
   */
  stages?: Array<{
    sense: 'minimize' | 'maximize';
    colCost: Float64Array;
    absoluteTolerance: number;
    relativeTolerance: number;
  }>;
}

export interface SolveResult {
  status: SolveStatus;
  /** The best primal point known (the final solution, or the last incumbent before a deadline). */
  values: Float64Array | null;
  objective: number | null;
  /** HiGHS's own dual bound (MIP) or LP optimum; callers certify bounds themselves. */
  solverBound: number | null;
  /** Row duals of an LP solve, for a dual certificate the caller checks. */
  rowDual: Float64Array | null;
  /** Status and objective of each objective in turn (the model's own first), as far as solved. */
  stages: Array<{ status: SolveStatus; objective: number | null }>;
  seconds: number;
  message?: string;
}

/** What the worker posts back: incumbents as they improve, then one final answer. */
export type WorkerMessage =
  | { kind: 'incumbent'; values: Float64Array; objective: number }
  | { kind: 'done'; result: Omit<SolveResult, 'seconds'> };
