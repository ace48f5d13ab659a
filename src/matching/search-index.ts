import { CorridorError } from '../domain/errors.ts';
import { KeyHashes, keysOf, searchPasses } from './blocking.ts';
import { compareWith, type MatchResult } from './explain.ts';
import { canReach, scorePair } from './pair.ts';
import type { MatchRecord } from './record.ts';
import { defaultThreshold } from './score.ts';
import { PersonTable } from './table.ts';

/**
 * People filed for matching: their prepared names and, for each blocking pass, every (key,
 * person) entry packed into one number — the key in the high bits, the person in the low bits —
 * in a sorted Float64Array, so a block is a binary search and a run of equal keys.
 */
export interface MatchIndex {
  readonly records: readonly MatchRecord[];
  readonly table: PersonTable;
  readonly hashes: KeyHashes;
  readonly personBits: number;
  /** One sorted array per pass of blocking.ts's searchPasses. */
  readonly passes: readonly Float64Array[];
  /** Each person's keys per pass: keys[pass].values from keys[pass].start[i] to start[i + 1]. */
  readonly keys: ReadonlyArray<{ start: Int32Array; values: Uint32Array }>;
  readonly referenceYear: number | undefined;
}

export interface IndexOptions {
  /** The year age bands were recorded in; without it an age band is compared only with another band. */
  referenceYear?: number;
}

/** Bits left for the key once the person index has its share of a double's 53-bit integer range. */
const personBitsFor = (n: number): number => Math.max(1, Math.ceil(Math.log2(Math.max(2, n))));

export function packedKey(key: number, personBits: number): number {
  const keyBits = 53 - personBits;
  // With fewer than 32 bits free, keys are folded: blocks merge, which costs comparisons, not matches.
  return keyBits >= 32 ? key : key % 2 ** keyBits;
}

/** Builds the in-memory index over records (each is checked; a bad one is refused with its id). */
export function buildIndex(records: readonly MatchRecord[], options: IndexOptions = {}): MatchIndex {
  if (records.length >= 2 ** 31) throw new CorridorError('bad_request', 'an index holds at most 2^31 people');
  const table = new PersonTable(records, { merge: true });
  const hashes = new KeyHashes(table.parts);
  const personBits = personBitsFor(records.length);
  const scale = 2 ** personBits;
  const keys = searchPasses.map((_, pass) => {
    const start = new Int32Array(table.length + 1);
    const values: number[] = [];
    for (let i = 0; i < table.length; i++) {
      start[i] = values.length;
      values.push(...keysOf(table, i, pass, hashes));
    }
    start[table.length] = values.length;
    return { start, values: Uint32Array.from(values) };
  });
  const passes = keys.map(({ start, values }) => {
    const entries = new Float64Array(values.length);
    for (let i = 0; i < table.length; i++)
      for (let at = start[i]!; at < start[i + 1]!; at++)
        entries[at] = packedKey(values[at]!, personBits) * scale + i;
    return entries.sort();
  });
  return { records, table, hashes, personBits, passes, keys, referenceYear: options.referenceYear };
}

/** The first position in a sorted array holding a value at or above `value`. */
export function lowerBound(array: Float64Array, value: number): number {
  let low = 0;
  let high = array.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (array[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export interface SearchOptions {
  /** At most this many results, best first (default 20). */
  limit?: number;
  /** Leave out candidates scoring below this (default 0.5). */
  minScore?: number;
  /** The score at which a result is called a match (default: the matcher's default threshold). */
  threshold?: number;
}

export interface SearchResult {
  id: string;
  score: number;
  match: boolean;
  explanation: MatchResult;
}

/**
 * Finds the people in the index most like the query record: candidates from every blocking pass,
 * each scored, best first, with the explanation of each result.
 */
export function search(index: MatchIndex, query: MatchRecord, options: SearchOptions = {}): SearchResult[] {
  const limit = options.limit ?? 20;
  const minScore = options.minScore ?? 0.5;
  const threshold = options.threshold ?? defaultThreshold;
  const probe = new PersonTable([query], { merge: true, parts: index.table.parts });
  const scale = 2 ** index.personBits;
  const seen = new Set<number>();
  const scored: Array<{ person: number; score: number }> = [];
  index.passes.forEach((entries, pass) => {
    for (const key of keysOf(probe, 0, pass, index.hashes)) {
      const low = packedKey(key, index.personBits) * scale;
      for (let at = lowerBound(entries, low); at < entries.length && entries[at]! < low + scale; at++) {
        const person = entries[at]! - low;
        if (seen.has(person)) continue;
        seen.add(person);
        if (!canReach(probe, 0, index.table, person, minScore, index.referenceYear)) continue;
        const score = scorePair(probe, 0, index.table, person, index.referenceYear);
        if (score >= minScore) scored.push({ person, score });
      }
    }
  });
  scored.sort((x, y) => y.score - x.score || x.person - y.person);
  return scored.slice(0, limit).map(({ person, score }) => {
    const explanation = compareWith(index.table.parts, query, index.records[person]!, {
      threshold,
      referenceYear: index.referenceYear,
    });
    return { id: index.table.ids[person]!, score, match: score >= threshold, explanation };
  });
}
