// Progress on the accepted rescue plan: "crew 2 cleared 40 % of passage S06-J03". A report is
// recorded with the crew moved to the passage; at 100 % the passage opens through the same path as
// a field report, in the same transaction. Then the plan is re-planned from the site as it now
// stands, crews kept on the passages they are clearing, and the result becomes its estimate.
import { CorridorError, unknownReference } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { ClearanceProgress, Crew } from '../domain/rescue.ts';
import { passageCode } from '../domain/rescue.ts';
import type { Passage } from '../domain/site.ts';
import { clearingOrder } from '../planning/rescue/index.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import * as repo from '../store/repos/rescue.ts';
import { findPassage, findPoint, listPassages } from '../store/repos/sites.ts';
import { moveCrewIn } from './rescue-crews.ts';
import { buildRescueInput } from './rescue-input.ts';
import { pastInstant, requireRescuePlan, resultDigest } from './rescue-plans.ts';
import { runRescuePlanner } from './rescue-solver.ts';
import { updatePassageIn } from './sites.ts';

/** A re-plan's budget unless the request says otherwise: the planner's own default. */
const defaultReplanSeconds = 0.8;

export interface ProgressInput {
  crewId: string;
  passageId: string;
  percent: number;
  note?: string | null | undefined;
  /** When the share was observed (default now). */
  at?: string | undefined;
  timeLimitSeconds?: number | undefined;
}

export interface RecordedProgress {
  progress: ClearanceProgress;
  passageOpened: boolean;
  plan: repo.StoredRescuePlan;
  /** Why the estimates could not be brought up to date (the report itself is recorded). */
  replanProblem: string | null;
}

async function codeOf(tx: Queryable, passage: Passage): Promise<string> {
  const [from, to] = [await findPoint(tx, passage.from), await findPoint(tx, passage.to)];
  return passageCode(from?.code ?? passage.from, to?.code ?? passage.to);
}

/** The end of the passage where the crew works from: where it stands, where the plan sends it in, or the end it can walk to. */
async function entryOf(
  tx: Queryable,
  plan: repo.StoredRescuePlan,
  crew: Crew,
  passage: Passage,
): Promise<string> {
  if (crew.positionId === passage.from || crew.positionId === passage.to) return crew.positionId;
  const current = plan.estimate?.result ?? plan.result;
  const task = current.crews.find((c) => c.crewId === crew.id)?.tasks.find((t) => t.passageId === passage.id);
  if (task && (task.enterAt === passage.from || task.enterAt === passage.to)) return task.enterAt;
  // Otherwise the end the crew can walk to through open passages.
  const next = new Map<string, string[]>();
  for (const p of await listPassages(tx, crew.siteId))
    if (p.state === 'open') {
      next.set(p.from, [...(next.get(p.from) ?? []), p.to]);
      next.set(p.to, [...(next.get(p.to) ?? []), p.from]);
    }
  const seen = new Set([crew.positionId]);
  const queue = [crew.positionId];
  for (let point = queue.shift(); point !== undefined; point = queue.shift()) {
    if (point === passage.from || point === passage.to) return point;
    for (const other of next.get(point) ?? [])
      if (!seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
  }
  return passage.from;
}

export function recordProgress(
  db: Database,
  actor: Actor,
  planId: string,
  input: ProgressInput,
): Promise<RecordedProgress> {
  const at = pastInstant(input.at, 'at');
  return translating(() =>
    db.transaction(async (tx) => {
      const plan = await requireRescuePlan(tx, planId, true);
      if (plan.status !== 'accepted')
        throw new CorridorError(
          'conflict',
          `progress is recorded on the site's accepted plan; this plan is ${plan.status}`,
          { status: plan.status },
        );
      if (at.getTime() < new Date(plan.planStart).getTime())
        throw new CorridorError(
          'validation_failed',
          `at: ${at.toISOString()} is before the plan started (${plan.planStart})`,
          { field: 'at' },
        );
      const crew = await repo.findCrew(tx, input.crewId, true);
      if (!crew || crew.siteId !== plan.siteId) throw unknownReference('crewId', input.crewId);
      if (crew.status !== 'active')
        throw new CorridorError('conflict', `crewId: crew ${crew.name} is ${crew.status}`, {
          field: 'crewId',
        });
      const passage = await findPassage(tx, input.passageId, true);
      if (!passage || passage.siteId !== plan.siteId) throw unknownReference('passageId', input.passageId);
      if (passage.state !== 'blocked')
        throw new CorridorError(
          'conflict',
          `passageId: passage ${await codeOf(tx, passage)} is ${passage.state}; only a blocked passage is cleared`,
          { field: 'passageId', state: passage.state },
        );

      const progress: ClearanceProgress = {
        id: newId(),
        planId,
        crewId: crew.id,
        passageId: passage.id,
        percent: input.percent,
        at: at.toISOString(),
        reportedBy: actor.name,
        note: input.note ?? null,
      };
      await repo.insertProgress(tx, { ...progress, reportedById: actor.userId });
      await recordOperation(tx, actor, {
        entity: 'clearance_progress',
        entityId: progress.id,
        action: 'create',
        before: null,
        after: progress,
      });
      const entry = await entryOf(tx, plan, crew, passage);
      const cleared = input.percent >= 100;
      // A crew that has cleared a passage stands at its far end.
      await moveCrewIn(
        tx,
        actor,
        crew,
        cleared ? (entry === passage.from ? passage.to : passage.from) : entry,
      );
      if (cleared) await updatePassageIn(tx, actor, passage.id, { state: 'open' }, 'report');
      return { progress, passageOpened: cleared, plan, replanProblem: null };
    }),
  );
}

/**
 * Re-plans the plan at `at` from the site as it stands and stores the result as its estimate,
 * unless a re-plan that had seen more was stored meanwhile. Estimates never go back in time.
 */
export async function estimatePlan(
  db: Database,
  actor: Actor,
  plan: repo.StoredRescuePlan,
  requested: Date,
  timeLimitSeconds = defaultReplanSeconds,
): Promise<repo.StoredRescuePlan> {
  const latest = plan.estimate ? new Date(plan.estimate.at).getTime() : 0;
  const at = new Date(Math.max(requested.getTime(), latest, new Date(plan.planStart).getTime()));
  const built = await buildRescueInput(db, plan.siteId, new Date(plan.planStart), at, plan.options);
  // The re-plan follows the plan's latest answer: it keeps that order unless it finds a better one.
  const followed = clearingOrder((plan.estimate ?? plan).result);
  const result = await runRescuePlanner(built.input, { ...built.progress, followed }, timeLimitSeconds);
  return translating(() =>
    db.transaction(async (tx) => {
      const stored = await repo.saveEstimate(tx, plan.id, {
        result,
        progress: built.progress,
        at: at.toISOString(),
        basis: built.basis,
      });
      if (stored)
        await recordOperation(tx, actor, {
          entity: 'rescue_plan',
          entityId: plan.id,
          action: 'estimate',
          before: null,
          after: { at: at.toISOString(), basis: built.basis, ...resultDigest(result) },
        });
      return (await repo.findRescuePlan(tx, plan.id))!;
    }),
  );
}

export interface ReplanRequest {
  at?: string | undefined;
  timeLimitSeconds?: number | undefined;
}

/** Re-plans the accepted plan now (after a collapse, a lost crew, people moved …). */
export async function replanAccepted(
  db: Database,
  actor: Actor,
  planId: string,
  request: ReplanRequest,
): Promise<repo.StoredRescuePlan> {
  const at = pastInstant(request.at, 'at');
  const plan = await requireRescuePlan(db, planId);
  if (plan.status !== 'accepted')
    throw new CorridorError(
      'conflict',
      `only the accepted plan is re-planned; this plan is ${plan.status} (make a new plan instead)`,
      { status: plan.status },
    );
  if (at.getTime() < new Date(plan.planStart).getTime())
    throw new CorridorError(
      'validation_failed',
      `at: ${at.toISOString()} is before the plan started (${plan.planStart})`,
      { field: 'at' },
    );
  return estimatePlan(db, actor, plan, at, request.timeLimitSeconds);
}

/**
 * Records a report, then re-plans at its time: what a field report of progress does. The report
 * stands even if the re-plan cannot be made; the answer then says why.
 */
export async function reportProgress(
  db: Database,
  actor: Actor,
  planId: string,
  input: ProgressInput,
): Promise<RecordedProgress> {
  const recorded = await recordProgress(db, actor, planId, input);
  try {
    const plan = await estimatePlan(
      db,
      actor,
      recorded.plan,
      new Date(recorded.progress.at),
      input.timeLimitSeconds ?? defaultReplanSeconds,
    );
    return { ...recorded, plan };
  } catch (error) {
    if (!(error instanceof CorridorError)) throw error;
    return { ...recorded, plan: await requireRescuePlan(db, planId), replanProblem: error.message };
  }
}
