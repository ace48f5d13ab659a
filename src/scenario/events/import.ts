import { newId } from '../../domain/ids.ts';
import type { Queryable } from '../../store/database.ts';
import type { Claim, Incident } from '../../store/repos/claims.ts';
import type { Actor } from '../../store/repos/operations.ts';
import type { Party, Source } from '../../store/repos/parties.ts';
import { type FileProblem, fileError } from '../check.ts';
import type { SiteFile } from '../format.ts';
import { type ImportSummary, type Table, upsert } from '../upsert.ts';
import {
  claimRecord,
  type FileClaim,
  type FileIncident,
  type FileParty,
  type FilePause,
  type FileSource,
  incidentRecord,
  partyRecord,
  pauseRecord,
  sourceRecord,
} from './records.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

// Stored rows as the canonical records compare them; children (acceptances, verification history)
// come aggregated so that a change to them counts as a change to their window or claim.
interface PartyRow {
  id: string;
  name: string;
  short_name: string | null;
  kind: Party['kind'];
  note: string | null;
}
interface SourceRow {
  id: string;
  kind: Source['kind'];
  title: string;
  party_id: string | null;
  channel: string | null;
  published_at: Date | null;
  url: string | null;
  reference: string | null;
  content_hash: string | null;
  note: string | null;
}
interface PauseRow {
  id: string;
  name: string;
  kind: FilePause['kind'];
  announced_by: string;
  announced_at: Date;
  announcement_source_id: string | null;
  announced_zone: string;
  announced_start_local: string;
  announced_end_local: string;
  scope: FilePause['scope'];
  elements: FilePause['elements'];
  effective_start: Date | null;
  effective_end: Date | null;
  suspended_at: Date | null;
  resumed_at: Date | null;
  note: string | null;
  acceptances: Array<{
    partyId: string;
    answer: 'accepted' | 'rejected' | 'no_answer';
    answeredAt: string | null;
    sourceId: string | null;
    note: string | null;
  }>;
}
interface IncidentRow {
  id: string;
  occurred_at: Date;
  type: Incident['type'];
  place_kind: Incident['placeKind'];
  point_id: string | null;
  place: string | null;
  pause_window_id: string | null;
  summary: string;
}
interface ClaimRow {
  id: string;
  subject: Claim['subject'];
  incident_id: string | null;
  pause_window_id: string | null;
  party_id: string | null;
  speaker: string | null;
  source_id: string;
  stance: Claim['stance'];
  words: string;
  quoted: boolean;
  language: string | null;
  stated_at: Date;
  figure_metric: NonNullable<Claim['figure']>['metric'] | null;
  figure_value: number | null;
  figure_approximate: boolean | null;
  verification: Claim['verification'];
  history: Array<{
    id: string;
    claimId: string;
    from: string;
    to: string;
    reason: string;
    actor: string;
    at: string;
  }>;
}

const tables = {
  parties: {
    entity: 'party',
    table: 'party',
    select: 'SELECT * FROM party',
    columns: (p) => ({
      id: p.id,
      name: p.name,
      short_name: p.shortName ?? null,
      kind: p.kind,
      note: p.note ?? null,
    }),
    canonical: (r: PartyRow) =>
      partyRecord({ id: r.id, name: r.name, shortName: r.short_name, kind: r.kind, note: r.note }),
  } satisfies Table<FileParty, PartyRow>,
  sources: {
    entity: 'source',
    table: 'source',
    select: 'SELECT * FROM source',
    columns: (s) => ({
      id: s.id,
      kind: s.kind,
      title: s.title,
      party_id: s.partyId ?? null,
      channel: s.channel ?? null,
      published_at: s.publishedAt ?? null,
      url: s.url ?? null,
      reference: s.reference ?? null,
      content_hash: s.contentHash ?? null,
      note: s.note ?? null,
    }),
    canonical: (r: SourceRow) =>
      sourceRecord({
        id: r.id,
        kind: r.kind,
        title: r.title,
        partyId: r.party_id,
        channel: r.channel,
        publishedAt: iso(r.published_at),
        url: r.url,
        reference: r.reference,
        contentHash: r.content_hash,
        note: r.note,
      }),
  } satisfies Table<FileSource, SourceRow>,
  pauses: {
    entity: 'pause_window',
    table: 'pause_window',
    touchUpdatedAt: true,
    idColumn: 'w.id',
    select: `SELECT w.*, (SELECT coalesce(json_agg(json_build_object('partyId', a.party_id, 'answer', a.answer,
        'answeredAt', a.answered_at, 'sourceId', a.source_id, 'note', a.note)), '[]'::json)
      FROM pause_acceptance a WHERE a.pause_window_id = w.id) AS acceptances FROM pause_window w`,
    columns: (p, siteId) => ({
      id: p.id,
      site_id: siteId,
      name: p.name,
      kind: p.kind,
      announced_by: p.announcedBy,
      announced_at: p.announcedAt,
      announcement_source_id: p.announcementSourceId ?? null,
      announced_zone: p.announcedZone,
      announced_start_local: p.announcedStart,
      announced_end_local: p.announcedEnd,
      scope: p.scope ?? { site: true },
      elements: p.elements ?? {},
      effective_start: p.effectiveStart ?? null,
      effective_end: p.effectiveEnd ?? null,
      suspended_at: p.suspendedAt ?? null,
      resumed_at: p.resumedAt ?? null,
      note: p.note ?? null,
    }),
    canonical: (r: PauseRow) =>
      pauseRecord({
        id: r.id,
        siteId: '',
        name: r.name,
        kind: r.kind,
        announcedBy: r.announced_by,
        announcedAt: r.announced_at.toISOString(),
        announcementSourceId: r.announcement_source_id,
        announcedZone: r.announced_zone,
        announcedStartLocal: r.announced_start_local,
        announcedEndLocal: r.announced_end_local,
        scope: r.scope ?? {},
        elements: r.elements ?? {},
        effectiveStart: iso(r.effective_start),
        effectiveEnd: iso(r.effective_end),
        suspendedAt: iso(r.suspended_at),
        resumedAt: iso(r.resumed_at),
        note: r.note,
        acceptances: r.acceptances,
      }),
  } satisfies Table<FilePause, PauseRow>,
  incidents: {
    entity: 'incident',
    table: 'incident',
    select: 'SELECT * FROM incident',
    columns: (i, siteId) => ({
      id: i.id,
      site_id: siteId,
      occurred_at: i.occurredAt,
      type: i.type,
      place_kind: i.placeKind,
      point_id: i.pointId ?? null,
      place: i.place ?? null,
      pause_window_id: i.pauseWindowId ?? null,
      summary: i.summary,
    }),
    canonical: (r: IncidentRow) =>
      incidentRecord({
        id: r.id,
        siteId: '',
        occurredAt: r.occurred_at.toISOString(),
        type: r.type,
        placeKind: r.place_kind,
        pointId: r.point_id,
        place: r.place,
        pauseWindowId: r.pause_window_id,
        convoyId: null,
        summary: r.summary,
      }),
  } satisfies Table<FileIncident, IncidentRow>,
  claims: {
    entity: 'claim',
    table: 'claim',
    idColumn: 'c.id',
    select: `SELECT c.*, (SELECT coalesce(json_agg(json_build_object('id', v.id, 'claimId', v.claim_id, 'from', v.from_status,
        'to', v.to_status, 'reason', v.reason, 'actor', v.actor, 'at', v.at) ORDER BY v.at, v.id), '[]'::json)
      FROM claim_verification v WHERE v.claim_id = c.id) AS history FROM claim c`,
    columns: (c, siteId) => ({
      id: c.id,
      site_id: siteId,
      subject: c.subject,
      incident_id: c.incidentId ?? null,
      pause_window_id: c.pauseWindowId ?? null,
      party_id: c.partyId ?? null,
      speaker: c.speaker ?? null,
      source_id: c.sourceId,
      stance: c.stance,
      words: c.words,
      quoted: c.quoted ?? false,
      language: c.language ?? null,
      stated_at: c.statedAt,
      figure_metric: c.figure?.metric ?? null,
      figure_value: c.figure?.value ?? null,
      figure_approximate: c.figure ? (c.figure.approximate ?? false) : null,
      verification: c.verification ?? 'unverified',
    }),
    canonical: (r: ClaimRow) =>
      claimRecord({
        id: r.id,
        siteId: '',
        subject: r.subject,
        incidentId: r.incident_id,
        pauseWindowId: r.pause_window_id,
        partyId: r.party_id,
        speaker: r.speaker,
        sourceId: r.source_id,
        stance: r.stance,
        words: r.words,
        quoted: r.quoted,
        language: r.language,
        statedAt: r.stated_at.toISOString(),
        figure:
          r.figure_metric !== null && r.figure_value !== null
            ? { metric: r.figure_metric, value: r.figure_value, approximate: r.figure_approximate ?? false }
            : null,
        verification: r.verification,
        history: r.history,
      }),
  } satisfies Table<FileClaim, ClaimRow>,
};

/** Refuses what the database would refuse without a path: a party name or a record id held elsewhere. */
async function refuseClashes(tx: Queryable, file: SiteFile, siteId: string): Promise<void> {
  const problems: FileProblem[] = [];
  const parties = file.parties ?? [];
  const { rows } = await tx.query<{ id: string; name: string }>(
    'SELECT id, name FROM party WHERE name = ANY($1::text[]) AND NOT (id = ANY($2::uuid[]))',
    [parties.map((p) => p.name), parties.map((p) => p.id)],
  );
  for (const row of rows)
    problems.push({
      path: `$.parties[${parties.findIndex((p) => p.name === row.name)}].name`,
      reason: `a party named ${row.name} already exists with id ${row.id}`,
    });
  for (const [key, table] of [
    ['pauses', 'pause_window'],
    ['incidents', 'incident'],
    ['claims', 'claim'],
  ] as const) {
    const records = file[key] ?? [];
    const foreign = await tx.query<{ id: string }>(
      `SELECT id FROM ${table} WHERE id = ANY($1::uuid[]) AND site_id <> $2`,
      [records.map((r) => r.id), siteId],
    );
    for (const row of foreign.rows)
      problems.push({
        path: `$.${key}[${records.findIndex((r) => r.id === row.id)}].id`,
        reason: `id ${row.id} already belongs to another site`,
      });
  }
  if (problems.length > 0) throw fileError(problems);
}

/** Imports the parties, sources, pauses, incidents and claims sections inside the site import's transaction. */
export async function importEvents(
  tx: Queryable,
  actor: Actor,
  file: SiteFile,
  summary: ImportSummary,
): Promise<void> {
  const siteId = file.site.id;
  await refuseClashes(tx, file, siteId);
  // Sections a file leaves out are not mentioned in the summary: older files have none of them.
  if (file.parties) await upsert(tx, actor, tables.parties, file.parties.map(partyRecord), siteId, summary);
  if (file.sources) await upsert(tx, actor, tables.sources, file.sources.map(sourceRecord), siteId, summary);
  const pauses = file.pauses
    ? await upsert(tx, actor, tables.pauses, file.pauses.map(pauseRecord), siteId, summary)
    : [];
  for (const pause of pauses) {
    await tx.query('DELETE FROM pause_acceptance WHERE pause_window_id = $1', [pause.id]);
    for (const a of pause.acceptances ?? [])
      await tx.query(
        'INSERT INTO pause_acceptance (pause_window_id, party_id, answer, answered_at, source_id, note) VALUES ($1, $2, $3, $4, $5, $6)',
        [pause.id, a.partyId, a.answer, a.answeredAt ?? null, a.sourceId ?? null, a.note ?? null],
      );
  }
  if (file.incidents)
    await upsert(tx, actor, tables.incidents, file.incidents.map(incidentRecord), siteId, summary);
  const claims = file.claims
    ? await upsert(tx, actor, tables.claims, file.claims.map(claimRecord), siteId, summary)
    : [];
  for (const claim of claims) {
    await tx.query('DELETE FROM claim_verification WHERE claim_id = $1', [claim.id]);
    for (const step of claim.verificationHistory ?? [])
      await tx.query(
        `INSERT INTO claim_verification (id, claim_id, from_status, to_status, reason, actor, at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [newId(), claim.id, step.from, step.to, step.reason, step.actor, step.at],
      );
  }
}
