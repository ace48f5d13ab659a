// The road out: what field teams report at each waypoint of a convoy's route, and who may be held
// at a screening point. Pure: the service reads the convoy, its route and its manifest and passes
// them in.
import type { Convoy, Waypoint } from './convoy.ts';
import { CorridorError } from './errors.ts';

export const eventKinds = ['arrived', 'held', 'released', 'departed'] as const;
export type EventKind = (typeof eventKinds)[number];

const invalid = (field: string, message: string, details: Record<string, unknown> = {}) =>
  new CorridorError('validation_failed', `${field}: ${message}`, { field, ...details });

/** How the route reads in a message: "Depot → E1 → Bezimenne → Zaporizhzhia". */
export const routeWords = (waypoints: readonly Pick<Waypoint, 'name' | 'seq'>[]): string =>
  [...waypoints]
    .sort((a, b) => a.seq - b.seq)
    .map((w) => w.name)
    .join(' → ');

/** The waypoint an event names, which must be one of this convoy's own. */
export function waypointOnRoute<W extends Pick<Waypoint, 'id' | 'name' | 'seq'>>(
  convoyCode: string,
  waypoints: readonly W[],
  waypointId: string,
): W {
  const waypoint = waypoints.find((w) => w.id === waypointId);
  if (!waypoint)
    throw new CorridorError(
      'unknown_reference',
      `waypointId: ${waypointId} is not a waypoint on the route of convoy ${convoyCode} (${routeWords(waypoints)})`,
      {
        field: 'waypointId',
        id: waypointId,
        route: waypoints.map((w) => ({ id: w.id, name: w.name, seq: w.seq })),
      },
    );
  return waypoint;
}

export interface EventFacts {
  kind: EventKind;
  heldPersonIds: readonly string[];
  releasedPersonIds: readonly string[];
  hasIncident: boolean;
  hasClaim: boolean;
}

/** Rules about the request itself, before anything is read. */
export function assertEventShape(e: EventFacts): void {
  if (e.heldPersonIds.length > 0 && e.kind !== 'held')
    throw invalid('heldPersonIds', `people are taken off at a 'held' event, not at '${e.kind}'`);
  if (e.releasedPersonIds.length > 0 && e.kind !== 'released')
    throw invalid('releasedPersonIds', `people are released at a 'released' event, not at '${e.kind}'`);
  for (const [field, ids] of [
    ['heldPersonIds', e.heldPersonIds],
    ['releasedPersonIds', e.releasedPersonIds],
  ] as const)
    if (new Set(ids).size !== ids.length) throw invalid(field, 'a person is listed twice');
  if (e.hasClaim && e.heldPersonIds.length === 0 && !e.hasIncident)
    throw invalid('claim', 'a claim is recorded about people held at a screening point or about an incident');
  if (e.hasIncident && e.heldPersonIds.length > 0)
    throw invalid(
      'incident',
      'people held at a screening point make their own incident; report the other one apart',
    );
}

/**
 * Rules that need the convoy and the waypoint. A convoy that has not departed can only be reported
 * on its way to the pickup point and there (`pickupSeq`: the pickup point's place in the route):
 * everything beyond comes after departure, when the manifest is locked.
 */
export function assertEventFits(
  convoy: Pick<Convoy, 'code' | 'status'>,
  waypoint: Pick<Waypoint, 'name' | 'kind' | 'seq'>,
  pickupSeq: number,
  e: EventFacts,
): void {
  if (convoy.status === 'cancelled')
    throw new CorridorError(
      'conflict',
      `convoy ${convoy.code} was cancelled: nothing more happens on its road`,
      {
        status: convoy.status,
      },
    );
  if (convoy.status === 'planned' && waypoint.seq > pickupSeq)
    throw new CorridorError(
      'conflict',
      `convoy ${convoy.code} has not departed: it cannot be at ${waypoint.name} yet; record its departure first`,
      { status: convoy.status, waypointKind: waypoint.kind },
    );
  if (e.heldPersonIds.length > 0 && waypoint.kind !== 'screening_point')
    throw invalid(
      'heldPersonIds',
      `${waypoint.name} is a ${waypoint.kind.replace('_', ' ')}: people are held only at a screening point`,
    );
}

/** What a field team may say about one person taken off a vehicle, checked against the manifest. */
export interface HoldCandidate {
  personId: string;
  /** Their manifest entry on this convoy, if any. */
  entry: { status: string; vehicleId: string; vehicleLabel: string } | null;
  personStatus: string;
}

export function assertCanHold(convoyCode: string, vehicleId: string | null, c: HoldCandidate): void {
  if (c.entry?.status !== 'boarded')
    throw new CorridorError(
      'conflict',
      `heldPersonIds: person ${c.personId} did not board convoy ${convoyCode}${
        c.entry ? ` (their manifest entry is ${c.entry.status.replace('_', '-')})` : ''
      }`,
      { field: 'heldPersonIds', personId: c.personId },
    );
  if (vehicleId !== null && c.entry.vehicleId !== vehicleId)
    throw new CorridorError(
      'conflict',
      `heldPersonIds: person ${c.personId} is on ${c.entry.vehicleLabel}, not on the vehicle this event is about`,
      { field: 'heldPersonIds', personId: c.personId, vehicleId: c.entry.vehicleId },
    );
  if (c.personStatus !== 'boarded')
    throw new CorridorError(
      'conflict',
      `heldPersonIds: person ${c.personId} is ${c.personStatus.replaceAll('_', ' ')}, not on board`,
      { field: 'heldPersonIds', personId: c.personId, status: c.personStatus },
    );
}
