import { type Equation, type SuppressionResult, suppressSmallCells } from './suppression.ts';

// A count table as it is published: one row per place and a totals row, some columns that split a
// row's people without overlap (statuses: everyone has exactly one) and add up to a total column,
// and some that overlap (a wounded child is in both the children's and the wounded column), which
// add up only down the rows. The equations a reader knows follow from that shape.

export interface CountColumn {
  key: string;
  /** True when the column is one of the parts whose sum is the row's total column. */
  part: boolean;
}

export interface CountTableInput {
  rows: readonly string[];
  columns: readonly CountColumn[];
  /** The index of the column holding each row's total of the part columns, if published. */
  totalColumn: number | null;
  /** counts[row][column], without the totals row: it is computed here. */
  counts: ReadonlyArray<readonly number[]>;
}

export interface SuppressedTable {
  rows: string[];
  columns: CountColumn[];
  /** Cells of the place rows then the totals row (last); null where suppressed. */
  published: Array<Array<number | null>>;
  /** The same cells' suppression marks. */
  marks: SuppressionResult['marks'][];
  result: SuppressionResult;
}

export function tableEquations(
  rowCount: number,
  input: Omit<CountTableInput, 'counts' | 'rows'>,
): Equation[] {
  const width = input.columns.length;
  const cell = (r: number, c: number) => r * width + c;
  const equations: Equation[] = [];
  const totalsRow = rowCount;
  for (let c = 0; c < width; c++)
    equations.push({
      total: cell(totalsRow, c),
      parts: Array.from({ length: rowCount }, (_, r) => cell(r, c)),
    });
  if (input.totalColumn !== null) {
    const parts = input.columns.flatMap((col, c) => (col.part ? [c] : []));
    for (let r = 0; r <= totalsRow; r++)
      equations.push({ total: cell(r, input.totalColumn), parts: parts.map((c) => cell(r, c)) });
  }
  return equations;
}

/** Adds the totals row, checks the table adds up, and suppresses its small cells. */
export function suppressTable(input: CountTableInput, k: number): SuppressedTable {
  const width = input.columns.length;
  const totals = input.columns.map((_, c) => input.counts.reduce((s, row) => s + row[c]!, 0));
  const grid = [...input.counts.map((row) => [...row]), totals];
  if (input.totalColumn !== null)
    for (const row of grid) {
      const sum = input.columns.reduce((s, col, c) => s + (col.part ? row[c]! : 0), 0);
      if (sum !== row[input.totalColumn])
        throw new RangeError('the part columns of a row do not add up to its total column');
    }
  const result = suppressSmallCells(grid.flat(), tableEquations(input.rows.length, input), k);
  const marks = grid.map((row, r) => row.map((_, c) => result.marks[r * width + c]!));
  return {
    rows: [...input.rows],
    columns: [...input.columns],
    published: grid.map((row, r) => row.map((n, c) => (marks[r]![c] === 'published' ? n : null))),
    marks,
    result,
  };
}
