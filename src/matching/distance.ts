// Damerau–Levenshtein distance in its optimal-string-alignment form: insertions, deletions,
// substitutions and transpositions of two neighbouring letters each cost one, and no substring is
// edited twice. That is the shape of a clerk's typo (Kovalneko for Kovalenko is one edit, not two).

// Three rows reused between calls: this runs millions of times in duplicate detection.
let before = new Int32Array(32);
let previous = new Int32Array(32);
let current = new Int32Array(32);

/**
 * The edit distance between a and b, or any number above `limit` as soon as the distance is known
 * to exceed it (callers that only care about small distances pass a limit and save the work).
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const width = b.length + 1;
  if (previous.length < width) {
    before = new Int32Array(width * 2);
    previous = new Int32Array(width * 2);
    current = new Int32Array(width * 2);
  }
  for (let j = 0; j < width; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMinimum = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < width; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        value = Math.min(value, before[j - 2]! + 1);
      current[j] = value;
      if (value < rowMinimum) rowMinimum = value;
    }
    if (rowMinimum > limit) return limit + 1;
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  return previous[b.length]!;
}
