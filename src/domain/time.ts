import { CorridorError } from './errors.ts';
import { isTimeZone } from './site.ts';

// Wall-clock times as people announce them ("08:00 Moscow time") are kept as written, with their
// zone; instants are derived from them. Intl knows each zone's rules, including past daylight-saving
// changes, so no offset is ever typed in.

const localPattern = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The wall-clock time in zone at an instant, as YYYY-MM-DDTHH:MM:SS. */
export function wallClock(instant: Date, zone: string): string {
  const parts = Object.fromEntries(
    formatter(zone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The zone's offset from UTC at an instant, in minutes (Moscow in 2022: +180). */
export function offsetMinutes(instant: Date, zone: string): number {
  const asUtc = Date.parse(`${wallClock(instant, zone)}Z`);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60000);
}

export function checkLocalTime(local: string, field: string): void {
  const m = localPattern.exec(local);
  const valid =
    m !== null &&
    (() => {
      const d = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +(m[6] ?? 0)));
      return d.getUTCMonth() === +m[2]! - 1 && d.getUTCDate() === +m[3]! && +m[4]! < 24 && +m[5]! < 60;
    })();
  if (!valid)
    throw new CorridorError(
      'validation_failed',
      `${field}: ${local} is not a local date and time (YYYY-MM-DDTHH:MM)`,
      { field },
    );
}

export function checkZone(zone: string, field: string): void {
  if (!isTimeZone(zone))
    throw new CorridorError(
      'validation_failed',
      `${field}: ${zone} is not an IANA time zone (e.g. Europe/Moscow)`,
      { field },
    );
}

/**
 * The instant at which the wall clock in zone shows local. A time skipped by a daylight-saving change
 * (02:30 on a spring-forward night) is refused; a time that happens twice takes the earlier.
 */
export function instantOf(local: string, zone: string, field = 'time'): Date {
  checkLocalTime(local, field);
  checkZone(zone, field);
  const naive = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  // Try the offsets in force around that time; the earliest that round-trips wins.
  const candidates = [
    ...new Set([-36, -12, 0, 12, 36].map((h) => offsetMinutes(new Date(naive + h * 3600_000), zone))),
  ]
    .map((offset) => new Date(naive - offset * 60_000))
    .filter(
      (instant) => wallClock(instant, zone).slice(0, 19) === (local.length === 16 ? `${local}:00` : local),
    )
    .sort((a, b) => a.getTime() - b.getTime());
  if (candidates.length === 0)
    throw new CorridorError(
      'validation_failed',
      `${field}: ${local} does not exist in ${zone} (skipped by a clock change)`,
      {
        field,
      },
    );
  return candidates[0]!;
}

/** An instant shown in a zone, e.g. { local: '2022-05-05T08:00', zone: 'Europe/Moscow', offset: '+03:00' }. */
export function showIn(instant: Date, zone: string): { local: string; zone: string; offset: string } {
  const minutes = offsetMinutes(instant, zone);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return {
    local: wallClock(instant, zone).slice(0, 16),
    zone,
    offset: `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`,
  };
}
