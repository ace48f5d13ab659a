import type { Highs } from 'highs';
import { cleanTree, type SteinerProblem, type SteinerTree, terminalMask } from './tree.ts';

// The exact MILP of the Steiner tree problem as a directed multicommodity flow (Wong 1984): the
// edges become two arcs each, one unit of flow goes from the root to each other terminal, and an
// arc carries flow only if it is bought (f ≤ y). Its LP relaxation equals the directed cut bound,
// one of the strongest known, so HiGHS closes small instances at the root node; its dual bound is
// a valid lower bound when the time limit stops it first. Columns: 2m arc variables and 2m flow
// variables per non-root terminal, so it is only built for small graphs.

export interface MilpResult {
  tree: SteinerTree | undefined;
  lowerBound: number;
  optimal: boolean;
  status: string;
}

export interface MilpOptions {
  timeLimitSeconds: number;
  /** A known tree, given to HiGHS as a starting solution. */
  incumbent?: SteinerTree;
  /** Solve only the LP relaxation (for a lower bound). */
  relaxation?: boolean;
}

export function milpColumns(problem: SteinerProblem): number {
  return 2 * problem.graph.edgeCount * Math.max(1, problem.terminals.length);
}

export function solveSteinerMilp(highs: Highs, problem: SteinerProblem, options: MilpOptions): MilpResult {
  const { graph, terminals } = problem;
  const k = terminals.length;
  if (k <= 1) return { tree: { edges: [], cost: 0 }, lowerBound: 0, optimal: true, status: 'trivial' };
  const n = graph.nodeCount;
  const m = graph.edgeCount;
  const arcs = 2 * m;
  const root = terminals[0]!;
  const sinks = Array.from(terminals.slice(1));
  const from = (a: number): number => (a % 2 === 0 ? graph.tail[a >> 1]! : graph.head[a >> 1]!);
  const to = (a: number): number => (a % 2 === 0 ? graph.head[a >> 1]! : graph.tail[a >> 1]!);
  const flowCol = (j: number, a: number): number => arcs + j * arcs + a;
  const numCols = arcs * (1 + sinks.length);
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  for (let a = 0; a < arcs; a++) {
    colCost[a] = graph.weight[a >> 1]!;
    if (to(a) === root) colUpper[a] = 0;
  }
  const into: number[][] = Array.from({ length: n }, () => []);
  const outOf: number[][] = Array.from({ length: n }, () => []);
  for (let a = 0; a < arcs; a++) {
    into[to(a)]!.push(a);
    outOf[from(a)]!.push(a);
  }
  const isTerminal = terminalMask(problem);
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const row = (entries: Array<[number, number]>, lower: number, upper: number): void => {
    for (const [c, v] of entries) {
      indices.push(c);
      values.push(v);
    }
    starts.push(indices.length);
    rowLower.push(lower);
    rowUpper.push(upper);
  };
  const inf = highs.infinity;
  sinks.forEach((t, j) => {
    for (let v = 0; v < n; v++) {
      const entries: Array<[number, number]> = [];
      for (const a of into[v]!) entries.push([flowCol(j, a), 1]);
      for (const a of outOf[v]!) entries.push([flowCol(j, a), -1]);
      const b = v === t ? 1 : v === root ? -1 : 0;
      if (entries.length > 0) row(entries, b, b);
    }
    for (let a = 0; a < arcs; a++)
      row(
        [
          [flowCol(j, a), 1],
          [a, -1],
        ],
        -inf,
        0,
      );
  });
  for (let v = 0; v < n; v++) {
    if (v === root || into[v]!.length === 0) continue;
    const entries = into[v]!.map((a): [number, number] => [a, 1]);
    row(entries, isTerminal[v] === 1 ? 1 : 0, 1);
    // A node that is left along an arc must have been entered.
    for (const a of outOf[v]!) row([[a, 1], ...into[v]!.map((b): [number, number] => [b, -1])], -inf, 0);
  }
  for (let e = 0; e < m; e++)
    row(
      [
        [2 * e, 1],
        [2 * e + 1, 1],
      ],
      -inf,
      1,
    );
  const integrality = options.relaxation ? undefined : new Int32Array(numCols);
  if (integrality) for (let a = 0; a < arcs; a++) integrality[a] = 1;
  const model = highs.createModel({
    numCols,
    numRows: rowLower.length,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows: rowLower.length, numCols, starts, indices, values },
    ...(integrality ? { integrality } : {}),
  });
  try {
    model.options.set({
      output_flag: false,
      time_limit: Math.max(0.05, options.timeLimitSeconds),
      mip_rel_gap: 0,
    });
    if (integrality && options.incumbent) {
      const start = startingSolution(problem, options.incumbent, numCols, arcs, sinks, flowCol);
      if (start) model.setSolution({ colValue: start });
    }
    model.run();
    const status = model.getModelStatus();
    const codes = highs.constants.modelStatus;
    const statusName = Object.entries(codes).find(([, code]) => code === status)?.[0] ?? String(status);
    if (options.relaxation) {
      const optimal = status === codes.optimal;
      return {
        tree: undefined,
        lowerBound: optimal ? model.getObjectiveValue() : 0,
        optimal: false,
        status: statusName,
      };
    }
    const dualBound = Number(model.info.get('mip_dual_bound'));
    const primalStatus = Number(model.info.get('primal_solution_status'));
    let tree: SteinerTree | undefined;
    if (primalStatus === 2) {
      const x = model.getSolution().colValue;
      const edges: number[] = [];
      for (let e = 0; e < m; e++) if (x[2 * e]! + x[2 * e + 1]! > 0.5) edges.push(e);
      tree = cleanTree(graph, edges, isTerminal);
    }
    const optimal = status === codes.optimal && tree !== undefined;
    const lowerBound = optimal ? tree!.cost : Number.isFinite(dualBound) ? Math.max(0, dualBound) : 0;
    return { tree, lowerBound, optimal, status: statusName };
  } finally {
    model.dispose();
  }
}

/** Arc and flow values of a tree rooted at the MILP's root, or undefined if it is not a tree. */
function startingSolution(
  problem: SteinerProblem,
  tree: SteinerTree,
  numCols: number,
  arcs: number,
  sinks: number[],
  flowCol: (j: number, a: number) => number,
): Float64Array | undefined {
  const { graph } = problem;
  const root = problem.terminals[0]!;
  const adjacent = new Map<number, number[]>();
  for (const e of tree.edges)
    for (const v of [graph.tail[e]!, graph.head[e]!]) adjacent.set(v, [...(adjacent.get(v) ?? []), e]);
  const parentArc = new Map<number, number>();
  const stack = [root];
  const seen = new Set([root]);
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (const e of adjacent.get(v) ?? []) {
      const u = graph.tail[e] === v ? graph.head[e]! : graph.tail[e]!;
      if (seen.has(u)) continue;
      seen.add(u);
      parentArc.set(u, graph.tail[e] === v ? 2 * e : 2 * e + 1);
      stack.push(u);
    }
  }
  const x = new Float64Array(numCols);
  for (const a of parentArc.values()) x[a] = 1;
  for (let j = 0; j < sinks.length; j++) {
    let v = sinks[j]!;
    if (!seen.has(v)) return undefined;
    while (v !== root) {
      const a = parentArc.get(v)!;
      x[flowCol(j, a)] = 1;
      v = a % 2 === 0 ? graph.tail[a >> 1]! : graph.head[a >> 1]!;
    }
  }
  return arcs > 0 ? x : undefined;
}
