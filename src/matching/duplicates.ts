import { duplicatePasses } from './blocking.ts';
import { compareWith, type MatchResult } from './explain.ts';
import { canReach, scorePair } from './pair.ts';
import type { MatchRecord } from './record.ts';
import { defaultThreshold } from './score.ts';
import { buildIndex, type IndexOptions, type MatchIndex } from './search-index.ts';

export interface DuplicateOptions extends IndexOptions {
  /** Pairs scoring at or above this are reported (default: the matcher's default threshold). */
  threshold?: number;
  /** Attach the field-by-field explanation to each pair (default true). */
  explain?: boolean;
  /**
   * A block with more people than this (a very common name born in one year, or a key shared by
   * chance) is compared by its sorted neighbourhood instead: each person against the next
   * `window` people in birth order. Default 2000.
   */
  maxBlock?: number;
  /** See maxBlock. Default 100. */
  window?: number;
}

export interface DuplicatePair {
  a: string;
  b: string;
  score: number;
  explanation?: MatchResult;
}

export interface DuplicateStats {
  people: number;
  /** Pairs scored, per blocking pass (a pair already scored in an earlier pass is not scored again). */
  compared: Record<string, number>;
  /** Blocks compared by sorted neighbourhood because they exceeded maxBlock. */
  largeBlocks: number;
  pairs: number;
}

export interface DuplicateReport {
  pairs: DuplicatePair[];
  stats: DuplicateStats;
}

/** True when people p and q share a key in one of the passes before `pass`: they were scored there. */
function scoredBefore(index: MatchIndex, pass: number, p: number, q: number): boolean {
  for (let earlier = 0; earlier < pass; earlier++) {
    const { start, values } = index.keys[earlier]!;
    for (let x = start[p]!; x < start[p + 1]!; x++)
      for (let y = start[q]!; y < start[q + 1]!; y++) if (values[x] === values[y]) return true;
  }
  return false;
}

/** The years a birth year may have been mistyped as by swapping two neighbouring digits. */
function swappedYears(year: number): number[] {
  const digits = String(year);
  const out: number[] = [];
  for (let k = 0; k + 1 < digits.length; k++) {
    if (digits[k] === digits[k + 1]) continue;
    out.push(Number(digits.slice(0, k) + digits[k + 1] + digits[k] + digits.slice(k + 2)));
  }
  return out;
}

/**
 * Every pair of a block that birth years leave possible: people born two or more years apart
 * cannot reach a match score (score.ts halves it), unless the year may carry two swapped digits.
 * People without a birth year are paired with everyone. The same pairs as comparing all, with
 * the hopeless ones never enumerated.
 */
function pairsByBirthYear(
  members: number[],
  years: Int16Array,
  consider: (p: number, q: number) => void,
): void {
  if (members.length <= 8) {
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) consider(members[x]!, members[y]!);
    return;
  }
  const byYear = new Map<number, number[]>();
  for (const person of members) {
    const year = years[person]!;
    const list = byYear.get(year);
    if (list) list.push(person);
    else byYear.set(year, [person]);
  }
  const across = (one: readonly number[], other: readonly number[]) => {
    for (const p of one) for (const q of other) consider(p, q);
  };
  const within = (list: readonly number[]) => {
    for (let x = 0; x < list.length; x++)
      for (let y = x + 1; y < list.length; y++) consider(list[x]!, list[y]!);
  };
  const unknown = byYear.get(0) ?? [];
  within(unknown);
  for (const [year, list] of byYear) {
    if (year === 0) continue;
    within(list);
    across(unknown, list);
    const next = byYear.get(year + 1);
    if (next) across(list, next);
    for (const swapped of swappedYears(year))
      if (swapped > year + 1 && byYear.has(swapped)) across(list, byYear.get(swapped)!);
  }
}

/**
 * Candidate duplicates among the people of an index (or of records, indexed on the way): every
 * pair that shares a blocking key is scored once, and pairs at or above the threshold are
 * returned, best first, each with what matched.
 */
export function findDuplicates(
  source: MatchIndex | readonly MatchRecord[],
  options: DuplicateOptions = {},
): DuplicateReport {
  const index = Array.isArray(source) ? buildIndex(source, options) : (source as MatchIndex);
  const threshold = options.threshold ?? defaultThreshold;
  const maxBlock = options.maxBlock ?? 2000;
  const window = options.window ?? 100;
  const { table, personBits } = index;
  const scale = 2 ** personBits;
  const found: Array<{ p: number; q: number; score: number }> = [];
  const compared: Record<string, number> = {};
  let largeBlocks = 0;
  duplicatePasses.forEach((name, pass) => {
    const entries = index.passes[pass]!;
    let count = 0;
    const consider = (p: number, q: number) => {
      if (p === q) return;
      if (pass > 0 && scoredBefore(index, pass, p, q)) return;
      count++;
      if (!canReach(table, p, table, q, threshold, index.referenceYear)) return;
      const score = scorePair(table, p, table, q, index.referenceYear);
      if (score >= threshold) found.push(p < q ? { p, q, score } : { p: q, q: p, score });
    };
    for (let start = 0; start < entries.length; ) {
      const key = Math.floor(entries[start]! / scale);
      let end = start + 1;
      while (end < entries.length && Math.floor(entries[end]! / scale) === key) end++;
      // Entries are sorted, so a person filed twice under one key sits next to itself.
      const members: number[] = [];
      for (let at = start; at < end; at++) {
        const person = entries[at]! - key * scale;
        if (members[members.length - 1] !== person) members.push(person);
      }
      if (members.length <= maxBlock) pairsByBirthYear(members, table.year, consider);
      else {
        largeBlocks++;
        members.sort((p, q) => table.year[p]! - table.year[q]! || p - q);
        for (let x = 0; x < members.length; x++)
          for (let y = x + 1; y < Math.min(members.length, x + 1 + window); y++)
            consider(members[x]!, members[y]!);
      }
      start = end;
    }
    compared[name] = count;
  });
  found.sort((x, y) => y.score - x.score || x.p - y.p || x.q - y.q);
  const explain = options.explain ?? true;
  const pairs = found.map(({ p, q, score }): DuplicatePair => {
    const pair: DuplicatePair = { a: table.ids[p]!, b: table.ids[q]!, score };
    if (explain)
      pair.explanation = compareWith(index.table.parts, index.records[p]!, index.records[q]!, {
        threshold,
        referenceYear: index.referenceYear,
      });
    return pair;
  });
  return { pairs, stats: { people: table.length, compared, largeBlocks, pairs: pairs.length } };
}
