import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Site } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { fromZoned } from '../plans/zone.ts';
import { type Convoy, useCancel, useDepart } from './api.ts';

/**
 * The cell's decisions on a planned convoy: it departs (the manifest is locked), or it is cancelled
 * with a reason. A flagged convoy departs only with an override whose reason is recorded beside
 * the flags: the form asks for it exactly when the convoy is flagged.
 */
export function DepartureActions({ site, convoy }: { site: Site; convoy: Convoy }) {
  const { t } = useTranslation();
  const id = useId();
  const depart = useDepart(site.id, convoy.id);
  const cancel = useCancel(site.id, convoy.id);
  const [at, setAt] = useState('');
  const [override, setOverride] = useState('');
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  if (convoy.status !== 'planned') return null;
  const flagged = convoy.flags.length > 0;

  const submitDeparture = (event: FormEvent) => {
    event.preventDefault();
    depart.mutate({
      ...(at ? { departedAt: fromZoned(at, site.timeZone) } : {}),
      ...(flagged ? { override: { reason: override.trim() } } : {}),
    });
  };
  const submitCancel = (event: FormEvent) => {
    event.preventDefault();
    cancel.mutate(reason.trim());
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="card" data-testid="departure-actions">
      <h2 id={`${id}-heading`}>{t('convoys.departure')}</h2>
      <form className="stack" onSubmit={submitDeparture} data-testid="depart-form">
        <p className="hint">{t('convoys.departHelp')}</p>
        <label>
          {t('convoys.departedWhen', { zone: site.timeZone })}
          <input type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} />
        </label>
        {flagged && (
          <label>
            {t('convoys.overrideReason')}
            <textarea
              value={override}
              required
              minLength={3}
              maxLength={2000}
              onChange={(event) => setOverride(event.target.value)}
            />
          </label>
        )}
        <div className="button-row">
          <button type="submit" className="primary" disabled={depart.isPending}>
            {flagged ? t('convoys.departAnyway') : t('convoys.depart')}
          </button>
          {!cancelling && (
            <button type="button" onClick={() => setCancelling(true)}>
              {t('convoys.cancel')}
            </button>
          )}
        </div>
        <div aria-live="polite">
          {depart.data && (
            <p className="ok" role="status">
              {t('convoys.departed', { alerts: depart.data.alertsRaised })}
            </p>
          )}
        </div>
        <ErrorNote error={depart.error} />
      </form>
      {cancelling && (
        <form className="stack confirm" onSubmit={submitCancel} data-testid="cancel-form">
          <label>
            {t('convoys.cancelReason')}
            <textarea
              value={reason}
              required
              minLength={3}
              maxLength={2000}
              onChange={(event) => setReason(event.target.value)}
            />
          </label>
          <div className="button-row">
            <button type="submit" disabled={cancel.isPending}>
              {t('convoys.cancelYes')}
            </button>
            <button type="button" onClick={() => setCancelling(false)}>
              {t('app.cancel')}
            </button>
          </div>
          <ErrorNote error={cancel.error} />
        </form>
      )}
    </section>
  );
}
