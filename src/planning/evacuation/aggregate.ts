// The aggregated relaxation behind the plan's upper bound. Vehicles with the same depot, places and
// availability form a class; groups at the same pickup with the same places and weight form a type.
// For each class c and span of consecutive windows w1…w2 it keeps only what every feasible schedule
// must respect:
//  - every trip's time in the danger zone (approach + loading + road to screening) lies inside one
//    window, and between two trips of one vehicle lies at least the shortest turn-around after the
//    first (screening, reception, drive back to a zone entry); summing over a vehicle's k trips in
//    the span gives
//      Σ_i (base(p_i) + g(p_i) + load_i) ≤ L(c,span) + G            (the time row)
//    where base = approach + road to screening, g = shortest turn-around after p capped at G (the
//    largest finite one), and L the time from when a vehicle of c can first be in the zone in w1 to
//    the end of w2;
//  - k ≤ K(c,span), the trips that fit when every trip and turn-around is as short as any can be,
//    placed as early as possible (the count row);
//  - each trip carries at most the vehicle's places, and people leave a pickup only on trips to it.
// Spans longer than one window tie the windows together: a vehicle still on the road after one
// window cannot serve the next one straight away.
// Every plan satisfies these rows (summed over the vehicles of a class), so the best value of the
// relaxation, or any value of its Lagrangian dual function, bounds the best plan from above.
import type { Problem } from './problem.ts';
import { travelMinutes } from './schedule.ts';

export const dims = 3; // seats, stretcher places, wheelchair places

export interface Aggregate {
  pickups: number;
  /** Group types: pickup, places per dimension, weight and how many groups. */
  typePickup: Int32Array;
  typeNeed: Float64Array; // typeCount × dims
  typeWeight: Float64Array;
  typeCount: Float64Array;
  /** Vehicle classes: each vehicle's class, how many vehicles and their places per dimension. */
  vehicleClass: Int32Array;
  classSize: Float64Array;
  classCap: Float64Array; // classCount × dims
  /** Per (class, window) cell: cw = c × windows + w. */
  windows: number;
  /** The most trips one vehicle of the class makes in the window. */
  cellTrips: Float64Array;
  /** Spans of consecutive windows per class: rows of the relaxation. */
  spanClass: Int32Array;
  spanFirst: Int32Array;
  spanLast: Int32Array;
  spanLength: Float64Array; // L + G
  spanTrips: Float64Array; // K
  /** The span made of the cell's window alone. */
  cellSpan: Int32Array;
  /** Feasible pickups of each cell, and the minutes base + g each trip there costs. */
  cellPickups: Int32Array[];
  cellTripMinutes: Float64Array[];
  /** Loading minutes per place of each dimension. */
  loadPerPlace: Float64Array;
}

const need = (pr: Problem, g: number): [number, number, number] => [
  pr.groups.seats[g]!,
  pr.groups.stretchers[g]!,
  pr.groups.wheelchairs[g]!,
];

export function aggregate(pr: Problem, plannable: (g: number) => boolean = () => true): Aggregate {
  const P = pr.pickups.count;
  const W = pr.windows.count;
  const typeKey = new Map<string, number>();
  const typePickup: number[] = [];
  const typeNeed: number[] = [];
  const typeWeight: number[] = [];
  const typeCount: number[] = [];
  for (let g = 0; g < pr.groups.count; g++) {
    const p = pr.groups.pickup[g]!;
    if (p < 0 || !plannable(g)) continue;
    const a = need(pr, g);
    const key = `${p}|${a.join(',')}|${pr.groups.weight[g]}`;
    const t = typeKey.get(key);
    if (t !== undefined) typeCount[t]!++;
    else {
      typeKey.set(key, typePickup.length);
      typePickup.push(p);
      typeNeed.push(...a);
      typeWeight.push(pr.groups.weight[g]!);
      typeCount.push(1);
    }
  }

  // The fewest loading minutes a trip to p can have, per class: the lightest group there that fits.
  const classKey = new Map<string, number>();
  const classOf = new Int32Array(pr.vehicles.count);
  const classSize: number[] = [];
  const classCap: number[] = [];
  const classDepot: number[] = [];
  const classAvailable: number[] = [];
  for (let v = 0; v < pr.vehicles.count; v++) {
    const cap = [pr.vehicles.seats[v]!, pr.vehicles.stretchers[v]!, pr.vehicles.wheelchairs[v]!];
    const key = `${pr.vehicles.depot[v]}|${cap.join(',')}|${pr.vehicles.available[v]}`;
    let c = classKey.get(key);
    if (c === undefined) {
      c = classSize.length;
      classKey.set(key, c);
      classSize.push(0);
      classCap.push(...cap);
      classDepot.push(pr.vehicles.depot[v]!);
      classAvailable.push(pr.vehicles.available[v]!);
    }
    classOf[v] = c;
    classSize[c]!++;
  }
  const C = classSize.length;

  // Shortest turn-around after a trip to p: screening, reception, and the drive to the next pickup's
  // zone entry. Infinite when no road leads from p's reception point to any pickup.
  const turn = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    const r = pr.pickups.reception[p]!;
    let best = Number.POSITIVE_INFINITY;
    for (let q = 0; q < P; q++) {
      const m = travelMinutes(pr, r, q);
      if (!Number.isNaN(m)) best = Math.min(best, m - pr.pickups.approach[q]!);
    }
    turn[p] = pr.pickups.afterZone[p]! + best;
  }
  const reachable = new Uint8Array(P);
  for (let p = 0; p < P; p++)
    for (let r = -pr.depotCount; r < pr.receptionCount && !reachable[p]; r++)
      if (!Number.isNaN(travelMinutes(pr, r, p))) reachable[p] = 1;

  const minLoad = new Float64Array(C * P).fill(Number.POSITIVE_INFINITY);
  for (let t = 0; t < typePickup.length; t++) {
    const p = typePickup[t]!;
    const load =
      pr.loading.perPerson * (typeNeed[3 * t]! + typeNeed[3 * t + 1]! + typeNeed[3 * t + 2]!) +
      pr.loading.perStretcher * typeNeed[3 * t + 1]! +
      pr.loading.perWheelchair * typeNeed[3 * t + 2]!;
    for (let c = 0; c < C; c++) {
      if (
        typeNeed[3 * t]! > classCap[3 * c]! ||
        typeNeed[3 * t + 1]! > classCap[3 * c + 1]! ||
        typeNeed[3 * t + 2]! > classCap[3 * c + 2]!
      )
        continue;
      minLoad[c * P + p] = Math.min(minLoad[c * P + p]!, load);
    }
  }

  let longestTurn = 0;
  for (let p = 0; p < P; p++) if (Number.isFinite(turn[p]!)) longestTurn = Math.max(longestTurn, turn[p]!);
  const tripMinutesOf = (p: number) =>
    pr.pickups.approach[p]! + pr.pickups.exit[p]! + Math.min(turn[p]!, longestTurn);

  const cellTrips = new Float64Array(C * W);
  const cellSpan = new Int32Array(C * W).fill(-1);
  const cellPickups: Int32Array[] = [];
  const cellTripMinutes: Float64Array[] = [];
  const spanClass: number[] = [];
  const spanFirst: number[] = [];
  const spanLast: number[] = [];
  const spanLength: number[] = [];
  const spanTrips: number[] = [];
  for (let c = 0; c < C; c++) {
    let firstEntry = Number.POSITIVE_INFINITY;
    for (let p = 0; p < P; p++) {
      const m = pr.depotToPickup[classDepot[c]! * P + p]!;
      if (!Number.isNaN(m))
        firstEntry = Math.min(firstEntry, classAvailable[c]! + m - pr.pickups.approach[p]!);
    }
    const opens = (w: number) => Math.max(pr.windows.start[w]!, firstEntry);
    let shortestTrip = Number.POSITIVE_INFINITY;
    let shortestTurn = Number.POSITIVE_INFINITY;
    for (let w = 0; w < W; w++) {
      const length = pr.windows.end[w]! - opens(w);
      const list: number[] = [];
      for (let p = 0; p < P; p++) {
        const trip = pr.pickups.approach[p]! + pr.pickups.exit[p]! + minLoad[c * P + p]!;
        if (!reachable[p] || !(trip <= length + 1e-9)) continue;
        list.push(p);
        shortestTrip = Math.min(shortestTrip, trip);
        shortestTurn = Math.min(shortestTurn, turn[p]!);
      }
      cellPickups.push(Int32Array.from(list));
      cellTripMinutes.push(Float64Array.from(list, tripMinutesOf));
    }
    // The most trips in windows w1…w2: as many trips as early as possible, each as short as any trip
    // and turn-around of this class can be. Any real sequence ends each trip no earlier.
    const mostTrips = (w1: number, w2: number) => {
      if (!Number.isFinite(shortestTrip)) return 0;
      let t = Number.NEGATIVE_INFINITY;
      let count = 0;
      for (let w = w1; w <= w2; w++) {
        if (cellPickups[c * W + w]!.length === 0) continue;
        t = Math.max(t, opens(w));
        while (t + shortestTrip <= pr.windows.end[w]! + 1e-9) {
          count++;
          t += shortestTrip + (Number.isFinite(shortestTurn) ? shortestTurn : Number.POSITIVE_INFINITY);
        }
      }
      return count;
    };
    for (let w1 = 0; w1 < W; w1++)
      for (let w2 = w1; w2 < W; w2++) {
        const trips = mostTrips(w1, w2);
        if (w1 === w2) cellTrips[c * W + w1] = trips;
        if (trips === 0) continue;
        if (w1 === w2) cellSpan[c * W + w1] = spanClass.length;
        spanClass.push(c);
        spanFirst.push(w1);
        spanLast.push(w2);
        spanLength.push(pr.windows.end[w2]! - opens(w1) + longestTurn);
        spanTrips.push(trips);
      }
  }

  return {
    pickups: P,
    typePickup: Int32Array.from(typePickup),
    typeNeed: Float64Array.from(typeNeed),
    typeWeight: Float64Array.from(typeWeight),
    typeCount: Float64Array.from(typeCount),
    vehicleClass: classOf,
    classSize: Float64Array.from(classSize),
    classCap: Float64Array.from(classCap),
    windows: W,
    cellTrips,
    spanClass: Int32Array.from(spanClass),
    spanFirst: Int32Array.from(spanFirst),
    spanLast: Int32Array.from(spanLast),
    spanLength: Float64Array.from(spanLength),
    spanTrips: Float64Array.from(spanTrips),
    cellSpan,
    cellPickups,
    cellTripMinutes,
    loadPerPlace: Float64Array.from([
      pr.loading.perPerson,
      pr.loading.perPerson + pr.loading.perStretcher,
      pr.loading.perPerson + pr.loading.perWheelchair,
    ]),
  };
}
