// The planner's working form of an input: everything indexed by number, every time in minutes from
// the plan's start, so the algorithms run on typed arrays rather than maps of strings.
import type { EvacuationInput, LeftOutReason } from './model.ts';

export interface Problem {
  input: EvacuationInput;
  /** The plan's start, in epoch milliseconds. */
  epoch: number;
  /** The ids behind each index (windows in order of their start). */
  ids: {
    groups: string[];
    vehicles: string[];
    depots: string[];
    pickups: string[];
    screenings: string[];
    receptions: string[];
    windows: string[];
  };
  groups: {
    count: number;
    /** Pickup index, or −1 when the group cannot be planned (see excluded). */
    pickup: Int32Array;
    persons: Int32Array;
    seats: Int32Array;
    stretchers: Int32Array;
    wheelchairs: Int32Array;
    weight: Float64Array;
    /** Minutes to load the whole group. */
    load: Float64Array;
  };
  /** Groups that no plan can carry, with the reason, decided before planning. */
  excluded: Map<number, LeftOutReason>;
  vehicles: {
    count: number;
    depot: Int32Array;
    seats: Int32Array;
    stretchers: Int32Array;
    wheelchairs: Int32Array;
    available: Float64Array;
  };
  depotCount: number;
  receptionCount: number;
  pickups: {
    count: number;
    approach: Float64Array;
    exit: Float64Array;
    screening: Int32Array;
    /** Screening delay plus the drive to the nearest reception point. */
    afterZone: Float64Array;
    reception: Int32Array;
  };
  /** depotToPickup[d * pickups + p]; NaN when there is no road. */
  depotToPickup: Float64Array;
  /** receptionToPickup[r * pickups + p]; NaN when there is no road. */
  receptionToPickup: Float64Array;
  windows: { count: number; start: Float64Array; end: Float64Array };
  loading: { perPerson: number; perStretcher: number; perWheelchair: number };
}

/** Minutes inside the danger zone for a trip to pickup p loading `load` minutes. */
export const dangerMinutes = (pr: Problem, p: number, load: number): number =>
  pr.pickups.approach[p]! + load + pr.pickups.exit[p]!;
