import { describe, expect, it } from 'vitest';
import type { RescueAnswer } from '../web/src/rescue/api.ts';
import { reachBand, rescueOverlay } from '../web/src/rescue/bands.ts';
import { planRequest } from '../web/src/rescue/plan-request.ts';
import { timeScale } from '../web/src/rescue/time-scale.ts';

// The rescue screens' pure rules, without a browser (the screens themselves: e2e/rescue.e2e.ts).

const hour = 3_600_000;

describe('the crew chart’s time axis', () => {
  it('maps the range onto the width and puts ticks on round hours of the site’s clock', () => {
    const start = Date.parse('2022-05-06T06:10:00Z'); // 09:10 in Kyiv
    const end = start + 30 * hour;
    const scale = timeScale(start, end, 600, { maxTicks: 9, offsetMinutes: 180 });
    expect(scale.x(start)).toBe(0);
    expect(scale.x(end)).toBe(600);
    expect(scale.x(new Date(start + 15 * hour).toISOString())).toBeCloseTo(300);
    // 30 hours in at most 9 ticks: every 6 hours, at 12:00, 18:00, 00:00, 06:00, 12:00 Kyiv time.
    expect(scale.stepHours).toBe(6);
    expect(scale.ticks.map((t) => new Date(t.at).toISOString())).toEqual([
      '2022-05-06T09:00:00.000Z',
      '2022-05-06T15:00:00.000Z',
      '2022-05-06T21:00:00.000Z',
      '2022-05-07T03:00:00.000Z',
      '2022-05-07T09:00:00.000Z',
    ]);
    expect(scale.ticks.map((t) => t.midnight)).toEqual([false, false, true, false, false]);
  });

  it('keeps to the most ticks it is given, however long the plan', () => {
    const start = Date.parse('2022-05-06T06:00:00Z');
    for (const days of [1, 3, 7, 20, 90]) {
      const scale = timeScale(start, start + days * 24 * hour, 800, { maxTicks: 8, offsetMinutes: 180 });
      expect(scale.ticks.length, `${days} days`).toBeLessThanOrEqual(8);
      expect(scale.ticks.length, `${days} days`).toBeGreaterThan(0);
    }
  });

  it('draws an empty range as an hour rather than dividing by zero', () => {
    const start = Date.parse('2022-05-06T06:00:00Z');
    const scale = timeScale(start, start, 100);
    expect(scale.end).toBe(start + hour);
    expect(scale.x(start + hour / 2)).toBe(50);
  });
});

describe('bands of estimated times', () => {
  const at = '2022-05-06T06:00:00.000Z';
  const later = (hours: number) => new Date(Date.parse(at) + hours * hour).toISOString();
  it('reads now, within a day, within three days, later, or never', () => {
    expect(reachBand(at, at)).toBe('now');
    expect(reachBand(later(0.5), at)).toBe('day');
    expect(reachBand(later(24), at)).toBe('day');
    expect(reachBand(later(24.1), at)).toBe('days');
    expect(reachBand(later(72), at)).toBe('days');
    expect(reachBand(later(100), at)).toBe('later');
    expect(reachBand(null, at)).toBe('none');
  });
});

const point = (id: string) => ({ id, code: id.toUpperCase() });
const task = (passageId: string, enterAt: string, percentDoneAtStart: number, endAt: string) => ({
  passageId,
  code: passageId,
  departAt: '2022-05-06T06:00:00.000Z',
  startAt: '2022-05-06T07:00:00.000Z',
  endAt,
  travelHours: 1,
  workHours: 3,
  segments: [],
  enterAt: point(enterAt),
  exitAt: point('x'),
  percentDoneAtStart,
});
const answer: RescueAnswer = {
  at: '2022-05-06T06:00:00.000Z',
  effort: { personHours: 10, lowerBound: 9, gap: 0.1, optimal: false, method: 'm', boundMethod: 'b' },
  objective: { weightedHours: 1, lowerBound: 1 },
  passagesToClear: [
    { passageId: 'p1', code: 'S1-J1', personHours: 4, shelters: [point('s1')] },
    { passageId: 'p2', code: 'S2-J2', personHours: 6, shelters: [point('s2')] },
    { passageId: 'p3', code: 'S3-J3', personHours: 2, shelters: [point('s3')] },
  ],
  crews: [
    {
      crewId: 'c1',
      name: 'Crew 1',
      tasks: [
        task('p1', 'j1', 40, '2022-05-06T10:00:00.000Z'),
        task('p2', 'j2', 0, '2022-05-07T10:00:00.000Z'),
      ],
    },
  ],
  shelters: [
    { id: 's0', code: 'S0', weight: 1, reachableAt: '2022-05-06T06:00:00.000Z', reason: null, needs: [] },
    { id: 's1', code: 'S1', weight: 2, reachableAt: '2022-05-06T10:00:00.000Z', reason: null, needs: [] },
    { id: 's2', code: 'S2', weight: 2, reachableAt: '2022-05-10T10:00:00.000Z', reason: null, needs: [] },
    { id: 's4', code: 'S4', weight: 2, reachableAt: null, reason: 'cut off: S4-J9 unsafe', needs: [] },
    { id: 's5', code: 'S5', weight: 2, reachableAt: null, reason: 'no crew can get there', needs: [] },
  ],
  warnings: [],
  seconds: 0.1,
};

describe('the rescue marks on the site diagram', () => {
  it('bands every occupied shelter and tells cut off from not reached', () => {
    const overlay = rescueOverlay(answer);
    expect([...overlay.shelters].map(([id, m]) => [id, m.band, m.cutOff])).toEqual([
      ['s0', 'now', false],
      ['s1', 'day', false],
      ['s2', 'later', false],
      ['s4', 'none', true],
      ['s5', 'none', false],
    ]);
  });

  it('marks each passage to clear with its crew, its end, and the share its crew started from', () => {
    const overlay = rescueOverlay(answer);
    expect(overlay.passages.get('p1')).toEqual({
      percent: 40,
      fromPointId: 'j1',
      crewName: 'Crew 1',
      endAt: '2022-05-06T10:00:00.000Z',
    });
    // A passage no crew has yet is still to clear, with nothing done.
    expect(overlay.passages.get('p3')).toEqual({
      percent: 0,
      fromPointId: null,
      crewName: null,
      endAt: null,
    });
    expect(overlay.passages.has('other')).toBe(false);
  });

  it('takes the latest report on a passage over the share the answer started from', () => {
    const overlay = rescueOverlay(answer, [
      { passageId: 'p1', percent: 70, at: '2022-05-06T09:00:00.000Z' },
      { passageId: 'p1', percent: 55, at: '2022-05-06T08:00:00.000Z' },
      { passageId: 'p3', percent: 20, at: '2022-05-06T08:00:00.000Z' },
    ]);
    expect(overlay.passages.get('p1')?.percent).toBe(70);
    expect(overlay.passages.get('p2')?.percent).toBe(0);
    expect(overlay.passages.get('p3')?.percent).toBe(20);
  });
});

describe('the rescue plan form', () => {
  const blank = { timeLimitSeconds: '', at: '', walkingSpeedKmh: '', betweenExitsHours: '', weights: {} };
  it('leaves every blank field to the planner', () => {
    expect(planRequest(blank, 'Europe/Kyiv')).toEqual({});
  });
  it('sends what was typed, weights only where given, and the start on the site’s clock as an instant', () => {
    expect(
      planRequest(
        {
          timeLimitSeconds: '2.5',
          at: '2022-05-06T09:00',
          walkingSpeedKmh: '1.5',
          betweenExitsHours: '0',
          weights: { T1: '8', child: ' ', person: '1' },
        },
        'Europe/Kyiv',
      ),
    ).toEqual({
      timeLimitSeconds: 2.5,
      // 09:00 in Kyiv in May is 06:00 UTC.
      at: '2022-05-06T06:00:00.000Z',
      walkingSpeedKmh: 1.5,
      betweenExitsHours: 0,
      weights: { T1: 8, person: 1 },
    });
  });
});
