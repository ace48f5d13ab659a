// A convoy's road log: what was reported at each waypoint, who is or was held at a screening
// point, and where each person aboard was last seen. Names only for roles that see persons.
import type { Queryable } from '../store/database.ts';
import { lastSeen } from '../store/repos/last-seen.ts';
import { manifestLines } from '../store/repos/manifest.ts';
import { listEvents, listHolds } from '../store/repos/road-events.ts';
import { requireConvoy } from './convoy-view.ts';

export async function roadLog(db: Queryable, convoyId: string, withNames: boolean) {
  const convoy = await requireConvoy(db, convoyId);
  const [events, holds, lines] = await Promise.all([
    listEvents(db, convoy.id),
    listHolds(db, convoy.id),
    manifestLines(db, convoy.id),
  ]);
  const names = new Map(lines.map((l) => [l.personId, l.person.names]));
  const aboard = lines.filter((l) => l.status === 'boarded').map((l) => l.personId);
  const seen = await lastSeen(db, aboard);
  return {
    events,
    holds: holds.map(({ convoyId: _, ...h }) => ({
      ...h,
      ...(withNames ? { names: names.get(h.personId) ?? [] } : {}),
    })),
    // A person who boarded this convoy but was later carried by another is reported there.
    lastSeen: [...seen.values()]
      .filter((s) => s.convoyId === convoy.id)
      .map((s) => ({
        personId: s.personId,
        vehicleId: s.vehicleId,
        waypointId: s.waypointId,
        waypointName: s.waypointName,
        waypointKind: s.waypointKind,
        how: s.how,
        at: s.at,
        heldNow: s.heldNow,
      })),
  };
}
