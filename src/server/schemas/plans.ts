import Type from 'typebox';
import { planStatuses, vehicleKinds, vehicleStatuses } from '../../domain/logistics.ts';
import { leftOutReasons, priorityClasses } from '../../planning/evacuation/model.ts';
import { DateTime, Enum, Id, Nullable } from './common.ts';
import { PlanningSettings, PriorityWeights } from './logistics.ts';
import { PersonName } from './people.ts';

const TimeLimit = Type.Number({
  exclusiveMinimum: 0,
  maximum: 600,
  description: 'seconds the planner may take (default 10, or env CORRIDOR_PLAN_TIME_LIMIT)',
});

export const PlanInput = Type.Object(
  {
    timeLimitSeconds: Type.Optional(TimeLimit),
    priorityWeights: Type.Optional(PriorityWeights),
    at: Type.Optional(
      Type.String({
        format: 'date-time',
        description:
          "the plan's start (default now): no vehicle leaves before it; windows are judged as they stand then",
      }),
    ),
  },
  { additionalProperties: false },
);

export const ReplanInput = Type.Object(
  {
    cancelledWindowIds: Type.Optional(Type.Array(Id, { maxItems: 100 })),
    lostVehicleIds: Type.Optional(Type.Array(Id, { maxItems: 1000 })),
    notifiedTripIds: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
        maxItems: 10_000,
        description: 'trips already notified to the parties: kept exactly where they can still run',
      }),
    ),
    timeLimitSeconds: Type.Optional(TimeLimit),
  },
  { additionalProperties: false },
);

const Value = Type.Object({
  weightedEvacuated: Type.Number(),
  peopleEvacuated: Type.Integer(),
  weightedArrivalMinutes: Type.Number(),
  vehiclesUsed: Type.Integer(),
});
const Bound = Type.Object({
  upperBound: Type.Number({ description: 'no plan can carry more priority weight than this' }),
  gap: Type.Number({ description: '(upperBound − value) / upperBound' }),
  method: Type.String(),
  arrivalLowerBound: Type.Number(),
});
const Options = Type.Object({
  timeLimitSeconds: Type.Number(),
  priorityWeights: Type.Optional(Type.Record(Type.String(), Type.Number())),
});

const head = {
  id: Id,
  siteId: Id,
  status: Enum(planStatuses),
  createdBy: Type.String(),
  createdAt: DateTime,
  planStart: DateTime,
  basedOn: Nullable(Id),
  acceptedBy: Nullable(Type.String()),
  acceptedAt: Nullable(DateTime),
  statusChangedAt: DateTime,
  options: Options,
  value: Value,
  bound: Bound,
  optimal: Type.Boolean(),
};

export const PlanSummary = Type.Object({
  ...head,
  trips: Type.Integer(),
  leftOutPeople: Type.Integer(),
});

const PlanPerson = Type.Object({
  id: Id,
  priority: Enum(priorityClasses),
  needs: Enum(['seat', 'stretcher', 'wheelchair'] as const),
  child: Type.Boolean(),
  shelterId: Nullable(Id),
  shelterCode: Nullable(Type.String()),
  names: Type.Optional(Type.Array(PersonName, { description: 'only for roles that see persons' })),
});
const Group = {
  id: Type.String(),
  kind: Enum(['household', 'escorted_child'] as const),
  escortId: Type.Optional(Id),
  people: Type.Array(PlanPerson),
};
const Place = Type.Object({ id: Id, name: Type.String() });

export const PlanView = Type.Object({
  ...head,
  source: Type.String(),
  seconds: Type.Number(),
  counts: Type.Object({
    ready: Type.Integer({ description: 'people the planner was given' }),
    planned: Type.Integer(),
    leftOut: Type.Integer(),
    trips: Type.Integer(),
    vehiclesUsed: Type.Integer(),
  }),
  moved: Type.Optional(
    Type.Object({
      people: Type.Integer({ description: 'people of the earlier plan whose vehicle or window changed' }),
      groupIds: Type.Array(Type.String()),
    }),
  ),
  trips: Type.Array(
    Type.Object({
      id: Type.String(),
      vehicle: Type.Object({
        id: Id,
        label: Type.String(),
        kind: Enum(vehicleKinds),
        plateOrMarking: Nullable(Type.String()),
        depotName: Nullable(Type.String()),
      }),
      window: Type.Object({ id: Id, name: Type.String() }),
      departure: DateTime,
      enterZone: DateTime,
      pickupPoint: Place,
      atPickup: DateTime,
      leaveZone: DateTime,
      screeningPoint: Place,
      receptionPoint: Place,
      arrival: DateTime,
      people: Type.Integer(),
      seatsUsed: Type.Integer(),
      stretcherPlacesUsed: Type.Integer(),
      wheelchairPlacesUsed: Type.Integer(),
      groups: Type.Array(Type.Object(Group)),
    }),
  ),
  leftOut: Type.Array(Type.Object({ ...Group, reason: Enum(leftOutReasons), explanation: Type.String() })),
  windows: Type.Array(
    Type.Object({ id: Id, name: Type.String(), state: Type.String(), start: DateTime, end: DateTime }),
  ),
  windowsLeftOut: Type.Array(
    Type.Object({ id: Id, name: Type.String(), state: Type.String(), reason: Type.String() }),
  ),
  vehiclesLeftOut: Type.Array(Type.Object({ id: Id, label: Type.String(), status: Enum(vehicleStatuses) })),
  settings: PlanningSettings,
  warnings: Type.Array(Type.String()),
  replan: Type.Optional(
    Type.Object({
      cancelledWindowIds: Type.Array(Id),
      lostVehicleIds: Type.Array(Id),
      newlyReadyPeople: Type.Integer(),
      noLongerReadyPeople: Type.Integer(),
      notifiedTripIds: Type.Array(Type.String()),
      brokenNotifiedTripIds: Type.Array(Type.String()),
    }),
  ),
});

export const PlanAcceptance = Type.Object({
  plan: PlanView,
  assigned: Type.Array(Id, { description: 'people moved from ready to assigned' }),
  returnedToReady: Type.Array(Id, {
    description: 'people the superseded plan carried and this one does not: back to ready',
  }),
  supersededPlanId: Nullable(Id),
});
