// What a check-in settles by itself, in its own transaction: the person was somewhere on the way and
// now stands at a reception point. Wherever they came from — their own convoy, another vehicle after
// a screening point let them go, on foot — the check-in counts:
// - a hold at a screening point still open ends with the check-in (they were let go by then, whether
//   or not anyone reported it); the hold keeps its event, claim and incident, and a release reported
//   later takes the check-in's place with the real time and place;
// - an open "boarded but not arrived" alert is resolved, saying where and when they arrived.
// Voiding the check-in undoes both (check-in-void.ts).
import type { AlertKind } from '../domain/reception.ts';
import type { Queryable } from '../store/database.ts';
import { openAlertsOf, resolveAlert } from '../store/repos/alerts.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import { endHoldByCheckIn, openHoldOf } from '../store/repos/road-events.ts';

export interface Arrival {
  checkInId: string;
  personId: string;
  checkedInAt: string;
  receptionPointName: string;
  desk: string | null;
}

export interface Settled {
  /** The hold the check-in ended, if the person was still held at a screening point. */
  holdEnded: { id: string; waypointName: string } | null;
  alertsResolved: Array<{ id: string; kind: AlertKind }>;
}

/** Where the arrival happened, in the words an alert's resolution and a hold's log entry use. */
const arrivedAt = (a: Arrival) =>
  `checked in at ${a.receptionPointName}${a.desk ? ` (desk ${a.desk})` : ''} at ${a.checkedInAt}`;

export async function settleArrival(tx: Queryable, actor: Actor, arrival: Arrival): Promise<Settled> {
  const hold = await openHoldOf(tx, arrival.personId);
  let holdEnded: Settled['holdEnded'] = null;
  if (hold) {
    await endHoldByCheckIn(tx, hold.id, { id: arrival.checkInId, checkedInAt: arrival.checkedInAt });
    const { rows } = await tx.query<{ name: string }>('SELECT name FROM convoy_waypoint WHERE id = $1', [
      hold.waypointId,
    ]);
    holdEnded = { id: hold.id, waypointName: rows[0]!.name };
    await recordOperation(tx, actor, {
      entity: 'screening_hold',
      entityId: hold.id,
      action: 'end',
      before: { releasedAt: null },
      after: {
        releasedAt: arrival.checkedInAt,
        endedByCheckInId: arrival.checkInId,
        reason: `released and arrived: ${arrivedAt(arrival)}`,
      },
    });
  }
  const alertsResolved: Settled['alertsResolved'] = [];
  for (const alert of await openAlertsOf(tx, arrival.personId, ['boarded_not_arrived'])) {
    const resolution = `arrived: ${arrivedAt(arrival)}${
      holdEnded ? `; no longer held at ${holdEnded.waypointName}` : ''
    }`;
    await resolveAlert(tx, alert.id, resolution, actor);
    await recordOperation(tx, actor, {
      entity: 'reconciliation_alert',
      entityId: alert.id,
      action: 'resolve',
      before: { resolvedAt: null },
      after: { resolvedAt: arrival.checkedInAt, resolution, checkInId: arrival.checkInId },
    });
    alertsResolved.push({ id: alert.id, kind: alert.kind });
  }
  return { holdEnded, alertsResolved };
}
