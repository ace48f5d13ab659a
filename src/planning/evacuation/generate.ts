// A deterministic generator of evacuation instances for benchmarks and tests: households of one to
// six people spread over pickup points, a mix of buses, minibuses and ambulances at depots, pause
// windows of a few hours twelve hours apart (one long one allows several trips), and travel times
// of the order seen on the Mariupol–Zaporizhzhia road (hours outside, tens of minutes inside).
import type { EvacuationGroup, EvacuationInput, EvacuationPerson, PriorityClass, Vehicle } from './model.ts';
import { between, seededRandom } from './random.ts';

export interface GenerateOptions {
  people: number;
  vehicles: number;
  windows: number;
  seed?: number;
  pickupPoints?: number;
  /** Share of groups whose shelter is cut off (default 0.01). */
  unreachableShare?: number;
}

const planStart = Date.UTC(2022, 4, 1, 6, 0);
const at = (minutes: number) => new Date(planStart + minutes * 60000).toISOString();

function person(random: () => number, id: string, adult: boolean): EvacuationPerson {
  if (!adult) return { id, priority: 'child', child: true };
  const r = random();
  const priority: PriorityClass =
    r < 0.03 ? 't1_wounded' : r < 0.08 ? 'pregnant' : r < 0.28 ? 'elderly' : 'other';
  const s = random();
  const needs =
    priority === 't1_wounded'
      ? s < 0.6
        ? 'stretcher'
        : null
      : priority === 'elderly'
        ? s < 0.08
          ? 'wheelchair'
          : s < 0.1
            ? 'stretcher'
            : null
        : s < 0.01
          ? 'stretcher'
          : null;
  return { id, priority, needs };
}

export function generateInstance(options: GenerateOptions): EvacuationInput {
  const random = seededRandom(options.seed ?? 1);
  const P = options.pickupPoints ?? Math.max(2, Math.min(40, Math.round(Math.sqrt(options.people) / 10)));
  const depots = Math.max(1, Math.min(8, Math.ceil(options.vehicles / 120)));
  const screenings = Math.min(3, Math.max(1, Math.ceil(P / 10)));
  const receptions = Math.min(3, Math.max(1, Math.ceil(P / 8)));

  const screeningPoints = Array.from({ length: screenings }, (_, s) => ({
    id: `S${s + 1}`,
    expectedDelayMinutes: between(random, 60, 180),
  }));
  const receptionPointIds = Array.from({ length: receptions }, (_, r) => `R${r + 1}`);
  const pickupPoints = Array.from({ length: P }, (_, p) => ({
    id: `P${p + 1}`,
    approachMinutes: between(random, 15, 40),
    screeningPointId: `S${(p % screenings) + 1}`,
    minutesToScreening: between(random, 25, 60),
  }));
  const depotIds = Array.from({ length: depots }, (_, d) => `D${d + 1}`);
  const depotToPickup: Record<string, Record<string, number>> = {};
  for (const d of depotIds)
    depotToPickup[d] = Object.fromEntries(pickupPoints.map((p) => [p.id, between(random, 150, 260)]));
  const screeningToReception: Record<string, Record<string, number>> = {};
  for (const s of screeningPoints)
    screeningToReception[s.id] = Object.fromEntries(
      receptionPointIds.map((r) => [r, between(random, 60, 150)]),
    );
  const receptionToPickup: Record<string, Record<string, number>> = {};
  for (const r of receptionPointIds)
    receptionToPickup[r] = Object.fromEntries(pickupPoints.map((p) => [p.id, between(random, 90, 200)]));

  const vehicles: Vehicle[] = Array.from({ length: options.vehicles }, (_, v) => {
    const r = random();
    const depotId = depotIds[v % depots]!;
    if (r < 0.15) return { id: `V${v + 1}`, depotId, seats: 45, stretcherPlaces: 0, wheelchairPlaces: 0 };
    if (r < 0.6) return { id: `V${v + 1}`, depotId, seats: 16, stretcherPlaces: 0, wheelchairPlaces: 1 };
    return { id: `V${v + 1}`, depotId, seats: 2, stretcherPlaces: 2, wheelchairPlaces: 0 };
  });

  // Windows open every twelve hours from the morning after; the second one lasts all day.
  const windows = Array.from({ length: options.windows }, (_, w) => {
    const start = 24 * 60 + w * 12 * 60 + between(random, 0, 60);
    const length = w === 1 ? 11 * 60 : between(random, 150, 300);
    return { id: `W${w + 1}`, start: at(start), end: at(start + length) };
  });

  const groups: EvacuationGroup[] = [];
  const unreachable = options.unreachableShare ?? 0.01;
  let made = 0;
  while (made < options.people) {
    const g = groups.length + 1;
    const pickupPointId = random() < unreachable ? null : pickupPoints[Math.floor(random() * P)]!.id;
    const extra = pickupPointId === null ? { unreachableReason: 'the passage to the exit is blocked' } : {};
    if (random() < 0.01 && options.people - made >= 2) {
      groups.push({
        id: `G${g}`,
        kind: 'escorted_child',
        members: [
          { id: `G${g}-1`, priority: 'unaccompanied_child', child: true },
          { id: `G${g}-2`, priority: 'other' },
        ],
        escortId: `G${g}-2`,
        pickupPointId,
        ...extra,
      });
      made += 2;
      continue;
    }
    const r = random();
    const size = Math.min(
      options.people - made,
      r < 0.3 ? 1 : r < 0.55 ? 2 : r < 0.75 ? 3 : r < 0.9 ? 4 : r < 0.97 ? 5 : 6,
    );
    const adults = size === 1 ? 1 : Math.max(1, Math.min(size, between(random, 1, 3)));
    const members = Array.from({ length: size }, (_, k) => person(random, `G${g}-${k + 1}`, k < adults));
    groups.push({ id: `G${g}`, kind: 'household', members, pickupPointId, ...extra });
    made += size;
  }

  return {
    planStart: at(0),
    groups,
    vehicles,
    pickupPoints,
    screeningPoints,
    receptionPointIds,
    windows,
    travel: { depotToPickup, screeningToReception, receptionToPickup },
    loading: { minutesPerPerson: 0.5, minutesPerStretcher: 3, minutesPerWheelchair: 1.5 },
  };
}
