import Type from 'typebox';
import { auditKinds } from '../../domain/audit.ts';
import { DateTime, Id, Nullable } from './common.ts';

const Filters = {
  afterPos: Type.Optional(Type.Integer({ minimum: 0, description: 'entries after this position' })),
  kind: Type.Optional(Type.Enum([...auditKinds])),
  actorId: Type.Optional(Id),
  entityId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
};

export const AuditQuery = Type.Object(
  { ...Filters, limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }) },
  { additionalProperties: false },
);

export const AuditExportQuery = Type.Object(
  { ...Filters, format: Type.Enum(['csv', 'json'], { default: 'csv' }) },
  { additionalProperties: false },
);

export const AuditEntry = Type.Object({
  pos: Type.Integer(),
  id: Id,
  at: DateTime,
  actorId: Nullable(Id),
  actor: Nullable(Type.String({ description: 'the staff account, never a person in the registry' })),
  kind: Type.Enum([...auditKinds]),
  action: Type.String(),
  entity: Type.String({ description: 'a record kind, or the route pattern of a read' }),
  entityId: Nullable(Type.String()),
  operationId: Nullable(Id),
  detail: Nullable(Type.Record(Type.String(), Type.Unknown())),
  prevHash: Type.String(),
  hash: Type.String(),
});

export const AuditPage = Type.Object({
  entries: Type.Array(AuditEntry),
  nextAfterPos: Nullable(Type.Integer({ description: 'pass as afterPos for the next page' })),
});

export const AuditVerdict = Type.Object({
  ok: Type.Boolean(),
  entries: Type.Integer(),
  headPos: Type.Integer(),
  headHash: Type.String(),
  pending: Type.Integer(),
  broken: Type.Optional(
    Type.Object({
      pos: Type.Integer(),
      id: Nullable(Id),
      reason: Type.String(),
      message: Type.String(),
    }),
  ),
});
