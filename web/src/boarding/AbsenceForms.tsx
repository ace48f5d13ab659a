import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../format.ts';
import { type Entry, pickOf, useNoShow, useSubstitute } from './api.ts';

const nameOf = (e: Entry) => (e.names ? displayName({ names: e.names }) : e.personId.slice(-8));

/** Someone expected who did not come, with the reason (they may still board if they turn up). */
export function NoShowForm({ convoyId, expected }: { convoyId: string; expected: Entry[] }) {
  const { t } = useTranslation();
  const noShow = useNoShow(convoyId);
  const [personId, setPersonId] = useState('');
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    noShow.mutate({ personId, reason }, { onSuccess: () => setReason('') });
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="no-show-heading">
      <h2 id="no-show-heading">{t('boarding.noShowTitle')}</h2>
      <label htmlFor="no-show-person">{t('boarding.person')}</label>
      <select id="no-show-person" required value={personId} onChange={(e) => setPersonId(e.target.value)}>
        <option value="">{t('boarding.choose')}</option>
        {expected.map((e) => (
          <option key={e.personId} value={e.personId}>
            {nameOf(e)}
          </option>
        ))}
      </select>
      <label htmlFor="no-show-reason">{t('boarding.reason')}</label>
      <input
        id="no-show-reason"
        required
        minLength={3}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" disabled={noShow.isPending}>
        {t('boarding.recordNoShow')}
      </button>
      {noShow.isSuccess && (
        <p role="status" className="ok">
          {t('boarding.noShowRecorded')}
        </p>
      )}
      {noShow.error && (
        <p role="alert" className="error">
          {noShow.error.message}
        </p>
      )}
    </form>
  );
}

/** Someone else takes the place of a person who has not boarded; the substitute boards at once. */
export function SubstitutionForm({ convoyId, replaceable }: { convoyId: string; replaceable: Entry[] }) {
  const { t } = useTranslation();
  const substitute = useSubstitute(convoyId);
  const [replacedPersonId, setReplaced] = useState('');
  const [who, setWho] = useState('');
  const [reason, setReason] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    substitute.mutate(
      { replacedPersonId, reason, ...pickOf(who) },
      {
        onSuccess: () => {
          setWho('');
          setReason('');
        },
      },
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="substitution-heading">
      <h2 id="substitution-heading">{t('boarding.substitutionTitle')}</h2>
      <label htmlFor="substitution-replaced">{t('boarding.replaced')}</label>
      <select
        id="substitution-replaced"
        required
        value={replacedPersonId}
        onChange={(e) => setReplaced(e.target.value)}
      >
        <option value="">{t('boarding.choose')}</option>
        {replaceable.map((e) => (
          <option key={e.personId} value={e.personId}>
            {nameOf(e)}
            {e.status === 'no_show' ? ` (${t('boarding.entry.no_show')})` : ''}
          </option>
        ))}
      </select>
      <label htmlFor="substitution-who">{t('boarding.substitute')}</label>
      <input
        id="substitution-who"
        required
        autoComplete="off"
        spellCheck={false}
        value={who}
        onChange={(e) => setWho(e.target.value)}
      />
      <label htmlFor="substitution-reason">{t('boarding.reason')}</label>
      <input
        id="substitution-reason"
        required
        minLength={3}
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <button type="submit" disabled={substitute.isPending}>
        {t('boarding.substituteSubmit')}
      </button>
      {substitute.isSuccess && (
        <p role="status" className="ok">
          {t('boarding.substituted')}
        </p>
      )}
      {substitute.error && (
        <p role="alert" className="error">
          {substitute.error.message}
        </p>
      )}
    </form>
  );
}
