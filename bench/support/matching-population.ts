// A deterministic registry of invented people for the matching benchmark: households sharing a
// family name, given names by generation (from the Azovstal scenario's lists), patronymics, birth
// recorded at different precisions, Cyrillic names with a Latin transliteration for most — and a
// share of second registrations of the same people, written the way a second desk would write
// them (Latin only, Russian forms, older passport spellings, typos, swapped order, less birth
// detail). The second registrations are the ground truth duplicate detection should find.

import { familyNames, givenNames, patronymics } from '../../scenarios/azovstal/names.ts';
import type { PersonName } from '../../src/domain/person.ts';
import type { MatchRecord } from '../../src/matching/index.ts';
import { transliterate as romanise } from '../../src/matching/index.ts';
import { givenNames as moreGivenNames } from '../../test/data/name-pairs.names.ts';
import { olderPassportLatin, russianLatin } from '../../test/data/name-pairs.romanise.ts';
import { makeTypo } from '../../test/data/name-pairs.typos.ts';

// The same few thousand names are transliterated over and over: once each is enough.
const latinOf = new Map<string, string>();
function transliterate(text: string): string {
  let latin = latinOf.get(text);
  if (latin === undefined) {
    latin = romanise(text);
    latinOf.set(text, latin);
  }
  return latin;
}

/** mulberry32: a small seeded generator. */
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

// Family names beyond the scenario's list: common stems with common endings, so a million people
// spread over a few thousand family names rather than a hundred.
const stems = [
  'Коваль',
  'Бондар',
  'Ткач',
  'Гончар',
  'Кравець',
  'Мельник',
  'Шевць',
  'Петр',
  'Іван',
  'Павл',
  'Марч',
  'Лис',
  'Руд',
  'Сав',
  'Кузьм',
  'Лев',
  'Дем',
  'Остап',
  'Федор',
  'Гнат',
  'Яков',
  'Сидор',
  'Карп',
  'Хом',
  'Мирон',
  'Тарас',
  'Гриц',
  'Зінч',
  'Мороз',
  'Ковтун',
  'Бабич',
  'Бойч',
  'Возн',
  'Галич',
  'Гуц',
  'Данил',
  'Дорош',
  'Жур',
  'Зах',
  'Клим',
  'Кость',
  'Кулик',
  'Лук',
  'Мазур',
  'Нест',
  'Онищ',
  'Панас',
  'Прокоп',
  'Рибак',
  'Сем',
  'Слюс',
  'Стеф',
  'Тимош',
  'Федь',
  'Харч',
  'Цап',
  'Чорн',
  'Шаповал',
  'Щерб',
  'Юрч',
  'Ярем',
  'Ябл',
  'Бил',
  'Гал',
  'Дуд',
  'Єрем',
  'Зуб',
  'Ілл',
  'Кир',
  'Лаз',
  'Мак',
  'Ник',
  'Олекс',
  'Пил',
  'Роман',
  'Стас',
  'Трох',
  'Устим',
  'Фом',
  'Хар',
  'Цвік',
  'Чуб',
  'Шпак',
  'Яц',
  'Вакул',
  'Вовк',
  'Гордій',
  'Давид',
  'Ємець',
  'Жовт',
  'Здор',
  'Ігнат',
  'Кобз',
  'Литвин',
  'Мирош',
  'Нагор',
  'Оліфір',
  'Приход',
  'Рев',
  'Соб',
  'Тесл',
  'Уман',
  'Філь',
  'Хвост',
  'Циган',
  'Черн',
  'Шкур',
  'Юхим',
  'Ярош',
  'Бурлак',
  'Гайов',
  'Дзюб',
  'Мацюк',
  'Пшен',
  'Савк',
  'Тищ',
  'Кушн',
  'Лопат',
  'Овчар',
  'Пасічн',
  'Рогоз',
  'Сірк',
];
const endings: ReadonlyArray<readonly [string, string]> = [
  ['енко', 'енко'],
  ['чук', 'чук'],
  ['ук', 'ук'],
  ['ишин', 'ишин'],
  ['ський', 'ська'],
  ['ович', 'ович'],
  ['ик', 'ик'],
  ['ак', 'ак'],
  ['ов', 'ова'],
  ['ин', 'іна'],
];

function buildFamilies(): Array<readonly [string, string]> {
  const composed = stems.flatMap((stem) =>
    endings.map(([m, f]) => [`${stem.replace(/ь$/, '')}${m}`, `${stem.replace(/ь$/, '')}${f}`] as const),
  );
  return [...familyNames, ...composed];
}

// Real registries have a long tail of rare family names; these are made of syllables, so that a
// quarter of the people carry one of twenty thousand rare names rather than a common one.
const onsets = [
  'б',
  'в',
  'г',
  'д',
  'ж',
  'з',
  'к',
  'л',
  'м',
  'н',
  'п',
  'р',
  'с',
  'т',
  'х',
  'ц',
  'ч',
  'ш',
  'гр',
  'кр',
  'пр',
  'ст',
  'тр',
];
const vowels = ['а', 'е', 'и', 'і', 'о', 'у', 'я', 'ю'];

function rareFamilies(count: number, random: () => number): Array<readonly [string, string]> {
  const names = new Set<string>();
  const list: Array<readonly [string, string]> = [];
  while (list.length < count) {
    const syllables = 2 + Math.floor(random() * 2);
    let stem = '';
    for (let k = 0; k < syllables; k++)
      stem += onsets[Math.floor(random() * onsets.length)]! + vowels[Math.floor(random() * vowels.length)]!;
    const [m, f] = endings[Math.floor(random() * endings.length)]!;
    const male = `${stem[0]!.toUpperCase()}${stem.slice(1)}${m}`;
    if (names.has(male)) continue;
    names.add(male);
    list.push([male, `${stem[0]!.toUpperCase()}${stem.slice(1)}${f}`]);
  }
  return list;
}

// Russian forms of the scenario's given names, for second registrations written the Russian way.
const russianGiven: Record<string, string> = {
  Олександр: 'Александр',
  Олексій: 'Алексей',
  Андрій: 'Андрей',
  Сергій: 'Сергей',
  Дмитро: 'Дмитрий',
  Віктор: 'Виктор',
  Юрій: 'Юрий',
  Іван: 'Иван',
  Денис: 'Денис',
  Євген: 'Евгений',
  Ігор: 'Игорь',
  Костянтин: 'Константин',
  Роман: 'Роман',
  Руслан: 'Руслан',
  Вадим: 'Вадим',
  Олег: 'Олег',
  Максим: 'Максим',
  Віталій: 'Виталий',
  Павло: 'Павел',
  Микола: 'Николай',
  Василь: 'Василий',
  Анатолій: 'Анатолий',
  Григорій: 'Григорий',
  Петро: 'Пётр',
  Володимир: 'Владимир',
  Леонід: 'Леонид',
  Борис: 'Борис',
  Геннадій: 'Геннадий',
  Валерій: 'Валерий',
  Михайло: 'Михаил',
  Федір: 'Фёдор',
  Степан: 'Степан',
  Олена: 'Елена',
  Ольга: 'Ольга',
  Тетяна: 'Татьяна',
  Наталія: 'Наталья',
  Ірина: 'Ирина',
  Світлана: 'Светлана',
  Оксана: 'Оксана',
  Юлія: 'Юлия',
  Марина: 'Марина',
  Анна: 'Анна',
  Вікторія: 'Виктория',
  Катерина: 'Екатерина',
  Надія: 'Надежда',
  Лариса: 'Лариса',
  Євгенія: 'Евгения',
  Ніна: 'Нина',
  Галина: 'Галина',
  Валентина: 'Валентина',
  Раїса: 'Раиса',
  Людмила: 'Людмила',
  Лідія: 'Лидия',
  Тамара: 'Тамара',
  Віра: 'Вера',
  Любов: 'Любовь',
  Ганна: 'Анна',
  Марія: 'Мария',
  Артем: 'Артём',
  Кирило: 'Кирилл',
  Данило: 'Даниил',
  Тимофій: 'Тимофей',
  Матвій: 'Матвей',
  Софія: 'София',
  Анастасія: 'Анастасия',
  Дарина: 'Дарина',
  Поліна: 'Полина',
  Аліна: 'Алина',
};

export interface Population {
  records: MatchRecord[];
  /** Index of each second registration's original, by the second registration's index. */
  duplicateOf: Map<number, number>;
  /** How each second registration was written, by kind. */
  duplicateKinds: Record<string, number>;
}

type Generation = 'child' | 'adult' | 'elderly';
const generationOf = (age: number): Generation => (age < 18 ? 'child' : age < 60 ? 'adult' : 'elderly');

/**
 * `total` records, of which a `duplicateShare` are second registrations of people already in it.
 * The same arguments give the same records.
 */
export function generatePopulation(total: number, duplicateShare = 0.02, seed = 1): Population {
  const random = seeded(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  // Skewed choice: the k-th item is chosen with weight 1/(k + offset), like real name frequencies.
  const skewed = <T>(list: readonly T[], offset: number): (() => T) => {
    const cumulative: number[] = [];
    let sum = 0;
    for (let k = 0; k < list.length; k++) {
      sum += 1 / (k + 1 + offset);
      cumulative.push(sum);
    }
    return () => {
      const x = random() * sum;
      let low = 0;
      let high = cumulative.length - 1;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (cumulative[mid]! < x) low = mid + 1;
        else high = mid;
      }
      return list[low]!;
    };
  };
  const common = skewed(buildFamilies(), 30);
  const rare = rareFamilies(20_000, random);
  const family = () => (random() < 0.25 ? pick(rare) : common());
  // Most people carry one of the scenario's names for their generation, the rest any of a longer list.
  const longer = {
    male: moreGivenNames.filter((g) => g.sex === 'm').map((g) => g.uk),
    female: moreGivenNames.filter((g) => g.sex === 'f').map((g) => g.uk),
  };
  const byGeneration = (sex: 'male' | 'female', generation: Generation): (() => string) => {
    const fashionable = skewed(givenNames[sex][generation], 3);
    return () => (random() < 0.8 ? fashionable() : pick(longer[sex]));
  };
  const given = {
    male: {
      child: byGeneration('male', 'child'),
      adult: byGeneration('male', 'adult'),
      elderly: byGeneration('male', 'elderly'),
    },
    female: {
      child: byGeneration('female', 'child'),
      adult: byGeneration('female', 'adult'),
      elderly: byGeneration('female', 'elderly'),
    },
  };
  const fathers = Object.keys(patronymics);
  const originals = Math.round(total * (1 - duplicateShare));
  const records: MatchRecord[] = [];
  const pad = (n: number) => String(n).padStart(2, '0');

  while (records.length < originals) {
    const [male, female] = family();
    const household = `h${records.length}`;
    const shelter = `s${Math.floor(random() * 2000)}`;
    const size = 1 + Math.floor(random() * random() * 6);
    const father = pick(fathers);
    for (let m = 0; m < size && records.length < originals; m++) {
      const sex = random() < 0.52 ? 'female' : 'male';
      const age = Math.floor(random() * 90);
      const name = given[sex][generationOf(age)]();
      const year = 2022 - age;
      const patronymic = patronymics[m === 0 ? pick(fathers) : father]![sex === 'male' ? 0 : 1];
      const surname = sex === 'male' ? male : female;
      const names: PersonName[] = [{ script: 'Cyrl', family: surname, given: name, patronymic }];
      if (random() < 0.6)
        names.push({ script: 'Latn', family: transliterate(surname), given: transliterate(name) });
      const roll = random();
      const record: MatchRecord = {
        id: `p${records.length}`,
        names,
        sex,
        householdId: household,
        shelterId: shelter,
      };
      if (roll < 0.5) {
        record.birthDate = `${year}-${pad(1 + Math.floor(random() * 12))}-${pad(1 + Math.floor(random() * 28))}`;
        record.birthYear = year;
      } else if (roll < 0.85) record.birthYear = year;
      else if (roll < 0.95)
        record.ageBand =
          age < 5 ? '0-4' : age < 12 ? '5-11' : age < 18 ? '12-17' : age < 60 ? '18-59' : '60+';
      records.push(record);
    }
  }

  const duplicateOf = new Map<number, number>();
  const duplicateKinds: Record<string, number> = {};
  while (records.length < total) {
    const index = Math.floor(random() * originals);
    const original = records[index]!;
    const cyrillic = original.names[0]!;
    const roll = random();
    let kind: string;
    let names: PersonName[];
    if (roll < 0.3) {
      kind = 'Latin only, at reception';
      names = [
        { script: 'Latn', family: transliterate(cyrillic.family), given: transliterate(cyrillic.given) },
      ];
    } else if (roll < 0.45 && russianGiven[cyrillic.given]) {
      kind = 'Russian form';
      const russian = russianGiven[cyrillic.given]!;
      names =
        random() < 0.5
          ? [{ script: 'Cyrl', family: cyrillic.family, given: russian }]
          : [{ script: 'Latn', family: russianLatin(cyrillic.family), given: russianLatin(russian) }];
    } else if (roll < 0.6) {
      kind = 'older passport spelling';
      names = [
        {
          script: 'Latn',
          family: olderPassportLatin(cyrillic.family),
          given: olderPassportLatin(cyrillic.given),
        },
      ];
    } else if (roll < 0.8) {
      kind = 'typo';
      const inFamily = random() < 0.5;
      const typo = makeTypo(inFamily ? cyrillic.family : cyrillic.given, random).text;
      names = [
        {
          script: 'Cyrl',
          family: inFamily ? typo : cyrillic.family,
          given: inFamily ? cyrillic.given : typo,
        },
      ];
    } else if (roll < 0.9) {
      kind = 'family and given swapped';
      names = [{ script: 'Cyrl', family: cyrillic.given, given: cyrillic.family }];
    } else {
      kind = 'same name, less birth detail';
      names = [{ ...cyrillic }];
    }
    const duplicate: MatchRecord = {
      id: `d${records.length}`,
      names,
      sex: original.sex ?? null,
      shelterId: random() < 0.3 ? (original.shelterId ?? null) : null,
      birthYear: original.birthYear ?? null,
      ageBand: original.birthYear ? null : (original.ageBand ?? null),
    };
    // A second desk often writes the full date again, sometimes only the year.
    if (original.birthDate && kind !== 'same name, less birth detail' && random() < 0.7)
      duplicate.birthDate = original.birthDate;
    duplicateKinds[kind] = (duplicateKinds[kind] ?? 0) + 1;
    duplicateOf.set(records.length, index);
    records.push(duplicate);
  }
  return { records, duplicateOf, duplicateKinds };
}
