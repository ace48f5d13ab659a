// A convoy's notifications as one document for the record or for a liaison officer: every version
// sent to each party, exactly as sent, with each answer and its source. No names: notifications
// carry none, and answers are recorded against a party, not a passenger.
import type { Queryable } from '../store/database.ts';
import * as repo from '../store/repos/notifications.ts';
import { flagsOf } from './convoy-flags.ts';
import { requireConvoy } from './convoy-lookup.ts';
import { partyStatuses } from './notifications.ts';

export async function notificationExport(db: Queryable, convoyId: string, at: Date) {
  const convoy = await requireConvoy(db, convoyId);
  const [statuses, sent] = await Promise.all([
    partyStatuses(db, convoy),
    repo.listNotifications(db, [convoy.id]),
  ]);
  const answers = await repo.listAnswers(
    db,
    sent.map((n) => n.id),
  );
  return {
    exportedAt: at.toISOString(),
    convoy: {
      id: convoy.id,
      code: convoy.code,
      status: convoy.status,
      plannedDeparture: convoy.plannedDeparture,
      plannedArrival: convoy.plannedArrival,
      departedAt: convoy.departedAt,
      arrivedAt: convoy.arrivedAt,
      cancelledAt: convoy.cancelledAt,
      cancelledReason: convoy.cancelledReason,
    },
    flags: convoy.status === 'planned' ? await flagsOf(db, convoy, at, statuses) : [],
    parties: statuses.map((s) => ({
      party: s.party,
      state: s.state,
      current: s.current,
      versions: sent
        .filter((n) => n.partyId === s.party.id)
        .map((n) => ({
          id: n.id,
          version: n.version,
          sentAt: n.sentAt,
          sentBy: n.sentBy,
          channel: n.channel,
          content: n.content,
          answers: answers
            .filter((a) => a.notificationId === n.id)
            .map((a) => ({
              answer: a.answer,
              answeredAt: a.answeredAt,
              sourceId: a.sourceId,
              sourceNote: a.sourceNote,
              note: a.note,
              recordedBy: a.recordedBy,
              recordedAt: a.recordedAt,
            })),
        })),
    })),
  };
}

export type NotificationExport = Awaited<ReturnType<typeof notificationExport>>;
