import Type from 'typebox';
import { acceptanceAnswers, agreementElements, pauseKinds, pauseStates } from '../../domain/pause.ts';
import { timelineKinds } from '../../services/timeline.ts';
import {
  claimSubjects,
  figureMetrics,
  incidentPlaceKinds,
  incidentTypes,
  stances,
  verificationStatuses,
} from '../../store/repos/claims.ts';
import { partyKinds, sourceKinds } from '../../store/repos/parties.ts';
import { DateTime, Enum, Id, Nullable, Text } from './common.ts';

const LocalTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$',
  description: "wall-clock time in the announcer's zone, as announced: 2022-05-05T08:00",
});
const Zone = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Moscow' });

export const PartyInput = Type.Object(
  {
    id: Type.Optional(Id),
    name: Text(200),
    shortName: Type.Optional(Nullable(Text(40))),
    kind: Enum(partyKinds),
    note: Type.Optional(Nullable(Text())),
  },
  { additionalProperties: false },
);
export const Party = Type.Object({
  id: Id,
  name: Type.String(),
  shortName: Nullable(Type.String()),
  kind: Enum(partyKinds),
  note: Nullable(Type.String()),
});

export const SourceInput = Type.Object(
  {
    id: Type.Optional(Id),
    kind: Enum(sourceKinds),
    title: Text(500),
    partyId: Type.Optional(Nullable(Id)),
    channel: Type.Optional(Nullable(Text(200))),
    publishedAt: Type.Optional(Nullable(DateTime)),
    url: Type.Optional(Nullable(Type.String({ format: 'uri', maxLength: 2000 }))),
    reference: Type.Optional(Nullable(Text(500))),
    contentHash: Type.Optional(
      Nullable(Type.String({ pattern: '^[0-9a-f]{64}$', description: 'SHA-256 of saved evidence, hex' })),
    ),
    note: Type.Optional(Nullable(Text())),
  },
  { additionalProperties: false },
);
export const Source = Type.Object({
  id: Id,
  kind: Enum(sourceKinds),
  title: Type.String(),
  partyId: Nullable(Id),
  channel: Nullable(Type.String()),
  publishedAt: Nullable(DateTime),
  url: Nullable(Type.String()),
  reference: Nullable(Type.String()),
  contentHash: Nullable(Type.String()),
  note: Nullable(Type.String()),
});

const Scope = Type.Object(
  {
    site: Type.Optional(Type.Boolean()),
    pickupPointIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
    route: Type.Optional(Text(1000)),
  },
  { additionalProperties: false },
);
const Element = Type.Object(
  { agreed: Type.Boolean(), note: Type.Optional(Text(1000)) },
  { additionalProperties: false },
);
const Elements = Type.Object(
  Object.fromEntries(agreementElements.map((e) => [e, Type.Optional(Element)])) as Record<
    (typeof agreementElements)[number],
    ReturnType<typeof Type.Optional<typeof Element>>
  >,
  { additionalProperties: false },
);

export const PauseInput = Type.Object(
  {
    id: Type.Optional(Id),
    siteId: Id,
    name: Text(200),
    kind: Enum(pauseKinds),
    announcedBy: Id,
    announcedAt: DateTime,
    announcementSourceId: Type.Optional(Nullable(Id)),
    announcedZone: Zone,
    announcedStart: LocalTime,
    announcedEnd: LocalTime,
    scope: Type.Optional(Scope),
    elements: Type.Optional(Elements),
    note: Type.Optional(Nullable(Text())),
  },
  { additionalProperties: false },
);

export const PausePatch = Type.Object(
  {
    name: Type.Optional(Text(200)),
    kind: Type.Optional(Enum(pauseKinds)),
    announcedBy: Type.Optional(Id),
    announcedAt: Type.Optional(DateTime),
    announcementSourceId: Type.Optional(Nullable(Id)),
    announcedZone: Type.Optional(Zone),
    announcedStart: Type.Optional(LocalTime),
    announcedEnd: Type.Optional(LocalTime),
    scope: Type.Optional(Scope),
    elements: Type.Optional(Elements),
    note: Type.Optional(Nullable(Text())),
    effectiveStart: Type.Optional(Nullable(DateTime)),
    effectiveEnd: Type.Optional(Nullable(DateTime)),
    suspendedAt: Type.Optional(Nullable(DateTime)),
    resumedAt: Type.Optional(Nullable(DateTime)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const AcceptanceInput = Type.Object(
  {
    answer: Enum(acceptanceAnswers),
    answeredAt: Type.Optional(Nullable(DateTime)),
    sourceId: Type.Optional(Nullable(Id)),
    note: Type.Optional(Nullable(Text(1000))),
  },
  { additionalProperties: false },
);
export const Acceptance = Type.Object({
  partyId: Id,
  answer: Enum(acceptanceAnswers),
  answeredAt: Nullable(DateTime),
  sourceId: Nullable(Id),
  note: Nullable(Type.String()),
});

const Shown = Type.Object({ local: Type.String(), zone: Type.String(), offset: Type.String() });
export const PauseView = Type.Object({
  id: Id,
  siteId: Id,
  name: Type.String(),
  kind: Enum(pauseKinds),
  announcedBy: Id,
  announcedAt: DateTime,
  announcementSourceId: Nullable(Id),
  announcedZone: Type.String(),
  announcedStartLocal: Type.String(),
  announcedEndLocal: Type.String(),
  scope: Scope,
  elements: Elements,
  effectiveStart: Nullable(DateTime),
  effectiveEnd: Nullable(DateTime),
  suspendedAt: Nullable(DateTime),
  resumedAt: Nullable(DateTime),
  note: Nullable(Type.String()),
  times: Type.Object({
    announced: Type.Object({ start: Type.String(), end: Type.String(), zone: Type.String() }),
    utc: Type.Object({ start: DateTime, end: DateTime }),
    siteZone: Type.Object({ start: Shown, end: Shown }),
  }),
  acceptances: Type.Array(Acceptance),
  derived: Type.Object({
    at: DateTime,
    state: Enum(pauseStates),
    because: Type.String(),
    lateStartMinutes: Nullable(Type.Integer()),
    acceptedBy: Type.Array(Id),
    rejectedBy: Type.Array(Id),
    awaiting: Type.Array(Id),
    breaches: Type.Integer(),
  }),
});
export const AtQuery = Type.Object(
  {
    at: Type.Optional(
      Type.String({ format: 'date-time', description: 'derive states as at this instant (default now)' }),
    ),
  },
  { additionalProperties: false },
);

export const IncidentInput = Type.Object(
  {
    id: Type.Optional(Id),
    siteId: Id,
    occurredAt: DateTime,
    type: Enum(incidentTypes),
    placeKind: Enum(incidentPlaceKinds),
    pointId: Type.Optional(Nullable(Id)),
    place: Type.Optional(Nullable(Text(500))),
    pauseWindowId: Type.Optional(Nullable(Id)),
    summary: Text(2000),
  },
  { additionalProperties: false },
);
export const Incident = Type.Object({
  id: Id,
  siteId: Id,
  occurredAt: DateTime,
  type: Enum(incidentTypes),
  placeKind: Enum(incidentPlaceKinds),
  pointId: Nullable(Id),
  place: Nullable(Type.String()),
  pauseWindowId: Nullable(Id),
  convoyId: Nullable(Id),
  summary: Type.String(),
});

const Figure = Type.Object(
  {
    metric: Enum(figureMetrics),
    value: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
    approximate: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export const ClaimInput = Type.Object(
  {
    id: Type.Optional(Id),
    siteId: Id,
    subject: Enum(claimSubjects),
    incidentId: Type.Optional(Nullable(Id)),
    pauseWindowId: Type.Optional(Nullable(Id)),
    partyId: Type.Optional(Nullable(Id)),
    speaker: Type.Optional(Nullable(Text(200))),
    sourceId: Id,
    stance: Enum(stances),
    words: Text(4000),
    quoted: Type.Optional(Type.Boolean({ description: 'true when words are a verbatim quotation' })),
    language: Type.Optional(Nullable(Type.String({ minLength: 2, maxLength: 35 }))),
    statedAt: DateTime,
    figure: Type.Optional(Nullable(Figure)),
  },
  { additionalProperties: false },
);
export const Claim = Type.Object({
  id: Id,
  siteId: Id,
  subject: Enum(claimSubjects),
  incidentId: Nullable(Id),
  pauseWindowId: Nullable(Id),
  partyId: Nullable(Id),
  speaker: Nullable(Type.String()),
  sourceId: Id,
  stance: Enum(stances),
  words: Type.String(),
  quoted: Type.Boolean(),
  language: Nullable(Type.String()),
  statedAt: DateTime,
  figure: Nullable(
    Type.Object({ metric: Enum(figureMetrics), value: Type.Integer(), approximate: Type.Boolean() }),
  ),
  verification: Enum(verificationStatuses),
});
export const ClaimsQuery = Type.Object(
  {
    incidentId: Type.Optional(Id),
    pauseWindowId: Type.Optional(Id),
    subject: Type.Optional(Enum(claimSubjects)),
    verification: Type.Optional(Enum(verificationStatuses)),
    partyId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export const VerificationInput = Type.Object(
  {
    status: Enum(verificationStatuses),
    reason: Type.String({ minLength: 3, maxLength: 2000, description: 'why; required' }),
  },
  { additionalProperties: false },
);
export const Verification = Type.Object({
  id: Id,
  claimId: Id,
  from: Type.String(),
  to: Type.String(),
  reason: Type.String(),
  actor: Type.String(),
  at: DateTime,
});
export const ClaimWithHistory = Type.Object({ ...Claim.properties, history: Type.Array(Verification) });

export const Figures = Type.Object({
  items: Type.Array(
    Type.Object({
      metric: Type.String(),
      registry: Nullable(Type.Integer()),
      reported: Type.Array(
        Type.Object({
          claimId: Id,
          value: Type.Integer(),
          approximate: Type.Boolean(),
          partyId: Nullable(Id),
          sourceId: Id,
          statedAt: DateTime,
          verification: Enum(verificationStatuses),
        }),
      ),
    }),
  ),
});

export const TimelineQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    partyId: Type.Optional(Id),
    kind: Type.Optional(Enum(timelineKinds)),
    incidentType: Type.Optional(Enum(incidentTypes)),
    verification: Type.Optional(Enum(verificationStatuses)),
  },
  { additionalProperties: false },
);
export const Timeline = Type.Object({
  items: Type.Array(
    Type.Object({
      at: DateTime,
      kind: Enum(timelineKinds),
      refId: Id,
      partyId: Nullable(Id),
      summary: Type.String(),
      verification: Nullable(Enum(verificationStatuses)),
      incidentType: Nullable(Type.String()),
    }),
  ),
});
