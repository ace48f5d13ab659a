// The reconciliation and alert routes (src/server/routes/alerts.ts) as the screens use them. The
// shapes are the server's own schemas, so the app and the API cannot drift apart.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { AlertKind } from '../../../src/domain/reception.ts';
import type { Alert, AlertPage, Reconciliation } from '../../../src/server/schemas/alerts.ts';
import { api, query } from '../api/client.ts';

export type AlertItem = Static<typeof AlertPage>['items'][number];
export type AlertState = 'open' | 'resolved' | 'all';
export type Report = Static<typeof Reconciliation>;

export const useAlerts = (siteId: string, state: AlertState, kind: AlertKind | '') =>
  useQuery({
    queryKey: ['site', siteId, 'alerts', state, kind],
    queryFn: () =>
      api<Static<typeof AlertPage>>(`/api/sites/${siteId}/alerts${query({ state, kind, limit: 200 })}`),
  });

export const useReconciliation = (siteId: string) =>
  useQuery({
    queryKey: ['site', siteId, 'reconciliation'],
    queryFn: () => api<Report>(`/api/sites/${siteId}/reconciliation`),
  });

export function useResolveAlert(siteId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, resolution }: { id: string; resolution: string }) =>
      api<Static<typeof Alert>>(`/api/alerts/${id}/resolve`, { method: 'POST', body: { resolution } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['site', siteId] }),
  });
}
