import { resolveAlert } from '../../services/alerts.ts';
import { reconcile } from '../../services/reconciliation.ts';
import { requireSite } from '../../services/sites.ts';
import { listAlerts } from '../../store/repos/alerts.ts';
import { actorOf } from '../auth.ts';
import { Alert, AlertPage, AlertQuery, AlertResolution, Reconciliation } from '../schemas/alerts.ts';
import { errorResponses, IdParams, SiteParams } from '../schemas/common.ts';
import type { Api, RouteContext } from './context.ts';

export function alertRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['reconciliation'];

  api.get(
    '/api/sites/:siteId/reconciliation',
    {
      config: { permission: 'alerts:read' },
      schema: {
        tags,
        summary:
          'Registry ↔ manifests ↔ reception now: boarded but not arrived (with where last seen), arrived on no manifest, never boarded, children arrived alone, counts per convoy',
        params: SiteParams,
        response: { 200: Reconciliation, ...errorResponses },
      },
    },
    async (request) => reconcile(db, request.params.siteId),
  );

  api.get(
    '/api/sites/:siteId/alerts',
    {
      config: { permission: 'alerts:read' },
      schema: {
        tags,
        summary: 'Reconciliation alerts of a site, open ones first',
        params: SiteParams,
        querystring: AlertQuery,
        response: { 200: AlertPage, ...errorResponses },
      },
    },
    async (request) => {
      await requireSite(db, request.params.siteId);
      const { state, kind, limit, offset } = request.query;
      return listAlerts(db, { siteId: request.params.siteId, state: state ?? 'open', kind, limit, offset });
    },
  );

  api.post(
    '/api/alerts/:id/resolve',
    {
      config: { permission: 'alerts:resolve' },
      schema: {
        tags,
        summary: 'Resolve an alert, saying how; an alert stays open until then',
        params: IdParams,
        body: AlertResolution,
        response: { 200: Alert, ...errorResponses },
      },
    },
    async (request) => resolveAlert(db, actorOf(request), request.params.id, request.body.resolution),
  );
}
