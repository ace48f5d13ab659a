import { useTranslation } from 'react-i18next';
import type { PauseView, Site } from '../api/types.ts';
import { Countdown, useNow } from '../components/Countdown.tsx';
import { useFormat } from '../format.ts';

/** The window in force now, else the next one due to start: what a coordinator plans around. */
export function currentOrNext(pauses: PauseView[], now: number): PauseView | undefined {
  const endOf = (p: PauseView) => new Date(p.effectiveEnd ?? p.times.utc.end).getTime();
  const startOf = (p: PauseView) => new Date(p.effectiveStart ?? p.times.utc.start).getTime();
  const active = pauses.find((p) => p.derived.state === 'active' && endOf(p) > now);
  if (active) return active;
  return pauses
    .filter((p) => startOf(p) > now && p.derived.state !== 'ended')
    .sort((a, b) => startOf(a) - startOf(b))[0];
}

export function PauseBox({ pauses, site }: { pauses: PauseView[]; site: Site }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow();
  const upcoming = currentOrNext(pauses, now);
  // With nothing in force or due, the latest window still tells what happened last.
  const pause = upcoming ?? [...pauses].sort((a, b) => b.times.utc.start.localeCompare(a.times.utc.start))[0];
  if (!pause) return <p>{t('overview.noPause')}</p>;
  const active = pause.derived.state === 'active';
  return (
    <div data-testid="current-pause">
      <p>
        <strong>{pause.name}</strong>{' '}
        <span className={`badge state-${pause.derived.state}`}>{t(`pauseState.${pause.derived.state}`)}</span>
      </p>
      <p>
        {format.dateTime(pause.times.utc.start, site.timeZone)} –{' '}
        {format.dateTime(pause.times.utc.end, site.timeZone)}
      </p>
      {upcoming ? (
        <Countdown
          to={
            active
              ? (pause.effectiveEnd ?? pause.times.utc.end)
              : (pause.effectiveStart ?? pause.times.utc.start)
          }
          kind={active ? 'endsIn' : 'startsIn'}
        />
      ) : (
        <p className="muted">{t('overview.latestPause')}</p>
      )}
    </div>
  );
}
