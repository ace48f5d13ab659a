import Type from 'typebox';
import { personStatuses } from '../../domain/lifecycle.ts';
import { ageBands, sexes } from '../../domain/person.ts';
import { alertKinds, checkInMethods } from '../../domain/reception.ts';
import { DateTime, Enum, Id, Nullable, Paging, Text } from './common.ts';
import { PersonName } from './people.ts';

export const CheckInHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      minLength: 8,
      maxLength: 200,
      description:
        'a key the client makes for this check-in (a UUID); the same key again answers with the same check-in and writes nothing',
    }),
  ),
});

export const CheckInInput = Type.Object(
  {
    personId: Type.Optional(Id),
    qr: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: "the text of a card's QR code" }),
    ),
    method: Type.Optional(
      Enum(['id', 'search'], { description: 'how the desk found the person id (default id)' }),
    ),
    receptionPointId: Id,
    convoyId: Type.Optional(Nullable(Id)),
    desk: Type.Optional(Nullable(Text(50))),
  },
  { additionalProperties: false },
);

export const PersonBrief = Type.Object({
  id: Id,
  names: Type.Array(PersonName),
  sex: Enum(sexes),
  ageBand: Nullable(Enum(ageBands)),
  birthYear: Nullable(Type.Integer()),
  status: Enum(personStatuses),
});

export const CheckIn = Type.Object({
  id: Id,
  siteId: Id,
  personId: Id,
  person: PersonBrief,
  receptionPointId: Id,
  receptionPointName: Type.String(),
  convoyId: Nullable(Id),
  convoyCode: Nullable(Type.String()),
  desk: Nullable(Type.String()),
  method: Enum(checkInMethods),
  checkedInAt: DateTime,
  checkedInBy: Type.String(),
  voidedAt: Nullable(DateTime),
  voidedBy: Nullable(Type.String()),
  voidedReason: Nullable(Type.String()),
  onManifest: Type.Boolean(),
  alerts: Type.Array(Type.Object({ id: Id, kind: Enum(alertKinds) })),
});

export const CheckInQuery = Type.Object(
  {
    receptionPointId: Type.Optional(Id),
    convoyId: Type.Optional(Id),
    ...Paging,
  },
  { additionalProperties: false },
);

export const CheckInRecord = Type.Object({
  id: Id,
  siteId: Id,
  personId: Id,
  receptionPointId: Id,
  receptionPointName: Type.String(),
  convoyId: Nullable(Id),
  convoyCode: Nullable(Type.String()),
  desk: Nullable(Type.String()),
  method: Enum(checkInMethods),
  checkedInAt: DateTime,
  checkedInBy: Type.String(),
  checkedInById: Nullable(Id),
  voidedAt: Nullable(DateTime),
  voidedBy: Nullable(Type.String()),
  voidedReason: Nullable(Type.String()),
});

export const CheckInPage = Type.Object({
  items: Type.Array(Type.Intersect([CheckInRecord, Type.Object({ person: PersonBrief })])),
  total: Type.Integer(),
});

export const CheckInVoidInput = Type.Object(
  {
    reason: Type.String({
      minLength: 1,
      maxLength: 500,
      description: 'why the check-in was a mistake (the wrong card scanned, the wrong person chosen …)',
    }),
  },
  { additionalProperties: false },
);

const AlertRef = Type.Object({ id: Id, kind: Enum(alertKinds) });

export const VoidedCheckIn = Type.Object({
  checkIn: Type.Intersect([CheckInRecord, Type.Object({ person: PersonBrief })]),
  holdsReopened: Type.Array(Id, {
    description: 'holds at screening points the check-in had ended, open again',
  }),
  alertsResolved: Type.Array(AlertRef, { description: 'alerts the check-in had raised, resolved as voided' }),
  alertsRaised: Type.Array(AlertRef, { description: 'alerts the corrected record calls for' }),
});

export const ReceptionSearchQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'a name in any script or spelling, a person id, or the text of a QR code',
    }),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
  },
  { additionalProperties: false },
);

export const ReceptionSearchResult = Type.Object({
  items: Type.Array(
    Type.Object({
      person: PersonBrief,
      /** 1 for an id or QR code, the matcher's score for a name. */
      score: Type.Number(),
      why: Type.String(),
      checkedIn: Nullable(
        Type.Object({ at: DateTime, receptionPointName: Type.String(), desk: Nullable(Type.String()) }),
      ),
      expectedOn: Nullable(
        Type.Object({ convoyId: Id, convoyCode: Type.String(), manifestStatus: Type.String() }),
      ),
    }),
  ),
});
