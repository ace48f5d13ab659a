import { describe, expect, it } from 'vitest';
import type { PassageState, PointKind } from '../../domain/site.ts';
import { type ReachPassage, type ReachPoint, SiteReach } from './reachability.ts';

const point = (code: string): ReachPoint => {
  const kind: PointKind =
    code[0] === 'S' ? 'shelter' : code[0] === 'P' ? 'pickup_point' : code[0] === 'X' ? 'exit' : 'junction';
  return { id: `id-${code}`, kind, code };
};
const id = (code: string) => `id-${code}`;
const passage = (
  from: string,
  to: string,
  lengthM: number,
  state: PassageState = 'open',
  clearancePersonHours?: number,
): ReachPassage => ({
  from: id(from),
  to: id(to),
  lengthM,
  state,
  clearancePersonHours: clearancePersonHours ?? null,
});

//   S1 ─100─ J1 ─300─ P1
//    │        └─50── P2 (via a blocked passage)
//   S2 ─── impassable ── J1
//   S3 (no passage at all)
//   S4 ─ 20 ─ P3 (no road out)
const points = ['S1', 'S2', 'S3', 'S4', 'J1', 'P1', 'P2', 'P3'].map(point);

describe('reachability through open passages', () => {
  it('takes the nearest pickup point by passage length, not by number of passages', () => {
    const reach = new SiteReach({
      points,
      passages: [passage('S1', 'J1', 100), passage('J1', 'P1', 300), passage('S1', 'P2', 500)],
      pickupIds: [id('P1'), id('P2')],
    });
    expect(reach.nearest([id('S1')])).toEqual({ pickupPointId: id('P1'), distanceM: 400 });
    expect(reach.distance(id('S1'), id('P2'))).toBe(500);
    // Lengthen the short way: the direct passage wins.
    const longer = new SiteReach({
      points,
      passages: [passage('S1', 'J1', 100), passage('J1', 'P1', 450), passage('S1', 'P2', 500)],
      pickupIds: [id('P1'), id('P2')],
    });
    expect(longer.nearest([id('S1')])).toEqual({ pickupPointId: id('P2'), distanceM: 500 });
  });

  it('never walks through a blocked, unsafe or impassable passage', () => {
    for (const state of ['blocked', 'unsafe', 'impassable'] as const) {
      const reach = new SiteReach({
        points,
        passages: [
          passage('S1', 'J1', 100),
          passage('J1', 'P1', 300),
          passage('J1', 'P2', 50, state, state === 'blocked' ? 40 : undefined),
        ],
        pickupIds: [id('P1'), id('P2')],
      });
      expect(reach.nearest([id('S1')]), state).toEqual({ pickupPointId: id('P1'), distanceM: 400 });
      expect(reach.distance(id('S1'), id('P2'))).toBe(Number.POSITIVE_INFINITY);
    }
  });

  it('names the passages that cut a shelter off, choosing the way with the fewest obstacles', () => {
    const reach = new SiteReach({
      points,
      passages: [
        passage('S1', 'J1', 100, 'blocked', 40),
        passage('J1', 'P1', 300),
        // Shorter, but through two obstacles.
        passage('S1', 'P2', 10, 'unsafe'),
        passage('S2', 'J1', 10, 'impassable'),
      ],
      pickupIds: [id('P1'), id('P2')],
    });
    const s1 = reach.nearest([id('S1')]);
    expect(s1.pickupPointId).toBeNull();
    // One obstacle either way: the unsafe passage is the shorter way.
    expect(s1).toEqual({
      pickupPointId: null,
      reason: 'cut off: the way from S1 to P2 passes S1–P2 (unsafe)',
    });
    const withTwo = new SiteReach({
      points,
      passages: [
        passage('S1', 'J1', 100, 'blocked', 40),
        passage('J1', 'P1', 300),
        passage('S1', 'S2', 5, 'unsafe'),
        passage('S2', 'P2', 5, 'unsafe'),
      ],
      pickupIds: [id('P1'), id('P2')],
    });
    expect(withTwo.nearest([id('S1')])).toEqual({
      pickupPointId: null,
      reason: 'cut off: the way from S1 to P1 passes S1–J1 (blocked: about 40 person-hours to clear by hand)',
    });
    // An impassable passage is named only when there is no other way.
    expect(reach.nearest([id('S2')])).toEqual({
      pickupPointId: null,
      reason: 'cut off: the way from S2 to P1 passes S2–J1 (impassable)',
    });
    expect(reach.nearest([id('S3')])).toEqual({
      pickupPointId: null,
      reason: 'cut off: no passage, open or not, leads from S3 to a pickup point',
    });
  });

  it('says when the only pickup point within reach has no road out, or when none has one', () => {
    const passages = [passage('S4', 'P3', 20), passage('S1', 'J1', 100), passage('J1', 'P1', 300)];
    const reach = new SiteReach({ points, passages, pickupIds: [id('P1')], roadlessPickupIds: [id('P3')] });
    expect(reach.nearest([id('S4')])).toEqual({
      pickupPointId: null,
      reason: 'cut off: S4 reaches only P3, which has no road out recorded (a pickup route)',
    });
    const none = new SiteReach({ points, passages, pickupIds: [] });
    expect(none.nearest([id('S1')])).toEqual({
      pickupPointId: null,
      reason: 'cut off: no pickup point of the site has a road out recorded (a pickup route)',
    });
  });

  it('sends a household spread over two shelters to the pickup point with the least walking in all', () => {
    const reach = new SiteReach({
      points,
      passages: [
        passage('S1', 'P1', 100),
        passage('S1', 'P2', 150),
        passage('S2', 'P1', 400),
        passage('S2', 'P2', 200),
      ],
      pickupIds: [id('P1'), id('P2')],
    });
    expect(reach.nearest([id('S1')])).toEqual({ pickupPointId: id('P1'), distanceM: 100 });
    expect(reach.nearest([id('S1'), id('S2')])).toEqual({ pickupPointId: id('P2'), distanceM: 350 });
    // Apart, each shelter reaches a pickup; together they share none.
    const apart = new SiteReach({
      points,
      passages: [passage('S1', 'P1', 100), passage('S2', 'P2', 200)],
      pickupIds: [id('P1'), id('P2')],
    });
    expect(apart.nearest([id('S1'), id('S2')])).toEqual({
      pickupPointId: null,
      reason: 'cut off: S1, S2 reach no pickup point in common',
    });
  });

  it('breaks ties by the order of the pickup points given', () => {
    const passages = [passage('S1', 'P1', 100), passage('S1', 'P2', 100)];
    expect(new SiteReach({ points, passages, pickupIds: [id('P2'), id('P1')] }).nearest([id('S1')])).toEqual({
      pickupPointId: id('P2'),
      distanceM: 100,
    });
    expect(new SiteReach({ points, passages, pickupIds: [id('P1'), id('P2')] }).nearest([id('S1')])).toEqual({
      pickupPointId: id('P1'),
      distanceM: 100,
    });
  });
});
