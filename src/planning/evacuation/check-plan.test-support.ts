// An independent reading of a plan against its input, for tests: it recomputes from the plan's
// own trips and instants (not from the planner's internals) every rule a coordinator relies on.
import type { EvacuationInput, EvacuationPlan } from './model.ts';

export function planProblems(input: EvacuationInput, plan: EvacuationPlan): string[] {
  const problems: string[] = [];
  const groups = new Map(input.groups.map((g) => [g.id, g]));
  const vehicles = new Map(input.vehicles.map((v) => [v.id, v]));
  const windows = new Map(input.windows.map((w) => [w.id, w]));
  const seen = new Map<string, string>();
  const byVehicle = new Map<string, typeof plan.trips>();
  for (const trip of plan.trips) {
    const vehicle = vehicles.get(trip.vehicleId);
    const window = windows.get(trip.windowId);
    if (!vehicle || !window) {
      problems.push(`trip ${trip.id}: unknown vehicle or window`);
      continue;
    }
    let seats = 0;
    let stretchers = 0;
    let wheelchairs = 0;
    for (const id of trip.groupIds) {
      const g = groups.get(id);
      if (!g) {
        problems.push(`trip ${trip.id}: unknown group ${id}`);
        continue;
      }
      if (seen.has(id)) problems.push(`group ${id} is on ${seen.get(id)} and ${trip.id}`);
      seen.set(id, trip.id);
      if (g.pickupPointId !== trip.pickupPointId)
        problems.push(`group ${id} waits elsewhere than ${trip.pickupPointId}`);
      const children = g.members.filter((m) => m.child).length;
      if (children > 0 && children === g.members.length)
        problems.push(`trip ${trip.id}: children of ${id} travel alone`);
      if (g.kind === 'escorted_child' && !g.members.some((m) => m.id === g.escortId && !m.child))
        problems.push(`trip ${trip.id}: ${id} travels without its escort`);
      for (const m of g.members) {
        if (m.needs === 'stretcher') stretchers++;
        else if (m.needs === 'wheelchair') wheelchairs++;
        else seats++;
      }
    }
    if (seats > vehicle.seats) problems.push(`trip ${trip.id}: ${seats} seated for ${vehicle.seats} seats`);
    if (stretchers > vehicle.stretcherPlaces)
      problems.push(`trip ${trip.id}: ${stretchers} stretcher cases for ${vehicle.stretcherPlaces} places`);
    if (wheelchairs > vehicle.wheelchairPlaces)
      problems.push(`trip ${trip.id}: ${wheelchairs} wheelchairs for ${vehicle.wheelchairPlaces} places`);
    if (
      trip.seatsUsed !== seats ||
      trip.stretcherPlacesUsed !== stretchers ||
      trip.wheelchairPlacesUsed !== wheelchairs
    )
      problems.push(`trip ${trip.id}: the places it reports differ from its people`);
    // Inside the danger zone only within the window: from entering it to the first screening point.
    const enter = Date.parse(trip.enterZone);
    const leave = Date.parse(trip.leaveZone);
    if (enter < Date.parse(window.start) || leave > Date.parse(window.end) || enter > leave)
      problems.push(
        `trip ${trip.id}: in the danger zone ${trip.enterZone}–${trip.leaveZone} outside ${window.id}`,
      );
    const list = byVehicle.get(trip.vehicleId) ?? [];
    list.push(trip);
    byVehicle.set(trip.vehicleId, list);
  }
  // A vehicle is on one trip at a time.
  for (const [id, trips] of byVehicle) {
    trips.sort((a, b) => Date.parse(a.departure) - Date.parse(b.departure));
    for (let k = 1; k < trips.length; k++)
      if (Date.parse(trips[k]!.departure) < Date.parse(trips[k - 1]!.arrival))
        problems.push(`vehicle ${id} leaves for ${trips[k]!.id} before ${trips[k - 1]!.id} arrives`);
  }
  // Everyone planned or listed with a reason, never both.
  const listed = new Set(plan.leftOut.map((l) => l.groupId));
  for (const g of input.groups) {
    const planned = seen.has(g.id);
    if (planned === listed.has(g.id))
      problems.push(
        `group ${g.id} is ${planned ? 'both planned and left out' : 'neither planned nor left out'}`,
      );
  }
  for (const l of plan.leftOut)
    if (!l.explanation) problems.push(`group ${l.groupId} is left out without explanation`);
  const people = plan.trips.reduce((n, t) => n + t.people, 0);
  if (people !== plan.value.peopleEvacuated) problems.push('the plan counts its people wrongly');
  if (plan.bound.upperBound < plan.value.weightedEvacuated) problems.push('the bound is below the plan');
  return problems;
}
