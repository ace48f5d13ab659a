import { type Birth, type BirthComparison, compareBirth } from './birth.ts';
import type { PersonTable } from './table.ts';

// How much each field counts when both records have it. Names carry most of the weight; birth
// counts by its precision (birth.ts); sex, household and shelter confirm more than they decide.
// Household and shelter count only when they are the same: the same person is often registered
// in one shelter by a field team and in no household at all at reception.
export const weights = {
  family: 0.3,
  given: 0.25,
  patronymic: 0.1,
  sexSame: 0.05,
  sexDifferent: 0.1,
  household: 0.05,
  shelter: 0.03,
  /** A family and given name found the wrong way round count this much of their similarity. */
  swapped: 0.95,
};

/** The score at or above which two records are taken for one person, chosen on the labelled set (docs/matching.md). */
export const defaultThreshold = 0.8;

/** A factor the score is multiplied by, for a disagreement an average alone would wash out. */
export interface Penalty {
  reason: string;
  factor: number;
}

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

// Below 0.85 a name stops looking like the same name; at 0.5 it is plainly another name and halves
// the score, however well everything else agrees (siblings share a family, a household, a shelter).
const nameFactor = (similarity: number): number => 0.5 + 0.5 * clamp01((similarity - 0.5) / 0.35);
const patronymicFactor = (similarity: number): number => 0.7 + 0.3 * clamp01((similarity - 0.5) / 0.35);
const birthContradiction = 0.5;
const sexContradiction = 0.6;
const bandContradiction = 0.8;

/** What is known about a pair apart from the names; the same for every pair of their names. */
export interface PairContext {
  patronymic: number;
  birth: BirthComparison;
  /** 0 not compared, 1 same, 2 different. */
  sex: number;
  household: boolean;
  shelter: boolean;
}

/** Multiplies a running factor, and notes the reason when someone asked for the explanation. */
function penalise(factor: number, f: number, reason: string, penalties: Penalty[] | undefined): number {
  if (f >= 1) return factor;
  penalties?.push({ reason, factor: f });
  return factor * f;
}

/**
 * One score in [0, 1] from the similarities of the fields: the weighted mean of the fields both
 * records have, multiplied by a factor for each plain contradiction. `family` and `given` are -1
 * when either record lacks that part. Records that agree in everything score exactly 1.
 */
export function combine(family: number, given: number, context: PairContext, penalties?: Penalty[]): number {
  let total = 0;
  let weight = 0;
  let factor = 1;
  if (family >= 0) {
    total += weights.family * family;
    weight += weights.family;
    factor = penalise(factor, nameFactor(family), 'family names differ', penalties);
  }
  if (given >= 0) {
    total += weights.given * given;
    weight += weights.given;
    factor = penalise(factor, nameFactor(given), 'given names differ', penalties);
  }
  if (context.patronymic >= 0) {
    total += weights.patronymic * context.patronymic;
    weight += weights.patronymic;
    factor = penalise(
      factor,
      patronymicFactor(context.patronymic),
      'patronymics differ (a different father)',
      penalties,
    );
  }
  const birth = context.birth;
  if (birth.weight > 0) {
    total += birth.weight * birth.similarity;
    weight += birth.weight;
    if (birth.contradicts)
      factor = penalise(factor, birthContradiction, 'born two or more years apart', penalties);
    if (birth.kind === 'age band differs')
      factor = penalise(factor, bandContradiction, 'age bands differ', penalties);
  }
  if (context.sex === 1) {
    total += weights.sexSame;
    weight += weights.sexSame;
  } else if (context.sex === 2) {
    weight += weights.sexDifferent;
    factor = penalise(factor, sexContradiction, 'sex differs', penalties);
  }
  if (context.household) {
    total += weights.household;
    weight += weights.household;
  }
  if (context.shelter) {
    total += weights.shelter;
    weight += weights.shelter;
  }
  return weight === 0 ? 0 : clamp01((total / weight) * factor);
}

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
