import type { ShelterKind } from '../../src/domain/site.ts';

// The plant's Soviet-era civil-defence shelters. Public record: about three dozen of them, built for
// about 12,000 people, at least 8 m below ground, over a plant of about 11 km². Everything else here
// (which shop each sits under, its position, depth, capacity and conditions) is invented.
// Coordinates are metres east (x) and north (y) of the plant's south-west corner; the plant is drawn
// as about 4 km by 2.8 km, the Kalmius river along its west side and the sea to the south.

export interface ShelterFact {
  code: string;
  kind: ShelterKind;
  name: string;
  x: number;
  y: number;
  depthM: number;
  capacity: number;
  conditions: ConditionsProfile;
}

/** What field teams last reported about water, food, air and medical care. */
export const conditionsProfiles = {
  civiliansPoor: {
    water: 'Technical water from the plant reservoir, boiled; about 1 litre per person a day',
    food: 'Porridge and tinned fish, one meal a day; stocks for about a week',
    air: 'Hand-cranked filter-ventilation unit working; stale at night',
    medical: 'First-aid kit only; no antibiotics',
  },
  civiliansDire: {
    water: 'Bottled water almost gone; rationed to half a litre per person a day',
    food: 'Crackers and sugar left for two or three days',
    air: 'Ventilation down since the last strike; candles go out near the floor',
    medical: 'No medical supplies; wounded dressed with torn sheets',
  },
  civiliansFair: {
    water: 'Water tanks about a third full; about 2 litres per person a day',
    food: 'Army rations shared by the defenders; two meals a day for now',
    air: 'Diesel generator runs the filters four hours a day; fuel low',
    medical: 'A military medic visits daily; painkillers and dressings',
  },
  civiliansMedical: {
    water: 'Water tanks half full',
    food: 'Rations for about five days',
    air: 'Filters working on the generator; fuel for about three days',
    medical: 'Makeshift aid post with a field medic; wounded lying on mats; no surgery possible',
  },
  defenders: {
    water: 'Not reported to the coordination cell',
    food: 'Not reported to the coordination cell',
    air: 'Not reported to the coordination cell',
    medical: 'Not reported to the coordination cell',
    use: 'Held by the defenders; no civilians reported',
  },
  unknown: {
    water: 'Unknown',
    food: 'Unknown',
    air: 'Unknown',
    medical: 'Unknown',
    use: 'No contact since the bombing of late April',
  },
} as const satisfies Record<string, Record<string, string>>;
export type ConditionsProfile = keyof typeof conditionsProfiles;

type Row = [string, ShelterKind, string, number, number, number, number, ConditionsProfile];

const rows: Row[] = [
  ['S01', 'bunker', 'Administration building bunker', 350, 2550, 12, 500, 'civiliansPoor'],
  ['S02', 'basement', 'Central laboratory basement', 700, 2300, 9, 200, 'defenders'],
  ['S03', 'bunker', 'Coke batteries 1–2 bunker', 1100, 2550, 14, 400, 'civiliansPoor'],
  ['S04', 'bunker', 'Coke batteries 3–4 bunker', 1500, 2500, 14, 400, 'defenders'],
  ['S05', 'basement', 'Chemical recovery shop basement', 1300, 2100, 8, 250, 'unknown'],
  ['S06', 'bunker', 'Sinter plant bunker', 2000, 2550, 16, 450, 'civiliansDire'],
  ['S07', 'tunnel_section', 'Sinter conveyor tunnel', 2300, 2150, 10, 300, 'defenders'],
  ['S08', 'bunker', 'Ore yard bunker', 2700, 2500, 12, 350, 'defenders'],
  ['S09', 'basement', 'Railway shop basement', 3100, 2600, 8, 200, 'unknown'],
  ['S10', 'bunker', 'Power plant bunker', 3500, 2350, 18, 500, 'civiliansFair'],
  ['S11', 'basement', 'Oxygen plant basement', 3800, 1850, 9, 250, 'defenders'],
  ['S12', 'bunker', 'West substation bunker', 400, 1800, 10, 300, 'civiliansPoor'],
  ['S13', 'bunker', 'Central repair shop bunker', 900, 1900, 12, 350, 'defenders'],
  ['S14', 'tunnel_section', 'West cable gallery', 800, 1350, 11, 200, 'defenders'],
  ['S15', 'bunker', 'Blast furnace 1 bunker', 1400, 1850, 20, 450, 'civiliansMedical'],
  ['S16', 'bunker', 'Blast furnace 2 bunker', 1800, 1900, 20, 450, 'defenders'],
  ['S17', 'tunnel_section', 'Casting house gallery', 1500, 1400, 15, 250, 'defenders'],
  ['S18', 'bunker', 'Blast furnace 3 bunker', 2300, 1900, 22, 450, 'civiliansDire'],
  ['S19', 'bunker', 'Blast furnace 4 bunker', 2700, 1900, 22, 450, 'defenders'],
  ['S20', 'tunnel_section', 'Slag gallery', 2600, 1400, 14, 250, 'unknown'],
  ['S21', 'bunker', 'Compressor station bunker', 3100, 1750, 16, 400, 'civiliansFair'],
  ['S22', 'basement', 'Water treatment basement', 3500, 1300, 9, 200, 'defenders'],
  ['S23', 'bunker', 'Refractory shop bunker', 3200, 1250, 12, 300, 'unknown'],
  ['S24', 'bunker', 'Port office bunker', 300, 900, 10, 300, 'civiliansPoor'],
  ['S25', 'basement', 'Rolling mill canteen basement', 700, 600, 8, 250, 'defenders'],
  ['S26', 'bunker', 'Plate mill 3600 west bunker', 1200, 500, 14, 400, 'defenders'],
  ['S27', 'tunnel_section', 'Roll shop tunnel', 1300, 1050, 12, 250, 'defenders'],
  ['S28', 'bunker', 'Plate mill 3600 central bunker', 1800, 550, 16, 450, 'civiliansMedical'],
  ['S29', 'bunker', 'Converter shop west bunker', 2000, 1200, 18, 500, 'defenders'],
  ['S30', 'tunnel_section', 'Scrap yard gallery', 2300, 600, 12, 250, 'defenders'],
  ['S31', 'bunker', 'Converter shop east bunker', 2700, 1150, 18, 500, 'civiliansDire'],
  ['S32', 'bunker', 'Plate finishing bunker', 2900, 450, 14, 350, 'defenders'],
  ['S33', 'basement', 'Mould shop basement', 3300, 900, 9, 200, 'unknown'],
  ['S34', 'bunker', 'Slab yard bunker', 3600, 500, 12, 300, 'civiliansPoor'],
  ['S35', 'bunker', 'Coastal pumping station bunker', 3850, 250, 10, 200, 'unknown'],
  ['S36', 'tunnel_section', 'South cable gallery', 3300, 300, 11, 200, 'defenders'],
];

export const shelters: ShelterFact[] = rows.map(([code, kind, name, x, y, depthM, capacity, conditions]) => ({
  code,
  kind,
  name,
  x,
  y,
  depthM,
  capacity,
  conditions,
}));
