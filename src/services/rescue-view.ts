// Rescue plans as people read them: the planner's hours from the plan's start turned into instants,
// passages named by the codes of their ends (S06-J03), points by their codes, crews by their names.
import { instantAfter, passageCode } from '../domain/rescue.ts';
import type { RescuePlan } from '../planning/rescue/index.ts';
import type { Queryable } from '../store/database.ts';
import * as repo from '../store/repos/rescue.ts';

interface Names {
  point: (id: string) => { id: string; code: string };
  passage: (id: string) => { passageId: string; code: string };
  crew: (id: string) => string;
}

async function namesFor(db: Queryable, results: readonly RescuePlan[], extraCrews: string[] = []) {
  const pointIds = new Set<string>();
  const passageIds = new Set<string>();
  const crewIds = new Set(extraCrews);
  for (const r of results) {
    for (const p of r.passagesToClear) passageIds.add(p.passageId);
    for (const s of r.shelters) {
      pointIds.add(s.shelterId);
      for (const id of s.needs) passageIds.add(id);
    }
    for (const c of r.crews) {
      crewIds.add(c.crewId);
      for (const t of c.tasks) {
        passageIds.add(t.passageId);
        pointIds.add(t.enterAt);
        pointIds.add(t.exitAt);
      }
    }
  }
  const codes = await repo.codesOf(db, [...pointIds], [...passageIds]);
  const crews = await repo.crewNames(db, [...crewIds]);
  const names: Names = {
    point: (id) => ({ id, code: codes.points.get(id) ?? id }),
    passage: (id) => {
      const ends = codes.passages.get(id);
      return { passageId: id, code: ends ? passageCode(ends.from, ends.to) : id };
    },
    crew: (id) => crews.get(id) ?? id,
  };
  return names;
}

/** One planner answer with clock times; `start` is the plan's start (its hour 0). */
function resultView(result: RescuePlan, start: string, names: Names) {
  const at = (hours: number) => instantAfter(start, hours);
  return {
    at: at(result.now),
    effort: result.effort,
    objective: result.objective,
    passagesToClear: result.passagesToClear.map((p) => ({
      ...names.passage(p.passageId),
      personHours: p.personHours,
      shelters: p.shelters.map(names.point),
    })),
    crews: result.crews.map((c) => ({
      crewId: c.crewId,
      name: names.crew(c.crewId),
      tasks: c.tasks.map((t) => ({
        ...names.passage(t.passageId),
        departAt: at(t.departAt),
        startAt: at(t.startAt),
        endAt: at(t.endAt),
        travelHours: t.travelHours,
        workHours: t.workHours,
        segments: t.segments.map((s) => ({ start: at(s.start), end: at(s.end) })),
        enterAt: names.point(t.enterAt),
        exitAt: names.point(t.exitAt),
        percentDoneAtStart: t.percentDoneAtStart,
      })),
    })),
    shelters: result.shelters.map((s) => ({
      ...names.point(s.shelterId),
      weight: s.weight,
      reachableAt: s.reachableAt === null ? null : at(s.reachableAt),
      reason: s.reason ?? null,
      needs: s.needs.map(names.passage),
    })),
    warnings: result.warnings,
    seconds: result.seconds,
  };
}

export type ResultView = ReturnType<typeof resultView>;

const head = (plan: repo.StoredRescuePlan) => ({
  id: plan.id,
  siteId: plan.siteId,
  status: plan.status,
  planStart: plan.planStart,
  options: plan.options,
  basedOn: plan.basedOn,
  createdBy: plan.createdBy,
  createdAt: plan.createdAt,
  acceptedBy: plan.acceptedBy,
  acceptedAt: plan.acceptedAt,
  statusChangedAt: plan.statusChangedAt,
});

/** Whether the site has changed since the plan's current answer (its estimate, or the plan itself). */
export const isStale = (db: Queryable, plan: repo.StoredRescuePlan): Promise<boolean> =>
  repo.siteChangedSince(db, plan.siteId, plan.estimate?.basis ?? plan.inputBasis);

/** A plan: the answer it was accepted with, its current estimate, and the progress reported on it. */
export async function rescuePlanView(db: Queryable, plan: repo.StoredRescuePlan) {
  const progress = await repo.listProgress(db, plan.id);
  const results = plan.estimate ? [plan.result, plan.estimate.result] : [plan.result];
  const names = await namesFor(
    db,
    results,
    progress.map((p) => p.crewId),
  );
  const codes = await repo.codesOf(
    db,
    [],
    progress.map((p) => p.passageId),
  );
  return {
    ...head(plan),
    result: resultView(plan.result, plan.planStart, names),
    estimate: plan.estimate ? resultView(plan.estimate.result, plan.planStart, names) : null,
    stale: await isStale(db, plan),
    progress: progress.map((p) => {
      const ends = codes.passages.get(p.passageId);
      return {
        ...p,
        crewName: names.crew(p.crewId),
        passageCode: ends ? passageCode(ends.from, ends.to) : p.passageId,
      };
    }),
  };
}

/**
 * What the site diagram shows: the accepted plan's current estimates (its latest re-plan, or the
 * plan as accepted), and whether the site has changed since they were made.
 */
export async function siteEstimates(db: Queryable, siteId: string) {
  const id = await repo.acceptedRescuePlanId(db, siteId);
  const plan = id ? await repo.findRescuePlan(db, id) : undefined;
  if (!plan) return { siteId, plan: null, source: null, stale: false, estimate: null };
  const current = plan.estimate?.result ?? plan.result;
  const names = await namesFor(db, [current]);
  return {
    siteId,
    plan: {
      id: plan.id,
      status: plan.status,
      planStart: plan.planStart,
      acceptedBy: plan.acceptedBy,
      acceptedAt: plan.acceptedAt,
    },
    source: plan.estimate ? ('estimate' as const) : ('plan' as const),
    stale: await isStale(db, plan),
    estimate: resultView(current, plan.planStart, names),
  };
}
