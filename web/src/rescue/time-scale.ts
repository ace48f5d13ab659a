// The crew chart's time axis: instants to x positions, and ticks on round hours of the site's own
// clock (a crew's shift starts at 06:00 site time, not at 03:00 UTC).

const hour = 3_600_000;

/** Tick spacings tried, smallest first, in hours. */
const steps = [1, 2, 3, 6, 12, 24, 48, 72, 168] as const;

export interface Tick {
  at: number;
  /** A tick on the site's midnight: the chart writes the date there, not only the hour. */
  midnight: boolean;
}

export interface TimeScale {
  start: number;
  end: number;
  stepHours: number;
  x(instant: string | number): number;
  ticks: Tick[];
}

/**
 * A linear scale from [start, end] onto [0, width], with at most `maxTicks` ticks on whole
 * multiples of the chosen step in the zone's local time. An empty or reversed range becomes an hour.
 */
export function timeScale(
  start: number,
  end: number,
  width: number,
  { maxTicks = 10, offsetMinutes = 0 }: { maxTicks?: number; offsetMinutes?: number } = {},
): TimeScale {
  const to = end > start ? end : start + hour;
  const span = to - start;
  // A span of n steps can hold n + 1 ticks when both of its ends fall on one.
  const fits = (stepHours: number) => Math.floor(span / (stepHours * hour)) + 1 <= maxTicks;
  const stepHours = steps.find(fits) ?? Math.ceil(span / hour / Math.max(1, maxTicks - 1));
  const step = stepHours * hour;
  const offset = offsetMinutes * 60_000;
  const ticks: Tick[] = [];
  // The first multiple of the step, in local time, at or after the start.
  for (let local = Math.ceil((start + offset) / step) * step; local - offset <= to; local += step)
    ticks.push({ at: local - offset, midnight: local % (24 * hour) === 0 });
  return {
    start,
    end: to,
    stepHours,
    x: (instant) => ((new Date(instant).getTime() - start) / span) * width,
    ticks,
  };
}
