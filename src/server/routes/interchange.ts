import { Readable } from 'node:stream';
import Type from 'typebox';
import { CorridorError, notFound } from '../../domain/errors.ts';
import { exportSiteFile } from '../../scenario/export.ts';
import { importSiteFile } from '../../scenario/import.ts';
import { siteFileSchema } from '../../scenario/published-schema.ts';
import { parseSiteFileBytes } from '../../scenario/read.ts';
import { authoriseSiteFileExport } from '../../services/disclosure-exports.ts';
import { findSite } from '../../store/repos/sites.ts';
import { actorOf } from '../auth.ts';
import { ErrorResponse, errorResponses, Id, IdParams } from '../schemas/common.ts';
import { ExportTo } from '../schemas/disclosure.ts';
import type { Api, RouteContext } from './context.ts';

/** A whole site arrives in one request, so this route alone takes bodies far above the default. */
export const importBodyLimit = 64 * 1024 * 1024;

const Counts = Type.Record(Type.String(), Type.Integer({ minimum: 0 }), {
  description: 'records per entity (site, site_point, passage, household, person, headcount)',
});
const ImportSummary = Type.Object({ siteId: Id, created: Counts, updated: Counts, unchanged: Counts });

export function interchangeRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['interchange'];

  api.get(
    '/api/schemas/site-file.json',
    {
      config: { permission: 'public' },
      schema: { tags, summary: 'The JSON Schema of the site file that import reads and export writes' },
    },
    async (_request, reply) => reply.type('application/schema+json; charset=utf-8').send(siteFileSchema),
  );

  api.get(
    '/api/sites/:id/export',
    {
      config: { permission: 'data:export', auditedAsExport: true },
      schema: {
        tags,
        summary: 'The whole site as a site file, streamed',
        description:
          'Under a disclosure profile that allows names (e.g. cell-transfer), to the recipient named; the export is recorded in the audit trail.',
        params: IdParams,
        querystring: Type.Object(ExportTo, { additionalProperties: false }),
        response: {
          200: {
            description: 'The site file, as an attachment',
            content: { 'application/json': { schema: siteFileSchema } },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      // Checked before streaming starts: once the first bytes are out, an error can only cut the file.
      const site = await findSite(db, request.params.id);
      if (!site) throw notFound('site', request.params.id);
      await authoriseSiteFileExport(db, actorOf(request), site.id, request.query);
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="corridor-site-${site.id}.json"`)
        .send(Readable.from(exportSiteFile(db, site.id)));
    },
  );

  // The import route reads its body itself, in its own scope: the bytes go through the same
  // encoding and JSON checks as `corridor import FILE`, and only application/json is accepted
  // (anything else is 415). The file is validated once, by importSiteFile, which names every
  // problem by its JSONPath; a route body schema would be a second, less precise validation.
  api.register(async (scope) => {
    // Fastify's own words for an oversized body or a wrong media type say nothing of what to do
    // instead; the rethrown error goes on to the app's error handler like any other.
    scope.setErrorHandler((error, request) => {
      const code = (error as { code?: string }).code;
      if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
        throw new CorridorError(
          'payload_too_large',
          `the site file is larger than the ${importBodyLimit / 1024 / 1024} MiB this route accepts; import it on the server with corridor import FILE`,
          { limitBytes: importBodyLimit },
        );
      if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
        throw new CorridorError(
          'unsupported_media_type',
          `send the site file as application/json, not ${request.headers['content-type']?.slice(0, 100) ?? 'without a Content-Type'}`,
        );
      throw error;
    });
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: importBodyLimit },
      (_request, body, done) => {
        try {
          done(null, parseSiteFileBytes(body as Buffer));
        } catch (error) {
          done(error as Error);
        }
      },
    );
    scope.post(
      '/api/import',
      {
        bodyLimit: importBodyLimit,
        config: { permission: 'data:import' },
        schema: {
          tags,
          summary: 'Import a site file (up to 64 MiB) in one transaction: all or nothing, matched by id',
          description:
            'The body is a site file (GET /api/schemas/site-file.json), sent as application/json. A malformed file is refused with every problem as a JSONPath and a reason in error.details.problems, and nothing is written. Importing the same file again changes nothing.',
          response: { 200: ImportSummary, ...errorResponses, 413: ErrorResponse, 415: ErrorResponse },
        },
      },
      async (request) => {
        if (request.body === undefined)
          throw new CorridorError(
            'unsupported_media_type',
            'send the site file as the body, with Content-Type: application/json',
          );
        return importSiteFile(db, actorOf(request), request.body);
      },
    );
  });
}
