import type { EventKind } from '../../domain/road.ts';
import { cipherOf } from '../crypto/sealed-store.ts';
import type { Queryable } from '../database.ts';

// What happened on a convoy's road: waypoint events as reported, and the people held at screening
// points with the events that held and released them.

export interface RoadEvent {
  id: string;
  convoyId: string;
  waypointId: string;
  vehicleId: string | null;
  kind: EventKind;
  occurredAt: string;
  reporter: string;
  sourceId: string | null;
  incidentId: string | null;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

interface EventRow {
  id: string;
  convoy_id: string;
  waypoint_id: string;
  vehicle_id: string | null;
  kind: EventKind;
  occurred_at: Date;
  reporter: string;
  source_id: string | null;
  incident_id: string | null;
  note: string | null;
  recorded_by: string;
  recorded_at: Date;
}

const toEvent = (r: EventRow): RoadEvent => ({
  id: r.id,
  convoyId: r.convoy_id,
  waypointId: r.waypoint_id,
  vehicleId: r.vehicle_id,
  kind: r.kind,
  occurredAt: r.occurred_at.toISOString(),
  reporter: r.reporter,
  sourceId: r.source_id,
  incidentId: r.incident_id,
  note: r.note,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at.toISOString(),
});

export async function insertEvent(
  tx: Queryable,
  e: Omit<RoadEvent, 'recordedAt'> & { recordedById: string | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO convoy_event (id, convoy_id, waypoint_id, vehicle_id, kind, occurred_at, reporter, source_id, incident_id,
       note, recorded_by, recorded_by_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
    [
      e.id,
      e.convoyId,
      e.waypointId,
      e.vehicleId,
      e.kind,
      e.occurredAt,
      // The reporter is a driver, an escort or a contact by name: sealed.
      cipherOf(tx).seal(e.reporter),
      e.sourceId,
      e.incidentId,
      // A road event's note may describe the people it concerns (held at a screening point): sealed.
      cipherOf(tx).sealOrNull(e.note),
      e.recordedBy,
      e.recordedById,
    ],
  );
}

/** A convoy's events in the order they happened (as reported), then along the route. */
export async function listEvents(db: Queryable, convoyId: string): Promise<RoadEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT e.* FROM convoy_event e JOIN convoy_waypoint w ON w.id = e.waypoint_id
     WHERE e.convoy_id = $1 ORDER BY e.occurred_at, w.seq, e.recorded_at, e.id`,
    [convoyId],
  );
  return rows.map(toEvent);
}

export async function findEvent(db: Queryable, id: string): Promise<RoadEvent | undefined> {
  const { rows } = await db.query<EventRow>('SELECT * FROM convoy_event WHERE id = $1', [id]);
  return rows[0] ? toEvent(rows[0]) : undefined;
}

export interface ScreeningHold {
  id: string;
  convoyId: string;
  personId: string;
  waypointId: string;
  heldEventId: string;
  claimId: string | null;
  releasedEventId: string | null;
  releasedAt: string | null;
  /** The check-in that ended the hold when no release was reported (releasedAt is then its time). */
  endedByCheckInId: string | null;
  /** When the event that held them happened, as reported. */
  heldAt: string;
}

interface HoldRow {
  id: string;
  convoy_id: string;
  person_id: string;
  waypoint_id: string;
  held_event_id: string;
  claim_id: string | null;
  released_event_id: string | null;
  released_at: Date | null;
  ended_by_check_in_id: string | null;
  held_at: Date;
}

const toHold = (r: HoldRow): ScreeningHold => ({
  id: r.id,
  convoyId: r.convoy_id,
  personId: r.person_id,
  waypointId: r.waypoint_id,
  heldEventId: r.held_event_id,
  claimId: r.claim_id,
  releasedEventId: r.released_event_id,
  releasedAt: r.released_at?.toISOString() ?? null,
  endedByCheckInId: r.ended_by_check_in_id,
  heldAt: r.held_at.toISOString(),
});

export async function insertHolds(
  tx: Queryable,
  holds: ReadonlyArray<
    Pick<ScreeningHold, 'id' | 'convoyId' | 'personId' | 'waypointId' | 'heldEventId' | 'claimId'>
  >,
): Promise<void> {
  if (holds.length === 0) return;
  await tx.query(
    `INSERT INTO screening_hold (id, convoy_id, person_id, waypoint_id, held_event_id, claim_id)
     SELECT id, convoy_id, person_id, waypoint_id, held_event_id, claim_id
     FROM jsonb_to_recordset($1::jsonb) AS h (id uuid, convoy_id uuid, person_id uuid, waypoint_id uuid,
       held_event_id uuid, claim_id uuid)`,
    [
      JSON.stringify(
        holds.map((h) => ({
          id: h.id,
          convoy_id: h.convoyId,
          person_id: h.personId,
          waypoint_id: h.waypointId,
          held_event_id: h.heldEventId,
          claim_id: h.claimId,
        })),
      ),
    ],
  );
}

const holdColumns = `h.id, h.convoy_id, h.person_id, h.waypoint_id, h.held_event_id, h.claim_id, h.released_event_id,
  h.released_at, h.ended_by_check_in_id, e.occurred_at AS held_at`;

/**
 * The holds of a convoy, oldest first; locked when `forUpdate`. `open`: only those still holding
 * someone. `unreported`: those whose release no one has reported — still open, or ended only by
 * the person's check-in (a release reported later takes the check-in's place).
 */
export async function listHolds(
  db: Queryable,
  convoyId: string,
  options: { open?: boolean; unreported?: boolean; personIds?: readonly string[]; forUpdate?: boolean } = {},
): Promise<ScreeningHold[]> {
  const { rows } = await db.query<HoldRow>(
    `SELECT ${holdColumns} FROM screening_hold h JOIN convoy_event e ON e.id = h.held_event_id
     WHERE h.convoy_id = $1 AND ($2::boolean IS NOT TRUE OR h.released_at IS NULL)
       AND ($4::boolean IS NOT TRUE OR h.released_event_id IS NULL)
       AND ($3::uuid[] IS NULL OR h.person_id = ANY ($3::uuid[]))
     ORDER BY e.occurred_at, h.id${options.forUpdate ? ' FOR UPDATE OF h' : ''}`,
    [convoyId, options.open ?? false, options.personIds ?? null, options.unreported ?? false],
  );
  return rows.map(toHold);
}

export async function releaseHolds(
  tx: Queryable,
  holdIds: readonly string[],
  event: { id: string; occurredAt: string },
): Promise<void> {
  await tx.query(
    `UPDATE screening_hold SET released_event_id = $2, released_at = $3, ended_by_check_in_id = NULL
     WHERE id = ANY ($1::uuid[])`,
    [holdIds, event.id, event.occurredAt],
  );
}

/** The person's open hold, if any (one at a time), locked. */
export async function openHoldOf(tx: Queryable, personId: string): Promise<ScreeningHold | undefined> {
  const { rows } = await tx.query<HoldRow>(
    `SELECT ${holdColumns} FROM screening_hold h JOIN convoy_event e ON e.id = h.held_event_id
     WHERE h.person_id = $1 AND h.released_at IS NULL FOR UPDATE OF h`,
    [personId],
  );
  return rows[0] ? toHold(rows[0]) : undefined;
}

/** Ends a hold with the check-in of the person held: they were let go by the time they arrived. */
export async function endHoldByCheckIn(
  tx: Queryable,
  holdId: string,
  checkIn: { id: string; checkedInAt: string },
): Promise<void> {
  await tx.query('UPDATE screening_hold SET released_at = $3, ended_by_check_in_id = $2 WHERE id = $1', [
    holdId,
    checkIn.id,
    checkIn.checkedInAt,
  ]);
}

/** Opens again the holds a voided check-in had ended; returns them as they were. */
export async function reopenHoldsEndedBy(tx: Queryable, checkInId: string): Promise<ScreeningHold[]> {
  const { rows } = await tx.query<HoldRow>(
    `SELECT ${holdColumns} FROM screening_hold h JOIN convoy_event e ON e.id = h.held_event_id
     WHERE h.ended_by_check_in_id = $1 FOR UPDATE OF h`,
    [checkInId],
  );
  await tx.query(
    'UPDATE screening_hold SET released_at = NULL, ended_by_check_in_id = NULL WHERE ended_by_check_in_id = $1',
    [checkInId],
  );
  return rows.map(toHold);
}

/** Which vehicles have been reported arrived at a waypoint; `whole` when the convoy as a whole was. */
export async function arrivalsAt(
  db: Queryable,
  convoyId: string,
  waypointId: string,
): Promise<{ whole: boolean; vehicleIds: string[] }> {
  const { rows } = await db.query<{ vehicle_id: string | null }>(
    `SELECT DISTINCT vehicle_id FROM convoy_event WHERE convoy_id = $1 AND waypoint_id = $2 AND kind = 'arrived'`,
    [convoyId, waypointId],
  );
  return {
    whole: rows.some((r) => r.vehicle_id === null),
    vehicleIds: rows.flatMap((r) => (r.vehicle_id ? [r.vehicle_id] : [])),
  };
}
