import { CorridorError } from './errors.ts';

// Retention: how long the registration of someone who has left reception keeps their name.
//
// Who is kept whole past the period, and why: a tracing request or a child's case that is still
// open exists to bring a family together again, and a name removed is a name nobody can match any
// more. So a person is kept while they are the enquirer of an open tracing request or a match to
// one that nobody rejected, while they are the child of an open case, the adult being verified for
// it, or a guardian of that child. The next run after the request or case is closed minimises them.

export const defaultRetentionPeriod = '90d';

const units: Record<string, number> = { d: 1, w: 7 };

/** Parses a period such as 90d or 12w into days. */
export function retentionDays(text: string): number {
  const match = /^(\d{1,5})([dw])$/.exec(text.trim());
  const days = match ? Number(match[1]) * units[match[2]!]! : Number.NaN;
  if (!Number.isInteger(days) || days < 1 || days > 36_500)
    throw new CorridorError(
      'bad_request',
      `the retention period must be a number of days or weeks such as 90d or 12w (at least 1 day), not ${text}`,
      { field: 'olderThan' },
    );
  return days;
}

export const cutoffOf = (now: Date, days: number): Date => new Date(now.getTime() - days * 86_400_000);

export type KeptReason = 'open_tracing' | 'open_child_case';
