import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../src/domain/person.ts';
import type { Site } from '../api/types.ts';
import { displayName } from '../format.ts';
import { FormActions } from '../forms/FormActions.tsx';
import {
  BirthYearInput,
  LanguagesInput,
  NoteInput,
  SexSelect,
  ShelterSelect,
} from '../people/DetailInputs.tsx';
import { NameFieldsets } from '../people/NameFieldset.tsx';
import { VulnerabilitiesFieldset } from '../people/VulnerabilitiesFieldset.tsx';
import { type Draft, draftOf, emptyDraft, namesOf } from '../registry/draft.ts';
import { useRouter } from '../router.tsx';
import { HouseholdSelect } from './HouseholdSelect.tsx';
import { useSyncEngine } from './OfflineProvider.tsx';
import { correctionOf, personFieldsOf } from './person-payload.ts';
import { recordEdit } from './record-edit.ts';
import { type LocalSite, useLocalSite } from './useLocalSite.ts';

/**
 * Register a person, or correct one, on the device (person.register / person.update), in a household
 * the device holds, one it created offline included (its household.create is queued before).
 */
export function FieldPersonForm({ site, personId }: { site: Site; personId?: string }) {
  const { t } = useTranslation('offline');
  const local = useLocalSite(site.id);
  const person = personId ? local.people.find((p) => p.id === personId) : undefined;
  if (personId && !person) return <p>{local.ready ? t('unknownPerson') : t('reading')}</p>;
  return (
    <>
      <h1>{person ? t('editTitle', { name: displayName(person) }) : t('registerTitle')}</h1>
      <Fields key={person?.id ?? 'new'} site={site} person={person} local={local} />
    </>
  );
}

function Fields({ site, person, local }: { site: Site; person: Person | undefined; local: LocalSite }) {
  const { t } = useTranslation('offline');
  const { navigate, search } = useRouter();
  const engine = useSyncEngine();
  const [draft, setDraft] = useState<Draft>(() =>
    person ? draftOf(person) : { ...emptyDraft(), shelterId: search.get('shelter') ?? '' },
  );
  // A new person joins the household the screen came from, if any, in its members' shelter.
  const [householdId, setHouseholdId] = useState(() =>
    person ? (person.householdId ?? '') : (search.get('household') ?? ''),
  );
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
    const fields = { ...personFieldsOf(draft, person), householdId: householdId || null };
    try {
      await recordEdit(
        engine,
        site.id,
        person
          ? { kind: 'person.update', entityId: person.id, changes: correctionOf(person, fields) }
          : { kind: 'person.register', fields },
      );
      navigate('/field');
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="person-form">
      <div className="grid">
        <NameFieldsets
          labels={{
            cyrillic: t('cyrillic'),
            latin: t('latin'),
            family: t('family'),
            given: t('given'),
            patronymic: t('patronymic'),
          }}
          draft={draft}
          onChange={set}
        />
        <fieldset>
          <legend>{t('details')}</legend>
          <SexSelect label={t('sex')} draft={draft} onChange={set} />
          <BirthYearInput label={t('birthYear')} draft={draft} onChange={set} />
          <ShelterSelect
            label={t('shelter')}
            noneLabel={t('noShelter')}
            shelters={local.shelters}
            draft={draft}
            onChange={set}
          />
          <HouseholdSelect local={local} value={householdId} onChange={setHouseholdId} />
          <LanguagesInput label={t('languages')} draft={draft} onChange={set} />
        </fieldset>
        <VulnerabilitiesFieldset
          labels={{ legend: t('vulnerabilities'), triage: t('triage'), none: t('none') }}
          draft={draft}
          onChange={set}
        />
      </div>
      <NoteInput label={t('note')} draft={draft} onChange={set} />
      <FormActions
        problem={problem}
        error={error}
        saveLabel={t('save')}
        cancelLabel={t('cancel')}
        onCancel={() => navigate('/field')}
      />
    </form>
  );
}
