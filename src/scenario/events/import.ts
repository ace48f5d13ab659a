import { newId } from '../../domain/ids.ts';
import type { Queryable } from '../../store/database.ts';
import {
  type ClaimRow,
  type IncidentRow,
  toClaim,
  toIncident,
  type Verification,
} from '../../store/repos/claims.ts';
import type { Actor } from '../../store/repos/operations.ts';
import { type PartyRow, type SourceRow, toParty, toSource } from '../../store/repos/parties.ts';
import { type PauseAcceptance, type PauseRow, toPause } from '../../store/repos/pauses.ts';
import { type FileProblem, fileError } from '../check.ts';
import { foreignIds } from '../foreign-ids.ts';
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

// Stored rows as the repositories read them; children (acceptances, verification history) come
// aggregated so that a change to them counts as a change to their window or claim.
type PauseWithAcceptances = PauseRow & { acceptances: PauseAcceptance[] };
type ClaimWithHistory = ClaimRow & { history: Verification[] };

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
    canonical: (r: PartyRow) => partyRecord(toParty(r)),
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
    canonical: (r: SourceRow) => sourceRecord(toSource(r)),
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
    canonical: (r: PauseWithAcceptances) =>
      pauseRecord({
        ...toPause(r),
        siteId: '',
        scope: r.scope ?? {},
        elements: r.elements ?? {},
        acceptances: r.acceptances,
      }),
  } satisfies Table<FilePause, PauseWithAcceptances>,
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
    canonical: (r: IncidentRow) => incidentRecord({ ...toIncident(r), siteId: '', convoyId: null }),
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
    seal: (row, cipher) => ({ ...row, speaker: cipher.sealOrNull(row.speaker) }),
    canonical: (r: ClaimWithHistory) => claimRecord({ ...toClaim(r), siteId: '', history: r.history }),
  } satisfies Table<FileClaim, ClaimWithHistory>,
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
    problems.push(...(await foreignIds(tx, siteId, key, table, file[key] ?? [])));
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
