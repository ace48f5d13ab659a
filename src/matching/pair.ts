// A pair of people, one from each of two tables that share a PartTable: what they have in common
// apart from their names, the best pairing of their names, the ceiling of their score, and the
// score itself (score.ts combines the fields).
import { type Birth, type BirthComparison, compareBirth } from './birth.ts';
import {
  bandContradiction,
  birthContradiction,
  combine,
  nameFactor,
  type PairContext,
  sexContradiction,
  weights,
} from './score.ts';
import type { PersonTable } from './table.ts';

// Scratch records for the birth comparison, refilled for every pair: compareBirth keeps no
// reference to them, and millions of pairs need no millions of short-lived objects.
const scratchA: Birth = { year: 0, month: 0, day: 0, band: 0 };
const scratchB: Birth = { year: 0, month: 0, day: 0, band: 0 };

function birthOfPair(
  a: PersonTable,
  i: number,
  b: PersonTable,
  j: number,
  referenceYear?: number,
): BirthComparison {
  scratchA.year = a.year[i]!;
  scratchA.month = a.month[i]!;
  scratchA.day = a.day[i]!;
  scratchA.band = a.band[i]!;
  scratchB.year = b.year[j]!;
  scratchB.month = b.month[j]!;
  scratchB.day = b.day[j]!;
  scratchB.band = b.band[j]!;
  return compareBirth(scratchA, scratchB, referenceYear);
}

/** The best similarity between any patronymic of person i and any of person j, or -1. */
function patronymicSimilarity(a: PersonTable, i: number, b: PersonTable, j: number): number {
  let best = -1;
  for (let x = a.patronymicStart[i]!; x < a.patronymicStart[i + 1]!; x++)
    for (let y = b.patronymicStart[j]!; y < b.patronymicStart[j + 1]!; y++) {
      const s = a.parts.similarity(a.patronymic[x]!, b.patronymic[y]!, 2);
      if (s > best) best = s;
    }
  return best;
}

/** Everything about the pair except the family and given names, written into `into`. Both tables share one PartTable. */
export function pairContext(
  a: PersonTable,
  i: number,
  b: PersonTable,
  j: number,
  referenceYear?: number,
  into: PairContext = newContext(),
): PairContext {
  const sexA = a.sex[i]!;
  const sexB = b.sex[j]!;
  into.patronymic = patronymicSimilarity(a, i, b, j);
  into.birth = birthOfPair(a, i, b, j, referenceYear);
  into.sex = sexA === 0 || sexB === 0 ? 0 : sexA === sexB ? 1 : 2;
  into.household = a.household[i]! >= 0 && a.household[i] === b.household[j];
  into.shelter = a.shelter[i]! >= 0 && a.shelter[i] === b.shelter[j];
  return into;
}

const newContext = (): PairContext => ({
  patronymic: -1,
  birth: compareBirth({ year: 0, month: 0, day: 0, band: 0 }, { year: 0, month: 0, day: 0, band: 0 }),
  sex: 0,
  household: false,
  shelter: false,
});

const scratchContext = newContext();

/** The family and given names of one name of i and one of j, as compared for the best score. */
export interface NamePairing {
  nameA: number;
  nameB: number;
  swapped: boolean;
  family: number;
  given: number;
  score: number;
}

/**
 * Tries every name of i against every name of j, straight and with family and given swapped, and
 * writes the best into `best` (a scratch object the caller owns). Returns the best score.
 */
export function bestPairing(
  a: PersonTable,
  i: number,
  b: PersonTable,
  j: number,
  context: PairContext,
  best: NamePairing,
): number {
  const parts = a.parts;
  const givenRole = context.sex === 1 ? 3 : 1;
  best.score = -1;
  for (let x = a.nameStart[i]!; x < a.nameStart[i + 1]!; x++) {
    const fa = a.family[x]!;
    const ga = a.given[x]!;
    for (let y = b.nameStart[j]!; y < b.nameStart[j + 1]!; y++) {
      const fb = b.family[y]!;
      const gb = b.given[y]!;
      const family = fa < 0 || fb < 0 ? -1 : parts.similarity(fa, fb, 0);
      const given = ga < 0 || gb < 0 ? -1 : parts.similarity(ga, gb, givenRole);
      const score = combine(family, given, context);
      if (score > best.score) setPairing(best, x, y, false, family, given, score);
      if (fa >= 0 && ga >= 0 && fb >= 0 && gb >= 0 && best.score < 1) {
        // Both crossings are compared as given names, and the weaker counts as the family name,
        // so that the score does not depend on which record is a and which is b.
        const one = weights.swapped * parts.similarity(fa, gb, givenRole);
        const other = weights.swapped * parts.similarity(ga, fb, givenRole);
        const crossFamily = Math.min(one, other);
        const crossGiven = Math.max(one, other);
        const crossed = combine(crossFamily, crossGiven, context);
        if (crossed > best.score) setPairing(best, x, y, true, crossFamily, crossGiven, crossed);
      }
    }
  }
  return best.score;
}

function setPairing(
  to: NamePairing,
  nameA: number,
  nameB: number,
  swapped: boolean,
  family: number,
  given: number,
  score: number,
): void {
  to.nameA = nameA;
  to.nameB = nameB;
  to.swapped = swapped;
  to.family = family;
  to.given = given;
  to.score = score;
}

export const newPairing = (): NamePairing => ({
  nameA: -1,
  nameB: -1,
  swapped: false,
  family: -1,
  given: -1,
  score: -1,
});

const scratchPairing = newPairing();

/**
 * Whether the pair can reach `threshold` at all, judged on what caps the score whatever else
 * agrees: a birth or sex contradiction, and the penalty of the closest family and given names
 * (taken apart, in either order). Costs a fraction of scoring the pair.
 */
export function canReach(
  a: PersonTable,
  i: number,
  b: PersonTable,
  j: number,
  threshold: number,
  referenceYear?: number,
): boolean {
  let ceiling = 1;
  const sexA = a.sex[i]!;
  const sexB = b.sex[j]!;
  if (sexA !== 0 && sexB !== 0 && sexA !== sexB) ceiling *= sexContradiction;
  const birth = birthOfPair(a, i, b, j, referenceYear);
  if (birth.contradicts) ceiling *= birthContradiction;
  if (birth.kind === 'age band differs') ceiling *= bandContradiction;
  if (ceiling < threshold) return false;
  const parts = a.parts;
  const givenRole = sexA !== 0 && sexA === sexB ? 3 : 1;
  // The best the names can do: the product of their penalties, for the best pairing of names.
  let names = 0;
  for (let x = a.nameStart[i]!; x < a.nameStart[i + 1]! && names < 1; x++)
    for (let y = b.nameStart[j]!; y < b.nameStart[j + 1]! && names < 1; y++) {
      const fa = a.family[x]!;
      const fb = b.family[y]!;
      const ga = a.given[x]!;
      const gb = b.given[y]!;
      const family = fa < 0 || fb < 0 ? 1 : nameFactor(parts.similarity(fa, fb, 0));
      const given = ga < 0 || gb < 0 ? 1 : nameFactor(parts.similarity(ga, gb, givenRole));
      names = Math.max(names, family * given);
      if (fa >= 0 && ga >= 0 && fb >= 0 && gb >= 0) {
        const one = weights.swapped * parts.similarity(fa, gb, givenRole);
        const other = weights.swapped * parts.similarity(ga, fb, givenRole);
        names = Math.max(names, nameFactor(one) * nameFactor(other));
      }
    }
  return ceiling * names >= threshold;
}

/** The match score of person i of table a and person j of table b. */
export function scorePair(
  a: PersonTable,
  i: number,
  b: PersonTable,
  j: number,
  referenceYear?: number,
): number {
  return bestPairing(a, i, b, j, pairContext(a, i, b, j, referenceYear, scratchContext), scratchPairing);
}
