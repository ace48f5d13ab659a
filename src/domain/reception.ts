// Reception and reconciliation rules: who may be checked in, and what a check-in tells the
// coordination cell. Pure: the services read the registry and pass the facts in.
import { CorridorError } from './errors.ts';
import type { PersonStatus } from './lifecycle.ts';

export const alertKinds = [
  'boarded_not_arrived',
  'arrived_not_on_manifest',
  'manifest_not_boarded',
  'unaccompanied_child_arrived',
] as const;
export type AlertKind = (typeof alertKinds)[number];

export const checkInMethods = ['id', 'qr', 'search'] as const;
export type CheckInMethod = (typeof checkInMethods)[number];

// A check-in records that a desk saw the person at the reception point: a fact, not a plan. It
// therefore moves the person to arrived from any state in which they could still be on the way,
// including states the lifecycle reaches only by planning (a person who came by their own means
// while still "sheltering" in the registry). That arrival off the manifest is what raises an alert.
const arrivingFrom: ReadonlySet<PersonStatus> = new Set([
  'boarded',
  'held_at_screening',
  'missing',
  'assigned',
  'ready',
  'sheltering',
  'declined',
  'stayed_behind',
]);

/**
 * The status a check-in gives a person, or why it cannot: someone deceased or who has already left
 * reception is not arriving. A person already marked arrived (by hand, without a check-in) stays so.
 */
export function statusAfterCheckIn(from: PersonStatus): PersonStatus {
  if (from === 'arrived') return 'arrived';
  if (!arrivingFrom.has(from))
    throw new CorridorError(
      'illegal_transition',
      `a person whose status is ${from} cannot be checked in; correct the registry first if this is wrong`,
      { from, to: 'arrived' },
    );
  return 'arrived';
}

/** What the unaccompanied-child rule needs to know about a child and the adults responsible for them. */
export interface ChildArrival {
  isChild: boolean;
  /** The child's guardians, when any are registered. */
  guardians: ReadonlyArray<{ personId: string; checkedIn: boolean }>;
  /** The adults of the child's household, used when no guardian is registered. */
  householdAdults: ReadonlyArray<{ personId: string; checkedIn: boolean }>;
}

/**
 * A child arrives unaccompanied when none of the adults responsible for them has been checked in:
 * the guardians if the registry names any, otherwise the adults of the household. A child with
 * neither is alone by definition.
 */
export function arrivesUnaccompanied(arrival: ChildArrival): boolean {
  if (!arrival.isChild) return false;
  const responsible = arrival.guardians.length > 0 ? arrival.guardians : arrival.householdAdults;
  return !responsible.some((adult) => adult.checkedIn);
}
