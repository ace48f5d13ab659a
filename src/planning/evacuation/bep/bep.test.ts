import { describe, expect, it } from 'vitest';
import { solveWithHighs } from '../highs/run.ts';
import { bruteForceBep } from './brute-force.ts';
import { generateBepText } from './generate.ts';
import { construct } from './heuristic.ts';
import { readBep } from './instance.ts';
import { buildBepMilp } from './milp.ts';
import { checkRoutes } from './solution.ts';
import { solveBep } from './solve.ts';

// The layout of the public instances: sections separated by blank lines, trailing spaces.
const sample = `2 1
1 2
3 11 5 4 2
3 18 7 2 9

1 4 7 8 

1 4 6 7 
2 3 10 2 
3 3 8 1 
`;

describe('the BEP reader', () => {
  it('reads the public format with blank lines and trailing spaces', () => {
    const inst = readBep(sample);
    expect(inst.capacity).toBe(1);
    expect(inst.busDepot).toEqual([0, 0]);
    expect(inst.demand).toEqual([5, 4, 2]);
    expect(inst.trips).toEqual([5, 4, 2]);
    expect(inst.shelterCapacity).toEqual([7, 2, 9]);
    expect(inst.depotTime).toEqual([[4, 7, 8]]);
    expect(inst.time).toEqual([
      [4, 6, 7],
      [3, 10, 2],
      [3, 8, 1],
    ]);
  });

  it('reads several depots, and windows line endings, and no blank lines at all', () => {
    const text = '3 10\r\n2 1 2\r\n2 30 10 20\r\n1 40 40\r\n1 5 6\r\n2 7 8\r\n1 3\r\n2 4\r\n';
    const inst = readBep(text);
    expect(inst.busDepot).toEqual([0, 1, 1]);
    expect(inst.trips).toEqual([1, 2]);
    expect(inst.depotTime).toEqual([
      [5, 6],
      [7, 8],
    ]);
  });

  it.each([
    ['2 1\n1 2\n3 11 5 4 2\n', 'ends before'],
    ['2 1\n1 3\n1 1 1\n1 1 1\n1 1\n1 1\n', 'add up to 3, not 2'],
    ['2 1\n1 2\n1 2 1\n1 1 1\n1 1\n1 1\n', 'add up to 1, not 2'],
    ['2 1\n1 2\n1 1 1\n1 1 1\n1 x\n1 1\n', "'x' is not a number"],
    ['2 1\n1 2\n1 1 1\n1 1 1\n2 1\n1 1\n', 'expected the row of depot 1'],
    ['2 2\n1 2\n1 3 3\n1 4 4\n1 1\n1 1\n', 'not a multiple of the bus capacity'],
    ['2 1\n1 2\n1 3 3\n1 2 2\n1 1\n1 1\n', 'no solution'],
    ['2 1\n1 2\n1 1 1\n1 1 1\n1 1\n1 1\n9 9\n', 'unexpected data'],
  ])('rejects a malformed file with the line at fault (%#)', (text, message) => {
    expect(() => readBep(text)).toThrow(message);
  });
});

describe('solveBep', () => {
  for (const seed of [11, 12, 13, 14, 15, 16]) {
    it(`matches the brute-force optimum on a tiny instance (seed ${seed})`, async () => {
      const text = generateBepText({
        buses: 2,
        capacity: 10,
        depots: 2,
        points: 2,
        shelters: 2,
        maxLoads: 2,
        seed,
      });
      const inst = readBep(text);
      const result = await solveBep(inst, { timeLimitSeconds: 120 });
      expect(checkRoutes(inst, result.routes).problems).toEqual([]);
      expect(result.makespan).toBe(bruteForceBep(inst));
      expect(result.optimal).toBe(true);
      expect(result.lowerBound).toBe(result.makespan);
    }, 300_000);
  }

  it('has an exact MILP whose optimum is the brute-force optimum', async () => {
    for (const seed of [21, 22, 23]) {
      const inst = readBep(
        generateBepText({ buses: 2, capacity: 10, depots: 2, points: 2, shelters: 2, maxLoads: 2, seed }),
      );
      // Start from the plain greedy construction, so that the MILP has work to do.
      const start = construct(inst);
      const milp = buildBepMilp(inst, checkRoutes(inst, start).makespan);
      const result = await solveWithHighs({ model: milp.model, timeLimitSeconds: 120, relativeGap: 1e-9 });
      expect(result.status).toBe('optimal');
      const routes = milp.decode(result.values!);
      const check = checkRoutes(inst, routes);
      expect(check.problems).toEqual([]);
      expect(check.makespan).toBe(bruteForceBep(inst));
      expect(result.objective).toBeCloseTo(check.makespan, 6);
    }
  }, 300_000);

  it('gives a valid plan and a lower bound no higher than its makespan on a larger instance', async () => {
    const inst = readBep(
      generateBepText({ buses: 12, capacity: 40, depots: 3, points: 15, shelters: 5, maxLoads: 8, seed: 3 }),
    );
    const result = await solveBep(inst, { timeLimitSeconds: 60, useHighs: false });
    expect(checkRoutes(inst, result.routes).problems).toEqual([]);
    expect(result.lowerBound).toBeLessThanOrEqual(result.makespan);
    expect(result.lowerBound).toBeGreaterThan(0);
  });
});
