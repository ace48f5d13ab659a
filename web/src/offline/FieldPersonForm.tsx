import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newId } from '../../../src/domain/ids.ts';
import {
  type Person,
  type Sex,
  sexes,
  type TriageCategory,
  triageCategories,
  type Vulnerability,
  vulnerabilities,
} from '../../../src/domain/person.ts';
import type { Site } from '../api/types.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { displayName } from '../format.ts';
import { type Draft, draftOf, emptyDraft, namesOf } from '../registry/draft.ts';
import { useRouter } from '../router.tsx';
import { useSyncEngine } from './OfflineProvider.tsx';
import { correctionOf, personFieldsOf } from './person-payload.ts';
import { useLocalSite } from './useLocalSite.ts';

/** Register a person, or correct one, on the device (person.register / person.update). */
export function FieldPersonForm({ site, personId }: { site: Site; personId?: string }) {
  const { t } = useTranslation('offline');
  const local = useLocalSite(site.id);
  const person = personId ? local.people.find((p) => p.id === personId) : undefined;
  if (personId && !person) return <p>{local.ready ? t('unknownPerson') : t('reading')}</p>;
  return (
    <>
      <h1>{person ? t('editTitle', { name: displayName(person) }) : t('registerTitle')}</h1>
      <Fields key={person?.id ?? 'new'} site={site} person={person} shelters={local.shelters} />
    </>
  );
}

function Fields({
  site,
  person,
  shelters,
}: {
  site: Site;
  person: Person | undefined;
  shelters: { id: string; code: string; name: string | null }[];
}) {
  const { t } = useTranslation('offline');
  const { navigate } = useRouter();
  const engine = useSyncEngine();
  const [draft, setDraft] = useState<Draft>(() => (person ? draftOf(person) : emptyDraft()));
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!engine) return;
    if (namesOf(draft).length === 0) {
      setProblem(t('nameRequired'));
      return;
    }
    setProblem(undefined);
    setError(undefined);
    const fields = personFieldsOf(draft, person);
    try {
      if (person) {
        const changes = correctionOf(person, fields);
        if (Object.keys(changes).length > 0)
          await engine.record({
            siteId: site.id,
            kind: 'person.update',
            entityId: person.id,
            payload: changes,
          });
      } else {
        await engine.record({
          siteId: site.id,
          kind: 'person.register',
          entityId: newId(),
          payload: { siteId: site.id, ...fields },
        });
      }
      navigate('/field');
    } catch (caught) {
      setError(caught);
    }
  };

  const text = (key: keyof Draft & string, label: string, lang?: string) => (
    <label>
      {label}
      <input
        name={key}
        lang={lang}
        value={draft[key] as string}
        onChange={(event) => set(key, event.target.value)}
      />
    </label>
  );
  const wounded = draft.vulnerabilities.includes('wounded');
  return (
    <form onSubmit={(event) => void submit(event)} className="person-form">
      <div className="grid">
        <fieldset>
          <legend>{t('cyrillic')}</legend>
          {text('cyrFamily', t('family'), 'uk')}
          {text('cyrGiven', t('given'), 'uk')}
          {text('cyrPatronymic', t('patronymic'), 'uk')}
        </fieldset>
        <fieldset>
          <legend>{t('latin')}</legend>
          {text('latFamily', t('family'))}
          {text('latGiven', t('given'))}
        </fieldset>
        <fieldset>
          <legend>{t('details')}</legend>
          <label>
            {t('sex')}
            <select name="sex" value={draft.sex} onChange={(event) => set('sex', event.target.value as Sex)}>
              {sexes.map((s) => (
                <option key={s} value={s}>
                  {t(`translation:sex.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('birthYear')}
            <input
              name="birthYear"
              type="number"
              min="1880"
              max="2100"
              value={draft.birthYear}
              onChange={(event) => set('birthYear', event.target.value)}
            />
          </label>
          <label>
            {t('shelter')}
            <select
              name="shelterId"
              value={draft.shelterId}
              onChange={(event) => set('shelterId', event.target.value)}
            >
              <option value="">{t('noShelter')}</option>
              {shelters.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.code}
                  {p.name ? ` — ${p.name}` : ''}
                </option>
              ))}
            </select>
          </label>
          {text('languages', t('languages'))}
        </fieldset>
        <fieldset>
          <legend>{t('vulnerabilities')}</legend>
          {vulnerabilities.map((v) => (
            <label key={v} className="check">
              <input
                type="checkbox"
                name="vulnerabilities"
                value={v}
                checked={draft.vulnerabilities.includes(v)}
                onChange={(event) =>
                  set(
                    'vulnerabilities',
                    event.target.checked
                      ? [...draft.vulnerabilities, v]
                      : draft.vulnerabilities.filter((x): x is Vulnerability => x !== v),
                  )
                }
              />
              {t(`translation:vulnerability.${v}`)}
            </label>
          ))}
          <label>
            {t('triage')}
            <select
              name="triage"
              value={draft.triage}
              disabled={!wounded}
              required={wounded}
              onChange={(event) => set('triage', event.target.value as TriageCategory | '')}
            >
              <option value="">{t('none')}</option>
              {triageCategories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      </div>
      <label>
        {t('note')}
        <textarea name="note" value={draft.note} onChange={(event) => set('note', event.target.value)} />
      </label>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <ErrorNote error={error} />
      <div className="button-row">
        <button type="submit" className="primary">
          {t('save')}
        </button>
        <button type="button" onClick={() => navigate('/field')}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
