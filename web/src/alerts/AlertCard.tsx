import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { displayName, useFormat } from '../format.ts';
import { Link } from '../router.tsx';
import { useCan } from '../session.ts';
import { type AlertItem, useResolveAlert } from './api.ts';
import { detailLines } from './details.ts';

/** One alert: who, what, where they were last seen or why; resolved with a reason by the cell. */
export function AlertCard({ site, alert }: { site: Site; alert: AlertItem }) {
  const { t } = useTranslation();
  const format = useFormat();
  const can = useCan();
  const resolve = useResolveAlert(site.id);
  const [reason, setReason] = useState('');
  const when = (iso: string) => format.dateTime(iso, site.timeZone);
  const headingId = `alert-${alert.id}`;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    resolve.mutate({ id: alert.id, resolution: reason });
  };
  return (
    <article className={`card alert ${alert.resolvedAt ? 'resolved' : 'open'}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t(`alertKind.${alert.kind}`)}:{' '}
        <Link href={`/people/${alert.personId}`}>{displayName(alert.person)}</Link>
      </h3>
      <p className="muted">
        {t('alerts.raised', { at: when(alert.raisedAt) })}
        {alert.convoyCode && ` · ${t('alerts.convoy', { convoy: alert.convoyCode })}`}
        {` · ${t('alerts.statusNow', { status: t(`status.${alert.person.status}`) })}`}
      </p>
      <ul>
        {detailLines(alert.kind, alert.details as Record<string, unknown>, t, when).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {alert.resolvedAt ? (
        <p>
          {t('alerts.resolvedBy', { by: alert.resolvedBy, at: when(alert.resolvedAt) })}: {alert.resolution}
        </p>
      ) : (
        can('alerts:resolve') && (
          <form onSubmit={submit} className="resolve">
            <label htmlFor={`resolution-${alert.id}`}>{t('alerts.resolution')}</label>
            <input
              id={`resolution-${alert.id}`}
              required
              minLength={3}
              maxLength={2000}
              value={reason}
              onChange={(event) => setReason(event.target.value)}
            />
            <button type="submit" disabled={resolve.isPending}>
              {t('alerts.resolve')}
            </button>
            {resolve.error && (
              <p role="alert" className="error">
                {resolve.error.message}
              </p>
            )}
          </form>
        )
      )}
    </article>
  );
}
