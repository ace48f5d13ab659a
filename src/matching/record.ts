import { CorridorError } from '../domain/errors.ts';
import type { AgeBand, PersonName, Sex } from '../domain/person.ts';
import { ageBandRanges, type Birth } from './birth.ts';

/**
 * What the matcher reads of a person: a registry Person satisfies it as it is; a tracing request
 * or a PFIF record can be turned into one. Every name the person is known by (Cyrillic as given,
 * Latin at reception) is compared with every name of the other record.
 */
export interface MatchRecord {
  id: string;
  names: readonly PersonName[];
  sex?: Sex | null;
  birthDate?: string | null;
  birthYear?: number | null;
  ageBand?: AgeBand | null;
  householdId?: string | null;
  shelterId?: string | null;
}

const problem = (record: MatchRecord, field: string, reason: string): CorridorError =>
  new CorridorError('validation_failed', `record ${record.id}: ${field} ${reason}`, {
    id: record.id,
    field,
  });

const daysInMonth = (year: number, month: number): number =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

/** Reads the birth fields of a record, refusing values that are not dates, years or age bands. */
export function birthOf(record: MatchRecord): Birth {
  const birth: Birth = { year: 0, month: 0, day: 0, band: 0 };
  if (record.birthDate) {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(record.birthDate);
    const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
    if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || year < 1850)
      throw problem(record, 'birthDate', `${JSON.stringify(record.birthDate)} is not a calendar date`);
    birth.year = year;
    birth.month = month;
    birth.day = day;
  }
  if (record.birthYear !== null && record.birthYear !== undefined) {
    if (!Number.isInteger(record.birthYear) || record.birthYear < 1850 || record.birthYear > 2200)
      throw problem(record, 'birthYear', `${record.birthYear} is not a plausible year`);
    if (birth.year !== 0 && birth.year !== record.birthYear)
      throw problem(record, 'birthYear', 'does not match the birth date');
    birth.year = record.birthYear;
  }
  if (record.ageBand) {
    const index = ageBandRanges.findIndex(([band]) => band === record.ageBand);
    if (index < 0) throw problem(record, 'ageBand', `${JSON.stringify(record.ageBand)} is not an age band`);
    birth.band = index + 1;
  }
  return birth;
}

/** Checks that a record has an id and a list of names (each name's letters are checked as it is read). */
export function checkRecord(record: MatchRecord): void {
  if (typeof record.id !== 'string' || record.id.length === 0)
    throw new CorridorError('validation_failed', 'a record to match needs an id', { field: 'id' });
  if (!Array.isArray(record.names) || record.names.length === 0)
    throw problem(record, 'names', 'is empty: at least one name is needed to match a person');
}

/** The error for a name with neither a family nor a given name that has letters in it. */
export const nameWithoutLetters = (record: MatchRecord, index: number): CorridorError =>
  problem(record, `names[${index}]`, 'has neither a family name nor a given name with letters in it');

export const sexCode = (sex: Sex | null | undefined): number =>
  sex === 'female' ? 1 : sex === 'male' ? 2 : 0;
