// The registered civilians, household by household, and the shelter each household is in (a
// household never spans shelters). All invented. Each member is written `<sex><age>` (f or m, age
// on 6 May 2022) followed by flags:
//   w1 w2 w3  wounded, with triage category T1, T2 or T3
//   s         needs a stretcher          wc   needs a wheelchair
//   p         pregnant                   med  needs medication
//   u         unaccompanied child        sep  separated child (with a relative who is not a parent)
//   y         only the year of birth is known
//   g         the older generation of the household: parent of its other adults; not the
//             guardian of a child whose parent is there
// Names, exact birth dates and notes are filled in by the builder from a seeded generator.

export interface HouseholdFact {
  shelter: string;
  members: string;
  note?: string;
}

const inShelter = (shelter: string, ...households: Array<string | [string, string]>): HouseholdFact[] =>
  households.map((h) =>
    typeof h === 'string' ? { shelter, members: h } : { shelter, members: h[0], note: h[1] },
  );

export const households: HouseholdFact[] = [
  ...inShelter(
    'S01',
    'f36 m12 f8',
    'm44 f41 f15 m10',
    'f71/med/g m74/med/g f44',
    'm52/w2/s f49',
    'f29/p m31',
    'f63/g f39 m6',
    'm58 f57 m29',
    'f82/wc/med/y f55',
    'm35/w3 f33',
    'f47/g m19',
    'm61/g f60/g m34',
  ),
  ...inShelter(
    'S03',
    'm61/g f59/g f34 m9',
    ['m27/w1/s', 'Crane operator, injured in the shop above when the shelter was hit'],
    'f76/med/g f51',
    'm40 f38 f13 m11',
    'f65/g m68/med/g m42',
    'f45/g f20',
  ),
  ...inShelter(
    'S06',
    'f44 f16 m14/w2',
    'm70 f69/med',
    'f31 m7',
    'm55/w2/s',
    'f88/s/med/y f61',
    'm39 f37 m1',
    'f50/g m53/g f24/p',
    'm46/g f44/g m20',
  ),
  ...inShelter(
    'S10',
    'm63/g f61/g f40 m17',
    'm64/med f62',
    'f33/w3 m8',
    'f73 m75/wc/med',
    'm46/w1/s f45',
    'f28 f6',
    'm60/g f58/g f30 m4',
    'f54/g m23',
  ),
  ...inShelter('S12', 'm43 m15', 'f37 f10 m7', 'm78 f77/med', 'f52 m54 f80/med/g', 'm38 f36 f66/g'),
  ...inShelter(
    'S15',
    ['f8/sep f39', 'The girl’s parents have been missing since March; her aunt looks after her'],
    'm62/w3',
    'f45 m48/w2 f11',
    ['f69 f71', 'Sisters, neighbours from Livoberezhnyi district'],
    'm33 f30 m5 f3',
    'f58/med m59',
    'm44/w3 f64/med/g',
  ),
  ...inShelter(
    'S18',
    ['m15/u', 'Reached the plant alone in April; parents’ whereabouts unknown'],
    'f74 m79/s/med',
    'f40/w1/s m16',
    'm51 f48',
    'f83/med/y/g f57',
    'm36 f35',
    'f62 m65',
  ),
  ...inShelter(
    'S21',
    'f34 f12 m6',
    'm67 f64/med',
    'm29/w3',
    'f57 f81/wc',
    'm41 f40 m2',
    'f70 m72',
    'm50 f47',
  ),
  ...inShelter(
    'S24',
    'm63 f60/med',
    'f26 m1',
    'm48/w2 f46',
    'f72/g f45',
    ['m56 m58', 'Brothers, both plant workers'],
    'f67/med/g m69/g f41',
  ),
  ...inShelter(
    'S28',
    'f38 m10',
    'm66 f63',
    'f79/med/g f50',
    'm53/w3 f52',
    'f44/g m47/g m21',
    'f68 m71/med',
    'm39/w1/s',
    'f60/g f35 m38',
    'm57/g f55/g m26',
    'f42/g m45/g m18',
  ),
  ...inShelter(
    'S31',
    'm76/med f74',
    'f41 m45 f19',
    'm24 f22',
    'f69/w2/s',
    'f54 m57/med',
    'm62 f59 f86/med/y/g',
    'm49/g f48/g m25',
  ),
  ...inShelter('S34', 'm44/w3 f43', 'f77 m80/med/y', 'm59 f58', 'f49 m51 f73/g', 'f35 m37'),
];
