import Type from 'typebox';
import * as logistics from '../../services/logistics.ts';
import * as roads from '../../services/roads.ts';
import { actorOf } from '../auth.ts';
import { errorResponses, IdParams, SiteParams } from '../schemas/common.ts';
import {
  Depot,
  DepotInput,
  DepotPatch,
  Logistics,
  PickupRoute,
  PickupRouteInput,
  PickupRoutePatch,
  PlanningSettings,
  PlanningSettingsInput,
  RoadPoint,
  RoadPointInput,
  RoadPointPatch,
  TravelTime,
  TravelTimeInput,
  TravelTimePatch,
  Vehicle,
  VehicleInput,
  VehiclePatch,
} from '../schemas/logistics.ts';
import type { Api, RouteContext } from './context.ts';

// Depots, vehicles, road points, pickup routes, travel times and planning settings. The coordination
// cell keeps them; every role that sees plans reads them.
export function logisticsRoutes(api: Api, { db }: RouteContext): void {
  const tags = ['logistics'];
  const read = { permission: 'logistics:read' } as const;
  const write = { permission: 'logistics:write' } as const;
  const deleted = { 204: Type.Null(), ...errorResponses };

  api.get(
    '/api/sites/:siteId/logistics',
    {
      config: read,
      schema: {
        tags,
        summary: 'Depots, vehicles, road points, pickup routes, travel times and planning settings',
        params: SiteParams,
        response: { 200: Logistics, ...errorResponses },
      },
    },
    async (request) => logistics.logistics(db, request.params.siteId),
  );

  api.post(
    '/api/sites/:siteId/depots',
    {
      config: write,
      schema: { tags, params: SiteParams, body: DepotInput, response: { 201: Depot, ...errorResponses } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await logistics.createDepot(db, actorOf(request), request.params.siteId, request.body)),
  );
  api.patch(
    '/api/depots/:id',
    {
      config: write,
      schema: { tags, params: IdParams, body: DepotPatch, response: { 200: Depot, ...errorResponses } },
    },
    async (request) => logistics.updateDepot(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    '/api/sites/:siteId/vehicles',
    {
      config: write,
      schema: { tags, params: SiteParams, body: VehicleInput, response: { 201: Vehicle, ...errorResponses } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await logistics.createVehicle(db, actorOf(request), request.params.siteId, request.body)),
  );
  api.patch(
    '/api/vehicles/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'Edit a vehicle; status lost or out_of_service keeps it out of later plans',
        params: IdParams,
        body: VehiclePatch,
        response: { 200: Vehicle, ...errorResponses },
      },
    },
    async (request) => logistics.updateVehicle(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    '/api/sites/:siteId/road-points',
    {
      config: write,
      schema: {
        tags,
        summary: 'Add a screening point, checkpoint or reception point on the road out',
        params: SiteParams,
        body: RoadPointInput,
        response: { 201: RoadPoint, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await logistics.createRoadPoint(db, actorOf(request), request.params.siteId, request.body)),
  );
  api.patch(
    '/api/road-points/:id',
    {
      config: write,
      schema: {
        tags,
        params: IdParams,
        body: RoadPointPatch,
        response: { 200: RoadPoint, ...errorResponses },
      },
    },
    async (request) => logistics.updateRoadPoint(db, actorOf(request), request.params.id, request.body),
  );

  api.post(
    '/api/sites/:siteId/pickup-routes',
    {
      config: write,
      schema: {
        tags,
        summary:
          'The road from a pickup point (or exit) to the first screening point, where the danger zone ends',
        params: SiteParams,
        body: PickupRouteInput,
        response: { 201: PickupRoute, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await roads.createPickupRoute(db, actorOf(request), request.params.siteId, request.body)),
  );
  api.patch(
    '/api/pickup-routes/:id',
    {
      config: write,
      schema: {
        tags,
        params: IdParams,
        body: PickupRoutePatch,
        response: { 200: PickupRoute, ...errorResponses },
      },
    },
    async (request) => roads.updatePickupRoute(db, actorOf(request), request.params.id, request.body),
  );
  api.delete(
    '/api/pickup-routes/:id',
    {
      config: write,
      schema: {
        tags,
        summary: 'The pickup point has no road out any more',
        params: IdParams,
        response: deleted,
      },
    },
    async (request, reply) => {
      await roads.deletePickupRoute(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  api.post(
    '/api/sites/:siteId/travel-times',
    {
      config: write,
      schema: {
        tags,
        summary:
          'A driving time: depot → pickup point, screening point → reception point, or reception point → pickup point',
        params: SiteParams,
        body: TravelTimeInput,
        response: { 201: TravelTime, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await roads.createTravelTime(db, actorOf(request), request.params.siteId, request.body)),
  );
  api.patch(
    '/api/travel-times/:id',
    {
      config: write,
      schema: {
        tags,
        params: IdParams,
        body: TravelTimePatch,
        response: { 200: TravelTime, ...errorResponses },
      },
    },
    async (request) => roads.updateTravelTime(db, actorOf(request), request.params.id, request.body),
  );
  api.delete(
    '/api/travel-times/:id',
    {
      config: write,
      schema: { tags, summary: 'There is no such road any more', params: IdParams, response: deleted },
    },
    async (request, reply) => {
      await roads.deleteTravelTime(db, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  api.put(
    '/api/sites/:siteId/planning-settings',
    {
      config: write,
      schema: {
        tags,
        summary: 'Loading times and priority weights the planner uses for this site',
        params: SiteParams,
        body: PlanningSettingsInput,
        response: { 200: PlanningSettings, ...errorResponses },
      },
    },
    async (request) => roads.savePlanningSettings(db, actorOf(request), request.params.siteId, request.body),
  );
}
