import { seededRandom } from './random.ts';
import { type Schedule, ScheduleDecoder, type ScheduleProblem } from './schedule.ts';

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
  /** The passages in the order of the plan being followed: a start kept unless another scores better. */
  follow?: readonly string[];
}

export interface ScheduleSearchResult {
  schedule: Schedule;
  order: number[];
  evaluations: number;
  /** The passages each shelter needs, from the exit outwards (task indices). */
  ways: number[][];
}

/** The passages to clear as a tree hanging from the exits: each part's task and part towards them. */
export interface TaskTree {
  parentTask: Int32Array;
  parentPart: Int32Array;
}

export function taskTree(problem: ScheduleProblem): TaskTree {
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
  return { parentTask, parentPart };
}

/** For each shelter, the tasks on its way to the exits through the task tree. */
export function shelterWays(problem: ScheduleProblem, tree = taskTree(problem)): number[][] {
  const { parentTask, parentPart } = tree;
  return problem.shelters.map((s) => {
    const way: number[] = [];
    for (let p = s.part; parentTask[p]! >= 0; p = parentPart[p]!) way.push(parentTask[p]!);
    return way.reverse();
  });
}

/** Waiting shelters by ratio, highest first, then by index; entries go stale as ratios change. */
class RatioHeap {
  private readonly ratio: number[] = [];
  private readonly shelter: number[] = [];
  private readonly version: number[] = [];

  get size(): number {
    return this.ratio.length;
  }

  private before(i: number, j: number): boolean {
    return (
      this.ratio[i]! > this.ratio[j]! ||
      (this.ratio[i] === this.ratio[j] && this.shelter[i]! < this.shelter[j]!)
    );
  }

  private swap(i: number, j: number): void {
    for (const list of [this.ratio, this.shelter, this.version]) [list[i], list[j]] = [list[j]!, list[i]!];
  }

  push(ratio: number, shelter: number, version: number): void {
    this.ratio.push(ratio);
    this.shelter.push(shelter);
    this.version.push(version);
    for (let i = this.ratio.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (!this.before(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  /** Removes the first entry; returns its shelter and version. */
  pop(): [number, number] {
    const top: [number, number] = [this.shelter[0]!, this.version[0]!];
    const last = this.ratio.length - 1;
    this.swap(0, last);
    this.ratio.pop();
    this.shelter.pop();
    this.version.pop();
    for (let i = 0; ; ) {
      let c = 2 * i + 1;
      if (c >= last) break;
      if (c + 1 < last && this.before(c + 1, c)) c++;
      if (!this.before(c, i)) break;
      this.swap(i, c);
      i = c;
    }
    return top;
  }
}

/**
 * Sidney's ratio rule on the task tree. A shelter's remaining way runs from its part up to the
 * first part already joined (the tasks listed so far form a subtree at the exits); listing it
 * reaches every waiting shelter on that way. Each part keeps the weight waiting on its way up and
 * the work that way needs, each from its parent's, and the shelters wait in a heap by weight per
 * person-hour. Listing a way changes the ways of the parts hanging below it only: their values are
 * computed again, top down, and their shelters pushed again (older entries go stale). So a round
 * costs the parts whose way changed, not every waiting shelter.
 */
export function ratioOrder(problem: ScheduleProblem, ways: number[][], tree: TaskTree): number[] {
  const { parentTask, parentPart } = tree;
  const { tasks, shelters, partCount } = problem;
  const listed = new Uint8Array(tasks.length);
  const order: number[] = [];
  const waiting = new Float64Array(partCount);
  const atPart: number[][] = Array.from({ length: partCount }, () => []);
  const children: number[][] = Array.from({ length: partCount }, () => []);
  for (let p = 0; p < partCount; p++) if (parentTask[p]! >= 0) children[parentPart[p]!]!.push(p);
  const open = new Uint8Array(shelters.length);
  const version = new Int32Array(shelters.length);
  shelters.forEach((s, i) => {
    if (ways[i]!.length === 0) return;
    open[i] = 1;
    waiting[s.part]! += s.weight;
    atPart[s.part]!.push(i);
  });
  const gain = new Float64Array(partCount);
  const effort = new Float64Array(partCount);
  const heap = new RatioHeap();
  /** New values for the parts below `top` (whose parent is joined), and their shelters pushed. */
  const remeasure = (top: number): void => {
    const stack = [top];
    while (stack.length > 0) {
      const q = stack.pop()!;
      const p = parentPart[q]!;
      const joined = parentTask[p]! < 0 || listed[parentTask[p]!] !== 0;
      gain[q] = (joined ? 0 : gain[p]!) + waiting[q]!;
      effort[q] = (joined ? 0 : effort[p]!) + tasks[parentTask[q]!]!.personHours;
      for (const s of atPart[q]!) {
        if (open[s] === 0) continue;
        const ratio = effort[q]! > 0 ? gain[q]! / effort[q]! : Number.POSITIVE_INFINITY;
        heap.push(ratio, s, ++version[s]!);
      }
      for (const c of children[q]!) if (listed[parentTask[c]!] === 0) stack.push(c);
    }
  };
  for (let p = 0; p < partCount; p++) if (parentTask[p]! < 0) for (const c of children[p]!) remeasure(c);
  while (heap.size > 0) {
    const [best, seen] = heap.pop();
    if (open[best] === 0 || seen !== version[best]) continue;
    // List the rest of the best way from the exit outwards (marked 2 until listed); the shelters on
    // it are reached, and the parts hanging below it measure their ways again.
    const path: number[] = [];
    for (
      let p = shelters[best]!.part;
      parentTask[p]! >= 0 && listed[parentTask[p]!] === 0;
      p = parentPart[p]!
    ) {
      path.push(p);
      listed[parentTask[p]!] = 2;
      for (const i of atPart[p]!) open[i] = 0;
      waiting[p] = 0;
    }
    for (const t of ways[best]!) {
      if (listed[t] !== 2) continue;
      listed[t] = 1;
      order.push(t);
    }
    for (const p of path) for (const c of children[p]!) if (listed[parentTask[c]!] === 0) remeasure(c);
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

/** The tasks in the followed order of their passages, then the others in the fallback's order. */
function followedOrder(problem: ScheduleProblem, follow: readonly string[], fallback: number[]): number[] {
  const taskOf = new Map(problem.tasks.map((t, i) => [t.passageId, i]));
  const listed = new Set<number>();
  for (const id of follow) {
    const i = taskOf.get(id);
    if (i !== undefined && problem.tasks[i]!.keptBy < 0) listed.add(i);
  }
  return [...listed, ...fallback.filter((i) => !listed.has(i))];
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
  const tree = taskTree(problem);
  const ways = shelterWays(problem, tree);
  const decoder = new ScheduleDecoder(problem);
  const maxEvaluations = options.maxEvaluations ?? Number.POSITIVE_INFINITY;
  let evaluations = 0;
  // The starts are always decoded (a decode is cheap; their best is often far better than the
  // ratio order alone); the moves only while the budget lasts. The order being followed, when there
  // is one, comes first, so it is left only for a start that scores better.
  const ratio = ratioOrder(problem, ways, tree);
  const starts = [ratio, depthOrder(problem, ways), wsptOrder(problem, ways)];
  if (options.follow) starts.unshift(followedOrder(problem, options.follow, ratio));
  const result = { order: starts[0]!, schedule: decoder.decode(starts[0]!) };
  evaluations++;
  for (const order of starts.slice(1)) {
    const schedule = decoder.decode(order);
    evaluations++;
    if (schedule.score < result.schedule.score - 1e-9) Object.assign(result, { order, schedule });
  }
  const n = result.order.length;
  if (n < 2) return { ...result, evaluations, ways };
  const random = seededRandom(options.seed ?? 1);
  const pick = (): number => Math.floor(random() * n);
  const waysToClear = ways.filter((way) => way.length > 0);
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
      const way = new Set(waysToClear[Math.floor(random() * waysToClear.length)] ?? []);
      const front = candidate.filter((t) => way.has(t));
      if (front.length === 0) continue;
      candidate.splice(0, candidate.length, ...front, ...candidate.filter((t) => !way.has(t)));
    }
    const schedule = decoder.decode(candidate);
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
