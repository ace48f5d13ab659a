import { describe, expect, it } from 'vitest';
import type { LeftOutReason } from '../src/planning/evacuation/model.ts';
import { groupLeftOut } from '../web/src/plans/left-out.ts';
import { bar, position, ticks, timelineSpan, vehicleRows } from '../web/src/plans/timeline.ts';
import { fromZoned, toZoned, zoneOffsetMinutes } from '../web/src/plans/zone.ts';

// The plan screen's pure rules, tested without a browser (the screen itself is tested in e2e/plans).

const hour = 3_600_000;
const at = (iso: string) => new Date(iso).getTime();

describe('plan timeline geometry', () => {
  const windows = [{ start: '2022-05-06T05:00:00Z', end: '2022-05-06T15:00:00Z' }];
  const trips = [{ departure: '2022-05-06T02:00:00Z', arrival: '2022-05-06T17:00:00Z' }];

  it('covers the plan start, every window and every trip', () => {
    const span = timelineSpan('2022-05-06T00:00:00Z', windows, trips);
    expect(span).toEqual({ start: at('2022-05-06T00:00:00Z'), end: at('2022-05-06T17:00:00Z') });
    // An empty plan still gets an axis.
    const empty = timelineSpan('2022-05-06T00:00:00Z', [], []);
    expect(empty.end - empty.start).toBe(hour);
  });

  it('places instants and bars in proportion, clamped to the span', () => {
    const span = { start: at('2022-05-06T00:00:00Z'), end: at('2022-05-06T10:00:00Z') };
    expect(position(span, '2022-05-06T05:00:00Z')).toBe(50);
    expect(position(span, '2022-05-05T00:00:00Z')).toBe(0);
    expect(position(span, '2022-05-07T00:00:00Z')).toBe(100);
    expect(bar(span, '2022-05-06T01:00:00Z', '2022-05-06T03:30:00Z')).toEqual({ left: 10, width: 25 });
    // A trip of a minute keeps a visible, clickable width, and one at the very end stays inside.
    expect(bar(span, '2022-05-06T05:00:00Z', '2022-05-06T05:01:00Z', 1).width).toBe(1);
    expect(bar(span, '2022-05-06T10:00:00Z', '2022-05-06T10:00:00Z', 1)).toEqual({ left: 99, width: 1 });
  });

  it('puts ticks on whole hours of the site clock, with no more than asked', () => {
    // 00:00–17:00 UTC is 03:00–20:00 in Kyiv (UTC+3): 3-hour ticks at 03:00, 06:00 … Kyiv time.
    const span = { start: at('2022-05-06T00:00:00Z'), end: at('2022-05-06T17:00:00Z') };
    const axis = ticks(span, 180, 8);
    expect(axis.stepHours).toBe(3);
    expect(axis.at.map((t) => new Date(t + 3 * hour).toISOString().slice(11, 16))).toEqual([
      '03:00',
      '06:00',
      '09:00',
      '12:00',
      '15:00',
      '18:00',
    ]);
    // Half-hour offsets too: ticks at whole hours of the local clock, not of UTC.
    const india = ticks({ start: at('2022-05-06T00:00:00Z'), end: at('2022-05-06T03:00:00Z') }, 330, 10);
    expect(india.stepHours).toBe(1);
    expect(india.at.map((t) => new Date(t + 330 * 60_000).toISOString().slice(11, 16))).toEqual([
      '06:00',
      '07:00',
      '08:00',
    ]);
    // Two weeks: day steps at most.
    const long = ticks({ start: 0, end: 14 * 24 * hour }, 0, 10);
    expect(long.at.length).toBeLessThanOrEqual(10);
    expect(long.stepHours).toBe(48);
  });

  it('gives one row per vehicle, trips by departure, rows by label with numbers as numbers', () => {
    const trip = (id: string, vehicle: string, departure: string) => ({
      id,
      vehicle: { id: vehicle, label: vehicle },
      departure,
    });
    const rows = vehicleRows([
      trip('a', 'Bus 10', '2022-05-06T01:00:00Z'),
      trip('b', 'Bus 2', '2022-05-06T09:00:00Z'),
      trip('c', 'Bus 2', '2022-05-06T01:00:00Z'),
      trip('d', 'Ambulance 1', '2022-05-06T01:00:00Z'),
    ]);
    expect(rows.map((r) => [r.vehicle.label, r.trips.map((t) => t.id)])).toEqual([
      ['Ambulance 1', ['d']],
      ['Bus 2', ['c', 'b']],
      ['Bus 10', ['a']],
    ]);
  });
});

describe('people left out, by reason', () => {
  const group = (id: string, reason: LeftOutReason, explanation: string, people: number) => ({
    id,
    reason,
    explanation,
    people: Array.from({ length: people }, (_, i) => ({ id: `${id}-${i}` })),
  });

  it('groups by reason in the planner’s order and by explanation, counting people and households', () => {
    const leftOut = [
      group('g1', 'no_seat_in_any_window', 'no seat left', 4),
      group('g2', 'shelter_unreachable', 'cut off: S29–S31', 3),
      group('g3', 'shelter_unreachable', 'cut off: J05–X3', 2),
      group('g4', 'shelter_unreachable', 'cut off: J05–X3', 5),
      group('g5', 'no_stretcher_place_left', 'both ambulances full', 1),
    ];
    const grouped = groupLeftOut(leftOut);
    expect(grouped.map((r) => [r.reason, r.people, r.groups])).toEqual([
      ['shelter_unreachable', 10, 3],
      ['no_stretcher_place_left', 1, 1],
      ['no_seat_in_any_window', 4, 1],
    ]);
    const unreachable = grouped[0]!;
    expect(unreachable.explanations.map((e) => [e.explanation, e.people, e.groups.map((g) => g.id)])).toEqual(
      [
        ['cut off: J05–X3', 7, ['g3', 'g4']],
        ['cut off: S29–S31', 3, ['g2']],
      ],
    );
    // Everyone is listed exactly once.
    const listed = grouped.flatMap((r) => r.explanations.flatMap((e) => e.groups.map((g) => g.id)));
    expect(listed.sort()).toEqual(['g1', 'g2', 'g3', 'g4', 'g5']);
    expect(groupLeftOut([])).toEqual([]);
  });
});

describe('site wall clock', () => {
  it('knows the site’s offset, summer and winter', () => {
    expect(zoneOffsetMinutes(at('2022-05-06T00:00:00Z'), 'Europe/Kyiv')).toBe(180);
    expect(zoneOffsetMinutes(at('2022-01-06T00:00:00Z'), 'Europe/Kyiv')).toBe(120);
    expect(zoneOffsetMinutes(at('2022-05-06T00:00:00Z'), 'UTC')).toBe(0);
  });

  it('converts a datetime-local value in the site’s zone to UTC and back', () => {
    expect(fromZoned('2022-05-06T03:00', 'Europe/Kyiv')).toBe('2022-05-06T00:00:00.000Z');
    expect(fromZoned('2022-01-06T03:00', 'Europe/Kyiv')).toBe('2022-01-06T01:00:00.000Z');
    expect(toZoned('2022-05-06T00:00:00.000Z', 'Europe/Kyiv')).toBe('2022-05-06T03:00');
    // Across the spring clock change (27 March 2022, 03:00 → 04:00 in Kyiv): the offset in force then.
    expect(fromZoned('2022-03-27T05:00', 'Europe/Kyiv')).toBe('2022-03-27T02:00:00.000Z');
    expect(fromZoned('2022-03-27T01:00', 'Europe/Kyiv')).toBe('2022-03-26T23:00:00.000Z');
    expect(() => fromZoned('yesterday', 'Europe/Kyiv')).toThrow(RangeError);
  });
});
