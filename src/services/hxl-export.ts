import { suppressTable } from '../domain/count-table.ts';
import { CorridorError } from '../domain/errors.ts';
import { hxlCsv, hxlTableInput, type PlaceCounts } from '../domain/hxl.ts';
import type { SuppressionResult } from '../domain/suppression.ts';
import type { Queryable } from '../store/database.ts';
import type { Actor } from '../store/repos/operations.ts';
import {
  countByShelterAndStatus,
  countByShelterAndVulnerability,
  listShelters,
} from '../store/repos/registry-counts.ts';
import { authoriseCountExport } from './aggregate-export.ts';
import { requireSite } from './sites.ts';

export interface DisclosureSummary {
  k: number;
  /** Count cells in the table, totals included. */
  cells: number;
  primary: number;
  secondary: number;
  smallestPublished: number | null;
}

export interface HxlExport {
  csv: string;
  summary: DisclosureSummary;
  filename: string;
}

export const maxK = 100;

export function checkK(k: number): number {
  if (!Number.isInteger(k) || k < 1 || k > maxK)
    throw new CorridorError('bad_request', `k must be a whole number from 1 to ${maxK}, not ${k}`, {
      field: 'k',
    });
  return k;
}

/** The registry's counts by shelter, status and vulnerability, as the published table's rows. */
export async function placeCounts(db: Queryable, siteId: string, at: string | null): Promise<PlaceCounts[]> {
  const [shelters, statuses, vulnerabilities] = await Promise.all([
    listShelters(db, siteId),
    countByShelterAndStatus(db, siteId, at),
    countByShelterAndVulnerability(db, siteId, at),
  ]);
  const places = new Map<string | null, PlaceCounts>();
  const place = (shelterId: string | null): PlaceCounts => {
    const known = places.get(shelterId);
    if (known) return known;
    const shelter = shelters.find((s) => s.shelterId === shelterId);
    const made: PlaceCounts = {
      code: shelter?.code ?? '-',
      name: shelter ? (shelter.name ?? shelter.code) : 'No shelter recorded',
      byStatus: {},
      byVulnerability: {},
    };
    places.set(shelterId, made);
    return made;
  };
  for (const s of statuses) place(s.shelterId).byStatus[s.status] = s.count;
  for (const v of vulnerabilities) place(v.shelterId).byVulnerability[v.vulnerability] = v.count;
  // Shelters in their codes' order; people with no shelter recorded last.
  return [...places.values()].sort((a, b) =>
    a.code === '-' ? 1 : b.code === '-' ? -1 : a.code.localeCompare(b.code, 'en', { numeric: true }),
  );
}

export const disclosureSummary = (result: SuppressionResult, cells: number): DisclosureSummary => ({
  k: result.k,
  cells,
  primary: result.primary,
  secondary: result.secondary,
  smallestPublished: result.smallestPublished,
});

/** The line printed with every export, so whoever shares the file knows what was held back. */
export function summaryText(s: DisclosureSummary): string {
  const smallest = s.smallestPublished === null ? 'none above zero' : String(s.smallestPublished);
  return `Disclosure control: k = ${s.k}; ${s.cells} count cells, ${s.primary} suppressed below k (primary), ${s.secondary} suppressed so totals cannot reveal them (secondary); smallest count published: ${smallest}.`;
}

/**
 * The site's registry counts as an HXL-tagged CSV with small cells suppressed, made under a
 * disclosure profile (by default 'public') whose smallest cell is the default k.
 */
export async function exportHxl(
  db: Queryable,
  actor: Actor,
  siteId: string,
  options: {
    k?: number | undefined;
    profile?: string | undefined;
    recipient?: string | undefined;
    now?: Date;
  } = {},
): Promise<HxlExport> {
  if (options.k !== undefined) checkK(options.k);
  await requireSite(db, siteId);
  const k = await authoriseCountExport(db, actor, {
    kind: 'hxl',
    siteId,
    needs: ['counts'],
    k: options.k,
    profile: options.profile,
    recipient: options.recipient,
  });
  const places = await placeCounts(db, siteId, null);
  const table = suppressTable(hxlTableInput(places), k);
  const date = (options.now ?? new Date()).toISOString().slice(0, 10);
  return {
    csv: hxlCsv(table, places, date),
    summary: disclosureSummary(table.result, table.published.flat().length),
    filename: `corridor-hxl-${siteId}-${date}.csv`,
  };
}
