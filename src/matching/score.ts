import type { BirthComparison } from './birth.ts';

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
export const nameFactor = (similarity: number): number => 0.5 + 0.5 * clamp01((similarity - 0.5) / 0.35);
const patronymicFactor = (similarity: number): number => 0.7 + 0.3 * clamp01((similarity - 0.5) / 0.35);
export const birthContradiction = 0.5;
export const sexContradiction = 0.6;
export const bandContradiction = 0.8;

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
