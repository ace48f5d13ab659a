import Type from 'typebox';
import * as sites from '../../services/sites.ts';
import { siteSummary } from '../../services/summary.ts';
import { listSites } from '../../store/repos/sites.ts';
import { actorOf } from '../auth.ts';
import { passageFor, pointFor } from '../redact.ts';
import { errorResponses, IdParams, SiteParams } from '../schemas/common.ts';
import { Summary } from '../schemas/misc.ts';
import {
  Passage,
  PassageInput,
  PassagePatch,
  PassageReport,
  Point,
  PointInput,
  PointPatch,
  Site,
  SiteGraph,
  SiteInput,
  SitePatch,
} from '../schemas/site.ts';
import type { Api, RouteContext } from './context.ts';

export function siteRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['site'];

  api.get(
    '/api/sites',
    {
      config: { permission: 'site:read' },
      schema: { tags, response: { 200: Type.Object({ items: Type.Array(Site) }), ...errorResponses } },
    },
    async () => ({ items: await listSites(db) }),
  );

  api.post(
    '/api/sites',
    {
      config: { permission: 'site:write' },
      schema: { tags, body: SiteInput, response: { 201: Site, ...errorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await sites.createSite(db, actorOf(request), request.body)),
  );

  api.get(
    '/api/sites/:id',
    {
      config: { permission: 'site:read' },
      schema: {
        tags,
        summary: 'A site with its points and passages',
        params: IdParams,
        response: { 200: SiteGraph, ...errorResponses },
      },
    },
    async (request) => {
      const graph = await sites.siteGraph(db, request.params.id);
      return {
        site: graph.site,
        points: graph.points.map((p) => pointFor(request, p)),
        passages: graph.passages.map((p) => passageFor(request, p)),
      };
    },
  );

  api.patch(
    '/api/sites/:id',
    {
      config: { permission: 'site:write' },
      schema: { tags, params: IdParams, body: SitePatch, response: { 200: Site, ...errorResponses } },
    },
    async (request) => sites.updateSite(db, actorOf(request), request.params.id, request.body),
  );

  api.get(
    '/api/sites/:siteId/summary',
    {
      config: { permission: 'aggregates:read' },
      schema: {
        tags,
        summary: 'Aggregate counts, for every role',
        params: SiteParams,
        response: { 200: Summary, ...errorResponses },
      },
    },
    async (request) => siteSummary(db, request.params.siteId),
  );

  api.post(
    '/api/sites/:siteId/points',
    {
      config: { permission: 'site:write' },
      schema: {
        tags,
        summary: 'Add a shelter, exit, pickup point or junction',
        params: SiteParams,
        body: PointInput,
        response: { 201: Point, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await sites.createPoint(db, actorOf(request), request.params.siteId, request.body)),
  );

  api.patch(
    '/api/points/:id',
    {
      config: { permission: 'site:write' },
      schema: { tags, params: IdParams, body: PointPatch, response: { 200: Point, ...errorResponses } },
    },
    async (request) => sites.updatePoint(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    '/api/sites/:siteId/passages',
    {
      config: { permission: 'site:write' },
      schema: { tags, params: SiteParams, body: PassageInput, response: { 201: Passage, ...errorResponses } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await sites.createPassage(db, actorOf(request), request.params.siteId, request.body)),
  );

  api.patch(
    '/api/passages/:id',
    {
      config: { permission: 'site:write' },
      schema: { tags, params: IdParams, body: PassagePatch, response: { 200: Passage, ...errorResponses } },
    },
    async (request) => sites.updatePassage(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    '/api/passages/:id/reports',
    {
      config: { permission: 'passage:report' },
      schema: {
        tags,
        summary: "A field report of a passage's state",
        params: IdParams,
        body: PassageReport,
        response: { 201: Passage, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await sites.updatePassage(
            db,
            actorOf(request),
            request.params.id,
            { ...request.body, clearancePersonHours: request.body.clearancePersonHours ?? null },
            'report',
          ),
        ),
  );
}
