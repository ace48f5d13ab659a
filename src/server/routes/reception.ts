import { CorridorError } from '../../domain/errors.ts';
import { parsePersonCode } from '../../domain/person-code.ts';
import { hasPermission } from '../../domain/roles.ts';
import { checkIn } from '../../services/check-in.ts';
import { voidCheckIn } from '../../services/check-in-void.ts';
import { receptionSearch } from '../../services/reception-search.ts';
import { requireSite } from '../../services/sites.ts';
import { listCheckIns } from '../../store/repos/check-ins.ts';
import { actorOf, currentUser } from '../auth.ts';
import { errorResponses, IdParams, SiteParams } from '../schemas/common.ts';
import {
  CheckIn,
  CheckInHeaders,
  CheckInInput,
  CheckInPage,
  CheckInQuery,
  CheckInVoidInput,
  ReceptionSearchQuery,
  ReceptionSearchResult,
  VoidedCheckIn,
} from '../schemas/reception.ts';
import type { Api, RouteContext } from './context.ts';

/** The person a check-in names: by id, or by the text of their card's QR code. */
function personOf(body: { personId?: string | undefined; qr?: string | undefined }): {
  personId: string;
  fromQr: boolean;
} {
  if ((body.personId === undefined) === (body.qr === undefined))
    throw new CorridorError('validation_failed', 'personId, qr: give exactly one of them', {
      field: 'personId',
    });
  if (body.personId !== undefined) return { personId: body.personId, fromQr: false };
  const parsed = parsePersonCode(body.qr!);
  if ('problem' in parsed)
    throw new CorridorError('validation_failed', `qr: ${parsed.problem}`, { field: 'qr' });
  return { personId: parsed.personId, fromQr: true };
}

export function receptionRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['reception'];

  api.post(
    '/api/sites/:siteId/check-ins',
    {
      config: { permission: 'reception:check_in' },
      schema: {
        tags,
        summary:
          'Check a person in at a reception point; send an Idempotency-Key header so that a repeated request has one effect',
        description:
          'A second check-in of the same person is refused with 409 naming when and where the first was made. ' +
          'The same Idempotency-Key again answers with the same check-in (header Idempotent-Replayed: true) and writes nothing.',
        params: SiteParams,
        headers: CheckInHeaders,
        body: CheckInInput,
        response: { 201: CheckIn, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { personId, fromQr } = personOf(request.body);
      const result = await checkIn(db, actorOf(request), request.params.siteId, {
        personId,
        method: fromQr ? 'qr' : (request.body.method ?? 'id'),
        receptionPointId: request.body.receptionPointId,
        convoyId: request.body.convoyId,
        desk: request.body.desk,
        idempotencyKey: request.headers['idempotency-key'],
      });
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(result.checkIn);
    },
  );

  // Who may void a check-in: the desk that made it, or the coordination cell. A wrong card scanned
  // or the wrong name chosen is seen at once by the desk that did it, with the person in front of
  // them, and should be undone there without waiting for the cell; so the route needs the desk's
  // own permission, and the service lets a desk void only the check-ins made under its account.
  // Anyone else's check-in is a fact the desk did not witness: voiding it is the cell's call, the
  // same authority that resolves alerts (alerts:resolve), since a void reopens and raises alerts.
  api.post(
    '/api/check-ins/:id/void',
    {
      config: { permission: 'reception:check_in' },
      schema: {
        tags,
        summary:
          'Void a check-in made in error, with the reason: the person goes back to the status they had, alerts are put right',
        description:
          'A reception desk voids only its own check-ins; the coordination cell any. The check-in stays, marked voided. ' +
          'A hold at a screening point the check-in ended opens again; alerts it raised are resolved; the alerts the ' +
          'corrected record calls for (boarded but not arrived, a child now alone at reception) are raised.',
        params: IdParams,
        body: CheckInVoidInput,
        response: { 200: VoidedCheckIn, ...errorResponses },
      },
    },
    async (request) =>
      voidCheckIn(db, actorOf(request), request.params.id, request.body.reason, {
        anyDesk: hasPermission(currentUser(request).role, 'alerts:resolve'),
      }),
  );

  api.get(
    '/api/sites/:siteId/check-ins',
    {
      config: { permission: 'people:read' },
      schema: {
        tags,
        summary: 'Standing check-ins of a site, newest first',
        params: SiteParams,
        querystring: CheckInQuery,
        response: { 200: CheckInPage, ...errorResponses },
      },
    },
    async (request) => {
      await requireSite(db, request.params.siteId);
      return listCheckIns(db, { siteId: request.params.siteId, ...request.query });
    },
  );

  api.get(
    '/api/sites/:siteId/reception/search',
    {
      config: { permission: 'people:read' },
      schema: {
        tags,
        summary:
          'Find a person at the reception desk by id, QR code text, or a name in any script or spelling',
        params: SiteParams,
        querystring: ReceptionSearchQuery,
        response: { 200: ReceptionSearchResult, ...errorResponses },
      },
    },
    async (request) => ({
      items: await receptionSearch(
        db,
        request.params.siteId,
        request.query.q,
        request.query.limit,
        (text) => {
          const parsed = parsePersonCode(text);
          return 'personId' in parsed ? parsed.personId : undefined;
        },
      ),
    }),
  );
}
