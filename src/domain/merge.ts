import type { Person, PersonName } from './person.ts';

/** The survivor's fields a merge may fill from the absorbed registration (only where they are empty). */
export const fillableFields = [
  'householdId',
  'shelterId',
  'birthDate',
  'birthYear',
  'ageBand',
  'triage',
  'note',
] as const;
export type FillableField = (typeof fillableFields)[number];

/**
 * What a merge did to the survivor, so an unmerge takes back exactly that: the names, vulnerabilities,
 * languages and guardians it added, the empty fields it filled, and the guardian links it gave the
 * survivor for children the absorbed registration was guardian of.
 */
export interface MergeChanges {
  addedNames: PersonName[];
  filled: Partial<Record<FillableField, { before: null; after: string | number }>>;
  addedVulnerabilities: string[];
  addedLanguages: string[];
  /** The survivor's lists as the merge left them: an unmerge takes items back only from a list nobody changed since. */
  listsAfter: { vulnerabilities: string[]; languages: string[] };
  addedGuardians: Array<{ personId: string; relation?: string }>;
  addedChildLinks: Array<{ childId: string; relation: string | null }>;
}

const nameKey = (name: PersonName): string =>
  JSON.stringify([name.script ?? null, name.family, name.given, name.patronymic ?? null]);

export const sameName = (a: PersonName, b: PersonName): boolean => nameKey(a) === nameKey(b);

/**
 * The survivor after taking in what the absorbed registration knows and the survivor does not: its
 * other names (another script, another spelling), empty fields filled, vulnerabilities, languages and
 * guardians joined. Nothing the survivor says is overwritten: where the two disagree, the
 * coordinator chose the survivor. A birth date is taken only if it agrees with the survivor's year.
 */
export function mergedPerson(
  survivor: Person,
  absorbed: Person,
): { person: Person; changes: Omit<MergeChanges, 'addedChildLinks'> } {
  const addedNames = absorbed.names.filter((name) => !survivor.names.some((own) => sameName(own, name)));
  const next: Person = { ...survivor, names: [...survivor.names, ...addedNames] };
  const filled: MergeChanges['filled'] = {};
  const addedVulnerabilities = absorbed.vulnerabilities.filter((v) => !survivor.vulnerabilities.includes(v));
  next.vulnerabilities = [...survivor.vulnerabilities, ...addedVulnerabilities];
  for (const field of fillableFields) {
    const value = absorbed[field];
    if (survivor[field] !== null || value === null) continue;
    if (
      field === 'birthDate' &&
      survivor.birthYear !== null &&
      Number(String(value).slice(0, 4)) !== survivor.birthYear
    )
      continue;
    if (field === 'birthYear' && (next.birthDate !== null || survivor.birthDate !== null)) continue;
    if (field === 'triage' && !next.vulnerabilities.includes('wounded')) continue;
    if (field === 'ageBand' && (next.birthDate !== null || next.birthYear !== null)) continue;
    (next as unknown as Record<string, unknown>)[field] = value;
    filled[field] = { before: null, after: value };
  }
  // A birth year filled alongside the date it contradicts would make the record invalid.
  if (
    filled.birthDate &&
    next.birthYear !== null &&
    Number(String(next.birthDate).slice(0, 4)) !== next.birthYear
  ) {
    next.birthDate = null;
    delete filled.birthDate;
  }
  const addedLanguages = absorbed.languages.filter((l) => !survivor.languages.includes(l));
  next.languages = [...survivor.languages, ...addedLanguages];
  const addedGuardians = absorbed.guardians.filter(
    (g) => g.personId !== survivor.id && !survivor.guardians.some((own) => own.personId === g.personId),
  );
  next.guardians = [...survivor.guardians, ...addedGuardians];
  return {
    person: next,
    changes: {
      addedNames,
      filled,
      addedVulnerabilities,
      addedLanguages,
      listsAfter: { vulnerabilities: [...next.vulnerabilities], languages: [...next.languages] },
      addedGuardians,
    },
  };
}

/**
 * The survivor with a merge taken back: each thing the merge added is removed, and each field it
 * filled emptied, unless someone changed it since (then what they wrote stays, and is reported).
 */
export function unmergedPerson(current: Person, changes: MergeChanges): { person: Person; kept: string[] } {
  const kept: string[] = [];
  const next: Person = {
    ...current,
    names: current.names.filter((name) => !changes.addedNames.some((added) => sameName(added, name))),
    vulnerabilities: current.vulnerabilities,
    languages: current.languages,
    guardians: current.guardians.filter(
      (g) => !changes.addedGuardians.some((added) => added.personId === g.personId),
    ),
  };
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  if (same(current.vulnerabilities, changes.listsAfter.vulnerabilities))
    next.vulnerabilities = current.vulnerabilities.filter((v) => !changes.addedVulnerabilities.includes(v));
  else if (changes.addedVulnerabilities.length > 0) kept.push('vulnerabilities');
  if (same(current.languages, changes.listsAfter.languages))
    next.languages = current.languages.filter((l) => !changes.addedLanguages.includes(l));
  else if (changes.addedLanguages.length > 0) kept.push('languages');
  for (const [field, change] of Object.entries(changes.filled) as Array<[string, { after: unknown }]>) {
    const key = field as (typeof fillableFields)[number];
    if (current[key] === change.after) (next as unknown as Record<string, unknown>)[key] = null;
    else kept.push(field);
  }
  // The names a merge added may be all the survivor has left if its own were removed since.
  if (next.names.length === 0) {
    next.names = current.names;
    kept.push('names');
  }
  if (!next.vulnerabilities.includes('wounded') && next.triage !== null && !changes.filled.triage) {
    next.vulnerabilities = current.vulnerabilities;
    kept.push('vulnerabilities');
  }
  return { person: next, kept };
}
