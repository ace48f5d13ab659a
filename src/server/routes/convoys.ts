import Type from 'typebox';
import { convoysFromAcceptedPlan } from '../../services/convoy-create.ts';
import { convoyView, convoyViews } from '../../services/convoy-view.ts';
import { requireSite } from '../../services/sites.ts';
import { listConvoys } from '../../store/repos/convoys.ts';
import { actorOf } from '../auth.ts';
import { errorResponses, IdParams, SiteParams } from '../schemas/common.ts';
import { ConvoyAtQuery, ConvoyCreation, ConvoyView } from '../schemas/convoys.ts';
import type { Api, RouteContext } from './context.ts';

const atOf = (query: { at?: string | undefined }): Date => (query.at ? new Date(query.at) : new Date());

export function convoyRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['convoys'];
  const read = { permission: 'convoys:read' } as const;
  const write = { permission: 'convoys:write' } as const;

  api.post(
    '/api/plans/:id/convoys',
    {
      config: write,
      schema: {
        tags,
        summary:
          "Make the convoys of the site's accepted plan: vehicles, route with planned times, manifests. 201 when made, 200 with the same convoys when they existed already",
        params: IdParams,
        response: { 200: ConvoyCreation, 201: ConvoyCreation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const made = await convoysFromAcceptedPlan(db, actorOf(request), request.params.id);
      const siteId = made.convoys[0]!.siteId;
      return reply
        .status(made.created ? 201 : 200)
        .send({ ...made, convoys: await convoyViews(db, siteId, made.convoys, new Date()) });
    },
  );

  api.get(
    '/api/sites/:siteId/convoys',
    {
      config: read,
      schema: {
        tags,
        summary: "The site's convoys in order of departure, with vehicles, route and manifest counts",
        params: SiteParams,
        querystring: ConvoyAtQuery,
        response: { 200: Type.Object({ items: Type.Array(ConvoyView) }), ...errorResponses },
      },
    },
    async (request) => {
      const { siteId } = request.params;
      await requireSite(db, siteId);
      return { items: await convoyViews(db, siteId, await listConvoys(db, siteId), atOf(request.query)) };
    },
  );

  api.get(
    '/api/convoys/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A convoy: vehicles, waypoints, manifest counts, its pause window',
        params: IdParams,
        querystring: ConvoyAtQuery,
        response: { 200: ConvoyView, ...errorResponses },
      },
    },
    async (request) => convoyView(db, request.params.id, atOf(request.query)),
  );
}
