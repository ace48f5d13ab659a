import { CorridorError } from '../domain/errors.ts';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  table?: string;
}

const isPgError = (error: unknown): error is PgError =>
  typeof error === 'object' && error !== null && typeof (error as PgError).code === 'string';

// Constraint violations the database caught (a race, a reference checked only by a foreign key)
// become the same clear errors as the checks made in services.
export function translateDbError(error: unknown): unknown {
  if (error instanceof CorridorError || !isPgError(error)) return error;
  const where = error.constraint ? ` (${error.constraint})` : '';
  switch (error.code) {
    case '23505':
      return new CorridorError(
        error.constraint?.endsWith('_pkey') ? 'duplicate_id' : 'conflict',
        `a record with the same ${error.constraint?.endsWith('_pkey') ? 'id' : 'key'} already exists${where}`,
        { constraint: error.constraint },
      );
    case '23503':
      return new CorridorError('unknown_reference', `a referenced record does not exist${where}`, {
        constraint: error.constraint,
      });
    case '23514':
    case '23502':
    case '22P02':
    case '22007':
    case '22008':
    case '22003':
      return new CorridorError('validation_failed', `the database refused the value${where}`, {
        constraint: error.constraint,
      });
    default:
      return error;
  }
}

/** Runs fn and rethrows database constraint errors as Corridor errors. */
export async function translating<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    throw translateDbError(error);
  }
}
