// The alerts a check-in can raise, decided inside the check-in's transaction: someone arriving who
// was on no manifest, and a child arriving without any of the adults responsible for them.

import type { Person } from '../domain/person.ts';
import { type AlertKind, arrivesUnaccompanied } from '../domain/reception.ts';
import { isChild } from '../planning/evacuation/priority.ts';
import type { Queryable } from '../store/database.ts';
import { type ManifestPlace, responsibleAdultsOf } from '../store/repos/check-ins.ts';
import type { Actor } from '../store/repos/operations.ts';
import { type AlertToRaise, raiseAlert } from './alerts.ts';

export interface CheckInFacts {
  checkInId: string;
  siteId: string;
  person: Person;
  /** The person's status before the check-in. */
  statusBefore: string;
  receptionPointName: string;
  desk: string | null;
  /** The convoy the check-in names or that carried the person. */
  convoyId: string | null;
  /** The person's entries on manifests of convoys that were not cancelled. */
  places: readonly ManifestPlace[];
}

/** A person is on a manifest when a convoy expected or carried them; a no-show did not travel with it. */
export const onManifest = (places: readonly ManifestPlace[]): boolean =>
  places.some((p) => p.status === 'expected' || p.status === 'boarded');

/** Raises what the check-in calls for; returns the alerts raised (not those already open). */
export async function raiseCheckInAlerts(
  tx: Queryable,
  actor: Actor,
  facts: CheckInFacts,
): Promise<Array<{ id: string; kind: AlertKind }>> {
  const raised: Array<{ id: string; kind: AlertKind }> = [];
  const raise = async (alert: AlertToRaise) => {
    const id = await raiseAlert(tx, actor, alert);
    if (id) raised.push({ id, kind: alert.kind });
  };
  const where = {
    checkInId: facts.checkInId,
    receptionPointName: facts.receptionPointName,
    desk: facts.desk,
  };
  if (!onManifest(facts.places))
    await raise({
      siteId: facts.siteId,
      kind: 'arrived_not_on_manifest',
      personId: facts.person.id,
      convoyId: facts.convoyId,
      details: {
        ...where,
        statusBefore: facts.statusBefore,
        // A no-show who arrives anyway came some other way: the reason given at boarding helps.
        manifestEntries: facts.places.map((p) => ({
          convoyCode: p.convoyCode,
          status: p.status,
          reason: p.reason,
        })),
      },
    });
  if (!isChild(facts.person)) return raised;
  const child = await raiseChildAlertIfAlone(tx, actor, {
    checkInId: facts.checkInId,
    siteId: facts.siteId,
    childId: facts.person.id,
    receptionPointName: facts.receptionPointName,
    desk: facts.desk,
    convoyId: facts.convoyId,
  });
  if (child) raised.push({ id: child, kind: 'unaccompanied_child_arrived' });
  return raised;
}

/** A child's standing check-in, and where it was made. */
export interface ChildCheckIn {
  checkInId: string;
  siteId: string;
  childId: string;
  receptionPointName: string;
  desk: string | null;
  convoyId: string | null;
}

/**
 * Raises the unaccompanied-child alert if none of the adults responsible for the child has a
 * standing check-in: when the child is checked in, and again when an adult's check-in is voided.
 * Returns the alert's id, or null when none was raised (not alone, or the alert is open already).
 */
export async function raiseChildAlertIfAlone(
  tx: Queryable,
  actor: Actor,
  child: ChildCheckIn,
): Promise<string | null> {
  const adults = (await responsibleAdultsOf(tx, [child.childId])).get(child.childId)!;
  if (!arrivesUnaccompanied({ isChild: true, ...adults })) return null;
  return raiseAlert(tx, actor, {
    siteId: child.siteId,
    kind: 'unaccompanied_child_arrived',
    personId: child.childId,
    convoyId: child.convoyId,
    details: {
      checkInId: child.checkInId,
      receptionPointName: child.receptionPointName,
      desk: child.desk,
      // Where the adults are now (held at a screening point, still sheltering …) is what the cell
      // needs to reunite them.
      guardians: adults.guardians.map(({ personId, relation, status }) => ({ personId, relation, status })),
      householdAdults: adults.householdAdults.map(({ personId, status }) => ({ personId, status })),
    },
  });
}
