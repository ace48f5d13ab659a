import { CorridorError } from '../../domain/errors.ts';
import { parsePersonCode } from '../../domain/person-code.ts';
import { checkIn } from '../../services/check-in.ts';
import { receptionSearch } from '../../services/reception-search.ts';
import { requireSite } from '../../services/sites.ts';
import { listCheckIns } from '../../store/repos/check-ins.ts';
import { actorOf } from '../auth.ts';
import { errorResponses, SiteParams } from '../schemas/common.ts';
import {
  CheckIn,
  CheckInHeaders,
  CheckInInput,
  CheckInPage,
  CheckInQuery,
  ReceptionSearchQuery,
  ReceptionSearchResult,
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
