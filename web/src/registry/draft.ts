import type { AgeBand, Sex, TriageCategory, Vulnerability } from '../../../src/domain/person.ts';
import type { Person, PersonName } from '../api/types.ts';

/** The person form's fields as typed: strings until they are sent. */
export interface Draft {
  cyrFamily: string;
  cyrGiven: string;
  cyrPatronymic: string;
  latFamily: string;
  latGiven: string;
  sex: Sex;
  birthYear: string;
  ageBand: AgeBand | '';
  shelterId: string;
  vulnerabilities: Vulnerability[];
  triage: TriageCategory | '';
  languages: string;
  note: string;
}

export const emptyDraft = (): Draft => ({
  cyrFamily: '',
  cyrGiven: '',
  cyrPatronymic: '',
  latFamily: '',
  latGiven: '',
  sex: 'unknown',
  birthYear: '',
  ageBand: '',
  shelterId: '',
  vulnerabilities: [],
  triage: '',
  languages: 'uk',
  note: '',
});

export function draftOf(person: Person): Draft {
  const cyr = person.names.find((n) => n.script === 'Cyrl');
  const lat = person.names.find((n) => n.script === 'Latn');
  return {
    cyrFamily: cyr?.family ?? '',
    cyrGiven: cyr?.given ?? '',
    cyrPatronymic: cyr?.patronymic ?? '',
    latFamily: lat?.family ?? '',
    latGiven: lat?.given ?? '',
    sex: person.sex,
    birthYear: person.birthYear === null ? '' : String(person.birthYear),
    ageBand: person.ageBand ?? '',
    shelterId: person.shelterId ?? '',
    vulnerabilities: [...person.vulnerabilities],
    triage: person.triage ?? '',
    languages: person.languages.join(', '),
    note: person.note ?? '',
  };
}

/** The names a draft gives: one per script that has both a family and a given name. */
export function namesOf(draft: Draft): PersonName[] {
  const names: PersonName[] = [];
  if (draft.cyrFamily.trim() && draft.cyrGiven.trim())
    names.push({
      script: 'Cyrl',
      family: draft.cyrFamily.trim(),
      given: draft.cyrGiven.trim(),
      ...(draft.cyrPatronymic.trim() ? { patronymic: draft.cyrPatronymic.trim() } : {}),
    });
  if (draft.latFamily.trim() && draft.latGiven.trim())
    names.push({ script: 'Latn', family: draft.latFamily.trim(), given: draft.latGiven.trim() });
  return names;
}
