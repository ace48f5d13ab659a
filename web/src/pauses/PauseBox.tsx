import { useTranslation } from 'react-i18next';
import type { PauseView, Site } from '../api/types.ts';
import { Countdown, useNow } from '../components/Countdown.tsx';
import { useFormat } from '../format.ts';
import { currentOrNext } from './current.ts';

export function PauseBox({ pauses, site }: { pauses: PauseView[]; site: Site }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow();
  const upcoming = currentOrNext(pauses, now);
  // With nothing in force or due, the latest window still tells what happened last.
  const pause = upcoming ?? [...pauses].sort((a, b) => b.times.utc.start.localeCompare(a.times.utc.start))[0];
  if (!pause) return <p>{t('overview.noPause')}</p>;
  const active =
    upcoming !== undefined && new Date(upcoming.effectiveStart ?? upcoming.times.utc.start).getTime() <= now;
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
