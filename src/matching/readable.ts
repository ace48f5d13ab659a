import { latinWords } from './latin.ts';
import { birthOf, type MatchRecord } from './record.ts';

const hasLetters = (text: string | undefined): boolean => text !== undefined && latinWords(text).length > 0;

/**
 * The part of a record the matcher can read, or null when nothing is left: names with neither a
 * family nor a given name in letters are left out, and birth data that is not a date, a year or a
 * band is dropped. The registry accepts such records ("?" for a name nobody knows); matching a
 * whole site must not fail because one of them is there.
 */
export function readableRecord<R extends MatchRecord>(record: R): R | null {
  const names = record.names.filter((name) => hasLetters(name.family) || hasLetters(name.given));
  if (names.length === 0) return null;
  const readable = names.length === record.names.length ? record : { ...record, names };
  try {
    birthOf(readable);
    return readable;
  } catch {
    return { ...readable, birthDate: null, birthYear: null, ageBand: null };
  }
}
