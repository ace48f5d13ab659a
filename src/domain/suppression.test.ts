import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CountColumn, suppressTable, tableEquations } from './count-table.ts';
import { isSmallCount, recoverableCells, suppressSmallCells } from './suppression.ts';

// Tables shaped like the HXL export's: places × (status parts adding up to a total, overlapping
// vulnerability columns), with many small counts so suppression has work to do.
const tables = fc
  .record({
    rows: fc.integer({ min: 1, max: 7 }),
    parts: fc.integer({ min: 1, max: 5 }),
    overlapping: fc.integer({ min: 0, max: 3 }),
    withTotal: fc.boolean(),
    k: fc.integer({ min: 2, max: 10 }),
  })
  .chain((shape) =>
    fc.record({
      shape: fc.constant(shape),
      parts: fc.array(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), {
          minLength: shape.parts,
          maxLength: shape.parts,
        }),
        { minLength: shape.rows, maxLength: shape.rows },
      ),
      overlap: fc.array(
        fc.array(fc.integer({ min: 0, max: 12 }), {
          minLength: shape.overlapping,
          maxLength: shape.overlapping,
        }),
        { minLength: shape.rows, maxLength: shape.rows },
      ),
    }),
  )
  .map(({ shape, parts, overlap }) => {
    const columns: CountColumn[] = [
      ...(shape.withTotal ? [{ key: 'total', part: false }] : []),
      ...parts[0]!.map((_, i) => ({ key: `part${i}`, part: true })),
      ...overlap[0]!.map((_, i) => ({ key: `overlap${i}`, part: false })),
    ];
    const counts = parts.map((row, r) => [
      ...(shape.withTotal ? [row.reduce((s, n) => s + n, 0)] : []),
      ...row,
      ...overlap[r]!,
    ]);
    return {
      k: shape.k,
      input: {
        rows: parts.map((_, r) => `row${r}`),
        columns,
        totalColumn: shape.withTotal ? 0 : null,
        counts,
      },
    };
  });

describe('small-cell suppression', () => {
  it('publishes no count from 1 to k-1, and every published count is the true one', () => {
    fc.assert(
      fc.property(tables, ({ input, k }) => {
        const table = suppressTable(input, k);
        const truth = [
          ...input.counts,
          input.columns.map((_, c) => input.counts.reduce((s, row) => s + row[c]!, 0)),
        ];
        for (const [r, row] of table.published.entries())
          for (const [c, value] of row.entries()) {
            if (value === null) continue;
            expect(isSmallCount(value, k)).toBe(false);
            expect(value).toBe(truth[r]![c]);
          }
      }),
      { numRuns: 400 },
    );
  });

  it('leaves no suppressed count recoverable from the published totals, one equation at a time', () => {
    fc.assert(
      fc.property(tables, ({ input, k }) => {
        const table = suppressTable(input, k);
        const equations = tableEquations(input.rows.length, input);
        const flat = table.published.flat();
        // No equation has exactly one hidden cell: a single difference reveals nothing …
        for (const e of equations) {
          const hidden = [e.total, ...e.parts].filter((c) => flat[c] === null);
          expect(hidden.length).not.toBe(1);
        }
        // … and chaining differences, substituting what was found, recovers nothing either.
        expect(recoverableCells(flat, equations).size).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('holds for any equations over any cells, not only tables', () => {
    const systems = fc
      .array(fc.integer({ min: 0, max: 20 }), { minLength: 2, maxLength: 30 })
      .chain((counts) =>
        fc.record({
          counts: fc.constant(counts),
          equations: fc.array(
            fc
              .uniqueArray(fc.integer({ min: 0, max: counts.length - 1 }), {
                minLength: 2,
                maxLength: counts.length,
              })
              .map(([total, ...parts]) => ({ total: total!, parts })),
            { maxLength: 8 },
          ),
          k: fc.integer({ min: 1, max: 8 }),
        }),
      );
    fc.assert(
      fc.property(systems, ({ counts, equations, k }) => {
        const result = suppressSmallCells(counts, equations, k);
        const published = counts.map((n, i) => (result.marks[i] === 'published' ? n : null));
        expect(published.some((n) => n !== null && isSmallCount(n, k))).toBe(false);
        expect(recoverableCells(published, equations).size).toBe(0);
        expect(result.primary).toBe(counts.filter((n) => isSmallCount(n, k)).length);
      }),
      { numRuns: 400 },
    );
  });

  it('hides the next smallest count of a row beside a lone small one, and says how much it hid', () => {
    // Two shelters; statuses sheltering and arrived add up to the total column.
    const table = suppressTable(
      {
        rows: ['S1', 'S2'],
        columns: [
          { key: 'total', part: false },
          { key: 'sheltering', part: true },
          { key: 'arrived', part: true },
        ],
        totalColumn: 0,
        counts: [
          [23, 20, 3],
          [40, 31, 9],
        ],
      },
      5,
    );
    // The 3 is primary; its row and column each need a second hidden cell: the 9 beside it in the
    // column, then the 20 in its row, then the 31 in the 20's column (the totals stay published).
    expect(table.published).toEqual([
      [23, null, null],
      [40, null, null],
      [63, 51, 12],
    ]);
    expect(table.result).toMatchObject({ primary: 1, secondary: 3, smallestPublished: 12, k: 5 });
  });

  it('refuses a k that is not a whole number of at least 1', () => {
    expect(() => suppressSmallCells([1], [], 0)).toThrow(RangeError);
    expect(() => suppressSmallCells([1], [], 2.5)).toThrow(RangeError);
  });
});
