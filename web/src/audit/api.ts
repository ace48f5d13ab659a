// The audit routes (src/server/routes/audit.ts) as the audit screen uses them, typed by the
// server's own schemas.
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type { AuditKind } from '../../../src/domain/audit-kinds.ts';
import type { AuditPage, AuditVerdict } from '../../../src/server/schemas/audit.ts';
import { api, query } from '../api/client.ts';

export type AuditEntryView = Static<typeof AuditPage>['entries'][number];
export type Verdict = Static<typeof AuditVerdict>;

export const pageSize = 50;

export const useAuditPage = (afterPos: number, kind: AuditKind | '') =>
  useQuery({
    queryKey: ['audit', afterPos, kind],
    queryFn: () => api<Static<typeof AuditPage>>(`/api/audit${query({ afterPos, kind, limit: pageSize })}`),
  });

export const useVerify = () => useMutation({ mutationFn: () => api<Verdict>('/api/audit/verify') });

export const exportHref = (format: 'csv' | 'json', kind: AuditKind | '') =>
  `/api/audit/export${query({ format, kind })}`;
