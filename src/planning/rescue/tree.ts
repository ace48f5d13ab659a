import { edgesCost, type Graph } from './graph.ts';
import { UnionFind } from './union-find.ts';

/** The Steiner tree problem: connect every terminal at least total edge weight. */
export interface SteinerProblem {
  graph: Graph;
  terminals: Int32Array;
}

export interface SteinerTree {
  /** Edge ids of the tree. */
  edges: number[];
  cost: number;
}

/** Marks the terminals in an array indexed by node. */
export function terminalMask(problem: SteinerProblem): Uint8Array {
  const mask = new Uint8Array(problem.graph.nodeCount);
  for (const t of problem.terminals) mask[t] = 1;
  return mask;
}

/**
 * Turns a connected set of edges that touches every terminal into a tree at most as heavy: a
 * minimum spanning tree of the subgraph, then non-terminal leaves cut off until none is left.
 * Heuristics produce unions of shortest paths that may share nodes; this repairs them.
 */
export function cleanTree(graph: Graph, edges: Iterable<number>, isTerminal: Uint8Array): SteinerTree {
  const unique = [...new Set(edges)].sort((a, b) => graph.weight[a]! - graph.weight[b]! || a - b);
  const local = new Map<number, number>();
  const index = (v: number): number => {
    let i = local.get(v);
    if (i === undefined) {
      i = local.size;
      local.set(v, i);
    }
    return i;
  };
  for (const e of unique) {
    index(graph.tail[e]!);
    index(graph.head[e]!);
  }
  const sets = new UnionFind(local.size);
  const kept: number[] = [];
  for (const e of unique)
    if (sets.union(local.get(graph.tail[e]!)!, local.get(graph.head[e]!)!)) kept.push(e);
  return pruneLeaves(graph, kept, isTerminal);
}

/** Removes non-terminal leaves of a forest, repeatedly. */
export function pruneLeaves(graph: Graph, edges: number[], isTerminal: Uint8Array): SteinerTree {
  const incident = new Map<number, number[]>();
  const alive = new Map<number, boolean>();
  for (const e of edges) {
    alive.set(e, true);
    for (const v of [graph.tail[e]!, graph.head[e]!]) {
      const list = incident.get(v);
      if (list) list.push(e);
      else incident.set(v, [e]);
    }
  }
  const degreeOf = new Map<number, number>();
  for (const [v, list] of incident) degreeOf.set(v, list.length);
  const leaves: number[] = [];
  for (const [v, d] of degreeOf) if (d === 1 && isTerminal[v] !== 1) leaves.push(v);
  while (leaves.length > 0) {
    const v = leaves.pop()!;
    if (degreeOf.get(v) !== 1) continue;
    const e = incident.get(v)!.find((f) => alive.get(f))!;
    alive.set(e, false);
    degreeOf.set(v, 0);
    const u = graph.tail[e] === v ? graph.head[e]! : graph.tail[e]!;
    const du = degreeOf.get(u)! - 1;
    degreeOf.set(u, du);
    if (du === 1 && isTerminal[u] !== 1) leaves.push(u);
  }
  const kept = edges.filter((e) => alive.get(e));
  return { edges: kept, cost: edgesCost(graph, kept) };
}

export interface TreeCheck {
  ok: boolean;
  cost: number;
  problem?: string;
}

/** Checks that the edges form one tree that contains every terminal, and recomputes its cost. */
export function checkSteinerTree(problem: SteinerProblem, edges: readonly number[]): TreeCheck {
  const { graph, terminals } = problem;
  const fail = (why: string): TreeCheck => ({ ok: false, cost: Number.NaN, problem: why });
  const seen = new Set<number>();
  const sets = new UnionFind(graph.nodeCount);
  const touched = new Set<number>();
  for (const e of edges) {
    if (!Number.isInteger(e) || e < 0 || e >= graph.edgeCount) return fail(`edge ${e} does not exist`);
    if (seen.has(e)) return fail(`edge ${e} is listed twice`);
    seen.add(e);
    const u = graph.tail[e]!;
    const v = graph.head[e]!;
    if (!sets.union(u, v)) return fail(`edge ${e} closes a cycle`);
    touched.add(u);
    touched.add(v);
  }
  if (edges.length > 0 && touched.size !== edges.length + 1) return fail('the edges are not connected');
  if (terminals.length > 1 || edges.length > 0) {
    for (const t of terminals) {
      if (!touched.has(t)) return fail(`terminal ${t} is not in the tree`);
    }
  }
  return { ok: true, cost: edgesCost(graph, edges) };
}
