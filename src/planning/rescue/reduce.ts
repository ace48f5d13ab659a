import { buildGraph } from './graph.ts';
import { ShortestPathSearch } from './paths.ts';
import type { SteinerProblem } from './tree.ts';

// Reduction tests shrink a Steiner problem without changing its optimum, so that the heuristics
// and exact methods work on a smaller graph. Each reduced edge remembers the path of original
// edges it stands for, and edges that every solution must contain are set aside as fixed.
//
// - A non-terminal of degree 1 is never needed: delete it.
// - A non-terminal of degree 2 is either passed through or unused: replace it and its two edges by
//   one edge of their summed weight.
// - A terminal of degree 1 (while other terminals exist) must use its edge: fix the edge and let
//   the neighbour stand for the terminal.
// - Of parallel edges only the lightest can be in an optimal tree.
// - Least-cost test: an edge (u, v, w) with another u–v path no longer than w can be replaced by
//   that path in any tree, so it can be deleted. The search is bounded, which keeps the test cheap.

export class DisconnectedTerminalsError extends Error {
  constructor(message = 'the terminals are not all connected: no tree can span them') {
    super(message);
    this.name = 'DisconnectedTerminalsError';
  }
}

export interface Reduction {
  problem: SteinerProblem;
  /** The original edges that reduced edge i stands for. */
  edgePaths: number[][];
  /** The original node that reduced node i is. */
  nodeOf: Int32Array;
  /** Original edges in every tree this reduction leads to, and their total weight. */
  fixedEdges: number[];
  fixedCost: number;
  /** How many nodes and edges each test removed. */
  counts: { degree: number; parallel: number; leastCost: number; terminalContraction: number };
}

export interface ReduceOptions {
  /** Rounds of the least-cost test (0 turns it off). */
  leastCostRounds?: number;
  /** How many nodes one least-cost search may settle. */
  leastCostSettleLimit?: number;
}

class WorkingGraph {
  readonly tail: number[] = [];
  readonly head: number[] = [];
  readonly weight: number[] = [];
  /** A merged edge is the concatenation of two earlier edges (a rope, so merging chains is linear). */
  readonly left: number[] = [];
  readonly right: number[] = [];
  readonly alive: boolean[] = [];
  /** Incident edges per node, unordered; slotAtTail/slotAtHead say where each edge sits. */
  readonly incident: number[][];
  private readonly slotAtTail: number[] = [];
  private readonly slotAtHead: number[] = [];
  readonly terminal: Uint8Array;
  terminalCount = 0;

  constructor(problem: SteinerProblem) {
    const { graph } = problem;
    this.incident = Array.from({ length: graph.nodeCount }, () => []);
    this.terminal = new Uint8Array(graph.nodeCount);
    for (const t of problem.terminals) {
      if (this.terminal[t] === 0) this.terminalCount++;
      this.terminal[t] = 1;
    }
    for (let e = 0; e < graph.edgeCount; e++)
      this.add(graph.tail[e]!, graph.head[e]!, graph.weight[e]!, -1, -1);
  }

  other(e: number, v: number): number {
    return this.tail[e] === v ? this.head[e]! : this.tail[e]!;
  }

  add(u: number, v: number, w: number, left: number, right: number): number {
    const e = this.tail.length;
    this.tail.push(u);
    this.head.push(v);
    this.weight.push(w);
    this.left.push(left);
    this.right.push(right);
    this.alive.push(true);
    this.slotAtTail.push(this.incident[u]!.length);
    this.incident[u]!.push(e);
    this.slotAtHead.push(this.incident[v]!.length);
    this.incident[v]!.push(e);
    return e;
  }

  private detach(e: number, v: number, slot: number): void {
    const list = this.incident[v]!;
    const last = list.pop()!;
    if (last === e) return;
    list[slot] = last;
    if (this.tail[last] === v) this.slotAtTail[last] = slot;
    else this.slotAtHead[last] = slot;
  }

  remove(e: number): void {
    this.alive[e] = false;
    this.detach(e, this.tail[e]!, this.slotAtTail[e]!);
    this.detach(e, this.head[e]!, this.slotAtHead[e]!);
  }

  /** The original edges that working edge e stands for. Original edges keep their ids. */
  originals(e: number, out: number[]): void {
    const stack = [e];
    while (stack.length > 0) {
      const f = stack.pop()!;
      if (this.left[f]! < 0) out.push(f);
      else stack.push(this.right[f]!, this.left[f]!);
    }
  }

  /** The alive edge between u and v other than `except`, if any. */
  edgeBetween(u: number, v: number, except: number): number | undefined {
    const [a, b] = this.incident[u]!.length <= this.incident[v]!.length ? [u, v] : [v, u];
    for (const e of this.incident[a]!) if (e !== except && this.other(e, a) === b) return e;
    return undefined;
  }
}

export function reduce(problem: SteinerProblem, options: ReduceOptions = {}): Reduction {
  const g = new WorkingGraph(problem);
  const n = problem.graph.nodeCount;
  const counts = { degree: 0, parallel: 0, leastCost: 0, terminalContraction: 0 };
  const fixed: number[] = [];
  let fixedCost = 0;

  // Parallel edges: keep the lightest between each pair of nodes.
  const dropParallel = (e: number): void => {
    if (!g.alive[e]) return;
    const twin = g.edgeBetween(g.tail[e]!, g.head[e]!, e);
    if (twin === undefined) return;
    const loser = g.weight[twin]! <= g.weight[e]! ? e : twin;
    g.remove(loser);
    counts.parallel++;
  };
  for (let e = 0; e < g.tail.length; e++) dropParallel(e);

  const queued = new Uint8Array(n);
  const queue: number[] = [];
  const enqueue = (v: number): void => {
    if (queued[v] === 1) return;
    queued[v] = 1;
    queue.push(v);
  };
  for (let v = 0; v < n; v++) enqueue(v);

  const degreeTests = (): void => {
    while (queue.length > 0) {
      const v = queue.pop()!;
      queued[v] = 0;
      const edges = g.incident[v]!;
      const d = edges.length;
      if (g.terminal[v] === 1) {
        if (g.terminalCount < 2) continue;
        if (d === 0) throw new DisconnectedTerminalsError();
        if (d !== 1) continue;
        const e = edges[0]!;
        const u = g.other(e, v);
        fixed.push(e);
        fixedCost += g.weight[e]!;
        g.remove(e);
        g.terminal[v] = 0;
        if (g.terminal[u] === 1) g.terminalCount--;
        g.terminal[u] = 1;
        counts.terminalContraction++;
        enqueue(u);
        continue;
      }
      if (d === 1) {
        const e = edges[0]!;
        const u = g.other(e, v);
        g.remove(e);
        counts.degree++;
        enqueue(u);
      } else if (d === 2) {
        const e1 = edges[0]!;
        const e2 = edges[1]!;
        const a = g.other(e1, v);
        const b = g.other(e2, v);
        g.remove(e1);
        g.remove(e2);
        counts.degree++;
        if (a !== b) dropParallel(g.add(a, b, g.weight[e1]! + g.weight[e2]!, e1, e2));
        enqueue(a);
        enqueue(b);
      }
    }
  };

  degreeTests();
  const rounds = options.leastCostRounds ?? 2;
  const settleLimit = options.leastCostSettleLimit ?? 24;
  for (let round = 0; round < rounds && g.terminalCount > 1; round++) {
    const removed = leastCostTest(g, n, settleLimit);
    counts.leastCost += removed;
    if (removed === 0) break;
    for (let v = 0; v < n; v++) enqueue(v);
    degreeTests();
  }
  const fixedEdges: number[] = [];
  for (const e of fixed) g.originals(e, fixedEdges);
  return compact(g, n, fixedEdges, fixedCost, counts);
}

/** The alive edges of the working graph as compact arrays, with each one's working id. */
function snapshot(g: WorkingGraph, n: number) {
  const tail: number[] = [];
  const head: number[] = [];
  const weight: number[] = [];
  const working: number[] = [];
  for (let e = 0; e < g.tail.length; e++) {
    if (!g.alive[e]) continue;
    tail.push(g.tail[e]!);
    head.push(g.head[e]!);
    weight.push(g.weight[e]!);
    working.push(e);
  }
  return { graph: buildGraph(n, tail, head, weight), working };
}

/** Deletes edges for which a bounded search finds another path no longer than the edge. */
function leastCostTest(g: WorkingGraph, n: number, settleLimit: number): number {
  const { graph, working } = snapshot(g, n);
  const search = new ShortestPathSearch(graph);
  const deleted = new Uint8Array(graph.edgeCount);
  let removed = 0;
  for (let e = 0; e < graph.edgeCount; e++) {
    const u = graph.tail[e]!;
    const v = graph.head[e]!;
    search.reset();
    search.addSource(u, 0);
    deleted[e] = 1;
    search.run(graph.weight[e]!, undefined, deleted, v, settleLimit);
    if (search.dist[v]! <= graph.weight[e]!) {
      g.remove(working[e]!);
      removed++;
    } else {
      deleted[e] = 0;
    }
  }
  return removed;
}

function compact(
  g: WorkingGraph,
  n: number,
  fixedEdges: number[],
  fixedCost: number,
  counts: Reduction['counts'],
): Reduction {
  const newId = new Int32Array(n).fill(-1);
  const nodeOf: number[] = [];
  for (let v = 0; v < n; v++) {
    if (g.incident[v]!.length > 0 || g.terminal[v] === 1) {
      newId[v] = nodeOf.length;
      nodeOf.push(v);
    }
  }
  const tail: number[] = [];
  const head: number[] = [];
  const weight: number[] = [];
  const edgePaths: number[][] = [];
  for (let e = 0; e < g.tail.length; e++) {
    if (!g.alive[e]) continue;
    tail.push(newId[g.tail[e]!]!);
    head.push(newId[g.head[e]!]!);
    weight.push(g.weight[e]!);
    const path: number[] = [];
    g.originals(e, path);
    edgePaths.push(path);
  }
  const terminals: number[] = [];
  for (let v = 0; v < n; v++) if (g.terminal[v] === 1) terminals.push(newId[v]!);
  return {
    problem: { graph: buildGraph(nodeOf.length, tail, head, weight), terminals: Int32Array.from(terminals) },
    edgePaths,
    nodeOf: Int32Array.from(nodeOf),
    fixedEdges,
    fixedCost,
    counts,
  };
}

/** The original edges of a tree of the reduced problem, with the fixed edges added. */
export function expandTree(reduction: Reduction, reducedEdges: readonly number[]): number[] {
  const edges = [...reduction.fixedEdges];
  for (const e of reducedEdges) edges.push(...reduction.edgePaths[e]!);
  return edges;
}
