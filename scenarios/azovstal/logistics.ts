import type {
  FileDepot,
  FilePickupRoute,
  FilePlanningSettings,
  FileRoadPoint,
  FileTravelTime,
  FileVehicle,
} from '../../src/scenario/logistics/records.ts';
import { scenarioId } from './ids.ts';

// The fleet and the road out. Public record: buses escorted by the ICRC and the UN left from
// Zaporizhzhia, collected evacuees at the plant, passed screening at Bezimenne and near Manhush and
// the checkpoints at Berdiansk, Tokmak and Vasylivka, and brought them to a reception centre in
// Zaporizhzhia. Invented: the depot, how many vehicles of each kind, their places and markings,
// every driving time, every expected screening delay, which screening point each pickup point leads
// to, and the loading times. See README.md.

const point = (code: string) => scenarioId(`point:${code}`);
const road = (name: string) => scenarioId(`road-point:${name}`);
const depotId = scenarioId('depot:zaporizhzhia');

export const depots: FileDepot[] = [
  {
    id: depotId,
    name: 'Zaporizhzhia convoy assembly point',
    note: 'Invented: where the escorted convoy’s vehicles gather before leaving for Mariupol.',
  },
];

// Eight buses (two low-floor city buses with a wheelchair place) and two ambulances with stretcher places.
export const vehicles: FileVehicle[] = [
  ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({
    id: scenarioId(`vehicle:bus-${n}`),
    depotId,
    label: `Bus ${n}`,
    kind: 'bus' as const,
    plateOrMarking: `convoy number B${n} on the windscreen, white flag`,
    seats: n <= 6 ? 45 : 36,
    stretcherPlaces: 0,
    wheelchairPlaces: n <= 6 ? 0 : 1,
    status: 'available' as const,
    ...(n > 6 ? { note: 'Low-floor city bus: one wheelchair place, fewer seats.' } : {}),
  })),
  ...[1, 2].map((n) => ({
    id: scenarioId(`vehicle:ambulance-${n}`),
    depotId,
    label: `Ambulance ${n}`,
    kind: 'ambulance' as const,
    plateOrMarking: `red cross emblem, convoy number A${n}`,
    seats: 2,
    stretcherPlaces: 2,
    wheelchairPlaces: 0,
    status: 'available' as const,
  })),
];

export const roadPoints: FileRoadPoint[] = [
  {
    id: road('Bezimenne'),
    kind: 'screening_point',
    name: 'Bezimenne',
    localName: 'Безіменне',
    expectedDelayMinutes: 240,
    note: 'East of Mariupol; evacuees are screened here before the convoy turns west. Delay invented.',
  },
  {
    id: road('Manhush'),
    kind: 'screening_point',
    name: 'Manhush',
    localName: 'Мангуш',
    expectedDelayMinutes: 120,
    note: 'About 20 km west of Mariupol. Delay invented.',
  },
  {
    id: road('Berdiansk'),
    kind: 'checkpoint',
    name: 'Berdiansk',
    localName: 'Бердянськ',
    expectedDelayMinutes: 30,
  },
  { id: road('Tokmak'), kind: 'checkpoint', name: 'Tokmak', localName: 'Токмак', expectedDelayMinutes: 30 },
  {
    id: road('Vasylivka'),
    kind: 'checkpoint',
    name: 'Vasylivka',
    localName: 'Василівка',
    expectedDelayMinutes: 60,
    note: 'Last stop before the front line on the road to Zaporizhzhia.',
  },
  {
    id: road('Zaporizhzhia'),
    kind: 'reception_point',
    name: 'Zaporizhzhia reception centre',
    localName: 'Запоріжжя',
    expectedDelayMinutes: 0,
    note: 'Reception centre for evacuees from Mariupol.',
  },
];

// From each pickup point to the first screening point on its way out: the west and north gates lead
// through the city towards Manhush, the east gate to Bezimenne. Minutes invented.
export const pickupRoutes: FilePickupRoute[] = [
  { code: 'P1', screening: 'Manhush', approach: 35, toScreening: 50 },
  { code: 'P2', screening: 'Manhush', approach: 30, toScreening: 55 },
  { code: 'P3', screening: 'Bezimenne', approach: 25, toScreening: 40 },
].map((r) => ({
  id: scenarioId(`pickup-route:${r.code}`),
  pickupPointId: point(r.code),
  screeningPointId: road(r.screening),
  approachMinutes: r.approach,
  minutesToScreening: r.toScreening,
}));

const westward = [road('Berdiansk'), road('Tokmak'), road('Vasylivka')];
const travel = (from: string, to: string, minutes: number, via: string[] = []): FileTravelTime => ({
  id: scenarioId(`travel:${from}>${to}`),
  fromId: from,
  toId: to,
  minutes,
  ...(via.length > 0 ? { via } : {}),
});

// About 350 km by the convoy route, slowed by checkpoints: six to seven hours either way. Invented.
export const travelTimes: FileTravelTime[] = [
  travel(depotId, point('P1'), 400, [road('Vasylivka'), road('Tokmak'), road('Berdiansk')]),
  travel(depotId, point('P2'), 410, [road('Vasylivka'), road('Tokmak'), road('Berdiansk')]),
  travel(depotId, point('P3'), 430, [road('Vasylivka'), road('Tokmak'), road('Berdiansk')]),
  travel(road('Manhush'), road('Zaporizhzhia'), 330, westward),
  travel(road('Bezimenne'), road('Zaporizhzhia'), 400, [road('Manhush'), ...westward]),
  travel(road('Zaporizhzhia'), point('P1'), 400, [...westward].reverse()),
  travel(road('Zaporizhzhia'), point('P2'), 410, [...westward].reverse()),
  travel(road('Zaporizhzhia'), point('P3'), 430, [...westward].reverse()),
];

/** Carrying people up from shelters 8–22 m deep: a stretcher takes long. Invented. */
export const planningSettings: FilePlanningSettings = {
  loadingMinutesPerPerson: 0.5,
  loadingMinutesPerStretcher: 8,
  loadingMinutesPerWheelchair: 4,
};
