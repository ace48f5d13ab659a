import Type from 'typebox';
import { recordHeadcount } from '../../services/headcounts.ts';
import { requireSite } from '../../services/sites.ts';
import { listHeadcounts } from '../../store/repos/headcounts.ts';
import { actorOf } from '../auth.ts';
import { errorResponses, SiteParams } from '../schemas/common.ts';
import { Headcount, HeadcountInput } from '../schemas/misc.ts';
import type { Api, RouteContext } from './context.ts';

export function headcountRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['headcounts'];

  api.get(
    '/api/sites/:siteId/headcounts',
    {
      config: { permission: 'headcount:read' },
      schema: {
        tags,
        params: SiteParams,
        response: { 200: Type.Object({ items: Type.Array(Headcount) }), ...errorResponses },
      },
    },
    async (request) => {
      await requireSite(db, request.params.siteId);
      return { items: await listHeadcounts(db, request.params.siteId) };
    },
  );

  api.post(
    '/api/headcounts',
    {
      config: { permission: 'headcount:write' },
      schema: {
        tags,
        summary: 'Record a reported headcount with its source (kept apart from the registry)',
        body: HeadcountInput,
        response: { 201: Headcount, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordHeadcount(db, actorOf(request), request.body)),
  );
}
