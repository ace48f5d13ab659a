// Notifying a convoy to the parties and recording their answers. Each party gets its own copy of
// what the movement is now; it is sent again (the next version) only when the movement changed
// since that party's last copy, so a party's answer always refers to a version it was sent.
import type { Convoy } from '../domain/convoy.ts';
import { CorridorError, notFound, unknownReference } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import {
  latestAnswer,
  type NotificationAnswer,
  type NotificationContent,
  type PartyState,
  passengerCounts,
  sameMovement,
} from '../domain/notification.ts';
import { announcedInstants } from '../domain/pause.ts';
import type { AgeBand, TriageCategory, Vulnerability } from '../domain/person.ts';
import { ageBandAt } from '../planning/evacuation/registry-groups.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import * as convoys from '../store/repos/convoys.ts';
import * as repo from '../store/repos/notifications.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import { findParty, findSource, type Party } from '../store/repos/parties.ts';
import { findPause } from '../store/repos/pauses.ts';
import { requireConvoy } from './convoy-lookup.ts';
import { authoriseExport, profileForParty } from './disclosure-profiles.ts';
import { requireSite } from './sites.ts';

/** Who is counted: everyone still expected or aboard before departure, those aboard after it. */
const counted = (convoy: Convoy, status: string) =>
  convoy.status === 'planned' ? status === 'expected' || status === 'boarded' : status === 'boarded';

/** What the movement is now, as a notification to one party would say it. */
export async function movementContent(
  db: Queryable,
  convoy: Convoy,
): Promise<Omit<NotificationContent, 'party'>> {
  const [site, pause, vehicles, waypoints, people] = await Promise.all([
    requireSite(db, convoy.siteId),
    convoy.pauseWindowId ? findPause(db, convoy.pauseWindowId) : undefined,
    convoys.listConvoyVehicles(db, [convoy.id]),
    convoys.listWaypoints(db, [convoy.id]),
    convoys.manifestPeople(db, convoy.id),
  ]);
  const travelDay = new Date(convoy.plannedDeparture);
  const window = pause
    ? (() => {
        const announced = announcedInstants(pause);
        return {
          name: pause.name,
          start: pause.effectiveStart ?? announced.start.toISOString(),
          end: pause.effectiveEnd ?? announced.end.toISOString(),
        };
      })()
    : null;
  const crew = vehicles.reduce((n, v) => n + v.crewSize, 0);
  return {
    movement: {
      convoyCode: convoy.code,
      site: site.name,
      plannedDeparture: convoy.plannedDeparture,
      plannedArrival: convoy.plannedArrival,
      pauseWindow: window,
    },
    route: waypoints.map((w) => ({ seq: w.seq, kind: w.kind, place: w.name, plannedAt: w.plannedAt })),
    vehicles: {
      count: vehicles.length,
      items: vehicles.map((v) => ({ kind: v.kind, label: v.label, marking: v.marking, crew: v.crewSize })),
    },
    crew,
    passengers: passengerCounts(
      people
        .filter((p) => counted(convoy, p.status))
        .map((p) => ({
          ageBand: ageBandAt(
            { ageBand: p.ageBand as AgeBand | null, birthDate: p.birthDate, birthYear: p.birthYear },
            travelDay,
          ),
          vulnerabilities: p.vulnerabilities as Vulnerability[],
          triage: p.triage as TriageCategory | null,
        })),
    ),
  };
}

const addressed = (
  party: Pick<Party, 'id' | 'name' | 'shortName'>,
  movement: Omit<NotificationContent, 'party'>,
): NotificationContent => ({
  party: { id: party.id, name: party.name, shortName: party.shortName },
  ...movement,
});

const withoutContent = ({ content: _, ...head }: repo.Notification): Omit<repo.Notification, 'content'> =>
  head;

export interface PartyStatus {
  party: { id: string; name: string; shortName: string | null };
  state: PartyState;
  /** The latest notification sent to the party, if any. */
  notification: Omit<repo.Notification, 'content'> | null;
  /** False when the movement changed after the party's latest notification: notify again. */
  current: boolean;
  answer: repo.Answer | null;
  /** Every answer to the latest notification, in the order given. */
  answers: repo.Answer[];
}

/**
 * Each of the site's parties, and any other party notified of the convoy, with where it stands.
 * `current` is what the movement is now, when the caller has it already.
 */
export async function partyStatuses(
  db: Queryable,
  convoy: Convoy,
  current?: Omit<NotificationContent, 'party'>,
): Promise<PartyStatus[]> {
  const [parties, sent, movement] = await Promise.all([
    repo.siteParties(db, convoy.siteId),
    repo.listNotifications(db, [convoy.id]),
    current ?? movementContent(db, convoy),
  ]);
  const latest = new Map<string, repo.Notification>();
  for (const n of sent) latest.set(n.partyId, n);
  const answers = await repo.listAnswers(
    db,
    [...latest.values()].map((n) => n.id),
  );
  const known = new Set(parties.map((p) => p.id));
  const others = [...latest.values()].filter((n) => !known.has(n.partyId)).map((n) => n.content.party);
  return [...parties, ...others].map((party) => {
    const n = latest.get(party.id);
    const own = n ? answers.filter((a) => a.notificationId === n.id) : [];
    const answer = latestAnswer(own) ?? null;
    return {
      party: { id: party.id, name: party.name, shortName: party.shortName },
      state: !n ? 'not_notified' : (answer?.answer ?? 'awaiting_answer'),
      notification: n ? withoutContent(n) : null,
      current: n ? sameMovement(n.content, addressed(party, movement)) : false,
      answer,
      answers: own,
    };
  });
}

export interface NotifyInput {
  partyIds?: string[] | undefined;
  channel?: string | null | undefined;
  /** When it went out (default now): a notification sent by phone may be recorded afterwards. */
  sentAt?: string | undefined;
}

export interface NotifyResult {
  sent: repo.Notification[];
  /** Parties whose latest notification already says what the movement is now: not sent again. */
  unchanged: Array<{ partyId: string; notificationId: string; version: number }>;
}

async function partiesToNotify(tx: Queryable, convoy: Convoy, partyIds: readonly string[] | undefined) {
  if (!partyIds) return repo.siteParties(tx, convoy.siteId);
  const parties: Party[] = [];
  for (const [i, id] of [...new Set(partyIds)].entries()) {
    const party = await findParty(tx, id);
    if (!party) throw unknownReference(`partyIds/${i}`, id);
    parties.push(party);
  }
  return parties;
}

export function notifyParties(
  db: Database,
  actor: Actor,
  convoyId: string,
  input: NotifyInput,
): Promise<NotifyResult> {
  return translating(() =>
    db.transaction(async (tx) => {
      const convoy = await requireConvoy(tx, convoyId, true);
      if (convoy.status !== 'planned' && convoy.status !== 'departed')
        throw new CorridorError(
          'conflict',
          `convoy ${convoy.code} is ${convoy.status}: there is no movement to notify`,
          { status: convoy.status },
        );
      const parties = await partiesToNotify(tx, convoy, input.partyIds);
      if (parties.length === 0)
        throw new CorridorError(
          'conflict',
          'no party to notify: record the parties of the site’s pause windows, or name them in partyIds',
        );
      const movement = await movementContent(tx, convoy);
      const sent = await repo.listNotifications(tx, [convoy.id]);
      const sentAt = input.sentAt ? new Date(input.sentAt).toISOString() : new Date().toISOString();
      const result: NotifyResult = { sent: [], unchanged: [] };
      for (const party of parties) {
        const previous = sent.filter((n) => n.partyId === party.id).at(-1);
        const content = addressed(party, movement);
        if (previous && sameMovement(previous.content, content)) {
          result.unchanged.push({
            partyId: party.id,
            notificationId: previous.id,
            version: previous.version,
          });
          continue;
        }
        const id = newId();
        // A party receives the movement and counts by category; its profile must allow both.
        await authoriseExport(tx, actor, {
          kind: 'notification',
          entity: 'convoy',
          entityId: convoy.id,
          profile: await profileForParty(tx, party.id),
          recipient: party.name,
          needs: ['movements', 'counts'],
          detail: { partyId: party.id, notificationId: id },
        });
        const notification: repo.Notification = {
          id,
          convoyId: convoy.id,
          partyId: party.id,
          version: (previous?.version ?? 0) + 1,
          content,
          channel: input.channel ?? null,
          sentAt,
          sentBy: actor.name,
          sentById: actor.userId,
        };
        await repo.insertNotification(tx, notification);
        await recordOperation(tx, actor, {
          entity: 'notification',
          entityId: notification.id,
          action: 'send',
          before: null,
          after: { ...notification, content },
        });
        result.sent.push(notification);
      }
      if (result.sent.length === 0)
        throw new CorridorError(
          'conflict',
          `every party already has the current notification of convoy ${convoy.code} (${result.unchanged
            .map((u) => `version ${u.version}`)
            .join(', ')}); nothing has changed since: record their answers`,
          { unchanged: result.unchanged },
        );
      return result;
    }),
  );
}

export interface AnswerInput {
  answer: NotificationAnswer;
  answeredAt: string;
  sourceId?: string | null | undefined;
  sourceNote?: string | null | undefined;
  note?: string | null | undefined;
}

export function recordAnswer(
  db: Database,
  actor: Actor,
  notificationId: string,
  input: AnswerInput,
): Promise<repo.Answer> {
  return translating(() =>
    db.transaction(async (tx) => {
      const notification = await repo.findNotification(tx, notificationId, true);
      if (!notification) throw notFound('notification', notificationId);
      if (input.sourceId && !(await findSource(tx, input.sourceId)))
        throw unknownReference('sourceId', input.sourceId);
      // Silence needs no source; a party's word does: who said it, on what channel.
      if (input.answer !== 'no_answer' && !input.sourceId && !input.sourceNote?.trim())
        throw new CorridorError(
          'validation_failed',
          `sourceId or sourceNote: say where the party's answer comes from (a stored source, or who said it and how)`,
          { field: 'sourceNote' },
        );
      const answeredAt = new Date(input.answeredAt).toISOString();
      if (Date.parse(answeredAt) < Date.parse(notification.sentAt))
        throw new CorridorError(
          'validation_failed',
          `answeredAt: ${answeredAt} is before the notification was sent (${notification.sentAt})`,
          { field: 'answeredAt' },
        );
      const answer = {
        id: newId(),
        notificationId,
        answer: input.answer,
        answeredAt,
        sourceId: input.sourceId ?? null,
        sourceNote: input.sourceNote?.trim() || null,
        note: input.note ?? null,
        recordedBy: actor.name,
        recordedById: actor.userId,
      };
      await repo.insertAnswer(tx, answer);
      await recordOperation(tx, actor, {
        entity: 'notification',
        entityId: notificationId,
        action: 'answer',
        before: null,
        after: answer,
      });
      return (await repo.findAnswer(tx, answer.id))!;
    }),
  );
}
