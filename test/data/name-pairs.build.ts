// Writes test/data/name-pairs.tsv, the labelled set of record pairs for the name matcher:
// `npx tsx test/data/name-pairs.build.ts`. Deterministic (seeded); test/matching-data.test.ts
// checks that the committed file is what this script writes.
//
// Every pair is made from one invented person (a match: the same person written twice, the way
// two desks would) or from two invented people built to be different (a non-match: siblings,
// twins, parent and child, spouses, namesakes, look-alike names). The label follows from how the
// pair was made, never from what the matcher says. Birth fields are as of the reference year
// 2022 (age bands are recorded as of then).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { handWritten } from './name-pairs.hand.ts';
import {
  type FamilyName,
  type Father,
  familyNames,
  fathers,
  type GivenName,
  givenNames,
  lookAlikeFamily,
  lookAlikeGiven,
} from './name-pairs.names.ts';
import { olderPassportLatin, russianLatin } from './name-pairs.romanise.ts';
import { makeTypo } from './name-pairs.typos.ts';

export interface Side {
  family: string;
  given: string;
  patronymic?: string;
  /** YYYY-MM-DD, YYYY, band:<age band> or empty. */
  birth?: string;
  sex?: 'f' | 'm';
  household?: string;
}

export interface Pair {
  label: 0 | 1;
  kind: string;
  a: Side;
  b: Side;
  note: string;
}

/** mulberry32: a small seeded generator, so the set is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(20220506);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const chance = (p: number): boolean => random() < p;
const between = (low: number, high: number): number => low + Math.floor(random() * (high - low + 1));

interface Born {
  year: number;
  month: number;
  day: number;
}

interface Person {
  family: FamilyName;
  given: GivenName;
  father: Father;
  sex: 'm' | 'f';
  born: Born;
  household: string;
}

let households = 0;
const newHousehold = (): string => `h${++households}`;

const bornIn = (year: number): Born => ({ year, month: between(1, 12), day: between(1, 28) });
const adultBirth = (): Born => bornIn(between(1940, 2003));

function person(sex: 'm' | 'f' = pick(['m', 'f'] as const), born = adultBirth()): Person {
  const ofSex = givenNames.filter((g) => g.sex === sex);
  return {
    family: pick(familyNames),
    given: pick(ofSex),
    father: pick(fathers),
    sex,
    born,
    household: newHousehold(),
  };
}

const s = (p: Person): 0 | 1 => (p.sex === 'm' ? 0 : 1);
const pad = (n: number): string => String(n).padStart(2, '0');
const fullDate = (b: Born): string => `${b.year}-${pad(b.month)}-${pad(b.day)}`;

function ageBand(year: number): string {
  const age = 2022 - year;
  return age < 5
    ? 'band:0-4'
    : age < 12
      ? 'band:5-11'
      : age < 18
        ? 'band:12-17'
        : age < 60
          ? 'band:18-59'
          : 'band:60+';
}

/** Birth as a second desk records it: usually the date, sometimes only the year, a band or nothing. */
function partialBirth(b: Born): string {
  const roll = random();
  return roll < 0.6 ? fullDate(b) : roll < 0.85 ? String(b.year) : roll < 0.92 ? ageBand(b.year) : '';
}

const cyrillic = (p: Person, extra: Partial<Side> = {}): Side => ({
  family: p.family.uk[s(p)],
  given: p.given.uk,
  patronymic: p.father.uk[s(p)],
  birth: fullDate(p.born),
  sex: p.sex,
  household: p.household,
  ...extra,
});

/** As a reception desk reads a foreign passport: national-system Latin, no patronymic, no household. */
const official = (p: Person, extra: Partial<Side> = {}): Side => ({
  family: p.family.official[s(p)],
  given: p.given.official,
  birth: partialBirth(p.born),
  sex: p.sex,
  ...extra,
});

const russianCyrillic = (p: Person, extra: Partial<Side> = {}): Side => ({
  family: p.family.ru[s(p)],
  given: p.given.ru,
  patronymic: p.father.ru[s(p)],
  birth: partialBirth(p.born),
  sex: p.sex,
  ...extra,
});

const pairs: Pair[] = [];
const add = (label: 0 | 1, kind: string, a: Side, b: Side, note: string) =>
  pairs.push({ label, kind, a, b, note });

/** Latin spellings of a family name in the person's form; variants are listed for the masculine form. */
const familyVariants = (p: Person): string[] =>
  p.sex === 'm' || p.family.official[0] === p.family.official[1]
    ? p.family.latin
    : [olderPassportLatin(p.family.uk[1]), russianLatin(p.family.ru[1])];

function crossScript(count: number): void {
  for (let k = 0; k < count; k++) {
    const p = person();
    add(
      1,
      'cross-script',
      cyrillic(p),
      official(p),
      'Cyrillic at a field desk, national-system Latin at reception',
    );
  }
}

function spellingVariants(count: number): void {
  for (let k = 0; k < count; k++) {
    const p = person();
    const older = chance(0.4);
    const family = older
      ? olderPassportLatin(p.family.uk[s(p)])
      : chance(0.5) && familyVariants(p).length > 0
        ? pick(familyVariants(p))
        : p.family.official[s(p)];
    const given = older ? olderPassportLatin(p.given.uk) : pick([p.given.official, ...p.given.latin]);
    if (family === p.family.official[s(p)] && given === p.given.official) {
      k--;
      continue;
    }
    const a = chance(0.5) ? cyrillic(p) : official(p, { birth: fullDate(p.born) });
    add(
      1,
      'spelling variant',
      a,
      official(p, { family, given }),
      older ? 'older passport spelling' : 'informal or foreign spelling',
    );
  }
}

function russianForms(count: number): void {
  for (let k = 0; k < count; k++) {
    const p = person();
    const latin = chance(0.5);
    const b = russianCyrillic(p);
    const side = latin
      ? {
          ...b,
          family: russianLatin(b.family),
          given: russianLatin(b.given),
          patronymic: chance(0.5) ? russianLatin(b.patronymic!) : undefined,
        }
      : b;
    const a = chance(0.6) ? cyrillic(p) : official(p, { birth: fullDate(p.born) });
    add(
      1,
      'russian form',
      a,
      side,
      latin ? 'Russian form in Russian-style Latin' : 'Russian form in Cyrillic',
    );
  }
}

function typos(count: number): void {
  for (let k = 0; k < count; k++) {
    const p = person();
    const inLatin = chance(0.5);
    const base = inLatin ? official(p, { birth: fullDate(p.born) }) : cyrillic(p, { household: undefined });
    const field = chance(0.5) ? 'family' : 'given';
    const typo = makeTypo(base[field], random);
    if (typo.text === base[field]) {
      k--;
      continue;
    }
    const b = { ...base, [field]: typo.text, birth: chance(0.7) ? fullDate(p.born) : String(p.born.year) };
    const a = chance(0.5) ? cyrillic(p) : official(p, { birth: fullDate(p.born) });
    add(1, 'typo', a, b, `${field} name: ${typo.what}`);
  }
}

/** Genitive forms, as names appear in a list copied from a statement ("заява Коваленка Олексія"). */
function genitive(word: string, role: 'family' | 'given'): string | undefined {
  if (role === 'given' && word.endsWith('й')) return `${word.slice(0, -1)}я`;
  if (word.endsWith('о')) return `${word.slice(0, -1)}а`;
  if (role === 'given' && word.endsWith('а')) return `${word.slice(0, -1)}и`;
  // Ігор declines softly (Ігоря); the other consonant endings take -а.
  if (/[бвгджзклмнпрстфхцчшщ]$/.test(word) && word !== 'Ігор') return `${word}а`;
  return undefined;
}

function caseForms(count: number): void {
  for (let k = 0; k < count; k++) {
    const p = person('m');
    const family = genitive(p.family.uk[0], 'family');
    const given = genitive(p.given.uk, 'given');
    if (!family || !given) {
      k--;
      continue;
    }
    add(
      1,
      'case form',
      cyrillic(p),
      { family, given, birth: fullDate(p.born), sex: 'm' },
      'names in the genitive, copied from a statement',
    );
  }
}

function swapped(count: number): void {
  for (let k = 0; k < count; k++) {
    const p = person();
    const b = chance(0.5) ? official(p) : cyrillic(p, { household: undefined });
    add(
      1,
      'swapped',
      cyrillic(p),
      { ...b, family: b.given, given: b.family },
      'family and given name entered the wrong way round',
    );
  }
}

function birthSlips(count: number): void {
  const slips: Array<[string, (b: Born) => Born | undefined]> = [
    [
      'day and month swapped',
      (b) => (b.day <= 12 && b.day !== b.month ? { ...b, month: b.day, day: b.month } : undefined),
    ],
    ['year one off', (b) => ({ ...b, year: b.year + pick([-1, 1]) })],
    [
      'last two digits of the year swapped',
      (b) => {
        const y = String(b.year);
        const swappedYear = Number(y.slice(0, 2) + y[3] + y[2]);
        return swappedYear !== b.year && swappedYear <= 2021 && swappedYear >= 1930
          ? { ...b, year: swappedYear }
          : undefined;
      },
    ],
    ['day mistyped', (b) => ({ ...b, day: b.day === 28 ? 27 : b.day + 1 })],
  ];
  for (let k = 0; k < count; k++) {
    const p = person();
    const [what, slip] = slips[k % slips.length]!;
    const born = slip(p.born);
    if (!born) {
      k--;
      continue;
    }
    const b = chance(0.5)
      ? official(p, { birth: fullDate(born) })
      : cyrillic(p, { birth: fullDate(born), household: undefined });
    add(1, 'birth slip', cyrillic(p), b, `birth date: ${what}`);
  }
}

function partialRecords(count: number): void {
  for (let k = 0; k < count; k++) {
    const p = person();
    const variants: Array<[string, Side]> = [
      ['no birth information on one side', official(p, { birth: '' })],
      ['only an age band on one side', official(p, { birth: ageBand(p.born.year) })],
      [
        'only the birth year on one side, sex not recorded',
        { ...cyrillic(p), birth: String(p.born.year), sex: undefined, household: undefined },
      ],
      ['registered in another household', { ...cyrillic(p), household: newHousehold() }],
      [
        'given name only as an initial',
        { ...official(p, { birth: fullDate(p.born) }), given: `${p.given.official[0]}.` },
      ],
    ];
    const [note, b] = variants[k % variants.length]!;
    add(1, 'partial record', cyrillic(p), b, note);
  }
}

function patronymicForms(count: number): void {
  for (let k = 0; k < count; k++) {
    const p = person();
    const russianPatronymic = p.father.ru[s(p)];
    const b = chance(0.5)
      ? { ...cyrillic(p, { household: undefined }), patronymic: russianPatronymic }
      : { ...official(p, { birth: fullDate(p.born) }), patronymic: russianLatin(russianPatronymic) };
    add(1, 'patronymic form', cyrillic(p), b, 'patronymic in its Russian form');
  }
}

function siblings(count: number): void {
  for (let k = 0; k < count; k++) {
    const older = person();
    const sex = pick(['m', 'f'] as const);
    const gap = chance(0.2) ? between(1, 2) : between(2, 15);
    const younger: Person = {
      ...older,
      sex,
      given: pick(givenNames.filter((g) => g.sex === sex && g.uk !== older.given.uk)),
      born: bornIn(Math.min(2021, older.born.year + gap)),
    };
    const b = chance(0.3)
      ? { ...official(younger, { birth: fullDate(younger.born) }), household: older.household }
      : cyrillic(younger);
    add(
      0,
      'siblings',
      cyrillic(older),
      b,
      `brother or sister, born ${younger.born.year - older.born.year} years apart`,
    );
  }
}

function twins(count: number): void {
  for (let k = 0; k < count; k++) {
    const first = person();
    const [g1, s1, g2, s2] =
      k < lookAlikeGiven.length
        ? lookAlikeGiven[k]!
        : [
            first.given.uk,
            first.sex,
            pick(givenNames.filter((g) => g.uk !== first.given.uk)).uk,
            'm' as const,
          ];
    const one = cyrillic({ ...first, sex: s1 });
    const other = cyrillic({ ...first, sex: s2 });
    add(
      0,
      'twins',
      { ...one, given: g1 },
      { ...other, given: g2, sex: s2 },
      `twins: ${g1} and ${g2}, same birth date and household`,
    );
  }
}

function parentAndChild(count: number): void {
  for (let k = 0; k < count; k++) {
    const parent = person('m', bornIn(between(1950, 1980)));
    const sex = pick(['m', 'f'] as const);
    const childFather = fathers.find((f) => f.given === parent.given.uk);
    const sameName = sex === 'm' && chance(0.4);
    const child: Person = {
      ...parent,
      sex,
      given: sameName ? parent.given : pick(givenNames.filter((g) => g.sex === sex)),
      father: childFather ?? parent.father,
      born: bornIn(parent.born.year + between(20, 38)),
    };
    if (!childFather) {
      k--;
      continue;
    }
    const b = chance(0.3)
      ? official(child, { birth: fullDate(child.born), household: parent.household })
      : cyrillic(child);
    add(
      0,
      'parent and child',
      cyrillic(parent),
      b,
      sameName ? 'father and son of the same name' : 'parent and child',
    );
  }
}

function spouses(count: number): void {
  for (let k = 0; k < count; k++) {
    const husband = person('m');
    const wife: Person = {
      ...person('f', bornIn(husband.born.year + between(-5, 5))),
      family: husband.family,
      household: husband.household,
    };
    const b = chance(0.3) ? { ...official(wife), household: husband.household } : cyrillic(wife);
    add(
      0,
      'spouses',
      cyrillic(husband),
      b,
      'husband and wife: one family name in its two forms, one household',
    );
  }
}

function namesakes(count: number): void {
  for (let k = 0; k < count; k++) {
    const p = person();
    const q: Person = { ...p, father: pick(fathers), household: newHousehold() };
    const oneYear = chance(0.25);
    if (oneYear) {
      q.born = bornIn(p.born.year + pick([-1, 1]));
      if (q.born.month === p.born.month || q.born.day === p.born.day) {
        k--;
        continue;
      }
    } else {
      q.born = bornIn(p.born.year + pick([-1, 1]) * between(2, 40));
    }
    const withPatronymic = chance(0.5);
    const b = chance(0.5)
      ? official(q, {
          birth: oneYear || chance(0.5) ? fullDate(q.born) : String(q.born.year),
          ...(withPatronymic ? {} : {}),
        })
      : cyrillic(q, withPatronymic ? {} : { patronymic: undefined });
    add(
      0,
      'namesakes',
      cyrillic(p),
      b,
      oneYear ? 'same name, born a year apart on another day' : 'same name, born years apart',
    );
  }
}

function sameGivenOtherFamily(count: number): void {
  for (let k = 0; k < count; k++) {
    const p = person();
    const q: Person = { ...person(p.sex), given: p.given };
    if (q.family === p.family) {
      k--;
      continue;
    }
    if (chance(0.3)) q.born = bornIn(p.born.year);
    const b = chance(0.4) ? official(q) : cyrillic(q);
    add(0, 'same given name', cyrillic(p), b, 'same given name, another family');
  }
}

function sameFamilyOtherGiven(count: number): void {
  for (let k = 0; k < count; k++) {
    const p = person();
    const q: Person = { ...person(p.sex), family: p.family };
    if (q.given.uk === p.given.uk) {
      k--;
      continue;
    }
    if (chance(0.3)) q.born = bornIn(p.born.year);
    const b = chance(0.4) ? official(q) : cyrillic(q);
    add(0, 'same family name', cyrillic(p), b, 'same family name, unrelated, another given name');
  }
}

function lookAlikeFamilies(count: number): void {
  for (let k = 0; k < count; k++) {
    const [f1, f2] = lookAlikeFamily[k % lookAlikeFamily.length]!;
    const p = person('m');
    const q = person('m');
    const birthA = chance(0.5) ? String(p.born.year) : '';
    const birthB = birthA === '' ? '' : String(p.born.year);
    add(
      0,
      'look-alike family',
      { ...cyrillic(p), family: f1, birth: birthA, patronymic: undefined },
      { ...cyrillic(q), family: f2, given: p.given.uk, birth: birthB, patronymic: undefined },
      `another family whose name looks alike (${f1}, ${f2})`,
    );
  }
}

crossScript(70);
spellingVariants(80);
russianForms(70);
typos(80);
caseForms(15);
swapped(20);
birthSlips(24);
partialRecords(25);
patronymicForms(20);
siblings(70);
twins(lookAlikeGiven.length);
parentAndChild(30);
spouses(20);
namesakes(60);
sameGivenOtherFamily(40);
sameFamilyOtherGiven(30);
lookAlikeFamilies(25);
pairs.push(...handWritten);

const columns = ['family', 'given', 'patronymic', 'birth', 'sex', 'household'] as const;
const clean = (text: string | undefined): string => (text ?? '').replace(/[\t\n]/g, ' ');
const header = [
  'id',
  'label',
  'kind',
  ...columns.map((c) => `a_${c}`),
  ...columns.map((c) => `b_${c}`),
  'note',
];

export function render(): string {
  const lines = pairs.map((pair, i) =>
    [
      String(i + 1),
      pair.label === 1 ? 'match' : 'different',
      pair.kind,
      ...columns.map((c) => clean(pair.a[c])),
      ...columns.map((c) => clean(pair.b[c])),
      clean(pair.note),
    ].join('\t'),
  );
  return `${[header.join('\t'), ...lines].join('\n')}\n`;
}

export const tsvPath = fileURLToPath(new URL('./name-pairs.tsv', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(tsvPath, render());
  process.stdout.write(`${pairs.length} pairs written to ${tsvPath}\n`);
}
