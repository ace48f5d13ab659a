import Type from 'typebox';
import { crewStatuses, rescuePlanStatuses } from '../../domain/rescue.ts';
import { DateTime, Enum, Id, Nullable, Text } from './common.ts';

// Hand crews, rescue plans, progress and estimates. Times in answers are instants (ISO 8601);
// passages are named by the codes of their two ends (S06-J03).

const crewFields = {
  name: Text(100),
  size: Type.Integer({ minimum: 1, maximum: 1000, description: 'people in the crew' }),
  positionId: { ...Id, description: 'the point of the site where the crew is' },
  hoursPerShift: Type.Number({ exclusiveMinimum: 0, maximum: 24 }),
  restHours: Type.Number({ minimum: 0, maximum: 72, description: 'rest between two shifts' }),
  shiftStartedAt: Type.Optional(
    Nullable(
      Type.String({
        format: 'date-time',
        description:
          'when one of its shifts began; they repeat every hoursPerShift + restHours (default: at a plan’s start)',
      }),
    ),
  ),
  status: Type.Optional(Enum(crewStatuses, { description: 'lost: can no longer work; planned without' })),
  note: Type.Optional(Nullable(Text())),
};

export const CrewInput = Type.Object(
  { id: Type.Optional(Id), ...crewFields },
  { additionalProperties: false },
);
export const CrewPatch = Type.Object(
  Object.fromEntries(Object.entries(crewFields).map(([k, v]) => [k, Type.Optional(v)])) as {
    [K in keyof typeof crewFields]: ReturnType<typeof Type.Optional<(typeof crewFields)[K]>>;
  },
  { additionalProperties: false, minProperties: 1 },
);
export const Crew = Type.Object({
  id: Id,
  siteId: Id,
  name: Type.String(),
  size: Type.Integer(),
  positionId: Id,
  hoursPerShift: Type.Number(),
  restHours: Type.Number(),
  shiftStartedAt: Nullable(DateTime),
  status: Enum(crewStatuses),
  note: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const TimeLimit = (fallback: string) =>
  Type.Number({
    exclusiveMinimum: 0,
    maximum: 600,
    description: `seconds the planner may take (${fallback})`,
  });
const At = (description: string) => Type.String({ format: 'date-time', description });
const Weight = Type.Number({ minimum: 0, maximum: 1000 });

export const RescuePlanInput = Type.Object(
  {
    timeLimitSeconds: Type.Optional(TimeLimit('default 5, or env CORRIDOR_RESCUE_TIME_LIMIT')),
    at: Type.Optional(At("the plan's start, its hour 0 (default now); not in the future")),
    weights: Type.Optional(
      Type.Object(
        {
          person: Type.Optional(Weight),
          child: Type.Optional(Weight),
          elderly: Type.Optional(Weight),
          pregnant: Type.Optional(Weight),
          needsStretcher: Type.Optional(Weight),
          needsWheelchair: Type.Optional(Weight),
          needsMedication: Type.Optional(Weight),
          T1: Type.Optional(Weight),
          T2: Type.Optional(Weight),
          T3: Type.Optional(Weight),
        },
        {
          additionalProperties: false,
          description: 'priority weights of a person; a person weighs the most of what applies to them',
        },
      ),
    ),
    walkingSpeedKmh: Type.Optional(
      Type.Number({ exclusiveMinimum: 0, maximum: 20, description: 'default 2' }),
    ),
    betweenExitsHours: Type.Optional(
      Nullable(
        Type.Number({
          minimum: 0,
          maximum: 1000,
          description: 'hours for a crew to go round outside from one exit to another; null: it may not',
        }),
      ),
    ),
  },
  { additionalProperties: false },
);

export const ProgressInput = Type.Object(
  {
    crewId: Id,
    passageId: Id,
    percent: Type.Number({ minimum: 0, maximum: 100, description: 'share of the passage cleared so far' }),
    note: Type.Optional(Nullable(Text())),
    at: Type.Optional(At('when the share was observed (default now); not before the plan started')),
    timeLimitSeconds: Type.Optional(TimeLimit('for the re-plan; default 0.8')),
  },
  { additionalProperties: false },
);

export const ReplanInput = Type.Object(
  {
    at: Type.Optional(At('re-plan as of this instant (default now); estimates never go back in time')),
    timeLimitSeconds: Type.Optional(TimeLimit('default 0.8')),
  },
  { additionalProperties: false },
);

const PointRef = Type.Object({ id: Id, code: Type.String() });
const PassageRef = { passageId: Id, code: Type.String({ description: 'the codes of its two ends' }) };

const Effort = Type.Object({
  personHours: Type.Number({
    description: 'least total effort joining every reachable occupied shelter to an exit',
  }),
  lowerBound: Type.Number(),
  gap: Type.Number({ description: '(personHours − lowerBound) / personHours' }),
  optimal: Type.Boolean(),
  method: Type.String(),
  boundMethod: Type.String(),
});

export const RescueResult = Type.Object({
  at: Type.String({ format: 'date-time', description: 'the instant this answer was planned from' }),
  effort: Effort,
  objective: Type.Object({
    weightedHours: Type.Number({ description: 'Σ priority weight × hours until reachable' }),
    lowerBound: Type.Number(),
  }),
  passagesToClear: Type.Array(
    Type.Object({
      ...PassageRef,
      personHours: Type.Number({ description: 'effort still needed' }),
      shelters: Type.Array(PointRef, { description: 'the shelters whose way out needs it' }),
    }),
  ),
  crews: Type.Array(
    Type.Object({
      crewId: Id,
      name: Type.String(),
      tasks: Type.Array(
        Type.Object({
          ...PassageRef,
          departAt: DateTime,
          startAt: DateTime,
          endAt: DateTime,
          travelHours: Type.Number(),
          workHours: Type.Number(),
          segments: Type.Array(Type.Object({ start: DateTime, end: DateTime }), {
            description: 'stretches of walking and work, each inside a shift',
          }),
          enterAt: PointRef,
          exitAt: PointRef,
          percentDoneAtStart: Type.Number({ description: 'for a task a crew was already on' }),
        }),
        { description: 'in order' },
      ),
    }),
  ),
  shelters: Type.Array(
    Type.Object({
      id: Id,
      code: Type.String(),
      weight: Type.Number(),
      reachableAt: Nullable(
        Type.String({ format: 'date-time', description: 'from when its people can reach an exit' }),
      ),
      reason: Nullable(Type.String({ description: 'why it cannot be reached, when reachableAt is null' })),
      needs: Type.Array(Type.Object(PassageRef)),
    }),
  ),
  warnings: Type.Array(Type.String()),
  seconds: Type.Number({ description: 'planning time' }),
});

const Options = Type.Object({
  timeLimitSeconds: Type.Number(),
  weights: Type.Optional(Type.Record(Type.String(), Type.Number())),
  walkingSpeedKmh: Type.Optional(Type.Number()),
  betweenExitsHours: Type.Optional(Nullable(Type.Number())),
});

const head = {
  id: Id,
  siteId: Id,
  status: Enum(rescuePlanStatuses),
  planStart: DateTime,
  options: Options,
  basedOn: Nullable(Id),
  createdBy: Type.String(),
  createdAt: DateTime,
  acceptedBy: Nullable(Type.String()),
  acceptedAt: Nullable(DateTime),
  statusChangedAt: DateTime,
};

export const Progress = Type.Object({
  id: Id,
  planId: Id,
  crewId: Id,
  crewName: Type.String(),
  passageId: Id,
  passageCode: Type.String(),
  percent: Type.Number(),
  at: DateTime,
  reportedBy: Type.String(),
  note: Nullable(Type.String()),
});

export const RescuePlanView = Type.Object({
  ...head,
  result: RescueResult,
  estimate: Nullable(RescueResult),
  stale: Type.Boolean({ description: 'the site has changed since the current answer was planned' }),
  progress: Type.Array(Progress),
});

export const RescuePlanSummary = Type.Object({
  ...head,
  effort: Effort,
  passagesToClear: Type.Integer(),
  sheltersReached: Type.Integer(),
  sheltersNotReached: Type.Integer(),
  estimatedAt: Nullable(DateTime),
  progressReports: Type.Integer(),
});

export const RescueAcceptance = Type.Object({ plan: RescuePlanView, supersededPlanId: Nullable(Id) });

export const ProgressAnswer = Type.Object({
  progress: Progress,
  passageOpened: Type.Boolean({ description: 'the report said 100 %: the passage is open now' }),
  replanProblem: Nullable(
    Type.String({ description: 'why the estimates could not be brought up to date; the report is recorded' }),
  ),
  plan: RescuePlanView,
});

export const SiteEstimates = Type.Object({
  siteId: Id,
  plan: Nullable(
    Type.Object({
      id: Id,
      status: Enum(rescuePlanStatuses),
      planStart: DateTime,
      acceptedBy: Nullable(Type.String()),
      acceptedAt: Nullable(DateTime),
    }),
  ),
  source: Nullable(Enum(['plan', 'estimate'] as const)),
  stale: Type.Boolean(),
  estimate: Nullable(RescueResult),
});
