import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote, QueryState } from '../components/ErrorNote.tsx';
import { useFormat } from '../format.ts';
import { useConsent, useRecordConsent } from './api.ts';

/**
 * Whether the person agrees to be found by those looking for them, as the desk or the cell asked
 * them. Someone who declines is never shown by tracing, whoever asks.
 */
export function ConsentBox({ personId, timeZone }: { personId: string; timeZone: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const consent = useConsent(personId);
  const record = useRecordConsent(personId);
  const current = consent.data?.consent;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const decision = form.get('decision');
    if (decision !== 'agreed' && decision !== 'declined') return;
    const note = String(form.get('note') ?? '').trim();
    record.mutate({ decision, note: note === '' ? null : note });
  };
  return (
    <section className="card" aria-labelledby={`${id}-heading`} data-testid="consent">
      <h2 id={`${id}-heading`}>{t('consent.title')}</h2>
      <QueryState loading={consent.isPending} error={consent.error} />
      {consent.data && (
        <p data-testid="consent-state">
          {current
            ? t(`consent.state.${current.decision}`, {
                by: current.recordedBy,
                at: format.dateTime(current.recordedAt, timeZone),
              })
            : t('consent.notAsked')}
        </p>
      )}
      {current?.note && <p className="muted">{current.note}</p>}
      <p className="muted">{t('consent.hint')}</p>
      <form onSubmit={submit}>
        <fieldset>
          <legend>{t('consent.question')}</legend>
          {(['agreed', 'declined'] as const).map((decision) => (
            <div key={decision}>
              <input
                type="radio"
                id={`${id}-${decision}`}
                name="decision"
                value={decision}
                required
                defaultChecked={current?.decision === decision}
              />{' '}
              <label htmlFor={`${id}-${decision}`}>{t(`consent.answer.${decision}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('consent.note')}</label>
          <textarea id={`${id}-note`} name="note" rows={2} maxLength={1000} />
        </div>
        <button type="submit" disabled={record.isPending}>
          {t('consent.record')}
        </button>
        {record.error && <ErrorNote error={record.error} />}
        {record.isSuccess && <output>{t('consent.recorded')}</output>}
      </form>
    </section>
  );
}
