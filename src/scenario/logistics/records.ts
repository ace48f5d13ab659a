import type {
  Depot,
  PickupRoute,
  PlanningSettings,
  RoadPoint,
  TravelTime,
  Vehicle,
} from '../../domain/logistics.ts';
import type { SiteFile } from '../format.ts';
import { compact } from '../records.ts';

// The canonical form of each logistics record: what export writes and import compares with.
export type FileDepot = NonNullable<SiteFile['depots']>[number];
export type FileVehicle = NonNullable<SiteFile['vehicles']>[number];
export type FileRoadPoint = NonNullable<SiteFile['roadPoints']>[number];
export type FilePickupRoute = NonNullable<SiteFile['pickupRoutes']>[number];
export type FileTravelTime = NonNullable<SiteFile['travelTimes']>[number];
export type FilePlanningSettings = NonNullable<SiteFile['planningSettings']>;

const instant = (value: string | null | undefined): string | null =>
  value ? new Date(value).toISOString() : null;

export const depotRecord = (d: Depot | FileDepot): FileDepot =>
  compact({ id: d.id, name: d.name, note: d.note });

export const vehicleRecord = (v: Vehicle | FileVehicle): FileVehicle =>
  compact({
    id: v.id,
    depotId: v.depotId,
    label: v.label,
    kind: v.kind,
    plateOrMarking: v.plateOrMarking,
    seats: v.seats,
    stretcherPlaces: v.stretcherPlaces ?? 0,
    wheelchairPlaces: v.wheelchairPlaces ?? 0,
    status: v.status ?? 'available',
    availableFrom: instant(v.availableFrom),
    note: v.note,
  });

export const roadPointRecord = (p: RoadPoint | FileRoadPoint): FileRoadPoint =>
  compact({
    id: p.id,
    kind: p.kind,
    name: p.name,
    localName: p.localName,
    expectedDelayMinutes: p.expectedDelayMinutes ?? 0,
    note: p.note,
  });

export const pickupRouteRecord = (r: PickupRoute | FilePickupRoute): FilePickupRoute =>
  compact({
    id: r.id,
    pickupPointId: r.pickupPointId,
    screeningPointId: r.screeningPointId,
    approachMinutes: r.approachMinutes,
    minutesToScreening: r.minutesToScreening,
    note: r.note,
  });

export const travelTimeRecord = (t: TravelTime | FileTravelTime): FileTravelTime =>
  compact({ id: t.id, fromId: t.fromId, toId: t.toId, minutes: t.minutes, via: t.via, note: t.note });

export const settingsRecord = (s: PlanningSettings | FilePlanningSettings): FilePlanningSettings =>
  compact({
    loadingMinutesPerPerson: s.loadingMinutesPerPerson,
    loadingMinutesPerStretcher: s.loadingMinutesPerStretcher,
    loadingMinutesPerWheelchair: s.loadingMinutesPerWheelchair,
    priorityWeights:
      s.priorityWeights && Object.keys(s.priorityWeights).length > 0
        ? Object.fromEntries(Object.entries(s.priorityWeights).sort(([a], [b]) => (a < b ? -1 : 1)))
        : null,
  }) as FilePlanningSettings;
