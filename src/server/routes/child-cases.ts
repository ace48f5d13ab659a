import * as cases from '../../services/child-cases.ts';
import { requireSite } from '../../services/sites.ts';
import { bringTracingUpToDate } from '../../services/tracing-matcher.ts';
import { actorOf } from '../auth.ts';
import {
  CaseClose,
  ChildCase,
  ChildCaseInput,
  ChildCasePage,
  ChildCaseQuery,
  HandoverInput,
  VerificationInput,
} from '../schemas/child-cases.ts';
import { errorResponses, IdParams, SiteParams } from '../schemas/common.ts';
import type { Api, RouteContext } from './context.ts';

export function childCaseRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['reunification'];

  api.get(
    '/api/sites/:siteId/child-cases',
    {
      config: { permission: 'children:read' },
      schema: {
        tags,
        summary: "Cases of a site's unaccompanied and separated children, open ones first",
        description: 'A child registered unaccompanied or separated has a case opened by itself.',
        params: SiteParams,
        querystring: ChildCaseQuery,
        response: { 200: ChildCasePage, ...errorResponses },
      },
    },
    async (request) => {
      await requireSite(db, request.params.siteId);
      // Opens the cases of children registered since the last read.
      await bringTracingUpToDate(db);
      return cases.listCases(db, { siteId: request.params.siteId, ...request.query });
    },
  );

  api.post(
    '/api/child-cases',
    {
      config: { permission: 'children:write' },
      schema: {
        tags,
        summary: 'Open a case for a child',
        body: ChildCaseInput,
        response: { 201: ChildCase, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cases.openCase(db, actorOf(request), request.body)),
  );

  api.get(
    '/api/child-cases/:id',
    {
      config: { permission: 'children:read' },
      schema: { tags, params: IdParams, response: { 200: ChildCase, ...errorResponses } },
    },
    async (request) => cases.getCase(db, request.params.id),
  );

  api.post(
    '/api/child-cases/:id/verifications',
    {
      config: { permission: 'children:write' },
      schema: {
        tags,
        summary: 'Record a family member or guardian whose identity and relation to the child you checked',
        params: IdParams,
        body: VerificationInput,
        response: { 200: ChildCase, ...errorResponses },
      },
    },
    async (request) => cases.addVerification(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    '/api/child-cases/:id/handover',
    {
      config: { permission: 'children:handover' },
      schema: {
        tags,
        summary: 'Hand the child to a verified family member or guardian: the case ends',
        params: IdParams,
        body: HandoverInput,
        response: { 200: ChildCase, ...errorResponses },
      },
    },
    async (request) => cases.handOver(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    '/api/child-cases/:id/close',
    {
      config: { permission: 'children:write' },
      schema: {
        tags,
        summary: 'Close a case for another reason than a hand-over (opened in error, came of age …)',
        params: IdParams,
        body: CaseClose,
        response: { 200: ChildCase, ...errorResponses },
      },
    },
    async (request) => cases.closeCase(db, actorOf(request), request.params.id, request.body),
  );
}
