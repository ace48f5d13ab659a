import Type from 'typebox';
import { latestSchemaVersion } from '../../store/migrate.ts';
import { listOperations } from '../../store/repos/operations.ts';
import { errorResponses } from '../schemas/common.ts';
import { Health, Operation, OperationsQuery } from '../schemas/misc.ts';
import type { Api, RouteContext } from './context.ts';

export function systemRoutes(api: Api, { db }: RouteContext): void {
  api.get(
    '/api/health',
    { config: { permission: 'public' }, schema: { tags: ['system'], response: { 200: Health } } },
    async () => ({
      status: 'ok' as const,
      backend: db.backend,
      schemaVersion: latestSchemaVersion(),
      version: '0.1.0',
    }),
  );

  api.get('/api/openapi.json', { config: { permission: 'public' }, schema: { hide: true } }, async () =>
    api.swagger(),
  );

  api.get(
    '/api/operations',
    {
      config: { permission: 'operations:read' },
      schema: {
        tags: ['system'],
        summary: 'The operations log: every change, in order',
        querystring: OperationsQuery,
        response: { 200: Type.Object({ items: Type.Array(Operation) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listOperations(db, request.query) }),
  );
}
