// The evacuation planner's input and output, as plain data. Instants are ISO 8601 strings; every
// duration is in minutes. The planner reads nothing else and writes nothing else.

/** Who goes first, highest first: the default weights follow this order. */
export const priorityClasses = [
  't1_wounded',
  'unaccompanied_child',
  'child',
  'pregnant',
  'elderly',
  'other',
] as const;
export type PriorityClass = (typeof priorityClasses)[number];

/** Default weight of one evacuated person of each class (objective 1); configurable per plan. */
export const defaultPriorityWeights: Readonly<Record<PriorityClass, number>> = {
  t1_wounded: 16,
  unaccompanied_child: 12,
  child: 8,
  pregnant: 6,
  elderly: 4,
  other: 1,
};

export interface EvacuationPerson {
  id: string;
  priority: PriorityClass;
  /** A person lying down needs a stretcher place; a wheelchair user a wheelchair place; others a seat. */
  needs?: 'stretcher' | 'wheelchair' | null;
  /** Under 18: travels only with an adult of the same group (a guardian or the named escort). */
  child?: boolean;
}

/** People who travel together in one vehicle: a household, or an unaccompanied child with an escort. */
export interface EvacuationGroup {
  id: string;
  kind: 'household' | 'escorted_child';
  members: EvacuationPerson[];
  /** For an escorted child: the adult member who escorts the child. */
  escortId?: string;
  /** The pickup point the group can reach, or null when its shelter is cut off. */
  pickupPointId: string | null;
  /** Why the shelter is cut off (from the site model), when pickupPointId is null. */
  unreachableReason?: string;
}

export interface Vehicle {
  id: string;
  depotId: string;
  seats: number;
  stretcherPlaces: number;
  wheelchairPlaces: number;
  /** When the vehicle can leave its depot; default: the plan's start. */
  availableFrom?: string;
}

export interface PickupPoint {
  id: string;
  /** Minutes of the drive to this point that lie inside the danger zone. */
  approachMinutes: number;
  /** The first screening point on the road out, where the danger zone ends. */
  screeningPointId: string;
  minutesToScreening: number;
}

export interface ScreeningPoint {
  id: string;
  expectedDelayMinutes: number;
}

export interface PauseWindow {
  id: string;
  start: string;
  end: string;
}

export interface TravelTimes {
  /** depot id → pickup point id → minutes. */
  depotToPickup: Record<string, Record<string, number>>;
  /** screening point id → reception point id → minutes. */
  screeningToReception: Record<string, Record<string, number>>;
  /** reception point id → pickup point id → minutes, for a vehicle's next trip; absent: no next trip. */
  receptionToPickup?: Record<string, Record<string, number>>;
}

export interface LoadingTimes {
  minutesPerPerson: number;
  /** Extra minutes to carry one stretcher case aboard. */
  minutesPerStretcher: number;
  /** Extra minutes to bring one wheelchair user aboard (default: none). */
  minutesPerWheelchair?: number;
}

export interface EvacuationInput {
  /** Now: no vehicle leaves before it, and arrival times are counted from it. */
  planStart: string;
  groups: EvacuationGroup[];
  vehicles: Vehicle[];
  pickupPoints: PickupPoint[];
  screeningPoints: ScreeningPoint[];
  receptionPointIds: string[];
  windows: PauseWindow[];
  travel: TravelTimes;
  loading: LoadingTimes;
  priorityWeights?: Partial<Record<PriorityClass, number>>;
}

export const leftOutReasons = [
  'shelter_unreachable',
  'child_without_escort',
  'household_larger_than_any_vehicle',
  'no_stretcher_place_left',
  'no_wheelchair_place_left',
  'no_seat_in_any_window',
] as const;
export type LeftOutReason = (typeof leftOutReasons)[number];

export interface PlannedTrip {
  id: string;
  vehicleId: string;
  windowId: string;
  /** The vehicle leaves its depot or reception point. */
  departure: string;
  enterZone: string;
  pickupPointId: string;
  atPickup: string;
  /** Reaches the first screening point: the end of its time in the danger zone. */
  leaveZone: string;
  screeningPointId: string;
  receptionPointId: string;
  arrival: string;
  groupIds: string[];
  people: number;
  seatsUsed: number;
  stretcherPlacesUsed: number;
  wheelchairPlacesUsed: number;
}

export interface LeftOutGroup {
  groupId: string;
  personIds: string[];
  reason: LeftOutReason;
  /** The reason in words, with the figures behind it. */
  explanation: string;
}

export interface PlanValue {
  /** Objective 1: the priority-weighted number of people evacuated (maximised). */
  weightedEvacuated: number;
  peopleEvacuated: number;
  /** Objective 2: Σ weight × minutes from the plan's start to arrival at reception (minimised). */
  weightedArrivalMinutes: number;
  /** Objective 3 (minimised). */
  vehiclesUsed: number;
}

export interface PlanBound {
  /** An upper bound on objective 1 over every feasible plan. */
  upperBound: number;
  /** (upperBound − value) / upperBound; 0 when both are 0. */
  gap: number;
  /**
   * How the bound was obtained: 'lp-dual' is the LP relaxation's dual solution, re-evaluated here
   * as a Lagrangian bound (valid for any multipliers); 'lagrangian' the same function with
   * multipliers found without HiGHS; 'milp' a HiGHS branch-and-bound proof of optimality.
   */
  method: 'lp-dual' | 'lagrangian' | 'milp' | 'trivial';
  /** A lower bound on objective 2 for the people this plan evacuates (each on their fastest trip). */
  arrivalLowerBound: number;
}

export interface EvacuationPlan {
  trips: PlannedTrip[];
  leftOut: LeftOutGroup[];
  value: PlanValue;
  bound: PlanBound;
  /** True when objective 1 is proved optimal (the bound equals the value). */
  optimal: boolean;
  /** Which method produced the plan. */
  source: 'heuristic' | 'milp';
  seconds: number;
  /** Re-planning only: people whose trip differs from the previous plan, and those dropped from it. */
  moved?: { people: number; groupIds: string[] };
}

export interface PlanOptions {
  /** Seconds for the whole run (default 60). */
  timeLimitSeconds?: number;
  /** Use the exact MILP when the instance has at most this many groups (default 60). */
  exactUpToGroups?: number;
  /** Compute the LP bound with HiGHS (default true); otherwise the Lagrangian bound only. */
  useHighs?: boolean;
}
