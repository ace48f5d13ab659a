// The convoy routes (src/server/routes/convoys.ts) as the screens use them. The shapes are the
// server's own response schemas, so the app and the API cannot drift apart.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  Answer,
  AnswerInput,
  ConvoyCreation,
  Convoy as ConvoySchema,
  ConvoyView,
  CrewInput,
  DepartInput,
  Departure,
  NotifyInput,
  NotifyResult,
} from '../../../src/server/schemas/convoys.ts';
import type { PlanSummary } from '../../../src/server/schemas/plans.ts';
import { api } from '../api/client.ts';
import type { Items } from '../api/types.ts';

export type Convoy = Static<typeof ConvoyView>;
export type PartyNotification = Convoy['notifications'][number];
export type Flag = Convoy['flags'][number];

export const useConvoys = (siteId: string) =>
  useQuery({
    queryKey: ['site', siteId, 'convoys'],
    queryFn: () => api<Items<Convoy>>(`/api/sites/${siteId}/convoys`),
  });

export const useConvoy = (convoyId: string) =>
  useQuery({ queryKey: ['convoy', convoyId], queryFn: () => api<Convoy>(`/api/convoys/${convoyId}`) });

/** The site's accepted plan, the one convoys are made from (if there is one). */
export const useAcceptedPlan = (siteId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['site', siteId, 'plans'],
    queryFn: () => api<Items<Static<typeof PlanSummary>>>(`/api/sites/${siteId}/plans`),
    select: (plans) => plans.items.find((p) => p.status === 'accepted'),
    enabled,
  });

// Whatever a convoy action changes shows on the site's lists, the convoy's page and the people on
// it: all of them are refreshed.
function useConvoyMutation<I, R>(siteId: string, call: (input: I) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['site', siteId] });
      void client.invalidateQueries({ queryKey: ['convoy'] });
    },
  });
}

export const useMakeConvoys = (siteId: string) =>
  useConvoyMutation(siteId, (planId: string) =>
    api<Static<typeof ConvoyCreation>>(`/api/plans/${planId}/convoys`, { method: 'POST' }),
  );

export const useNotify = (siteId: string, convoyId: string) =>
  useConvoyMutation(siteId, (input: Static<typeof NotifyInput>) =>
    api<Static<typeof NotifyResult>>(`/api/convoys/${convoyId}/notifications`, {
      method: 'POST',
      body: input,
    }),
  );

export const useAnswer = (siteId: string) =>
  useConvoyMutation(
    siteId,
    ({ notificationId, ...input }: Static<typeof AnswerInput> & { notificationId: string }) =>
      api<Static<typeof Answer>>(`/api/notifications/${notificationId}/answers`, {
        method: 'POST',
        body: input,
      }),
  );

export const useDepart = (siteId: string, convoyId: string) =>
  useConvoyMutation(siteId, (input: Static<typeof DepartInput>) =>
    api<Static<typeof Departure>>(`/api/convoys/${convoyId}/depart`, { method: 'POST', body: input }),
  );

export const useCancel = (siteId: string, convoyId: string) =>
  useConvoyMutation(siteId, (reason: string) =>
    api<Static<typeof ConvoySchema>>(`/api/convoys/${convoyId}/cancel`, { method: 'POST', body: { reason } }),
  );

export const useVehicleCrew = (siteId: string, convoyId: string, vehicleId: string) =>
  useConvoyMutation(siteId, (input: Static<typeof CrewInput>) =>
    api<Convoy>(`/api/convoys/${convoyId}/vehicles/${vehicleId}`, { method: 'PATCH', body: input }),
  );

/** Where the notifications of a convoy are downloaded from (the session cookie goes along). */
export const exportHref = (convoyId: string, format: 'pdf' | 'json') =>
  `/api/convoys/${convoyId}/notifications.${format}`;
