import Type from 'typebox';
import { createToken, createUser, updateUser } from '../../services/accounts.ts';
import { listUsers } from '../../store/repos/users.ts';
import { actorOf, currentUser } from '../auth.ts';
import { errorResponses, IdParams } from '../schemas/common.ts';
import { TokenCreated, TokenInput, User, UserInput, UserPatch } from '../schemas/misc.ts';
import type { Api, RouteContext } from './context.ts';

export function userRoutes(api: Api, { db }: RouteContext): void {
  api.get(
    '/api/users',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags: ['users'],
        response: { 200: Type.Object({ items: Type.Array(User) }), ...errorResponses },
      },
    },
    async () => ({ items: await listUsers(db) }),
  );

  api.post(
    '/api/users',
    {
      config: { permission: 'users:manage' },
      schema: { tags: ['users'], body: UserInput, response: { 201: User, ...errorResponses } },
    },
    async (request, reply) => reply.status(201).send(await createUser(db, actorOf(request), request.body)),
  );

  api.patch(
    '/api/users/:id',
    {
      config: { permission: 'users:manage' },
      schema: {
        tags: ['users'],
        params: IdParams,
        body: UserPatch,
        response: { 200: User, ...errorResponses },
      },
    },
    async (request) => updateUser(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    '/api/tokens',
    {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['users'],
        summary: 'Create an API token for yourself',
        body: TokenInput,
        response: { 201: TokenCreated, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await createToken(db, actorOf(request), currentUser(request).id, request.body.label ?? null)),
  );
}
