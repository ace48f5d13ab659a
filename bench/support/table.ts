import type { Cell } from './types.ts';

const show = (cell: Cell | undefined): string =>
  cell === null || cell === undefined ? '–' : typeof cell === 'number' ? cell.toLocaleString('en-US') : cell;

/** A plain-text table: numbers right-aligned, text left-aligned, columns from the first row. */
export function formatTable(rows: ReadonlyArray<Record<string, Cell>>): string {
  if (rows.length === 0) return '  (no rows)';
  const columns = Object.keys(rows[0]!);
  const cells = rows.map((row) => columns.map((column) => show(row[column])));
  const widths = columns.map((column, i) => Math.max(column.length, ...cells.map((line) => line[i]!.length)));
  const numeric = columns.map((column) => rows.every((row) => typeof row[column] !== 'string'));
  const line = (values: string[]) =>
    `  ${values.map((value, i) => (numeric[i] ? value.padStart(widths[i]!) : value.padEnd(widths[i]!))).join('  ')}`;
  return [line(columns), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)].join('\n');
}
