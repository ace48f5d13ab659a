import Type from 'typebox';
import { CorridorError } from '../../domain/errors.ts';
import { authorisePfifExport } from '../../services/disclosure-exports.ts';
import { defaultPfifDomain, exportPfif, importPfif } from '../../services/pfif.ts';
import { actorOf } from '../auth.ts';
import { ErrorResponse, errorResponses, SiteParams } from '../schemas/common.ts';
import { ExportTo } from '../schemas/disclosure.ts';
import type { Api, RouteContext } from './context.ts';

/** A PFIF document arrives whole; larger exchanges go through `corridor pfif import FILE`. */
export const pfifBodyLimit = 16 * 1024 * 1024;

const DomainQuery = Type.Object(
  {
    domain: Type.String({
      default: defaultPfifDomain,
      maxLength: 200,
      description: 'the home domain of the records Corridor writes (their ids are domain/…)',
    }),
  },
  { additionalProperties: false },
);

const Summary = Type.Object({
  persons: Type.Object({
    created: Type.Integer(),
    updated: Type.Integer(),
    unchanged: Type.Integer(),
    skipped: Type.Integer({ description: 'our own records coming back' }),
  }),
  notes: Type.Object({
    created: Type.Integer(),
    unchanged: Type.Integer(),
    skipped: Type.Integer({ description: 'notes about records this site does not hold' }),
  }),
});

export function pfifRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['tracing'];

  api.get(
    '/api/sites/:siteId/pfif',
    {
      config: { permission: 'tracing:exchange', auditedAsExport: true },
      schema: {
        tags,
        summary: "The site's open tracing requests and the people who agreed to be found, as PFIF 1.4",
        description:
          'No person who declined to be found, was never asked, or was merged away is in it. Under a disclosure profile that allows names (e.g. icrc-tracing), to the recipient named; the export is recorded in the audit trail.',
        params: SiteParams,
        querystring: Type.Object({ ...DomainQuery.properties, ...ExportTo }, { additionalProperties: false }),
        response: {
          200: {
            description: 'a PFIF 1.4 document',
            content: { 'application/xml': { schema: Type.String() } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      await authorisePfifExport(db, actorOf(request), request.params.siteId, request.query);
      const xml = await exportPfif(db, request.params.siteId, request.query.domain);
      return reply
        .type('application/xml; charset=utf-8')
        .header('content-disposition', `attachment; filename="corridor-pfif-${request.params.siteId}.xml"`)
        .send(xml);
    },
  );

  api.register(async (scope) => {
    scope.setErrorHandler((error, request) => {
      const code = (error as { code?: string }).code;
      if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        throw new CorridorError(
          'payload_too_large',
          `the PFIF document is larger than the ${pfifBodyLimit / 1024 / 1024} MiB this route accepts; import it on the server with corridor pfif import FILE`,
          { limitBytes: pfifBodyLimit },
        );
      if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
        throw new CorridorError(
          'unsupported_media_type',
          `send the PFIF document as application/xml, not ${request.headers['content-type']?.slice(0, 100) ?? 'without a Content-Type'}`,
        );
      throw error;
    });
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      ['application/xml', 'text/xml'],
      { parseAs: 'string', bodyLimit: pfifBodyLimit },
      (_request, body, done) => done(null, body),
    );
    scope.post(
      '/api/sites/:siteId/pfif',
      {
        bodyLimit: pfifBodyLimit,
        config: { permission: 'tracing:exchange' },
        schema: {
          tags,
          summary: 'Import PFIF 1.4 person and note records from another registry, all or nothing',
          description:
            'Each person record becomes a tracing request from that registry (updated when its source_date is newer), matched against the registry like any other. A malformed document is refused with every problem in error.details.problems, and nothing is written.',
          params: SiteParams,
          querystring: DomainQuery,
          response: { 200: Summary, ...errorResponses, 413: ErrorResponse, 415: ErrorResponse },
        },
      },
      async (request) => {
        const params = request.params as { siteId: string };
        const query = request.query as { domain: string };
        if (typeof request.body !== 'string' || request.body.trim() === '')
          throw new CorridorError(
            'validation_failed',
            'send the PFIF document as the body, as application/xml',
            {
              problems: ['$: empty body'],
            },
          );
        return importPfif(db, actorOf(request), params.siteId, request.body, query.domain);
      },
    );
  });
}
