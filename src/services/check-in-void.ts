// Voiding a check-in made in error — the wrong card scanned, the wrong name chosen from the search.
// The check-in stays, marked voided with why, when and by whom, but no longer counts: the person is
// back where the registry had them before it, and what the check-in settled or raised is put right
// in the same transaction, so the reconciliation and the alerts agree with the corrected record:
// - the person's status returns to what it was before the check-in (a void says the arrival never
//   happened, as undoing a merge says the merge never did, so this is a correction, not a step of
//   the lifecycle);
// - a hold at a screening point the check-in ended is open again;
// - alerts the check-in raised and still open (arrived on no manifest, a child arriving alone) are
//   resolved, saying it was voided;
// - the alerts the corrected record calls for are raised: "boarded but not arrived" if a convoy the
//   person boarded has arrived without them, and "unaccompanied child" for any child of theirs
//   checked in who now has none of their adults at reception.
import { CorridorError, notFound } from '../domain/errors.ts';
import type { PersonStatus } from '../domain/lifecycle.ts';
import type { AlertKind } from '../domain/reception.ts';
import { isChild } from '../planning/evacuation/priority.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import { alertsOfCheckIn, resolveAlert } from '../store/repos/alerts.ts';
import * as repo from '../store/repos/check-ins.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import { findPerson, setPersonStatus } from '../store/repos/people.ts';
import { reopenHoldsEndedBy } from '../store/repos/road-events.ts';
import { raiseArrivalAlertFor } from './alerts.ts';
import { raiseChildAlertIfAlone } from './check-in-alerts.ts';

export interface VoidResult {
  checkIn: repo.CheckInRecord & { person: repo.PersonBrief };
  /** Holds at screening points open again because the check-in had ended them. */
  holdsReopened: string[];
  alertsResolved: Array<{ id: string; kind: AlertKind }>;
  alertsRaised: Array<{ id: string; kind: AlertKind }>;
}

export interface VoidRights {
  /**
   * Whether the caller may void any desk's check-in (the coordination cell), or only the ones made
   * under their own account (a reception desk correcting its own scan).
   */
  anyDesk: boolean;
}

/** The person's status just before this check-in moved them to arrived, if it did. */
async function statusBefore(
  tx: Queryable,
  personId: string,
  checkInId: string,
): Promise<PersonStatus | null> {
  const { rows } = await tx.query<{ status: PersonStatus }>(
    `SELECT before->>'status' AS status FROM operation
     WHERE entity = 'person' AND entity_id = $1 AND action = 'status' AND after->>'checkInId' = $2
     ORDER BY seq DESC LIMIT 1`,
    [personId, checkInId],
  );
  return rows[0]?.status ?? null;
}

/** Children with a standing check-in for whom this person is one of the responsible adults. */
async function childrenCheckedIn(tx: Queryable, personId: string): Promise<repo.CheckInRecord[]> {
  const { rows } = await tx.query<{ id: string }>(
    `SELECT k.id FROM check_in k
     WHERE k.voided_at IS NULL AND k.person_id IN (
       SELECT child_id FROM person_guardian WHERE guardian_id = $1
       UNION
       SELECT c.id FROM person c JOIN person a ON a.household_id = c.household_id
       WHERE a.id = $1 AND c.id <> a.id
         AND NOT EXISTS (SELECT 1 FROM person_guardian g WHERE g.child_id = c.id))
     ORDER BY k.checked_in_at, k.id`,
    [personId],
  );
  const found: repo.CheckInRecord[] = [];
  for (const { id } of rows) found.push((await repo.findCheckIn(tx, id))!);
  return found;
}

function validReason(reason: string): string {
  const trimmed = reason.trim();
  if (trimmed.length < 3)
    throw new CorridorError(
      'validation_failed',
      'reason: say in a few words why the check-in was a mistake',
      {
        field: 'reason',
      },
    );
  return trimmed;
}

export async function voidCheckIn(
  db: Database,
  actor: Actor,
  id: string,
  reasonGiven: string,
  rights: VoidRights,
): Promise<VoidResult> {
  const reason = validReason(reasonGiven);
  return await translating(() =>
    db.transaction(async (tx) => {
      const found = await repo.findCheckIn(tx, id);
      if (!found) throw notFound('check-in', id);
      // The person's row first, as a check-in locks it: a void and a check-in of the same person
      // take turns.
      const person = (await findPerson(tx, found.personId, true))!;
      const record = (await repo.findCheckIn(tx, id, true))!;
      if (!rights.anyDesk && record.checkedInById !== actor.userId)
        throw new CorridorError(
          'forbidden',
          `this check-in was made by ${record.checkedInBy}: a reception desk voids only its own check-ins; ask the coordination cell`,
          { checkedInBy: record.checkedInBy },
        );
      if (record.voidedAt)
        throw new CorridorError(
          'conflict',
          `the check-in was already voided at ${record.voidedAt} by ${record.voidedBy}: ${record.voidedReason}`,
          { voidedAt: record.voidedAt, voidedBy: record.voidedBy },
        );
      if (person.status !== 'arrived')
        throw new CorridorError(
          'illegal_transition',
          `person ${person.id} is ${person.status} now, no longer arrived: correct the registry before voiding their check-in`,
          { from: person.status },
        );

      await repo.voidCheckIn(tx, id, reason, actor);
      const voided = (await repo.findCheckIn(tx, id))!;
      await recordOperation(tx, actor, {
        entity: 'check_in',
        entityId: id,
        action: 'void',
        before: { voidedAt: null },
        after: { personId: person.id, voidedAt: voided.voidedAt, reason },
      });

      const holds = await reopenHoldsEndedBy(tx, id);
      for (const hold of holds)
        await recordOperation(tx, actor, {
          entity: 'screening_hold',
          entityId: hold.id,
          action: 'reopen',
          before: { releasedAt: hold.releasedAt, endedByCheckInId: id },
          after: { releasedAt: null, reason: `check-in voided: ${reason}` },
        });

      const previous = await statusBefore(tx, person.id, id);
      if (previous && previous !== person.status) {
        await setPersonStatus(tx, person.id, previous);
        await recordOperation(tx, actor, {
          entity: 'person',
          entityId: person.id,
          action: 'status',
          before: { status: person.status },
          after: { status: previous, reason: `check-in voided: ${reason}`, voidedCheckInId: id },
        });
      }

      const alertsResolved: VoidResult['alertsResolved'] = [];
      for (const alert of await alertsOfCheckIn(tx, id, person.id)) {
        if (alert.resolvedAt) continue;
        const resolution = `the check-in was voided: ${reason}`;
        await resolveAlert(tx, alert.id, resolution, actor);
        await recordOperation(tx, actor, {
          entity: 'reconciliation_alert',
          entityId: alert.id,
          action: 'resolve',
          before: { resolvedAt: null },
          after: { resolvedAt: voided.voidedAt, resolution, voidedCheckInId: id },
        });
        alertsResolved.push({ id: alert.id, kind: alert.kind });
      }

      const alertsRaised: VoidResult['alertsRaised'] = (await raiseArrivalAlertFor(tx, actor, person.id)).map(
        (alertId) => ({ id: alertId, kind: 'boarded_not_arrived' as const }),
      );
      for (const child of await childrenCheckedIn(tx, person.id)) {
        const childPerson = (await findPerson(tx, child.personId))!;
        if (!isChild(childPerson)) continue;
        const raised = await raiseChildAlertIfAlone(tx, actor, {
          checkInId: child.id,
          siteId: child.siteId,
          childId: child.personId,
          receptionPointName: child.receptionPointName,
          desk: child.desk,
          convoyId: child.convoyId,
        });
        if (raised) alertsRaised.push({ id: raised, kind: 'unaccompanied_child_arrived' });
      }

      const [brief] = await repo.personBriefs(tx, [person.id]);
      return {
        checkIn: { ...voided, person: brief! },
        holdsReopened: holds.map((h) => h.id),
        alertsResolved,
        alertsRaised,
      };
    }),
  );
}
