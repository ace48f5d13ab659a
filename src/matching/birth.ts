import type { AgeBand } from '../domain/person.ts';

/** What a record says about when a person was born; 0 stands for unknown. */
export interface Birth {
  year: number;
  month: number;
  day: number;
  /** Index into ageBandRanges plus one, or 0. */
  band: number;
}

export const ageBandRanges: ReadonlyArray<readonly [AgeBand, number, number]> = [
  ['0-4', 0, 4],
  ['5-11', 5, 11],
  ['12-17', 12, 17],
  ['18-59', 18, 59],
  ['60+', 60, 150],
];

export type BirthKind =
  | 'same date'
  | 'day and month swapped'
  | 'same year and month'
  | 'same year and day'
  | 'same year'
  | 'year differs by one'
  | 'year digits swapped'
  | 'different'
  | 'age band agrees'
  | 'age band differs'
  | 'not compared';

export interface BirthComparison {
  similarity: number;
  /** How much the comparison counts in the score: a full date says more than an age band. */
  weight: number;
  kind: BirthKind;
  /** True when both records give a birth year and they are two or more years apart. */
  contradicts: boolean;
}

const weights = { date: 0.3, year: 0.2, band: 0.05, bandContradiction: 0.15 };

const swappedDigits = (a: number, b: number): boolean => {
  const x = String(a);
  const y = String(b);
  if (x.length !== y.length || x === y) return false;
  const differ = [...x].flatMap((ch, i) => (ch === y[i] ? [] : [i]));
  const [i, j] = differ;
  return differ.length === 2 && j === i! + 1 && x[i!] === y[j] && x[j] === y[i!];
};

// Results are shared constants: duplicate detection compares millions of pairs.
const result = (similarity: number, weight: number, kind: BirthKind, contradicts = false): BirthComparison =>
  Object.freeze({ similarity, weight, kind, contradicts });

const dates = {
  same: result(1, weights.date, 'same date'),
  swapped: result(0.85, weights.date, 'day and month swapped'),
  sameMonth: result(0.7, weights.date, 'same year and month'),
  sameDay: result(0.7, weights.date, 'same year and day'),
  sameYear: result(0.45, weights.date, 'same year'),
  yearOffByOne: result(0.7, weights.date, 'year differs by one'),
  yearDigits: result(0.6, weights.date, 'year digits swapped'),
  nextYear: result(0.15, weights.date, 'year differs by one'),
  different: result(0, weights.date, 'different', true),
};

const years = {
  same: result(1, weights.year, 'same year'),
  // A year worked out from a stated age is easily one off.
  offByOne: result(0.5, weights.year, 'year differs by one'),
  different: result(0, weights.year, 'different', true),
};

const bands = {
  agree: result(1, weights.band, 'age band agrees'),
  differ: result(0, weights.bandContradiction, 'age band differs'),
};

function compareDates(a: Birth, b: Birth): BirthComparison {
  const sameYear = a.year === b.year;
  if (sameYear && a.month === b.month && a.day === b.day) return dates.same;
  // Day and month written the wrong way round (03.04 for 04.03) is a common slip.
  if (sameYear && a.month === b.day && a.day === b.month) return dates.swapped;
  if (sameYear && a.month === b.month) return dates.sameMonth;
  if (sameYear && a.day === b.day) return dates.sameDay;
  if (sameYear) return dates.sameYear;
  const sameDay = a.month === b.month && a.day === b.day;
  if (sameDay && Math.abs(a.year - b.year) === 1) return dates.yearOffByOne;
  if (sameDay && swappedDigits(a.year, b.year)) return dates.yearDigits;
  if (Math.abs(a.year - b.year) === 1) return dates.nextYear;
  return dates.different;
}

function compareYears(a: Birth, b: Birth): BirthComparison {
  if (a.year === b.year) return years.same;
  if (Math.abs(a.year - b.year) === 1) return years.offByOne;
  return years.different;
}

function bandFits(band: number, year: number, referenceYear: number): boolean {
  const range = ageBandRanges[band - 1];
  if (!range) return false;
  // Whether the birthday has passed in the reference year is unknown, so the age is one of two.
  const oldest = referenceYear - year;
  return oldest >= range[1] && oldest - 1 <= range[2];
}

const notCompared = result(0, 0, 'not compared');

function compareBands(a: Birth, b: Birth, referenceYear: number | undefined): BirthComparison {
  let agrees: boolean | undefined;
  if (a.band !== 0 && b.band !== 0) agrees = a.band === b.band;
  else if (referenceYear !== undefined && a.band !== 0 && b.year !== 0)
    agrees = bandFits(a.band, b.year, referenceYear);
  else if (referenceYear !== undefined && b.band !== 0 && a.year !== 0)
    agrees = bandFits(b.band, a.year, referenceYear);
  if (agrees === undefined) return notCompared;
  return agrees ? bands.agree : bands.differ;
}

/**
 * Compares what two records say about birth, at the precision both have: full dates, years, or
 * age bands (an age band is checked against a birth year only when the year the band was
 * recorded in is known). Symmetric in a and b.
 */
export function compareBirth(a: Birth, b: Birth, referenceYear?: number): BirthComparison {
  const datesA = a.year !== 0 && a.month !== 0;
  const datesB = b.year !== 0 && b.month !== 0;
  if (datesA && datesB) return compareDates(a, b);
  if (a.year !== 0 && b.year !== 0) return compareYears(a, b);
  return compareBands(a, b, referenceYear);
}
