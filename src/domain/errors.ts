// One error shape for every failure, with stable codes. Each code maps once to an HTTP status
// here, so routes and services never pick status codes themselves.
export const errorStatus = {
  bad_request: 400,
  validation_failed: 400,
  malformed_json: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  unknown_reference: 422,
  duplicate_id: 409,
  conflict: 409,
  illegal_transition: 409,
  too_many_requests: 429,
  schema_too_new: 500,
  internal_error: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class CorridorError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'CorridorError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export const notFound = (what: string, id: string) =>
  new CorridorError('not_found', `${what} ${id} does not exist`, { id });

export const unknownReference = (field: string, id: string) =>
  new CorridorError('unknown_reference', `${field} refers to ${id}, which does not exist`, { field, id });
