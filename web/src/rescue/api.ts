// The rescue routes (src/server/routes/rescue.ts) as the screens use them. The shapes are the
// server's own response schemas, so the app and the API cannot drift apart.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  Crew as CrewSchema,
  ProgressAnswer as ProgressAnswerSchema,
  ProgressInput as ProgressInputSchema,
  RescueAcceptance,
  RescuePlanInput,
  RescuePlanSummary,
  RescuePlanView,
  SiteEstimates,
} from '../../../src/server/schemas/rescue.ts';
import { api } from '../api/client.ts';
import type { Items } from '../api/types.ts';

export type RescuePlan = Static<typeof RescuePlanView>;
export type RescuePlanListItem = Static<typeof RescuePlanSummary>;
export type RescueAnswer = RescuePlan['result'];
export type CrewTasks = RescueAnswer['crews'][number];
export type ClearanceTask = CrewTasks['tasks'][number];
export type ShelterEstimate = RescueAnswer['shelters'][number];
export type PassageToClear = RescueAnswer['passagesToClear'][number];
export type Progress = RescuePlan['progress'][number];
export type Crew = Static<typeof CrewSchema>;
export type MakeRescuePlan = Static<typeof RescuePlanInput>;
export type ProgressInput = Static<typeof ProgressInputSchema>;
export type ProgressAnswer = Static<typeof ProgressAnswerSchema>;
export type Estimates = Static<typeof SiteEstimates>;

/** The answer a plan's screen shows: its latest re-plan when there is one, else the plan as made. */
export const currentAnswer = (plan: RescuePlan): RescueAnswer => plan.estimate ?? plan.result;

// Every key starts with the site, so that a change anywhere in it (a passage reported, a crew's
// progress) refreshes the rescue screens and the site diagram together.
const keys = {
  all: (siteId: string) => ['site', siteId, 'rescue'] as const,
  plans: (siteId: string) => ['site', siteId, 'rescue', 'plans'] as const,
  plan: (siteId: string, planId: string) => ['site', siteId, 'rescue', 'plan', planId] as const,
  crews: (siteId: string) => ['site', siteId, 'rescue', 'crews'] as const,
  estimates: (siteId: string) => ['site', siteId, 'rescue', 'estimates'] as const,
};

export const useRescuePlans = (siteId: string) =>
  useQuery({
    queryKey: keys.plans(siteId),
    queryFn: () => api<Items<RescuePlanListItem>>(`/api/sites/${siteId}/rescue-plans`),
  });

export const useRescuePlan = (siteId: string, planId: string) =>
  useQuery({
    queryKey: keys.plan(siteId, planId),
    queryFn: () => api<RescuePlan>(`/api/rescue-plans/${planId}`),
  });

export const useCrews = (siteId: string, enabled = true) =>
  useQuery({
    queryKey: keys.crews(siteId),
    queryFn: () => api<Items<Crew>>(`/api/sites/${siteId}/crews`),
    enabled,
  });

/** The accepted plan's current estimates, for the site diagram. */
export const useRescueEstimates = (siteId: string, enabled: boolean) =>
  useQuery({
    queryKey: keys.estimates(siteId),
    queryFn: () => api<Estimates>(`/api/sites/${siteId}/rescue-estimates`),
    enabled,
  });

// Every rescue write can change the site itself (a crew moved, a passage opened at 100 %), so the
// whole site is refreshed; the plan the answer carries is stored at once under its own key.
function useRescueMutation<I, O>(
  siteId: string,
  call: (input: I) => Promise<O>,
  planOf: (answer: O) => RescuePlan,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (answer) => {
      const plan = planOf(answer);
      client.setQueryData(keys.plan(siteId, plan.id), plan);
      return client.invalidateQueries({ queryKey: ['site', siteId] });
    },
  });
}

const itself = (plan: RescuePlan) => plan;

export const useMakeRescuePlan = (siteId: string) =>
  useRescueMutation(
    siteId,
    (input: MakeRescuePlan) =>
      api<RescuePlan>(`/api/sites/${siteId}/rescue-plans`, { method: 'POST', body: input }),
    itself,
  );

export const useAcceptRescuePlan = (siteId: string) =>
  useRescueMutation(
    siteId,
    (planId: string) =>
      api<Static<typeof RescueAcceptance>>(`/api/rescue-plans/${planId}/accept`, { method: 'POST' }),
    (answer) => answer.plan,
  );

export const useDiscardRescuePlan = (siteId: string) =>
  useRescueMutation(
    siteId,
    (planId: string) => api<RescuePlan>(`/api/rescue-plans/${planId}/discard`, { method: 'POST' }),
    itself,
  );

export const useRecordProgress = (siteId: string, planId: string) =>
  useRescueMutation(
    siteId,
    (input: ProgressInput) =>
      api<ProgressAnswer>(`/api/rescue-plans/${planId}/progress`, { method: 'POST', body: input }),
    (answer) => answer.plan,
  );

export const useReplanRescue = (siteId: string, planId: string) =>
  useRescueMutation(
    siteId,
    () => api<RescuePlan>(`/api/rescue-plans/${planId}/replan`, { method: 'POST', body: {} }),
    itself,
  );
