// Convoys: the movements that carry out an accepted evacuation plan. The words of the schema
// (migration 005) and the rules about when a convoy may change state.
import { CorridorError } from './errors.ts';

export const convoyStatuses = ['planned', 'departed', 'arrived', 'cancelled'] as const;
export type ConvoyStatus = (typeof convoyStatuses)[number];

export const waypointKinds = [
  'depot',
  'pickup_point',
  'screening_point',
  'checkpoint',
  'reception_point',
] as const;
export type WaypointKind = (typeof waypointKinds)[number];

export const manifestStatuses = ['expected', 'boarded', 'no_show', 'replaced'] as const;
export type ManifestStatus = (typeof manifestStatuses)[number];

export interface Convoy {
  id: string;
  siteId: string;
  planId: string;
  pauseWindowId: string | null;
  /** What parties, drivers and desks call it ("C-3"). */
  code: string;
  status: ConvoyStatus;
  plannedDeparture: string;
  plannedArrival: string;
  manifestLockedAt: string | null;
  departedAt: string | null;
  arrivedAt: string | null;
  cancelledAt: string | null;
  cancelledReason: string | null;
  note: string | null;
  createdBy: string;
  createdById: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface ConvoyVehicle {
  convoyId: string;
  vehicleId: string;
  tripId: string | null;
  marking: string | null;
  crewSize: number;
  crewNote: string | null;
}

export interface ManifestEntry {
  convoyId: string;
  personId: string;
  vehicleId: string;
  status: ManifestStatus;
}

export interface Waypoint {
  id: string;
  convoyId: string;
  seq: number;
  kind: WaypointKind;
  /** The depot, site point or road point the waypoint names. */
  placeId: string;
  name: string;
  plannedAt: string;
}

/**
 * Where the convoy ends: its last waypoint. A vehicle's later trip starts at the reception point
 * where its previous trip ended, so the first waypoint may be a reception point too.
 */
export const destinationOf = <W extends Pick<Waypoint, 'seq'>>(waypoints: readonly W[]): W | undefined =>
  waypoints.reduce<W | undefined>((last, w) => (!last || w.seq > last.seq ? w : last), undefined);

/**
 * Staff aboard each vehicle, told to the parties beside the passengers: a driver, and a medic as
 * well in an ambulance. The fleet records no crews, so this is the planning assumption.
 */
export const defaultCrewSize = (kind: string): number => (kind === 'ambulance' ? 2 : 1);

const next: Record<ConvoyStatus, readonly ConvoyStatus[]> = {
  planned: ['departed', 'cancelled'],
  departed: ['arrived'],
  arrived: [],
  cancelled: [],
};

/** Refuses a change of state the convoy cannot make, saying what it is now. */
export function assertConvoyTransition(code: string, from: ConvoyStatus, to: ConvoyStatus): void {
  if (next[from].includes(to)) return;
  const verb = { planned: 'planned again', departed: 'depart', arrived: 'arrive', cancelled: 'be cancelled' }[
    to
  ];
  throw new CorridorError('conflict', `convoy ${code} is ${from}: it cannot ${verb}`, { status: from, to });
}
