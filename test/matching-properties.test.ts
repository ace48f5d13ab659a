import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePopulation } from '../bench/support/matching-population.ts';
import type { PersonName } from '../src/domain/person.ts';
import {
  buildIndex,
  compare,
  findDuplicates,
  type MatchRecord,
  transliterate,
} from '../src/matching/index.ts';

// Names made of Ukrainian and Russian letters, starting with a letter that is never silent.
const first = [...'АБВГҐДЕЄЖЗИІЇЙКЛМНОПРСТУФХЦЧШЩЮЯЭЁ'];
const rest = [...'абвгґдеєжзиіїйклмнопрстуфхцчшщьюяыэёъʼ'];
const cyrillicWord = fc
  .tuple(fc.constantFrom(...first), fc.array(fc.constantFrom(...rest), { maxLength: 10 }))
  .map(([head, tail]) => head + tail.join(''));
const latinWord = fc
  .tuple(
    fc.constantFrom(...'ABCDEHIKLMNOPRSTUVYZ'),
    fc.array(fc.constantFrom(...'abcdefghijklmnoprstuvwyz'), { maxLength: 10 }),
  )
  .map(([head, tail]) => head + tail.join(''));
// Real names too, so that variants, forms and typos of real names are exercised, not only noise.
const realWord = fc.constantFrom(
  'Коваленко',
  'Kovalenko',
  'Коваленка',
  'Олексій',
  'Oleksiy',
  'Aleksei',
  'Алексей',
  'Олександр',
  'Олександра',
  'Шевчук',
  'Shevchenko',
  'Марія',
  'Марина',
  'Mariia',
  'Іван',
  'Іванна',
  'Ivanov',
  'Іванова',
  'Юрій',
  'Yury',
  'Мʼясоїд',
  'Ганна-Марія',
  'О.',
  'Oleksandrovych',
  'Олександрович',
  'Сергеевна',
  'Сергіївна',
);
const word = fc.oneof(cyrillicWord, latinWord, realWord);
const cyrillicName = fc.oneof(
  cyrillicWord,
  fc.constantFrom('Коваленко', 'Олексій', 'Мʼясоїд', 'Ганна-Марія', 'Щ.'),
);

const birth = fc.oneof(
  fc.constant({}),
  fc.integer({ min: 1930, max: 2021 }).map((birthYear) => ({ birthYear })),
  fc
    .tuple(
      fc.integer({ min: 1930, max: 2021 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 28 }),
    )
    .map(([y, m, d]) => ({ birthDate: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` })),
  fc.constantFrom('0-4', '5-11', '12-17', '18-59', '60+').map((ageBand) => ({ ageBand })),
);

const nameOf = (family: fc.Arbitrary<string>) =>
  fc
    .record({ family, given: family, patronymic: fc.option(family, { nil: undefined }) })
    .map((n): PersonName => {
      const { patronymic, ...rest } = n;
      return patronymic === undefined ? rest : { ...rest, patronymic };
    });

const recordOf = (name: fc.Arbitrary<PersonName>) =>
  fc
    .record({
      names: fc.array(name, { minLength: 1, maxLength: 3 }),
      sex: fc.constantFrom('female', 'male', 'unknown', null),
      birth,
      householdId: fc.constantFrom('h1', 'h2', null),
      shelterId: fc.constantFrom('s1', 's2', null),
    })
    .map(({ birth: b, ...r }): MatchRecord => ({ id: 'r', ...r, ...b }));

const anyRecord = recordOf(nameOf(word));
const cyrillicRecord = recordOf(nameOf(cyrillicName));

const inLatin = (record: MatchRecord): MatchRecord => ({
  ...record,
  id: 'latin',
  names: record.names.map((n) => ({
    family: transliterate(n.family),
    given: transliterate(n.given),
    ...(n.patronymic ? { patronymic: transliterate(n.patronymic) } : {}),
  })),
});

const options = { referenceYear: 2022 };

describe('match score properties', () => {
  it('lies in [0, 1]', () => {
    fc.assert(
      fc.property(anyRecord, anyRecord, (a, b) => {
        const { score } = compare(a, { ...b, id: 'b' }, options);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });

  it('is symmetric', () => {
    fc.assert(
      fc.property(anyRecord, anyRecord, (a, b) => {
        const other = { ...b, id: 'b' };
        expect(compare(a, other, options).score).toBe(compare(other, a, options).score);
      }),
      { numRuns: 400 },
    );
  });

  it('is 1 for a record and itself', () => {
    fc.assert(
      fc.property(anyRecord, (a) => {
        expect(compare(a, { ...a, id: 'copy' }, options).score).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('is 1 for a Cyrillic record and the same record transliterated', () => {
    fc.assert(
      fc.property(cyrillicRecord, (a) => {
        expect(compare(a, inLatin(a), options).score).toBe(1);
      }),
      { numRuns: 300 },
    );
  });

  it('does not change when a record is written in Latin letters instead of Cyrillic', () => {
    fc.assert(
      fc.property(cyrillicRecord, anyRecord, (a, b) => {
        const other = { ...b, id: 'b' };
        expect(compare(inLatin(a), other, options).score).toBe(compare(a, other, options).score);
      }),
      { numRuns: 400 },
    );
  });
});

describe('blocking against comparing every pair', () => {
  it('reports only pairs that score at the threshold, and nearly every pair that does', () => {
    const { records } = generatePopulation(500, 0.1, 7);
    const report = findDuplicates(buildIndex(records, options), { explain: false });
    const all = new Map<string, number>();
    for (let i = 0; i < records.length; i++)
      for (let j = i + 1; j < records.length; j++) {
        const { score, match } = compare(records[i]!, records[j]!, options);
        if (match) all.set(`${records[i]!.id} ${records[j]!.id}`, score);
      }
    for (const pair of report.pairs) {
      const key = all.has(`${pair.a} ${pair.b}`) ? `${pair.a} ${pair.b}` : `${pair.b} ${pair.a}`;
      expect(all.get(key), key).toBe(pair.score);
    }
    // Blocking gives up only pairs whose names differ past their keys and whose birth year is unknown.
    expect(report.pairs.length / all.size).toBeGreaterThanOrEqual(0.95);
  });
});
