import Type from 'typebox';
import { notFound } from '../../domain/errors.ts';
import * as people from '../../services/people.ts';
import { findHousehold, listHouseholds } from '../../store/repos/households.ts';
import { listPeople } from '../../store/repos/people.ts';
import { actorOf } from '../auth.ts';
import { errorResponses, IdParams } from '../schemas/common.ts';
import {
  Household,
  HouseholdInput,
  HouseholdPatch,
  HouseholdQuery,
  HouseholdWithMembers,
} from '../schemas/people.ts';
import type { Api, RouteContext } from './context.ts';

export function householdRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['people'];

  api.get(
    '/api/households',
    {
      config: { permission: 'people:read' },
      schema: {
        tags,
        querystring: HouseholdQuery,
        response: { 200: Type.Object({ items: Type.Array(Household) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await listHouseholds(db, request.query.siteId, request.query.limit, request.query.offset),
    }),
  );

  api.post(
    '/api/households',
    {
      config: { permission: 'people:write' },
      schema: { tags, body: HouseholdInput, response: { 201: Household, ...errorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await people.createHousehold(db, actorOf(request), request.body)),
  );

  api.get(
    '/api/households/:id',
    {
      config: { permission: 'people:read' },
      schema: { tags, params: IdParams, response: { 200: HouseholdWithMembers, ...errorResponses } },
    },
    async (request) => {
      const household = await findHousehold(db, request.params.id);
      if (!household) throw notFound('household', request.params.id);
      const members = await listPeople(db, { householdId: household.id, limit: 1000, offset: 0 });
      return { ...household, members: members.items };
    },
  );

  api.patch(
    '/api/households/:id',
    {
      config: { permission: 'people:write' },
      schema: {
        tags,
        params: IdParams,
        body: HouseholdPatch,
        response: { 200: Household, ...errorResponses },
      },
    },
    async (request) => people.updateHousehold(db, actorOf(request), request.params.id, request.body),
  );
}
