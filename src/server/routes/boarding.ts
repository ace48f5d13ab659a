import type { FastifyRequest } from 'fastify';
import { seesPersons } from '../../domain/roles.ts';
import { boardPerson, recordNoShow, substitute } from '../../services/boarding.ts';
import { boardingCardsPdf } from '../../services/boarding-cards-pdf.ts';
import { manifestPdf } from '../../services/manifest-pdf.ts';
import { entryView, manifestView } from '../../services/manifest-view.ts';
import { requireSite } from '../../services/sites.ts';
import type { ManifestLine } from '../../store/repos/manifest.ts';
import { actorOf, currentUser } from '../auth.ts';
import {
  BoardingInput,
  CardsQuery,
  ManifestEntry,
  ManifestView,
  NoShowInput,
  Substitution,
  SubstitutionInput,
} from '../schemas/boarding.ts';
import { errorResponses, IdParams } from '../schemas/common.ts';
import type { Api, RouteContext } from './context.ts';

const withNames = (request: FastifyRequest) => seesPersons(currentUser(request).role);

export function boardingRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['boarding'];
  const read = { permission: 'convoys:read' } as const;
  const board = { permission: 'convoys:board' } as const;
  // Categories are judged on the day the line is shown for: the day of boarding is today.
  const view = (request: FastifyRequest, line: ManifestLine) =>
    entryView(line, new Date(), withNames(request));

  api.post(
    '/api/convoys/:id/boarding',
    {
      config: board,
      schema: {
        tags,
        summary:
          'Board one person, by id or by the QR code of their card or wristband: assigned → boarded. Refused (nothing written) when the person is not on this manifest, has boarded already, or the manifest is locked',
        params: IdParams,
        body: BoardingInput,
        response: { 200: ManifestEntry, ...errorResponses },
      },
    },
    async (request) =>
      view(request, await boardPerson(db, actorOf(request), request.params.id, request.body)),
  );

  api.post(
    '/api/convoys/:id/no-shows',
    {
      config: board,
      schema: {
        tags,
        summary:
          'Record that someone expected did not come, with the reason; they stay assigned and may still board before departure',
        params: IdParams,
        body: NoShowInput,
        response: { 200: ManifestEntry, ...errorResponses },
      },
    },
    async (request) =>
      view(request, await recordNoShow(db, actorOf(request), request.params.id, request.body)),
  );

  api.post(
    '/api/convoys/:id/substitutions',
    {
      config: board,
      schema: {
        tags,
        summary:
          'Give the place of someone who has not boarded to someone else, with the reason: the substitute boards at once on the same vehicle if it has a free place of the kind they need; the replaced person goes back to ready',
        params: IdParams,
        body: SubstitutionInput,
        response: { 200: Substitution, ...errorResponses },
      },
    },
    async (request) => {
      const done = await substitute(db, actorOf(request), request.params.id, request.body);
      return { replaced: view(request, done.replaced), substitute: view(request, done.substitute) };
    },
  );

  api.get(
    '/api/convoys/:id/manifest',
    {
      config: read,
      schema: {
        tags,
        summary:
          'The manifest: vehicle by vehicle, who is expected, boarded, a no-show or replaced, with categories and QR code text; names only for roles that see persons',
        params: IdParams,
        response: { 200: ManifestView, ...errorResponses },
      },
    },
    async (request) => manifestView(db, request.params.id, withNames(request)),
  );

  api.get(
    '/api/convoys/:id/manifest.pdf',
    {
      config: read,
      schema: {
        tags,
        summary: 'The manifest to print: a section per vehicle, households together, a line to sign',
        params: IdParams,
      },
    },
    async (request, reply) => {
      const manifest = await manifestView(db, request.params.id, withNames(request));
      const site = await requireSite(db, manifest.convoy.siteId);
      return reply
        .header('content-disposition', `attachment; filename="convoy-${manifest.convoy.code}-manifest.pdf"`)
        .type('application/pdf')
        .send(await manifestPdf(manifest, site.name));
    },
  );

  api.get(
    '/api/convoys/:id/cards.pdf',
    {
      config: read,
      schema: {
        tags,
        summary:
          'Boarding cards (or wristbands) to print, one per person holding a place: the QR code carries the person code only, never a name',
        params: IdParams,
        querystring: CardsQuery,
      },
    },
    async (request, reply) => {
      const layout = request.query.layout ?? 'card';
      const manifest = await manifestView(db, request.params.id, withNames(request));
      return reply
        .header(
          'content-disposition',
          `attachment; filename="convoy-${manifest.convoy.code}-${layout === 'card' ? 'cards' : 'wristbands'}.pdf"`,
        )
        .type('application/pdf')
        .send(await boardingCardsPdf(manifest, layout));
    },
  );
}
