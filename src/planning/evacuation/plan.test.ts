import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instances } from './arbitrary.test-support.ts';
import { planProblems } from './check-plan.test-support.ts';
import { generateInstance } from './generate.ts';
import { planEvacuation } from './plan.ts';

describe('planEvacuation on random instances', () => {
  it('keeps every rule and never reports a bound below its plan (Lagrangian bound, no HiGHS)', async () => {
    await fc.assert(
      fc.asyncProperty(instances(12), async (input) => {
        const plan = await planEvacuation(input, { timeLimitSeconds: 600, useHighs: false });
        expect(planProblems(input, plan)).toEqual([]);
        expect(plan.bound.gap).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 150 },
    );
  }, 300_000);

  it('keeps every rule with the HiGHS LP bound and the exact MILP', async () => {
    await fc.assert(
      // Whether or not HiGHS finishes in the time, the plan and its bound must be valid.
      fc.asyncProperty(instances(5), async (input) => {
        const plan = await planEvacuation(input, { timeLimitSeconds: 30 });
        expect(planProblems(input, plan)).toEqual([]);
      }),
      { numRuns: 4 },
    );
  }, 300_000);

  it('lists each person left out with the reason the coordinator can act on', async () => {
    const input = generateInstance({ people: 400, vehicles: 3, windows: 1, seed: 7, unreachableShare: 0.1 });
    input.groups.push(
      {
        id: 'BIG',
        kind: 'household',
        members: Array.from({ length: 60 }, (_, k) => ({ id: `BIG-${k}`, priority: 'other' })),
        pickupPointId: 'P1',
      },
      {
        id: 'KIDS',
        kind: 'household',
        members: [{ id: 'KIDS-1', priority: 'child', child: true }],
        pickupPointId: 'P1',
      },
    );
    const plan = await planEvacuation(input, { timeLimitSeconds: 600, useHighs: false });
    expect(planProblems(input, plan)).toEqual([]);
    const reasons = new Map(plan.leftOut.map((l) => [l.groupId, l.reason]));
    expect(reasons.get('BIG')).toBe('household_larger_than_any_vehicle');
    expect(reasons.get('KIDS')).toBe('child_without_escort');
    const cutOff = input.groups.filter((g) => g.pickupPointId === null).map((g) => g.id);
    expect(cutOff.length).toBeGreaterThan(0);
    for (const id of cutOff) expect(reasons.get(id)).toBe('shelter_unreachable');
    // Three vehicles, one window: most people wait, and they are told why.
    expect(plan.leftOut.some((l) => l.reason === 'no_seat_in_any_window')).toBe(true);
    // Higher priority boards first: everyone carried outranks (per person) everyone left for lack of seats.
    const weights = { t1_wounded: 16, unaccompanied_child: 12, child: 8, pregnant: 6, elderly: 4, other: 1 };
    const density = (id: string) => {
      const g = input.groups.find((x) => x.id === id)!;
      return g.members.reduce((s, m) => s + weights[m.priority], 0) / g.members.length;
    };
    const carried = plan.trips.flatMap((t) => t.groupIds);
    const waiting = plan.leftOut.filter((l) => l.reason === 'no_seat_in_any_window').map((l) => l.groupId);
    const avg = (ids: string[]) => ids.reduce((s, id) => s + density(id), 0) / ids.length;
    expect(avg(carried)).toBeGreaterThan(avg(waiting));
  });

  it('rejects bad input as a whole, with every problem', async () => {
    const input = generateInstance({ people: 20, vehicles: 2, windows: 1 });
    input.vehicles[0]!.seats = -1;
    input.windows[0]!.end = input.windows[0]!.start;
    input.groups[0]!.pickupPointId = 'nowhere';
    await expect(planEvacuation(input, { useHighs: false })).rejects.toMatchObject({
      code: 'validation_failed',
      details: {
        problems: expect.arrayContaining([
          expect.objectContaining({ path: 'vehicles[0].seats' }),
          expect.objectContaining({ path: 'windows[0].end' }),
          expect.objectContaining({ path: 'groups[0].pickupPointId' }),
        ]),
      },
    });
  });
});
