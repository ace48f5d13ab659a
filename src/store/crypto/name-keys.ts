import type { PersonName } from '../../domain/person.ts';
import { canonicalWord } from '../../matching/canonical.ts';
import { latinWords } from '../../matching/latin.ts';
import type { FieldCipher } from './keyring.ts';

// The blind index of a person's names. The registry's search once read the names with LIKE; with
// names sealed it looks up keyed hashes instead, one per:
//   w: a word as written (lowercase, any script) and each of its prefixes of three letters or more;
//   c: the canonical Latin form of a word and its prefixes: one spelling for the ways a Cyrillic
//      name is written in Latin and sounds alike (src/matching/canonical.ts), so Коваленко is found
//      as Kovalenko, Kowalenko or Kovalenko with a doubled letter.
// The consonant skeleton, which the matcher uses to propose candidates, is left out: as a search key
// it finds unrelated families (Melnyk, Malenko); the tracing matcher still works on decrypted names.
// A query word is found when any of its keys is among the person's; every query word must be.
const shortestPrefix = 3;

const writtenWords = (text: string): string[] =>
  text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((w) => w.length > 0);

function withPrefixes(tag: string, word: string, into: Set<string>): void {
  into.add(`${tag}:${word}`);
  const letters = [...word];
  for (let n = shortestPrefix; n < letters.length; n++) into.add(`${tag}:${letters.slice(0, n).join('')}`);
}

// The keys of a name part are remembered, in a bounded table: families, given names and
// patronymics repeat from person to person, and transliterating them is most of a registration's
// work here. It lives in this process's memory alone, as the names themselves do.
const rememberedParts = 20_000;
const partKeys = new Map<string, readonly string[]>();

function keyTextsOfPart(part: string): readonly string[] {
  let keys = partKeys.get(part);
  if (keys === undefined) {
    const found = new Set<string>();
    for (const word of writtenWords(part)) withPrefixes('w', word, found);
    for (const word of latinWords(part)) withPrefixes('c', canonicalWord(word), found);
    keys = [...found];
    if (partKeys.size >= rememberedParts) partKeys.clear();
    partKeys.set(part, keys);
  }
  return keys;
}

/** The plain keys of a person's names, before hashing. */
export function nameKeyTexts(names: readonly PersonName[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names)
    for (const part of [name.family, name.given, name.patronymic ?? ''])
      for (const key of keyTextsOfPart(part)) keys.add(key);
  return keys;
}

export const nameKeys = (cipher: FieldCipher, names: readonly PersonName[]): string[] =>
  [...nameKeyTexts(names)].map((text) => cipher.blind(text));

/**
 * For each word of a search, the keys that find it (any one of them): under every index key, so that
 * while the index is rotated a person is found whichever key their entries were written with.
 */
export function queryKeys(cipher: FieldCipher, query: string): string[][] {
  return writtenWords(query).map((word) => {
    const keys = [`w:${word}`];
    for (const latin of latinWords(word)) keys.push(`c:${canonicalWord(latin)}`);
    return keys.flatMap((text) => cipher.blindAny(text));
  });
}
