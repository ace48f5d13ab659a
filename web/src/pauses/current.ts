import type { PauseView } from '../api/types.ts';

// A window still running, even if suspended or violated, is the one a coordinator must watch.
const running = new Set(['active', 'suspended', 'violated']);

/** The window in force now, else the next one due to start: what a coordinator plans around. */
export function currentOrNext(pauses: PauseView[], now: number): PauseView | undefined {
  const endOf = (p: PauseView) => new Date(p.effectiveEnd ?? p.times.utc.end).getTime();
  const startOf = (p: PauseView) => new Date(p.effectiveStart ?? p.times.utc.start).getTime();
  const active = pauses.find((p) => running.has(p.derived.state) && startOf(p) <= now && endOf(p) > now);
  if (active) return active;
  return pauses
    .filter((p) => startOf(p) > now && p.derived.state !== 'ended')
    .sort((a, b) => startOf(a) - startOf(b))[0];
}
