import { CorridorError, notFound, unknownReference } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import {
  type AcceptanceAnswer,
  announcedInstants,
  breachingIncidentTypes,
  derivePause,
  pauseTimesShown,
} from '../domain/pause.ts';
import { checkZone } from '../domain/time.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import * as parties from '../store/repos/parties.ts';
import * as repo from '../store/repos/pauses.ts';
import { findPoint } from '../store/repos/sites.ts';
import { definedOnly, requireSite, requireSiteReference } from './sites.ts';

export async function createParty(
  db: Database,
  actor: Actor,
  input: Omit<parties.Party, 'id' | 'shortName' | 'note'> & {
    id?: string | undefined;
    shortName?: string | null | undefined;
    note?: string | null | undefined;
  },
): Promise<parties.Party> {
  return translating(() =>
    db.transaction(async (tx) => {
      if (await parties.findPartyByName(tx, input.name))
        throw new CorridorError('conflict', `name: a party named ${input.name} already exists`, {
          field: 'name',
        });
      const party: parties.Party = {
        id: input.id ?? newId(),
        name: input.name,
        shortName: input.shortName ?? null,
        kind: input.kind,
        note: input.note ?? null,
      };
      await parties.insertParty(tx, party);
      await recordOperation(tx, actor, {
        entity: 'party',
        entityId: party.id,
        action: 'create',
        before: null,
        after: party,
      });
      return party;
    }),
  );
}

export type SourceInput = Partial<Omit<parties.Source, 'kind' | 'title'>> &
  Pick<parties.Source, 'kind' | 'title'>;

export async function createSource(db: Database, actor: Actor, input: SourceInput): Promise<parties.Source> {
  return translating(() =>
    db.transaction(async (tx) => {
      if (input.partyId) await requireParty(tx, input.partyId, 'partyId');
      const source: parties.Source = {
        id: input.id ?? newId(),
        kind: input.kind,
        title: input.title,
        partyId: input.partyId ?? null,
        channel: input.channel ?? null,
        publishedAt: input.publishedAt ?? null,
        url: input.url ?? null,
        reference: input.reference ?? null,
        contentHash: input.contentHash ?? null,
        note: input.note ?? null,
      };
      await parties.insertSource(tx, source);
      await recordOperation(tx, actor, {
        entity: 'source',
        entityId: source.id,
        action: 'create',
        before: null,
        after: source,
      });
      return source;
    }),
  );
}

export async function requireParty(db: Queryable, id: string, field: string): Promise<parties.Party> {
  const party = await parties.findParty(db, id);
  if (!party) throw unknownReference(field, id);
  return party;
}

export async function requireSource(db: Queryable, id: string, field: string): Promise<parties.Source> {
  const source = await parties.findSource(db, id);
  if (!source) throw unknownReference(field, id);
  return source;
}

export interface PauseInput {
  id?: string | undefined;
  siteId: string;
  name: string;
  kind: repo.PauseWindow['kind'];
  announcedBy: string;
  announcedAt: string;
  announcementSourceId?: string | null | undefined;
  announcedZone: string;
  announcedStart: string;
  announcedEnd: string;
  scope?: repo.PauseScope | undefined;
  elements?: repo.PauseElements | undefined;
  note?: string | null | undefined;
}

export type PausePatch = Partial<Omit<PauseInput, 'id' | 'siteId'>> & {
  effectiveStart?: string | null | undefined;
  effectiveEnd?: string | null | undefined;
  suspendedAt?: string | null | undefined;
  resumedAt?: string | null | undefined;
};

/** Every rule a pause window must meet, checked inside the transaction that writes it. */
async function checkPause(tx: Queryable, p: repo.PauseWindow): Promise<void> {
  checkZone(p.announcedZone, 'announcedZone');
  const { start, end } = announcedInstants(p);
  if (end <= start)
    throw new CorridorError('validation_failed', 'announcedEnd: the window must end after it starts', {
      field: 'announcedEnd',
    });
  if (p.effectiveStart && p.effectiveEnd && Date.parse(p.effectiveEnd) <= Date.parse(p.effectiveStart))
    throw new CorridorError(
      'validation_failed',
      'effectiveEnd: the observed end must come after the observed start',
      {
        field: 'effectiveEnd',
      },
    );
  if (p.resumedAt && (!p.suspendedAt || Date.parse(p.resumedAt) <= Date.parse(p.suspendedAt)))
    throw new CorridorError(
      'validation_failed',
      'resumedAt: a window resumes only after a recorded suspension',
      {
        field: 'resumedAt',
      },
    );
  await requireParty(tx, p.announcedBy, 'announcedBy');
  if (p.announcementSourceId) await requireSource(tx, p.announcementSourceId, 'announcementSourceId');
  for (const pointId of p.scope.pickupPointIds ?? []) {
    const point = await findPoint(tx, pointId);
    if (!point || point.siteId !== p.siteId || (point.kind !== 'pickup_point' && point.kind !== 'exit'))
      throw unknownReference('scope.pickupPointIds', pointId);
  }
}

export async function createPause(db: Database, actor: Actor, input: PauseInput): Promise<repo.PauseWindow> {
  return translating(() =>
    db.transaction(async (tx) => {
      await requireSiteReference(tx, input.siteId);
      const pause: repo.PauseWindow = {
        id: input.id ?? newId(),
        siteId: input.siteId,
        name: input.name,
        kind: input.kind,
        announcedBy: input.announcedBy,
        announcedAt: new Date(input.announcedAt).toISOString(),
        announcementSourceId: input.announcementSourceId ?? null,
        announcedZone: input.announcedZone,
        announcedStartLocal: input.announcedStart,
        announcedEndLocal: input.announcedEnd,
        scope: input.scope ?? { site: true },
        elements: input.elements ?? {},
        effectiveStart: null,
        effectiveEnd: null,
        suspendedAt: null,
        resumedAt: null,
        note: input.note ?? null,
      };
      await checkPause(tx, pause);
      await repo.insertPause(tx, pause);
      // The announcer stands behind its own window.
      await repo.upsertAcceptance(tx, pause.id, {
        partyId: pause.announcedBy,
        answer: 'accepted',
        answeredAt: pause.announcedAt,
        sourceId: pause.announcementSourceId,
        note: 'announcer',
      });
      await recordOperation(tx, actor, {
        entity: 'pause_window',
        entityId: pause.id,
        action: 'create',
        before: null,
        after: pause,
      });
      return pause;
    }),
  );
}

export async function updatePause(
  db: Database,
  actor: Actor,
  id: string,
  patch: PausePatch,
): Promise<repo.PauseWindow> {
  return translating(() =>
    db.transaction(async (tx) => {
      const before = await repo.findPause(tx, id, true);
      if (!before) throw notFound('pause window', id);
      const { announcedStart, announcedEnd, ...rest } = patch;
      const next: repo.PauseWindow = {
        ...before,
        ...definedOnly(rest),
        ...(announcedStart !== undefined ? { announcedStartLocal: announcedStart } : {}),
        ...(announcedEnd !== undefined ? { announcedEndLocal: announcedEnd } : {}),
      };
      for (const field of [
        'announcedAt',
        'effectiveStart',
        'effectiveEnd',
        'suspendedAt',
        'resumedAt',
      ] as const) {
        const value = next[field];
        if (value) next[field] = new Date(value).toISOString();
      }
      await checkPause(tx, next);
      await repo.updatePause(tx, next);
      await recordOperation(tx, actor, {
        entity: 'pause_window',
        entityId: id,
        action: 'update',
        before,
        after: next,
      });
      return next;
    }),
  );
}

export async function recordAcceptance(
  db: Database,
  actor: Actor,
  pauseId: string,
  partyId: string,
  input: {
    answer: AcceptanceAnswer;
    answeredAt?: string | null | undefined;
    sourceId?: string | null | undefined;
    note?: string | null | undefined;
  },
): Promise<repo.PauseAcceptance> {
  return translating(() =>
    db.transaction(async (tx) => {
      const pause = await repo.findPause(tx, pauseId, true);
      if (!pause) throw notFound('pause window', pauseId);
      await requireParty(tx, partyId, 'partyId');
      if (input.sourceId) await requireSource(tx, input.sourceId, 'sourceId');
      if (partyId === pause.announcedBy && input.answer !== 'accepted')
        throw new CorridorError(
          'validation_failed',
          'answer: the announcing party cannot reject its own window; record a suspension instead',
          {
            field: 'answer',
          },
        );
      const before =
        (await repo.listAcceptances(tx, [pauseId])).get(pauseId)?.find((a) => a.partyId === partyId) ?? null;
      const acceptance: repo.PauseAcceptance = {
        partyId,
        answer: input.answer,
        answeredAt: input.answeredAt ? new Date(input.answeredAt).toISOString() : null,
        sourceId: input.sourceId ?? null,
        note: input.note ?? null,
      };
      await repo.upsertAcceptance(tx, pauseId, acceptance);
      await recordOperation(tx, actor, {
        entity: 'pause_window',
        entityId: pauseId,
        action: 'acceptance',
        before,
        after: acceptance,
      });
      return acceptance;
    }),
  );
}

/** Pause windows as a coordinator reads them: times in three zones, acceptances, and the derived state. */
export async function pauseViews(db: Queryable, siteId: string, at: Date, onlyId?: string) {
  const site = await requireSite(db, siteId);
  const pauses = (await repo.listPauses(db, siteId)).filter((p) => !onlyId || p.id === onlyId);
  const ids = pauses.map((p) => p.id);
  const [acceptances, breaches] = await Promise.all([
    repo.listAcceptances(db, ids),
    repo.breachTimes(db, ids, breachingIncidentTypes),
  ]);
  return pauses.map((p) => {
    const list = acceptances.get(p.id) ?? [];
    const derived = derivePause(p, list, breaches.get(p.id) ?? [], at);
    return {
      ...p,
      times: pauseTimesShown(p, site.timeZone),
      acceptances: list,
      derived: {
        at: at.toISOString(),
        state: derived.state,
        because: derived.because,
        lateStartMinutes: derived.lateStartMinutes,
        acceptedBy: derived.acceptedBy,
        rejectedBy: derived.rejectedBy,
        awaiting: derived.awaiting,
        breaches: derived.breaches,
      },
    };
  });
}

export async function pauseView(db: Queryable, id: string, at: Date) {
  const pause = await repo.findPause(db, id);
  if (!pause) throw notFound('pause window', id);
  return (await pauseViews(db, pause.siteId, at, id))[0]!;
}
