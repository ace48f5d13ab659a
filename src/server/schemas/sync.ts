import Type, { type TSchema } from 'typebox';
import { personStatuses } from '../../domain/lifecycle.ts';
import { hlcPattern } from '../../sync/hlc.ts';
import { syncProtocol } from '../../sync/protocol.ts';
import { DateTime, Enum, Id, Nullable, Text } from './common.ts';
import { Headcount, HeadcountInput } from './misc.ts';
import { Household, HouseholdInput, HouseholdPatch, Person, PersonInput, PersonPatch } from './people.ts';
import { Passage, PassageReport } from './site.ts';

// The wire format of corridor-sync/1 (docs/sync-protocol.md). Each operation names its kind and
// carries the payload of the route a connected client would call for the same change.

const Hlc = Type.String({
  pattern: hlcPattern,
  description: 'hybrid logical clock: wall ms, counter, device',
});
// Enums of one value rather than literals: a wrong value is then named in the error message.
const Protocol = Enum([syncProtocol]);

const envelope = {
  opId: Type.String({ format: 'uuid', description: 'UUIDv7 minted on the device' }),
  deviceId: Id,
  seq: Type.Integer({ minimum: 1, description: "the operation's place in its device's sequence, from 1" }),
  hlc: Hlc,
  entityId: Id,
};

const op = <E extends string, K extends string, P extends TSchema>(entity: E, kind: K, payload: P) =>
  Type.Object(
    { ...envelope, entity: Enum([entity]), kind: Enum([kind]), payload },
    { additionalProperties: false },
  );

export const SyncOperation = Type.Union([
  op('person', 'person.register', Type.Omit(PersonInput, ['id'])),
  op('person', 'person.update', Type.Omit(PersonPatch, ['version'])),
  op(
    'person',
    'person.status',
    Type.Object(
      {
        status: Enum(personStatuses),
        from: Enum(personStatuses),
        reason: Type.Optional(Text(1000)),
      },
      { additionalProperties: false },
    ),
  ),
  op('passage', 'passage.report', PassageReport),
  op('headcount', 'headcount.report', Type.Omit(HeadcountInput, ['id'])),
  op('household', 'household.create', Type.Omit(HouseholdInput, ['id'])),
  op('household', 'household.update', HouseholdPatch),
]);

export const PushBody = Type.Object(
  { protocol: Protocol, ops: Type.Array(SyncOperation, { minItems: 1, maxItems: 1000 }) },
  { additionalProperties: false },
);

const OpResult = Type.Object({
  opId: Id,
  outcome: Type.Union([
    Type.Literal('applied'),
    Type.Literal('conflict'),
    Type.Literal('rejected'),
    Type.Literal('gap'),
  ]),
  duplicate: Type.Boolean({ description: 'received before: the stored outcome, with no second effect' }),
  expectedSeq: Type.Optional(Type.Integer()),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});

export const PushResult = Type.Object({
  protocol: Protocol,
  results: Type.Array(OpResult),
  devices: Type.Array(Type.Object({ deviceId: Id, lastSeq: Type.Integer() })),
  hlc: Nullable(Hlc),
});

export const PullQuery = Type.Object(
  {
    siteId: Id,
    since: Type.Integer({ minimum: 0, default: 0, description: 'the checkpoint of the last pull' }),
    limit: Type.Integer({ minimum: 1, maximum: 5000, default: 1000 }),
  },
  { additionalProperties: false },
);

export const PullResult = Type.Object({
  protocol: Protocol,
  checkpoint: Type.Integer(),
  more: Type.Boolean(),
  hlc: Nullable(Hlc),
  people: Type.Array(Person),
  households: Type.Array(Household),
  passages: Type.Array(Passage),
  headcounts: Type.Array(Headcount),
});

export const ConflictQuery = Type.Object({ siteId: Type.Optional(Id) }, { additionalProperties: false });

export const SyncConflict = Type.Object({
  id: Id,
  opId: Id,
  deviceId: Id,
  entity: Type.String(),
  entityId: Id,
  field: Type.String(),
  reason: Type.Union([Type.Literal('older_by_clock'), Type.Literal('status_superseded')]),
  lost: Type.Unknown(),
  kept: Type.Unknown(),
  lostHlc: Hlc,
  keptHlc: Nullable(Hlc),
  at: DateTime,
});
