import Type from 'typebox';
import * as crews from '../../services/rescue-crews.ts';
import * as plans from '../../services/rescue-plans.ts';
import { replanAccepted, reportProgress } from '../../services/rescue-progress.ts';
import { warmRescueSolver } from '../../services/rescue-solver.ts';
import { rescuePlanView, siteEstimates } from '../../services/rescue-view.ts';
import { requireSite } from '../../services/sites.ts';
import { listCrews, listRescuePlans } from '../../store/repos/rescue.ts';
import { actorOf } from '../auth.ts';
import { errorResponses, IdParams, SiteParams } from '../schemas/common.ts';
import {
  Crew,
  CrewInput,
  CrewPatch,
  ProgressAnswer,
  ProgressInput,
  ReplanInput,
  RescueAcceptance,
  RescuePlanInput,
  RescuePlanSummary,
  RescuePlanView,
  SiteEstimates,
} from '../schemas/rescue.ts';
import type { Api, RouteContext } from './context.ts';

export function rescueRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['rescue'];
  const read = { permission: 'rescue:read' } as const;
  const write = { permission: 'rescue:write' } as const;
  const progress = { permission: 'rescue:progress' } as const;

  api.get(
    '/api/sites/:siteId/crews',
    {
      config: read,
      schema: {
        tags,
        summary: "The site's hand crews, lost ones included",
        params: SiteParams,
        response: { 200: Type.Object({ items: Type.Array(Crew) }), ...errorResponses },
      },
    },
    async (request) => {
      await requireSite(db, request.params.siteId);
      return { items: await listCrews(db, request.params.siteId) };
    },
  );

  api.post(
    '/api/sites/:siteId/crews',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a hand crew',
        params: SiteParams,
        body: CrewInput,
        response: { 201: Crew, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await crews.createCrew(db, actorOf(request), request.params.siteId, request.body)),
  );

  api.get(
    '/api/crews/:id',
    {
      config: read,
      schema: { tags, params: IdParams, response: { 200: Crew, ...errorResponses } },
    },
    async (request) => crews.requireCrew(db, request.params.id),
  );

  api.patch(
    '/api/crews/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit a crew, move it, or mark it lost (crews are never deleted)',
        params: IdParams,
        body: CrewPatch,
        response: { 200: Crew, ...errorResponses },
      },
    },
    async (request) => crews.updateCrew(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    '/api/sites/:siteId/rescue-plans',
    {
      config: write,
      schema: {
        tags,
        summary:
          'Plan the rescue now: which blocked passages to clear, each crew’s tasks, when each occupied shelter can be reached; stored as a draft',
        params: SiteParams,
        body: RescuePlanInput,
        response: { 201: RescuePlanView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const plan = await plans.createRescuePlan(db, actorOf(request), request.params.siteId, request.body);
      return reply.status(201).send(await rescuePlanView(db, plan));
    },
  );

  api.get(
    '/api/sites/:siteId/rescue-plans',
    {
      config: read,
      schema: {
        tags,
        summary: "The site's rescue plans, newest first",
        params: SiteParams,
        response: { 200: Type.Object({ items: Type.Array(RescuePlanSummary) }), ...errorResponses },
      },
    },
    async (request) => {
      await requireSite(db, request.params.siteId);
      return { items: await listRescuePlans(db, request.params.siteId) };
    },
  );

  api.get(
    '/api/rescue-plans/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A rescue plan as accepted, its current estimate and the progress reported on it',
        params: IdParams,
        response: { 200: RescuePlanView, ...errorResponses },
      },
    },
    async (request) => rescuePlanView(db, await plans.requireRescuePlan(db, request.params.id)),
  );

  api.post(
    '/api/rescue-plans/:id/accept',
    {
      config: write,
      schema: {
        tags,
        summary: 'Accept a draft: crews work to it; the accepted plan it replaces is superseded',
        params: IdParams,
        response: { 200: RescueAcceptance, ...errorResponses },
      },
    },
    async (request) => {
      const accepted = await plans.acceptRescuePlan(db, actorOf(request), request.params.id);
      // Progress reports follow an acceptance: have the solver ready for their re-plans.
      void warmRescueSolver();
      return { plan: await rescuePlanView(db, accepted.plan), supersededPlanId: accepted.supersededPlanId };
    },
  );

  api.post(
    '/api/rescue-plans/:id/discard',
    {
      config: write,
      schema: {
        tags,
        summary: 'Discard a draft',
        params: IdParams,
        response: { 200: RescuePlanView, ...errorResponses },
      },
    },
    async (request) =>
      rescuePlanView(db, await plans.discardRescuePlan(db, actorOf(request), request.params.id)),
  );

  api.post(
    '/api/rescue-plans/:id/progress',
    {
      config: progress,
      schema: {
        tags,
        summary:
          'Record a crew’s progress on a passage of the accepted plan (at 100 % the passage opens), then re-plan with crews kept on their tasks',
        params: IdParams,
        body: ProgressInput,
        response: { 201: ProgressAnswer, ...errorResponses },
      },
    },
    async (request, reply) => {
      const recorded = await reportProgress(db, actorOf(request), request.params.id, request.body);
      const plan = await rescuePlanView(db, recorded.plan);
      return reply.status(201).send({
        progress: plan.progress.find((p) => p.id === recorded.progress.id)!,
        passageOpened: recorded.passageOpened,
        replanProblem: recorded.replanProblem,
        plan,
      });
    },
  );

  api.post(
    '/api/rescue-plans/:id/replan',
    {
      config: progress,
      // Every field is optional: a request without a body re-plans now with the defaults.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        summary:
          'Re-plan the accepted plan from the site as it stands (after a collapse, a clearance or a lost crew reported elsewhere)',
        params: IdParams,
        body: ReplanInput,
        response: { 200: RescuePlanView, ...errorResponses },
      },
    },
    async (request) =>
      rescuePlanView(db, await replanAccepted(db, actorOf(request), request.params.id, request.body)),
  );

  api.get(
    '/api/sites/:siteId/rescue-estimates',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The accepted rescue plan’s current estimates: for each occupied shelter, when it can be reached or why not (for the site diagram)',
        params: SiteParams,
        response: { 200: SiteEstimates, ...errorResponses },
      },
    },
    async (request) => {
      await requireSite(db, request.params.siteId);
      return siteEstimates(db, request.params.siteId);
    },
  );
}
