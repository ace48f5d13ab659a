import type { Queryable } from '../database.ts';

/** Where a boarded person was last known to be on the road out, and how that is known. */
export interface LastSeen {
  personId: string;
  convoyId: string;
  convoyCode: string;
  vehicleId: string;
  waypointId: string;
  waypointName: string;
  waypointKind: 'depot' | 'pickup_point' | 'screening_point' | 'checkpoint' | 'reception_point';
  /** The waypoint's place in the route (1 = first). */
  seq: number;
  /**
   * What put them there: an event of their vehicle (or of the whole convoy) while they were on it,
   * their being held or released at a screening point, or only their boarding when no event has
   * been reported since.
   */
  how: 'arrived' | 'departed' | 'held' | 'released' | 'boarded';
  /** When that happened, as reported (boarding: when it was recorded). */
  at: string;
  /** Still held at that screening point. */
  heldNow: boolean;
  /** The event that says so (null for boarding). */
  eventId: string | null;
}

interface LastSeenRow {
  person_id: string;
  convoy_id: string;
  convoy_code: string;
  vehicle_id: string;
  waypoint_id: string;
  waypoint_name: string;
  waypoint_kind: LastSeen['waypointKind'];
  seq: number;
  how: LastSeen['how'];
  at: Date;
  held_now: boolean;
  event_id: string | null;
}

/**
 * The last waypoint at which each of these people was seen, for those who boarded a vehicle.
 *
 * A person is seen wherever their vehicle (or the convoy as a whole) is reported while they are on
 * it. They are on it from boarding on, except between being taken off at a screening point and
 * being released: while held, the screening point that holds them is where they are, whatever the
 * vehicle does afterwards. Events on the way to the pickup point never count: the vehicle comes from
 * its depot (or the reception point of its last trip) empty. A release reported for the convoy as
 * a whole (no vehicle) moves only the people it releases. Times are compared as reported (occurred_at), never with the server's clock, so a
 * report entered late still takes its place in the order; at equal times the later waypoint wins.
 * Someone who boarded but of whose vehicle nothing has been reported since was last seen where the
 * convoy picks people up (how: 'boarded'). People who never boarded are absent from the answer.
 */
export async function lastSeen(db: Queryable, personIds: readonly string[]): Promise<Map<string, LastSeen>> {
  if (personIds.length === 0) return new Map();
  const { rows } = await db.query<LastSeenRow>(
    `WITH entry AS (
       -- A person boards one vehicle at a time; of several boardings the latest counts.
       SELECT DISTINCT ON (m.person_id) m.person_id, m.convoy_id, m.vehicle_id, m.boarded_at
       FROM manifest_entry m
       WHERE m.person_id = ANY ($1::uuid[]) AND m.status = 'boarded'
       ORDER BY m.person_id, m.boarded_at DESC
     ), hold AS (
       SELECT h.person_id, h.waypoint_id, h.held_event_id, h.released_event_id,
         -- A hold ended by the person's check-in has no release event: it ends at the check-in.
         he.occurred_at AS held_at, h.released_at, re.waypoint_id AS released_waypoint_id
       FROM screening_hold h
       JOIN entry e ON e.person_id = h.person_id AND e.convoy_id = h.convoy_id
       JOIN convoy_event he ON he.id = h.held_event_id
       LEFT JOIN convoy_event re ON re.id = h.released_event_id
     ), sighting AS (
       SELECT e.person_id, ev.waypoint_id, ev.kind AS how, ev.occurred_at AS at, ev.recorded_at,
         false AS held_now, ev.id AS event_id
       FROM entry e
       JOIN convoy_event ev ON ev.convoy_id = e.convoy_id AND (ev.vehicle_id = e.vehicle_id OR ev.vehicle_id IS NULL)
       JOIN convoy_waypoint w ON w.id = ev.waypoint_id
         AND w.seq >= (SELECT min(p.seq) FROM convoy_waypoint p WHERE p.convoy_id = e.convoy_id AND p.kind = 'pickup_point')
       -- A release reported without a vehicle is about the people let go, not about where the convoy is.
       WHERE NOT (ev.vehicle_id IS NULL AND EXISTS (SELECT 1 FROM screening_hold r WHERE r.released_event_id = ev.id))
         AND NOT EXISTS (
         SELECT 1 FROM hold h
         WHERE h.person_id = e.person_id AND ev.id <> h.held_event_id
           AND ev.occurred_at >= h.held_at AND (h.released_at IS NULL OR ev.occurred_at < h.released_at))
       UNION ALL
       SELECT h.person_id, h.waypoint_id, 'held', h.held_at, he.recorded_at, h.released_at IS NULL, h.held_event_id
       FROM hold h JOIN convoy_event he ON he.id = h.held_event_id
       UNION ALL
       SELECT h.person_id, h.released_waypoint_id, 'released', h.released_at, re.recorded_at, false, h.released_event_id
       FROM hold h JOIN convoy_event re ON re.id = h.released_event_id
     ), latest AS (
       SELECT DISTINCT ON (s.person_id) s.*, w.seq
       FROM sighting s JOIN convoy_waypoint w ON w.id = s.waypoint_id
       -- An open hold outranks everything: nothing the vehicle does moves a person it left behind.
       ORDER BY s.person_id, s.held_now DESC, s.at DESC, w.seq DESC, s.recorded_at DESC
     ), boarding AS (
       -- No sighting: the first pickup point of the route, when they boarded.
       SELECT DISTINCT ON (e.person_id) e.person_id, w.id AS waypoint_id, 'boarded' AS how, e.boarded_at AS at,
         false AS held_now, NULL::uuid AS event_id, w.seq
       FROM entry e JOIN convoy_waypoint w ON w.convoy_id = e.convoy_id AND w.kind = 'pickup_point'
       WHERE NOT EXISTS (SELECT 1 FROM latest l WHERE l.person_id = e.person_id)
       ORDER BY e.person_id, w.seq
     ), found AS (
       SELECT person_id, waypoint_id, how, at, held_now, event_id FROM latest
       UNION ALL
       SELECT person_id, waypoint_id, how, at, held_now, event_id FROM boarding
     )
     SELECT f.person_id, e.convoy_id, c.code AS convoy_code, e.vehicle_id, f.waypoint_id, w.name AS waypoint_name,
       w.kind AS waypoint_kind, w.seq, f.how, f.at, f.held_now, f.event_id
     FROM found f
     JOIN entry e ON e.person_id = f.person_id
     JOIN convoy c ON c.id = e.convoy_id
     JOIN convoy_waypoint w ON w.id = f.waypoint_id`,
    [personIds],
  );
  return new Map(
    rows.map((r) => [
      r.person_id,
      {
        personId: r.person_id,
        convoyId: r.convoy_id,
        convoyCode: r.convoy_code,
        vehicleId: r.vehicle_id,
        waypointId: r.waypoint_id,
        waypointName: r.waypoint_name,
        waypointKind: r.waypoint_kind,
        seq: r.seq,
        how: r.how,
        at: r.at.toISOString(),
        heldNow: r.held_now,
        eventId: r.event_id,
      },
    ]),
  );
}
