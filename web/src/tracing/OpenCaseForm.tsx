import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { caseKinds } from '../../../src/domain/child-case.ts';
import type { Site } from '../api/types.ts';
import { ErrorNote, QueryState } from '../components/ErrorNote.tsx';
import { useOpenCase, usePeopleNamed } from './api.ts';
import { allNames } from './names.ts';

/**
 * Opens a case for a child the registry did not flag as unaccompanied or separated: the child is
 * found by name on the server (any script), never by reading the whole registry.
 */
export function OpenCaseForm({ site }: { site: Site }) {
  const { t } = useTranslation();
  const id = useId();
  const [q, setQ] = useState('');
  const [childId, setChildId] = useState('');
  const people = usePeopleNamed(site.id, q);
  const open = useOpenCase(site.id);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const kind = caseKinds.find((k) => k === form.get('kind'));
    const note = String(form.get('note') ?? '').trim();
    if (!kind || !childId) return;
    open.mutate(
      { childId, kind, note: note === '' ? null : note },
      {
        onSuccess: () => {
          setQ('');
          setChildId('');
        },
      },
    );
  };
  return (
    <form onSubmit={submit} className="card" aria-labelledby={`${id}-heading`} data-testid="open-case">
      <h2 id={`${id}-heading`}>{t('children.open.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-q`}>{t('children.open.search')}</label>
        <input
          id={`${id}-q`}
          type="search"
          value={q}
          onChange={(event) => {
            setQ(event.target.value);
            setChildId('');
          }}
        />
      </div>
      {q.trim().length >= 2 && <QueryState loading={people.isPending} error={people.error} />}
      {people.data && (
        <fieldset>
          <legend>{t('children.open.child')}</legend>
          {people.data.items.length === 0 && <p>{t('children.open.noOne')}</p>}
          {people.data.items.map((p) => (
            <div key={p.id}>
              <input
                type="radio"
                id={`${id}-${p.id}`}
                name="child"
                value={p.id}
                checked={childId === p.id}
                onChange={() => setChildId(p.id)}
              />{' '}
              <label htmlFor={`${id}-${p.id}`}>
                {allNames(p.names)}
                {p.ageBand ? ` (${p.ageBand})` : p.birthYear ? ` (${p.birthYear})` : ''}
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('children.open.kind')}</label>
        <select id={`${id}-kind`} name="kind" required>
          {caseKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(`children.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-note`}>{t('children.open.note')}</label>
        <textarea id={`${id}-note`} name="note" rows={2} maxLength={4000} />
      </div>
      <button type="submit" disabled={open.isPending || !childId}>
        {t('children.open.submit')}
      </button>
      {open.error && <ErrorNote error={open.error} />}
      {open.isSuccess && <output>{t('children.open.done')}</output>}
    </form>
  );
}
