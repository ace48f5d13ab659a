// Vehicles, depots and the road out of the site: the words and rules shared by evacuation plans and,
// later, convoys.

export const vehicleKinds = ['bus', 'minibus', 'ambulance', 'truck', 'other'] as const;
export type VehicleKind = (typeof vehicleKinds)[number];

export const vehicleStatuses = ['available', 'out_of_service', 'lost'] as const;
export type VehicleStatus = (typeof vehicleStatuses)[number];

export const roadPointKinds = ['screening_point', 'checkpoint', 'reception_point'] as const;
export type RoadPointKind = (typeof roadPointKinds)[number];

export const planStatuses = ['draft', 'accepted', 'superseded', 'discarded'] as const;
export type PlanStatus = (typeof planStatuses)[number];

export interface Depot {
  id: string;
  siteId: string;
  name: string;
  note: string | null;
}

export interface Vehicle {
  id: string;
  siteId: string;
  depotId: string;
  label: string;
  kind: VehicleKind;
  plateOrMarking: string | null;
  seats: number;
  stretcherPlaces: number;
  wheelchairPlaces: number;
  status: VehicleStatus;
  availableFrom: string | null;
  note: string | null;
}

export interface RoadPoint {
  id: string;
  siteId: string;
  kind: RoadPointKind;
  name: string;
  localName: string | null;
  expectedDelayMinutes: number;
  note: string | null;
}

export interface PickupRoute {
  id: string;
  siteId: string;
  pickupPointId: string;
  screeningPointId: string;
  approachMinutes: number;
  minutesToScreening: number;
  note: string | null;
}

export interface TravelTime {
  id: string;
  siteId: string;
  fromId: string;
  toId: string;
  minutes: number;
  via: string[];
  note: string | null;
}

export interface PlanningSettings {
  loadingMinutesPerPerson: number;
  loadingMinutesPerStretcher: number;
  loadingMinutesPerWheelchair: number;
  priorityWeights: Record<string, number>;
}

/**
 * Used until a site records its own: a bus of 45 takes about twenty minutes to board; carrying a
 * stretcher aboard takes five more, helping a wheelchair user aboard three.
 */
export const defaultPlanningSettings: PlanningSettings = {
  loadingMinutesPerPerson: 0.5,
  loadingMinutesPerStretcher: 5,
  loadingMinutesPerWheelchair: 3,
  priorityWeights: {},
};

/** The three legs the evacuation planner drives; a travel time is one of them. */
export type Leg = 'depot_to_pickup' | 'screening_to_reception' | 'reception_to_pickup';

export type EndKind = 'depot' | 'pickup' | 'screening_point' | 'reception_point' | 'checkpoint' | 'other';

export function legOf(from: EndKind, to: EndKind): Leg | undefined {
  if (from === 'depot' && to === 'pickup') return 'depot_to_pickup';
  if (from === 'screening_point' && to === 'reception_point') return 'screening_to_reception';
  if (from === 'reception_point' && to === 'pickup') return 'reception_to_pickup';
  return undefined;
}

/** What a stored plan keeps beside the planner's input: what a reader needs to make sense of it. */
export interface PlanContext {
  /** Each planned or left-out person's shelter and household at plan time. */
  people: Record<
    string,
    { shelterId: string | null; shelterCode: string | null; householdId: string | null }
  >;
  vehicles: Record<
    string,
    { label: string; kind: VehicleKind; plateOrMarking: string | null; depotId: string; depotName: string }
  >;
  /** Pickup points (site points) and road points by id, for labels. */
  places: Record<string, { name: string; kind: string }>;
  windows: Record<string, { name: string; state: string; start: string; end: string }>;
  /** Pause windows the plan does not use, and why. */
  windowsLeftOut: Array<{ id: string; name: string; state: string; reason: string }>;
  /** Vehicles not available to the plan. */
  vehiclesLeftOut: Array<{ id: string; label: string; status: VehicleStatus }>;
  settings: PlanningSettings & { recorded: boolean };
  warnings: string[];
  /** For a re-plan: what changed, and which notified trips could not be kept. */
  replan?: {
    cancelledWindowIds: string[];
    lostVehicleIds: string[];
    newlyReadyPeople: number;
    noLongerReadyPeople: number;
    notifiedTripIds: string[];
    brokenNotifiedTripIds: string[];
  };
}
