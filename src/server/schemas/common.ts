import Type, { type TSchema } from 'typebox';

export const Id = Type.String({ format: 'uuid', description: 'UUID (v7 for records Corridor creates)' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
export const Text = (maxLength = 2000) => Type.String({ minLength: 1, maxLength });
export const DateTime = Type.String({ format: 'date-time' });
export const Enum = Type.Enum;

export const IdParams = Type.Object({ id: Id });
export const SiteParams = Type.Object({ siteId: Id });

export const Paging = {
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  offset: Type.Integer({ minimum: 0, default: 0 }),
};

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'stable snake_case code' }),
      message: Type.String(),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { $id: 'Error' },
);

/** The error responses every authenticated route can give, for the OpenAPI document. */
export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  422: ErrorResponse,
};
