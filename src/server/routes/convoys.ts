import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { CorridorError } from '../../domain/errors.ts';
import { nameFieldsIn } from '../../domain/notification.ts';
import { convoysFromAcceptedPlan } from '../../services/convoy-create.ts';
import { updateConvoyVehicleCrew } from '../../services/convoy-crews.ts';
import { arriveConvoy, cancelConvoy, departConvoy } from '../../services/convoy-status.ts';
import { convoyView, convoyViews } from '../../services/convoy-view.ts';
import { notificationExport } from '../../services/notification-export.ts';
import { notificationPdf } from '../../services/notification-pdf.ts';
import { notifyParties, recordAnswer } from '../../services/notifications.ts';
import { requireSite } from '../../services/sites.ts';
import { listConvoys } from '../../store/repos/convoys.ts';
import { actorOf } from '../auth.ts';
import { errorResponses, IdParams, SiteParams } from '../schemas/common.ts';
import {
  Answer,
  AnswerInput,
  ArriveInput,
  CancelInput,
  Convoy,
  ConvoyAtQuery,
  ConvoyCreation,
  ConvoyVehicleParams,
  ConvoyView,
  CrewInput,
  DepartInput,
  Departure,
  NotifyInput,
  NotifyResult,
} from '../schemas/convoys.ts';
import type { Api, RouteContext } from './context.ts';

const atOf = (query: { at?: string | undefined }): Date => (query.at ? new Date(query.at) : new Date());

// Every field of these bodies is optional: a request without a body uses the defaults.
const emptyBodyAllowed = async (request: FastifyRequest) => {
  request.body ??= {};
};

/**
 * A notification never carries names. A body that tries (a names or passengers field, a list of
 * persons) is refused before anything else, saying which fields, so the mistake cannot pass as a
 * mere unknown field.
 */
const refuseNames = async (request: FastifyRequest) => {
  const fields = nameFieldsIn(request.body);
  if (fields.length > 0)
    throw new CorridorError(
      'validation_failed',
      `a notification never carries names or lists of people, only counts by category: remove ${fields
        .map((f) => f.slice(1))
        .join(', ')}`,
      { fields },
    );
};

export function convoyRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['convoys'];
  const read = { permission: 'convoys:read' } as const;
  const write = { permission: 'convoys:write' } as const;

  api.post(
    '/api/plans/:id/convoys',
    {
      config: write,
      schema: {
        tags,
        summary:
          "Make the convoys of the site's accepted plan: vehicles, route with planned times, manifests. 201 when made, 200 with the same convoys when they existed already",
        params: IdParams,
        response: { 200: ConvoyCreation, 201: ConvoyCreation, ...errorResponses },
      },
    },
    async (request, reply) => {
      const made = await convoysFromAcceptedPlan(db, actorOf(request), request.params.id);
      const siteId = made.convoys[0]!.siteId;
      return reply
        .status(made.created ? 201 : 200)
        .send({ ...made, convoys: await convoyViews(db, siteId, made.convoys, new Date()) });
    },
  );

  api.get(
    '/api/sites/:siteId/convoys',
    {
      config: read,
      schema: {
        tags,
        summary: "The site's convoys in order of departure, with vehicles, route and manifest counts",
        params: SiteParams,
        querystring: ConvoyAtQuery,
        response: { 200: Type.Object({ items: Type.Array(ConvoyView) }), ...errorResponses },
      },
    },
    async (request) => {
      const { siteId } = request.params;
      await requireSite(db, siteId);
      return { items: await convoyViews(db, siteId, await listConvoys(db, siteId), atOf(request.query)) };
    },
  );

  api.get(
    '/api/convoys/:id',
    {
      config: read,
      schema: {
        tags,
        summary: 'A convoy: vehicles, waypoints, manifest counts, its pause window',
        params: IdParams,
        querystring: ConvoyAtQuery,
        response: { 200: ConvoyView, ...errorResponses },
      },
    },
    async (request) => convoyView(db, request.params.id, atOf(request.query)),
  );

  api.patch(
    '/api/convoys/:convoyId/vehicles/:vehicleId',
    {
      config: write,
      schema: {
        tags,
        summary:
          "Record a vehicle's actual marking, crew size and crew note while the convoy is planned (409 after departure or cancellation). Marking and crew are in the parties' notifications: a change shows them outdated until notified again",
        params: ConvoyVehicleParams,
        body: CrewInput,
        response: { 200: ConvoyView, ...errorResponses },
      },
    },
    async (request) => {
      const { convoyId, vehicleId } = request.params;
      await updateConvoyVehicleCrew(db, actorOf(request), convoyId, vehicleId, request.body);
      return convoyView(db, convoyId, new Date());
    },
  );

  api.post(
    '/api/convoys/:id/notifications',
    {
      config: write,
      preValidation: [emptyBodyAllowed, refuseNames],
      schema: {
        tags,
        summary:
          "Notify the movement to each party (default: the parties of the site's pause windows): route, times, vehicles and markings, passengers by category, never names. A party whose latest notification is still current is not sent it again; 409 when none needs it",
        params: IdParams,
        body: NotifyInput,
        response: { 201: NotifyResult, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await notifyParties(db, actorOf(request), request.params.id, request.body)),
  );

  api.post(
    '/api/notifications/:id/answers',
    {
      config: write,
      preValidation: refuseNames,
      schema: {
        tags,
        summary:
          "Record a party's answer to a notification (acknowledged, objected, no answer) with its time and source; the latest answer counts, earlier ones stay",
        params: IdParams,
        body: AnswerInput,
        response: { 201: Answer, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordAnswer(db, actorOf(request), request.params.id, request.body)),
  );

  api.get(
    '/api/convoys/:id/notifications.json',
    {
      config: read,
      schema: {
        tags,
        summary: "Every notification of the convoy as sent to each party, with the parties' answers, as JSON",
        params: IdParams,
        querystring: ConvoyAtQuery,
      },
    },
    async (request, reply) => {
      const data = await notificationExport(db, request.params.id, atOf(request.query));
      return reply
        .header('content-disposition', `attachment; filename="convoy-${data.convoy.code}-notifications.json"`)
        .type('application/json; charset=utf-8')
        .send(JSON.stringify(data, null, 2));
    },
  );

  api.get(
    '/api/convoys/:id/notifications.pdf',
    {
      config: read,
      schema: {
        tags,
        summary:
          "The convoy's notifications on paper: a page per party with the latest version and its answers",
        params: IdParams,
        querystring: ConvoyAtQuery,
      },
    },
    async (request, reply) => {
      const data = await notificationExport(db, request.params.id, atOf(request.query));
      return reply
        .header('content-disposition', `attachment; filename="convoy-${data.convoy.code}-notifications.pdf"`)
        .type('application/pdf')
        .send(await notificationPdf(data));
    },
  );

  api.post(
    '/api/convoys/:id/depart',
    {
      config: write,
      preValidation: emptyBodyAllowed,
      schema: {
        tags,
        summary:
          'The convoy sets out: its manifest is locked. A flagged convoy (window not agreed, a party objected or not notified) departs only with an override and a reason; 409 otherwise, naming the flags',
        params: IdParams,
        body: DepartInput,
        response: { 200: Departure, ...errorResponses },
      },
    },
    async (request) => {
      const departure = await departConvoy(db, actorOf(request), request.params.id, request.body);
      const at = new Date(departure.convoy.departedAt!);
      return { ...departure, convoy: await convoyView(db, departure.convoy.id, at) };
    },
  );

  api.post(
    '/api/convoys/:id/cancel',
    {
      config: write,
      schema: {
        tags,
        summary: 'Cancel a planned convoy, with a reason; refused while anyone is aboard',
        params: IdParams,
        body: CancelInput,
        response: { 200: Convoy, ...errorResponses },
      },
    },
    async (request) => cancelConvoy(db, actorOf(request), request.params.id, request.body.reason),
  );

  api.post(
    '/api/convoys/:id/arrive',
    {
      config: { permission: 'convoys:report' },
      preValidation: emptyBodyAllowed,
      schema: {
        tags,
        summary: 'Record a departed convoy as arrived at its reception point',
        params: IdParams,
        body: ArriveInput,
        response: { 200: Convoy, ...errorResponses },
      },
    },
    async (request) => arriveConvoy(db, actorOf(request), request.params.id, request.body),
  );
}
