import { ShortestPathSearch } from './paths.ts';
import { cleanTree, type SteinerProblem, type SteinerTree, terminalMask } from './tree.ts';
import { UnionFind } from './union-find.ts';

// Two constructive heuristics, both within a factor 2 of the optimum:
// - Mehlhorn's variant of Kou–Markowsky–Berman: a Voronoi partition of the nodes around the
//   terminals, a minimum spanning tree of the terminals over the edges that cross regions, and the
//   shortest paths that those edges stand for. One Dijkstra and one sort: O(m log n).
// - Takahashi–Matsuyama's shortest-path heuristic: grow a tree from a root by repeatedly adding
//   the shortest path to the nearest terminal not yet in it. Usually better than Mehlhorn's, and
//   better still when started from several roots.

export function mehlhorn(
  problem: SteinerProblem,
  search = new ShortestPathSearch(problem.graph),
): SteinerTree {
  const { graph, terminals } = problem;
  if (terminals.length <= 1) return { edges: [], cost: 0 };
  search.reset();
  for (let i = 0; i < terminals.length; i++) search.addSource(terminals[i]!, i);
  search.run();
  const { dist, base } = search;
  const { tail, head, weight } = graph;
  const crossing: number[] = [];
  const bridgeCost = new Float64Array(graph.edgeCount);
  for (let e = 0; e < graph.edgeCount; e++) {
    const bu = base[tail[e]!]!;
    const bv = base[head[e]!]!;
    if (bu < 0 || bv < 0 || bu === bv) continue;
    bridgeCost[e] = dist[tail[e]!]! + weight[e]! + dist[head[e]!]!;
    crossing.push(e);
  }
  const order = Int32Array.from(crossing).sort((a, b) => bridgeCost[a]! - bridgeCost[b]! || a - b);
  const regions = new UnionFind(terminals.length);
  const edges: number[] = [];
  let joined = 1;
  for (const e of order) {
    if (!regions.union(base[tail[e]!]!, base[head[e]!]!)) continue;
    edges.push(e);
    search.pathEdges(tail[e]!, edges);
    search.pathEdges(head[e]!, edges);
    if (++joined === terminals.length) break;
  }
  if (joined < terminals.length) throw new Error('the terminals are not all connected');
  return cleanTree(graph, edges, terminalMask(problem));
}

/** The shortest-path heuristic from `root` (a node of the tree to grow, normally a terminal). */
export function shortestPathHeuristic(
  problem: SteinerProblem,
  root: number,
  search = new ShortestPathSearch(problem.graph),
  isTerminal = terminalMask(problem),
): SteinerTree {
  const { graph, terminals } = problem;
  if (terminals.length <= 1) return { edges: [], cost: 0 };
  const inTree = new Uint8Array(graph.nodeCount);
  search.reset();
  search.addSource(root, 0);
  inTree[root] = 1;
  search.run();
  const edges: number[] = [];
  let remaining = 0;
  for (const t of terminals) if (inTree[t] === 0) remaining++;
  const pathNodes: number[] = [];
  while (remaining > 0) {
    let best = -1;
    let bestDist = Number.POSITIVE_INFINITY;
    for (const t of terminals) {
      if (inTree[t] === 1) continue;
      const d = search.dist[t]!;
      if (d < bestDist) {
        bestDist = d;
        best = t;
      }
    }
    if (best < 0) throw new Error('the terminals are not all connected');
    // Walk back to the tree, adding the path; its nodes become sources at distance zero.
    pathNodes.length = 0;
    for (let v = best; inTree[v] === 0; ) {
      inTree[v] = 1;
      if (isTerminal[v] === 1) remaining--;
      pathNodes.push(v);
      const e = search.pred[v]!;
      edges.push(e);
      v = graph.tail[e] === v ? graph.head[e]! : graph.tail[e]!;
    }
    for (const v of pathNodes) search.addSource(v, 0);
    search.run();
  }
  return cleanTree(graph, edges, isTerminal);
}

/** Runs the shortest-path heuristic from several roots and keeps the best tree. */
export function bestOfShortestPaths(
  problem: SteinerProblem,
  roots: readonly number[],
  deadline: number,
  search = new ShortestPathSearch(problem.graph),
): SteinerTree | undefined {
  let best: SteinerTree | undefined;
  const isTerminal = terminalMask(problem);
  for (const root of roots) {
    const tree = shortestPathHeuristic(problem, root, search, isTerminal);
    if (!best || tree.cost < best.cost) best = tree;
    if (performance.now() > deadline) break;
  }
  return best;
}

/** Up to `count` roots spread over the terminals, the first one first. */
export function spreadRoots(terminals: Int32Array, count: number): number[] {
  if (terminals.length <= count) return [...terminals];
  const roots: number[] = [];
  const step = terminals.length / count;
  for (let i = 0; i < count; i++) roots.push(terminals[Math.floor(i * step)]!);
  return roots;
}
