import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonWithNext, Site } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useStatusChange } from './useStatusChange.ts';

/** Only the statuses the lifecycle allows next are offered (the server says which). */
export function StatusChange({ site, person }: { site: Site; person: PersonWithNext }) {
  const { t } = useTranslation();
  const change = useStatusChange(site.id);
  const [reason, setReason] = useState('');
  return (
    <section className="card" aria-labelledby="status-heading">
      <h2 id="status-heading">{t('person.changeStatus')}</h2>
      {person.allowedNextStatuses.length === 0 ? (
        <p>{t('person.finalStatus')}</p>
      ) : (
        <>
          <label>
            {t('person.reason')}
            <input name="reason" value={reason} onChange={(event) => setReason(event.target.value)} />
          </label>
          <div className="button-row" data-testid="next-statuses">
            {person.allowedNextStatuses.map((status) => (
              <button
                key={status}
                type="button"
                className={status === 'arrived' ? 'primary' : undefined}
                disabled={change.isPending}
                onClick={() =>
                  change.mutate(
                    { person, status, reason: reason.trim() || undefined },
                    { onSuccess: () => setReason('') },
                  )
                }
              >
                {t(`status.${status}`)}
              </button>
            ))}
          </div>
        </>
      )}
      {change.isSuccess && (
        <p role="status" className="ok">
          {t('person.statusChanged', { status: t(`status.${change.data.status}`) })}
        </p>
      )}
      <ErrorNote error={change.error} />
    </section>
  );
}
