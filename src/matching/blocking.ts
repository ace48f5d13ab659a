// Blocking: the keys under which a person is filed, so that only people who share a key are ever
// compared. Each pass catches what the others miss:
//
//   names          phonetic keys of family and given name, in either order (variants and most
//                  spellings share a key: Коваленко Олексій, Kovalenko Aleksei, Oleksii Kovalenko)
//   family+year    family key and birth year (a given name mistyped past its key)
//   given+year+    given key, birth year and the start, or the end, of the family key (a family
//                  name mistyped past its key, at its end or at its start)
//
// Search also files people under looser keys (family alone; given with the start or the end of
// the family key), because a tracing request often has no birth year and one query can afford a
// few thousand comparisons where a million-person scan cannot.
import type { PartTable, PersonTable } from './table.ts';

export const duplicatePasses = [
  'names',
  'family+year',
  'given+year+family start',
  'given+year+family end',
] as const;
export const searchPasses = [...duplicatePasses, 'family', 'given+family start', 'given+family end'] as const;
export type Pass = (typeof searchPasses)[number];

/** A 32-bit FNV-1a hash of a string. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** One step of mixing a number into a 32-bit key (the murmur3 finaliser). */
function step(h: number, value: number): number {
  let x = Math.imul(h ^ (value >>> 0), 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
}

const mix2 = (a: number, b: number): number => step(step(0x9e3779b9, a), b);
const mix3 = (a: number, b: number, c: number): number => step(mix2(a, b), c);
const mix4 = (a: number, b: number, c: number, d: number): number => step(mix3(a, b, c), d);

/** Hashes of each part's phonetic key, of its first two letters and of its last three, by part id. */
export class KeyHashes {
  readonly whole: number[] = [];
  readonly start: number[] = [];
  readonly end: number[] = [];

  constructor(private readonly parts: PartTable) {}

  /** Makes sure hashes exist for every part up to id. */
  cover(id: number): void {
    for (let k = this.whole.length; k <= id; k++) {
      const key = this.parts.infos[k]!.key;
      this.whole.push(hashString(key));
      this.start.push(hashString(key.slice(0, 2)));
      this.end.push(hashString(key.slice(-3)));
    }
  }
}

const absent = 0x5bd1e995;

/** The keys of person i for one pass, without repeats (several names often give the same key). */
export function keysOf(table: PersonTable, i: number, pass: number, hashes: KeyHashes): number[] {
  const keys: number[] = [];
  const year = table.year[i]!;
  for (let x = table.nameStart[i]!; x < table.nameStart[i + 1]!; x++) {
    const f = table.family[x]!;
    const g = table.given[x]!;
    hashes.cover(Math.max(f, g));
    const hasBoth = f >= 0 && g >= 0;
    let key = -1;
    switch (pass) {
      case 0: {
        const a = f >= 0 ? hashes.whole[f]! : absent;
        const b = g >= 0 ? hashes.whole[g]! : absent;
        key = mix3(pass, Math.min(a, b), Math.max(a, b));
        break;
      }
      case 1:
        if (f >= 0 && year !== 0) key = mix3(pass, hashes.whole[f]!, year);
        break;
      case 2:
        if (hasBoth && year !== 0) key = mix4(pass, hashes.whole[g]!, year, hashes.start[f]!);
        break;
      case 3:
        if (hasBoth && year !== 0) key = mix4(pass, hashes.whole[g]!, year, hashes.end[f]!);
        break;
      case 4:
        if (f >= 0) key = mix2(pass, hashes.whole[f]!);
        break;
      case 5:
        if (hasBoth) key = mix3(pass, hashes.whole[g]!, hashes.start[f]!);
        break;
      case 6:
        if (hasBoth) key = mix3(pass, hashes.whole[g]!, hashes.end[f]!);
        break;
    }
    if (key >= 0 && !keys.includes(key)) keys.push(key);
  }
  return keys;
}
