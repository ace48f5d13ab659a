// Turns a checked schedule into the plan people read: trips with instants, everyone left out with
// the reason in words, the value of each objective.
import type { EvacuationPlan, LeftOutGroup, LeftOutReason, PlannedTrip, PlanValue } from './model.ts';
import type { Problem } from './problem.ts';
import type { Evaluation, Schedule } from './schedule.ts';

const instant = (pr: Problem, minutes: number) =>
  new Date(pr.epoch + Math.round(minutes * 60000)).toISOString();

export function plannedTrips(pr: Problem, schedule: Schedule, evaluation: Evaluation): PlannedTrip[] {
  const trips: Array<PlannedTrip & { order: number }> = [];
  schedule.forEach((list, v) => {
    const perWindow = new Map<number, number>();
    list.forEach((trip, k) => {
      const t = evaluation.times[v]![k]!;
      const n = (perWindow.get(trip.window) ?? 0) + 1;
      perWindow.set(trip.window, n);
      let seats = 0;
      let stretchers = 0;
      let wheelchairs = 0;
      let people = 0;
      for (const g of trip.groups) {
        seats += pr.groups.seats[g]!;
        stretchers += pr.groups.stretchers[g]!;
        wheelchairs += pr.groups.wheelchairs[g]!;
        people += pr.groups.persons[g]!;
      }
      const vehicleId = pr.ids.vehicles[v]!;
      const windowId = pr.ids.windows[trip.window]!;
      trips.push({
        id: `${vehicleId}/${windowId}/${n}`,
        vehicleId,
        windowId,
        departure: instant(pr, t.departure),
        enterZone: instant(pr, t.enter),
        pickupPointId: pr.ids.pickups[trip.pickup]!,
        atPickup: instant(pr, t.atPickup),
        leaveZone: instant(pr, t.leave),
        screeningPointId: pr.ids.screenings[pr.pickups.screening[trip.pickup]!]!,
        receptionPointId: pr.ids.receptions[pr.pickups.reception[trip.pickup]!]!,
        arrival: instant(pr, t.arrival),
        groupIds: trip.groups.map((g) => pr.ids.groups[g]!),
        people,
        seatsUsed: seats,
        stretcherPlacesUsed: stretchers,
        wheelchairPlacesUsed: wheelchairs,
        order: t.departure,
      });
    });
  });
  trips.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return trips.map(({ order: _, ...trip }) => trip);
}

export function leftOut(
  pr: Problem,
  schedule: Schedule,
  allowed: (g: number) => boolean = () => true,
): LeftOutGroup[] {
  const carried = new Uint8Array(pr.groups.count);
  for (const list of schedule) for (const t of list) for (const g of t.groups) carried[g] = 1;
  let maxSeats = 0;
  let maxStretchers = 0;
  let maxWheelchairs = 0;
  for (let v = 0; v < pr.vehicles.count; v++) {
    maxSeats = Math.max(maxSeats, pr.vehicles.seats[v]!);
    maxStretchers = Math.max(maxStretchers, pr.vehicles.stretchers[v]!);
    maxWheelchairs = Math.max(maxWheelchairs, pr.vehicles.wheelchairs[v]!);
  }
  const out: LeftOutGroup[] = [];
  for (let g = 0; g < pr.groups.count; g++) {
    if (carried[g] || !allowed(g)) continue;
    const group = pr.input.groups[g]!;
    const seats = pr.groups.seats[g]!;
    const stretchers = pr.groups.stretchers[g]!;
    const wheelchairs = pr.groups.wheelchairs[g]!;
    let reason: LeftOutReason | undefined = pr.excluded.get(g);
    let explanation: string;
    if (!reason)
      reason =
        stretchers > 0
          ? 'no_stretcher_place_left'
          : wheelchairs > 0
            ? 'no_wheelchair_place_left'
            : 'no_seat_in_any_window';
    const pickup = group.pickupPointId ?? '';
    switch (reason) {
      case 'shelter_unreachable':
        explanation = `the shelter cannot reach a pickup point${group.unreachableReason ? `: ${group.unreachableReason}` : ''}`;
        break;
      case 'child_without_escort':
        explanation = 'a child travels only with a guardian or a named escort, and this group has no adult';
        break;
      case 'household_larger_than_any_vehicle':
        explanation = `the group needs ${seats} seats, ${stretchers} stretcher and ${wheelchairs} wheelchair places together; no vehicle has them (largest: ${maxSeats} seats, ${maxStretchers} stretcher, ${maxWheelchairs} wheelchair places)`;
        break;
      case 'no_stretcher_place_left':
        explanation = pr.excluded.has(g)
          ? `the group needs ${stretchers} stretcher places in one vehicle; the most any vehicle has is ${maxStretchers}`
          : `every stretcher place on trips to ${pickup} within the ${pr.windows.count} windows is taken by people of higher priority, or no vehicle with one can reach ${pickup} and leave the danger zone in time`;
        break;
      case 'no_wheelchair_place_left':
        explanation = pr.excluded.has(g)
          ? `the group needs ${wheelchairs} wheelchair places in one vehicle; the most any vehicle has is ${maxWheelchairs}`
          : `every wheelchair place on trips to ${pickup} within the ${pr.windows.count} windows is taken by people of higher priority, or no vehicle with one can reach ${pickup} and leave the danger zone in time`;
        break;
      default:
        explanation = `every seat on trips to ${pickup} that fit in the ${pr.windows.count} windows is taken by people of higher priority, or the group (${seats + stretchers + wheelchairs} people) does not fit in what is left`;
    }
    out.push({ groupId: group.id, personIds: group.members.map((m) => m.id), reason, explanation });
  }
  return out;
}

export function planValue(e: Evaluation): PlanValue {
  return {
    weightedEvacuated: e.weighted,
    peopleEvacuated: e.people,
    weightedArrivalMinutes: e.weightedArrival,
    vehiclesUsed: e.vehiclesUsed,
  };
}

export type { EvacuationPlan };
