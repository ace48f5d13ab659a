import type { PersonStatus } from './lifecycle.ts';

export const vulnerabilities = [
  'child',
  'unaccompanied_child',
  'separated_child',
  'elderly',
  'wounded',
  'needs_stretcher',
  'needs_wheelchair',
  'pregnant',
  'needs_medication',
] as const;
export type Vulnerability = (typeof vulnerabilities)[number];

export const triageCategories = ['T1', 'T2', 'T3'] as const;
export type TriageCategory = (typeof triageCategories)[number];

export const sexes = ['female', 'male', 'other', 'unknown'] as const;
export type Sex = (typeof sexes)[number];

export const ageBands = ['0-4', '5-11', '12-17', '18-59', '60+'] as const;
export type AgeBand = (typeof ageBands)[number];

/** A name as written, in one script. A person may carry several (Cyrillic as given, Latin at reception). */
export interface PersonName {
  script?: string;
  family: string;
  given: string;
  patronymic?: string;
}

export interface Guardian {
  personId: string;
  relation?: string;
}

export interface Person {
  id: string;
  siteId: string;
  householdId: string | null;
  shelterId: string | null;
  names: PersonName[];
  sex: Sex;
  birthDate: string | null;
  birthYear: number | null;
  ageBand: AgeBand | null;
  vulnerabilities: Vulnerability[];
  triage: TriageCategory | null;
  languages: string[];
  note: string | null;
  guardians: Guardian[];
  status: PersonStatus;
  statusChangedAt: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Rules that hold for every person record, whatever its source; returns problems as [field, reason]. */
export function personProblems(person: {
  vulnerabilities: readonly Vulnerability[];
  triage: TriageCategory | null;
  birthDate: string | null;
  birthYear: number | null;
}): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const wounded = person.vulnerabilities.includes('wounded');
  if (wounded && !person.triage)
    problems.push(['triage', 'a wounded person needs a triage category (T1, T2 or T3)']);
  if (!wounded && person.triage)
    problems.push(['triage', "a triage category is given only with the vulnerability 'wounded'"]);
  if (new Set(person.vulnerabilities).size !== person.vulnerabilities.length)
    problems.push(['vulnerabilities', 'a vulnerability is listed twice']);
  if (person.birthDate) {
    const date = new Date(`${person.birthDate}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== person.birthDate)
      problems.push(['birthDate', `${person.birthDate} is not a calendar date`]);
    else if (date.getTime() > Date.now()) problems.push(['birthDate', 'the birth date is in the future']);
    if (person.birthYear && Number(person.birthDate.slice(0, 4)) !== person.birthYear)
      problems.push(['birthYear', 'the birth year does not match the birth date']);
  }
  return problems;
}
