// Accepting an evacuation plan: it becomes the site's basis for convoys. In one transaction the
// previously accepted plan is superseded, every person the plan carries moves from ready to
// assigned, and anyone the superseded plan carried but this one does not goes back to ready. If a
// planned person is no longer ready (and not already assigned by the plan being superseded),
// nothing is written.
import { CorridorError } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import { assertTransition } from '../domain/lifecycle.ts';
import type { Database } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';
import * as repo from '../store/repos/plans.ts';
import { plannedPersonIds, requirePlan } from './plans.ts';

export interface Acceptance {
  plan: repo.StoredPlan;
  /** Moved from ready to assigned. */
  assigned: string[];
  /** Moved from assigned back to ready: carried by the superseded plan, not by this one. */
  returnedToReady: string[];
  supersededPlanId: string | null;
}

export function acceptPlan(db: Database, actor: Actor, id: string): Promise<Acceptance> {
  return translating(() =>
    db.transaction(async (tx) => {
      const plan = await requirePlan(tx, id, true);
      if (plan.status !== 'draft')
        throw new CorridorError('conflict', `only a draft can be accepted; this plan is ${plan.status}`, {
          status: plan.status,
        });
      const previousId = await repo.acceptedPlanId(tx, plan.siteId, true);
      const previous = previousId ? await requirePlan(tx, previousId) : undefined;
      const carried = plannedPersonIds(plan);
      const carriedBefore = new Set(previous ? plannedPersonIds(previous) : []);
      const carriedNow = new Set(carried);
      const dropped = [...carriedBefore].filter((p) => !carriedNow.has(p));
      const status = await repo.lockStatuses(tx, [...carried, ...dropped]);

      const notReady = carried
        .filter((p) => !(status.get(p) === 'ready' || (status.get(p) === 'assigned' && carriedBefore.has(p))))
        .map((p) => ({ id: p, status: status.get(p) ?? 'not registered' }));
      if (notReady.length > 0)
        throw new CorridorError(
          'conflict',
          `${notReady.length} of the people this plan carries ${notReady.length === 1 ? 'is' : 'are'} no longer ready (${notReady
            .slice(0, 5)
            .map((p) => `${p.id}: ${p.status}`)
            .join('; ')}${notReady.length > 5 ? ' …' : ''}); re-plan and accept the new plan`,
          { people: notReady },
        );

      const reason = `evacuation plan ${plan.id} accepted`;
      const changes: repo.StatusChange[] = [
        ...carried
          .filter((p) => status.get(p) === 'ready')
          .map((p) => ({ personId: p, from: 'ready' as const, to: 'assigned' as const, reason })),
        ...dropped
          .filter((p) => status.get(p) === 'assigned')
          .map((p) => ({
            personId: p,
            from: 'assigned' as const,
            to: 'ready' as const,
            reason: `${reason}; no seat for them in it`,
          })),
      ];
      for (const c of changes) assertTransition(c.from, c.to);
      const assigned = changes.filter((c) => c.to === 'assigned').map((c) => c.personId);
      const returnedToReady = changes.filter((c) => c.to === 'ready').map((c) => c.personId);
      await repo.applyStatusChanges(
        tx,
        actor,
        changes,
        changes.map(() => newId()),
      );
      if (previous) {
        await repo.setPlanStatus(tx, previous.id, 'superseded');
        await recordOperation(tx, actor, {
          entity: 'evacuation_plan',
          entityId: previous.id,
          action: 'supersede',
          before: { status: 'accepted' },
          after: { status: 'superseded', supersededBy: plan.id },
        });
      }
      await repo.setPlanStatus(tx, plan.id, 'accepted', actor.name);
      const after = (await repo.findPlan(tx, plan.id))!;
      await recordOperation(tx, actor, {
        entity: 'evacuation_plan',
        entityId: plan.id,
        action: 'accept',
        before: { status: 'draft' },
        after: {
          status: 'accepted',
          supersedes: previous?.id ?? null,
          assigned: assigned.length,
          returnedToReady: returnedToReady.length,
        },
      });
      return { plan: after, assigned, returnedToReady, supersededPlanId: previous?.id ?? null };
    }),
  );
}
