// Waypoint events: a field team (or the cell, on a party's word) reports that a vehicle or the
// whole convoy arrived at, was held at, was released from or departed a waypoint of its route. One
// transaction per report, with the convoy row locked, so it is ordered against departure and
// cancellation; everything it implies (people held or released, the incident and claim, the
// convoy's arrival when its last vehicle reaches the destination) is written with it or not at all.
import { type Convoy, destinationOf, type Waypoint } from '../domain/convoy.ts';
import { CorridorError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import { assertEventFits, assertEventShape, type EventKind, waypointOnRoute } from '../domain/road.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import * as claims from '../store/repos/claims.ts';
import { listConvoyVehicles, listWaypoints } from '../store/repos/convoys.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import * as repo from '../store/repos/road-events.ts';
import { recordArrival } from './convoy-status.ts';
import { requireConvoy } from './convoy-view.ts';
import { requireParty, requireSource } from './pauses.ts';
import {
  type ClaimInput,
  checkHeld,
  holdPeople,
  openHoldsFor,
  recordHoldClaim,
  releasePeople,
} from './screening-holds.ts';

export interface EventInput {
  waypointId: string;
  vehicleId?: string | null | undefined;
  kind: EventKind;
  occurredAt: string;
  reporter: string;
  sourceId?: string | undefined;
  note?: string | undefined;
  heldPersonIds?: string[] | undefined;
  releasedPersonIds?: string[] | undefined;
  claim?: ClaimInput | undefined;
  /** Something else that happened here (shelling, an obstruction): an incident of the convoy. */
  incident?: { type: (typeof claims.incidentTypes)[number]; summary: string } | undefined;
}

export interface RecordedEvent extends repo.RoadEvent {
  heldPersonIds: string[];
  releasedPersonIds: string[];
  claimId: string | null;
}

// Reports come from the road, sometimes late, never from the future; a few minutes of slack allow
// for a device clock that runs fast.
const futureSlackMs = 10 * 60 * 1000;

async function incidentOfConvoy(
  tx: Queryable,
  actor: Actor,
  convoy: { id: string; siteId: string; pauseWindowId: string | null },
  place: string,
  occurredAt: string,
  input: NonNullable<EventInput['incident']>,
): Promise<string> {
  const incident: claims.Incident = {
    id: newId(),
    siteId: convoy.siteId,
    occurredAt,
    type: input.type,
    placeKind: 'route_segment',
    pointId: null,
    place,
    pauseWindowId: convoy.pauseWindowId,
    convoyId: convoy.id,
    summary: input.summary,
  };
  await claims.insertIncident(tx, incident);
  await recordOperation(tx, actor, {
    entity: 'incident',
    entityId: incident.id,
    action: 'create',
    before: null,
    after: incident,
  });
  return incident.id;
}

/**
 * Whether this event completes the convoy's arrival: an arrival at its destination (the last
 * waypoint) of the convoy as a whole, or of its last vehicle still on the road. The event is
 * already written, so it counts among the arrivals read here.
 */
async function arrivesNow(
  tx: Queryable,
  convoy: Convoy,
  route: readonly Waypoint[],
  vehicles: ReadonlyArray<{ vehicleId: string }>,
  waypoint: Waypoint,
  kind: EventKind,
): Promise<boolean> {
  if (kind !== 'arrived' || convoy.status !== 'departed' || destinationOf(route)?.id !== waypoint.id)
    return false;
  const arrivals = await repo.arrivalsAt(tx, convoy.id, waypoint.id);
  return arrivals.whole || vehicles.every((v) => arrivals.vehicleIds.includes(v.vehicleId));
}

export function recordEvent(
  db: Database,
  actor: Actor,
  convoyId: string,
  input: EventInput,
  now: Date = new Date(),
): Promise<RecordedEvent> {
  const held = input.heldPersonIds ?? [];
  const released = input.releasedPersonIds ?? [];
  const reporter = input.reporter.trim();
  if (reporter.length === 0)
    throw new CorridorError('validation_failed', 'reporter: say who reports it', { field: 'reporter' });
  const occurredAt = new Date(input.occurredAt);
  if (occurredAt.getTime() > now.getTime() + futureSlackMs)
    throw new CorridorError(
      'validation_failed',
      'occurredAt: the event is in the future; give when it happened',
      {
        field: 'occurredAt',
      },
    );
  assertEventShape({
    kind: input.kind,
    heldPersonIds: held,
    releasedPersonIds: released,
    hasIncident: input.incident !== undefined,
    hasClaim: input.claim !== undefined,
  });
  return translating(() =>
    db.transaction(async (tx) => {
      const convoy = await requireConvoy(tx, convoyId, true);
      const route = await listWaypoints(tx, [convoy.id]);
      const waypoint = waypointOnRoute(convoy.code, route, input.waypointId);
      const pickupSeq = Math.max(...route.filter((w) => w.kind === 'pickup_point').map((w) => w.seq));
      const vehicleId = input.vehicleId ?? null;
      const vehicles = await listConvoyVehicles(tx, [convoy.id]);
      const vehicle = vehicleId ? vehicles.find((v) => v.vehicleId === vehicleId) : null;
      if (vehicleId && !vehicle)
        throw new CorridorError(
          'unknown_reference',
          `vehicleId: ${vehicleId} is not a vehicle of convoy ${convoy.code} (${vehicles.map((v) => v.label).join(', ')})`,
          { field: 'vehicleId', id: vehicleId },
        );
      assertEventFits(convoy, waypoint, pickupSeq, {
        kind: input.kind,
        heldPersonIds: held,
        releasedPersonIds: released,
        hasIncident: input.incident !== undefined,
        hasClaim: input.claim !== undefined,
      });
      if (input.sourceId) await requireSource(tx, input.sourceId, 'sourceId');
      if (input.claim?.partyId) await requireParty(tx, input.claim.partyId, 'claim.partyId');
      if (input.claim && !input.sourceId && input.claim.partyId)
        throw new CorridorError(
          'validation_failed',
          "sourceId: a party's claim is recorded with the source it was made in (statement, video …)",
          { field: 'sourceId' },
        );
      await checkHeld(tx, convoy, vehicleId, held);
      const holds = await openHoldsFor(tx, convoy, released);

      const event = {
        id: newId(),
        convoyId: convoy.id,
        waypointId: waypoint.id,
        vehicleId,
        kind: input.kind,
        occurredAt: occurredAt.toISOString(),
        reporter,
        sourceId: input.sourceId ?? null,
        incidentId: null as string | null,
        note: input.note?.trim() || null,
        recordedBy: actor.name,
        recordedById: actor.userId,
      };
      const report = {
        convoy,
        waypoint,
        vehicle: vehicle ? { id: vehicle.vehicleId, label: vehicle.label } : null,
        eventId: event.id,
        occurredAt: event.occurredAt,
        reporter,
        sourceId: event.sourceId,
        claim: input.claim,
      };
      // The event refers to its incident, so the incident (and the claim about it) is written
      // first; the holds refer to the event, so they come after it.
      let claimId: string | null = null;
      if (held.length > 0) {
        const hold = await recordHoldClaim(tx, actor, report, held.length);
        event.incidentId = hold.incidentId;
        claimId = hold.claimId;
      } else if (input.incident) {
        event.incidentId = await incidentOfConvoy(
          tx,
          actor,
          convoy,
          waypoint.name,
          event.occurredAt,
          input.incident,
        );
      }
      await repo.insertEvent(tx, event);
      if (claimId) await holdPeople(tx, actor, report, held, claimId);
      await releasePeople(tx, actor, holds, {
        id: event.id,
        occurredAt: event.occurredAt,
        waypointName: waypoint.name,
      });
      const arrived = await arrivesNow(tx, convoy, route, vehicles, waypoint, input.kind);
      if (arrived) await recordArrival(tx, actor, convoy, event.occurredAt);
      await recordOperation(tx, actor, {
        entity: 'convoy',
        entityId: convoy.id,
        action: 'event',
        before: null,
        after: {
          eventId: event.id,
          waypointId: waypoint.id,
          vehicleId,
          kind: event.kind,
          occurredAt: event.occurredAt,
          held: held.length,
          released: released.length,
          incidentId: event.incidentId,
        },
      });
      const stored = (await repo.findEvent(tx, event.id))!;
      return { ...stored, heldPersonIds: [...held], releasedPersonIds: [...released], claimId };
    }),
  );
}
