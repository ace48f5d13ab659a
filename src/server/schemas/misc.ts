import Type from 'typebox';
import { headcountCategories } from '../../domain/headcount.ts';
import { roles } from '../../domain/roles.ts';
import { DateTime, Enum, Id, Nullable, Text } from './common.ts';

export const HeadcountInput = Type.Object(
  {
    id: Type.Optional(Id),
    siteId: Id,
    shelterId: Type.Optional(Nullable(Id)),
    category: Enum(headcountCategories),
    count: Type.Integer({ minimum: 0, maximum: 10_000_000 }),
    approximate: Type.Optional(Type.Boolean()),
    source: Text(2000),
    reportedBy: Type.Optional(Nullable(Text(200))),
    reportedAt: DateTime,
    note: Type.Optional(Nullable(Text(4000))),
  },
  { additionalProperties: false },
);
export const Headcount = Type.Object({
  id: Id,
  siteId: Id,
  shelterId: Nullable(Id),
  category: Enum(headcountCategories),
  count: Type.Integer(),
  approximate: Type.Boolean(),
  source: Type.String(),
  reportedBy: Nullable(Type.String()),
  reportedAt: DateTime,
  note: Nullable(Type.String()),
});

export const Login = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export const User = Type.Object({
  id: Id,
  username: Type.String(),
  role: Enum(roles),
  disabled: Type.Boolean(),
  createdAt: DateTime,
});
export const SessionInfo = Type.Object({ user: User, expiresAt: Type.Optional(DateTime) });
export const UserInput = Type.Object(
  {
    username: Type.String({ pattern: '^[A-Za-z0-9._-]{1,64}$' }),
    role: Enum(roles),
    password: Type.String({ minLength: 12, maxLength: 1024 }),
  },
  { additionalProperties: false },
);
export const UserPatch = Type.Object(
  {
    role: Type.Optional(Enum(roles)),
    disabled: Type.Optional(Type.Boolean()),
    password: Type.Optional(Type.String({ minLength: 12, maxLength: 1024 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const TokenInput = Type.Object(
  { label: Type.Optional(Nullable(Text(200))) },
  { additionalProperties: false },
);
export const TokenCreated = Type.Object({
  id: Id,
  token: Type.String({ description: 'shown once; send as Bearer' }),
});

export const Operation = Type.Object({
  id: Id,
  seq: Type.Integer(),
  actor: Type.String(),
  at: DateTime,
  entity: Type.String(),
  entityId: Id,
  action: Type.String(),
  before: Type.Unknown(),
  after: Type.Unknown(),
});
export const OperationsQuery = Type.Object(
  {
    entity: Type.Optional(Type.String({ maxLength: 40 })),
    entityId: Type.Optional(Id),
    afterSeq: Type.Optional(Type.Integer({ minimum: 0 })),
    limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
  },
  { additionalProperties: false },
);

export const Health = Type.Object({
  status: Type.Literal('ok'),
  backend: Enum(['pglite', 'postgresql'] as const),
  schemaVersion: Type.Integer(),
  version: Type.String(),
});

export const Summary = Type.Object({
  site: Type.Object({ id: Id, name: Type.String(), timeZone: Type.String() }),
  registered: Type.Object({
    total: Type.Integer(),
    byStatus: Type.Record(Type.String(), Type.Integer()),
    byShelter: Type.Array(
      Type.Object({ shelterId: Nullable(Id), code: Nullable(Type.String()), count: Type.Integer() }),
    ),
    byVulnerability: Type.Record(Type.String(), Type.Integer()),
    byTriage: Type.Record(Type.String(), Type.Integer()),
  }),
  reportedHeadcounts: Type.Array(
    Type.Object({
      id: Id,
      shelterId: Nullable(Id),
      category: Type.String(),
      count: Type.Integer(),
      approximate: Type.Boolean(),
      source: Type.String(),
      reportedAt: DateTime,
    }),
  ),
});
