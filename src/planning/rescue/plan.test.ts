import { describe, expect, it } from 'vitest';
import { checkPlan } from './plan.test-support.ts';
import { computeRescuePlan } from './plan.ts';
import type { RescueInput } from './plan-types.ts';
import { RescueInputError } from './site-graph.ts';
import { defaultWeights, personWeight } from './weights.ts';

// A small site drawn by hand:
//
//   E1 ═ J1 ─(10 ph)─ J2 ═ S1            ═ open   ─ blocked   ✕ impassable
//         └──(40 ph)── S2
//                      J2 ✕ S3
//
// One crew of 5 at E1, 8-hour shifts with 4 hours' rest. S1 has eight adults (weight 8), S2 two
// T1 wounded (weight 10). S1's passage is quick: 2 hours; S2's takes 8. S1 first: S1 at 2, S2 at
// 14 (6 hours, rest from 8 to 12, 2 more) = 8·2 + 10·14 = 156; S2 first would give 10·8 + 8·14 = 192.
const site: RescueInput = {
  points: [
    { id: 'e1', kind: 'exit', code: 'E1' },
    { id: 'j1', kind: 'junction', code: 'J1' },
    { id: 'j2', kind: 'junction', code: 'J2' },
    { id: 's1', kind: 'shelter', code: 'S1' },
    { id: 's2', kind: 'shelter', code: 'S2' },
    { id: 's3', kind: 'shelter', code: 'S3' },
  ],
  passages: [
    { id: 'p1', code: 'P1', from: 'e1', to: 'j1', lengthM: 0, state: 'open', clearancePersonHours: null },
    { id: 'p2', code: 'P2', from: 'j1', to: 'j2', lengthM: 0, state: 'blocked', clearancePersonHours: 10 },
    { id: 'p3', code: 'P3', from: 'j2', to: 's1', lengthM: 0, state: 'open', clearancePersonHours: null },
    { id: 'p4', code: 'P4', from: 'j1', to: 's2', lengthM: 0, state: 'blocked', clearancePersonHours: 40 },
    {
      id: 'p5',
      code: 'P5',
      from: 'j2',
      to: 's3',
      lengthM: 0,
      state: 'impassable',
      clearancePersonHours: null,
    },
  ],
  shelters: [
    { shelterId: 's1', count: 8 },
    {
      shelterId: 's2',
      people: [
        { vulnerabilities: ['wounded'], triage: 'T1' },
        { vulnerabilities: ['wounded'], triage: 'T1' },
      ],
    },
    { shelterId: 's3', count: 3 },
  ],
  crews: [{ id: 'c1', size: 5, at: 'e1', hoursPerShift: 8, restHours: 4 }],
};

const options = { timeLimitSeconds: 30, maxScheduleEvaluations: 200 };

describe('the rescue plan on a hand-drawn site', () => {
  const plan = computeRescuePlan(site, undefined, options);

  it('clears the least effort that reaches everyone who can be reached', () => {
    expect(plan.passagesToClear.map((p) => p.passageId).sort()).toEqual(['p2', 'p4']);
    expect(plan.effort).toMatchObject({ personHours: 50, lowerBound: 50, gap: 0, optimal: true });
  });

  it('schedules the quick passage first, respecting the rest between shifts', () => {
    const [first, second] = plan.crews[0]!.tasks;
    expect(first).toMatchObject({ passageId: 'p2', startAt: 0, endAt: 2, workHours: 2 });
    expect(second).toMatchObject({ passageId: 'p4', startAt: 2, endAt: 14, workHours: 8 });
    expect(second!.segments).toEqual([
      { start: 2, end: 8 },
      { start: 12, end: 14 },
    ]);
    const byShelter = new Map(plan.shelters.map((s) => [s.shelterId, s]));
    expect(byShelter.get('s1')).toMatchObject({ reachableAt: 2, weight: 8, needs: ['p2'] });
    expect(byShelter.get('s2')).toMatchObject({ reachableAt: 14, weight: 10, needs: ['p4'] });
    expect(plan.objective.weightedHours).toBe(156);
    checkPlan(site, plan);
  });

  it('says why a shelter cannot be reached', () => {
    const s3 = plan.shelters.find((s) => s.shelterId === 's3')!;
    expect(s3.reachableAt).toBeNull();
    expect(s3.reason).toBe(
      'cut off: every way to an exit crosses a passage that is unsafe or impassable (P5 impassable)',
    );
  });

  it('re-plans after a collapse, keeping the crew on its passage', () => {
    // At hour 1 the crew is half-way through P2; P4 collapses and becomes impassable.
    const progress = {
      now: 1,
      inProgress: [{ crewId: 'c1', passageId: 'p2', percentDone: 50 }],
      changed: [{ passageId: 'p4', state: 'impassable' as const }],
    };
    const replan = computeRescuePlan(
      { ...site, crews: [{ ...site.crews[0]!, at: 'j1' }] },
      progress,
      options,
    );
    const [kept, ...rest] = replan.crews[0]!.tasks;
    expect(kept).toMatchObject({
      passageId: 'p2',
      departAt: 1,
      startAt: 1,
      endAt: 2,
      percentDoneAtStart: 50,
      travelHours: 0,
    });
    expect(rest).toEqual([]);
    expect(replan.effort.personHours).toBe(5);
    const s2 = replan.shelters.find((s) => s.shelterId === 's2')!;
    expect(s2.reachableAt).toBeNull();
    expect(s2.reason).toContain('P4 impassable');
    checkPlan({ ...site, crews: [{ ...site.crews[0]!, at: 'j1' }] }, replan, progress);
  });

  it('plans no work when nothing is blocked on the way', () => {
    const open = computeRescuePlan(
      {
        ...site,
        passages: site.passages.map((p) =>
          p.state === 'blocked' ? { ...p, state: 'open', clearancePersonHours: null } : p,
        ),
      },
      undefined,
      options,
    );
    expect(open.passagesToClear).toEqual([]);
    expect(open.effort).toMatchObject({ personHours: 0, optimal: true });
    expect(open.shelters.find((s) => s.shelterId === 's1')!.reachableAt).toBe(0);
  });

  it('without crews, reaches no one and says why', () => {
    const idle = computeRescuePlan({ ...site, crews: [] }, undefined, options);
    expect(idle.passagesToClear).toHaveLength(2);
    expect(idle.shelters.find((s) => s.shelterId === 's1')!.reason).toBe(
      'no crew is available to clear the passages on its way out',
    );
    expect(idle.warnings).toContain('no crew is available: nothing can be cleared');
  });
});

describe('priority weights', () => {
  it('put T1 wounded and children above other people', () => {
    const adult = personWeight({ ageBand: '18-59' }, defaultWeights);
    const child = personWeight({ ageBand: '5-11', vulnerabilities: ['child'] }, defaultWeights);
    const t1 = personWeight({ vulnerabilities: ['wounded'], triage: 'T1' }, defaultWeights);
    const elderly = personWeight({ ageBand: '60+' }, defaultWeights);
    expect(t1).toBeGreaterThan(child);
    expect(child).toBeGreaterThan(elderly);
    expect(elderly).toBeGreaterThan(adult);
  });

  it('can be set by the coordination cell', () => {
    const plan = computeRescuePlan({ ...site, weights: { T1: 1 } }, undefined, options);
    expect(plan.shelters.find((s) => s.shelterId === 's2')!.weight).toBe(2);
  });
});

describe('bad input', () => {
  it.each([
    [
      { ...site, passages: [...site.passages, { ...site.passages[0]!, id: 'p9', to: 'nowhere' }] },
      'passage P1 ends at nowhere, which is not a point',
    ],
    [
      { ...site, passages: [{ ...site.passages[1]!, clearancePersonHours: null }] },
      'blocked passage P2 needs clearancePersonHours > 0',
    ],
    [
      { ...site, shelters: [{ shelterId: 'j1', count: 2 }] },
      'occupied shelter j1 is not a shelter of the site',
    ],
    [{ ...site, crews: [{ ...site.crews[0]!, size: 0 }] }, 'crew c1 needs a size > 0'],
    [{ ...site, crews: [{ ...site.crews[0]!, at: 'x' }] }, 'crew c1 is at x, which is not a point'],
    [{ ...site, weights: { T1: -1 } }, 'weight T1 must be a number ≥ 0'],
  ])('is refused with a clear message (%#)', (input, message) => {
    expect(() => computeRescuePlan(input as RescueInput, undefined, options)).toThrow(RescueInputError);
    expect(() => computeRescuePlan(input as RescueInput, undefined, options)).toThrow(message);
  });

  it('refuses a progress report that gives a crew two passages', () => {
    const progress = {
      now: 1,
      inProgress: [
        { crewId: 'c1', passageId: 'p2', percentDone: 10 },
        { crewId: 'c1', passageId: 'p4', percentDone: 10 },
      ],
    };
    expect(() => computeRescuePlan(site, progress, options)).toThrow('crew c1 is on two passages at once');
  });
});
