// The evacuation plan routes (src/server/routes/plans.ts) as the screens use them. The shapes are the
// server's own response schemas, so the app and the API cannot drift apart.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { PriorityClass } from '../../../src/planning/evacuation/model.ts';
import type { Logistics } from '../../../src/server/schemas/logistics.ts';
import type {
  PlanAcceptance,
  PlanSummary,
  PlanView,
  ReplanInput,
} from '../../../src/server/schemas/plans.ts';
import { api } from '../api/client.ts';
import type { Items } from '../api/types.ts';

export type Plan = Static<typeof PlanView>;
export type PlanListItem = Static<typeof PlanSummary>;
export type Trip = Plan['trips'][number];
export type LeftOutGroup = Plan['leftOut'][number];
export type PlanGroup = Trip['groups'][number];
export type PlanPerson = PlanGroup['people'][number];
export type Replan = Static<typeof ReplanInput>;
export type Acceptance = Static<typeof PlanAcceptance>;

export interface MakePlan {
  timeLimitSeconds?: number;
  priorityWeights?: Partial<Record<PriorityClass, number>>;
  at?: string;
}

export const usePlans = (siteId: string) =>
  useQuery({
    queryKey: ['site', siteId, 'plans'],
    queryFn: () => api<Items<PlanListItem>>(`/api/sites/${siteId}/plans`),
  });

export const usePlan = (planId: string) =>
  useQuery({ queryKey: ['plan', planId], queryFn: () => api<Plan>(`/api/plans/${planId}`) });

/** The planning settings in force (priority weights shown beside the plan form). */
export const usePlanningSettings = (siteId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['site', siteId, 'logistics'],
    queryFn: () => api<Static<typeof Logistics>>(`/api/sites/${siteId}/logistics`),
    select: (logistics) => logistics.planningSettings,
    enabled,
  });

// A plan changes people's statuses (accept) and the site's list of plans: everything about the site
// is refreshed, and the plan itself is stored under its own key from the answer.
function usePlanMutation<I, R>(siteId: string, call: (input: I) => Promise<R>, planOf: (result: R) => Plan) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (result) => {
      const plan = planOf(result);
      client.setQueryData(['plan', plan.id], plan);
      void client.invalidateQueries({ queryKey: ['site', siteId] });
      void client.invalidateQueries({ queryKey: ['plan'] });
    },
  });
}

const itself = (plan: Plan) => plan;

export const useMakePlan = (siteId: string) =>
  usePlanMutation(
    siteId,
    (input: MakePlan) => api<Plan>(`/api/sites/${siteId}/plans`, { method: 'POST', body: input }),
    itself,
  );

export const useAcceptPlan = (siteId: string) =>
  usePlanMutation(
    siteId,
    (planId: string) => api<Acceptance>(`/api/plans/${planId}/accept`, { method: 'POST' }),
    (accepted) => accepted.plan,
  );

export const useReplan = (siteId: string) =>
  usePlanMutation(
    siteId,
    ({ planId, input }: { planId: string; input: Replan }) =>
      api<Plan>(`/api/plans/${planId}/replan`, { method: 'POST', body: input }),
    itself,
  );

export const useDiscardPlan = (siteId: string) =>
  usePlanMutation(
    siteId,
    (planId: string) => api<Plan>(`/api/plans/${planId}/discard`, { method: 'POST' }),
    itself,
  );
