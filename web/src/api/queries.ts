import { useQuery } from '@tanstack/react-query';
import { remembered } from '../offline/remembered.ts';
import { api, query } from './client.ts';
import type {
  Claim,
  FigureRow,
  Incident,
  Items,
  Party,
  PauseView,
  Site,
  SiteGraph,
  Source,
  Summary,
  TimelineEntry,
} from './types.ts';

// One hook per API read the screens share; the query keys start with the site so that a change
// can refresh everything about it.
// Remembered for the offline field app, which opens on the site of the last visit.
export const useSites = () =>
  useQuery({
    queryKey: ['sites'],
    queryFn: () => remembered('sites', () => api<Items<Site>>('/api/sites')),
    networkMode: 'always',
  });

export const useGraph = (siteId: string) =>
  useQuery({ queryKey: ['site', siteId, 'graph'], queryFn: () => api<SiteGraph>(`/api/sites/${siteId}`) });

export const useSummary = (siteId: string) =>
  useQuery({
    queryKey: ['site', siteId, 'summary'],
    queryFn: () => api<Summary>(`/api/sites/${siteId}/summary`),
  });

export const usePauses = (siteId: string) =>
  useQuery({
    queryKey: ['site', siteId, 'pauses'],
    queryFn: () => api<Items<PauseView>>(`/api/sites/${siteId}/pauses`),
  });

export const useParties = () =>
  useQuery({ queryKey: ['parties'], queryFn: () => api<Items<Party>>('/api/parties') });

export const useSources = (enabled: boolean) =>
  useQuery({ queryKey: ['sources'], queryFn: () => api<Items<Source>>('/api/sources'), enabled });

export const useIncidents = (siteId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['site', siteId, 'incidents'],
    queryFn: () => api<Items<Incident>>(`/api/sites/${siteId}/incidents`),
    enabled,
  });

export const useClaims = (siteId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['site', siteId, 'claims'],
    queryFn: () => api<Items<Claim>>(`/api/sites/${siteId}/claims`),
    enabled,
  });

export const useFigures = (siteId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['site', siteId, 'figures'],
    queryFn: () => api<Items<FigureRow>>(`/api/sites/${siteId}/figures`),
    enabled,
  });

export const useTimeline = (
  siteId: string,
  filters: { kind?: string; verification?: string },
  enabled: boolean,
) =>
  useQuery({
    queryKey: ['site', siteId, 'timeline', filters],
    queryFn: () => api<Items<TimelineEntry>>(`/api/sites/${siteId}/timeline${query(filters)}`),
    enabled,
  });
