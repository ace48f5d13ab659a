// Wall-clock times in the site's time zone. A coordinator thinks in the site's time ("the window
// opens at 08:00"), the API speaks UTC: these convert between the two without a time-zone library,
// with the zone rules the browser already has.

const partsIn = (instant: number, timeZone: string): Record<string, number> => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]));
};

/** How far the zone's clocks are ahead of UTC at an instant, in minutes (Kyiv in May: 180). */
export function zoneOffsetMinutes(instant: number, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  const asUtc = Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!);
  const whole = Math.floor(instant / 1000) * 1000;
  return Math.round((asUtc - whole) / 60_000);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant as the zone's wall clock, in the form a datetime-local field takes ("2022-05-06T03:00"). */
export function toZoned(iso: string, timeZone: string): string {
  const p = partsIn(new Date(iso).getTime(), timeZone);
  return `${p.year}-${pad(p.month!)}-${pad(p.day!)}T${pad(p.hour!)}:${pad(p.minute!)}`;
}

/**
 * A wall-clock time in the zone ("2022-05-06T03:00", as a datetime-local field gives it) as a UTC
 * instant. The offset is looked up at the instant it leads to, so a time after a clock change gets
 * the offset in force then; a time skipped by a clock change moves forward by the change.
 */
export function fromZoned(local: string, timeZone: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!match) throw new RangeError(`not a date and time: ${local}`);
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  let instant = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
  instant = wall - zoneOffsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant).toISOString();
}
