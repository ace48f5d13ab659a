import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance } from 'fastify';
import { CorridorError } from '../domain/errors.ts';
import { translateDbError } from '../store/db-errors.ts';

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

// Fastify's own errors (body parsing, limits, content type) mapped to our stable codes.
const fastifyCodes: Record<string, CorridorError['code']> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_request',
  FST_ERR_VALIDATION: 'validation_failed',
};

function toCorridorError(error: unknown): CorridorError | undefined {
  const translated = translateDbError(error);
  if (translated instanceof CorridorError) return translated;
  const fastifyError = error as FastifyError & { validation?: unknown };
  if (fastifyError.validation && fastifyError.cause instanceof CorridorError) return fastifyError.cause;
  if (typeof fastifyError.code === 'string' && fastifyCodes[fastifyError.code])
    return new CorridorError(fastifyCodes[fastifyError.code]!, fastifyError.message);
  if (fastifyError.statusCode === 429)
    return new CorridorError('too_many_requests', 'too many attempts; wait and try again');
  if (
    typeof fastifyError.statusCode === 'number' &&
    fastifyError.statusCode >= 400 &&
    fastifyError.statusCode < 500
  )
    return new CorridorError('bad_request', fastifyError.message);
  return undefined;
}

export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const known = toCorridorError(error);
    if (known) {
      const body: ErrorBody = { error: { code: known.code, message: known.message } };
      if (known.details !== undefined) body.error.details = known.details;
      return reply.status(known.status).send(body);
    }
    // Unexpected: the client gets a correlation id; the log gets the error, never the request body.
    const correlationId = randomUUID();
    request.log.error({ err: error, correlationId }, 'unexpected error');
    return reply.status(500).send({
      error: { code: 'internal_error', message: 'an unexpected error occurred', details: { correlationId } },
    } satisfies ErrorBody);
  });

  app.setNotFoundHandler((request, reply) => {
    reply.status(404).send({
      error: { code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` },
    } satisfies ErrorBody);
  });
}
