// Small-cell suppression for published count tables (statistical disclosure control).
//
// A table is a list of counts ("cells") and a list of equations the reader knows hold between
// them: a published total is the sum of its parts (a row total, a column total, the grand total).
// A count of 1 to k-1 people can single someone out, so it is suppressed (primary suppression).
// A suppressed cell that is the only unknown in one of the equations could be recomputed by a
// single subtraction (total minus the other parts), so in every equation with exactly one
// suppressed cell one more cell is suppressed (secondary suppression), the smallest one that is
// still published, until no equation has exactly one. Then no equation can be solved for a single
// suppressed value, and none can be solved after substituting another: an attacker working equation
// by equation never gets a first value to start from.
//
// Zeros are published: an empty cell names nobody. They are still candidates for secondary
// suppression, where hiding a zero protects a neighbour as well as hiding any other count.

export interface Equation {
  /** The cell holding the published total. */
  total: number;
  /** The cells that add up to it. */
  parts: readonly number[];
}

export type Suppression = 'published' | 'primary' | 'secondary';

export interface SuppressionResult {
  marks: Suppression[];
  primary: number;
  secondary: number;
  /** The smallest count above zero still published, or null when none is. */
  smallestPublished: number | null;
  k: number;
}

export const defaultK = 5;

export function isSmallCount(count: number, k: number): boolean {
  return count > 0 && count < k;
}

/** Marks which cells of a table must be suppressed so that no small count is published or recoverable. */
export function suppressSmallCells(
  counts: readonly number[],
  equations: readonly Equation[],
  k: number,
): SuppressionResult {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number of at least 1, not ${k}`);
  const marks: Suppression[] = counts.map((n) => (isSmallCount(n, k) ? 'primary' : 'published'));
  const members = equations.map((e) => [e.total, ...e.parts]);
  let changed = true;
  while (changed) {
    changed = false;
    for (const cells of members) {
      const hidden = cells.filter((c) => marks[c] !== 'published');
      if (hidden.length !== 1) continue;
      const shown = cells.filter((c) => marks[c] === 'published');
      // A total without parts has nothing beside it to hide.
      if (shown.length === 0) continue;
      const next = shown.reduce((best, c) => (counts[c]! < counts[best]! ? c : best));
      marks[next] = 'secondary';
      changed = true;
    }
  }
  const published = counts.filter((n, i) => marks[i] === 'published' && n > 0);
  return {
    marks,
    primary: marks.filter((m) => m === 'primary').length,
    secondary: marks.filter((m) => m === 'secondary').length,
    smallestPublished: published.length > 0 ? Math.min(...published) : null,
    k,
  };
}

/**
 * The values an attacker can recompute from the published cells by solving the equations one at a
 * time, each time with exactly one unknown, substituting what was found before. Used by the tests
 * to show the suppression holds; returns the cells recovered.
 */
export function recoverableCells(
  published: ReadonlyArray<number | null>,
  equations: readonly Equation[],
): Map<number, number> {
  const known = new Map<number, number>();
  published.forEach((v, i) => {
    if (v !== null) known.set(i, v);
  });
  const recovered = new Map<number, number>();
  let changed = true;
  while (changed) {
    changed = false;
    for (const e of equations) {
      const cells = [e.total, ...e.parts];
      const unknown = cells.filter((c) => !known.has(c));
      if (unknown.length !== 1) continue;
      const cell = unknown[0]!;
      const partsSum = e.parts.filter((c) => c !== cell).reduce((s, c) => s + known.get(c)!, 0);
      const value = cell === e.total ? partsSum : known.get(e.total)! - partsSum;
      known.set(cell, value);
      recovered.set(cell, value);
      changed = true;
    }
  }
  return recovered;
}
