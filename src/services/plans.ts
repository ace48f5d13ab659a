// Evacuation plans: made from the registry and the fleet as they stand, stored as drafts with
// exactly what the planner was given and answered, re-planned from an earlier plan, or discarded.
// Acceptance is in plan-accept.ts.
import { CorridorError, notFound } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { EvacuationGroup, EvacuationPlan, PriorityClass } from '../planning/evacuation/model.ts';
import { runPlanner } from '../planning/evacuation/thread.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import * as repo from '../store/repos/plans.ts';
import { buildEvacuationInput } from './evacuation-input.ts';

/** Seconds a plan may take unless the request says otherwise (env CORRIDOR_PLAN_TIME_LIMIT). */
export const defaultPlanSeconds = (): number => {
  const configured = Number(process.env.CORRIDOR_PLAN_TIME_LIMIT);
  return Number.isFinite(configured) && configured > 0 ? configured : 10;
};

export interface PlanRequest {
  timeLimitSeconds?: number | undefined;
  priorityWeights?: Partial<Record<PriorityClass, number>> | undefined;
  /** The plan's start (default: now); windows are judged as they stand then. */
  at?: string | undefined;
}

export interface ReplanRequest {
  cancelledWindowIds?: string[] | undefined;
  lostVehicleIds?: string[] | undefined;
  notifiedTripIds?: string[] | undefined;
  timeLimitSeconds?: number | undefined;
}

/** The people a plan carries (not those it leaves out). */
export function plannedPersonIds(plan: Pick<repo.StoredPlan, 'input' | 'result'>): string[] {
  const groups = new Map(plan.input.groups.map((g) => [g.id, g]));
  return plan.result.trips.flatMap((t) =>
    t.groupIds.flatMap((id) => groups.get(id)!.members.map((m) => m.id)),
  );
}

export async function requirePlan(db: Queryable, id: string, forUpdate = false): Promise<repo.StoredPlan> {
  const plan = await repo.findPlan(db, id, forUpdate);
  if (!plan) throw notFound('evacuation plan', id);
  return plan;
}

/** The people still assigned by the site's accepted plan: a new plan may place them again. */
async function stillAssigned(db: Queryable, siteId: string): Promise<string[]> {
  const acceptedId = await repo.acceptedPlanId(db, siteId);
  return acceptedId ? plannedPersonIds(await requirePlan(db, acceptedId)) : [];
}

/** What the operations log keeps of a plan: its numbers, not its people. */
export const planDigest = (plan: repo.StoredPlan) => ({
  id: plan.id,
  siteId: plan.siteId,
  status: plan.status,
  planStart: plan.planStart,
  basedOn: plan.basedOn,
  trips: plan.result.trips.length,
  peopleEvacuated: plan.result.value.peopleEvacuated,
  weightedEvacuated: plan.result.value.weightedEvacuated,
  upperBound: plan.result.bound.upperBound,
});

async function store(
  db: Database,
  actor: Actor,
  plan: Omit<repo.StoredPlan, 'createdAt' | 'statusChangedAt' | 'acceptedBy' | 'acceptedAt'>,
  action: string,
): Promise<repo.StoredPlan> {
  return translating(() =>
    db.transaction(async (tx) => {
      await repo.insertPlan(tx, plan);
      const stored = (await repo.findPlan(tx, plan.id))!;
      await recordOperation(tx, actor, {
        entity: 'evacuation_plan',
        entityId: plan.id,
        action,
        before: null,
        after: planDigest(stored),
      });
      return stored;
    }),
  );
}

export async function createPlan(
  db: Database,
  actor: Actor,
  siteId: string,
  request: PlanRequest,
): Promise<repo.StoredPlan> {
  const at = request.at ? new Date(request.at) : new Date();
  const timeLimitSeconds = request.timeLimitSeconds ?? defaultPlanSeconds();
  const built = await buildEvacuationInput(db, siteId, {
    at,
    priorityWeights: request.priorityWeights,
    alsoPlannable: await stillAssigned(db, siteId),
  });
  const { plan } = await runPlanner({ kind: 'plan', input: built.input, options: { timeLimitSeconds } });
  return store(
    db,
    actor,
    {
      id: newId(),
      siteId,
      status: 'draft',
      createdBy: actor.name,
      createdById: actor.userId,
      planStart: built.input.planStart,
      options: {
        timeLimitSeconds,
        ...(request.priorityWeights ? { priorityWeights: request.priorityWeights } : {}),
      },
      input: built.input,
      context: built.context,
      result: plan,
      basedOn: null,
    },
    'create',
  );
}

function refuseUnknown(
  field: string,
  ids: readonly string[],
  known: ReadonlySet<string>,
  what: string,
): void {
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new CorridorError(
      'unknown_reference',
      `${field} refers to ${unknown.join(', ')}, which ${unknown.length === 1 ? 'is' : 'are'} not ${what} of the plan`,
      { field, ids: unknown },
    );
}

// A stored plan comes back from jsonb with its keys in another order: compare with sorted keys.
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
const sameGroup = (a: EvacuationGroup, b: EvacuationGroup) => canonical(a) === canonical(b);

/**
 * A new draft from an earlier plan after windows are cancelled or vehicles lost (named in the
 * request, or marked lost or out of service since), keeping its trips where they still can run.
 * The registry is read again: people newly ready are added; people no longer ready are dropped
 * from their trips; a group whose members changed is planned afresh.
 */
export async function replanPlan(
  db: Database,
  actor: Actor,
  id: string,
  request: ReplanRequest,
): Promise<repo.StoredPlan> {
  const previous = await requirePlan(db, id);
  if (previous.status !== 'draft' && previous.status !== 'accepted')
    throw new CorridorError(
      'conflict',
      `the plan is ${previous.status}; re-plan from the accepted plan or a draft instead`,
      { status: previous.status },
    );
  const cancelled = request.cancelledWindowIds ?? [];
  const lost = request.lostVehicleIds ?? [];
  const notified = request.notifiedTripIds ?? [];
  refuseUnknown('cancelledWindowIds', cancelled, new Set(previous.input.windows.map((w) => w.id)), 'windows');
  refuseUnknown('lostVehicleIds', lost, new Set(previous.input.vehicles.map((v) => v.id)), 'vehicles');
  refuseUnknown('notifiedTripIds', notified, new Set(previous.result.trips.map((t) => t.id)), 'trips');

  const built = await buildEvacuationInput(db, previous.siteId, {
    at: new Date(previous.planStart),
    priorityWeights: previous.options.priorityWeights,
    alsoPlannable: await stillAssigned(db, previous.siteId),
  });
  const current = new Map(built.input.groups.map((g) => [g.id, g]));
  const kept = previous.input.groups.filter((g) => current.has(g.id) && sameGroup(g, current.get(g.id)!));
  const keptIds = new Set(kept.map((g) => g.id));
  const newGroups = built.input.groups.filter((g) => !keptIds.has(g.id));
  const previousPeople = new Set(previous.input.groups.flatMap((g) => g.members.map((m) => m.id)));
  const currentPeople = new Set(built.input.groups.flatMap((g) => g.members.map((m) => m.id)));

  // Vehicles marked lost or out of service since count as lost; windows and vehicles that have
  // become usable since are added (they cannot break a kept trip).
  const available = new Set(built.input.vehicles.map((v) => v.id));
  const lostNow = [
    ...new Set([...lost, ...previous.input.vehicles.filter((v) => !available.has(v.id)).map((v) => v.id)]),
  ];
  const known = (list: Array<{ id: string }>) => new Set(list.map((x) => x.id));
  const oldWindows = known(previous.input.windows);
  const oldVehicles = known(previous.input.vehicles);
  const trips = previous.result.trips
    .map((t) => ({ ...t, groupIds: t.groupIds.filter((g) => keptIds.has(g)) }))
    .filter((t) => t.groupIds.length > 0);
  const previousPlan: EvacuationPlan = {
    ...previous.result,
    trips,
    leftOut: previous.result.leftOut.filter((g) => keptIds.has(g.groupId)),
  };
  const timeLimitSeconds = request.timeLimitSeconds ?? defaultPlanSeconds();
  const answer = await runPlanner({
    kind: 'replan',
    previous: {
      input: {
        ...previous.input,
        groups: kept,
        windows: [...previous.input.windows, ...built.input.windows.filter((w) => !oldWindows.has(w.id))],
        vehicles: [...previous.input.vehicles, ...built.input.vehicles.filter((v) => !oldVehicles.has(v.id))],
      },
      plan: previousPlan,
    },
    changes: {
      cancelledWindowIds: cancelled,
      lostVehicleIds: lostNow,
      newGroups,
      notifiedTripIds: notified.filter((t) => trips.some((k) => k.id === t)),
    },
    options: { timeLimitSeconds },
  });
  const replanned = answer.replanned!;
  return store(
    db,
    actor,
    {
      id: newId(),
      siteId: previous.siteId,
      status: 'draft',
      createdBy: actor.name,
      createdById: actor.userId,
      planStart: previous.planStart,
      options: { ...previous.options, timeLimitSeconds },
      input: replanned.input,
      context: {
        ...built.context,
        vehicles: { ...previous.context.vehicles, ...built.context.vehicles },
        windows: { ...previous.context.windows, ...built.context.windows },
        replan: {
          cancelledWindowIds: cancelled,
          lostVehicleIds: lostNow,
          newlyReadyPeople: [...currentPeople].filter((p) => !previousPeople.has(p)).length,
          noLongerReadyPeople: [...previousPeople].filter((p) => !currentPeople.has(p)).length,
          notifiedTripIds: notified,
          brokenNotifiedTripIds: [
            ...replanned.brokenNotifiedTripIds,
            ...notified.filter((t) => !trips.some((k) => k.id === t)),
          ],
        },
      },
      result: answer.plan,
      basedOn: previous.id,
    },
    'replan',
  );
}

export function discardPlan(db: Database, actor: Actor, id: string): Promise<repo.StoredPlan> {
  return translating(() =>
    db.transaction(async (tx) => {
      const plan = await requirePlan(tx, id, true);
      if (plan.status !== 'draft')
        throw new CorridorError('conflict', `only a draft can be discarded; this plan is ${plan.status}`, {
          status: plan.status,
        });
      await repo.setPlanStatus(tx, id, 'discarded');
      const after = (await repo.findPlan(tx, id))!;
      await recordOperation(tx, actor, {
        entity: 'evacuation_plan',
        entityId: id,
        action: 'discard',
        before: { status: plan.status },
        after: { status: after.status },
      });
      return after;
    }),
  );
}
