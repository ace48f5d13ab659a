import { seededRandom } from './random.ts';
import { decodeSchedule, type Schedule, type ScheduleProblem } from './schedule.ts';

// Finding a good priority order for the list scheduler (schedule.ts). The passages to clear form
// a tree hanging from the exits; each shelter needs the passages on its way up. Start orders:
// - ratio: repeatedly take the shelter whose remaining passages give the most weight per
//   person-hour (its own weight and that of the shelters it passes on the way, as in Sidney's
//   decomposition for weighted completion times under tree precedences), and list its passages
//   from the exit outwards;
// - by depth: the passages nearest the exits first, heaviest subtree first among equals;
// - weighted shortest processing time: weight of the shelters behind a passage per person-hour.
// The best of them is improved by moves — swap two passages, move one, bring a shelter's whole
// way to the front — kept when the decoded schedule scores better.

export interface ScheduleSearchOptions {
  /** performance.now() at which the search stops. */
  deadline: number;
  maxEvaluations?: number;
  /** Stop after this many moves in a row without a better schedule (default 500). */
  stallLimit?: number;
  seed?: number;
}

export interface ScheduleSearchResult {
  schedule: Schedule;
  order: number[];
  evaluations: number;
  /** The passages each shelter needs, from the exit outwards (task indices). */
  ways: number[][];
}

/** For each shelter, the tasks on its way to the exits through the task tree. */
export function shelterWays(problem: ScheduleProblem): number[][] {
  const { tasks, partCount, exitPart } = problem;
  const incident: number[][] = Array.from({ length: partCount }, () => []);
  tasks.forEach((t, i) => {
    incident[t.partA]!.push(i);
    incident[t.partB]!.push(i);
  });
  const parentTask = new Int32Array(partCount).fill(-1);
  const parentPart = new Int32Array(partCount).fill(-1);
  const seen = new Uint8Array(partCount);
  if (exitPart >= 0) {
    seen[exitPart] = 1;
    const queue = [exitPart];
    for (let q = 0; q < queue.length; q++) {
      const p = queue[q]!;
      for (const i of incident[p]!) {
        const t = tasks[i]!;
        const other = t.partA === p ? t.partB : t.partA;
        if (seen[other] === 1) continue;
        seen[other] = 1;
        parentTask[other] = i;
        parentPart[other] = p;
        queue.push(other);
      }
    }
  }
  return problem.shelters.map((s) => {
    const way: number[] = [];
    for (let p = s.part; parentTask[p]! >= 0; p = parentPart[p]!) way.push(parentTask[p]!);
    return way.reverse();
  });
}

function ratioOrder(problem: ScheduleProblem, ways: number[][]): number[] {
  const work = problem.tasks.map((t) => t.personHours);
  const listed = new Uint8Array(problem.tasks.length);
  const order: number[] = [];
  const open = new Set(ways.flatMap((w, i) => (w.length > 0 ? [i] : [])));
  while (open.size > 0) {
    let best = -1;
    let bestRatio = -1;
    for (const s of open) {
      const rest = ways[s]!.filter((t) => listed[t] === 0);
      const restSet = new Set(rest);
      let gain = 0;
      for (const other of open)
        if (ways[other]!.every((t) => listed[t] === 1 || restSet.has(t)))
          gain += problem.shelters[other]!.weight;
      const effort = rest.reduce((sum, t) => sum + work[t]!, 0);
      const ratio = effort > 0 ? gain / effort : Number.POSITIVE_INFINITY;
      if (ratio > bestRatio) {
        bestRatio = ratio;
        best = s;
      }
    }
    for (const t of ways[best]!) {
      if (listed[t] === 1) continue;
      listed[t] = 1;
      order.push(t);
    }
    for (const s of [...open]) if (ways[s]!.every((t) => listed[t] === 1)) open.delete(s);
  }
  return completeOrder(problem, order);
}

/** Adds the tasks no shelter needs (and that no crew keeps) at the end. */
function completeOrder(problem: ScheduleProblem, order: number[]): number[] {
  const listed = new Set(order);
  problem.tasks.forEach((t, i) => {
    if (t.keptBy < 0 && !listed.has(i)) order.push(i);
  });
  return order.filter((i) => problem.tasks[i]!.keptBy < 0);
}

function behindWeights(problem: ScheduleProblem, ways: number[][]): Float64Array {
  const behind = new Float64Array(problem.tasks.length);
  ways.forEach((way, s) => {
    for (const t of way) behind[t]! += problem.shelters[s]!.weight;
  });
  return behind;
}

function depthOrder(problem: ScheduleProblem, ways: number[][]): number[] {
  const depth = new Float64Array(problem.tasks.length).fill(Number.POSITIVE_INFINITY);
  for (const way of ways) for (let i = 0; i < way.length; i++) depth[way[i]!] = Math.min(depth[way[i]!]!, i);
  const behind = behindWeights(problem, ways);
  const order = problem.tasks
    .map((_, i) => i)
    .sort((a, b) => depth[a]! - depth[b]! || behind[b]! - behind[a]! || a - b);
  return completeOrder(problem, order);
}

function wsptOrder(problem: ScheduleProblem, ways: number[][]): number[] {
  const behind = behindWeights(problem, ways);
  const ratio = (t: number): number => behind[t]! / Math.max(1e-9, problem.tasks[t]!.personHours);
  const order = problem.tasks.map((_, i) => i).sort((a, b) => ratio(b) - ratio(a) || a - b);
  return completeOrder(problem, order);
}

export function searchSchedule(
  problem: ScheduleProblem,
  options: ScheduleSearchOptions,
): ScheduleSearchResult {
  const ways = shelterWays(problem);
  const maxEvaluations = options.maxEvaluations ?? Number.POSITIVE_INFINITY;
  let evaluations = 0;
  let best: { order: number[]; schedule: Schedule } | undefined;
  for (const order of [ratioOrder(problem, ways), depthOrder(problem, ways), wsptOrder(problem, ways)]) {
    const schedule = decodeSchedule(problem, order);
    evaluations++;
    if (!best || schedule.score < best.schedule.score - 1e-9) best = { order, schedule };
  }
  const result = best!;
  const n = result.order.length;
  if (n < 2) return { ...result, evaluations, ways };
  const random = seededRandom(options.seed ?? 1);
  const pick = (): number => Math.floor(random() * n);
  let current = result.order.slice();
  let currentScore = result.schedule.score;
  const stallLimit = options.stallLimit ?? 500;
  let stalled = 0;
  while (evaluations < maxEvaluations && stalled < stallLimit && performance.now() < options.deadline) {
    const candidate = current.slice();
    const move = random();
    if (move < 0.4) {
      const i = pick();
      const j = pick();
      [candidate[i], candidate[j]] = [candidate[j]!, candidate[i]!];
    } else if (move < 0.8) {
      const [moved] = candidate.splice(pick(), 1);
      candidate.splice(pick(), 0, moved!);
    } else {
      const way = new Set(ways[Math.floor(random() * ways.length)] ?? []);
      const front = candidate.filter((t) => way.has(t));
      if (front.length === 0) continue;
      candidate.splice(0, candidate.length, ...front, ...candidate.filter((t) => !way.has(t)));
    }
    const schedule = decodeSchedule(problem, candidate);
    evaluations++;
    stalled++;
    // Equal scores are accepted too: many orders decode alike, and drifting among them helps.
    if (schedule.score <= currentScore + 1e-9) {
      current = candidate;
      currentScore = schedule.score;
      if (schedule.score < result.schedule.score - 1e-9) {
        result.order = candidate;
        result.schedule = schedule;
        stalled = 0;
      }
    }
  }
  return { ...result, evaluations, ways };
}
