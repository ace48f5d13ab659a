import { describe, expect, it } from 'vitest';
import { randomInt, seededRandom } from './random.ts';
import type { ScheduleProblem, ScheduleTask } from './schedule.ts';
import { ratioOrder, shelterWays, taskTree } from './schedule-search.ts';
import { TravelMatrix } from './travel.ts';

// The ratio order, computed per part each round, against Sidney's rule written out as defined:
// for every waiting shelter, the weight of every waiting shelter its remaining way would reach,
// over the work on that way.

/** Parts joined by the passages to clear as a random tree from the exits' part 0; shelters at random. */
function randomProblem(seed: number): ScheduleProblem {
  const random = seededRandom(seed);
  const partCount = randomInt(random, 2, 60);
  const tasks: ScheduleTask[] = [];
  for (let part = 1; part < partCount; part++) {
    // Some parts hang from no task: no way reaches them.
    if (random() < 0.05) continue;
    tasks.push({
      passageId: `p${part}`,
      keyA: 0,
      keyB: 0,
      pointA: 'a',
      pointB: 'b',
      partA: randomInt(random, 0, part - 1),
      partB: part,
      lengthHours: 0,
      personHours: randomInt(random, 1, 30),
      percentDoneAtStart: 0,
      keptBy: -1,
    });
  }
  const shelters = Array.from({ length: randomInt(random, 1, 80) }, (_, i) => ({
    id: `s${i}`,
    part: randomInt(random, 0, partCount - 1),
    weight: random() < 0.1 ? 0 : randomInt(random, 1, 20),
  }));
  return {
    now: 0,
    travel: new TravelMatrix(1),
    tasks: tasks.sort(() => random() - 0.5),
    crews: [],
    partCount,
    exitPart: 0,
    shelters,
    keyPoint: ['a'],
  };
}

function sidney(problem: ScheduleProblem, ways: number[][]): number[] {
  const listed = new Set<number>();
  const order: number[] = [];
  const open = new Set(ways.flatMap((way, i) => (way.length > 0 ? [i] : [])));
  while (open.size > 0) {
    let best = -1;
    let bestRatio = -1;
    for (const s of open) {
      const rest = ways[s]!.filter((t) => !listed.has(t));
      let gain = 0;
      for (const other of open)
        if (ways[other]!.every((t) => listed.has(t) || rest.includes(t)))
          gain += problem.shelters[other]!.weight;
      const effort = rest.reduce((sum, t) => sum + problem.tasks[t]!.personHours, 0);
      const ratio = effort > 0 ? gain / effort : Number.POSITIVE_INFINITY;
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = s;
      }
    }
    for (const t of ways[best]!)
      if (!listed.has(t)) {
        listed.add(t);
        order.push(t);
      }
    for (const s of [...open]) if (ways[s]!.every((t) => listed.has(t))) open.delete(s);
  }
  problem.tasks.forEach((_, i) => {
    if (!listed.has(i)) order.push(i);
  });
  return order;
}

describe('the ratio order', () => {
  it.each(Array.from({ length: 80 }, (_, i) => 7000 + i))(
    'problem %i: is Sidney’s rule as defined',
    (seed) => {
      const problem = randomProblem(seed);
      const tree = taskTree(problem);
      const ways = shelterWays(problem, tree);
      expect(ratioOrder(problem, ways, tree)).toEqual(sidney(problem, ways));
    },
  );
});
