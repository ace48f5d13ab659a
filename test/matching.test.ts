import { describe, expect, it } from 'vitest';
import { CorridorError } from '../src/domain/errors.ts';
import {
  buildIndex,
  canonicalName,
  compare,
  defaultThreshold,
  editDistance,
  findDuplicates,
  type MatchRecord,
  phoneticKey,
  search,
} from '../src/matching/index.ts';

let next = 0;
const person = (
  family: string,
  given: string,
  rest: Partial<Omit<MatchRecord, 'names'>> & { patronymic?: string } = {},
): MatchRecord => {
  const { patronymic, ...fields } = rest;
  return { id: `r${++next}`, names: [{ family, given, ...(patronymic ? { patronymic } : {}) }], ...fields };
};

describe('spelling: one canonical form and one key for the ways a name is written', () => {
  const sameCanonical: Array<[string, string[]]> = [
    ['-ii, -iy, -yi, -ij endings', ['Oleksii', 'Oleksiy', 'Oleksij', 'Олексій']],
    ['yu, iu, ju and Y/I at the start', ['Yurii', 'Yuriy', 'Yury', 'Iurii', 'Jurij', 'Юрій', 'Юрий']],
    ['kh and h, g and h', ['Mykhailo', 'Mykhaylo', 'Mihailo']],
    ['Г as h or g', ['Hryhorii', 'Grigoriy', 'Григорій']],
    ['ts, c, tz', ['Kravets', 'Kravec', 'Kravetz', 'Кравець']],
    ['shch, sch, szcz', ['Shcherbak', 'Scherbak', 'Szczerbak', 'Щербак']],
    ['ya, ia, ja', ['Yana', 'Iana', 'Jana', 'Яна']],
    ['ye, ie, e', ['Yevhen', 'Ievhen', 'Evhen', 'Євген']],
    ['Є inside a word', ['Kuznietsov', 'Kuznetsov', 'Кузнєцов', 'Кузнецов']],
    ['И as y or i', ['Dmytro', 'Dmitro', 'Дмитро']],
    ['x for ks', ['Oksana', 'Oxana']],
    ['doubled letters', ['Hanna', 'Hana', 'Ганна']],
    ['Czech-style marks', ['Ševčenko', 'Shevchenko', 'Шевченко']],
    ['apostrophes', ['Мʼясоїд', "М'ясоїд", 'Miasoid', "M'iasoid", 'Myasoyid']],
    ['ё as yo, io or e', ['Solovyov', 'Soloviov', 'Solovev', 'Соловьёв', 'Соловйов']],
    ['capitals and stray spaces', ['KOVALENKO', ' Kovalenko ', 'Коваленко', 'КОВАЛЕНКО']],
  ];
  it.each(sameCanonical)('%s', (_, spellings) => {
    const forms = new Set(spellings.map(canonicalName));
    expect(forms.size, `${spellings.join(', ')} → ${[...forms].join(', ')}`).toBe(1);
  });

  it('keeps different names apart', () => {
    for (const [a, b] of [
      ['Олена', 'Олег'],
      ['Марія', 'Марина'],
      ['Коваленко', 'Ковальчук'],
      ['Іван', 'Іванна'],
      ['Шевченко', 'Шевчук'],
    ])
      expect(canonicalName(a!), `${a} and ${b}`).not.toBe(canonicalName(b!));
  });

  it('gives Ukrainian and Russian forms of one given name one phonetic key, in either script', () => {
    const groups = [
      ['Олексій', 'Алексей', 'Oleksii', 'Aleksei', 'Alexey', 'Oleksiy'],
      ['Микола', 'Николай', 'Mykola', 'Nikolai', 'Nikolay'],
      ['Ганна', 'Анна', 'Hanna', 'Anna'],
      ['Сергій', 'Сергей', 'Serhii', 'Sergey', 'Sergei'],
      ['Дмитро', 'Дмитрий', 'Dmytro', 'Dmitry', 'Dmitriy'],
      ['Коваленко', 'Kovalenko', 'Kovalenka'],
    ];
    for (const group of groups) expect(new Set(group.map(phoneticKey)).size, group.join(', ')).toBe(1);
    expect(phoneticKey('Олена')).not.toBe(phoneticKey('Ольга'));
  });
});

describe('editDistance (Damerau–Levenshtein, optimal string alignment)', () => {
  it('counts insertions, deletions, substitutions and neighbouring transpositions as one edit', () => {
    expect(editDistance('kovalenko', 'kovalenko')).toBe(0);
    expect(editDistance('kovalenko', 'kovalneko')).toBe(1);
    expect(editDistance('kovalenko', 'kovaleko')).toBe(1);
    expect(editDistance('kovalenko', 'kovallenko')).toBe(1);
    expect(editDistance('kovalenko', 'kovalenka')).toBe(1);
    expect(editDistance('ca', 'abc')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abcdef', 'badcfe')).toBe(3);
  });

  it('stops early past a limit, answering more than the limit', () => {
    expect(editDistance('oleksandr', 'andrii', 1)).toBeGreaterThan(1);
    expect(editDistance('oleksandr', 'oleksandra', 1)).toBe(1);
  });
});

describe('compare: one score and what matched', () => {
  it('explains the issue’s example field by field', () => {
    const result = compare(
      person('Коваленко', 'Олексій', { birthDate: '1985-03-12', birthYear: 1985, sex: 'male' }),
      person('Kovalenko', 'Aleksei', { birthDate: '1985-12-03', sex: 'male' }),
    );
    expect(result.match).toBe(true);
    expect(result.threshold).toBe(defaultThreshold);
    const byField = Object.fromEntries(result.fields.map((f) => [f.field, f]));
    expect(byField['family name']).toMatchObject({ kind: 'transliteration', similarity: 1 });
    expect(byField['family name']!.detail).toBe(
      'family name: exact after transliteration (Коваленко = Kovalenko)',
    );
    expect(byField['given name']!.detail).toBe('given name: variant (Олексій ~ Aleksei)');
    expect(byField.birth!.detail).toBe('birth: same year, day and month swapped');
    expect(byField.sex!.detail).toBe('sex: same (male)');
    expect(result.summary).toContain('given name: variant (Олексій ~ Aleksei)');
    expect(result.penalties).toEqual([]);
  });

  it('tolerates a typo and says so', () => {
    const result = compare(
      person('Коваленко', 'Олександр', { birthYear: 1970 }),
      person('Kovalneko', 'Oleksandr', { birthYear: 1970 }),
    );
    expect(result.match).toBe(true);
    expect(result.fields[0]).toMatchObject({ field: 'family name', kind: 'typo' });
    expect(result.fields[0]!.detail).toBe(
      'family name: one letter differs, a likely typo (Коваленко ~ Kovalneko)',
    );
  });

  it('finds names entered the wrong way round', () => {
    const result = compare(person('Oleksii', 'Kovalenko'), person('Коваленко', 'Олексій'));
    expect(result.match).toBe(true);
    expect(result.summary).toContain('written as the other part of the name');
  });

  it('reads names in the genitive of a copied statement as the same person when the sex agrees', () => {
    const result = compare(
      person('Коваленко', 'Олексій', { birthDate: '1961-04-04', sex: 'male' }),
      person('Коваленка', 'Олексія', { birthDate: '1961-04-04', sex: 'male' }),
    );
    expect(result.match).toBe(true);
    expect(result.fields.map((f) => f.kind)).toEqual(['form', 'form', 'same date', 'same']);
  });

  it('tells apart siblings, twins, a father and his son, and namesakes born years apart', () => {
    const siblings = compare(
      person('Коваленко', 'Олексій', {
        patronymic: 'Іванович',
        birthYear: 1985,
        householdId: 'h1',
        shelterId: 's1',
      }),
      person('Коваленко', 'Андрій', {
        patronymic: 'Іванович',
        birthYear: 1988,
        householdId: 'h1',
        shelterId: 's1',
      }),
    );
    expect(siblings.match).toBe(false);
    expect(siblings.penalties.map((p) => p.reason)).toEqual([
      'given names differ',
      'born two or more years apart',
    ]);

    const twins = compare(
      person('Бондаренко', 'Олександр', { birthDate: '2010-06-01', sex: 'male', householdId: 'h2' }),
      person('Бондаренко', 'Олександра', { birthDate: '2010-06-01', sex: 'female', householdId: 'h2' }),
    );
    expect(twins.match).toBe(false);
    expect(twins.summary).toContain('sex differs');

    const lookAlikeTwins = compare(
      person('Стасюк', 'Аліна', { birthDate: '2001-09-09', sex: 'female', householdId: 'h3' }),
      person('Стасюк', 'Альона', { birthDate: '2001-09-09', sex: 'female', householdId: 'h3' }),
    );
    expect(lookAlikeTwins.match).toBe(false);
    expect(lookAlikeTwins.fields[1]).toMatchObject({ field: 'given name', kind: 'different' });

    const fatherAndSon = compare(
      person('Kovalenko', 'Oleksandr', { patronymic: 'Ivanovych', birthYear: 1961 }),
      person('Коваленко', 'Олександр', { patronymic: 'Олександрович', birthYear: 1988 }),
    );
    expect(fatherAndSon.match).toBe(false);
    expect(fatherAndSon.penalties.map((p) => p.reason)).toContain('patronymics differ (a different father)');
  });

  it('matches a patronymic in its Russian form', () => {
    const result = compare(
      person('Ковальов', 'Олексій', { patronymic: 'Сергійович', birthDate: '1961-04-04' }),
      person('Ковалёв', 'Алексей', { patronymic: 'Сергеевич', birthDate: '1961-04-04' }),
    );
    expect(result.match).toBe(true);
    expect(result.fields.find((f) => f.field === 'patronymic')!.similarity).toBeGreaterThanOrEqual(0.9);
    const fathers = compare(
      person('Ковальов', 'Олексій', { patronymic: 'Олексійович' }),
      person('Ковалёв', 'Алексей', { patronymic: 'Алексеевич' }),
    );
    expect(fathers.fields.find((f) => f.field === 'patronymic')).toMatchObject({ kind: 'variant' });
  });

  it('checks an age band against a birth year only when told the year it was recorded in', () => {
    const child = person('Мельник', 'Софія', { ageBand: '5-11' });
    const adult = person('Мельник', 'Софія', { birthYear: 1990 });
    expect(compare(child, adult).fields.some((f) => f.field === 'birth')).toBe(false);
    const in2022 = compare(child, adult, { referenceYear: 2022 });
    expect(in2022.fields.find((f) => f.field === 'birth')).toMatchObject({ kind: 'age band differs' });
    expect(in2022.match).toBe(false);
    expect(
      compare(child, person('Мельник', 'Софія', { birthYear: 2014 }), { referenceYear: 2022 }).match,
    ).toBe(true);
  });

  it('compares every name a person is known by', () => {
    const registered: MatchRecord = {
      id: 'registered',
      names: [
        { script: 'Cyrl', family: 'Коваленко', given: 'Олексій', patronymic: 'Іванович' },
        { script: 'Latn', family: 'Kovalenko', given: 'Oleksii' },
      ],
      birthYear: 1985,
    };
    const result = compare(registered, person('Kovalenko', 'Oleksii', { birthYear: 1985 }));
    expect(result.score).toBe(1);
    expect(result.fields.find((f) => f.field === 'patronymic')).toBeUndefined();
    expect(result.fields[0]).toMatchObject({ field: 'family name', similarity: 1 });
  });

  it('refuses records it cannot read, naming the record and the field', () => {
    const good = person('Коваленко', 'Олексій');
    const expectRefusal = (bad: MatchRecord, field: string) => {
      const attempt = () => compare(good, bad);
      expect(attempt).toThrow(CorridorError);
      try {
        attempt();
      } catch (error) {
        expect(error).toMatchObject({ code: 'validation_failed', details: { id: bad.id, field } });
      }
    };
    expectRefusal({ id: 'no-names', names: [] }, 'names');
    expectRefusal({ id: 'no-letters', names: [{ family: '—', given: '123' }] }, 'names[0]');
    expectRefusal(
      { ...person('Коваленко', 'Олексій'), id: 'bad-date', birthDate: '1985-02-30' },
      'birthDate',
    );
    expectRefusal({ ...person('Коваленко', 'Олексій'), id: 'bad-year', birthYear: 19850 }, 'birthYear');
    expectRefusal(
      { ...person('Коваленко', 'Олексій'), id: 'mismatch', birthDate: '1985-02-03', birthYear: 1986 },
      'birthYear',
    );
    expect(() => compare(good, { id: '', names: [{ family: 'A', given: 'B' }] })).toThrow(/needs an id/);
  });
});

describe('search and duplicate detection over an index', () => {
  const registry: MatchRecord[] = [
    person('Коваленко', 'Олексій', {
      patronymic: 'Іванович',
      birthDate: '1985-03-12',
      sex: 'male',
      householdId: 'h1',
    }),
    person('Коваленко', 'Андрій', {
      patronymic: 'Іванович',
      birthDate: '1988-07-01',
      sex: 'male',
      householdId: 'h1',
    }),
    person('Коваленко', 'Олена', {
      patronymic: 'Петрівна',
      birthDate: '1986-11-30',
      sex: 'female',
      householdId: 'h1',
    }),
    person('Шевчук', 'Марія', { birthYear: 1950, sex: 'female' }),
    person('Kovalenko', 'Aleksei', { birthDate: '1985-03-12', sex: 'male' }),
    person('Ткаченко', 'Ірина', { birthYear: 1979, sex: 'female' }),
    person('Tkachenko', 'Iryna', { birthYear: 1979, sex: 'female' }),
    person('Бондар', 'Іван', { birthYear: 1940, sex: 'male' }),
  ];
  const index = buildIndex(registry, { referenceYear: 2022 });

  it('finds a person written another way, best first, with the explanation', () => {
    const results = search(index, person('Kovalenko', 'Oleksiy', { birthYear: 1985 }), { limit: 3 });
    expect(
      results
        .map((r) => r.id)
        .slice(0, 2)
        .sort(),
    ).toEqual([registry[0]!.id, registry[4]!.id].sort());
    expect(results[0]!.match).toBe(true);
    expect(results[0]!.explanation.score).toBe(results[0]!.score);
    for (let k = 1; k < results.length; k++)
      expect(results[k]!.score).toBeLessThanOrEqual(results[k - 1]!.score);
    expect(results.every((r) => r.id !== registry[3]!.id)).toBe(true);
  });

  it('honours the limit and the minimum score', () => {
    expect(search(index, person('Коваленко', 'Олексій'), { limit: 1 })).toHaveLength(1);
    const strict = search(index, person('Коваленко', 'Олексій', { birthYear: 1985 }), { minScore: 0.9 });
    expect(strict.every((r) => r.score >= 0.9)).toBe(true);
  });

  it('refuses a query it cannot read', () => {
    expect(() => search(index, { id: 'q', names: [] })).toThrow(CorridorError);
  });

  it('pairs the two registrations of one person and nobody else, with the same score as compare', () => {
    const report = findDuplicates(index);
    const pairs = report.pairs.map((p) => [p.a, p.b].sort().join(' '));
    expect(pairs.sort()).toEqual(
      [
        [registry[0]!.id, registry[4]!.id].sort().join(' '),
        [registry[5]!.id, registry[6]!.id].sort().join(' '),
      ].sort(),
    );
    for (const pair of report.pairs) {
      const a = registry.find((r) => r.id === pair.a)!;
      const b = registry.find((r) => r.id === pair.b)!;
      expect(pair.score).toBe(compare(a, b, { referenceYear: 2022 }).score);
      expect(pair.explanation!.score).toBe(pair.score);
    }
    expect(report.stats.people).toBe(registry.length);
  });

  it('refuses to index a bad record, naming it', () => {
    expect(() => buildIndex([...registry, { id: 'broken', names: [{ family: '', given: '' }] }])).toThrow(
      /broken/,
    );
  });
});
