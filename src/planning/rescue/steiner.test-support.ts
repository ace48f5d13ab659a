import { buildGraph } from './graph.ts';
import { randomInt, seededRandom } from './random.ts';
import type { SteinerProblem } from './tree.ts';
import { UnionFind } from './union-find.ts';

// Test support: small random Steiner problems and their optimum by exhaustive search.

/** A connected random graph: a random spanning tree plus extra edges, integer weights. */
export function randomProblem(
  seed: number,
  n: number,
  extra: number,
  k: number,
  maxWeight = 9,
): SteinerProblem {
  const random = seededRandom(seed);
  const tail: number[] = [];
  const head: number[] = [];
  const weight: number[] = [];
  const pairs = new Set<string>();
  const add = (u: number, v: number): void => {
    const key = u < v ? `${u}-${v}` : `${v}-${u}`;
    if (u === v || pairs.has(key)) return;
    pairs.add(key);
    tail.push(u);
    head.push(v);
    weight.push(randomInt(random, 1, maxWeight));
  };
  for (let v = 1; v < n; v++) add(v, randomInt(random, 0, v - 1));
  for (let i = 0; i < extra; i++) add(randomInt(random, 0, n - 1), randomInt(random, 0, n - 1));
  const nodes = Array.from({ length: n }, (_, i) => i).sort(() => random() - 0.5);
  return { graph: buildGraph(n, tail, head, weight), terminals: Int32Array.from(nodes.slice(0, k)) };
}

/** The optimum by brute force: the least minimum spanning tree over node sets holding the terminals. */
export function bruteForceOptimum(problem: SteinerProblem): number {
  const { graph, terminals } = problem;
  const isTerminal = new Set(terminals);
  const others = Array.from({ length: graph.nodeCount }, (_, i) => i).filter((v) => !isTerminal.has(v));
  const order = Array.from({ length: graph.edgeCount }, (_, e) => e).sort(
    (a, b) => graph.weight[a]! - graph.weight[b]!,
  );
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << others.length; mask++) {
    const inside = new Set(terminals);
    others.forEach((v, i) => {
      if (mask & (1 << i)) inside.add(v);
    });
    const sets = new UnionFind(graph.nodeCount);
    let cost = 0;
    let joined = 1;
    for (const e of order) {
      const u = graph.tail[e]!;
      const v = graph.head[e]!;
      if (!inside.has(u) || !inside.has(v)) continue;
      if (sets.union(u, v)) {
        cost += graph.weight[e]!;
        joined++;
      }
    }
    if (joined === inside.size && cost < best) best = cost;
  }
  return best;
}

/**
 * From scratch: Kruskal's minimum spanning tree of the subgraph induced by `nodes`, with leaves
 * that are not terminals cut off until none is left. Undefined when the nodes are not connected.
 */
export function prunedSpanningTree(
  problem: SteinerProblem,
  nodes: Iterable<number>,
): { edges: number[]; cost: number } | undefined {
  const { graph, terminals } = problem;
  const inside = new Set(nodes);
  const order = Array.from({ length: graph.edgeCount }, (_, e) => e)
    .filter((e) => inside.has(graph.tail[e]!) && inside.has(graph.head[e]!))
    .sort((a, b) => graph.weight[a]! - graph.weight[b]!);
  const sets = new UnionFind(graph.nodeCount);
  const kept = order.filter((e) => sets.union(graph.tail[e]!, graph.head[e]!));
  if (kept.length !== inside.size - 1) return undefined;
  const isTerminal = new Set(terminals);
  const alive = new Set(kept);
  for (let changed = true; changed; ) {
    changed = false;
    const degree = new Map<number, number>();
    for (const e of alive)
      for (const v of [graph.tail[e]!, graph.head[e]!]) degree.set(v, (degree.get(v) ?? 0) + 1);
    for (const e of [...alive]) {
      const leaf = [graph.tail[e]!, graph.head[e]!].find((v) => degree.get(v) === 1 && !isTerminal.has(v));
      if (leaf === undefined) continue;
      alive.delete(e);
      changed = true;
      break;
    }
  }
  let cost = 0;
  for (const e of alive) cost += graph.weight[e]!;
  return { edges: [...alive], cost };
}

/** The same graph with weights made distinct (each raised by a different thousandth at most). */
export function distinctWeights(problem: SteinerProblem): SteinerProblem {
  const { graph } = problem;
  const weight = Array.from(graph.weight, (w, e) => w + (e + 1) / (1000 * (graph.edgeCount + 1)));
  return { graph: buildGraph(graph.nodeCount, graph.tail, graph.head, weight), terminals: problem.terminals };
}
