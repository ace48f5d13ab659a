// The exact model as one MILP, for small instances and as the benchmark's whole-instance baseline.
// Each vehicle has numbered trip slots used in order; u[v,k,w,p] says slot k is a trip in window w
// to pickup p, x[g,v,k] that group g rides it, e[v,k] when it enters the danger zone and l[v,k]
// how long it loads (Σ load·x, kept in one column so the other rows stay short). The timing
// rows are those of schedule.ts (wait outside until the window opens, leave the zone before it
// closes, turn around via screening and reception), written with big-M terms; the three objectives
// are solved in turn (lexicographically) by the worker. Solutions are decoded into a Schedule and
// checked again by evaluate(), so the MILP is never trusted blindly.
import { aggregate } from './aggregate.ts';
import type { SolveRequest } from './highs/messages.ts';
import { type LinearModel, ModelBuilder } from './highs/model.ts';
import type { Problem } from './problem.ts';
import { type Schedule, timeVehicle, travelMinutes } from './schedule.ts';

export interface ExactModel {
  model: LinearModel;
  stages: NonNullable<SolveRequest['stages']>;
  decode(values: ArrayLike<number>): Schedule;
  encode(schedule: Schedule): Float64Array;
  columns: number;
}

/** Rough count of the model's nonzeros, to refuse building one that cannot fit in memory. */
export function exactModelSize(pr: Problem, plannable: (g: number) => boolean): number {
  let groups = 0;
  for (let g = 0; g < pr.groups.count; g++) if (pr.groups.pickup[g]! >= 0 && plannable(g)) groups++;
  const slots = Math.min(groups, 3 * pr.windows.count);
  const P = pr.pickups.count;
  return pr.vehicles.count * slots * (groups * 11 + pr.windows.count * P * 8 + P * P * 6);
}

export function buildExactModel(pr: Problem, plannable: (g: number) => boolean = () => true): ExactModel {
  const V = pr.vehicles.count;
  const W = pr.windows.count;
  const P = pr.pickups.count;
  const groups: number[] = [];
  for (let g = 0; g < pr.groups.count; g++) if (pr.groups.pickup[g]! >= 0 && plannable(g)) groups.push(g);
  const agg = aggregate(pr, plannable);
  const classOf = agg.vehicleClass;

  let maxEnd = 0;
  for (let w = 0; w < W; w++) maxEnd = Math.max(maxEnd, pr.windows.end[w]!);
  for (let v = 0; v < V; v++) maxEnd = Math.max(maxEnd, pr.vehicles.available[v]!);
  let totalLoad = 0;
  for (const g of groups) totalLoad += pr.groups.load[g]!;
  let maxTurn = 0;
  let maxTail = 0;
  for (let p = 0; p < P; p++) {
    maxTail = Math.max(maxTail, pr.pickups.approach[p]! + pr.pickups.exit[p]! + pr.pickups.afterZone[p]!);
    for (let r = 0; r < pr.receptionCount; r++) {
      const m = travelMinutes(pr, r, p);
      if (!Number.isNaN(m)) maxTurn = Math.max(maxTurn, m);
    }
  }
  const bigM = maxEnd + totalLoad + maxTail + maxTurn + 1;

  const b = new ModelBuilder('maximize');
  // Slots per vehicle: no more than its class can make across all windows, nor than groups.
  const slotsOf = Array.from({ length: V }, (_, v) => {
    let k = 0;
    for (let w = 0; w < W; w++) k += agg.cellTrips[classOf[v]! * W + w]!;
    return Math.min(k, groups.length);
  });
  // u[v][k] → list of { w, p, col }
  const u: Array<Array<Array<{ w: number; p: number; col: number }>>> = [];
  const e: number[][] = [];
  const l: number[][] = [];
  const x: Array<Array<Map<number, number>>> = []; // x[v][k]: group → col
  for (let v = 0; v < V; v++) {
    u.push([]);
    e.push([]);
    l.push([]);
    x.push([]);
    const c = classOf[v]!;
    for (let k = 0; k < slotsOf[v]!; k++) {
      const list: Array<{ w: number; p: number; col: number }> = [];
      for (let w = 0; w < W; w++)
        for (const p of agg.cellPickups[c * W + w]!) {
          if (k === 0 && Number.isNaN(travelMinutes(pr, -1 - pr.vehicles.depot[v]!, p))) continue;
          list.push({ w, p, col: b.addColumn(0, 1, 0, true) });
        }
      u[v]!.push(list);
      e[v]!.push(b.addColumn(0, Math.max(maxEnd, pr.vehicles.available[v]!), 0, false));
      l[v]!.push(b.addColumn(0, totalLoad, 0, false));
      const xs = new Map<number, number>();
      for (const g of groups) {
        if (
          pr.groups.seats[g]! > pr.vehicles.seats[v]! ||
          pr.groups.stretchers[g]! > pr.vehicles.stretchers[v]! ||
          pr.groups.wheelchairs[g]! > pr.vehicles.wheelchairs[v]!
        )
          continue;
        if (!list.some((o) => o.p === pr.groups.pickup[g])) continue;
        const col = b.addColumn(0, 1, pr.groups.weight[g]!, true);
        xs.set(g, col);
      }
      x[v]!.push(xs);
    }
  }
  const arrival = new Map<number, number>();
  for (const g of groups) arrival.set(g, b.addColumn(0, bigM, 0, false));
  const used = Array.from({ length: V }, () => b.addColumn(0, 1, 0, false));

  // Each group rides at most once.
  for (const g of groups) {
    const cols: number[] = [];
    for (let v = 0; v < V; v++) for (const xs of x[v]!) if (xs.has(g)) cols.push(xs.get(g)!);
    if (cols.length > 1)
      b.addRow(
        Number.NEGATIVE_INFINITY,
        1,
        cols,
        cols.map(() => 1),
      );
  }
  for (let v = 0; v < V; v++) {
    const depot = -1 - pr.vehicles.depot[v]!;
    for (let k = 0; k < slotsOf[v]!; k++) {
      const list = u[v]![k]!;
      const xs = x[v]![k]!;
      const uc = list.map((o) => o.col);
      // One trip per slot, slots used in order, a used slot carries someone.
      b.addRow(
        Number.NEGATIVE_INFINITY,
        1,
        uc,
        uc.map(() => 1),
      );
      if (k > 0) {
        const prev = u[v]![k - 1]!.map((o) => o.col);
        b.addRow(Number.NEGATIVE_INFINITY, 0, [...uc, ...prev], [...uc.map(() => 1), ...prev.map(() => -1)]);
      }
      b.addRow(
        0,
        Number.POSITIVE_INFINITY,
        [...xs.values(), ...uc],
        [...[...xs.values()].map(() => 1), ...uc.map(() => -1)],
      );
      // A group rides only a trip to its pickup; places.
      for (const [g, col] of xs) {
        const same = list.filter((o) => o.p === pr.groups.pickup[g]).map((o) => o.col);
        b.addRow(Number.NEGATIVE_INFINITY, 0, [col, ...same], [1, ...same.map(() => -1)]);
      }
      const caps = [pr.vehicles.seats[v]!, pr.vehicles.stretchers[v]!, pr.vehicles.wheelchairs[v]!];
      const needs = [pr.groups.seats, pr.groups.stretchers, pr.groups.wheelchairs];
      for (let d = 0; d < 3; d++) {
        const cols: number[] = [];
        const vals: number[] = [];
        for (const [g, col] of xs)
          if (needs[d]![g]! > 0) {
            cols.push(col);
            vals.push(needs[d]![g]!);
          }
        if (cols.length > 0)
          b.addRow(Number.NEGATIVE_INFINITY, 0, [...cols, ...uc], [...vals, ...uc.map(() => -caps[d]!)]);
      }
      const ek = e[v]![k]!;
      const lk = l[v]![k]!;
      b.addRow(0, 0, [lk, ...xs.values()], [1, ...[...xs.keys()].map((g) => -pr.groups.load[g]!)]);
      // Enter no earlier than the window opens; leave the zone before it closes.
      b.addRow(0, Number.POSITIVE_INFINITY, [ek, ...uc], [1, ...list.map((o) => -pr.windows.start[o.w]!)]);
      b.addRow(
        Number.NEGATIVE_INFINITY,
        bigM,
        [ek, lk, ...uc],
        [
          1,
          1,
          ...list.map((o) => pr.pickups.approach[o.p]! + pr.pickups.exit[o.p]! - pr.windows.end[o.w]! + bigM),
        ],
      );
      if (k === 0) {
        b.addRow(
          pr.vehicles.available[v]!,
          Number.POSITIVE_INFINITY,
          [ek, ...uc],
          [1, ...list.map((o) => -(travelMinutes(pr, depot, o.p) - pr.pickups.approach[o.p]!))],
        );
        b.addRow(Number.NEGATIVE_INFINITY, 0, [used[v]!, ...uc], [-1, ...uc.map(() => 1)]);
      } else {
        // Turn-around between slot k−1 (to p) and slot k (to q).
        const prevList = u[v]![k - 1]!;
        const prevLoad = l[v]![k - 1]!;
        for (let p = 0; p < P; p++) {
          const up = prevList.filter((o) => o.p === p).map((o) => o.col);
          if (up.length === 0) continue;
          for (let q = 0; q < P; q++) {
            const uq = list.filter((o) => o.p === q).map((o) => o.col);
            if (uq.length === 0) continue;
            const drive = travelMinutes(pr, pr.pickups.reception[p]!, q);
            if (Number.isNaN(drive)) {
              b.addRow(Number.NEGATIVE_INFINITY, 1, [...up, ...uq], [...up.map(() => 1), ...uq.map(() => 1)]);
              continue;
            }
            const gap =
              pr.pickups.approach[p]! +
              pr.pickups.exit[p]! +
              pr.pickups.afterZone[p]! +
              drive -
              pr.pickups.approach[q]!;
            b.addRow(
              gap - 2 * bigM,
              Number.POSITIVE_INFINITY,
              [ek, e[v]![k - 1]!, prevLoad, ...up, ...uq],
              [1, -1, -1, ...up.map(() => -bigM), ...uq.map(() => -bigM)],
            );
          }
        }
      }
      // Arrival of each group on this slot (objective 2).
      for (const [g, col] of xs) {
        const p = pr.groups.pickup[g]!;
        const tail = pr.pickups.approach[p]! + pr.pickups.exit[p]! + pr.pickups.afterZone[p]!;
        b.addRow(tail - bigM, Number.POSITIVE_INFINITY, [arrival.get(g)!, ek, lk, col], [1, -1, -1, -bigM]);
      }
    }
  }

  const model = b.build();
  const n = model.colCost.length;
  const arrivalCost = new Float64Array(n);
  for (const [g, col] of arrival) arrivalCost[col] = pr.groups.weight[g]!;
  const vehicleCost = new Float64Array(n);
  for (const col of used) vehicleCost[col] = 1;
  // Objective 1 may give up nothing real (weights differ by far more than 1e-6); objective 2 a
  // relative 1e-9, below what compareValues() tells apart.
  const stages: ExactModel['stages'] = [
    { sense: 'minimize', colCost: arrivalCost, absoluteTolerance: 1e-6, relativeTolerance: 1e-9 },
    { sense: 'minimize', colCost: vehicleCost, absoluteTolerance: 1e-6, relativeTolerance: 1e-9 },
  ];

  const decode = (values: ArrayLike<number>): Schedule =>
    u.map((slots, v) => {
      const trips: Schedule[number] = [];
      slots.forEach((list, k) => {
        const chosen = list.find((o) => values[o.col]! > 0.5);
        if (!chosen) return;
        const members = [...x[v]![k]!].filter(([, col]) => values[col]! > 0.5).map(([g]) => g);
        trips.push({ window: chosen.w, pickup: chosen.p, groups: members });
      });
      return trips;
    });

  const encode = (schedule: Schedule): Float64Array => {
    const out = new Float64Array(n);
    schedule.forEach((trips, v) => {
      const times = timeVehicle(pr, v, trips);
      if (trips.length > 0) out[used[v]!] = 1;
      trips.forEach((t, k) => {
        const o = u[v]?.[k]?.find((c) => c.w === t.window && c.p === t.pickup);
        const tt = times[k];
        if (!o || !tt) return;
        out[o.col] = 1;
        out[e[v]![k]!] = tt.enter;
        out[l[v]![k]!] = tt.leave - tt.atPickup - pr.pickups.exit[t.pickup]!;
        for (const g of t.groups) {
          const col = x[v]![k]!.get(g);
          if (col !== undefined) out[col] = 1;
          const a = arrival.get(g);
          if (a !== undefined) out[a] = tt.arrival;
        }
      });
    });
    return out;
  };

  return { model, stages, decode, encode, columns: n };
}
