import Type from 'typebox';
import { notFound } from '../../domain/errors.ts';
import * as claims from '../../services/claims.ts';
import { requireSite } from '../../services/sites.ts';
import { timeline } from '../../services/timeline.ts';
import {
  findClaim,
  findIncident,
  listClaims,
  listIncidents,
  listVerifications,
} from '../../store/repos/claims.ts';
import { actorOf } from '../auth.ts';
import { errorResponses, IdParams, SiteParams } from '../schemas/common.ts';
import {
  Claim,
  ClaimInput,
  ClaimsQuery,
  ClaimWithHistory,
  Figures,
  Incident,
  IncidentInput,
  Timeline,
  TimelineQuery,
  VerificationInput,
} from '../schemas/pauses.ts';
import type { Api, RouteContext } from './context.ts';

export function claimRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['claims'];

  api.get(
    '/api/sites/:siteId/incidents',
    {
      config: { permission: 'claims:read' },
      schema: {
        tags,
        params: SiteParams,
        response: { 200: Type.Object({ items: Type.Array(Incident) }), ...errorResponses },
      },
    },
    async (request) => {
      await requireSite(db, request.params.siteId);
      return { items: await listIncidents(db, request.params.siteId) };
    },
  );
  api.post(
    '/api/incidents',
    {
      config: { permission: 'claims:write' },
      schema: { tags, body: IncidentInput, response: { 201: Incident, ...errorResponses } },
    },
    async (request, reply) =>
      reply.status(201).send(await claims.recordIncident(db, actorOf(request), request.body)),
  );
  api.get(
    '/api/incidents/:id',
    {
      config: { permission: 'claims:read' },
      schema: {
        tags,
        summary: 'An incident with every claim made about it, side by side',
        params: IdParams,
        response: {
          200: Type.Object({ ...Incident.properties, claims: Type.Array(Claim) }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const incident = await findIncident(db, request.params.id);
      if (!incident) throw notFound('incident', request.params.id);
      return {
        ...incident,
        claims: await listClaims(db, { siteId: incident.siteId, incidentId: incident.id }),
      };
    },
  );

  api.get(
    '/api/sites/:siteId/claims',
    {
      config: { permission: 'claims:read' },
      schema: {
        tags,
        params: SiteParams,
        querystring: ClaimsQuery,
        response: { 200: Type.Object({ items: Type.Array(Claim) }), ...errorResponses },
      },
    },
    async (request) => {
      await requireSite(db, request.params.siteId);
      return { items: await listClaims(db, { siteId: request.params.siteId, ...request.query }) };
    },
  );
  api.post(
    '/api/claims',
    {
      config: { permission: 'claims:write' },
      schema: {
        tags,
        summary: 'Record a claim as it was made',
        body: ClaimInput,
        response: { 201: Claim, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await claims.recordClaim(db, actorOf(request), request.body)),
  );
  api.get(
    '/api/claims/:id',
    {
      config: { permission: 'claims:read' },
      schema: { tags, params: IdParams, response: { 200: ClaimWithHistory, ...errorResponses } },
    },
    async (request) => {
      const claim = await findClaim(db, request.params.id);
      if (!claim) throw notFound('claim', request.params.id);
      return { ...claim, history: await listVerifications(db, claim.id) };
    },
  );
  api.post(
    '/api/claims/:id/verification',
    {
      config: { permission: 'claims:verify' },
      schema: {
        tags,
        summary: "Change a claim's verification status, with the reason",
        params: IdParams,
        body: VerificationInput,
        response: { 200: Claim, ...errorResponses },
      },
    },
    async (request) => claims.verifyClaim(db, actorOf(request), request.params.id, request.body),
  );

  api.get(
    '/api/sites/:siteId/figures',
    {
      config: { permission: 'claims:read' },
      schema: {
        tags,
        summary: "Reported figures beside the registry's own count, each with its source",
        params: SiteParams,
        response: { 200: Figures, ...errorResponses },
      },
    },
    async (request) => ({ items: await claims.reportedFigures(db, request.params.siteId) }),
  );

  api.get(
    '/api/sites/:siteId/timeline',
    {
      config: { permission: 'claims:read' },
      schema: {
        tags,
        summary: 'One chronological feed of pauses, acceptances, incidents and claims',
        params: SiteParams,
        querystring: TimelineQuery,
        response: { 200: Timeline, ...errorResponses },
      },
    },
    async (request) => ({ items: await timeline(db, request.params.siteId, request.query) }),
  );
}
