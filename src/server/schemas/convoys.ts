import Type from 'typebox';
import { convoyStatuses, waypointKinds } from '../../domain/convoy.ts';
import { flagCodes } from '../../domain/convoy-flags.ts';
import { vehicleKinds } from '../../domain/logistics.ts';
import { notificationAnswers, partyStates } from '../../domain/notification.ts';
import { pauseStates } from '../../domain/pause.ts';
import { DateTime, Enum, Id, Nullable, Text } from './common.ts';

export const ConvoyAtQuery = Type.Object(
  {
    at: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'judge the pause window and the flags as at this instant (default now)',
      }),
    ),
  },
  { additionalProperties: false },
);

const ManifestCounts = Type.Object(
  {
    expected: Type.Integer(),
    boarded: Type.Integer(),
    no_show: Type.Integer(),
    replaced: Type.Integer(),
    total: Type.Integer(),
  },
  { description: 'manifest entries by status' },
);

export const Convoy = Type.Object({
  id: Id,
  siteId: Id,
  planId: Id,
  pauseWindowId: Nullable(Id),
  code: Type.String({ description: 'what parties, drivers and desks call it ("C-3")' }),
  status: Enum(convoyStatuses),
  plannedDeparture: DateTime,
  plannedArrival: DateTime,
  manifestLockedAt: Nullable(DateTime),
  departedAt: Nullable(DateTime),
  arrivedAt: Nullable(DateTime),
  cancelledAt: Nullable(DateTime),
  cancelledReason: Nullable(Type.String()),
  note: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: DateTime,
  updatedAt: DateTime,
  version: Type.Integer(),
});

export const PassengerCounts = Type.Object(
  {
    total: Type.Integer(),
    children: Type.Integer({ description: 'under 18 on the day of travel' }),
    adults: Type.Integer({ description: '18 to 59' }),
    elderly: Type.Integer({ description: '60 and over' }),
    ageNotRecorded: Type.Integer(),
    t1Wounded: Type.Integer({ description: 'wounded, triage T1' }),
    otherWounded: Type.Integer({ description: 'wounded, triage T2 or T3' }),
    stretcherCases: Type.Integer(),
    wheelchairUsers: Type.Integer(),
    pregnant: Type.Integer(),
  },
  {
    description:
      'children, adults, elderly and age not recorded add up to the total; the medical categories cut across them',
  },
);

const PartyRef = Type.Object({ id: Id, name: Type.String(), shortName: Nullable(Type.String()) });

export const NotificationHead = Type.Object({
  id: Id,
  convoyId: Id,
  partyId: Id,
  version: Type.Integer(),
  channel: Nullable(Type.String()),
  sentAt: DateTime,
  sentBy: Type.String(),
});

export const Answer = Type.Object({
  id: Id,
  notificationId: Id,
  answer: Enum(notificationAnswers),
  answeredAt: DateTime,
  sourceId: Nullable(Id),
  sourceNote: Nullable(Type.String()),
  note: Nullable(Type.String()),
  recordedBy: Type.String(),
  recordedAt: DateTime,
});

export const Flag = Type.Object({
  code: Enum(flagCodes),
  message: Type.String(),
  partyId: Type.Optional(Id),
});

export const ConvoyView = Type.Object({
  ...Convoy.properties,
  pauseWindow: Nullable(
    Type.Object({
      id: Id,
      name: Type.String(),
      state: Enum(pauseStates),
      because: Type.String(),
    }),
  ),
  vehicles: Type.Array(
    Type.Object({
      vehicleId: Id,
      tripId: Nullable(Type.String()),
      label: Type.String(),
      kind: Enum(vehicleKinds),
      marking: Nullable(Type.String({ description: 'what the parties are told to look for' })),
      plateOrMarking: Nullable(Type.String()),
      crewSize: Type.Integer(),
      crewNote: Nullable(Type.String()),
      seats: Type.Integer(),
      stretcherPlaces: Type.Integer(),
      wheelchairPlaces: Type.Integer(),
      manifest: ManifestCounts,
    }),
  ),
  waypoints: Type.Array(
    Type.Object({
      id: Id,
      seq: Type.Integer(),
      kind: Enum(waypointKinds),
      placeId: Id,
      name: Type.String(),
      plannedAt: DateTime,
    }),
  ),
  manifest: ManifestCounts,
  passengers: PassengerCounts,
  crew: Type.Integer({ description: 'staff aboard: drivers and medics' }),
  notifications: Type.Array(
    Type.Object({
      party: PartyRef,
      state: Enum(partyStates),
      notification: Nullable(NotificationHead),
      current: Type.Boolean({
        description: 'false: the movement changed after it was notified; notify again',
      }),
      answer: Nullable(Answer),
      answers: Type.Array(Answer),
    }),
    {
      description:
        "each of the site's parties (and any other notified), with its answer to the latest version",
    },
  ),
  flags: Type.Array(Flag, { description: 'what stands against departure, while the convoy is planned' }),
  departure: Nullable(
    Type.Object({
      by: Type.String(),
      flags: Type.Array(Flag, { description: 'the flags it had when it departed' }),
      override: Nullable(Type.Object({ reason: Type.String() })),
    }),
  ),
});

export const ConvoyCreation = Type.Object({
  created: Type.Boolean({ description: 'false: the plan’s convoys existed already and nothing was written' }),
  convoys: Type.Array(ConvoyView),
  notOnManifest: Type.Array(Type.Object({ personId: Id, status: Type.String() }), {
    description:
      'people the plan carries who are no longer assigned, left off every manifest (on creation only)',
  }),
});

export const NotifyInput = Type.Object(
  {
    partyIds: Type.Optional(
      Type.Array(Id, {
        minItems: 1,
        maxItems: 50,
        description: "the parties to notify (default: every party of the site's pause windows)",
      }),
    ),
    channel: Type.Optional(Nullable(Text(200))),
    sentAt: Type.Optional(DateTime),
  },
  { additionalProperties: false },
);

export const NotificationView = Type.Object({
  ...NotificationHead.properties,
  content: Type.Unknown({
    description: 'what was sent: route, times, vehicles and markings, passengers by category',
  }),
});

export const NotifyResult = Type.Object({
  sent: Type.Array(NotificationView),
  unchanged: Type.Array(Type.Object({ partyId: Id, notificationId: Id, version: Type.Integer() }), {
    description: 'parties whose latest notification already says what the movement is now',
  }),
});

export const NotificationParams = Type.Object({ id: Id });

export const AnswerInput = Type.Object(
  {
    answer: Enum(notificationAnswers),
    answeredAt: DateTime,
    sourceId: Type.Optional(Nullable(Id)),
    sourceNote: Type.Optional(Nullable(Text(500))),
    note: Type.Optional(Nullable(Text(2000))),
  },
  { additionalProperties: false },
);

export const DepartInput = Type.Object(
  {
    departedAt: Type.Optional(DateTime),
    override: Type.Optional(
      Type.Object(
        { reason: Type.String({ minLength: 3, maxLength: 2000 }) },
        { additionalProperties: false, description: 'to depart although the convoy is flagged' },
      ),
    ),
  },
  { additionalProperties: false },
);

export const Departure = Type.Object({
  convoy: ConvoyView,
  flags: Type.Array(Flag, { description: 'the flags the departure overrode (none when it was not flagged)' }),
  override: Nullable(Type.Object({ reason: Type.String() })),
  alertsRaised: Type.Integer({ description: 'manifest entries never boarded: one alert each' }),
});

export const CancelInput = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 2000 }) },
  { additionalProperties: false },
);

export const ArriveInput = Type.Object(
  { arrivedAt: Type.Optional(DateTime) },
  { additionalProperties: false },
);

export const ConvoyVehicleParams = Type.Object({ convoyId: Id, vehicleId: Id });

export const CrewInput = Type.Object(
  {
    crewSize: Type.Optional(Type.Integer({ minimum: 0, maximum: 50, description: 'staff aboard' })),
    crewNote: Type.Optional(
      Type.String({
        maxLength: 500,
        description:
          'about the crew: roles and organisations ("driver + medic, ICRC"), never names; stays with the cell, not sent to parties; blank clears it',
      }),
    ),
    marking: Type.Optional(
      Type.String({
        maxLength: 80,
        description: 'what the parties are told to look for (a plate, a painted sign); blank clears it',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
