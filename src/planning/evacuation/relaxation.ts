// The aggregated relaxation (aggregate.ts) written out as an LP for HiGHS. Its row duals are fed
// to the dual function (dual.ts), which turns them into a bound checked by our own arithmetic.
import { type Aggregate, dims } from './aggregate.ts';
import type { Multipliers } from './dual.ts';
import { type LinearModel, ModelBuilder } from './highs/model.ts';

export interface RelaxationLp {
  model: LinearModel;
  /** Row of each pickup × dimension link, −1 when absent. */
  linkRow: Int32Array;
  timeRow: Int32Array;
  countRow: Int32Array;
}

export function relaxationLp(agg: Aggregate): RelaxationLp {
  const b = new ModelBuilder('maximize');
  const P = agg.pickups;
  const linkCols: number[][] = Array.from({ length: P * dims }, () => []);
  const linkVals: number[][] = Array.from({ length: P * dims }, () => []);
  for (let t = 0; t < agg.typeWeight.length; t++) {
    const x = b.addColumn(0, agg.typeCount[t]!, agg.typeWeight[t]!, false);
    const p = agg.typePickup[t]!;
    for (let d = 0; d < dims; d++) {
      const a = agg.typeNeed[t * dims + d]!;
      if (a > 0) {
        linkCols[p * dims + d]!.push(x);
        linkVals[p * dims + d]!.push(a);
      }
    }
  }
  const cells = agg.cellTrips.length;
  const spans = agg.spanTrips.length;
  // Columns of each cell: its trips y and the time terms they and their loads z take.
  const timeCols: number[][] = [];
  const timeVals: number[][] = [];
  const countCols: number[][] = [];
  for (let cell = 0; cell < cells; cell++) {
    timeCols.push([]);
    timeVals.push([]);
    countCols.push([]);
    const K = agg.cellTrips[cell]!;
    if (K === 0) continue;
    const c = Math.floor(cell / agg.windows);
    const n = agg.classSize[c]!;
    agg.cellPickups[cell]!.forEach((p, k) => {
      const y = b.addColumn(0, n * K, 0, false);
      timeCols[cell]!.push(y);
      timeVals[cell]!.push(agg.cellTripMinutes[cell]![k]!);
      countCols[cell]!.push(y);
      for (let d = 0; d < dims; d++) {
        const cap = agg.classCap[c * dims + d]!;
        if (cap === 0) continue;
        const z = b.addColumn(0, n * K * cap, 0, false);
        b.addRow(Number.NEGATIVE_INFINITY, 0, [z, y], [1, -cap]);
        timeCols[cell]!.push(z);
        timeVals[cell]!.push(agg.loadPerPlace[d]!);
        linkCols[p * dims + d]!.push(z);
        linkVals[p * dims + d]!.push(-1);
      }
    });
  }
  const timeRow = new Int32Array(spans).fill(-1);
  const countRow = new Int32Array(spans).fill(-1);
  for (let s = 0; s < spans; s++) {
    const c = agg.spanClass[s]!;
    const n = agg.classSize[c]!;
    const tc: number[] = [];
    const tv: number[] = [];
    const cc: number[] = [];
    for (let w = agg.spanFirst[s]!; w <= agg.spanLast[s]!; w++) {
      const cell = c * agg.windows + w;
      tc.push(...timeCols[cell]!);
      tv.push(...timeVals[cell]!);
      cc.push(...countCols[cell]!);
    }
    if (cc.length === 0) continue;
    timeRow[s] = b.addRow(Number.NEGATIVE_INFINITY, n * agg.spanLength[s]!, tc, tv);
    countRow[s] = b.addRow(
      Number.NEGATIVE_INFINITY,
      n * agg.spanTrips[s]!,
      cc,
      cc.map(() => 1),
    );
  }
  const linkRow = new Int32Array(P * dims).fill(-1);
  for (let i = 0; i < P * dims; i++)
    if (linkCols[i]!.length > 0)
      linkRow[i] = b.addRow(Number.NEGATIVE_INFINITY, 0, linkCols[i]!, linkVals[i]!);
  return { model: b.build(), linkRow, timeRow, countRow };
}

/** Multipliers from an LP's row duals; signs are normalised, the bound itself is recomputed. */
export function multipliersFromDuals(lp: RelaxationLp, rowDual: Float64Array): Multipliers {
  const pick = (rows: Int32Array) => Float64Array.from(rows, (r) => (r < 0 ? 0 : Math.abs(rowDual[r]!)));
  return { mu: pick(lp.linkRow), lambda: pick(lp.timeRow), nu: pick(lp.countRow) };
}
