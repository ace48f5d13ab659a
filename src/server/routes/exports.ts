import type { FastifyRequest } from 'fastify';
import Type from 'typebox';
import { CorridorError } from '../../domain/errors.ts';
import { hasPermission } from '../../domain/roles.ts';
import { defaultK } from '../../domain/suppression.ts';
import { exportHxl, maxK, summaryText } from '../../services/hxl-export.ts';
import { sitrepVersions } from '../../services/sitrep.ts';
import { renderSitrep, sitrepFormats } from '../../services/sitrep-render.ts';
import { actorOf, currentUser } from '../auth.ts';
import { errorResponses, SiteParams } from '../schemas/common.ts';
import { ExportTo } from '../schemas/disclosure.ts';
import type { Api, RouteContext } from './context.ts';

// Count exports name their disclosure profile and recipient, or go out under 'public' to anyone.
const countExportQuery = {
  profile: Type.Optional(ExportTo.profile),
  recipient: Type.Optional(ExportTo.recipient),
};

const HxlQuery = Type.Object(
  {
    k: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: maxK,
        description: `the smallest count published; below it a cell is suppressed. By default the profile's smallest cell (${defaultK} for public); below ${defaultK} only for roles that export data, under a profile that allows it`,
      }),
    ),
    ...countExportQuery,
    format: Type.Union([Type.Literal('csv'), Type.Literal('json')], {
      default: 'csv',
      description:
        'csv: the file, with the disclosure summary in the Disclosure-Summary header; json: both in one object',
    }),
  },
  { additionalProperties: false },
);

const SitrepQuery = Type.Object(
  {
    at: Type.Optional(
      Type.String({ format: 'date-time', description: 'the time the report describes; default now' }),
    ),
    format: Type.Union(
      sitrepFormats.map((f) => Type.Literal(f)),
      { default: 'md', description: 'md: Markdown; pdf: PDF with charts' },
    ),
    ...countExportQuery,
    version: Type.Union(
      sitrepVersions.map((v) => Type.Literal(v)),
      {
        default: 'public',
        description:
          'public: small counts suppressed, published sources only, convoys as counts; full: for roles that export data',
      },
    ),
  },
  { additionalProperties: false },
);

const DisclosureSummary = Type.Object({
  k: Type.Integer(),
  cells: Type.Integer(),
  primary: Type.Integer({ description: 'cells suppressed for being below k' }),
  secondary: Type.Integer({ description: 'cells suppressed so that totals cannot reveal the primary ones' }),
  smallestPublished: Type.Union([Type.Integer(), Type.Null()]),
});

/** Smaller cells than the default are for those who may already read the people behind them. */
export function checkSmallCellRight(request: FastifyRequest, k: number | undefined): void {
  if (k !== undefined && k < defaultK && !hasPermission(currentUser(request).role, 'data:export'))
    throw new CorridorError(
      'forbidden',
      `your role receives counts suppressed with k of at least ${defaultK}`,
      {
        field: 'k',
      },
    );
}

export function exportRoutes(api: Api, { db }: RouteContext): void {
  api.get(
    '/api/sites/:siteId/exports/hxl',
    {
      config: { permission: 'aggregates:read' },
      schema: {
        tags: ['exports'],
        summary: "The site's registry counts by shelter, status and vulnerability as HXL-tagged CSV",
        description:
          'Counts from 1 to k-1 are suppressed (an empty cell), and further cells so that no row or column total reveals them. The disclosure summary says how many.',
        params: SiteParams,
        querystring: HxlQuery,
        response: {
          200: {
            description: 'the CSV, or with format=json the CSV and its disclosure summary',
            content: {
              'text/csv': { schema: Type.String() },
              'application/json': {
                schema: Type.Object({
                  csv: Type.String(),
                  summary: DisclosureSummary,
                  summaryText: Type.String(),
                }),
              },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      checkSmallCellRight(request, request.query.k);
      const { k, profile, recipient } = request.query;
      const result = await exportHxl(db, actorOf(request), request.params.siteId, { k, profile, recipient });
      if (request.query.format === 'json')
        return reply.send({
          csv: result.csv,
          summary: result.summary,
          summaryText: summaryText(result.summary),
        });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${result.filename}"`)
        .header('disclosure-summary', summaryText(result.summary))
        .send(result.csv);
    },
  );

  api.get(
    '/api/sites/:siteId/sitrep',
    {
      config: { permission: 'aggregates:read' },
      schema: {
        tags: ['exports'],
        summary: 'A situation report for a chosen time, as Markdown or PDF',
        description:
          'People by status, vulnerability and shelter (statuses as they stood then), registry counts beside reported figures, pause windows and their state, incidents with their competing claims, convoys and reconciliation alerts. No registered person is named in either version.',
        params: SiteParams,
        querystring: SitrepQuery,
      },
    },
    async (request, reply) => {
      const { version, format } = request.query;
      if (version === 'full' && !hasPermission(currentUser(request).role, 'data:export'))
        throw new CorridorError('forbidden', 'your role receives the public version of situation reports', {
          field: 'version',
        });
      const report = await renderSitrep(db, actorOf(request), request.params.siteId, {
        at: request.query.at ? new Date(request.query.at) : new Date(),
        format,
        version,
        profile: request.query.profile,
        recipient: request.query.recipient,
      });
      return reply
        .type(report.contentType)
        .header('content-disposition', `attachment; filename="${report.filename}"`)
        .send(report.body);
    },
  );
}
