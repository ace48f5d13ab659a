// The Lagrangian dual function of the aggregated relaxation (aggregate.ts). Dualising the pickup
// rows with μ ≥ 0 and the time and count rows of each span with λ, ν ≥ 0 leaves a problem that
// separates into single group types and single (class, window) cells, each solved in closed form:
//   D(μ,λ,ν) = Σ_types m·max(0, w − μ_p·a) + Σ_spans n_c·(λ_s·L_s + ν_s·K_s)
//            + Σ_cells n_c·K_w·Σ_p max(0, Σ_d cap_d·max(0, μ_pd − Λ·ℓ_d) − Λ·τ_p − N)
// where Λ and N add up λ and ν over the spans that contain the cell's window.
// By weak duality D is an upper bound on objective 1 for ANY non-negative multipliers, so a bound
// computed here is valid whatever produced the multipliers (HiGHS's LP duals or a subgradient
// search); only its tightness depends on them.
import { type Aggregate, dims } from './aggregate.ts';

export interface Multipliers {
  mu: Float64Array; // pickups × dims
  lambda: Float64Array; // spans
  nu: Float64Array; // spans
}

function typesPart(agg: Aggregate, mu: Float64Array, demand?: Float64Array): number {
  let total = 0;
  for (let t = 0; t < agg.typeWeight.length; t++) {
    const p = agg.typePickup[t]!;
    let price = 0;
    for (let d = 0; d < dims; d++) price += Math.max(0, mu[p * dims + d]!) * agg.typeNeed[t * dims + d]!;
    const margin = agg.typeWeight[t]! - price;
    if (margin > 0) {
      total += agg.typeCount[t]! * margin;
      if (demand)
        for (let d = 0; d < dims; d++)
          demand[p * dims + d]! += agg.typeCount[t]! * agg.typeNeed[t * dims + d]!;
    }
  }
  return total;
}

/** The value of one trip to the k-th pickup of a cell under (μ, λ), before ν. */
function tripValue(
  agg: Aggregate,
  cell: number,
  k: number,
  c: number,
  mu: Float64Array,
  lambda: number,
): number {
  const p = agg.cellPickups[cell]![k]!;
  let value = -lambda * agg.cellTripMinutes[cell]![k]!;
  for (let d = 0; d < dims; d++) {
    const cap = agg.classCap[c * dims + d]!;
    if (cap > 0) value += cap * Math.max(0, Math.max(0, mu[p * dims + d]!) - lambda * agg.loadPerPlace[d]!);
  }
  return value;
}

/** D at the given multipliers (negative entries count as 0). */
export function dualValue(agg: Aggregate, m: Multipliers): number {
  let total = typesPart(agg, m.mu);
  const W = agg.windows;
  const cellLambda = new Float64Array(agg.cellTrips.length);
  const cellNu = new Float64Array(agg.cellTrips.length);
  for (let s = 0; s < agg.spanTrips.length; s++) {
    const c = agg.spanClass[s]!;
    const lambda = Math.max(0, m.lambda[s]!);
    const nu = Math.max(0, m.nu[s]!);
    total += agg.classSize[c]! * (lambda * agg.spanLength[s]! + nu * agg.spanTrips[s]!);
    for (let w = agg.spanFirst[s]!; w <= agg.spanLast[s]!; w++) {
      cellLambda[c * W + w]! += lambda;
      cellNu[c * W + w]! += nu;
    }
  }
  for (let cell = 0; cell < agg.cellTrips.length; cell++) {
    const c = Math.floor(cell / W);
    const K = agg.cellTrips[cell]!;
    if (K === 0) continue;
    let trips = 0;
    for (let k = 0; k < agg.cellPickups[cell]!.length; k++)
      trips += Math.max(0, tripValue(agg, cell, k, c, m.mu, cellLambda[cell]!) - cellNu[cell]!);
    total += agg.classSize[c]! * K * trips;
  }
  return total;
}

/** For one cell and fixed μ: the best ν is the best trip's value; returns f(λ) and that trip. */
function cellAt(agg: Aggregate, cell: number, c: number, mu: Float64Array, lambda: number) {
  let best = 0;
  let bestK = -1;
  for (let k = 0; k < agg.cellPickups[cell]!.length; k++) {
    const v = tripValue(agg, cell, k, c, mu, lambda);
    if (v > best) {
      best = v;
      bestK = k;
    }
  }
  const length = agg.spanLength[agg.cellSpan[cell]!]!;
  return { value: lambda * length + agg.cellTrips[cell]! * best, nu: best, bestK };
}

/**
 * For fixed μ, the best λ and ν of each single-window span (a convex one-dimensional search per
 * cell); longer spans keep multiplier 0, which D allows.
 */
export function bestCellMultipliers(agg: Aggregate, mu: Float64Array): Multipliers {
  const cells = agg.cellTrips.length;
  const lambda = new Float64Array(agg.spanTrips.length);
  const nu = new Float64Array(agg.spanTrips.length);
  const W = agg.windows;
  for (let cell = 0; cell < cells; cell++) {
    if (agg.cellTrips[cell] === 0) continue;
    const c = Math.floor(cell / W);
    let high = 0;
    for (let k = 0; k < agg.cellPickups[cell]!.length; k++) {
      const p = agg.cellPickups[cell]![k]!;
      let full = 0;
      for (let d = 0; d < dims; d++) {
        const price = Math.max(0, mu[p * dims + d]!);
        full += agg.classCap[c * dims + d]! * price;
        if (agg.loadPerPlace[d]! > 0) high = Math.max(high, price / agg.loadPerPlace[d]!);
      }
      const minutes = agg.cellTripMinutes[cell]![k]!;
      if (minutes > 0) high = Math.max(high, full / minutes);
    }
    let lo = 0;
    let hi = high;
    for (let i = 0; i < 60 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
      const a = lo + (hi - lo) / 3;
      const b = hi - (hi - lo) / 3;
      if (cellAt(agg, cell, c, mu, a).value <= cellAt(agg, cell, c, mu, b).value) hi = b;
      else lo = a;
    }
    const candidates = [0, lo, hi, (lo + hi) / 2];
    let bestLambda = 0;
    let best = Number.POSITIVE_INFINITY;
    for (const l of candidates) {
      const v = cellAt(agg, cell, c, mu, l).value;
      if (v < best) {
        best = v;
        bestLambda = l;
      }
    }
    lambda[agg.cellSpan[cell]!] = bestLambda;
    nu[agg.cellSpan[cell]!] = cellAt(agg, cell, c, mu, bestLambda).nu;
  }
  return { mu, lambda, nu };
}

/**
 * Projected subgradient descent on μ (λ, ν re-optimised each step), from `start`, aiming at
 * `target` (a plan's value). Returns the best multipliers seen; their D is a valid bound.
 */
export function subgradient(
  agg: Aggregate,
  start: Float64Array,
  target: number,
  iterations: number,
  deadline = Number.POSITIVE_INFINITY,
): { bound: number; multipliers: Multipliers } {
  let mu = Float64Array.from(start, (v) => Math.max(0, v));
  let best = bestCellMultipliers(agg, mu);
  let bestValue = dualValue(agg, best);
  let theta = 1;
  let sinceBetter = 0;
  const W = agg.windows;
  for (let it = 0; it < iterations && performance.now() < deadline; it++) {
    const current = bestCellMultipliers(agg, mu);
    const demand = new Float64Array(mu.length);
    const value = typesPart(agg, mu, demand) + cellsPart(agg, current);
    if (value < bestValue) {
      bestValue = value;
      best = { mu: Float64Array.from(mu), lambda: current.lambda, nu: current.nu };
      sinceBetter = 0;
    } else if (++sinceBetter >= 5) {
      theta /= 2;
      sinceBetter = 0;
    }
    // Subgradient of D in μ: supply of places by each cell's best trip minus demand of the types kept.
    const grad = new Float64Array(mu.length);
    for (let i = 0; i < grad.length; i++) grad[i] = -demand[i]!;
    for (let cell = 0; cell < agg.cellTrips.length; cell++) {
      if (agg.cellTrips[cell] === 0) continue;
      const c = Math.floor(cell / W);
      const lambda = current.lambda[agg.cellSpan[cell]!]!;
      const at = cellAt(agg, cell, c, mu, lambda);
      if (at.bestK < 0) continue;
      const p = agg.cellPickups[cell]![at.bestK]!;
      const trips = agg.classSize[c]! * agg.cellTrips[cell]!;
      for (let d = 0; d < dims; d++)
        if (mu[p * dims + d]! > lambda * agg.loadPerPlace[d]!)
          grad[p * dims + d]! += trips * agg.classCap[c * dims + d]!;
    }
    let norm = 0;
    for (const g of grad) norm += g * g;
    if (norm === 0 || theta < 1e-6) break;
    const step = (theta * Math.max(value - target, 1e-9 * Math.max(1, value))) / norm;
    mu = Float64Array.from(mu, (v, i) => Math.max(0, v - step * grad[i]!));
  }
  return { bound: bestValue, multipliers: best };
}

function cellsPart(agg: Aggregate, m: Multipliers): number {
  return dualValue({ ...agg, typeWeight: new Float64Array(0) }, m);
}
