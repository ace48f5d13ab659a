import type { Claim, Incident, Verification } from '../../store/repos/claims.ts';
import type { Party, Source } from '../../store/repos/parties.ts';
import type { PauseAcceptance, PauseWindow } from '../../store/repos/pauses.ts';
import type { SiteFile } from '../format.ts';
import { compact } from '../records.ts';

export type FileParty = NonNullable<SiteFile['parties']>[number];
export type FileSource = NonNullable<SiteFile['sources']>[number];
export type FilePause = NonNullable<SiteFile['pauses']>[number];
export type FileIncident = NonNullable<SiteFile['incidents']>[number];
export type FileClaim = NonNullable<SiteFile['claims']>[number];

const instant = (value: string | null | undefined): string | null =>
  value ? new Date(value).toISOString() : null;

export const partyRecord = (p: Party | FileParty): FileParty =>
  compact({ id: p.id, name: p.name, shortName: p.shortName, kind: p.kind, note: p.note });

export const sourceRecord = (s: Source | FileSource): FileSource =>
  compact({
    id: s.id,
    kind: s.kind,
    title: s.title,
    partyId: s.partyId,
    channel: s.channel,
    publishedAt: instant(s.publishedAt),
    url: s.url,
    reference: s.reference,
    contentHash: s.contentHash,
    note: s.note,
  });

const acceptanceRecord = (a: PauseAcceptance | NonNullable<FilePause['acceptances']>[number]) =>
  compact({
    partyId: a.partyId,
    answer: a.answer,
    answeredAt: instant(a.answeredAt),
    sourceId: a.sourceId,
    note: a.note,
  });

/** A pause window; its stored form keeps the local times as announced under other field names. */
export function pauseRecord(p: (PauseWindow & { acceptances: PauseAcceptance[] }) | FilePause): FilePause {
  const stored = 'announcedStartLocal' in p;
  return compact({
    id: p.id,
    name: p.name,
    kind: p.kind,
    announcedBy: p.announcedBy,
    announcedAt: instant(p.announcedAt)!,
    announcementSourceId: p.announcementSourceId,
    announcedZone: p.announcedZone,
    announcedStart: stored ? p.announcedStartLocal : p.announcedStart,
    announcedEnd: stored ? p.announcedEndLocal : p.announcedEnd,
    scope: p.scope,
    elements: p.elements && Object.keys(p.elements).length > 0 ? p.elements : null,
    effectiveStart: instant(p.effectiveStart),
    effectiveEnd: instant(p.effectiveEnd),
    suspendedAt: instant(p.suspendedAt),
    resumedAt: instant(p.resumedAt),
    note: p.note,
    acceptances: [...(p.acceptances ?? [])]
      .sort((a, b) => (a.partyId < b.partyId ? -1 : 1))
      .map(acceptanceRecord),
  }) as FilePause;
}

export const incidentRecord = (i: Incident | FileIncident): FileIncident =>
  compact({
    id: i.id,
    occurredAt: instant(i.occurredAt)!,
    type: i.type,
    placeKind: i.placeKind,
    pointId: i.pointId,
    place: i.place,
    pauseWindowId: i.pauseWindowId,
    summary: i.summary,
  });

export const claimRecord = (c: (Claim & { history: Verification[] }) | FileClaim): FileClaim =>
  compact({
    id: c.id,
    subject: c.subject,
    incidentId: c.incidentId,
    pauseWindowId: c.pauseWindowId,
    partyId: c.partyId,
    speaker: c.speaker,
    sourceId: c.sourceId,
    stance: c.stance,
    words: c.words,
    quoted: c.quoted ?? false,
    language: c.language,
    statedAt: instant(c.statedAt)!,
    figure: c.figure
      ? compact({
          metric: c.figure.metric,
          value: c.figure.value,
          approximate: c.figure.approximate ?? false,
        })
      : null,
    verification: c.verification ?? 'unverified',
    verificationHistory: ('history' in c ? c.history : (c.verificationHistory ?? [])).map((v) => ({
      from: v.from,
      to: v.to,
      reason: v.reason,
      actor: v.actor,
      at: instant(v.at)!,
    })),
  }) as FileClaim;
