import { Readable } from 'node:stream';
import { auditCsvColumns, auditCsvLine, auditEntries, auditPage, verifyAudit } from '../../services/audit.ts';
import { chainPending } from '../../services/audit-chainer.ts';
import { AuditExportQuery, AuditPage, AuditQuery, AuditVerdict } from '../schemas/audit.ts';
import { errorResponses } from '../schemas/common.ts';
import type { Api, RouteContext } from './context.ts';

export function auditRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['audit'];

  api.get(
    '/api/audit',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags,
        summary: 'The audit trail, a page at a time: every read of personal data, every change, every export',
        description:
          'Entries hold ids and route names, never a name. Page on with afterPos = nextAfterPos. Filters: kind, actorId, entityId, from, to.',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...errorResponses },
      },
    },
    async (request) => {
      await chainPending(db);
      const entries = await auditPage(db, request.query);
      return {
        entries,
        nextAfterPos: entries.length === request.query.limit ? (entries.at(-1)?.pos ?? null) : null,
      };
    },
  );

  api.get(
    '/api/audit/export',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags,
        summary: 'The audit trail (or the part the filters select) as CSV or JSON, streamed',
        querystring: AuditExportQuery,
        response: {
          200: {
            description: 'the entries, as an attachment',
            content: {
              'text/csv': { schema: { type: 'string' } },
              'application/json': { schema: { type: 'array' } },
            },
          },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { format, ...filter } = request.query;
      await chainPending(db);
      const rows = auditEntries(db, filter);
      const body =
        format === 'json'
          ? (async function* () {
              let first = true;
              yield '[';
              for await (const row of rows) {
                yield `${first ? '' : ','}\n${JSON.stringify(row)}`;
                first = false;
              }
              yield '\n]\n';
            })()
          : (async function* () {
              yield `${auditCsvColumns.join(',')}\n`;
              for await (const row of rows) yield auditCsvLine(row);
            })();
      return reply
        .type(format === 'json' ? 'application/json; charset=utf-8' : 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="corridor-audit.${format}"`)
        .send(Readable.from(body));
    },
  );

  api.get(
    '/api/audit/verify',
    {
      config: { permission: 'audit:read' },
      schema: {
        tags,
        summary: 'Check the whole chain: the first entry edited, deleted or moved, if any',
        response: { 200: AuditVerdict, ...errorResponses },
      },
    },
    async () => verifyAudit(db),
  );
}
