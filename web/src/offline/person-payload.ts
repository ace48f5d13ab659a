import type { Person } from '../../../src/domain/person.ts';
import { type Draft, namesOf } from '../registry/draft.ts';

// What the field form sends: a registration carries every field; a correction only the fields the
// user changed, because each field merges by its own clock on the server (docs/sync-protocol.md)
// and an unchanged field sent again could overwrite someone else's later correction of it.

export interface PersonFields {
  names: Person['names'];
  sex: Person['sex'];
  shelterId: string | null;
  birthYear: number | null;
  vulnerabilities: Person['vulnerabilities'];
  triage: Person['triage'];
  languages: string[];
  note: string | null;
}

export function personFieldsOf(draft: Draft, person: Person | undefined): PersonFields {
  return {
    // Names in scripts the form does not edit are kept as they were.
    names: [
      ...namesOf(draft),
      ...(person?.names.filter((n) => n.script !== 'Cyrl' && n.script !== 'Latn') ?? []),
    ],
    sex: draft.sex,
    shelterId: draft.shelterId || null,
    birthYear: draft.birthYear ? Number(draft.birthYear) : null,
    vulnerabilities: draft.vulnerabilities,
    triage: draft.vulnerabilities.includes('wounded') ? draft.triage || null : null,
    languages: draft.languages
      .split(',')
      .map((l) => l.trim())
      .filter(Boolean),
    note: draft.note.trim() || null,
  };
}

/** The fields that differ from the person's (the form's own, and its household if it sets one). */
export function correctionOf<F extends Partial<Person>>(person: Person, fields: F): Partial<F> {
  const changes: Partial<F> = {};
  for (const key of Object.keys(fields) as (keyof F & keyof Person)[])
    if (JSON.stringify(fields[key]) !== JSON.stringify(person[key]))
      Object.assign(changes, { [key]: fields[key] });
  return changes;
}
