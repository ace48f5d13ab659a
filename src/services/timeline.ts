import type { Queryable } from '../store/database.ts';
import { listClaims, listIncidents, type verificationStatuses } from '../store/repos/claims.ts';
import { listAcceptances, listPauses } from '../store/repos/pauses.ts';
import { requireSite } from './sites.ts';

export const timelineKinds = [
  'pause_announced',
  'pause_acceptance',
  'pause_started',
  'pause_suspended',
  'pause_resumed',
  'pause_ended',
  'incident',
  'claim',
] as const;
export type TimelineKind = (typeof timelineKinds)[number];

export interface TimelineEntry {
  at: string;
  kind: TimelineKind;
  /** The pause window, incident or claim the entry is about. */
  refId: string;
  partyId: string | null;
  summary: string;
  verification: (typeof verificationStatuses)[number] | null;
  incidentType: string | null;
}

export interface TimelineFilter {
  from?: string | undefined;
  to?: string | undefined;
  partyId?: string | undefined;
  kind?: TimelineKind | undefined;
  incidentType?: string | undefined;
  verification?: (typeof verificationStatuses)[number] | undefined;
}

/** One chronological feed of what was announced, accepted, observed and claimed. */
export async function timeline(
  db: Queryable,
  siteId: string,
  filter: TimelineFilter,
): Promise<TimelineEntry[]> {
  await requireSite(db, siteId);
  const pauses = await listPauses(db, siteId);
  const acceptances = await listAcceptances(
    db,
    pauses.map((p) => p.id),
  );
  const entries: TimelineEntry[] = [];
  const base = { verification: null, incidentType: null };
  for (const p of pauses) {
    const window = `${p.announcedStartLocal.replace('T', ' ')}–${p.announcedEndLocal.slice(11)} (${p.announcedZone})`;
    entries.push({
      ...base,
      at: p.announcedAt,
      kind: 'pause_announced',
      refId: p.id,
      partyId: p.announcedBy,
      summary: `${p.name} announced for ${window}`,
    });
    for (const a of acceptances.get(p.id) ?? [])
      if (a.answeredAt && a.partyId !== p.announcedBy)
        entries.push({
          ...base,
          at: a.answeredAt,
          kind: 'pause_acceptance',
          refId: p.id,
          partyId: a.partyId,
          summary: `${p.name}: ${a.answer.replace('_', ' ')}`,
        });
    const observed: Array<[string | null, TimelineKind, string]> = [
      [p.effectiveStart, 'pause_started', 'observed start'],
      [p.suspendedAt, 'pause_suspended', 'suspended'],
      [p.resumedAt, 'pause_resumed', 'resumed'],
      [p.effectiveEnd, 'pause_ended', 'observed end'],
    ];
    for (const [at, kind, what] of observed)
      if (at) entries.push({ ...base, at, kind, refId: p.id, partyId: null, summary: `${p.name}: ${what}` });
  }
  for (const i of await listIncidents(db, siteId))
    entries.push({
      ...base,
      at: i.occurredAt,
      kind: 'incident',
      refId: i.id,
      partyId: null,
      summary: i.summary,
      incidentType: i.type,
    });
  for (const c of await listClaims(db, { siteId }))
    entries.push({
      ...base,
      at: c.statedAt,
      kind: 'claim',
      refId: c.id,
      partyId: c.partyId,
      summary: `${c.stance}: ${c.words}`,
      verification: c.verification,
    });
  const from = filter.from ? Date.parse(filter.from) : Number.NEGATIVE_INFINITY;
  const to = filter.to ? Date.parse(filter.to) : Number.POSITIVE_INFINITY;
  return entries
    .filter((e) => Date.parse(e.at) >= from && Date.parse(e.at) <= to)
    .filter((e) => !filter.partyId || e.partyId === filter.partyId)
    .filter((e) => !filter.kind || e.kind === filter.kind)
    .filter((e) => !filter.incidentType || e.incidentType === filter.incidentType)
    .filter((e) => !filter.verification || e.verification === filter.verification)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.kind.localeCompare(b.kind));
}
