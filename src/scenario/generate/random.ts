// A small seeded pseudo-random generator (xoshiro128**), so that a generated site depends only on
// its seed: never Math.random, whose sequence cannot be replayed. Streams let independent parts of
// the generator (the graph, each household) draw numbers without disturbing one another, which is
// what allows households to be generated twice (once for the households list, once for the people)
// and come out the same.

/** The 32-bit finaliser of MurmurHash3: a bijection that spreads every input bit over the output. */
function fmix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface Random {
  /** An unsigned 32-bit integer. */
  uint32(): number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A float in [min, max). */
  uniform(min: number, max: number): number;
  /** A standard normal deviate (Box–Muller). */
  normal(): number;
}

const twoTo32 = 2 ** 32;

/**
 * A generator for (seed, stream). The four state words are bijective functions of the seed's two
 * halves and the stream's two halves, so distinct (seed, stream) pairs never share a state.
 */
export function createRandom(seed: number, stream = 0): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, not ${seed}`);
  if (!Number.isSafeInteger(stream) || stream < 0)
    throw new RangeError(`stream must be a non-negative safe integer, not ${stream}`);
  let s0 = fmix32(seed >>> 0);
  let s1 = fmix32((Math.floor(seed / twoTo32) | 0) ^ 0x9e3779b9);
  let s2 = fmix32((stream >>> 0) ^ 0x85ebca6b);
  let s3 = fmix32((Math.floor(stream / twoTo32) | 0) ^ 0xc2b2ae35);
  if ((s0 | s1 | s2 | s3) === 0) s3 = 1;

  const uint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  // The first outputs of a freshly seeded xoshiro still resemble its seed; discard them.
  for (let i = 0; i < 8; i++) uint32();

  const next = (): number => uint32() / twoTo32;
  return {
    uint32,
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    uniform: (min, max) => min + next() * (max - min),
    normal() {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * One seed from several numbers (a user's seed and the sizes asked for), so that the same seed with
 * other sizes gives another site, with other ids, rather than one whose ids clash with the first.
 */
export function deriveSeed(...parts: number[]): number {
  let low = 0x9e3779b9;
  let high = 0x7f4a7c15;
  for (const part of parts) {
    low = fmix32(low ^ (part >>> 0));
    high = fmix32(high ^ (Math.floor(part / twoTo32) | 0) ^ low);
    low = fmix32(low ^ high);
  }
  // 53 bits: a safe integer.
  return (high & 0x1fffff) * twoTo32 + low;
}

/** Picks an index with probability proportional to its weight. */
export function weightedIndex(random: Random, weights: readonly number[]): number {
  let total = 0;
  for (const w of weights) total += w;
  let r = random.next() * total;
  for (let i = 0; i < weights.length; i++) {
    r -= weights[i]!;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** Picks one of the choices, each [value, weight], with probability proportional to its weight. */
export function weighted<T>(random: Random, choices: ReadonlyArray<readonly [T, number]>): T {
  return choices[
    weightedIndex(
      random,
      choices.map(([, w]) => w),
    )
  ]![0];
}

/** Cumulative weights for picking among many items by binary search (shelters of a large site). */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => {
    sum += w;
    out[i] = sum;
  });
  return out;
}

export function pickCumulative(random: Random, sums: Float64Array): number {
  const r = random.next() * sums[sums.length - 1]!;
  let low = 0;
  let high = sums.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sums[mid]! > r) high = mid;
    else low = mid + 1;
  }
  return low;
}
