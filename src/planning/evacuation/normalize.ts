// Checks an input and turns it into a Problem. Bad input is rejected as a whole with every problem
// listed (path and reason); a group that no plan could carry is not an error but is set aside with
// its reason, so that the plan explains it.
import { CorridorError } from '../../domain/errors.ts';
import {
  defaultPriorityWeights,
  type EvacuationInput,
  type LeftOutReason,
  type PriorityClass,
  priorityClasses,
} from './model.ts';
import type { Problem } from './problem.ts';

type Problems = Array<{ path: string; reason: string }>;

const isMinutes = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function indexIds(list: readonly { id: string }[], path: string, problems: Problems): Map<string, number> {
  const map = new Map<string, number>();
  list.forEach((item, i) => {
    if (typeof item.id !== 'string' || item.id.length === 0)
      problems.push({ path: `${path}[${i}].id`, reason: 'an id is required' });
    else if (map.has(item.id))
      problems.push({ path: `${path}[${i}].id`, reason: `${item.id} is listed twice` });
    else map.set(item.id, i);
  });
  return map;
}

function instant(value: string, path: string, problems: Problems): number {
  const t = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(t)) problems.push({ path, reason: `${String(value)} is not an ISO 8601 instant` });
  return t;
}

export function weightsOf(input: EvacuationInput): Record<PriorityClass, number> {
  return { ...defaultPriorityWeights, ...input.priorityWeights };
}

export function normalize(input: EvacuationInput): Problem {
  const problems: Problems = [];
  const epoch = instant(input.planStart, 'planStart', problems);
  const weights = weightsOf(input);
  for (const c of priorityClasses)
    if (!(Number.isFinite(weights[c]) && weights[c] >= 0))
      problems.push({ path: `priorityWeights.${c}`, reason: 'a weight is a finite number ≥ 0' });

  const pickupIndex = indexIds(input.pickupPoints, 'pickupPoints', problems);
  const screeningIndex = indexIds(input.screeningPoints, 'screeningPoints', problems);
  // Vehicles, windows and groups are addressed by position; their ids only need to be unique.
  indexIds(input.vehicles, 'vehicles', problems);
  indexIds(input.windows, 'windows', problems);
  indexIds(input.groups, 'groups', problems);
  const receptionIndex = new Map<string, number>();
  input.receptionPointIds.forEach((id, i) => {
    if (receptionIndex.has(id))
      problems.push({ path: `receptionPointIds[${i}]`, reason: `${id} is listed twice` });
    else receptionIndex.set(id, i);
  });
  if (receptionIndex.size === 0)
    problems.push({ path: 'receptionPointIds', reason: 'at least one reception point' });
  const depots = [...new Set(input.vehicles.map((v) => v.depotId))];
  const depotIndex = new Map(depots.map((d, i) => [d, i]));

  const loading = {
    perPerson: input.loading.minutesPerPerson,
    perStretcher: input.loading.minutesPerStretcher,
    perWheelchair: input.loading.minutesPerWheelchair ?? 0,
  };
  for (const [name, v] of Object.entries(loading))
    if (!isMinutes(v)) problems.push({ path: `loading.${name}`, reason: 'minutes ≥ 0' });

  input.screeningPoints.forEach((s, i) => {
    if (!isMinutes(s.expectedDelayMinutes))
      problems.push({ path: `screeningPoints[${i}].expectedDelayMinutes`, reason: 'minutes ≥ 0' });
  });

  const P = input.pickupPoints.length;
  const pickups = {
    count: P,
    approach: new Float64Array(P),
    exit: new Float64Array(P),
    screening: new Int32Array(P),
    afterZone: new Float64Array(P),
    reception: new Int32Array(P),
  };
  input.pickupPoints.forEach((p, i) => {
    const at = `pickupPoints[${i}]`;
    if (!isMinutes(p.approachMinutes))
      problems.push({ path: `${at}.approachMinutes`, reason: 'minutes ≥ 0' });
    if (!isMinutes(p.minutesToScreening))
      problems.push({ path: `${at}.minutesToScreening`, reason: 'minutes ≥ 0' });
    const s = screeningIndex.get(p.screeningPointId);
    if (s === undefined) {
      problems.push({ path: `${at}.screeningPointId`, reason: `no screening point ${p.screeningPointId}` });
      return;
    }
    pickups.approach[i] = p.approachMinutes;
    pickups.exit[i] = p.minutesToScreening;
    pickups.screening[i] = s;
    // People go to the nearest reception point after screening (ties: the first listed).
    const row = input.travel.screeningToReception[p.screeningPointId] ?? {};
    let best = -1;
    let bestMinutes = Number.POSITIVE_INFINITY;
    input.receptionPointIds.forEach((r, ri) => {
      const m = row[r];
      if (m !== undefined && !isMinutes(m))
        problems.push({
          path: `travel.screeningToReception.${p.screeningPointId}.${r}`,
          reason: 'minutes ≥ 0',
        });
      else if (m !== undefined && m < bestMinutes) {
        best = ri;
        bestMinutes = m;
      }
    });
    if (best < 0)
      problems.push({
        path: `travel.screeningToReception.${p.screeningPointId}`,
        reason: 'no road from this screening point to any reception point',
      });
    pickups.reception[i] = Math.max(best, 0);
    pickups.afterZone[i] = (input.screeningPoints[s]?.expectedDelayMinutes ?? 0) + bestMinutes;
  });

  const depotToPickup = new Float64Array(depots.length * P).fill(Number.NaN);
  for (const [depot, row] of Object.entries(input.travel.depotToPickup)) {
    const d = depotIndex.get(depot);
    if (d === undefined) continue; // A depot without vehicles plays no part.
    for (const [pickup, minutes] of Object.entries(row)) {
      const p = pickupIndex.get(pickup);
      const at = `travel.depotToPickup.${depot}.${pickup}`;
      if (p === undefined) problems.push({ path: at, reason: `no pickup point ${pickup}` });
      else if (!isMinutes(minutes) || minutes < pickups.approach[p]!)
        problems.push({ path: at, reason: 'minutes ≥ the approach inside the danger zone' });
      else depotToPickup[d * P + p] = minutes;
    }
  }
  const R = input.receptionPointIds.length;
  const receptionToPickup = new Float64Array(R * P).fill(Number.NaN);
  for (const [reception, row] of Object.entries(input.travel.receptionToPickup ?? {})) {
    const r = receptionIndex.get(reception);
    for (const [pickup, minutes] of Object.entries(row)) {
      const p = pickupIndex.get(pickup);
      const at = `travel.receptionToPickup.${reception}.${pickup}`;
      if (r === undefined) problems.push({ path: at, reason: `no reception point ${reception}` });
      else if (p === undefined) problems.push({ path: at, reason: `no pickup point ${pickup}` });
      else if (!isMinutes(minutes) || minutes < pickups.approach[p]!)
        problems.push({ path: at, reason: 'minutes ≥ the approach inside the danger zone' });
      else receptionToPickup[r * P + p] = minutes;
    }
  }

  const V = input.vehicles.length;
  const vehicles = {
    count: V,
    depot: new Int32Array(V),
    seats: new Int32Array(V),
    stretchers: new Int32Array(V),
    wheelchairs: new Int32Array(V),
    available: new Float64Array(V),
  };
  input.vehicles.forEach((v, i) => {
    const at = `vehicles[${i}]`;
    for (const key of ['seats', 'stretcherPlaces', 'wheelchairPlaces'] as const)
      if (!isCount(v[key])) problems.push({ path: `${at}.${key}`, reason: 'a whole number ≥ 0' });
    vehicles.depot[i] = depotIndex.get(v.depotId)!;
    vehicles.seats[i] = v.seats;
    vehicles.stretchers[i] = v.stretcherPlaces;
    vehicles.wheelchairs[i] = v.wheelchairPlaces;
    const from =
      v.availableFrom === undefined ? epoch : instant(v.availableFrom, `${at}.availableFrom`, problems);
    vehicles.available[i] = Math.max(0, (from - epoch) / 60000);
  });

  const order = input.windows.map((_, i) => i);
  const starts = input.windows.map((w, i) => instant(w.start, `windows[${i}].start`, problems));
  const ends = input.windows.map((w, i) => instant(w.end, `windows[${i}].end`, problems));
  input.windows.forEach((_, i) => {
    if (ends[i]! <= starts[i]!)
      problems.push({ path: `windows[${i}].end`, reason: 'a window ends after it starts' });
  });
  order.sort((a, b) => starts[a]! - starts[b]! || ends[a]! - ends[b]!);
  const windows = {
    count: order.length,
    start: Float64Array.from(order, (i) => (starts[i]! - epoch) / 60000),
    end: Float64Array.from(order, (i) => (ends[i]! - epoch) / 60000),
  };

  const G = input.groups.length;
  const groups = {
    count: G,
    pickup: new Int32Array(G).fill(-1),
    persons: new Int32Array(G),
    seats: new Int32Array(G),
    stretchers: new Int32Array(G),
    wheelchairs: new Int32Array(G),
    weight: new Float64Array(G),
    load: new Float64Array(G),
  };
  const excluded = new Map<number, LeftOutReason>();
  const seenPeople = new Set<string>();
  let maxSeats = 0;
  let maxStretchers = 0;
  let maxWheelchairs = 0;
  for (let v = 0; v < V; v++) {
    maxSeats = Math.max(maxSeats, vehicles.seats[v]!);
    maxStretchers = Math.max(maxStretchers, vehicles.stretchers[v]!);
    maxWheelchairs = Math.max(maxWheelchairs, vehicles.wheelchairs[v]!);
  }
  input.groups.forEach((g, i) => {
    const at = `groups[${i}]`;
    if (!Array.isArray(g.members) || g.members.length === 0) {
      problems.push({ path: `${at}.members`, reason: 'a group has at least one member' });
      return;
    }
    let seats = 0;
    let stretchers = 0;
    let wheelchairs = 0;
    let weight = 0;
    let adults = 0;
    let children = 0;
    g.members.forEach((m, k) => {
      if (seenPeople.has(m.id))
        problems.push({ path: `${at}.members[${k}].id`, reason: `${m.id} is in two groups` });
      seenPeople.add(m.id);
      if (!priorityClasses.includes(m.priority))
        problems.push({
          path: `${at}.members[${k}].priority`,
          reason: `one of ${priorityClasses.join(', ')}`,
        });
      weight += weights[m.priority] ?? 0;
      if (m.needs === 'stretcher') stretchers++;
      else if (m.needs === 'wheelchair') wheelchairs++;
      else seats++;
      if (m.child) children++;
      else adults++;
    });
    if (g.kind === 'escorted_child') {
      const escort = g.members.find((m) => m.id === g.escortId);
      if (!escort || escort.child)
        problems.push({
          path: `${at}.escortId`,
          reason: 'an escorted child names an adult member as escort',
        });
    }
    const persons = g.members.length;
    groups.persons[i] = persons;
    groups.seats[i] = seats;
    groups.stretchers[i] = stretchers;
    groups.wheelchairs[i] = wheelchairs;
    groups.weight[i] = weight;
    groups.load[i] =
      loading.perPerson * persons + loading.perStretcher * stretchers + loading.perWheelchair * wheelchairs;
    if (g.pickupPointId === null) {
      excluded.set(i, 'shelter_unreachable');
      return;
    }
    const p = pickupIndex.get(g.pickupPointId);
    if (p === undefined) {
      problems.push({ path: `${at}.pickupPointId`, reason: `no pickup point ${g.pickupPointId}` });
      return;
    }
    if (children > 0 && adults === 0) {
      excluded.set(i, 'child_without_escort');
      return;
    }
    const fits = (v: number) =>
      vehicles.seats[v]! >= seats &&
      vehicles.stretchers[v]! >= stretchers &&
      vehicles.wheelchairs[v]! >= wheelchairs;
    let anyFits = false;
    for (let v = 0; v < V && !anyFits; v++) anyFits = fits(v);
    if (!anyFits) {
      const reason: LeftOutReason =
        seats <= maxSeats && wheelchairs <= maxWheelchairs && stretchers > maxStretchers
          ? 'no_stretcher_place_left'
          : seats <= maxSeats && stretchers <= maxStretchers && wheelchairs > maxWheelchairs
            ? 'no_wheelchair_place_left'
            : 'household_larger_than_any_vehicle';
      excluded.set(i, reason);
      return;
    }
    groups.pickup[i] = p;
  });

  if (problems.length > 0)
    throw new CorridorError(
      'validation_failed',
      `the evacuation input has ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems
        .slice(0, 3)
        .map((p) => `${p.path}: ${p.reason}`)
        .join('; ')}`,
      { problems },
    );

  return {
    input,
    epoch,
    ids: {
      groups: input.groups.map((g) => g.id),
      vehicles: input.vehicles.map((v) => v.id),
      depots,
      pickups: input.pickupPoints.map((p) => p.id),
      screenings: input.screeningPoints.map((s) => s.id),
      receptions: [...input.receptionPointIds],
      windows: order.map((i) => input.windows[i]!.id),
    },
    groups,
    excluded,
    vehicles,
    depotCount: depots.length,
    receptionCount: R,
    pickups,
    depotToPickup,
    receptionToPickup,
    windows,
    loading,
  };
}
