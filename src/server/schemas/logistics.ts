import Type from 'typebox';
import { roadPointKinds, vehicleKinds, vehicleStatuses } from '../../domain/logistics.ts';
import { priorityClasses } from '../../planning/evacuation/model.ts';
import { DateTime, Enum, Id, Nullable, Text } from './common.ts';

const Minutes = (description: string) =>
  Type.Number({ minimum: 0, maximum: 100_000, description: `${description}, in minutes` });
const Places = (description: string) => Type.Integer({ minimum: 0, maximum: 1000, description });

const depotFields = { name: Text(200), note: Type.Optional(Nullable(Text())) };
export const DepotInput = Type.Object(
  { id: Type.Optional(Id), ...depotFields },
  { additionalProperties: false },
);
export const DepotPatch = Type.Object(
  { name: Type.Optional(depotFields.name), note: depotFields.note },
  { additionalProperties: false, minProperties: 1 },
);
export const Depot = Type.Object({ id: Id, siteId: Id, name: Type.String(), note: Nullable(Type.String()) });

const vehicleFields = {
  depotId: Id,
  label: Text(100),
  kind: Enum(vehicleKinds),
  plateOrMarking: Type.Optional(Nullable(Text(100))),
  seats: Places('seats for people sitting'),
  stretcherPlaces: Type.Optional(Places('places for people lying on a stretcher')),
  wheelchairPlaces: Type.Optional(Places('places for wheelchair users')),
  status: Type.Optional(Enum(vehicleStatuses)),
  availableFrom: Type.Optional(Nullable(DateTime)),
  note: Type.Optional(Nullable(Text())),
};
export const VehicleInput = Type.Object(
  { id: Type.Optional(Id), ...vehicleFields },
  { additionalProperties: false },
);
export const VehiclePatch = Type.Object(
  Object.fromEntries(Object.entries(vehicleFields).map(([k, v]) => [k, Type.Optional(v)])) as {
    [K in keyof typeof vehicleFields]: ReturnType<typeof Type.Optional<(typeof vehicleFields)[K]>>;
  },
  { additionalProperties: false, minProperties: 1 },
);
export const Vehicle = Type.Object({
  id: Id,
  siteId: Id,
  depotId: Id,
  label: Type.String(),
  kind: Enum(vehicleKinds),
  plateOrMarking: Nullable(Type.String()),
  seats: Type.Integer(),
  stretcherPlaces: Type.Integer(),
  wheelchairPlaces: Type.Integer(),
  status: Enum(vehicleStatuses),
  availableFrom: Nullable(DateTime),
  note: Nullable(Type.String()),
});

const roadPointFields = {
  kind: Enum(roadPointKinds),
  name: Text(200),
  localName: Type.Optional(Nullable(Text(200))),
  expectedDelayMinutes: Type.Optional(Minutes('expected wait at this point (screening)')),
  note: Type.Optional(Nullable(Text())),
};
export const RoadPointInput = Type.Object(
  { id: Type.Optional(Id), ...roadPointFields },
  { additionalProperties: false },
);
export const RoadPointPatch = Type.Object(
  {
    ...roadPointFields,
    kind: Type.Optional(roadPointFields.kind),
    name: Type.Optional(roadPointFields.name),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const RoadPoint = Type.Object({
  id: Id,
  siteId: Id,
  kind: Enum(roadPointKinds),
  name: Type.String(),
  localName: Nullable(Type.String()),
  expectedDelayMinutes: Type.Number(),
  note: Nullable(Type.String()),
});

const routeFields = {
  pickupPointId: Id,
  screeningPointId: Id,
  approachMinutes: Minutes('the part of the drive to the pickup point that lies inside the danger zone'),
  minutesToScreening: Minutes('from the pickup point to the screening point, where the danger zone ends'),
  note: Type.Optional(Nullable(Text())),
};
export const PickupRouteInput = Type.Object(
  { id: Type.Optional(Id), ...routeFields },
  { additionalProperties: false },
);
export const PickupRoutePatch = Type.Object(
  {
    screeningPointId: Type.Optional(routeFields.screeningPointId),
    approachMinutes: Type.Optional(routeFields.approachMinutes),
    minutesToScreening: Type.Optional(routeFields.minutesToScreening),
    note: routeFields.note,
  },
  { additionalProperties: false, minProperties: 1 },
);
export const PickupRoute = Type.Object({
  id: Id,
  siteId: Id,
  pickupPointId: Id,
  screeningPointId: Id,
  approachMinutes: Type.Number(),
  minutesToScreening: Type.Number(),
  note: Nullable(Type.String()),
});

const Via = Type.Array(Id, {
  maxItems: 50,
  description: 'checkpoints (or screening points) passed on the way, in order',
});
const travelFields = {
  fromId: Type.String({
    format: 'uuid',
    description: 'a depot, a screening point or a reception point',
  }),
  toId: Type.String({
    format: 'uuid',
    description:
      'a pickup point (from a depot or reception point) or a reception point (from a screening point)',
  }),
  minutes: Minutes('the drive'),
  via: Type.Optional(Via),
  note: Type.Optional(Nullable(Text())),
};
export const TravelTimeInput = Type.Object(
  { id: Type.Optional(Id), ...travelFields },
  { additionalProperties: false },
);
export const TravelTimePatch = Type.Object(
  { minutes: Type.Optional(travelFields.minutes), via: travelFields.via, note: travelFields.note },
  { additionalProperties: false, minProperties: 1 },
);
export const TravelTime = Type.Object({
  id: Id,
  siteId: Id,
  fromId: Id,
  toId: Id,
  minutes: Type.Number(),
  via: Type.Array(Id),
  note: Nullable(Type.String()),
});

export const PriorityWeights = Type.Object(
  Object.fromEntries(
    priorityClasses.map((c) => [c, Type.Optional(Type.Number({ minimum: 0, maximum: 1_000_000 }))]),
  ) as Record<
    (typeof priorityClasses)[number],
    ReturnType<typeof Type.Optional<ReturnType<typeof Type.Number>>>
  >,
  {
    additionalProperties: false,
    description: 'weight of one evacuated person of each priority class (defaults: 16, 12, 8, 6, 4, 1)',
  },
);

export const PlanningSettingsInput = Type.Object(
  {
    loadingMinutesPerPerson: Minutes('boarding one person'),
    loadingMinutesPerStretcher: Minutes('carrying one stretcher case aboard, beyond boarding'),
    loadingMinutesPerWheelchair: Minutes('helping one wheelchair user aboard, beyond boarding'),
    priorityWeights: Type.Optional(PriorityWeights),
  },
  { additionalProperties: false },
);
export const PlanningSettings = Type.Object({
  loadingMinutesPerPerson: Type.Number(),
  loadingMinutesPerStretcher: Type.Number(),
  loadingMinutesPerWheelchair: Type.Number(),
  priorityWeights: Type.Record(Type.String(), Type.Number()),
  recorded: Type.Boolean({ description: 'false: the defaults, the site has recorded none' }),
});

export const Logistics = Type.Object({
  depots: Type.Array(Depot),
  vehicles: Type.Array(Vehicle),
  roadPoints: Type.Array(RoadPoint),
  pickupRoutes: Type.Array(PickupRoute),
  travelTimes: Type.Array(TravelTime),
  planningSettings: PlanningSettings,
});
