// Rescue plans: made from the site as it stands (crews already on a passage stay on it), stored as
// drafts with exactly what the planner was given and answered, accepted (superseding the accepted
// one) or discarded. Progress and re-planning are in rescue-progress.ts.
import { CorridorError, notFound } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { RescuePlan } from '../planning/rescue/index.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import * as repo from '../store/repos/rescue.ts';
import { buildRescueInput } from './rescue-input.ts';
import { runRescuePlanner } from './rescue-solver.ts';
import { requireSite } from './sites.ts';

/** Seconds a plan may take unless the request says otherwise (env CORRIDOR_RESCUE_TIME_LIMIT). */
export const defaultRescueSeconds = (): number => {
  const configured = Number(process.env.CORRIDOR_RESCUE_TIME_LIMIT);
  return Number.isFinite(configured) && configured > 0 ? configured : 5;
};

/** Reports and plans may come from a device whose clock runs a little ahead. */
const clockSkewMs = 5 * 60_000;

export interface RescuePlanRequest {
  timeLimitSeconds?: number | undefined;
  /** The plan's start (default now): its time zero; not in the future. */
  at?: string | undefined;
  weights?: Record<string, number> | undefined;
  walkingSpeedKmh?: number | undefined;
  betweenExitsHours?: number | null | undefined;
}

/** An instant given in a request, refused when it lies in the future. */
export function pastInstant(value: string | undefined, field: string): Date {
  const at = value === undefined ? new Date() : new Date(value);
  if (at.getTime() > Date.now() + clockSkewMs)
    throw new CorridorError('validation_failed', `${field}: ${value} is in the future`, { field });
  return at;
}

export async function requireRescuePlan(
  db: Queryable,
  id: string,
  forUpdate = false,
): Promise<repo.StoredRescuePlan> {
  const plan = await repo.findRescuePlan(db, id, forUpdate);
  if (!plan) throw notFound('rescue plan', id);
  return plan;
}

/** What the operations log keeps of a plan or an estimate: its numbers. */
export const resultDigest = (result: RescuePlan) => ({
  personHours: result.effort.personHours,
  lowerBound: result.effort.lowerBound,
  passagesToClear: result.passagesToClear.length,
  sheltersReached: result.shelters.filter((s) => s.reachableAt !== null).length,
  sheltersNotReached: result.shelters.filter((s) => s.reachableAt === null).length,
  weightedHours: result.objective.weightedHours,
});

const planDigest = (plan: repo.StoredRescuePlan) => ({
  id: plan.id,
  siteId: plan.siteId,
  status: plan.status,
  planStart: plan.planStart,
  basedOn: plan.basedOn,
  ...resultDigest(plan.result),
});

export async function createRescuePlan(
  db: Database,
  actor: Actor,
  siteId: string,
  request: RescuePlanRequest,
): Promise<repo.StoredRescuePlan> {
  const at = pastInstant(request.at, 'at');
  await requireSite(db, siteId);
  const options: repo.RescuePlanOptions = {
    timeLimitSeconds: request.timeLimitSeconds ?? defaultRescueSeconds(),
    ...(request.weights ? { weights: request.weights } : {}),
    ...(request.walkingSpeedKmh !== undefined ? { walkingSpeedKmh: request.walkingSpeedKmh } : {}),
    ...(request.betweenExitsHours !== undefined ? { betweenExitsHours: request.betweenExitsHours } : {}),
  };
  const built = await buildRescueInput(db, siteId, at, at, options);
  const basedOn = (await repo.acceptedRescuePlanId(db, siteId)) ?? null;
  const result = await runRescuePlanner(built.input, built.progress, options.timeLimitSeconds);
  return translating(() =>
    db.transaction(async (tx) => {
      const id = newId();
      await repo.insertRescuePlan(tx, {
        id,
        siteId,
        status: 'draft',
        planStart: at.toISOString(),
        options,
        input: built.input,
        inputBasis: built.basis,
        result,
        basedOn,
        createdBy: actor.name,
        createdById: actor.userId,
      });
      const stored = (await repo.findRescuePlan(tx, id))!;
      await recordOperation(tx, actor, {
        entity: 'rescue_plan',
        entityId: id,
        action: 'create',
        before: null,
        after: planDigest(stored),
      });
      return stored;
    }),
  );
}

export interface RescueAcceptance {
  plan: repo.StoredRescuePlan;
  supersededPlanId: string | null;
}

/** Accepts a draft: crews work to it from now on; the accepted plan it replaces is superseded. */
export function acceptRescuePlan(db: Database, actor: Actor, id: string): Promise<RescueAcceptance> {
  return translating(() =>
    db.transaction(async (tx) => {
      const plan = await requireRescuePlan(tx, id, true);
      if (plan.status !== 'draft')
        throw new CorridorError('conflict', `only a draft can be accepted; this plan is ${plan.status}`, {
          status: plan.status,
        });
      const previousId = await repo.acceptedRescuePlanId(tx, plan.siteId, true);
      if (previousId) {
        await repo.setRescuePlanStatus(tx, previousId, 'superseded');
        await recordOperation(tx, actor, {
          entity: 'rescue_plan',
          entityId: previousId,
          action: 'supersede',
          before: { status: 'accepted' },
          after: { status: 'superseded', supersededBy: id },
        });
      }
      await repo.setRescuePlanStatus(tx, id, 'accepted', actor.name);
      await recordOperation(tx, actor, {
        entity: 'rescue_plan',
        entityId: id,
        action: 'accept',
        before: { status: 'draft' },
        after: { status: 'accepted', supersedes: previousId ?? null },
      });
      return { plan: (await repo.findRescuePlan(tx, id))!, supersededPlanId: previousId ?? null };
    }),
  );
}

export function discardRescuePlan(db: Database, actor: Actor, id: string): Promise<repo.StoredRescuePlan> {
  return translating(() =>
    db.transaction(async (tx) => {
      const plan = await requireRescuePlan(tx, id, true);
      if (plan.status !== 'draft')
        throw new CorridorError('conflict', `only a draft can be discarded; this plan is ${plan.status}`, {
          status: plan.status,
        });
      await repo.setRescuePlanStatus(tx, id, 'discarded');
      await recordOperation(tx, actor, {
        entity: 'rescue_plan',
        entityId: id,
        action: 'discard',
        before: { status: 'draft' },
        after: { status: 'discarded' },
      });
      return (await repo.findRescuePlan(tx, id))!;
    }),
  );
}
