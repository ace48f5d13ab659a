import { suppressTable } from '../domain/count-table.ts';
import { hxlCountColumns, hxlTableInput } from '../domain/hxl.ts';
import { announcedInstants, derivePause } from '../domain/pause.ts';
import { defaultK, isSmallCount } from '../domain/suppression.ts';
import type { Queryable } from '../store/database.ts';
import { listParties } from '../store/repos/parties.ts';
import * as pauses from '../store/repos/pauses.ts';
import * as repo from '../store/repos/sitrep.ts';
import { type DisclosureSummary, disclosureSummary, placeCounts } from './hxl-export.ts';
import { requireSite } from './sites.ts';

// A situation report: the operation as it stood at a chosen instant, for the cell (full) or for
// anyone (public). The public version publishes the registry's counts with small cells suppressed
// (the same table and the same control as the HXL export, so the two cannot be combined to recover
// a cell), counts of convoys and alerts instead of their details, and only claims from published
// sources (statements, videos, press reports), which are public already. No version names a
// registered person. The public version attributes a claim to its party and source, not to the
// person who spoke: whoever reads it (an observer, a party) is never shown a name, and a witness
// quoted by the press is safer unnamed again.

export const sitrepVersions = ['full', 'public'] as const;
export type SitrepVersion = (typeof sitrepVersions)[number];

const publishedSourceKinds = new Set(['statement', 'video', 'press_report']);

/** A count as published: null when suppressed. */
export type Published = number | null;

export interface SitrepFigure {
  metric: string;
  registry: Published;
  reported: Array<{
    value: number;
    approximate: boolean;
    by: string;
    source: string;
    statedAt: string;
    verification: string;
  }>;
}

export interface SitrepClaim {
  stance: string;
  by: string;
  source: string;
  words: string;
  quoted: boolean;
  statedAt: string;
  verification: string;
}

export interface Sitrep {
  version: SitrepVersion;
  site: { id: string; name: string; timeZone: string };
  at: string;
  generatedAt: string;
  disclosure: DisclosureSummary;
  registry: {
    total: Published;
    byStatus: Array<{ status: string; count: Published }>;
    byVulnerability: Array<{ vulnerability: string; count: Published }>;
    byShelter: Array<{ code: string; name: string; count: Published }>;
  };
  figures: SitrepFigure[];
  headcounts: repo.HeadcountAt[];
  pauses: Array<{
    name: string;
    kind: string;
    announcedBy: string;
    startUtc: string;
    endUtc: string;
    state: string;
    because: string;
    acceptedBy: string[];
    rejectedBy: string[];
    awaiting: string[];
  }>;
  incidents: Array<repo.IncidentAt & { pause: string | null; claims: SitrepClaim[] }>;
  statements: SitrepClaim[];
  convoys: { byStatus: Record<string, Published>; list: repo.ConvoyAt[] | null };
  alerts: Array<{ kind: string; raised: Published; open: Published }>;
}

// Each reported metric as the sum of cells of the published table's totals row, so the figure beside
// a claim is never a new count that could be differenced against the table.
const metricCells: Record<string, string[]> = {
  in_site_total: ['sheltering', 'ready', 'assigned'],
  civilians: hxlCountColumns.filter((c) => c.part && c.key !== 'deceased').map((c) => c.key),
  children: ['child'],
  evacuated: ['boarded', 'arrived', 'left_reception', 'held_at_screening'],
  arrived: ['arrived', 'left_reception'],
  held_at_screening: ['held_at_screening'],
  wounded: ['wounded'],
  missing: ['missing'],
};

const sumOf = (cells: ReadonlyArray<Published>): Published =>
  cells.some((n) => n === null) ? null : cells.reduce<number>((s, n) => s + (n ?? 0), 0);

export async function buildSitrep(
  db: Queryable,
  siteId: string,
  options: { at: Date; version: SitrepVersion; k?: number; now?: Date },
): Promise<Sitrep> {
  const site = await requireSite(db, siteId);
  const { at, version } = options;
  const k = options.k ?? (version === 'public' ? defaultK : 1);
  const atIso = at.toISOString();
  const [places, parties, claims, incidents, headcounts, convoys, alerts, windows] = await Promise.all([
    placeCounts(db, siteId, atIso),
    listParties(db),
    repo.claimsAt(db, siteId, at),
    repo.incidentsAt(db, siteId, at),
    repo.headcountsAt(db, siteId, at),
    repo.convoysAt(db, siteId, at),
    repo.alertCountsAt(db, siteId, at),
    pauses.listPauses(db, siteId),
  ]);
  const partyName = new Map(parties.map((p) => [p.id, p.shortName ?? p.name]));
  const table = suppressTable(hxlTableInput(places), k);
  const totals = table.published.at(-1)!;
  const cell = (key: string) => totals[hxlCountColumns.findIndex((c) => c.key === key)] ?? null;

  const shown = claims.filter((c) => version === 'full' || publishedSourceKinds.has(c.sourceKind));
  const attributed = (c: repo.ClaimAt): SitrepClaim => ({
    stance: c.stance,
    by: [version === 'full' ? c.speaker : null, c.party].filter(Boolean).join(', ') || 'unattributed',
    source: c.sourceTitle,
    words: c.words,
    quoted: c.quoted,
    statedAt: c.statedAt,
    verification: c.verification,
  });

  const figureClaims = shown.filter((c) => c.figure);
  const metrics = [...new Set([...Object.keys(metricCells), ...figureClaims.map((c) => c.figure!.metric)])];
  const windowsAt = windows
    .filter((w) => new Date(w.announcedAt) <= at)
    .sort((a, b) => announcedInstants(a).start.getTime() - announcedInstants(b).start.getTime());
  const acceptances = await pauses.listAcceptances(
    db,
    windowsAt.map((w) => w.id),
  );
  const breaches = await pauses.breachTimes(
    db,
    windowsAt.map((w) => w.id),
    ['shelling', 'attack_on_convoy', 'breach_of_pause', 'gunfire'],
  );
  const pauseName = new Map(windows.map((w) => [w.id, w.name]));
  const small = (n: number): Published => (version === 'public' && isSmallCount(n, k) ? null : n);
  const convoyStatuses = ['planned', 'departed', 'arrived', 'cancelled'];

  return {
    version,
    site: { id: site.id, name: site.name, timeZone: site.timeZone },
    at: atIso,
    generatedAt: (options.now ?? new Date()).toISOString(),
    disclosure: disclosureSummary(table.result, table.published.flat().length),
    registry: {
      total: cell('total'),
      byStatus: hxlCountColumns.filter((c) => c.part).map((c) => ({ status: c.key, count: cell(c.key) })),
      byVulnerability: hxlCountColumns
        .filter((c) => !c.part && c.key !== 'total')
        .map((c) => ({ vulnerability: c.key, count: cell(c.key) })),
      byShelter: places.map((p, r) => ({
        code: p.code,
        name: p.name,
        count: table.published[r]![0] ?? null,
      })),
    },
    figures: metrics.map((metric) => ({
      metric,
      registry: metricCells[metric] ? sumOf(metricCells[metric].map(cell)) : null,
      reported: figureClaims
        .filter((c) => c.figure!.metric === metric)
        .map((c) => ({
          value: c.figure!.value,
          approximate: c.figure!.approximate,
          by: attributed(c).by,
          source: c.sourceTitle,
          statedAt: c.statedAt,
          verification: c.verification,
        })),
    })),
    headcounts,
    pauses: windowsAt.map((w) => {
      const derived = derivePause(w, acceptances.get(w.id) ?? [], breaches.get(w.id) ?? [], at);
      const names = (ids: string[]) => ids.map((id) => partyName.get(id) ?? id);
      return {
        name: w.name,
        kind: w.kind,
        announcedBy: partyName.get(w.announcedBy) ?? w.announcedBy,
        startUtc: derived.announcedStart.toISOString(),
        endUtc: derived.announcedEnd.toISOString(),
        state: derived.state,
        because: derived.because,
        acceptedBy: names(derived.acceptedBy),
        rejectedBy: names(derived.rejectedBy),
        awaiting: names(derived.awaiting),
      };
    }),
    incidents: incidents
      .map((i) => ({
        ...i,
        pause: i.pauseWindowId ? (pauseName.get(i.pauseWindowId) ?? null) : null,
        claims: shown.filter((c) => c.incidentId === i.id).map(attributed),
      }))
      .filter((i) => version === 'full' || i.claims.length > 0),
    statements: shown.filter((c) => !c.incidentId && !c.figure).map(attributed),
    convoys: {
      byStatus: Object.fromEntries(
        convoyStatuses.map((s) => [s, small(convoys.filter((c) => c.status === s).length)]),
      ),
      list: version === 'full' ? convoys : null,
    },
    alerts: alerts.map((a) => ({ kind: a.kind, raised: small(a.raised), open: small(a.open) })),
  };
}
