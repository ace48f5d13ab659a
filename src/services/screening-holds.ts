// People taken off a vehicle at a screening point, and released again. A hold is a claim someone
// made (a field team saw it, a party announced it), so it is recorded as an incident of the convoy
// with the claim that asserts it and the source the claim rests on; the people's status follows.
import type { Convoy, Waypoint } from '../domain/convoy.ts';
import { CorridorError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import { assertTransition, type PersonStatus } from '../domain/lifecycle.ts';
import { assertCanHold } from '../domain/road.ts';
import type { Queryable } from '../store/database.ts';
import * as claims from '../store/repos/claims.ts';
import { findEntry } from '../store/repos/manifest.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import { insertSource } from '../store/repos/parties.ts';
import { findPerson, setPersonStatus } from '../store/repos/people.ts';
import * as repo from '../store/repos/road-events.ts';

export interface ClaimInput {
  words?: string | undefined;
  partyId?: string | undefined;
  speaker?: string | undefined;
  stance?: claims.Claim['stance'] | undefined;
  quoted?: boolean | undefined;
  language?: string | undefined;
}

export interface HoldReport {
  convoy: Convoy;
  waypoint: Pick<Waypoint, 'id' | 'name'>;
  vehicle: { id: string; label: string } | null;
  eventId: string;
  occurredAt: string;
  reporter: string;
  sourceId: string | null;
  claim: ClaimInput | undefined;
}

async function setStatus(
  tx: Queryable,
  actor: Actor,
  personId: string,
  from: PersonStatus,
  to: PersonStatus,
  reason: string,
): Promise<void> {
  assertTransition(from, to);
  await setPersonStatus(tx, personId, to);
  await recordOperation(tx, actor, {
    entity: 'person',
    entityId: personId,
    action: 'status',
    before: { status: from },
    after: { status: to, reason },
  });
}

/** Every person named must have boarded this convoy (this vehicle, when the event names one) and be on board. */
export async function checkHeld(
  tx: Queryable,
  convoy: Convoy,
  vehicleId: string | null,
  personIds: readonly string[],
): Promise<void> {
  for (const personId of personIds) {
    const [entry, person] = await Promise.all([
      findEntry(tx, convoy.id, personId),
      findPerson(tx, personId, true),
    ]);
    if (!person)
      throw new CorridorError(
        'unknown_reference',
        `heldPersonIds refers to ${personId}, which does not exist`,
        {
          field: 'heldPersonIds',
          id: personId,
        },
      );
    assertCanHold(convoy.code, vehicleId, { personId, entry: entry ?? null, personStatus: person.status });
  }
}

/** The source a hold rests on: the one named, or the field team's report itself. */
async function sourceOf(tx: Queryable, actor: Actor, r: HoldReport): Promise<string> {
  if (r.sourceId) return r.sourceId;
  const source = {
    id: newId(),
    kind: 'field_report' as const,
    // Not the reporter's name: a source's title is in clear; the reporter is on the event, sealed.
    title: `Field report: convoy ${r.convoy.code} at ${r.waypoint.name}`,
    partyId: null,
    channel: null,
    publishedAt: r.occurredAt,
    url: null,
    reference: r.eventId,
    contentHash: null,
    note: null,
  };
  await insertSource(tx, source);
  await recordOperation(tx, actor, {
    entity: 'source',
    entityId: source.id,
    action: 'create',
    before: null,
    after: source,
  });
  return source.id;
}

/**
 * The incident of the convoy and the claim that people were held there, with its source. They
 * carry counts and places only, never names. Written before the event, which refers to the incident.
 */
export async function recordHoldClaim(
  tx: Queryable,
  actor: Actor,
  r: HoldReport,
  held: number,
): Promise<{ incidentId: string; claimId: string }> {
  const summary = `${held} ${held === 1 ? 'person' : 'people'} taken off ${r.vehicle ? r.vehicle.label : 'the convoy'} of convoy ${r.convoy.code} at the screening point ${r.waypoint.name}`;
  const incident: claims.Incident = {
    id: newId(),
    siteId: r.convoy.siteId,
    occurredAt: r.occurredAt,
    type: 'people_held_at_screening',
    placeKind: 'screening_point',
    pointId: null,
    place: r.waypoint.name,
    pauseWindowId: r.convoy.pauseWindowId,
    convoyId: r.convoy.id,
    summary,
  };
  await claims.insertIncident(tx, incident);
  await recordOperation(tx, actor, {
    entity: 'incident',
    entityId: incident.id,
    action: 'create',
    before: null,
    after: incident,
  });
  const claim: claims.Claim = {
    id: newId(),
    siteId: r.convoy.siteId,
    subject: 'incident',
    incidentId: incident.id,
    pauseWindowId: null,
    partyId: r.claim?.partyId ?? null,
    speaker: r.claim?.speaker ?? r.reporter,
    sourceId: await sourceOf(tx, actor, r),
    stance: r.claim?.stance ?? 'asserts',
    words: r.claim?.words ?? summary,
    quoted: r.claim?.quoted ?? false,
    language: r.claim?.language ?? null,
    statedAt: r.occurredAt,
    figure: null,
    verification: 'unverified',
  };
  await claims.insertClaim(tx, claim);
  await recordOperation(tx, actor, {
    entity: 'claim',
    entityId: claim.id,
    action: 'create',
    before: null,
    after: claim,
  });
  return { incidentId: incident.id, claimId: claim.id };
}

/** The holds, after the event that makes them, and each person's status: boarded → held at screening. */
export async function holdPeople(
  tx: Queryable,
  actor: Actor,
  r: HoldReport,
  personIds: readonly string[],
  claimId: string,
): Promise<void> {
  await repo.insertHolds(
    tx,
    personIds.map((personId) => ({
      id: newId(),
      convoyId: r.convoy.id,
      personId,
      waypointId: r.waypoint.id,
      heldEventId: r.eventId,
      claimId,
    })),
  );
  for (const personId of personIds)
    await setStatus(
      tx,
      actor,
      personId,
      'boarded',
      'held_at_screening',
      `held at ${r.waypoint.name} (convoy ${r.convoy.code})`,
    );
}

/**
 * The holds of these people on this convoy whose release has not been reported, locked; refuses
 * anyone not held on it. A hold the person's check-in ended counts: the release reported later says
 * when and where they were really let go.
 */
export async function openHoldsFor(
  tx: Queryable,
  convoy: Convoy,
  personIds: readonly string[],
): Promise<repo.ScreeningHold[]> {
  if (personIds.length === 0) return [];
  const holds = await repo.listHolds(tx, convoy.id, { unreported: true, personIds, forUpdate: true });
  const missing = personIds.filter((id) => !holds.some((h) => h.personId === id));
  if (missing.length > 0)
    throw new CorridorError(
      'conflict',
      `releasedPersonIds: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not held at a screening point of convoy ${convoy.code}`,
      { field: 'releasedPersonIds', personIds: missing },
    );
  return holds;
}

/** Releases holds: the people are back on board (held at screening → boarded). */
export async function releasePeople(
  tx: Queryable,
  actor: Actor,
  holds: readonly repo.ScreeningHold[],
  event: { id: string; occurredAt: string; waypointName: string },
): Promise<void> {
  if (holds.length === 0) return;
  await repo.releaseHolds(
    tx,
    holds.map((h) => h.id),
    event,
  );
  for (const hold of holds) {
    const person = await findPerson(tx, hold.personId, true);
    // Someone checked in or reported otherwise meanwhile keeps that status: the release only closes the hold.
    if (person?.status !== 'held_at_screening') continue;
    await setStatus(
      tx,
      actor,
      hold.personId,
      'held_at_screening',
      'boarded',
      `released at ${event.waypointName}`,
    );
  }
}
