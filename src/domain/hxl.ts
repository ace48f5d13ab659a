import type { CountColumn, CountTableInput, SuppressedTable } from './count-table.ts';
import { personStatuses } from './lifecycle.ts';
import { type Vulnerability, vulnerabilities } from './person.ts';

// The Humanitarian Exchange Language (HXL) tags of Corridor's count exports: a row of hashtags
// under the header row lets HXL tools read the table without knowing Corridor.

export interface HxlColumn extends CountColumn {
  header: string;
  tag: string;
}

const published = personStatuses.filter((s) => s !== 'merged');

const vulnerabilityTags: Record<Vulnerability, string> = {
  child: '#affected+children',
  unaccompanied_child: '#affected+children+unaccompanied',
  separated_child: '#affected+children+separated',
  elderly: '#affected+elderly',
  wounded: '#affected+injured',
  needs_stretcher: '#affected+injured+stretcher',
  needs_wheelchair: '#affected+wheelchair',
  pregnant: '#affected+pregnant',
  needs_medication: '#affected+medication',
};

/** The count columns: registered people, split by status (adding up), then by vulnerability (overlapping). */
export const hxlCountColumns: HxlColumn[] = [
  { key: 'total', part: false, header: 'Registered people', tag: '#population+total' },
  ...published.map((status) => ({
    key: status,
    part: true,
    header: `Status: ${status.replace(/_/g, ' ')}`,
    tag: `#population+${status}`,
  })),
  ...vulnerabilities.map((v) => ({
    key: v,
    part: false,
    header: `Vulnerability: ${v.replace(/_/g, ' ')}`,
    tag: vulnerabilityTags[v],
  })),
];

export interface PlaceCounts {
  code: string;
  name: string;
  byStatus: Record<string, number>;
  byVulnerability: Record<string, number>;
}

export function hxlTableInput(places: readonly PlaceCounts[]): CountTableInput {
  return {
    rows: places.map((p) => p.code),
    columns: hxlCountColumns,
    totalColumn: 0,
    counts: places.map((p) =>
      hxlCountColumns.map((col) => {
        if (col.key === 'total') return published.reduce((s, status) => s + (p.byStatus[status] ?? 0), 0);
        return col.part ? (p.byStatus[col.key] ?? 0) : (p.byVulnerability[col.key] ?? 0);
      }),
    ),
  };
}

const csvCell = (value: string): string =>
  /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
const csvLine = (cells: readonly string[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/**
 * The CSV: a header row, the HXL hashtag row, one row per place and a totals row. A suppressed
 * count is an empty cell; zero is written as 0.
 */
export function hxlCsv(table: SuppressedTable, places: readonly PlaceCounts[], date: string): string {
  const lines = [
    csvLine(['Shelter code', 'Shelter', 'Date', ...hxlCountColumns.map((c) => c.header)]),
    csvLine(['#loc+code', '#loc+name', '#date', ...hxlCountColumns.map((c) => c.tag)]),
  ];
  table.published.forEach((row, r) => {
    const place = places[r];
    const label = place ? [place.code, place.name] : ['', 'Total'];
    lines.push(csvLine([...label, date, ...row.map((n) => (n === null ? '' : String(n)))]));
  });
  return lines.join('');
}
