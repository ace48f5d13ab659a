import type { Highs } from 'highs';
import { dualAscent } from './dual-ascent.ts';
import { exactDpCellLimit, exactDpWork, exactSteinerDp } from './exact-dp.ts';
import type { Graph } from './graph.ts';
import { bestOfShortestPaths, mehlhorn, shortestPathHeuristic, spreadRoots } from './heuristics.ts';
import { improveTree, type LocalSearchMoves, type Neighbourhood } from './local-search.ts';
import { milpColumns, solveSteinerMilp } from './milp.ts';
import { ShortestPathSearch } from './paths.ts';
import { DisconnectedTerminalsError, expandTree, type Reduction, reduce } from './reduce.ts';
import { checkSteinerTree, type SteinerProblem, type SteinerTree, terminalMask } from './tree.ts';

// The Steiner tree pipeline: reduce, build with two heuristics, improve by local search, bound
// from below by dual ascent, and — when the problem is small enough for the time left — solve it
// exactly, by dynamic programming over terminal subsets or by the MILP with HiGHS. Every answer
// says how it was found, its lower bound, and whether it is proven optimal; the tree is checked
// on the original graph before it is returned.

export interface SteinerOptions {
  /** Soft time budget in seconds; each phase checks it. */
  timeLimitSeconds: number;
  /** HiGHS, for the MILP on small graphs (left out: no MILP). */
  highs?: Highs;
  /** Most terminals for the exact dynamic programme (default 14; it also needs the time). */
  exactTerminalLimit?: number;
  /** Most MILP columns (default 60,000). */
  milpColumnLimit?: number;
  /** Operations per second assumed when deciding whether the exact programme fits the budget. */
  operationsPerSecond?: number;
  /** The local search's neighbourhoods (default all; the benchmark compares without one). */
  neighbourhoods?: Partial<Record<Neighbourhood, boolean>>;
  /** Called with each better tree (original edge ids), for a caller that may stop early. */
  onProgress?: (solution: SteinerSolution) => void;
}

export interface SteinerSolution {
  /** Edge ids of the original problem. */
  edges: number[];
  cost: number;
  lowerBound: number;
  optimal: boolean;
  /** What found the tree: reduction, mehlhorn, shortest-path, local-search, exact-dp or milp. */
  method: string;
  /** What gave the bound: exact-dp, milp, dual-ascent, or none. */
  boundMethod: string;
  stats: {
    reducedNodes: number;
    reducedEdges: number;
    reducedTerminals: number;
    reductions: Reduction['counts'];
    localSearchMoves: LocalSearchMoves;
  };
}

const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));

function allIntegral(graph: Graph): boolean {
  for (let e = 0; e < graph.edgeCount; e++) if (!Number.isInteger(graph.weight[e]!)) return false;
  return true;
}

/** Throws DisconnectedTerminalsError when some terminal cannot reach the first one. */
export function assertTerminalsConnected(problem: SteinerProblem): void {
  const { graph, terminals } = problem;
  if (terminals.length <= 1) return;
  const seen = new Uint8Array(graph.nodeCount);
  const stack = [terminals[0]!];
  seen[terminals[0]!] = 1;
  while (stack.length > 0) {
    const v = stack.pop()!;
    for (let i = graph.adjStart[v]!; i < graph.adjStart[v + 1]!; i++) {
      const u = graph.adjNode[i]!;
      if (seen[u] === 0) {
        seen[u] = 1;
        stack.push(u);
      }
    }
  }
  const missing = Array.from(terminals).filter((t) => seen[t] === 0);
  if (missing.length > 0)
    throw new DisconnectedTerminalsError(
      `${missing.length} terminal(s) cannot be reached from terminal ${terminals[0]} (for example node ${missing[0]})`,
    );
}

export function solveSteiner(problem: SteinerProblem, options: SteinerOptions): SteinerSolution {
  const started = performance.now();
  const budgetMs = Math.max(1, options.timeLimitSeconds * 1000);
  const deadline = started + budgetMs;
  const share = (fraction: number): number => Math.min(deadline, performance.now() + fraction * budgetMs);
  assertTerminalsConnected(problem);
  const integral = allIntegral(problem.graph);
  const reduction = reduce(problem);
  const rp = reduction.problem;
  const stats: SteinerSolution['stats'] = {
    reducedNodes: rp.graph.nodeCount,
    reducedEdges: rp.graph.edgeCount,
    reducedTerminals: rp.terminals.length,
    reductions: reduction.counts,
    localSearchMoves: { keyPath: 0, keyVertex: 0, vertexInsertion: 0 },
  };
  let best: SteinerTree = { edges: [], cost: 0 };
  let method = 'reduction';
  let lowerBound = 0;
  let boundMethod = 'reduction';
  let optimal = rp.terminals.length <= 1;

  const finish = (): SteinerSolution => {
    const edges = expandTree(reduction, best.edges);
    const check = checkSteinerTree(problem, edges);
    if (!check.ok) throw new Error(`internal error: the ${method} tree is not valid: ${check.problem}`);
    let bound = reduction.fixedCost + lowerBound;
    if (integral) bound = Math.ceil(bound - 1e-6);
    bound = Math.min(bound, check.cost);
    const proven = optimal || relative(bound, check.cost) < 1e-9;
    return {
      edges,
      cost: check.cost,
      lowerBound: proven ? check.cost : bound,
      optimal: proven,
      method,
      boundMethod: proven && boundMethod === 'reduction' ? 'reduction' : boundMethod,
      stats,
    };
  };
  const report = (): void => options.onProgress?.(finish());

  if (optimal) return finish();

  const search = new ShortestPathSearch(rp.graph);
  best = mehlhorn(rp, search);
  method = 'mehlhorn';
  report();
  const sph = bestOfShortestPaths(rp, spreadRoots(rp.terminals, 12), share(0.1), search);
  if (sph && sph.cost < best.cost - 1e-9) {
    best = sph;
    method = 'shortest-path';
  }
  const k = rp.terminals.length;
  const work = exactDpWork(rp.graph, k);
  const rate = options.operationsPerSecond ?? 1.2e8;
  const remaining = (deadline - performance.now()) / 1000;
  // The estimate ignores pruning, which usually saves a good part; if the programme still runs out
  // of its share, a fifth of the budget is left for local search and the bound.
  if (
    k <= (options.exactTerminalLimit ?? 14) &&
    work.cells <= exactDpCellLimit &&
    work.operations / rate < remaining * 0.9
  ) {
    const exact = exactSteinerDp(rp, { deadline: share(0.8), upperBound: best.cost });
    if (exact) {
      best = exact;
      method = 'exact-dp';
      lowerBound = exact.cost;
      boundMethod = 'exact-dp';
      optimal = true;
      return finish();
    }
  }

  const neighbourhoods = options.neighbourhoods;
  const improved = improveTree(rp, best, { deadline: share(0.3), neighbourhoods }, search);
  stats.localSearchMoves = improved.moves;
  if (improved.cost < best.cost - 1e-9) {
    best = improved;
    method = 'local-search';
  }
  report();

  const dual = dualAscent(rp, rp.terminals[0]!, share(0.35));
  lowerBound = dual.lowerBound;
  boundMethod = 'dual-ascent';
  const proven = (): boolean =>
    relative(reduction.fixedCost + lowerBound, reduction.fixedCost + best.cost) < 1e-9 ||
    (integral &&
      Math.ceil(reduction.fixedCost + lowerBound - 1e-6) >= reduction.fixedCost + best.cost - 1e-9);
  if (proven()) {
    optimal = true;
    return finish();
  }

  // Multi-start local search: shortest-path trees from other roots, each improved, while this
  // phase's share of the budget lasts.
  const phaseEnd = share(0.25);
  const isTerminal = terminalMask(rp);
  for (const root of spreadRoots(rp.terminals, 24).slice(1)) {
    if (performance.now() > phaseEnd) break;
    const start = shortestPathHeuristic(rp, root, search, isTerminal);
    const candidate = improveTree(rp, start, { deadline: phaseEnd, neighbourhoods }, search);
    for (const name of Object.keys(candidate.moves) as Neighbourhood[])
      stats.localSearchMoves[name] += candidate.moves[name];
    if (candidate.cost < best.cost - 1e-9) {
      best = candidate;
      method = 'local-search';
      report();
      if (proven()) {
        optimal = true;
        return finish();
      }
    }
  }

  if (options.highs && milpColumns(rp) <= (options.milpColumnLimit ?? 60_000)) {
    const seconds = (deadline - performance.now()) / 1000;
    if (seconds > 0.05) {
      const milp = solveSteinerMilp(options.highs, rp, { timeLimitSeconds: seconds, incumbent: best });
      if (milp.tree && milp.tree.cost < best.cost - 1e-9) {
        best = milp.tree;
        method = 'milp';
      }
      if (milp.lowerBound > lowerBound) {
        lowerBound = milp.lowerBound;
        boundMethod = 'milp';
      }
      if (milp.optimal) {
        optimal = true;
        lowerBound = best.cost;
      }
    }
  }
  return finish();
}
