import type { PassageState, PointKind } from '../../src/domain/site.ts';

// The tunnel network, exits and pickup points. Public record says only that the plant has a vast
// network of tunnels joining some of its shelters; the layout below, every passage's state and every
// clearance estimate are invented, shaped to give planners real choices: clear rubble by hand
// (from a few person-hours to weeks of work) or take an unsafe route.

export interface PointFact {
  kind: Exclude<PointKind, 'shelter'>;
  code: string;
  name: string;
  x: number;
  y: number;
  note?: string;
}

export const otherPoints: PointFact[] = [
  { kind: 'junction', code: 'J01', name: 'Administration tunnel junction', x: 500, y: 2400 },
  { kind: 'junction', code: 'J02', name: 'Coke works junction', x: 1300, y: 2350 },
  { kind: 'junction', code: 'J03', name: 'Sinter plant junction', x: 2100, y: 2300 },
  { kind: 'junction', code: 'J04', name: 'Ore yard junction', x: 2900, y: 2250 },
  { kind: 'junction', code: 'J05', name: 'Power plant junction', x: 3600, y: 2100 },
  { kind: 'junction', code: 'J06', name: 'West junction', x: 700, y: 1600 },
  { kind: 'junction', code: 'J07', name: 'Blast furnace west junction', x: 1600, y: 1650 },
  { kind: 'junction', code: 'J08', name: 'Blast furnace east junction', x: 2500, y: 1650 },
  { kind: 'junction', code: 'J09', name: 'East junction', x: 3300, y: 1500 },
  { kind: 'junction', code: 'J10', name: 'Plate mill west junction', x: 1000, y: 800 },
  { kind: 'junction', code: 'J11', name: 'Plate mill central junction', x: 2000, y: 850 },
  { kind: 'junction', code: 'J12', name: 'Converter shop junction', x: 3000, y: 800 },
  { kind: 'junction', code: 'J13', name: 'Slab yard junction', x: 3700, y: 700 },
  {
    kind: 'exit',
    code: 'X1',
    name: 'North-west gate (main entrance)',
    x: 150,
    y: 2700,
    note: 'Stairs from the administration tunnels up into the gatehouse',
  },
  {
    kind: 'exit',
    code: 'X2',
    name: 'North gate (coke works)',
    x: 1500,
    y: 2800,
    note: 'Ventilation shaft with a ladder; one stretcher at a time',
  },
  {
    kind: 'exit',
    code: 'X3',
    name: 'East gate',
    x: 4000,
    y: 2100,
    note: 'Vehicle ramp out of the power plant tunnels',
  },
  {
    kind: 'exit',
    code: 'X4',
    name: 'Port gate on the Kalmius',
    x: 150,
    y: 600,
    note: 'Service stairs up to the port road',
  },
  {
    kind: 'pickup_point',
    code: 'P1',
    name: 'Main gate bus stop',
    x: 50,
    y: 2900,
    note: 'Room for four buses and two ambulances',
  },
  {
    kind: 'pickup_point',
    code: 'P2',
    name: 'North road pickup',
    x: 1500,
    y: 3000,
    note: 'Room for two buses',
  },
  {
    kind: 'pickup_point',
    code: 'P3',
    name: 'East road pickup (towards Bezimenne)',
    x: 4200,
    y: 2200,
    note: 'Room for three buses and ambulances',
  },
];

export interface PassageFact {
  from: string;
  to: string;
  /** A tunnel winds less than a route across the wrecked surface. */
  route: 'tunnel' | 'surface';
  state: PassageState;
  clearancePersonHours?: number;
  note?: string;
  reported?: { at: string; by: string };
}

const open = (from: string, to: string, route: 'tunnel' | 'surface' = 'tunnel'): PassageFact => ({
  from,
  to,
  route,
  state: 'open',
});

const north = 'Field team North';
const east = 'Field team East';
const south = 'Field team South';

export const passages: PassageFact[] = [
  // Shelters to their nearest junction.
  open('S01', 'J01'),
  open('S02', 'J01'),
  open('S03', 'J02'),
  open('S04', 'J02'),
  open('S05', 'J02'),
  {
    from: 'S06',
    to: 'J03',
    route: 'tunnel',
    state: 'blocked',
    clearancePersonHours: 36,
    note: 'Fallen ceiling slab across the stairs, about 4 m of rubble',
    reported: { at: '2022-05-05T14:20:00Z', by: north },
  },
  open('S07', 'J03'),
  open('S08', 'J04'),
  open('S09', 'J04'),
  {
    from: 'S10',
    to: 'J05',
    route: 'tunnel',
    state: 'blocked',
    clearancePersonHours: 6,
    note: 'Bent steel beams and a jammed blast door; crowbars and a jack will do',
    reported: { at: '2022-05-06T04:10:00Z', by: east },
  },
  open('S11', 'J05'),
  open('S12', 'J06'),
  open('S13', 'J06'),
  open('S14', 'J06'),
  open('S15', 'J07'),
  open('S16', 'J07'),
  open('S17', 'J07'),
  {
    from: 'S18',
    to: 'J08',
    route: 'tunnel',
    state: 'blocked',
    clearancePersonHours: 240,
    note: 'Gallery collapsed over about 30 m after a heavy bomb; concrete and rebar, shore as you go',
    reported: { at: '2022-05-05T09:00:00Z', by: east },
  },
  open('S19', 'J08'),
  open('S20', 'J08'),
  open('S21', 'J09'),
  open('S22', 'J09'),
  {
    from: 'S23',
    to: 'J09',
    route: 'tunnel',
    state: 'impassable',
    note: 'Entrance buried under the collapsed shop building; no way through by hand',
    reported: { at: '2022-05-04T16:00:00Z', by: east },
  },
  {
    from: 'S24',
    to: 'J10',
    route: 'tunnel',
    state: 'unsafe',
    note: 'Cracked roof over the stairwell; passable one at a time, at risk in further shelling',
    reported: { at: '2022-05-06T03:30:00Z', by: south },
  },
  open('S25', 'J10'),
  open('S26', 'J10'),
  open('S27', 'J11'),
  {
    from: 'S28',
    to: 'J11',
    route: 'tunnel',
    state: 'blocked',
    clearancePersonHours: 18,
    note: 'Rubble from a shaft head fell into the tunnel mouth',
    reported: { at: '2022-05-05T18:45:00Z', by: south },
  },
  open('S29', 'J11'),
  open('S30', 'J11'),
  {
    from: 'S31',
    to: 'J12',
    route: 'tunnel',
    state: 'blocked',
    clearancePersonHours: 60,
    note: 'Cable trays and brickwork down over about 8 m',
    reported: { at: '2022-05-05T11:15:00Z', by: south },
  },
  open('S32', 'J12'),
  {
    from: 'S33',
    to: 'J12',
    route: 'tunnel',
    state: 'unsafe',
    note: 'Smell of gas from a damaged pipeline; no open flame, cross quickly',
    reported: { at: '2022-05-05T20:00:00Z', by: south },
  },
  {
    from: 'S34',
    to: 'J13',
    route: 'tunnel',
    state: 'blocked',
    clearancePersonHours: 400,
    note: 'Long collapse under the slab yard; weeks of work for one crew',
    reported: { at: '2022-05-04T12:30:00Z', by: south },
  },
  {
    from: 'S35',
    to: 'J13',
    route: 'tunnel',
    state: 'impassable',
    note: 'Flooded to the ceiling from a burst sea-water main',
    reported: { at: '2022-05-03T10:00:00Z', by: south },
  },
  open('S36', 'J13'),
  // Shelters joined directly to each other.
  open('S01', 'S02'),
  open('S03', 'S04'),
  open('S15', 'S16'),
  open('S26', 'S27'),
  open('S28', 'S30'),
  open('S32', 'S36'),
  {
    from: 'S18',
    to: 'S19',
    route: 'tunnel',
    state: 'impassable',
    note: 'Connecting gallery caved in along its whole length',
    reported: { at: '2022-05-05T09:00:00Z', by: east },
  },
  {
    from: 'S29',
    to: 'S31',
    route: 'tunnel',
    state: 'blocked',
    clearancePersonHours: 150,
    note: 'Converter shop floor fell into the gallery; steel plates to cut by hand',
    reported: { at: '2022-05-05T11:15:00Z', by: south },
  },
  {
    from: 'S34',
    to: 'S35',
    route: 'tunnel',
    state: 'impassable',
    note: 'Flooded',
    reported: { at: '2022-05-03T10:00:00Z', by: south },
  },
  // The tunnel backbone.
  open('J01', 'J02'),
  {
    from: 'J02',
    to: 'J03',
    route: 'tunnel',
    state: 'blocked',
    clearancePersonHours: 160,
    note: 'Several falls along the coke-to-sinter tunnel',
    reported: { at: '2022-05-05T14:20:00Z', by: north },
  },
  open('J03', 'J04'),
  open('J04', 'J05'),
  open('J01', 'J06'),
  open('J02', 'J07'),
  open('J03', 'J08'),
  {
    from: 'J04',
    to: 'J09',
    route: 'tunnel',
    state: 'impassable',
    note: 'Tunnel destroyed by a direct hit; open crater',
    reported: { at: '2022-05-04T16:00:00Z', by: east },
  },
  open('J05', 'J09'),
  open('J06', 'J07'),
  {
    from: 'J07',
    to: 'J08',
    route: 'tunnel',
    state: 'blocked',
    clearancePersonHours: 120,
    note: 'Blast furnace gallery blocked by slag and concrete over about 12 m',
    reported: { at: '2022-05-05T09:00:00Z', by: east },
  },
  open('J08', 'J09'),
  open('J06', 'J10'),
  open('J07', 'J11'),
  open('J08', 'J12'),
  open('J10', 'J11'),
  {
    from: 'J11',
    to: 'J12',
    route: 'tunnel',
    state: 'blocked',
    clearancePersonHours: 80,
    note: 'Rubble and a burnt-out cable run',
    reported: { at: '2022-05-05T18:45:00Z', by: south },
  },
  open('J12', 'J13'),
  // Up to the exits, and out to the pickup points.
  open('J01', 'X1'),
  open('S01', 'X1'),
  open('J02', 'X2'),
  {
    from: 'S06',
    to: 'X2',
    route: 'surface',
    state: 'unsafe',
    note: 'Across the open sinter yard, in view of the attackers',
    reported: { at: '2022-05-06T02:00:00Z', by: north },
  },
  {
    from: 'J05',
    to: 'X3',
    route: 'tunnel',
    state: 'unsafe',
    note: 'Ramp exit under shellfire in daylight',
    reported: { at: '2022-05-06T04:10:00Z', by: east },
  },
  open('J10', 'X4'),
  open('X1', 'P1', 'surface'),
  open('X2', 'P2', 'surface'),
  open('X3', 'P3', 'surface'),
  {
    from: 'X4',
    to: 'P1',
    route: 'surface',
    state: 'unsafe',
    note: 'Riverside road, exposed to fire from the far bank',
    reported: { at: '2022-05-06T03:30:00Z', by: south },
  },
];
