import Type, { type TProperties } from 'typebox';
import { Id } from '../../server/schemas/common.ts';
import {
  DepotInput,
  PickupRouteInput,
  PlanningSettingsInput,
  RoadPointInput,
  TravelTimeInput,
  VehicleInput,
} from '../../server/schemas/logistics.ts';

// The sections of a site file that hold the site's logistics outside the site graph: depots,
// vehicles, road points (screening points, checkpoints, reception points), pickup routes, travel
// times and the planning settings. Each record is written as the API takes it, with its id.
const { id: _depotId, ...depotProperties } = DepotInput.properties;
const { id: _vehicleId, ...vehicleProperties } = VehicleInput.properties;
const { id: _roadPointId, ...roadPointProperties } = RoadPointInput.properties;
const { id: _routeId, ...routeProperties } = PickupRouteInput.properties;
const { id: _travelId, ...travelProperties } = TravelTimeInput.properties;

const records = <T extends TProperties>(properties: T) =>
  Type.Optional(Type.Array(Type.Object({ id: Id, ...properties }, { additionalProperties: false })));

export const logisticsSections = {
  depots: records(depotProperties),
  vehicles: records(vehicleProperties),
  roadPoints: records(roadPointProperties),
  pickupRoutes: records(routeProperties),
  travelTimes: records(travelProperties),
  planningSettings: Type.Optional(PlanningSettingsInput),
};
