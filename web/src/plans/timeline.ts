// The geometry of a plan's timeline: which stretch of time it covers, where an instant falls along
// it, the bars of the trips and the bands of the pause windows, and the ticks of its time axis.
// Positions are percentages of the timeline's width, so the drawing follows the screen's width.

export interface Span {
  /** Milliseconds since the epoch. */
  start: number;
  end: number;
}

const hour = 3_600_000;
const ms = (instant: string | number) =>
  typeof instant === 'number' ? instant : new Date(instant).getTime();

/** The stretch the timeline covers: from the earliest to the latest of the plan's start, windows and trips. */
export function timelineSpan(
  planStart: string,
  windows: ReadonlyArray<{ start: string; end: string }>,
  trips: ReadonlyArray<{ departure: string; arrival: string }>,
): Span {
  const instants = [
    ms(planStart),
    ...windows.flatMap((w) => [ms(w.start), ms(w.end)]),
    ...trips.flatMap((t) => [ms(t.departure), ms(t.arrival)]),
  ];
  const start = Math.min(...instants);
  const end = Math.max(...instants);
  // A plan with nothing in it still gets an axis an hour long rather than a division by zero.
  return { start, end: end > start ? end : start + hour };
}

/** Where an instant falls along the span, as a percentage of its width (0 at its start, 100 at its end). */
export function position(span: Span, instant: string | number): number {
  const share = (ms(instant) - span.start) / (span.end - span.start);
  return Math.min(100, Math.max(0, share * 100));
}

/**
 * A bar from one instant to another, as left edge and width in percentages. A bar is never narrower
 * than minWidth, so a short trip stays visible and can still be clicked; it then stays inside the span.
 */
export function bar(
  span: Span,
  from: string | number,
  to: string | number,
  minWidth = 0.8,
): { left: number; width: number } {
  const left = position(span, from);
  const width = Math.max(position(span, to) - left, minWidth);
  return { left: Math.max(0, Math.min(left, 100 - width)), width };
}

// Steps a person reads a clock in.
const steps = [1, 2, 3, 6, 12, 24, 48, 72, 168];

/**
 * The ticks of the time axis: the smallest step (1, 2, 3, 6, 12 hours, days…) that gives at most
 * maxTicks, placed on whole steps of the site's wall clock (with its offset from UTC at the span's
 * start), so that ticks fall on 00:00, 06:00, 12:00 there rather than in UTC.
 */
export function ticks(span: Span, offsetMinutes: number, maxTicks = 10): { stepHours: number; at: number[] } {
  const length = span.end - span.start;
  const stepHours = steps.find((s) => length / (s * hour) <= maxTicks) ?? Math.ceil(length / hour / maxTicks);
  const step = stepHours * hour;
  const offset = offsetMinutes * 60_000;
  const at: number[] = [];
  for (let t = Math.ceil((span.start + offset) / step) * step - offset; t <= span.end; t += step) at.push(t);
  return { stepHours, at };
}

const byLabel = new Intl.Collator('en', { numeric: true });

/**
 * One row per vehicle, its trips in order of departure; rows in the order of their labels, with
 * numbers read as numbers (Bus 2 before Bus 10).
 */
export function vehicleRows<T extends { vehicle: { id: string; label: string }; departure: string }>(
  trips: readonly T[],
): Array<{ vehicle: T['vehicle']; trips: T[] }> {
  const rows = new Map<string, { vehicle: T['vehicle']; trips: T[] }>();
  for (const trip of trips) {
    const row = rows.get(trip.vehicle.id) ?? { vehicle: trip.vehicle, trips: [] as T[] };
    row.trips.push(trip);
    rows.set(trip.vehicle.id, row);
  }
  return [...rows.values()]
    .map((row) => ({ ...row, trips: [...row.trips].sort((a, b) => ms(a.departure) - ms(b.departure)) }))
    .sort((a, b) => byLabel.compare(a.vehicle.label, b.vehicle.label));
}
