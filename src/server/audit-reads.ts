// Every read of personal data is written to the audit trail, whatever the route: a route that
// declares a permission in personalReadPermissions is audited when a GET on it succeeds. The entry
// holds the route's pattern and the ids in its path, never the query string (a search holds names).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { personalReadPermissions } from '../domain/audit.ts';
import { AuditRecorder } from '../services/audit-recorder.ts';
import type { Database } from '../store/database.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** An export route records its own audit entry, with the profile and recipient it was made for. */
    auditedAsExport?: boolean;
  }
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The path parameters that are ids; anything else in a path could be a word someone typed. */
function idParams(request: FastifyRequest): Record<string, string> {
  const params = (request.params ?? {}) as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(params).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && uuid.test(entry[1]),
    ),
  );
}

export function installAuditReads(app: FastifyInstance, db: Database): void {
  const recorder = new AuditRecorder(db);
  // onSend runs before the client hears back: a read that could not be recorded is not answered.
  app.addHook('onSend', async (request, reply, payload) => {
    const config = request.routeOptions.config;
    if (request.method !== 'GET' || !request.user || reply.statusCode >= 400) return payload;
    if (!config.permission || !personalReadPermissions.has(config.permission) || config.auditedAsExport)
      return payload;
    const ids = idParams(request);
    await recorder.record({
      actorId: request.user.id,
      kind: 'read',
      action: 'read',
      entity: request.routeOptions.url ?? 'unknown',
      entityId: Object.values(ids)[0] ?? null,
      detail: { permission: config.permission, params: ids, status: reply.statusCode },
    });
    return payload;
  });
}
