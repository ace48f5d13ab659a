import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { verificationMethods } from '../../../src/domain/child-case.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { type CaseItem, useAddVerification, useCloseCase } from './api.ts';

const textOf = (form: FormData, key: string): string => String(form.get(key) ?? '').trim();

/**
 * What the cell records on an open case: an adult whose identity and relation to the child it
 * checked (the verifier is the user recording it), or the case closed for another reason.
 */
export function CaseActions({ siteId, item }: { siteId: string; item: CaseItem }) {
  const { t } = useTranslation();
  const id = useId();
  const verify = useAddVerification(siteId);
  const close = useCloseCase(siteId);
  const addVerification = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    const method = verificationMethods.find((m) => m === form.get('method'));
    if (!method) return;
    const contact = textOf(form, 'contact');
    verify.mutate(
      {
        caseId: item.id,
        name: textOf(form, 'name'),
        relation: textOf(form, 'relation'),
        contact: contact === '' ? null : contact,
        method,
        evidence: textOf(form, 'evidence'),
      },
      { onSuccess: () => target.reset() },
    );
  };
  const closeCase = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    close.mutate({ caseId: item.id, reason: textOf(new FormData(event.currentTarget), 'reason') });
  };
  const field = (name: string, label: string, required = true) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input id={`${id}-${name}`} name={name} required={required} />
    </div>
  );
  return (
    <details>
      <summary>{t('children.actions')}</summary>
      <form onSubmit={addVerification} data-testid="verify-adult" aria-label={t('children.verify.title')}>
        <fieldset>
          <legend>{t('children.verify.title')}</legend>
          {field('name', t('children.verify.name'))}
          {field('relation', t('children.verify.relation'))}
          {field('contact', t('children.verify.contact'), false)}
          <div className="field">
            <label htmlFor={`${id}-method`}>{t('children.verify.method')}</label>
            <select id={`${id}-method`} name="method" required>
              {verificationMethods.map((m) => (
                <option key={m} value={m}>
                  {t(`children.method.${m}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-evidence`}>{t('children.verify.evidence')}</label>
            <textarea id={`${id}-evidence`} name="evidence" rows={2} required minLength={3} />
          </div>
          <button type="submit" disabled={verify.isPending}>
            {t('children.verify.submit')}
          </button>
          {verify.error && <ErrorNote error={verify.error} />}
        </fieldset>
      </form>
      <form onSubmit={closeCase} data-testid="close-case" aria-label={t('children.close.title')}>
        <fieldset>
          <legend>{t('children.close.title')}</legend>
          <div className="field">
            <label htmlFor={`${id}-reason`}>{t('children.close.reason')}</label>
            <input id={`${id}-reason`} name="reason" required minLength={3} />
          </div>
          <button type="submit" disabled={close.isPending}>
            {t('children.close.submit')}
          </button>
          {close.error && <ErrorNote error={close.error} />}
        </fieldset>
      </form>
    </details>
  );
}
