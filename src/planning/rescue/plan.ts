import type { Highs } from 'highs';
import { distancesFrom } from './paths.ts';
import type {
  ClearanceTask,
  PlanOptions,
  RescueInput,
  RescuePassage,
  RescuePlan,
  RescueProgress,
  ShelterOutcome,
} from './plan-types.ts';
import type { ScheduleProblem, ScheduleTask } from './schedule.ts';
import { searchSchedule } from './schedule-search.ts';
import { buildSiteModel, RescueInputError, validateInput } from './site-graph.ts';
import { type SteinerSolution, solveSteiner } from './solve.ts';
import { openTravelMatrix } from './travel.ts';
import { UnionFind } from './union-find.ts';

// The rescue planner: which blocked passages to clear (the least total effort that joins every
// occupied shelter to an exit — a Steiner tree, with its lower bound), then which crew clears
// which passage when (list scheduling with local search, weighted by the people waiting). A
// re-plan applies what has happened since, keeps every crew on the task it is doing, and plans
// the rest afresh. Pure: plain data in, plain data out; solver-thread.ts runs it off the main thread.

interface KeptTask {
  crew: number;
  passage: number;
  remaining: number;
  percent: number;
}

const passageName = (p: RescuePassage): string => p.code ?? p.id;

/** Applies the progress to a copy of the passages and crews; returns what the crews keep doing. */
function applyProgress(input: RescueInput, progress: RescueProgress | undefined, warnings: string[]) {
  const passages = input.passages.map((p) => ({ ...p }));
  const index = new Map(passages.map((p, i) => [p.id, i]));
  const passage = (id: string): RescuePassage => {
    const i = index.get(id);
    if (i === undefined) throw new RescueInputError(`passage ${id} is not a passage of the site`);
    return passages[i]!;
  };
  if (!progress) return { passages, crews: [...input.crews], kept: [] as KeptTask[] };
  if (!Number.isFinite(progress.now)) throw new RescueInputError('progress.now must be a number of hours');
  for (const id of progress.cleared ?? []) {
    const p = passage(id);
    p.state = 'open';
    p.clearancePersonHours = null;
  }
  for (const change of progress.changed ?? []) {
    const p = passage(change.passageId);
    if (!['open', 'blocked', 'unsafe', 'impassable'].includes(change.state))
      throw new RescueInputError(`passage ${passageName(p)}: unknown state ${change.state}`);
    const hours = change.state === 'blocked' ? (change.clearancePersonHours ?? p.clearancePersonHours) : null;
    if (change.state === 'blocked' && !(typeof hours === 'number' && hours > 0 && Number.isFinite(hours)))
      throw new RescueInputError(`blocked passage ${passageName(p)} needs clearancePersonHours > 0`);
    p.state = change.state;
    p.clearancePersonHours = hours;
  }
  const crewIds = new Set(input.crews.map((c) => c.id));
  const lost = new Set(progress.lostCrews ?? []);
  for (const id of lost)
    if (!crewIds.has(id)) throw new RescueInputError(`crew ${id} is not a crew of the plan`);
  const crews = input.crews.filter((c) => !lost.has(c.id));
  const crewIndex = new Map(crews.map((c, i) => [c.id, i]));
  const kept: KeptTask[] = [];
  const busyCrews = new Set<string>();
  const busyPassages = new Set<string>();
  for (const task of progress.inProgress ?? []) {
    const p = passage(task.passageId);
    if (!crewIds.has(task.crewId))
      throw new RescueInputError(`crew ${task.crewId} is not a crew of the plan`);
    if (!(Number.isFinite(task.percentDone) && task.percentDone >= 0 && task.percentDone <= 100))
      throw new RescueInputError(`crew ${task.crewId}: percentDone must be between 0 and 100`);
    if (busyCrews.has(task.crewId))
      throw new RescueInputError(`crew ${task.crewId} is on two passages at once`);
    if (busyPassages.has(p.id)) throw new RescueInputError(`passage ${passageName(p)} is given to two crews`);
    busyCrews.add(task.crewId);
    busyPassages.add(p.id);
    if (lost.has(task.crewId)) {
      warnings.push(`crew ${task.crewId} is lost: passage ${passageName(p)} is left to the others`);
      continue;
    }
    if (p.state !== 'blocked') {
      warnings.push(
        `passage ${passageName(p)} is ${p.state} now: crew ${task.crewId} is free for other work`,
      );
      continue;
    }
    if (task.percentDone >= 100) {
      p.state = 'open';
      p.clearancePersonHours = null;
      continue;
    }
    kept.push({
      crew: crewIndex.get(task.crewId)!,
      passage: index.get(p.id)!,
      remaining: p.clearancePersonHours! * (1 - task.percentDone / 100),
      percent: task.percentDone,
    });
  }
  return { passages, crews, kept };
}

/**
 * The order a re-plan follows: the one the plan's schedule was decoded from, or, for a plan stored
 * before plans kept it, the order its crews set off for their passages.
 */
export function clearingOrder(plan: RescuePlan): readonly string[] {
  return (
    plan.order ??
    plan.crews
      .flatMap((c) => c.tasks)
      .sort((a, b) => a.departAt - b.departAt || a.startAt - b.startAt)
      .map((t) => t.passageId)
  );
}

export interface ComputeOptions extends PlanOptions {
  /** HiGHS for the Steiner MILP on small sites (the worker passes its instance). */
  highs?: Highs;
}

export function computeRescuePlan(
  input: RescueInput,
  progress?: RescueProgress,
  options: ComputeOptions = {},
): RescuePlan {
  const started = performance.now();
  const budgetMs = 1000 * (options.timeLimitSeconds ?? (progress ? 0.8 : 5));
  const deadline = started + budgetMs;
  validateInput(input);
  const warnings: string[] = [];
  const now = progress?.now ?? 0;
  const { passages, crews, kept } = applyProgress(input, progress, warnings);
  const site: RescueInput = { ...input, passages, crews };
  const keptPassages = new Set(kept.map((k) => k.passage));
  const passageIndex = new Map(passages.map((p, i) => [p.id, i]));
  const model = buildSiteModel(
    site,
    (p) => p.state === 'open' || keptPassages.has(passageIndex.get(p.id)!),
    (p) => p.clearancePersonHours!,
  );

  // Which passages to clear.
  let steiner: SteinerSolution | undefined;
  if (model.problem.terminals.length >= 2)
    steiner = solveSteiner(model.problem, {
      timeLimitSeconds: (0.3 * budgetMs) / 1000,
      highs: options.highs,
    });
  const backbone = (steiner?.edges ?? []).map((e) => model.edgePassage[e]!);
  const keptEffort = kept.reduce((sum, k) => sum + k.remaining, 0);
  const personHours = (steiner?.cost ?? 0) + keptEffort;
  const lowerBound = Math.min(personHours, (steiner?.lowerBound ?? 0) + keptEffort);

  // The schedule: parts of the open passages, key points, walking times.
  const pointCount = site.points.length;
  const parts = new UnionFind(pointCount);
  const exits = site.points.flatMap((p, i) => (p.kind === 'exit' ? [i] : []));
  for (const e of exits) parts.union(exits[0]!, e);
  const speedMetresPerHour = 1000 * (site.walkingSpeedKmh ?? 2);
  const openEdges = { from: [] as number[], to: [] as number[], hours: [] as number[] };
  for (const p of passages) {
    if (p.state !== 'open') continue;
    const a = model.pointIndex.get(p.from)!;
    const b = model.pointIndex.get(p.to)!;
    parts.union(a, b);
    if (a === b) continue;
    openEdges.from.push(a);
    openEdges.to.push(b);
    openEdges.hours.push(p.lengthM / speedMetresPerHour);
  }
  const partOf = new Map<number, number>();
  const part = (point: number): number => {
    const rep = parts.find(point);
    let id = partOf.get(rep);
    if (id === undefined) {
      id = partOf.size;
      partOf.set(rep, id);
    }
    return id;
  };
  for (let i = 0; i < pointCount; i++) part(i);
  const keyPoints: number[] = [];
  const keyOf = new Map<number, number>();
  const key = (point: number): number => {
    let k = keyOf.get(point);
    if (k === undefined) {
      k = keyPoints.length;
      keyPoints.push(point);
      keyOf.set(point, k);
    }
    return k;
  };
  for (const c of crews) key(model.pointIndex.get(c.at)!);
  const taskOf = (
    passage: number,
    keptBy: number,
    crewAt: string | undefined,
    percent: number,
    remaining: number,
  ): ScheduleTask => {
    const p = passages[passage]!;
    // A kept task continues from the end where its crew is.
    const [enter, leave] = crewAt === p.to ? [p.to, p.from] : [p.from, p.to];
    const a = model.pointIndex.get(enter)!;
    const b = model.pointIndex.get(leave)!;
    return {
      passageId: p.id,
      keyA: key(a),
      keyB: key(b),
      pointA: enter,
      pointB: leave,
      partA: part(a),
      partB: part(b),
      lengthHours: p.lengthM / speedMetresPerHour,
      personHours: remaining,
      percentDoneAtStart: percent,
      keptBy,
    };
  };
  const tasks: ScheduleTask[] = [
    ...kept.map((k) => taskOf(k.passage, k.crew, crews[k.crew]!.at, k.percent, k.remaining)),
    ...backbone.map((i) => taskOf(i, -1, undefined, 0, passages[i]!.clearancePersonHours!)),
  ];
  const outside = site.betweenExitsHours ?? null;
  const exitKeys = outside === null ? [] : exits.map(key);
  const travel = openTravelMatrix(pointCount, openEdges, keyPoints, exitKeys, outside);
  const reachable = model.shelters.filter((s) => s.status !== 'cut-off');
  const problem: ScheduleProblem = {
    now,
    travel,
    tasks,
    crews: crews.map((c) => ({
      id: c.id,
      size: c.size,
      pattern: { hoursPerShift: c.hoursPerShift, restHours: c.restHours, shiftStart: c.shiftStartedAt ?? 0 },
      key: keyOf.get(model.pointIndex.get(c.at)!)!,
    })),
    partCount: partOf.size,
    exitPart: exits.length > 0 ? part(exits[0]!) : -1,
    shelters: reachable.map((s) => ({ id: s.shelterId, part: part(s.point), weight: s.weight })),
    keyPoint: keyPoints.map((p) => site.points[p]!.id),
  };
  // The last twentieth of the budget is kept for writing the answer. When the phases before have
  // used it all (a large site on a busy machine), the search decodes its first order and stops.
  const found = searchSchedule(problem, {
    deadline: deadline - 0.05 * budgetMs,
    maxEvaluations: options.maxScheduleEvaluations,
    seed: options.seed,
    ...(progress?.followed ? { follow: progress.followed } : {}),
  });
  const { schedule, ways } = found;

  // The answer.
  const neededBy = new Map<number, string[]>();
  ways.forEach((way, s) => {
    for (const t of way) {
      const list = neededBy.get(t);
      if (list) list.push(problem.shelters[s]!.id);
      else neededBy.set(t, [problem.shelters[s]!.id]);
    }
  });
  const scheduledPassages = new Set(schedule.tasks.map((st) => tasks[st.task]!.passageId));
  const crewTasks = crews.map((c) => ({ crewId: c.id, tasks: [] as ClearanceTask[] }));
  for (const s of [...schedule.tasks].sort((a, b) => a.departAt - b.departAt || a.task - b.task)) {
    const task = tasks[s.task]!;
    crewTasks[s.crew]!.tasks.push({
      passageId: task.passageId,
      crewId: crews[s.crew]!.id,
      departAt: s.departAt,
      startAt: s.startAt,
      endAt: s.endAt,
      travelHours: s.travelHours,
      workHours: s.workHours,
      segments: s.segments,
      enterAt: problem.keyPoint[s.enterKey]!,
      exitAt: problem.keyPoint[s.exitKey]!,
      percentDoneAtStart: task.percentDoneAtStart,
    });
  }
  const reachIndex = new Map(reachable.map((s, i) => [s.shelterId, i]));
  const fromRoot =
    model.root >= 0 && model.problem.graph.nodeCount > 0
      ? distancesFrom(model.problem.graph, [model.root]).dist
      : undefined;
  const totalCrewSize = crews.reduce((sum, c) => sum + c.size, 0);
  let objectiveBound = 0;
  const shelters: ShelterOutcome[] = model.shelters.map((s) => {
    const outcome: ShelterOutcome = {
      shelterId: s.shelterId,
      weight: s.weight,
      reachableAt: null,
      needs: [],
    };
    if (s.status === 'cut-off') {
      outcome.reason = s.reason;
      return outcome;
    }
    const i = reachIndex.get(s.shelterId)!;
    outcome.needs = ways[i]!.map((t) => tasks[t]!.passageId);
    const at = schedule.reachAt[i] ?? null;
    outcome.reachableAt = at;
    if (at === null) {
      const waiting = outcome.needs.filter((id) => !scheduledPassages.has(id));
      const named = waiting
        .map((id) => passageName(passages[passageIndex.get(id)!]!))
        .slice(0, 8)
        .join(', ');
      outcome.reason =
        crews.length === 0
          ? 'no crew is available to clear the passages on its way out'
          : `no crew can get to the passages on its way out (${named})`;
    } else if (fromRoot && totalCrewSize > 0 && s.status === 'needs') {
      // No crew work goes faster than all crews together on the cheapest way out.
      objectiveBound += s.weight * (fromRoot[s.node]! / totalCrewSize);
    }
    return outcome;
  });
  if (crews.length === 0 && tasks.length > 0) warnings.push('no crew is available: nothing can be cleared');
  tasks.forEach((t, i) => {
    if (t.keptBy >= 0 && !neededBy.has(i))
      warnings.push(
        `crew ${crews[t.keptBy]!.id} stays on passage ${passageName(passages[passageIndex.get(t.passageId)!]!)}, which no shelter needs any more`,
      );
  });
  const passagesToClear = tasks.map((t, i) => ({
    passageId: t.passageId,
    personHours: t.personHours,
    shelters: neededBy.get(i) ?? [],
  }));
  return {
    effort: {
      personHours,
      lowerBound,
      gap: personHours > 0 ? (personHours - lowerBound) / personHours : 0,
      optimal: personHours - lowerBound <= 1e-9 * Math.max(1, personHours),
      method: steiner?.method ?? 'none needed',
      boundMethod: steiner?.boundMethod ?? 'none needed',
    },
    passagesToClear,
    crews: crewTasks,
    shelters,
    objective: {
      weightedHours: schedule.weightedHours,
      lowerBound: Math.min(objectiveBound, schedule.weightedHours),
    },
    warnings,
    now,
    seconds: (performance.now() - started) / 1000,
    order: [...kept.map((k) => passages[k.passage]!.id), ...found.order.map((t) => tasks[t]!.passageId)],
  };
}
