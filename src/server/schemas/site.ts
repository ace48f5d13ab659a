import Type from 'typebox';
import { passageStates, pointKinds, shelterKinds } from '../../domain/site.ts';
import { DateTime, Enum, Id, Nullable, Text } from './common.ts';

export const SiteInput = Type.Object(
  {
    id: Type.Optional(Id),
    name: Text(200),
    place: Type.Optional(Nullable(Text(200))),
    timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Kyiv' }),
  },
  { additionalProperties: false },
);
export const SitePatch = Type.Object(
  {
    name: Type.Optional(Text(200)),
    place: Type.Optional(Nullable(Text(200))),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const Site = Type.Object({
  id: Id,
  name: Type.String(),
  place: Nullable(Type.String()),
  timeZone: Type.String(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const Conditions = Type.Record(Type.String({ maxLength: 40 }), Type.String({ maxLength: 2000 }), {
  description: 'water, food, air, medical … as reported',
});

const pointFields = {
  name: Type.Optional(Nullable(Text(200))),
  x: Type.Optional(Nullable(Type.Number({ description: 'position on the site diagram, metres east' }))),
  y: Type.Optional(Nullable(Type.Number({ description: 'position on the site diagram, metres north' }))),
  note: Type.Optional(Nullable(Text())),
  shelterKind: Type.Optional(Nullable(Enum(shelterKinds))),
  level: Type.Optional(Nullable(Type.Integer({ minimum: -50, maximum: 200 }))),
  depthM: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 500 }))),
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 }))),
  conditions: Type.Optional(Nullable(Conditions)),
  supervisor: Type.Optional(Nullable(Text(200))),
};

export const PointInput = Type.Object(
  { id: Type.Optional(Id), kind: Enum(pointKinds), code: Text(64), ...pointFields },
  { additionalProperties: false },
);
export const PointPatch = Type.Object(
  { kind: Type.Optional(Enum(pointKinds)), code: Type.Optional(Text(64)), ...pointFields },
  { additionalProperties: false, minProperties: 1 },
);
export const Point = Type.Object({
  id: Id,
  siteId: Id,
  kind: Enum(pointKinds),
  code: Type.String(),
  name: Nullable(Type.String()),
  x: Nullable(Type.Number()),
  y: Nullable(Type.Number()),
  note: Nullable(Type.String()),
  shelterKind: Nullable(Enum(shelterKinds)),
  level: Nullable(Type.Integer()),
  depthM: Nullable(Type.Number()),
  capacity: Nullable(Type.Integer()),
  conditions: Nullable(Conditions),
  supervisor: Type.Optional(Nullable(Type.String())),
});

const passageFields = {
  lengthM: Type.Number({ exclusiveMinimum: 0, maximum: 100_000 }),
  state: Enum(passageStates),
  clearancePersonHours: Type.Optional(
    Nullable(Type.Number({ exclusiveMinimum: 0, maximum: 1_000_000, description: 'for a blocked passage' })),
  ),
  note: Type.Optional(Nullable(Text())),
};

export const PassageInput = Type.Object(
  { id: Type.Optional(Id), from: Id, to: Id, ...passageFields },
  { additionalProperties: false },
);
export const PassagePatch = Type.Object(
  {
    from: Type.Optional(Id),
    to: Type.Optional(Id),
    lengthM: Type.Optional(passageFields.lengthM),
    state: Type.Optional(passageFields.state),
    clearancePersonHours: passageFields.clearancePersonHours,
    note: passageFields.note,
  },
  { additionalProperties: false, minProperties: 1 },
);
export const PassageReport = Type.Object(
  {
    state: Enum(passageStates),
    clearancePersonHours: passageFields.clearancePersonHours,
    note: passageFields.note,
  },
  { additionalProperties: false },
);
export const Passage = Type.Object({
  id: Id,
  siteId: Id,
  from: Id,
  to: Id,
  lengthM: Type.Number(),
  state: Enum(passageStates),
  clearancePersonHours: Nullable(Type.Number()),
  stateReportedAt: Nullable(DateTime),
  stateReportedBy: Type.Optional(Nullable(Type.String())),
  note: Nullable(Type.String()),
});

export const SiteGraph = Type.Object({
  site: Site,
  points: Type.Array(Point),
  passages: Type.Array(Passage),
});
