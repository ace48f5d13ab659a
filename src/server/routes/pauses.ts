import Type from 'typebox';
import * as pauses from '../../services/pauses.ts';
import { listParties, listSources } from '../../store/repos/parties.ts';
import { actorOf } from '../auth.ts';
import { errorResponses, IdParams, SiteParams } from '../schemas/common.ts';
import {
  Acceptance,
  AcceptanceInput,
  AtQuery,
  Party,
  PartyInput,
  PauseInput,
  PausePatch,
  PauseView,
  Source,
  SourceInput,
} from '../schemas/pauses.ts';
import type { Api, RouteContext } from './context.ts';

const atOf = (query: { at?: string | undefined }): Date => (query.at ? new Date(query.at) : new Date());

export function pauseRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['pauses'];

  api.get(
    '/api/parties',
    {
      config: { permission: 'pauses:read' },
      schema: { tags, response: { 200: Type.Object({ items: Type.Array(Party) }), ...errorResponses } },
    },
    async () => ({ items: await listParties(db) }),
  );
  api.post(
    '/api/parties',
    {
      config: { permission: 'pauses:write' },
      schema: { tags, body: PartyInput, response: { 201: Party, ...errorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await pauses.createParty(db, actorOf(request), request.body)),
  );

  api.get(
    '/api/sources',
    {
      config: { permission: 'claims:read' },
      schema: { tags, response: { 200: Type.Object({ items: Type.Array(Source) }), ...errorResponses } },
    },
    async () => ({ items: await listSources(db) }),
  );
  api.post(
    '/api/sources',
    {
      config: { permission: 'claims:write' },
      schema: { tags, body: SourceInput, response: { 201: Source, ...errorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await pauses.createSource(db, actorOf(request), request.body)),
  );

  api.get(
    '/api/sites/:siteId/pauses',
    {
      config: { permission: 'pauses:read' },
      schema: {
        tags,
        summary:
          'Pause windows with times in the announcer’s zone, UTC and the site’s zone, and their derived state',
        params: SiteParams,
        querystring: AtQuery,
        response: { 200: Type.Object({ items: Type.Array(PauseView) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await pauses.pauseViews(db, request.params.siteId, atOf(request.query)) }),
  );
  api.post(
    '/api/pauses',
    {
      config: { permission: 'pauses:write' },
      schema: {
        tags,
        summary: 'Record an announced pause window',
        body: PauseInput,
        response: { 201: PauseView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const pause = await pauses.createPause(db, actorOf(request), request.body);
      return reply.status(201).send(await pauses.pauseView(db, pause.id, new Date()));
    },
  );
  api.get(
    '/api/pauses/:id',
    {
      config: { permission: 'pauses:read' },
      schema: {
        tags,
        params: IdParams,
        querystring: AtQuery,
        response: { 200: PauseView, ...errorResponses },
      },
    },
    async (request) => pauses.pauseView(db, request.params.id, atOf(request.query)),
  );
  api.patch(
    '/api/pauses/:id',
    {
      config: { permission: 'pauses:write' },
      schema: {
        tags,
        summary:
          'Correct a window or record what was observed: effective start and end, suspension, resumption',
        params: IdParams,
        body: PausePatch,
        response: { 200: PauseView, ...errorResponses },
      },
    },
    async (request) => {
      await pauses.updatePause(db, actorOf(request), request.params.id, request.body);
      return pauses.pauseView(db, request.params.id, new Date());
    },
  );
  api.put(
    '/api/pauses/:id/acceptances/:partyId',
    {
      config: { permission: 'pauses:write' },
      schema: {
        tags,
        summary: "Record a party's answer to a window",
        params: Type.Object({ id: IdParams.properties.id, partyId: IdParams.properties.id }),
        body: AcceptanceInput,
        response: { 200: Acceptance, ...errorResponses },
      },
    },
    async (request) =>
      pauses.recordAcceptance(db, actorOf(request), request.params.id, request.params.partyId, request.body),
  );
}
