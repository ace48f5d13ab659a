import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type AgeBand,
  ageBands,
  type Sex,
  sexes,
  type TriageCategory,
  triageCategories,
  type Vulnerability,
  vulnerabilities,
} from '../../../src/domain/person.ts';
import { api } from '../api/client.ts';
import { useGraph } from '../api/queries.ts';
import type { Household, Person, PersonWithNext, Site } from '../api/types.ts';
import { ErrorNote, QueryState } from '../components/ErrorNote.tsx';
import { displayName } from '../format.ts';
import { useRouter } from '../router.tsx';
import { type Draft, draftOf, emptyDraft, namesOf } from './draft.ts';

/** Register a person (with a new or existing household) or edit one; the server checks every rule. */
export function PersonForm({ site, personId }: { site: Site; personId?: string }) {
  const { t } = useTranslation();
  const existing = useQuery({
    queryKey: ['person', personId],
    queryFn: () => api<PersonWithNext>(`/api/people/${personId}`),
    enabled: personId !== undefined,
  });
  if (personId && !existing.data) return <QueryState loading={existing.isPending} error={existing.error} />;
  return (
    <>
      <h1>
        {existing.data ? t('form.editTitle', { name: displayName(existing.data) }) : t('form.registerTitle')}
      </h1>
      <Fields key={existing.data?.id ?? 'new'} site={site} person={existing.data} />
    </>
  );
}

function Fields({ site, person }: { site: Site; person: PersonWithNext | undefined }) {
  const { t } = useTranslation();
  const { search, navigate } = useRouter();
  const client = useQueryClient();
  const graph = useGraph(site.id);
  const joining = search.get('household');
  const [draft, setDraft] = useState<Draft>(() =>
    person ? draftOf(person) : { ...emptyDraft(), shelterId: search.get('shelter') ?? '' },
  );
  const [household, setHousehold] = useState<'none' | 'keep' | 'new' | 'join'>(
    person ? 'keep' : joining ? 'join' : 'new',
  );
  const [householdLabel, setHouseholdLabel] = useState('');
  const [problem, setProblem] = useState<string>();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = useMutation({
    mutationFn: async () => {
      let householdId: string | null | undefined;
      if (household === 'none') householdId = null;
      if (household === 'join') householdId = joining;
      if (household === 'new')
        householdId = (
          await api<Household>('/api/households', {
            method: 'POST',
            body: { siteId: site.id, ...(householdLabel.trim() ? { label: householdLabel.trim() } : {}) },
          })
        ).id;
      const body = {
        // Names in scripts the form does not edit are kept as they were.
        names: [
          ...namesOf(draft),
          ...(person?.names.filter((n) => n.script !== 'Cyrl' && n.script !== 'Latn') ?? []),
        ],
        sex: draft.sex,
        shelterId: draft.shelterId || null,
        birthYear: draft.birthYear ? Number(draft.birthYear) : null,
        ageBand: draft.ageBand || null,
        vulnerabilities: draft.vulnerabilities,
        triage: draft.vulnerabilities.includes('wounded') ? draft.triage || null : null,
        languages: draft.languages
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean),
        note: draft.note.trim() || null,
        ...(householdId !== undefined ? { householdId } : {}),
      };
      if (person)
        return api<Person>(`/api/people/${person.id}`, {
          method: 'PATCH',
          body: { ...body, version: person.version },
        });
      return api<Person>('/api/people', { method: 'POST', body: { siteId: site.id, ...body } });
    },
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: ['site', site.id] });
      void client.invalidateQueries({ queryKey: ['person', saved.id] });
      void client.invalidateQueries({ queryKey: ['household'] });
      navigate(`/people/${saved.id}`);
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (namesOf(draft).length === 0) {
      setProblem(t('form.nameRequired'));
      return;
    }
    setProblem(undefined);
    save.mutate();
  };

  const nameFields = (script: 'cyr' | 'lat', withPatronymic: boolean) => (
    <fieldset>
      <legend>{script === 'cyr' ? t('form.cyrillic') : t('form.latin')}</legend>
      <label>
        {t('form.family')}
        <input
          name={`${script}-family`}
          lang={script === 'cyr' ? 'uk' : undefined}
          value={draft[`${script}Family`]}
          onChange={(event) => set(`${script}Family`, event.target.value)}
        />
      </label>
      <label>
        {t('form.given')}
        <input
          name={`${script}-given`}
          lang={script === 'cyr' ? 'uk' : undefined}
          value={draft[`${script}Given`]}
          onChange={(event) => set(`${script}Given`, event.target.value)}
        />
      </label>
      {withPatronymic && (
        <label>
          {t('form.patronymic')}
          <input
            name="cyr-patronymic"
            lang="uk"
            value={draft.cyrPatronymic}
            onChange={(event) => set('cyrPatronymic', event.target.value)}
          />
        </label>
      )}
    </fieldset>
  );

  const wounded = draft.vulnerabilities.includes('wounded');
  return (
    <form onSubmit={submit} className="person-form">
      <div className="grid">
        {nameFields('cyr', true)}
        {nameFields('lat', false)}
      </div>
      <div className="grid">
        <fieldset>
          <legend>{t('person.title')}</legend>
          <label>
            {t('form.sex')}
            <select name="sex" value={draft.sex} onChange={(event) => set('sex', event.target.value as Sex)}>
              {sexes.map((s) => (
                <option key={s} value={s}>
                  {t(`sex.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('form.birthYear')}
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
            {t('form.ageBand')}
            <select
              name="ageBand"
              value={draft.ageBand}
              onChange={(event) => set('ageBand', event.target.value as AgeBand | '')}
            >
              <option value="">{t('app.none')}</option>
              {ageBands.map((band) => (
                <option key={band} value={band}>
                  {band}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('form.shelter')}
            <select
              name="shelterId"
              value={draft.shelterId}
              onChange={(event) => set('shelterId', event.target.value)}
            >
              <option value="">{t('form.noShelter')}</option>
              {(graph.data?.points ?? [])
                .filter((p) => p.kind === 'shelter')
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.code}
                    {p.name ? ` — ${p.name}` : ''}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {t('form.languages')}
            <input
              name="languages"
              value={draft.languages}
              onChange={(event) => set('languages', event.target.value)}
            />
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('form.vulnerabilities')}</legend>
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
              {t(`vulnerability.${v}`)}
            </label>
          ))}
          <label>
            {t('form.triage')}
            <select
              name="triage"
              value={draft.triage}
              disabled={!wounded}
              required={wounded}
              aria-describedby="triage-help"
              onChange={(event) => set('triage', event.target.value as TriageCategory | '')}
            >
              <option value="">{t('app.none')}</option>
              {triageCategories.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <span id="triage-help" className="hint">
              {t('form.triageHelp')}
            </span>
          </label>
        </fieldset>
      </div>
      <fieldset>
        <legend>{t('form.household')}</legend>
        {(person
          ? (['keep', 'new', 'none'] as const)
          : joining
            ? (['join', 'new', 'none'] as const)
            : (['new', 'none'] as const)
        ).map((choice) => (
          <label key={choice} className="check">
            <input
              type="radio"
              name="household"
              value={choice}
              checked={household === choice}
              onChange={() => setHousehold(choice)}
            />
            {t(
              choice === 'keep'
                ? 'form.householdKeep'
                : choice === 'join'
                  ? 'form.householdJoin'
                  : choice === 'new'
                    ? 'form.householdNew'
                    : 'form.householdNone',
            )}
          </label>
        ))}
        {household === 'new' && (
          <label>
            {t('form.householdLabel')}
            <input
              name="householdLabel"
              value={householdLabel}
              onChange={(event) => setHouseholdLabel(event.target.value)}
            />
          </label>
        )}
      </fieldset>
      <label>
        {t('form.note')}
        <textarea name="note" value={draft.note} onChange={(event) => set('note', event.target.value)} />
      </label>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <ErrorNote error={save.error} />
      <div className="button-row">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('app.save')}
        </button>
        <button type="button" onClick={() => window.history.back()}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
