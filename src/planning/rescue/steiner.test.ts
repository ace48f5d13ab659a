import { describe, expect, it } from 'vitest';
import { dualAscent } from './dual-ascent.ts';
import { exactSteinerDp } from './exact-dp.ts';
import { buildGraph } from './graph.ts';
import { mehlhorn, shortestPathHeuristic } from './heuristics.ts';
import { improveTree } from './local-search.ts';
import { randomInt, seededRandom } from './random.ts';
import { DisconnectedTerminalsError, expandTree, reduce } from './reduce.ts';
import { solveSteiner } from './solve.ts';
import { bruteForceOptimum, randomProblem } from './steiner.test-support.ts';
import { checkSteinerTree } from './tree.ts';

const cases = Array.from({ length: 60 }, (_, i) => {
  const random = seededRandom(1000 + i);
  const n = randomInt(random, 4, 12);
  return { seed: 1000 + i, n, extra: randomInt(random, 0, 2 * n), k: randomInt(random, 2, Math.min(6, n)) };
});

describe('exact Steiner trees against brute force', () => {
  it.each(cases)('graph $seed: $n nodes, $k terminals', ({ seed, n, extra, k }) => {
    const problem = randomProblem(seed, n, extra, k);
    const optimum = bruteForceOptimum(problem);
    const dp = exactSteinerDp(problem)!;
    expect(checkSteinerTree(problem, dp.edges).ok).toBe(true);
    expect(dp.cost).toBe(optimum);

    const solved = solveSteiner(problem, { timeLimitSeconds: 60 });
    expect(checkSteinerTree(problem, solved.edges)).toMatchObject({ ok: true, cost: solved.cost });
    expect(solved.optimal).toBe(true);
    expect(solved.cost).toBe(optimum);
    expect(solved.lowerBound).toBe(optimum);
  });
});

describe('heuristics and bounds', () => {
  it.each(cases)('graph $seed: bound ≤ optimum ≤ heuristic ≤ 2 × optimum', ({ seed, n, extra, k }) => {
    const problem = randomProblem(seed, n, extra, k);
    const optimum = bruteForceOptimum(problem);
    const bound = dualAscent(problem, problem.terminals[0]!).lowerBound;
    expect(bound).toBeLessThanOrEqual(optimum + 1e-9);
    for (const tree of [mehlhorn(problem), shortestPathHeuristic(problem, problem.terminals[1]!)]) {
      expect(checkSteinerTree(problem, tree.edges)).toMatchObject({ ok: true, cost: tree.cost });
      expect(tree.cost).toBeGreaterThanOrEqual(optimum);
      expect(tree.cost).toBeLessThanOrEqual(2 * optimum);
      const better = improveTree(problem, tree, { deadline: Number.POSITIVE_INFINITY });
      expect(checkSteinerTree(problem, better.edges)).toMatchObject({ ok: true, cost: better.cost });
      expect(better.cost).toBeLessThanOrEqual(tree.cost);
      expect(better.cost).toBeGreaterThanOrEqual(optimum);
    }
  });

  it('local search turns a snake through a grid into the optimum', () => {
    // A 6 × 6 unit grid with the four corners as terminals (optimum 15: three sides). The start is
    // a snake through every row, 35 edges: key-path exchange must cut it down.
    const side = 6;
    const tail: number[] = [];
    const head: number[] = [];
    const edgeAt = new Map<string, number>();
    const link = (u: number, v: number) => {
      edgeAt.set(`${Math.min(u, v)}-${Math.max(u, v)}`, tail.length);
      tail.push(u);
      head.push(v);
    };
    for (let r = 0; r < side; r++)
      for (let c = 0; c < side; c++) {
        const v = r * side + c;
        if (c + 1 < side) link(v, v + 1);
        if (r + 1 < side) link(v, v + side);
      }
    const graph = buildGraph(side * side, tail, head, new Array(tail.length).fill(1));
    const problem = { graph, terminals: Int32Array.from([0, side - 1, side * (side - 1), side * side - 1]) };
    expect(exactSteinerDp(problem)!.cost).toBe(15);
    const snake: number[] = [];
    const edge = (u: number, v: number) => edgeAt.get(`${Math.min(u, v)}-${Math.max(u, v)}`)!;
    for (let r = 0; r < side; r++) {
      for (let c = 0; c + 1 < side; c++) snake.push(edge(r * side + c, r * side + c + 1));
      const end = r % 2 === 0 ? side - 1 : 0;
      if (r + 1 < side) snake.push(edge(r * side + end, (r + 1) * side + end));
    }
    expect(checkSteinerTree(problem, snake)).toMatchObject({ ok: true, cost: 35 });
    const better = improveTree(problem, { edges: snake, cost: 35 }, { deadline: Number.POSITIVE_INFINITY });
    expect(checkSteinerTree(problem, better.edges)).toMatchObject({ ok: true, cost: 15 });
    expect(better.moves.keyPath + better.moves.keyVertex).toBeGreaterThan(0);
  });
});

describe('reductions keep the optimum', () => {
  it.each(cases)('graph $seed', ({ seed, n, extra, k }) => {
    const problem = randomProblem(seed, n, extra, k);
    const optimum = bruteForceOptimum(problem);
    const reduction = reduce(problem);
    const reduced = reduction.problem;
    const inner = reduced.terminals.length <= 1 ? { edges: [], cost: 0 } : exactSteinerDp(reduced)!;
    expect(reduction.fixedCost + inner.cost).toBe(optimum);
    const edges = expandTree(reduction, inner.edges);
    expect(checkSteinerTree(problem, edges)).toMatchObject({ ok: true, cost: optimum });
  });

  it('turns chains into single edges and drops dead ends', () => {
    // 0 - 1 - 2 - 3 with a dead end 2 - 4 - 5; terminals 0 and 3.
    const graph = buildGraph(6, [0, 1, 2, 2, 4], [1, 2, 3, 4, 5], [1, 2, 3, 4, 5]);
    const reduction = reduce({ graph, terminals: Int32Array.from([0, 3]) });
    expect(reduction.fixedCost).toBe(6);
    expect(reduction.problem.terminals.length).toBe(1);
    expect(expandTree(reduction, []).sort()).toEqual([0, 1, 2]);
  });

  it('refuses terminals that cannot be joined', () => {
    const graph = buildGraph(4, [0, 2], [1, 3], [1, 1]);
    expect(() =>
      solveSteiner({ graph, terminals: Int32Array.from([0, 3]) }, { timeLimitSeconds: 1 }),
    ).toThrow(DisconnectedTerminalsError);
  });
});
