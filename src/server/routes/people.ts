import Type from 'typebox';
import { allowedNextStatuses } from '../../domain/lifecycle.ts';
import * as people from '../../services/people.ts';
import { listOperations } from '../../store/repos/operations.ts';
import { listPeople } from '../../store/repos/people.ts';
import { actorOf } from '../auth.ts';
import { errorResponses, IdParams } from '../schemas/common.ts';
import { Operation } from '../schemas/misc.ts';
import {
  PeoplePage,
  PeopleQuery,
  Person,
  PersonInput,
  PersonPatch,
  PersonWithNext,
  StatusChange,
} from '../schemas/people.ts';
import type { Api, RouteContext } from './context.ts';

export function peopleRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['people'];

  api.get(
    '/api/people',
    {
      config: { permission: 'people:read' },
      schema: {
        tags,
        summary: 'Search the registry',
        querystring: PeopleQuery,
        response: { 200: PeoplePage, ...errorResponses },
      },
    },
    async (request) => listPeople(db, request.query),
  );

  api.post(
    '/api/people',
    {
      config: { permission: 'people:write' },
      schema: {
        tags,
        summary: 'Register a person',
        body: PersonInput,
        response: { 201: Person, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await people.registerPerson(db, actorOf(request), request.body)),
  );

  api.get(
    '/api/people/:id',
    {
      config: { permission: 'people:read' },
      schema: { tags, params: IdParams, response: { 200: PersonWithNext, ...errorResponses } },
    },
    async (request) => {
      const person = await people.requirePerson(db, request.params.id);
      return { ...person, allowedNextStatuses: [...allowedNextStatuses(person.status)] };
    },
  );

  api.patch(
    '/api/people/:id',
    {
      config: { permission: 'people:write' },
      schema: { tags, params: IdParams, body: PersonPatch, response: { 200: Person, ...errorResponses } },
    },
    async (request) => people.updatePerson(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    '/api/people/:id/status',
    {
      config: { permission: 'people:status' },
      schema: {
        tags,
        summary: 'Move a person along the lifecycle; an illegal transition is refused with 409',
        params: IdParams,
        body: StatusChange,
        response: { 200: Person, ...errorResponses },
      },
    },
    async (request) => people.changeStatus(db, actorOf(request), request.params.id, request.body),
  );

  api.get(
    '/api/people/:id/history',
    {
      config: { permission: 'people:read' },
      schema: {
        tags,
        summary: "A person's history from the operations log",
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Operation) }), ...errorResponses },
      },
    },
    async (request) => {
      await people.requirePerson(db, request.params.id);
      return {
        items: await listOperations(db, { entity: 'person', entityId: request.params.id, limit: 1000 }),
      };
    },
  );
}
