// The reception routes (src/server/routes/reception.ts) as the desk uses them. The shapes are the
// server's own schemas, so the app and the API cannot drift apart.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { Logistics } from '../../../src/server/schemas/logistics.ts';
import type {
  CheckIn,
  CheckInInput,
  CheckInPage,
  ReceptionSearchResult,
  VoidedCheckIn,
} from '../../../src/server/schemas/reception.ts';
import { api, errorFrom, query } from '../api/client.ts';

export type CheckInMade = Static<typeof CheckIn>;
export type CheckInRequest = Static<typeof CheckInInput>;
export type RecentCheckIn = Static<typeof CheckInPage>['items'][number];
export type Found = Static<typeof ReceptionSearchResult>['items'][number];

export const useReceptionPoints = (siteId: string) =>
  useQuery({
    queryKey: ['site', siteId, 'logistics'],
    queryFn: () => api<Static<typeof Logistics>>(`/api/sites/${siteId}/logistics`),
    select: (logistics) => logistics.roadPoints.filter((p) => p.kind === 'reception_point'),
  });

export const useRecentCheckIns = (siteId: string, receptionPointId: string | undefined) =>
  useQuery({
    queryKey: ['site', siteId, 'check-ins', receptionPointId],
    queryFn: () =>
      api<Static<typeof CheckInPage>>(
        `/api/sites/${siteId}/check-ins${query({ receptionPointId, limit: 15 })}`,
      ),
    enabled: receptionPointId !== undefined,
  });

export const useReceptionSearch = (siteId: string, text: string | null) =>
  useQuery({
    queryKey: ['site', siteId, 'reception-search', text],
    queryFn: () =>
      api<Static<typeof ReceptionSearchResult>>(
        `/api/sites/${siteId}/reception/search${query({ q: text ?? '' })}`,
      ),
    enabled: text !== null && text !== '',
  });

/** One check-in the desk means to make, with the key that makes sending it again harmless. */
export interface Attempt {
  key: string;
  body: CheckInRequest;
}

export const newAttempt = (body: CheckInRequest): Attempt => ({ key: crypto.randomUUID(), body });

async function send(siteId: string, attempt: Attempt): Promise<CheckInMade> {
  const response = await fetch(`/api/sites/${siteId}/check-ins`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'idempotency-key': attempt.key },
    body: JSON.stringify(attempt.body),
  });
  if (!response.ok) throw await errorFrom(response.status, await response.text());
  return (await response.json()) as CheckInMade;
}

// A check-in changes the person, the site's counts, the alerts and the reconciliation.
export function useCheckIn(siteId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (attempt: Attempt) => send(siteId, attempt),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: ['site', siteId] });
      void client.invalidateQueries({ queryKey: ['person'] });
    },
  });
}

export type Voided = Static<typeof VoidedCheckIn>;

// Voiding a check-in changes the same things a check-in does, the other way round.
export function useVoidCheckIn(siteId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api<Voided>(`/api/check-ins/${id}/void`, { method: 'POST', body: { reason } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['site', siteId] });
      void client.invalidateQueries({ queryKey: ['person'] });
    },
  });
}
