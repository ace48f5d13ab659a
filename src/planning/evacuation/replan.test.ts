import { describe, expect, it } from 'vitest';
import { planProblems } from './check-plan.test-support.ts';
import { generateInstance } from './generate.ts';
import { planEvacuation } from './plan.ts';
import { replanEvacuation } from './replan.ts';

const options = { timeLimitSeconds: 600, useHighs: false };

describe('replanEvacuation', () => {
  it('keeps notified trips exactly, re-plans around a cancelled window, and counts who moved', async () => {
    const input = generateInstance({ people: 300, vehicles: 6, windows: 3, seed: 5 });
    const plan = await planEvacuation(input, options);
    const notified = plan.trips.filter((t) => t.windowId === 'W1').slice(0, 3);
    const cancelled = 'W2';
    const next = await replanEvacuation(
      { input, plan },
      { cancelledWindowIds: [cancelled], notifiedTripIds: notified.map((t) => t.id) },
      options,
    );
    expect(planProblems(next.input, next.plan)).toEqual([]);
    expect(next.brokenNotifiedTripIds).toEqual([]);
    for (const trip of notified) {
      const same = next.plan.trips.find((t) => t.id === trip.id);
      expect(same).toMatchObject({
        vehicleId: trip.vehicleId,
        windowId: trip.windowId,
        pickupPointId: trip.pickupPointId,
        groupIds: trip.groupIds,
      });
    }
    expect(next.plan.trips.some((t) => t.windowId === cancelled)).toBe(false);
    // Everyone who rode in the cancelled window moved (to another trip or off the plan).
    const onCancelled = plan.trips.filter((t) => t.windowId === cancelled);
    const riders = onCancelled.reduce((n, t) => n + t.people, 0);
    expect(riders).toBeGreaterThan(0);
    expect(next.plan.moved!.people).toBeGreaterThanOrEqual(riders);
    for (const t of onCancelled) for (const g of t.groupIds) expect(next.plan.moved!.groupIds).toContain(g);
  });

  it('moves no one when nothing changed but more people became ready, and plans the newcomers', async () => {
    const input = generateInstance({ people: 60, vehicles: 6, windows: 2, seed: 9 });
    const plan = await planEvacuation(input, options);
    const next = await replanEvacuation(
      { input, plan },
      {
        newGroups: [
          {
            id: 'NEW',
            kind: 'household',
            members: [{ id: 'NEW-1', priority: 'pregnant' }],
            pickupPointId: 'P1',
          },
        ],
      },
      options,
    );
    expect(planProblems(next.input, next.plan)).toEqual([]);
    expect(next.plan.moved!.people).toBe(0);
    expect(next.plan.value.weightedEvacuated).toBeGreaterThanOrEqual(plan.value.weightedEvacuated);
    expect(next.plan.trips.some((t) => t.groupIds.includes('NEW'))).toBe(true);
  });

  it('reports notified trips of a lost vehicle as broken and re-plans their people', async () => {
    const input = generateInstance({ people: 200, vehicles: 8, windows: 2, seed: 4 });
    const plan = await planEvacuation(input, options);
    const lost = plan.trips[0]!.vehicleId;
    const notified = plan.trips.filter((t) => t.vehicleId === lost).map((t) => t.id);
    const next = await replanEvacuation(
      { input, plan },
      { lostVehicleIds: [lost], notifiedTripIds: notified },
      options,
    );
    expect(planProblems(next.input, next.plan)).toEqual([]);
    expect(next.brokenNotifiedTripIds.sort()).toEqual([...notified].sort());
    expect(next.plan.trips.some((t) => t.vehicleId === lost)).toBe(false);
  });

  it('refuses changes that name what the plan does not have', async () => {
    const input = generateInstance({ people: 20, vehicles: 2, windows: 1 });
    const plan = await planEvacuation(input, options);
    await expect(
      replanEvacuation({ input, plan }, { cancelledWindowIds: ['W9'] }, options),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    await expect(
      replanEvacuation({ input, plan }, { notifiedTripIds: ['nope'] }, options),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});
