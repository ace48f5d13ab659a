import { describe, expect, it } from 'vitest';
import { dualAscent } from './dual-ascent.ts';
import { exactSteinerDp } from './exact-dp.ts';
import { buildGraph } from './graph.ts';
import { mehlhorn, shortestPathHeuristic } from './heuristics.ts';
import { improveTree } from './local-search.ts';
import { randomInt, seededRandom } from './random.ts';
import {
  bruteForceOptimum,
  distinctWeights,
  prunedSpanningTree,
  randomProblem,
} from './steiner.test-support.ts';
import { checkSteinerTree, type SteinerProblem } from './tree.ts';
import { insertVertex } from './vertex-insertion.ts';

// Vertex insertion: the fast move (spanning tree changed only on the cycles the new node closes)
// must give exactly the pruned minimum spanning tree computed from scratch; within the local
// search it never makes a tree worse and never goes below the optimum or the lower bound.

const nodesOf = (problem: SteinerProblem, edges: readonly number[]): Set<number> =>
  new Set(edges.flatMap((e) => [problem.graph.tail[e]!, problem.graph.head[e]!]));

const smallCases = Array.from({ length: 60 }, (_, i) => {
  const random = seededRandom(3000 + i);
  const n = randomInt(random, 5, 14);
  return { seed: 3000 + i, n, extra: randomInt(random, n, 3 * n), k: randomInt(random, 3, Math.min(6, n)) };
});

describe('inserting one node', () => {
  it.each(smallCases)(
    'graph $seed: equals the pruned spanning tree from scratch',
    ({ seed, n, extra, k }) => {
      // Distinct weights make the spanning tree unique, so the two computations must agree exactly.
      const problem = distinctWeights(randomProblem(seed, n, extra, k));
      const start = prunedSpanningTree(problem, nodesOf(problem, mehlhorn(problem).edges))!;
      const inTree = nodesOf(problem, start.edges);
      for (let v = 0; v < problem.graph.nodeCount; v++) {
        if (inTree.has(v)) continue;
        const expected = prunedSpanningTree(problem, [...inTree, v]);
        const inserted = insertVertex(problem, start.edges, v);
        expect(checkSteinerTree(problem, inserted.edges)).toMatchObject({ ok: true });
        expect(inserted.cost).toBeCloseTo(expected?.cost ?? start.cost, 9);
      }
    },
  );

  it('finds the hub that neither key-path exchange nor key-vertex elimination can reach', () => {
    // Terminals 0, 1, 2 joined by a path 0–1–2 of two edges weighing 2; a hub 3 weighs 1.1 to each
    // (and 5 to node 0 by a second, parallel passage). The star through the hub (3.3) beats the
    // path (4), but no shorter path replaces either edge (2.2 > 2) and the path has no key node.
    const graph = buildGraph(4, [3, 0, 1, 0, 1, 2], [0, 1, 2, 3, 3, 3], [5, 2, 2, 1.1, 1.1, 1.1]);
    const problem = { graph, terminals: Int32Array.from([0, 1, 2]) };
    const path = { edges: [1, 2], cost: 4 };
    const without = improveTree(problem, path, {
      deadline: Number.POSITIVE_INFINITY,
      neighbourhoods: { vertexInsertion: false },
    });
    expect(without.cost).toBe(4);
    const withInsertion = improveTree(problem, path, { deadline: Number.POSITIVE_INFINITY });
    expect(withInsertion.moves.vertexInsertion).toBeGreaterThan(0);
    expect(checkSteinerTree(problem, withInsertion.edges)).toMatchObject({ ok: true });
    expect(withInsertion.cost).toBeCloseTo(3.3, 9);
    expect(withInsertion.edges.sort()).toEqual([3, 4, 5]);
  });
});

describe('vertex insertion in the local search', () => {
  it.each(smallCases)(
    'graph $seed: never worse than the start, never below the optimum',
    ({ seed, n, extra, k }) => {
      const problem = randomProblem(seed, n, extra, k);
      const optimum = bruteForceOptimum(problem);
      for (const start of [mehlhorn(problem), shortestPathHeuristic(problem, problem.terminals[0]!)]) {
        for (const neighbourhoods of [{ keyPath: false, keyVertex: false }, {}]) {
          const better = improveTree(problem, start, { deadline: Number.POSITIVE_INFINITY, neighbourhoods });
          expect(checkSteinerTree(problem, better.edges)).toMatchObject({ ok: true, cost: better.cost });
          expect(better.cost).toBeLessThanOrEqual(start.cost + 1e-9);
          expect(better.cost).toBeGreaterThanOrEqual(optimum - 1e-9);
        }
      }
    },
  );

  const mediumCases = Array.from({ length: 12 }, (_, i) => ({
    seed: 4000 + i,
    n: 40 + 5 * i,
    k: 5 + (i % 4),
  }));

  it.each(mediumCases)(
    'graph $seed ($n nodes, $k terminals): between the exact optimum and the start',
    ({ seed, n, k }) => {
      const problem = randomProblem(seed, n, 2 * n, k, 50);
      const optimum = exactSteinerDp(problem)!.cost;
      const bound = dualAscent(problem, problem.terminals[0]!).lowerBound;
      expect(bound).toBeLessThanOrEqual(optimum + 1e-9);
      const start = mehlhorn(problem);
      const inserted = improveTree(problem, start, {
        deadline: Number.POSITIVE_INFINITY,
        neighbourhoods: { keyPath: false, keyVertex: false },
      });
      expect(checkSteinerTree(problem, inserted.edges)).toMatchObject({ ok: true, cost: inserted.cost });
      expect(inserted.cost).toBeLessThanOrEqual(start.cost + 1e-9);
      expect(inserted.cost).toBeGreaterThanOrEqual(optimum - 1e-9);
      const all = improveTree(problem, start, { deadline: Number.POSITIVE_INFINITY });
      expect(all.cost).toBeLessThanOrEqual(start.cost + 1e-9);
      expect(all.cost).toBeGreaterThanOrEqual(optimum - 1e-9);
    },
  );
});
