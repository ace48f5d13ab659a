// The tracing, duplicates and children's cases routes as the screens use them; the shapes are the
// server's own schemas, so the app and the API cannot drift apart.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type {
  CaseClose,
  ChildCase,
  ChildCaseInput,
  ChildCasePage,
  VerificationInput,
} from '../../../src/server/schemas/child-cases.ts';
import type { CandidatePage, Merge } from '../../../src/server/schemas/merges.ts';
import type {
  Consent,
  ConsentInput,
  TracingMatchPage,
  TracingRequest,
  TracingRequestInput,
  TracingRequestPage,
  TracingRequestWithMatches,
} from '../../../src/server/schemas/tracing.ts';
import { api, query } from '../api/client.ts';
import type { PeoplePage } from '../api/types.ts';

export type RequestItem = Static<typeof TracingRequestPage>['items'][number];
export type RequestDetail = Static<typeof TracingRequestWithMatches>;
export type MatchItem = Static<typeof TracingMatchPage>['items'][number];
export type NewRequest = Static<typeof TracingRequestInput>;
export type Candidate = Static<typeof CandidatePage>['items'][number];
export type CaseItem = Static<typeof ChildCase>;
export type ConsentState = Static<typeof Consent>['consent'];
export type NewVerification = Static<typeof VerificationInput>;

export const useTracingRequests = (siteId: string) =>
  useQuery({
    queryKey: ['site', siteId, 'tracing-requests'],
    queryFn: () =>
      api<Static<typeof TracingRequestPage>>(`/api/sites/${siteId}/tracing-requests${query({ limit: 200 })}`),
  });

export const useTracingRequest = (id: string) =>
  useQuery({
    queryKey: ['tracing-request', id],
    queryFn: () => api<RequestDetail>(`/api/tracing-requests/${id}`),
  });

export const useTracingMatches = (siteId: string) =>
  useQuery({
    queryKey: ['site', siteId, 'tracing-matches'],
    queryFn: () =>
      api<Static<typeof TracingMatchPage>>(
        `/api/sites/${siteId}/tracing-matches${query({ status: 'proposed', limit: 200 })}`,
      ),
  });

export function useFileRequest(siteId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewRequest) =>
      api<Static<typeof TracingRequest>>('/api/tracing-requests', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['site', siteId] }),
  });
}

export function useReviewMatch(siteId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({
      requestId,
      personId,
      status,
    }: {
      requestId: string;
      personId: string;
      status: 'confirmed' | 'rejected';
    }) =>
      api(`/api/tracing-requests/${requestId}/matches/${personId}/review`, {
        method: 'POST',
        body: { status },
      }),
    onSuccess: (_data, { requestId }) => {
      void client.invalidateQueries({ queryKey: ['site', siteId] });
      void client.invalidateQueries({ queryKey: ['tracing-request', requestId] });
    },
  });
}

export const useDuplicates = (siteId: string) =>
  useQuery({
    queryKey: ['site', siteId, 'duplicates'],
    queryFn: () =>
      api<Static<typeof CandidatePage>>(`/api/sites/${siteId}/duplicates${query({ limit: 100 })}`),
  });

export function useMerge(siteId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { survivorId: string; absorbedId: string }) =>
      api<Static<typeof Merge>>('/api/merges', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['site', siteId] }),
  });
}

export function useDismiss(siteId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { personA: string; personB: string }) =>
      api('/api/duplicates/dismissals', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['site', siteId] }),
  });
}

export const useChildCases = (siteId: string) =>
  useQuery({
    queryKey: ['site', siteId, 'child-cases'],
    queryFn: () =>
      api<Static<typeof ChildCasePage>>(`/api/sites/${siteId}/child-cases${query({ limit: 200 })}`),
  });

export function useHandover(siteId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, verificationId }: { caseId: string; verificationId: string }) =>
      api<CaseItem>(`/api/child-cases/${caseId}/handover`, { method: 'POST', body: { verificationId } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['site', siteId] }),
  });
}

export function useOpenCase(siteId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Static<typeof ChildCaseInput>) =>
      api<CaseItem>('/api/child-cases', { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['site', siteId] }),
  });
}

export function useAddVerification(siteId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, ...body }: NewVerification & { caseId: string }) =>
      api<CaseItem>(`/api/child-cases/${caseId}/verifications`, { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['site', siteId] }),
  });
}

export function useCloseCase(siteId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, ...body }: Static<typeof CaseClose> & { caseId: string }) =>
      api<CaseItem>(`/api/child-cases/${caseId}/close`, { method: 'POST', body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['site', siteId] }),
  });
}

/** Registered people by part of a name, any script, as the server's registry search finds them. */
export const usePeopleNamed = (siteId: string, q: string) =>
  useQuery({
    queryKey: ['site', siteId, 'people-named', q],
    queryFn: () => api<PeoplePage>(`/api/people${query({ siteId, q, limit: 10 })}`),
    enabled: q.trim().length >= 2,
  });

export const useConsent = (personId: string) =>
  useQuery({
    queryKey: ['tracing-consent', personId],
    queryFn: () => api<Static<typeof Consent>>(`/api/people/${personId}/tracing-consent`),
  });

export function useRecordConsent(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: Static<typeof ConsentInput>) =>
      api<Static<typeof Consent>>(`/api/people/${personId}/tracing-consent`, { method: 'PUT', body }),
    onSuccess: (data) => client.setQueryData(['tracing-consent', personId], data),
  });
}
