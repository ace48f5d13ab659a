import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { seesPersons } from '../../domain/roles.ts';
import { acceptPlan } from '../../services/plan-accept.ts';
import { planView } from '../../services/plan-view.ts';
import * as plans from '../../services/plans.ts';
import { requireSite } from '../../services/sites.ts';
import { listPlans } from '../../store/repos/plans.ts';
import { actorOf, currentUser } from '../auth.ts';
import { errorResponses, IdParams, SiteParams } from '../schemas/common.ts';
import { PlanAcceptance, PlanInput, PlanSummary, PlanView, ReplanInput } from '../schemas/plans.ts';
import type { Api, RouteContext } from './context.ts';

const withNames = (request: FastifyRequest) => seesPersons(currentUser(request).role);

export function planRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['plans'];
  const read = { permission: 'plans:read' } as const;
  const write = { permission: 'plans:write' } as const;

  api.post(
    '/api/sites/:siteId/plans',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Plan the evacuation of the ready people with the available vehicles in the agreed or active pause windows; stored as a draft',
        params: SiteParams,
        body: PlanInput,
        response: { 201: PlanView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const plan = await plans.createPlan(db, actorOf(request), request.params.siteId, request.body);
      return reply.status(201).send(await planView(db, plan, withNames(request)));
    },
  );

  api.get(
    '/api/sites/:siteId/plans',
    {
      config: read,
      schema: {
        tags,
        summary: "The site's evacuation plans, newest first, without their people",
        params: SiteParams,
        response: { 200: Type.Object({ items: Type.Array(PlanSummary) }), ...errorResponses },
      },
    },
    async (request) => {
      await requireSite(db, request.params.siteId);
      return { items: await listPlans(db, request.params.siteId) };
    },
  );

  api.get(
    '/api/plans/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A plan: trips with their people, everyone left out with the reason, value, bound and gap',
        params: IdParams,
        response: { 200: PlanView, ...errorResponses },
      },
    },
    async (request) => planView(db, await plans.requirePlan(db, request.params.id), withNames(request)),
  );

  api.post(
    '/api/plans/:id/accept',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Accept a draft: it supersedes the accepted plan and its people move from ready to assigned; 409 if any is no longer ready',
        params: IdParams,
        response: { 200: PlanAcceptance, ...errorResponses },
      },
    },
    async (request) => {
      const accepted = await acceptPlan(db, actorOf(request), request.params.id);
      return { ...accepted, plan: await planView(db, accepted.plan, withNames(request)) };
    },
  );

  api.post(
    '/api/plans/:id/replan',
    {
      config: write,
      schema: {
        tags,
        summary:
          'A new draft from this plan after windows are cancelled or vehicles lost, keeping its trips where possible; people newly ready are added',
        params: IdParams,
        body: ReplanInput,
        response: { 201: PlanView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const plan = await plans.replanPlan(db, actorOf(request), request.params.id, request.body);
      return reply.status(201).send(await planView(db, plan, withNames(request)));
    },
  );

  api.post(
    '/api/plans/:id/discard',
    {
      config: write,
      schema: {
        tags,
        summary: 'Discard a draft',
        params: IdParams,
        response: { 200: PlanView, ...errorResponses },
      },
    },
    async (request) =>
      planView(db, await plans.discardPlan(db, actorOf(request), request.params.id), withNames(request)),
  );
}
