import { describe, expect, it } from 'vitest';
import { bruteForce } from './brute-force.ts';
import { solveExact } from './exact.ts';
import { generateInstance } from './generate.ts';
import type { EvacuationInput } from './model.ts';
import { normalize } from './normalize.ts';
import { planEvacuation } from './plan.ts';
import { evaluate } from './schedule.ts';

// Tiny instances where the choices matter: two small vehicles, two pickups, two windows, a long
// one that allows a second trip, and a few households that cannot all go.
function tiny(seed: number): EvacuationInput {
  const input = generateInstance({
    people: 9,
    vehicles: 2,
    windows: 2,
    seed,
    pickupPoints: 2,
    unreachableShare: 0,
  });
  input.vehicles = input.vehicles.map((v, i) => ({
    ...v,
    seats: [3, 4][i]!,
    stretcherPlaces: i,
    wheelchairPlaces: 0,
  }));
  return input;
}

describe('the exact MILP', () => {
  for (const seed of [1, 4]) {
    it(`finds the brute-force optimum of all three objectives (instance ${seed})`, async () => {
      const pr = normalize(tiny(seed));
      const best = bruteForce(pr);
      const exact = await solveExact(pr, { timeLimitSeconds: 120 });
      expect(exact.allOptimal).toBe(true);
      const e = evaluate(pr, exact.schedule!);
      expect(e.violations).toEqual([]);
      expect(e.weighted).toBeCloseTo(best.weighted, 9);
      expect(e.weightedArrival).toBeCloseTo(best.weightedArrival, 6);
      expect(e.vehiclesUsed).toBe(best.vehiclesUsed);
    }, 300_000);
  }

  it('makes planEvacuation report a proved optimum with a zero gap on a small instance', async () => {
    const input = tiny(3);
    const plan = await planEvacuation(input, { timeLimitSeconds: 120 });
    const best = bruteForce(normalize(input));
    expect(plan.value.weightedEvacuated).toBeCloseTo(best.weighted, 9);
    expect(plan.value.weightedArrivalMinutes).toBeCloseTo(best.weightedArrival, 6);
    expect(plan.optimal).toBe(true);
    expect(plan.bound.gap).toBeLessThan(1e-9);
  }, 300_000);
});
