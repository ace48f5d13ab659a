import Type from 'typebox';
import { waypointKinds } from '../../domain/convoy.ts';
import { eventKinds } from '../../domain/road.ts';
import { incidentTypes, stances } from '../../store/repos/claims.ts';
import { DateTime, Enum, Id, Nullable, Text } from './common.ts';
import { PersonName } from './people.ts';

const PersonIds = (description: string) => Type.Array(Id, { minItems: 1, maxItems: 1000, description });

export const EventInput = Type.Object(
  {
    waypointId: Id,
    vehicleId: Type.Optional(Nullable(Id)),
    kind: Enum(eventKinds),
    occurredAt: DateTime,
    reporter: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'who reports it: the field team, the driver, the liaison officer',
    }),
    sourceId: Type.Optional(Id),
    note: Type.Optional(Text(2000)),
    heldPersonIds: Type.Optional(
      PersonIds("with kind 'held' at a screening point: the people taken off the vehicle"),
    ),
    releasedPersonIds: Type.Optional(
      PersonIds("with kind 'released': people held at a screening point of this convoy who are let go"),
    ),
    claim: Type.Optional(
      Type.Object(
        {
          words: Type.Optional(Text(4000)),
          partyId: Type.Optional(Id),
          speaker: Type.Optional(Text(200)),
          stance: Type.Optional(Enum(stances)),
          quoted: Type.Optional(Type.Boolean()),
          language: Type.Optional(Text(20)),
        },
        {
          additionalProperties: false,
          description:
            'who says people were held, and in what words (default: the reporter, with the counts); with its source',
        },
      ),
    ),
    incident: Type.Optional(
      Type.Object(
        { type: Enum(incidentTypes), summary: Text(2000) },
        {
          additionalProperties: false,
          description: 'something else that happened here, linked to the convoy',
        },
      ),
    ),
  },
  { additionalProperties: false },
);

export const RoadEvent = Type.Object({
  id: Id,
  convoyId: Id,
  waypointId: Id,
  vehicleId: Nullable(Id),
  kind: Enum(eventKinds),
  occurredAt: DateTime,
  reporter: Type.String(),
  sourceId: Nullable(Id),
  incidentId: Nullable(Id),
  note: Nullable(Type.String()),
  recordedBy: Type.String(),
  recordedAt: DateTime,
});

export const RecordedEvent = Type.Object({
  ...RoadEvent.properties,
  heldPersonIds: Type.Array(Id),
  releasedPersonIds: Type.Array(Id),
  claimId: Nullable(Id),
});

const LastSeen = Type.Object({
  waypointId: Id,
  waypointName: Type.String(),
  waypointKind: Enum(waypointKinds),
  how: Enum(['arrived', 'departed', 'held', 'released', 'boarded'] as const),
  at: DateTime,
});

export const RoadLog = Type.Object({
  events: Type.Array(RoadEvent, { description: 'in the order they happened, as reported' }),
  holds: Type.Array(
    Type.Object({
      id: Id,
      personId: Id,
      waypointId: Id,
      heldEventId: Id,
      heldAt: DateTime,
      claimId: Nullable(Id),
      releasedEventId: Nullable(Id),
      releasedAt: Nullable(DateTime),
      // The hold ended with the person's check-in, no release having been reported.
      endedByCheckInId: Nullable(Id),
      names: Type.Optional(Type.Array(PersonName, { description: 'only for roles that see persons' })),
    }),
  ),
  lastSeen: Type.Array(
    Type.Object({ personId: Id, vehicleId: Id, ...LastSeen.properties, heldNow: Type.Boolean() }),
    { description: 'where each boarded person of the convoy was last seen' },
  ),
});
