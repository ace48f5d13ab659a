// The exact BEP as a MILP (after Bish 2011): x[b,k,i,j] = bus b's k-th trip goes from collection
// point i to shelter j; y[b,k,j,i] = before its k-th trip (k ≥ 2) it drives from shelter j to
// point i. Flow rows chain the trips; every route time is at most T; T is minimised. A bus makes at
// most as many trips as fit within the heuristic's makespan, which keeps the model small.
import { type LinearModel, ModelBuilder } from '../highs/model.ts';
import type { BepInstance } from './instance.ts';
import type { BepRoutes } from './solution.ts';

export interface BepMilp {
  model: LinearModel;
  decode(values: ArrayLike<number>): BepRoutes;
  encode(routes: BepRoutes, makespan: number): Float64Array;
}

export function buildBepMilp(inst: BepInstance, upperBound: number): BepMilp {
  const B = inst.busDepot.length;
  const I = inst.trips.length;
  const S = inst.shelterTrips.length;
  const N = inst.trips.reduce((a, b) => a + b, 0);
  const active = inst.trips.map((n, i) => (n > 0 ? i : -1)).filter((i) => i >= 0);
  let shortest = Number.POSITIVE_INFINITY;
  for (const i of active) shortest = Math.min(shortest, ...inst.time[i]!);
  const b_ = new ModelBuilder('minimize');
  const T = b_.addColumn(0, Number.POSITIVE_INFINITY, 1, false);
  const x: number[][][][] = [];
  const y: number[][][][] = [];
  for (let b = 0; b < B; b++) {
    const reach = Math.min(...active.map((i) => inst.depotTime[inst.busDepot[b]!]![i]!));
    // k trips take at least reach + k·shortest + (k−1)·shortest.
    let K = 0;
    while (K < N && reach + (K + 1) * shortest + K * shortest <= upperBound + 1e-9) K++;
    x.push([]);
    y.push([]);
    for (let k = 0; k < K; k++) {
      x[b]!.push(
        Array.from({ length: I }, (_, i) =>
          Array.from({ length: S }, () => (inst.trips[i]! > 0 ? b_.addColumn(0, 1, 0, true) : -1)),
        ),
      );
      y[b]!.push(
        k === 0
          ? []
          : Array.from({ length: S }, () =>
              Array.from({ length: I }, (_, i) => (inst.trips[i]! > 0 ? b_.addColumn(0, 1, 0, true) : -1)),
            ),
      );
    }
  }
  const cols = (list: number[]) => list.filter((c) => c >= 0);
  for (let b = 0; b < B; b++) {
    const K = x[b]!.length;
    const timeCols: number[] = [T];
    const timeVals: number[] = [-1];
    for (let k = 0; k < K; k++) {
      const xs = x[b]![k]!;
      if (k === 0)
        b_.addRow(
          Number.NEGATIVE_INFINITY,
          1,
          cols(xs.flat()),
          cols(xs.flat()).map(() => 1),
        );
      for (let i = 0; i < I; i++)
        for (let j = 0; j < S; j++) {
          const c = xs[i]![j]!;
          if (c < 0) continue;
          timeCols.push(c);
          timeVals.push(inst.time[i]![j]! + (k === 0 ? inst.depotTime[inst.busDepot[b]!]![i]! : 0));
        }
      if (k > 0) {
        const ys = y[b]![k]!;
        const prev = x[b]![k - 1]!;
        for (let j = 0; j < S; j++) {
          // Leave shelter j before trip k only if trip k−1 ended there.
          const out = cols(ys[j]!);
          const into = cols(prev.map((row) => row[j]!));
          b_.addRow(
            Number.NEGATIVE_INFINITY,
            0,
            [...out, ...into],
            [...out.map(() => 1), ...into.map(() => -1)],
          );
          for (let i = 0; i < I; i++) {
            const c = ys[j]![i]!;
            if (c < 0) continue;
            timeCols.push(c);
            timeVals.push(inst.time[i]![j]!);
          }
        }
        for (let i = 0; i < I; i++) {
          // Trip k starts at point i exactly when the bus drove there.
          const start = cols(xs[i]!);
          const arrive = cols(ys.map((row) => row[i]!));
          if (start.length + arrive.length === 0) continue;
          b_.addRow(0, 0, [...start, ...arrive], [...start.map(() => 1), ...arrive.map(() => -1)]);
        }
      }
    }
    b_.addRow(Number.NEGATIVE_INFINITY, 0, timeCols, timeVals);
  }
  for (const i of active) {
    const all: number[] = [];
    for (const bus of x) for (const trip of bus) all.push(...cols(trip[i]!));
    b_.addRow(
      inst.trips[i]!,
      inst.trips[i]!,
      all,
      all.map(() => 1),
    );
  }
  for (let j = 0; j < S; j++) {
    const all: number[] = [];
    for (const bus of x)
      for (const trip of bus) for (let i = 0; i < I; i++) if (trip[i]![j]! >= 0) all.push(trip[i]![j]!);
    if (all.length > 0)
      b_.addRow(
        Number.NEGATIVE_INFINITY,
        inst.shelterTrips[j]!,
        all,
        all.map(() => 1),
      );
  }
  const model = b_.build();

  const decode = (values: ArrayLike<number>): BepRoutes =>
    x.map((bus) => {
      const route: BepRoutes[number] = [];
      for (const trip of bus)
        for (let i = 0; i < I; i++)
          for (let j = 0; j < S; j++)
            if (trip[i]![j]! >= 0 && values[trip[i]![j]!]! > 0.5) route.push({ point: i, shelter: j });
      return route;
    });
  const encode = (routes: BepRoutes, makespan: number): Float64Array => {
    const out = new Float64Array(model.colCost.length);
    out[T] = makespan;
    routes.forEach((route, b) => {
      route.forEach((t, k) => {
        const c = x[b]?.[k]?.[t.point]?.[t.shelter];
        if (c !== undefined && c >= 0) out[c] = 1;
        if (k > 0) {
          const yc = y[b]?.[k]?.[route[k - 1]!.shelter]?.[t.point];
          if (yc !== undefined && yc >= 0) out[yc] = 1;
        }
      });
    });
    return out;
  };
  return { model, decode, encode };
}
