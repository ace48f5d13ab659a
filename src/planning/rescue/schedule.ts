import type { WorkSegment } from './plan-types.ts';
import { nextOnShift, type ShiftPattern, spendHours } from './shifts.ts';
import type { TravelMatrix } from './travel.ts';
import { MemberSets } from './union-find.ts';
import { WalkingTimes } from './walking-times.ts';

// Crew scheduling on the passages to clear, after the clearing-team model of Berktaş, Kara and
// Karaşan (2016): a shelter becomes reachable when the passages between it and an exit are clear,
// and the aim is the least priority-weighted sum of those times. A schedule is decoded from a
// priority order of the passages by list scheduling: whenever a crew is free, it takes the first
// passage in the order that it can walk to through open or cleared passages, walks there, and
// clears it; a crew with nothing in reach waits for the next passage to be cleared. Walking and
// clearing happen on shift only. The order is then improved by local search (schedule-search.ts).
// A decode does no work in proportion to the whole site: walking times come from walking-times.ts
// (a climb through the groups joined so far), and the shelters of the parts that a clearance joins
// to the exits are marked once, from member lists of the parts.

export interface ScheduleTask {
  passageId: string;
  /** Key points (rows of the travel matrix) and point ids of the two ends. */
  keyA: number;
  keyB: number;
  pointA: string;
  pointB: string;
  /** Parts (components of the open passages, the exits all one part) of the two ends. */
  partA: number;
  partB: number;
  /** Hours to walk through the passage once it is clear. */
  lengthHours: number;
  /** Person-hours still to do. */
  personHours: number;
  percentDoneAtStart: number;
  /** The crew already on this task (kept when re-planning; it continues from end A), or -1. */
  keptBy: number;
}

export interface ScheduleCrew {
  id: string;
  size: number;
  pattern: ShiftPattern;
  /** Key point where the crew is at the start. */
  key: number;
}

export interface ScheduleShelter {
  id: string;
  part: number;
  weight: number;
}

export interface ScheduleProblem {
  now: number;
  travel: TravelMatrix;
  tasks: ScheduleTask[];
  crews: ScheduleCrew[];
  partCount: number;
  /** The part of the exits, or -1. */
  exitPart: number;
  shelters: ScheduleShelter[];
  /** The point id of each key point, to say where a crew enters and leaves a passage. */
  keyPoint: string[];
}

export interface ScheduledTask {
  task: number;
  crew: number;
  departAt: number;
  startAt: number;
  endAt: number;
  travelHours: number;
  workHours: number;
  segments: WorkSegment[];
  enterKey: number;
  exitKey: number;
}

export interface Schedule {
  tasks: ScheduledTask[];
  /** Per shelter: plan hours from which it is reachable, or null. */
  reachAt: Array<number | null>;
  /** Σ weight × (reachable time − now) over the shelters reached. */
  weightedHours: number;
  unreachedWeight: number;
  /** What the search minimises: unreached weight first, then weighted hours. */
  score: number;
}

/** Unreached weight counts as this many hours each: reaching someone always comes first. */
const unreachedPenalty = 1e7;

/** Decodes orders of one problem, keeping its work arrays from one order to the next. */
export class ScheduleDecoder {
  private readonly walks: WalkingTimes;
  private readonly parts: MemberSets;
  /** The shelters of each part: shelterList[shelterStart[p] .. shelterStart[p + 1] - 1]. */
  private readonly shelterStart: Int32Array;
  private readonly shelterList: Int32Array;

  constructor(readonly problem: ScheduleProblem) {
    this.walks = new WalkingTimes(problem.travel);
    const partCount = Math.max(1, problem.partCount);
    this.parts = new MemberSets(partCount);
    this.shelterStart = new Int32Array(partCount + 1);
    for (const s of problem.shelters) this.shelterStart[s.part + 1]!++;
    for (let p = 0; p < partCount; p++) this.shelterStart[p + 1]! += this.shelterStart[p]!;
    const fill = this.shelterStart.slice(0, partCount);
    this.shelterList = new Int32Array(problem.shelters.length);
    problem.shelters.forEach((s, i) => {
      this.shelterList[fill[s.part]!++] = i;
    });
  }

  decode(order: readonly number[]): Schedule {
    const { problem, walks, parts, shelterStart, shelterList } = this;
    const { now, tasks, crews, shelters, exitPart } = problem;
    walks.reset();
    parts.clear();
    const reachAt: Array<number | null> = shelters.map((s) =>
      exitPart >= 0 && s.part === exitPart ? now : null,
    );
    let unreachedCount = reachAt.filter((r) => r === null).length;
    const freeAt = new Float64Array(crews.length).fill(now);
    const position = Int32Array.from(crews, (c) => c.key);
    const active = new Uint8Array(crews.length).fill(1);
    const assigned = new Uint8Array(tasks.length);
    const scheduled: ScheduledTask[] = [];
    // Clearances not yet applied, as indices into `scheduled`.
    const pending: number[] = [];

    /** The shelters of the parts in the set whose root is r become reachable at t. */
    const reachSet = (r: number, t: number): void => {
      for (let p = r; p >= 0; p = parts.next[p]!)
        for (let k = shelterStart[p]!; k < shelterStart[p + 1]!; k++) {
          const i = shelterList[k]!;
          if (reachAt[i] === null) {
            reachAt[i] = t;
            unreachedCount--;
          }
        }
    };

    const applyUntil = (t: number): void => {
      for (;;) {
        let at = -1;
        for (let i = 0; i < pending.length; i++)
          if (at < 0 || scheduled[pending[i]!]!.endAt < scheduled[pending[at]!]!.endAt) at = i;
        if (at < 0) return;
        const s = scheduled[pending[at]!]!;
        if (s.endAt > t) return;
        pending.splice(at, 1);
        const task = tasks[s.task]!;
        walks.open(task.keyA, task.keyB, task.lengthHours);
        const ra = parts.find(task.partA);
        const rb = parts.find(task.partB);
        if (ra === rb) continue;
        if (unreachedCount > 0 && exitPart >= 0) {
          const exitRoot = parts.find(exitPart);
          if (ra === exitRoot) reachSet(rb, s.endAt);
          else if (rb === exitRoot) reachSet(ra, s.endAt);
        }
        parts.join(ra, rb);
      }
    };

    const assign = (
      c: number,
      t: number,
      taskIndex: number,
      enterKey: number,
      exitKey: number,
      walk: number,
    ) => {
      const crew = crews[c]!;
      const task = tasks[taskIndex]!;
      const segments: WorkSegment[] = [];
      const arrive = spendHours(crew.pattern, t, walk, segments);
      const workHours = task.personHours / crew.size;
      const startAt = nextOnShift(crew.pattern, arrive);
      const endAt = spendHours(crew.pattern, arrive, workHours, segments);
      assigned[taskIndex] = 1;
      pending.push(scheduled.length);
      scheduled.push({
        task: taskIndex,
        crew: c,
        departAt: walk > 0 ? nextOnShift(crew.pattern, t) : startAt,
        startAt,
        endAt,
        travelHours: walk,
        workHours,
        segments,
        enterKey,
        exitKey,
      });
      freeAt[c] = endAt;
      position[c] = exitKey;
    };

    tasks.forEach((task, i) => {
      if (task.keptBy >= 0) assign(task.keptBy, now, i, task.keyA, task.keyB, 0);
    });

    // Orders are scanned from the first task not yet given out.
    let first = 0;
    for (;;) {
      let c = -1;
      for (let i = 0; i < crews.length; i++) if (active[i] === 1 && (c < 0 || freeAt[i]! < freeAt[c]!)) c = i;
      if (c < 0) break;
      const t = freeAt[c]!;
      applyUntil(t);
      const here = position[c]!;
      const region = walks.region(here);
      let chosen = -1;
      let enterKey = -1;
      let exitKey = -1;
      let walk = Number.POSITIVE_INFINITY;
      while (first < order.length && assigned[order[first]!] === 1) first++;
      for (let k = first; k < order.length; k++) {
        const i = order[k]!;
        if (assigned[i] === 1) continue;
        const task = tasks[i]!;
        if (walks.region(task.keyA) !== region && walks.region(task.keyB) !== region) continue;
        const toA = walks.hours(here, task.keyA);
        const toB = walks.hours(here, task.keyB);
        chosen = i;
        [enterKey, exitKey, walk] = toA <= toB ? [task.keyA, task.keyB, toA] : [task.keyB, task.keyA, toB];
        break;
      }
      if (chosen >= 0) {
        assign(c, t, chosen, enterKey, exitKey, walk);
        continue;
      }
      // Nothing in reach: wait for the next clearance, or stop when none is coming.
      let next = Number.POSITIVE_INFINITY;
      for (const i of pending) next = Math.min(next, scheduled[i]!.endAt);
      if (next === Number.POSITIVE_INFINITY) active[c] = 0;
      else freeAt[c] = next;
    }
    applyUntil(Number.POSITIVE_INFINITY);
    let weightedHours = 0;
    let unreachedWeight = 0;
    let unreached = 0;
    shelters.forEach((s, i) => {
      const r = reachAt[i];
      if (r === null || r === undefined) {
        unreachedWeight += s.weight;
        unreached++;
      } else weightedHours += s.weight * (r - now);
    });
    return {
      tasks: scheduled,
      reachAt,
      weightedHours,
      unreachedWeight,
      // A shelter of weight zero still counts a little, so that it is reached too.
      score: weightedHours + unreachedPenalty * (unreachedWeight + 1e-3 * unreached),
    };
  }
}
