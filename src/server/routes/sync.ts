import Type from 'typebox';
import { pull, push } from '../../services/sync.ts';
import type { SyncOp } from '../../services/sync-apply.ts';
import { listConflicts } from '../../store/repos/sync.ts';
import { actorOf, currentUser } from '../auth.ts';
import { errorResponses } from '../schemas/common.ts';
import { ConflictQuery, PullQuery, PullResult, PushBody, PushResult, SyncConflict } from '../schemas/sync.ts';
import type { Api, RouteContext } from './context.ts';

export function syncRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['sync'];

  api.post(
    '/api/sync/push',
    {
      config: { permission: 'sync:push' },
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary:
          "Push operations recorded offline (corridor-sync/1). Each is applied once, in its device's order; a repeat gets the stored outcome, an operation after a gap waits (outcome gap) for the missing ones",
        body: PushBody,
        response: { 200: PushResult, ...errorResponses },
      },
    },
    async (request) => {
      const user = currentUser(request);
      return push(db, { ...actorOf(request), userId: user.id }, user.role, request.body.ops as SyncOp[]);
    },
  );

  api.get(
    '/api/sync/pull',
    {
      config: { permission: 'sync:pull' },
      schema: {
        tags,
        summary: "The site's people, passages and headcounts changed since the device's checkpoint",
        querystring: PullQuery,
        response: { 200: PullResult, ...errorResponses },
      },
    },
    async (request) => pull(db, request.query),
  );

  api.get(
    '/api/sync/conflicts',
    {
      config: { permission: 'sync:conflicts' },
      schema: {
        tags,
        summary:
          'Every synced write that lost: a field older by clock than the value kept, or a status change the lifecycle no longer allowed',
        querystring: ConflictQuery,
        response: { 200: Type.Object({ items: Type.Array(SyncConflict) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listConflicts(db, request.query.siteId) }),
  );
}
