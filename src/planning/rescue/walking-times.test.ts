import { describe, expect, it } from 'vitest';
import { randomInt, seededRandom } from './random.ts';
import { openTravelMatrix } from './travel.ts';
import { WalkingTimes } from './walking-times.ts';

// Walking times while passages are cleared, against shortest paths on the whole point graph with
// the open passages, the passages cleared so far and (when allowed) the way round the outside
// between exits. Random sequences of clearances both grow a forest of groups (the fast climb) and
// close cycles (the fall-back to the matrix); both must give the exact shortest times.

interface Site {
  pointCount: number;
  open: { from: number[]; to: number[]; hours: number[] };
  blocked: Array<[number, number, number]>;
  exits: number[];
}

function randomSite(seed: number): Site {
  const random = seededRandom(seed);
  const pointCount = randomInt(random, 6, 24);
  const open = { from: [] as number[], to: [] as number[], hours: [] as number[] };
  const blocked: Array<[number, number, number]> = [];
  const links = randomInt(random, pointCount, 3 * pointCount);
  for (let i = 0; i < links; i++) {
    const a = randomInt(random, 0, pointCount - 1);
    const b = randomInt(random, 0, pointCount - 1);
    if (a === b) continue;
    const hours = randomInt(random, 1, 20) / 4;
    if (random() < 0.4) {
      open.from.push(a);
      open.to.push(b);
      open.hours.push(hours);
    } else blocked.push([a, b, hours]);
  }
  const exits = [0, 1, 2].filter((e) => e < pointCount && random() < 0.7);
  return { pointCount, open, blocked, exits };
}

/** Shortest hours between every pair of points, by Floyd and Warshall (n is small). */
function reference(pointCount: number, edges: Array<[number, number, number]>): number[][] {
  const dist = Array.from({ length: pointCount }, (_, i) =>
    Array.from({ length: pointCount }, (_, j) => (i === j ? 0 : Number.POSITIVE_INFINITY)),
  );
  for (const [a, b, h] of edges) {
    dist[a]![b] = Math.min(dist[a]![b]!, h);
    dist[b]![a] = Math.min(dist[b]![a]!, h);
  }
  for (let k = 0; k < pointCount; k++)
    for (let i = 0; i < pointCount; i++)
      for (let j = 0; j < pointCount; j++)
        if (dist[i]![k]! + dist[k]![j]! < dist[i]![j]!) dist[i]![j] = dist[i]![k]! + dist[k]![j]!;
  return dist;
}

const cases = Array.from({ length: 50 }, (_, i) => ({ seed: 500 + i, outside: i % 2 === 0 }));

/** Checks one site; returns how many steps were answered by the climb and by the fall-back. */
function checkSite(seed: number, outside: boolean): { climbs: number; fallBacks: number } {
  let climbs = 0;
  let fallBacks = 0;
  const site = randomSite(seed);
  const random = seededRandom(seed * 7 + 1);
  // Key points: the ends of the blocked passages, a few others, the exits when they are joined.
  const keys = new Set<number>();
  for (const [a, b] of site.blocked) keys.add(a).add(b);
  for (let v = 0; v < site.pointCount; v++) if (random() < 0.2) keys.add(v);
  if (outside) for (const e of site.exits) keys.add(e);
  const keyPoints = [...keys];
  const keyOf = new Map(keyPoints.map((p, i) => [p, i]));
  const outsideHours = outside ? 1.5 : null;
  const base = openTravelMatrix(
    site.pointCount,
    site.open,
    keyPoints,
    outside ? site.exits.map((e) => keyOf.get(e)!) : [],
    outsideHours,
  );
  const walks = new WalkingTimes(base);
  // The outside is one more point in the reference graph, joined to every exit.
  const outsidePoint = site.pointCount;
  const edges: Array<[number, number, number]> = site.open.from.map((a, i) => [
    a,
    site.open.to[i]!,
    site.open.hours[i]!,
  ]);
  if (outsideHours !== null) for (const e of site.exits) edges.push([e, outsidePoint, outsideHours / 2]);
  const order = [...site.blocked].sort(() => random() - 0.5);
  for (let step = 0; step <= order.length; step++) {
    if (step > 0) {
      const [a, b, h] = order[step - 1]!;
      walks.open(keyOf.get(a)!, keyOf.get(b)!, h);
      edges.push([a, b, h]);
    }
    const dist = reference(site.pointCount + 1, edges);
    // One assertion per step (thousands of pairs): the first pair that disagrees, if any.
    let wrong: string | undefined;
    for (let i = 0; i < keyPoints.length && !wrong; i++)
      for (let j = 0; j < keyPoints.length && !wrong; j++) {
        const expected = dist[keyPoints[i]!]![keyPoints[j]!]!;
        const got = walks.hours(i, j);
        const same =
          expected === Number.POSITIVE_INFINITY ? got === expected : Math.abs(got - expected) < 1e-9;
        if (!same || (walks.region(i) === walks.region(j)) !== expected < Number.POSITIVE_INFINITY)
          wrong = `step ${step}: from point ${keyPoints[i]} to ${keyPoints[j]} ${got} hours, expected ${expected}`;
      }
    expect(wrong).toBeUndefined();
    if (walks.fellBack) fallBacks++;
    else climbs++;
  }
  walks.reset();
  const back = keyPoints.flatMap((_, i) => keyPoints.map((_, j) => walks.hours(i, j)));
  expect(back).toEqual(keyPoints.flatMap((_, i) => keyPoints.map((_, j) => base.hours[i * base.size + j])));
  return { climbs, fallBacks };
}

describe('walking times as passages are cleared', () => {
  it('match shortest paths on 50 random sites, through the forest and after falling back to the matrix', () => {
    let climbs = 0;
    let fallBacks = 0;
    for (const { seed, outside } of cases) {
      const counts = checkSite(seed, outside);
      climbs += counts.climbs;
      fallBacks += counts.fallBacks;
    }
    expect(climbs).toBeGreaterThan(100);
    expect(fallBacks).toBeGreaterThan(100);
  });
});
