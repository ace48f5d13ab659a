// From the trips of an accepted plan to convoys. Trips that share their pause window, the place the
// vehicles set out from, their departure, pickup point, screening point and reception point become
// one convoy: the vehicles drive together, so the parties are told of one movement with several
// vehicles rather than of several movements on the same road at the same minute. Trips that differ
// in any of these are separate movements. Pure: plain trips in, convoy shapes out.

/** What grouping needs of a planned trip (structurally a PlannedTrip of the evacuation planner). */
export interface TripTimesAndPlaces {
  id: string;
  vehicleId: string;
  windowId: string;
  departure: string;
  atPickup: string;
  leaveZone: string;
  arrival: string;
  pickupPointId: string;
  screeningPointId: string;
  receptionPointId: string;
}

/** Where a vehicle sets out from: its depot on its first trip, the last reception point after that. */
export type Origin = { kind: 'depot'; id: string } | { kind: 'reception_point'; id: string };

export interface ConvoyShape<T extends TripTimesAndPlaces> {
  trips: T[];
  windowId: string;
  origin: Origin;
  pickupPointId: string;
  screeningPointId: string;
  receptionPointId: string;
  departure: string;
  /** A convoy moves at the pace of its slowest vehicle: each time is the latest of its trips'. */
  atPickup: string;
  atScreening: string;
  arrival: string;
}

const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);
const latest = (times: readonly string[]) => times.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a));

export function originsOf<T extends TripTimesAndPlaces>(
  trips: readonly T[],
  depotOf: (vehicleId: string) => string,
): Map<string, Origin> {
  const origins = new Map<string, Origin>();
  const byVehicle = new Map<string, T[]>();
  for (const t of trips) byVehicle.set(t.vehicleId, [...(byVehicle.get(t.vehicleId) ?? []), t]);
  for (const [vehicleId, list] of byVehicle) {
    const ordered = [...list].sort((a, b) => byTime(a.departure, b.departure));
    ordered.forEach((t, i) => {
      const before = ordered[i - 1];
      origins.set(
        t.id,
        before
          ? { kind: 'reception_point', id: before.receptionPointId }
          : { kind: 'depot', id: depotOf(vehicleId) },
      );
    });
  }
  return origins;
}

/** The convoys of a plan, in order of departure; each convoy's trips in the order given. */
export function groupTrips<T extends TripTimesAndPlaces>(
  trips: readonly T[],
  depotOf: (vehicleId: string) => string,
): ConvoyShape<T>[] {
  const origins = originsOf(trips, depotOf);
  const groups = new Map<string, T[]>();
  for (const t of trips) {
    const origin = origins.get(t.id)!;
    const key = [
      t.windowId,
      origin.kind,
      origin.id,
      Date.parse(t.departure),
      t.pickupPointId,
      t.screeningPointId,
      t.receptionPointId,
    ].join('|');
    groups.set(key, [...(groups.get(key) ?? []), t]);
  }
  return [...groups.values()]
    .map((list) => {
      const first = list[0]!;
      return {
        trips: list,
        windowId: first.windowId,
        origin: origins.get(first.id)!,
        pickupPointId: first.pickupPointId,
        screeningPointId: first.screeningPointId,
        receptionPointId: first.receptionPointId,
        departure: first.departure,
        atPickup: latest(list.map((t) => t.atPickup)),
        atScreening: latest(list.map((t) => t.leaveZone)),
        arrival: latest(list.map((t) => t.arrival)),
      };
    })
    .sort((a, b) => byTime(a.departure, b.departure) || byTime(a.arrival, b.arrival));
}

/**
 * Times for the places passed between two waypoints. The road records only the whole drive, not
 * the minutes between its checkpoints, so they are spread evenly over it: a planned time for the
 * parties to expect the convoy, not a measured one.
 */
export function spreadTimes(from: string, to: string, count: number): string[] {
  const start = Date.parse(from);
  const span = Date.parse(to) - start;
  return Array.from({ length: count }, (_, i) =>
    new Date(start + Math.round((span * (i + 1)) / (count + 1))).toISOString(),
  );
}
