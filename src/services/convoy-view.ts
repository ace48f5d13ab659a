// A convoy as the cell, field teams and reception desks read it: vehicles with markings and crews,
// the route with planned times, the manifest counted by status, passengers by category, the pause
// window's state, where each party stands on its notification, and the flags before departure (or,
// once departed, the flags it had and the override it left on). Counts only: who is on the
// manifest is the manifest's own view.
import type { Convoy } from '../domain/convoy.ts';
import type { Queryable } from '../store/database.ts';
import * as repo from '../store/repos/convoys.ts';
import { flagsOf } from './convoy-flags.ts';
import { requireConvoy } from './convoy-lookup.ts';
import { movementContent, partyStatuses } from './notifications.ts';
import { pauseViews } from './pauses.ts';

export { requireConvoy };

const countsOf = (rows: ReadonlyArray<{ status: keyof repo.ManifestCounts; n: number }>) => {
  const counts = repo.emptyCounts();
  for (const r of rows) {
    counts[r.status] += r.n;
    counts.total += r.n;
  }
  return counts;
};

/** The state of each pause window convoys rely on, as at an instant. */
async function windowStates(db: Queryable, siteId: string, at: Date) {
  const views = await pauseViews(db, siteId, at);
  return new Map(
    views.map((p) => [p.id, { id: p.id, name: p.name, state: p.derived.state, because: p.derived.because }]),
  );
}

/** What the view adds per convoy beyond its rows: the notification side. */
async function notificationSide(db: Queryable, convoy: Convoy, at: Date) {
  const movement = await movementContent(db, convoy);
  const notifications = await partyStatuses(db, convoy, movement);
  const flags = convoy.status === 'planned' ? await flagsOf(db, convoy, at, notifications) : [];
  return { notifications, passengers: movement.passengers, crew: movement.crew, flags };
}

/** Convoys with everything a reader needs, judged as at an instant. */
export async function convoyViews(db: Queryable, siteId: string, convoys: readonly Convoy[], at: Date) {
  const ids = convoys.map((c) => c.id);
  const [vehicles, waypoints, counts, windows, departures] = await Promise.all([
    repo.listConvoyVehicles(db, ids),
    repo.listWaypoints(db, ids),
    repo.manifestCounts(db, ids),
    windowStates(db, siteId, at),
    repo.departureRecords(db, ids),
  ]);
  const views = [];
  for (const c of convoys) {
    const own = counts.filter((r) => r.convoyId === c.id);
    views.push({
      ...c,
      pauseWindow: c.pauseWindowId ? (windows.get(c.pauseWindowId) ?? null) : null,
      vehicles: vehicles
        .filter((v) => v.convoyId === c.id)
        .map(({ convoyId: _, ...v }) => ({
          ...v,
          manifest: countsOf(own.filter((r) => r.vehicleId === v.vehicleId)),
        })),
      waypoints: waypoints.filter((w) => w.convoyId === c.id).map(({ convoyId: _, ...w }) => w),
      manifest: countsOf(own),
      ...(await notificationSide(db, c, at)),
      departure: departures.get(c.id) ?? null,
    });
  }
  return views;
}

export type ConvoyView = Awaited<ReturnType<typeof convoyViews>>[number];

export async function convoyView(db: Queryable, id: string, at: Date): Promise<ConvoyView> {
  const convoy = await requireConvoy(db, id);
  return (await convoyViews(db, convoy.siteId, [convoy], at))[0]!;
}
