// A convoy as the cell, field teams and reception desks read it: vehicles with markings and crews,
// the route with planned times, the manifest counted by status, the pause window's state. Counts
// only: who is on the manifest is the manifest's own view.
import type { Convoy } from '../domain/convoy.ts';
import { notFound } from '../domain/errors.ts';
import type { Queryable } from '../store/database.ts';
import * as repo from '../store/repos/convoys.ts';
import { pauseViews } from './pauses.ts';

export async function requireConvoy(db: Queryable, id: string, forUpdate = false): Promise<Convoy> {
  const convoy = await repo.findConvoy(db, id, forUpdate);
  if (!convoy) throw notFound('convoy', id);
  return convoy;
}

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

/** Convoys with their vehicles, waypoints, manifest counts and window, read in a few queries. */
export async function convoyViews(db: Queryable, siteId: string, convoys: readonly Convoy[], at: Date) {
  const ids = convoys.map((c) => c.id);
  const [vehicles, waypoints, counts, windows] = await Promise.all([
    repo.listConvoyVehicles(db, ids),
    repo.listWaypoints(db, ids),
    repo.manifestCounts(db, ids),
    windowStates(db, siteId, at),
  ]);
  return convoys.map((c) => {
    const own = counts.filter((r) => r.convoyId === c.id);
    return {
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
    };
  });
}

export type ConvoyView = Awaited<ReturnType<typeof convoyViews>>[number];

export async function convoyView(db: Queryable, id: string, at: Date): Promise<ConvoyView> {
  const convoy = await requireConvoy(db, id);
  return (await convoyViews(db, convoy.siteId, [convoy], at))[0]!;
}
