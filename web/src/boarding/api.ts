// The boarding and road routes (src/server/routes/boarding.ts, road.ts) as the desk and the road log
// use them. The shapes are the server's own schemas, so the app and the API cannot drift apart.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  BoardingInput,
  ManifestEntry,
  ManifestView,
  NoShowInput,
  Substitution,
  SubstitutionInput,
} from '../../../src/server/schemas/boarding.ts';
import type { EventInput, RecordedEvent, RoadLog } from '../../../src/server/schemas/road.ts';
import { api } from '../api/client.ts';

export type Manifest = Static<typeof ManifestView>;
export type Entry = Static<typeof ManifestEntry>;
export type Log = Static<typeof RoadLog>;
export type EventReport = Static<typeof EventInput>;

export const useManifest = (convoyId: string) =>
  useQuery({
    queryKey: ['convoy', convoyId, 'manifest'],
    queryFn: () => api<Manifest>(`/api/convoys/${convoyId}/manifest`),
  });

export const useRoadLog = (convoyId: string) =>
  useQuery({
    queryKey: ['convoy', convoyId, 'events'],
    queryFn: () => api<Log>(`/api/convoys/${convoyId}/events`),
  });

// Boarding changes the manifest, people's statuses and the convoy's counts: everything about the
// convoy is read again, and the people it names.
function useConvoyMutation<I, R>(convoyId: string, call: (input: I) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['convoy', convoyId] });
      void client.invalidateQueries({ queryKey: ['person'] });
    },
  });
}

const post =
  <I, R>(url: string) =>
  (body: I) =>
    api<R>(url, { method: 'POST', body });

export const useBoard = (convoyId: string) =>
  useConvoyMutation(convoyId, post<Static<typeof BoardingInput>, Entry>(`/api/convoys/${convoyId}/boarding`));

export const useNoShow = (convoyId: string) =>
  useConvoyMutation(convoyId, post<Static<typeof NoShowInput>, Entry>(`/api/convoys/${convoyId}/no-shows`));

export const useSubstitute = (convoyId: string) =>
  useConvoyMutation(
    convoyId,
    post<Static<typeof SubstitutionInput>, Static<typeof Substitution>>(
      `/api/convoys/${convoyId}/substitutions`,
    ),
  );

export const useReportEvent = (convoyId: string) =>
  useConvoyMutation(
    convoyId,
    post<EventReport, Static<typeof RecordedEvent>>(`/api/convoys/${convoyId}/events`),
  );

/** What the desk typed or scanned, as the request wants it: a person code, or else an id. */
export function pickOf(text: string): { qr: string } | { personId: string } {
  const trimmed = text.trim();
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  return uuid.test(trimmed) ? { personId: trimmed.toLowerCase() } : { qr: trimmed };
}
