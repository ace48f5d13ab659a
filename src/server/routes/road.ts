import type { FastifyRequest } from 'fastify';
import { seesPersons } from '../../domain/roles.ts';
import { recordEvent } from '../../services/road-events.ts';
import { roadLog } from '../../services/road-log.ts';
import { actorOf, currentUser } from '../auth.ts';
import { errorResponses, IdParams } from '../schemas/common.ts';
import { EventInput, RecordedEvent, RoadLog } from '../schemas/road.ts';
import type { Api, RouteContext } from './context.ts';

const withNames = (request: FastifyRequest) => seesPersons(currentUser(request).role);

export function roadRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['road'];

  api.post(
    '/api/convoys/:id/events',
    {
      config: { permission: 'convoys:report' },
      schema: {
        tags,
        summary:
          "Report what happened at a waypoint of the convoy's route (arrived, held, released, departed), with time and reporter. People taken off at a screening point are held there (status held at screening) with an incident of the convoy and the claim that says so; released people are back on board. An event for a waypoint not on this convoy's route is refused and nothing is written",
        params: IdParams,
        body: EventInput,
        response: { 201: RecordedEvent, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordEvent(db, actorOf(request), request.params.id, request.body)),
  );

  api.get(
    '/api/convoys/:id/events',
    {
      config: { permission: 'convoys:read' },
      schema: {
        tags,
        summary:
          'The road log: events in the order they happened, people held at screening points, and where each person aboard was last seen',
        params: IdParams,
        response: { 200: RoadLog, ...errorResponses },
      },
    },
    async (request) => roadLog(db, request.params.id, withNames(request)),
  );
}
