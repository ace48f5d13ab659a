import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTimeline } from '../api/queries.ts';
import type { Site } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';

// The server's lists (services/timeline.ts, store/repos/claims.ts), for the filters.
const kinds = [
  'pause_announced',
  'pause_acceptance',
  'pause_started',
  'pause_suspended',
  'pause_resumed',
  'pause_ended',
  'incident',
  'claim',
];
const verifications = ['unverified', 'pending', 'verified', 'disputed', 'falsely_attributed', 'rejected'];

/** One chronological feed of pauses, answers, incidents and claims, with filters. */
export function TimelineList({ site, partyName }: { site: Site; partyName: Map<string, string> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [kind, setKind] = useState('');
  const [verification, setVerification] = useState('');
  const timeline = useTimeline(
    site.id,
    { ...(kind ? { kind } : {}), ...(verification ? { verification } : {}) },
    true,
  );
  return (
    <section aria-labelledby="timeline-heading" className="card">
      <h2 id="timeline-heading">{t('pauses.timeline')}</h2>
      <div className="filters">
        <label htmlFor={`${id}-kind`}>{t('pauses.kindFilter')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(event) => setKind(event.target.value)}>
          <option value="">{t('app.all')}</option>
          {kinds.map((k) => (
            <option key={k} value={k}>
              {t(`timelineKind.${k}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-verification`}>{t('pauses.verificationFilter')}</label>
        <select
          id={`${id}-verification`}
          value={verification}
          onChange={(event) => setVerification(event.target.value)}
        >
          <option value="">{t('app.all')}</option>
          {verifications.map((v) => (
            <option key={v} value={v}>
              {t(`verification.${v}`)}
            </option>
          ))}
        </select>
      </div>
      <QueryState loading={timeline.isPending} error={timeline.error} />
      {timeline.data && timeline.data.items.length === 0 && <p>{t('pauses.noTimeline')}</p>}
      <ol className="timeline" data-testid="timeline">
        {timeline.data?.items.map((entry) => (
          <li key={`${entry.kind}-${entry.refId}-${entry.at}`}>
            <time dateTime={entry.at}>{format.dateTime(entry.at, site.timeZone)}</time>{' '}
            <span className="badge">{t(`timelineKind.${entry.kind}`)}</span>{' '}
            {entry.partyId && <strong>{partyName.get(entry.partyId) ?? ''}: </strong>}
            {entry.summary}
            {entry.verification && (
              <>
                {' '}
                <span className={`badge verification-${entry.verification}`}>
                  {t(`verification.${entry.verification}`)}
                </span>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
