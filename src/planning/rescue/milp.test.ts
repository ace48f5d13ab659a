import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { exactSteinerDp } from './exact-dp.ts';
import { loadHighsSolver } from './highs.ts';
import { solveSteinerMilp } from './milp.ts';
import { randomInt, seededRandom } from './random.ts';
import { solveSteiner } from './solve.ts';
import { bruteForceOptimum, randomProblem } from './steiner.test-support.ts';
import { checkSteinerTree } from './tree.ts';

let highs: Highs;
beforeAll(async () => {
  highs = await loadHighsSolver();
});

const cases = Array.from({ length: 25 }, (_, i) => {
  const random = seededRandom(5000 + i);
  const n = randomInt(random, 5, 11);
  return { seed: 5000 + i, n, extra: randomInt(random, 1, 2 * n), k: randomInt(random, 2, Math.min(6, n)) };
});

describe('the MILP with HiGHS', () => {
  it.each(cases)('graph $seed: MILP = dynamic programme = brute force', ({ seed, n, extra, k }) => {
    const problem = randomProblem(seed, n, extra, k);
    const optimum = bruteForceOptimum(problem);
    const milp = solveSteinerMilp(highs, problem, { timeLimitSeconds: 60 });
    expect(milp.optimal).toBe(true);
    expect(checkSteinerTree(problem, milp.tree!.edges)).toMatchObject({ ok: true, cost: optimum });
    expect(milp.lowerBound).toBeCloseTo(optimum, 6);
    expect(exactSteinerDp(problem)!.cost).toBe(optimum);
    const relaxation = solveSteinerMilp(highs, problem, { timeLimitSeconds: 60, relaxation: true });
    expect(relaxation.lowerBound).toBeLessThanOrEqual(optimum + 1e-6);
  });

  it('closes an instance the dynamic programme is not allowed to take', () => {
    const problem = randomProblem(77, 40, 50, 16, 20);
    const solved = solveSteiner(problem, { timeLimitSeconds: 60, highs, exactTerminalLimit: 0 });
    expect(checkSteinerTree(problem, solved.edges)).toMatchObject({ ok: true, cost: solved.cost });
    expect(solved.optimal).toBe(true);
    expect(solved.lowerBound).toBe(solved.cost);
    const dp = exactSteinerDp(problem)!;
    expect(solved.cost).toBe(dp.cost);
  });
});
