// Boarding: what may happen to a manifest entry at the pickup point, before the manifest is locked
// at departure. Pure: the services read the entry and the convoy and pass them in.
import type { Convoy, ManifestStatus } from './convoy.ts';
import { CorridorError } from './errors.ts';

export const boardingMethods = ['id', 'qr', 'search'] as const;
export type BoardingMethod = (typeof boardingMethods)[number];

/** A manifest entry as the boarding rules see it. */
export interface EntryState {
  personId: string;
  vehicleLabel: string;
  status: ManifestStatus;
  reason: string | null;
  substituteFor: string | null;
  boardedAt: string | null;
  boardedBy: string | null;
}

const clock = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * Who is on a vehicle is settled at departure: after it nobody is added, taken off or marked, only
 * what happens on the road is recorded. A cancelled convoy takes nobody.
 */
export function assertManifestOpen(convoy: Pick<Convoy, 'code' | 'status' | 'manifestLockedAt'>): void {
  if (convoy.status === 'cancelled')
    throw new CorridorError('conflict', `convoy ${convoy.code} was cancelled: nobody boards it`, {
      status: convoy.status,
    });
  if (convoy.manifestLockedAt !== null || convoy.status !== 'planned')
    throw new CorridorError(
      'conflict',
      `the manifest of convoy ${convoy.code} was locked at departure${
        convoy.manifestLockedAt ? ` (${clock(convoy.manifestLockedAt)})` : ''
      }: boarding changes are refused`,
      { status: convoy.status, manifestLockedAt: convoy.manifestLockedAt },
    );
}

const alreadyBoarded = (code: string, e: EntryState) =>
  new CorridorError(
    'conflict',
    `person ${e.personId} already boarded ${e.vehicleLabel} of convoy ${code}${
      e.boardedAt ? ` at ${clock(e.boardedAt)}` : ''
    }${e.boardedBy ? ` (recorded by ${e.boardedBy})` : ''}`,
    { personId: e.personId, status: e.status, boardedAt: e.boardedAt },
  );

const replacedBy = (code: string, e: EntryState, substituteId: string | null) =>
  new CorridorError(
    'conflict',
    `person ${e.personId} no longer has a place on convoy ${code}: it was given to ${
      substituteId ?? 'someone else'
    } (${e.reason ?? 'no reason recorded'})`,
    { personId: e.personId, status: e.status, substituteId },
  );

/**
 * Boarding takes someone expected, or someone marked as a no-show who turned up after all while
 * their place is still free. `substituteId` names who took a replaced person's place.
 */
export function assertCanBoard(code: string, e: EntryState, substituteId: string | null = null): void {
  if (e.status === 'boarded') throw alreadyBoarded(code, e);
  if (e.status === 'replaced') throw replacedBy(code, e, substituteId);
}

/** A no-show is someone expected who did not come; the reason says what is known. */
export function assertCanMarkNoShow(code: string, e: EntryState, substituteId: string | null = null): void {
  if (e.status === 'boarded') throw alreadyBoarded(code, e);
  if (e.status === 'replaced') throw replacedBy(code, e, substituteId);
  if (e.status === 'no_show')
    throw new CorridorError(
      'conflict',
      `person ${e.personId} is already recorded as a no-show on convoy ${code} (${e.reason ?? 'no reason'})`,
      { personId: e.personId, status: e.status },
    );
}

/** A place can be given to someone else only while its holder has not boarded and still holds it. */
export function assertCanBeReplaced(code: string, e: EntryState, substituteId: string | null = null): void {
  if (e.status === 'boarded') throw alreadyBoarded(code, e);
  if (e.status === 'replaced') throw replacedBy(code, e, substituteId);
}

export type PlaceKind = 'seat' | 'stretcher' | 'wheelchair';

export interface VehicleCapacity {
  label: string;
  seats: number;
  stretcherPlaces: number;
  wheelchairPlaces: number;
}

const capacityOf = (v: VehicleCapacity, kind: PlaceKind) =>
  kind === 'seat' ? v.seats : kind === 'stretcher' ? v.stretcherPlaces : v.wheelchairPlaces;

const placeWords: Record<PlaceKind, string> = {
  seat: 'seats',
  stretcher: 'stretcher places',
  wheelchair: 'wheelchair places',
};

/**
 * A substitute takes a place of the kind they need (a stretcher case needs a stretcher place,
 * whatever the person they replace needed). `taken` counts the places held on the vehicle by
 * people expected or boarded, without the person being replaced.
 */
export function assertPlaceFree(
  vehicle: VehicleCapacity,
  taken: Record<PlaceKind, number>,
  needs: PlaceKind,
): void {
  const capacity = capacityOf(vehicle, needs);
  if (taken[needs] + 1 > capacity)
    throw new CorridorError(
      'conflict',
      `${vehicle.label} has ${capacity} ${placeWords[needs]} and ${taken[needs]} of them are taken: the substitute needs one more`,
      { field: 'personId', needs, capacity, taken: taken[needs] },
    );
}
