import type { WorkSegment } from './plan-types.ts';

// Shift arithmetic: a crew works hoursPerShift, rests restHours, and so on; its shifts begin at
// shiftStart + j·(hoursPerShift + restHours) for every whole j. Work is paused at the end of a
// shift and resumes at the start of the next.

export interface ShiftPattern {
  hoursPerShift: number;
  restHours: number;
  shiftStart: number;
}

const tiny = 1e-9;

/** The first moment at or after t when the crew is on shift. */
export function nextOnShift(p: ShiftPattern, t: number): number {
  if (p.restHours <= 0) return t;
  const cycle = p.hoursPerShift + p.restHours;
  const j = Math.floor((t - p.shiftStart) / cycle + tiny);
  const offset = t - (p.shiftStart + j * cycle);
  return offset < p.hoursPerShift - tiny ? t : p.shiftStart + (j + 1) * cycle;
}

/** The end of the shift that is running at t (t must be on shift). */
function shiftEnd(p: ShiftPattern, t: number): number {
  if (p.restHours <= 0) return Number.POSITIVE_INFINITY;
  const cycle = p.hoursPerShift + p.restHours;
  const j = Math.floor((t - p.shiftStart) / cycle + tiny);
  return p.shiftStart + j * cycle + p.hoursPerShift;
}

/**
 * Spends `hours` of on-shift time from t: returns when it is done and the stretches worked,
 * appended to `segments`.
 */
export function spendHours(p: ShiftPattern, t: number, hours: number, segments: WorkSegment[]): number {
  let now = nextOnShift(p, t);
  let left = hours;
  if (left <= tiny) return now;
  for (;;) {
    const end = shiftEnd(p, now);
    if (now + left <= end + tiny) {
      segments.push({ start: now, end: now + left });
      return now + left;
    }
    segments.push({ start: now, end });
    left -= end - now;
    now = nextOnShift(p, end);
  }
}

/** Whether [start, end] lies inside one shift. */
export function insideOneShift(p: ShiftPattern, start: number, end: number): boolean {
  if (p.restHours <= 0) return true;
  if (nextOnShift(p, start) > start + 1e-7) return false;
  return end <= shiftEnd(p, start) + 1e-7;
}
