import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AgeBand, ageBands } from '../../../src/domain/person.ts';
import { api } from '../api/client.ts';
import { useGraph } from '../api/queries.ts';
import type { Household, Person, PersonWithNext, Site } from '../api/types.ts';
import { QueryState } from '../components/ErrorNote.tsx';
import { displayName } from '../format.ts';
import { FormActions } from '../forms/FormActions.tsx';
import { personFieldsOf } from '../offline/person-payload.ts';
import {
  BirthYearInput,
  LanguagesInput,
  NoteInput,
  SexSelect,
  ShelterSelect,
} from '../people/DetailInputs.tsx';
import { NameFieldsets } from '../people/NameFieldset.tsx';
import { VulnerabilitiesFieldset } from '../people/VulnerabilitiesFieldset.tsx';
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
        ...personFieldsOf(draft, person),
        ageBand: draft.ageBand || null,
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

  return (
    <form onSubmit={submit} className="person-form">
      <div className="grid">
        <NameFieldsets
          labels={{
            cyrillic: t('form.cyrillic'),
            latin: t('form.latin'),
            family: t('form.family'),
            given: t('form.given'),
            patronymic: t('form.patronymic'),
          }}
          draft={draft}
          onChange={set}
        />
      </div>
      <div className="grid">
        <fieldset>
          <legend>{t('person.title')}</legend>
          <SexSelect label={t('form.sex')} draft={draft} onChange={set} />
          <BirthYearInput label={t('form.birthYear')} draft={draft} onChange={set} />
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
          <ShelterSelect
            label={t('form.shelter')}
            noneLabel={t('form.noShelter')}
            shelters={(graph.data?.points ?? []).filter((p) => p.kind === 'shelter')}
            draft={draft}
            onChange={set}
          />
          <LanguagesInput label={t('form.languages')} draft={draft} onChange={set} />
        </fieldset>
        <VulnerabilitiesFieldset
          labels={{
            legend: t('form.vulnerabilities'),
            triage: t('form.triage'),
            none: t('app.none'),
            triageHelp: t('form.triageHelp'),
          }}
          draft={draft}
          onChange={set}
        />
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
      <NoteInput label={t('form.note')} draft={draft} onChange={set} />
      <FormActions
        problem={problem}
        error={save.error}
        saveLabel={t('app.save')}
        cancelLabel={t('app.cancel')}
        onCancel={() => window.history.back()}
        saving={save.isPending}
      />
    </form>
  );
}
