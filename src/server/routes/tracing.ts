import { requireSite } from '../../services/sites.ts';
import * as tracing from '../../services/tracing.ts';
import { bringTracingUpToDate } from '../../services/tracing-matcher.ts';
import { listMatches, matchCounts } from '../../services/tracing-matches.ts';
import { searchRegistry } from '../../services/tracing-search.ts';
import { actorOf } from '../auth.ts';
import { errorResponses, IdParams, SiteParams } from '../schemas/common.ts';
import {
  Consent,
  ConsentInput,
  MatchParams,
  MatchReview,
  TracingMatchPage,
  TracingMatchQuery,
  TracingRequest,
  TracingRequestInput,
  TracingRequestPage,
  TracingRequestPatch,
  TracingRequestQuery,
  TracingRequestStatusChange,
  TracingRequestWithMatches,
  TracingSearchQuery,
  TracingSearchResult,
} from '../schemas/tracing.ts';
import type { Api, RouteContext } from './context.ts';

// Every read of matches first brings them up to date with the registry (new registrations, changes,
// merges and consent since the last read): what the cell sees is never behind what was registered.
export function tracingRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['tracing'];

  api.post(
    '/api/tracing-requests',
    {
      config: { permission: 'tracing:request' },
      schema: {
        tags,
        summary: 'File a tracing request: who is sought, by whom, their relation, where and when last seen',
        description:
          'The answer is the request alone: what the matcher finds is shown only to the coordination cell.',
        body: TracingRequestInput,
        response: { 201: TracingRequest, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await tracing.createRequest(db, actorOf(request), request.body)),
  );

  api.get(
    '/api/sites/:siteId/tracing-requests',
    {
      config: { permission: 'tracing:read' },
      schema: {
        tags,
        summary: "A site's tracing requests, newest first, with how many matches each has",
        params: SiteParams,
        querystring: TracingRequestQuery,
        response: { 200: TracingRequestPage, ...errorResponses },
      },
    },
    async (request) => {
      await requireSite(db, request.params.siteId);
      await bringTracingUpToDate(db);
      const page = await tracing.listRequests(db, { siteId: request.params.siteId, ...request.query });
      const counts = await matchCounts(
        db,
        page.items.map((item) => item.id),
      );
      return { ...page, items: page.items.map((item) => ({ ...item, matchCounts: counts.get(item.id)! })) };
    },
  );

  api.get(
    '/api/tracing-requests/:id',
    {
      config: { permission: 'tracing:read' },
      schema: { tags, params: IdParams, response: { 200: TracingRequestWithMatches, ...errorResponses } },
    },
    async (request) => {
      const found = await tracing.getRequest(db, request.params.id);
      await bringTracingUpToDate(db);
      const matches = await listMatches(db, { requestId: found.id, limit: 1000, offset: 0 });
      return { ...(await tracing.getRequest(db, found.id)), matches: matches.items };
    },
  );

  api.patch(
    '/api/tracing-requests/:id',
    {
      config: { permission: 'tracing:write' },
      schema: {
        tags,
        summary: 'Correct a tracing request; it is matched again',
        params: IdParams,
        body: TracingRequestPatch,
        response: { 200: TracingRequest, ...errorResponses },
      },
    },
    async (request) => tracing.updateRequest(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    '/api/tracing-requests/:id/status',
    {
      config: { permission: 'tracing:write' },
      schema: {
        tags,
        summary: 'Close a tracing request (with a reason) or open it again',
        params: IdParams,
        body: TracingRequestStatusChange,
        response: { 200: TracingRequest, ...errorResponses },
      },
    },
    async (request) => tracing.setRequestStatus(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    '/api/tracing-requests/:id/matches/:personId/review',
    {
      config: { permission: 'tracing:write' },
      schema: {
        tags,
        summary: 'Confirm or reject a match',
        params: MatchParams,
        body: MatchReview,
        response: { 200: TracingMatchPage, ...errorResponses },
      },
    },
    async (request) => {
      await tracing.reviewMatch(
        db,
        actorOf(request),
        request.params.id,
        request.params.personId,
        request.body,
      );
      const page = await listMatches(db, { requestId: request.params.id, limit: 1000, offset: 0 });
      return { items: page.items.filter((m) => m.person.id === request.params.personId), total: 1 };
    },
  );

  api.get(
    '/api/sites/:siteId/tracing-matches',
    {
      config: { permission: 'tracing:read' },
      schema: {
        tags,
        summary: "Matches of a site's tracing requests, unreviewed first, best first",
        params: SiteParams,
        querystring: TracingMatchQuery,
        response: { 200: TracingMatchPage, ...errorResponses },
      },
    },
    async (request) => {
      await requireSite(db, request.params.siteId);
      await bringTracingUpToDate(db);
      return listMatches(db, { siteId: request.params.siteId, ...request.query });
    },
  );

  api.get(
    '/api/sites/:siteId/tracing-search',
    {
      config: { permission: 'tracing:read' },
      schema: {
        tags,
        summary: 'Search the registry by name across scripts and spellings, for tracing',
        description: 'People who declined to be found are never among the results.',
        params: SiteParams,
        querystring: TracingSearchQuery,
        response: { 200: TracingSearchResult, ...errorResponses },
      },
    },
    async (request) => searchRegistry(db, { siteId: request.params.siteId, ...request.query }),
  );

  api.get(
    '/api/people/:id/tracing-consent',
    {
      config: { permission: 'tracing:consent' },
      schema: {
        tags,
        summary: 'Whether a registered person agreed or declined to be found (null: not asked)',
        params: IdParams,
        response: { 200: Consent, ...errorResponses },
      },
    },
    async (request) => ({ consent: await tracing.getConsent(db, request.params.id) }),
  );

  api.put(
    '/api/people/:id/tracing-consent',
    {
      config: { permission: 'tracing:consent' },
      schema: {
        tags,
        summary: 'Record whether a registered person agrees to be found by those looking for them',
        description:
          'A person who declines is never disclosed by tracing: no match, search result or export shows them.',
        params: IdParams,
        body: ConsentInput,
        response: { 200: Consent, ...errorResponses },
      },
    },
    async (request) => ({
      consent: await tracing.recordConsent(db, actorOf(request), request.params.id, request.body),
    }),
  );
}
