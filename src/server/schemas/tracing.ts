import Type from 'typebox';
import { personStatuses } from '../../domain/lifecycle.ts';
import { ageBands, sexes } from '../../domain/person.ts';
import { consentDecisions, matchReviews, matchStatuses, requestStatuses } from '../../domain/tracing.ts';
import { DateTime, Enum, Id, Nullable, Paging, Text } from './common.ts';
import { PersonName } from './people.ts';

const Sought = Type.Object(
  {
    names: Type.Array(PersonName, { minItems: 1, maxItems: 10 }),
    sex: Type.Optional(Nullable(Enum(sexes))),
    birthDate: Type.Optional(Nullable(Type.String({ format: 'date' }))),
    birthYear: Type.Optional(Nullable(Type.Integer({ minimum: 1880, maximum: 2100 }))),
    ageBand: Type.Optional(Nullable(Enum(ageBands))),
    description: Type.Optional(Nullable(Text(4000))),
  },
  { additionalProperties: false },
);

const EnquirerInput = Type.Object(
  {
    name: Text(200),
    phone: Type.Optional(Nullable(Type.String({ minLength: 3, maxLength: 50, pattern: '^[0-9+() .-]+$' }))),
    email: Type.Optional(Nullable(Type.String({ format: 'email', maxLength: 320 }))),
    contactNote: Type.Optional(Nullable(Text(1000))),
    personId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);

const LastSeenInput = Type.Object(
  {
    place: Type.Optional(Nullable(Text(500))),
    pointId: Type.Optional(Nullable(Id)),
    date: Type.Optional(Nullable(Type.String({ format: 'date' }))),
  },
  { additionalProperties: false },
);

export const TracingRequestInput = Type.Object(
  {
    id: Type.Optional(Id),
    siteId: Id,
    sought: Sought,
    enquirer: EnquirerInput,
    relation: Text(100),
    lastSeen: Type.Optional(LastSeenInput),
    separation: Type.Optional(Nullable(Text(4000))),
  },
  { additionalProperties: false },
);

export const TracingRequestPatch = Type.Object(
  {
    sought: Type.Optional(Sought),
    enquirer: Type.Optional(EnquirerInput),
    relation: Type.Optional(Text(100)),
    lastSeen: Type.Optional(LastSeenInput),
    separation: Type.Optional(Nullable(Text(4000))),
    version: Type.Optional(
      Type.Integer({ minimum: 1, description: 'refuse the change if the request has moved on' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const TracingRequestStatusChange = Type.Object(
  { status: Enum(requestStatuses), reason: Type.Optional(Text(1000)) },
  { additionalProperties: false },
);

export const TracingRequest = Type.Object({
  id: Id,
  siteId: Id,
  origin: Enum(['corridor', 'pfif'] as const),
  pfifRecordId: Nullable(Type.String()),
  status: Enum(requestStatuses),
  closedReason: Nullable(Type.String()),
  closedAt: Nullable(DateTime),
  sought: Type.Object({
    names: Type.Array(PersonName),
    sex: Nullable(Enum(sexes)),
    birthDate: Nullable(Type.String()),
    birthYear: Nullable(Type.Integer()),
    ageBand: Nullable(Enum(ageBands)),
    description: Nullable(Type.String()),
  }),
  enquirer: Type.Object({
    name: Type.String(),
    phone: Nullable(Type.String()),
    email: Nullable(Type.String()),
    contactNote: Nullable(Type.String()),
    personId: Nullable(Id),
  }),
  relation: Nullable(Type.String()),
  lastSeen: Type.Object({
    place: Nullable(Type.String()),
    pointId: Nullable(Id),
    date: Nullable(Type.String()),
  }),
  separation: Nullable(Type.String()),
  version: Type.Integer(),
  createdBy: Type.String(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const Whereabouts = Type.Object({
  personId: Id,
  status: Enum(personStatuses),
  shelter: Nullable(Type.Object({ id: Id, code: Type.String(), name: Nullable(Type.String()) })),
  manifest: Nullable(
    Type.Object({
      convoyId: Id,
      convoyCode: Type.String(),
      status: Type.String(),
      boardedAt: Nullable(Type.String()),
    }),
  ),
  checkIn: Nullable(Type.Object({ receptionPoint: Type.String(), checkedInAt: Type.String() })),
});

const MatchedPerson = Type.Object({
  id: Id,
  names: Type.Array(PersonName),
  sex: Type.String(),
  birthDate: Nullable(Type.String()),
  birthYear: Nullable(Type.Integer()),
  ageBand: Nullable(Type.String()),
});

export const TracingMatch = Type.Object({
  requestId: Id,
  person: MatchedPerson,
  score: Type.Number(),
  summary: Type.String({ description: 'what matched, one sentence' }),
  explanation: Type.Unknown({ description: 'each field with its similarity and weight, and each penalty' }),
  status: Enum(matchStatuses),
  foundAt: DateTime,
  reviewedAt: Nullable(DateTime),
  reviewedBy: Nullable(Type.String()),
  reviewNote: Nullable(Type.String()),
  whereabouts: Nullable(Whereabouts),
});

export const TracingRequestWithMatches = Type.Object({
  ...TracingRequest.properties,
  matches: Type.Array(TracingMatch),
});

export const TracingRequestListItem = Type.Object({
  ...TracingRequest.properties,
  matchCounts: Type.Object({ proposed: Type.Integer(), confirmed: Type.Integer(), rejected: Type.Integer() }),
});

export const TracingRequestQuery = Type.Object(
  { status: Type.Optional(Enum(requestStatuses)), ...Paging },
  { additionalProperties: false },
);
export const TracingRequestPage = Type.Object({
  items: Type.Array(TracingRequestListItem),
  total: Type.Integer(),
});

export const TracingMatchQuery = Type.Object(
  {
    status: Type.Optional(Enum(matchStatuses)),
    openOnly: Type.Optional(Type.Boolean({ default: true, description: 'only matches of open requests' })),
    ...Paging,
  },
  { additionalProperties: false },
);
export const TracingMatchPage = Type.Object({ items: Type.Array(TracingMatch), total: Type.Integer() });

export const MatchParams = Type.Object({ id: Id, personId: Id });
export const MatchReview = Type.Object(
  { status: Enum(matchReviews), note: Type.Optional(Text(1000)) },
  { additionalProperties: false },
);

export const TracingSearchQuery = Type.Object(
  {
    family: Type.Optional(Text(200)),
    given: Type.Optional(Text(200)),
    patronymic: Type.Optional(Text(200)),
    sex: Type.Optional(Enum(sexes)),
    birthDate: Type.Optional(Type.String({ format: 'date' })),
    birthYear: Type.Optional(Type.Integer({ minimum: 1880, maximum: 2100 })),
    limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);
export const TracingSearchResult = Type.Object({
  items: Type.Array(
    Type.Object({
      person: Type.Object({
        id: Id,
        names: Type.Array(PersonName),
        sex: Nullable(Type.String()),
        birthDate: Nullable(Type.String()),
        birthYear: Nullable(Type.Integer()),
      }),
      score: Type.Number(),
      match: Type.Boolean({ description: 'at or above the matcher’s threshold for one person' }),
      summary: Type.String(),
      whereabouts: Nullable(Whereabouts),
    }),
  ),
});

export const ConsentInput = Type.Object(
  { decision: Enum(consentDecisions), note: Type.Optional(Nullable(Text(1000))) },
  { additionalProperties: false },
);
export const Consent = Type.Object({
  consent: Nullable(
    Type.Object({
      personId: Id,
      decision: Enum(consentDecisions),
      note: Nullable(Type.String()),
      recordedAt: DateTime,
      recordedBy: Type.String(),
    }),
  ),
});
