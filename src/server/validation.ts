import { Ajv, type ErrorObject } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';
import { CorridorError } from '../domain/errors.ts';

// ajv-formats is CommonJS; its default export arrives wrapped under ESM.
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

// Bodies are validated strictly: a string where a number belongs is an error, not coerced, and an
// unknown field is refused so a typo never silently drops data. Query strings and path parameters
// arrive as text and are coerced.
const strict = addFormats(
  new Ajv({ allErrors: true, strict: false, coerceTypes: false, removeAdditional: false }),
);
const coercing = addFormats(
  new Ajv({ allErrors: true, strict: false, coerceTypes: true, useDefaults: true }),
);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) => {
  const validate = (httpPart === 'body' ? strict : coercing).compile(schema as object);
  return (data: unknown) => {
    if (validate(data)) return { value: data };
    const problems = describeErrors(validate.errors ?? [], httpPart ?? 'body');
    return {
      error: new CorridorError(
        'validation_failed',
        problems.map((p) => `${p.path}: ${p.reason}`).join('; '),
        { problems },
      ),
    };
  };
};

export interface Problem {
  path: string;
  reason: string;
}

/** Ajv's errors as JSON paths and plain reasons, the missing property named in the path. */
export function describeErrors(errors: ErrorObject[], root = ''): Problem[] {
  const seen = new Set<string>();
  const problems: Problem[] = [];
  for (const error of errors) {
    // anyOf repeats each branch's failure; the summary line says enough.
    if (error.keyword === 'const' || (error.keyword === 'type' && error.schemaPath.includes('anyOf')))
      continue;
    let path = `${root}${error.instancePath}`.replace(/^\//, '') || root;
    let reason = error.message ?? 'is invalid';
    if (error.keyword === 'required') {
      path = `${path}/${(error.params as { missingProperty: string }).missingProperty}`;
      reason = 'is required';
    } else if (error.keyword === 'additionalProperties') {
      path = `${path}/${(error.params as { additionalProperty: string }).additionalProperty}`;
      reason = 'is not a known field';
    } else if (error.keyword === 'anyOf') {
      reason = 'does not match any allowed form';
    } else if (error.keyword === 'enum') {
      reason = `must be one of ${(error.params as { allowedValues: unknown[] }).allowedValues.join(', ')}`;
    }
    const key = `${path}|${reason}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push({ path, reason });
    }
  }
  return problems;
}
