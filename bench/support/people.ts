// Registration bodies that look like the people a field team registers in a shelter: Ukrainian names
// in Cyrillic with a Latin transliteration, ages and vulnerabilities in plausible shares, households,
// guardians for some children. Every body is a different person. Deterministic for a seed.
import { uuidv7 } from 'uuidv7';
import { transliterate } from '../../src/matching/transliterate.ts';

const familyNames = [
  'Коваленко',
  'Бондаренко',
  'Ткаченко',
  'Шевченко',
  'Кравченко',
  'Олійник',
  'Шевчук',
  'Поліщук',
  'Бойко',
  'Мельник',
  'Коваль',
  'Лисенко',
  'Марченко',
  'Руденко',
  'Савченко',
  'Петренко',
  'Мороз',
  'Клименко',
  'Павленко',
  'Кравчук',
  'Левченко',
  'Гончаренко',
  'Романенко',
  'Литвиненко',
  'Кузьменко',
  'Василенко',
  'Осадчий',
  'Карпенко',
  'Яковенко',
  'Зінченко',
];
const maleNames = [
  'Олександр',
  'Андрій',
  'Сергій',
  'Володимир',
  'Дмитро',
  'Микола',
  'Іван',
  'Юрій',
  'Олексій',
  'Віктор',
  'Петро',
  'Василь',
  'Богдан',
  'Тарас',
  'Максим',
  'Євген',
];
const femaleNames = [
  'Олена',
  'Наталія',
  'Тетяна',
  'Ірина',
  'Оксана',
  'Світлана',
  'Людмила',
  'Галина',
  'Марія',
  'Юлія',
  'Катерина',
  'Ганна',
  'Вікторія',
  'Валентина',
  'Софія',
  'Лариса',
];
// A father's name and the patronymics it gives a son and a daughter.
const patronymics: Array<[string, string]> = [
  ['Олександрович', 'Олександрівна'],
  ['Андрійович', 'Андріївна'],
  ['Сергійович', 'Сергіївна'],
  ['Володимирович', 'Володимирівна'],
  ['Миколайович', 'Миколаївна'],
  ['Іванович', 'Іванівна'],
  ['Юрійович', 'Юріївна'],
  ['Петрович', 'Петрівна'],
  ['Васильович', 'Василівна'],
  ['Євгенович', 'Євгенівна'],
];

/** A small deterministic generator (mulberry32), so two runs send the same population. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Population {
  siteId: string;
  shelterIds: string[];
  householdIds: string[];
  /** Adults already registered, who can be named as a child's guardian. */
  guardianIds: string[];
}

export interface Registration {
  id?: string;
  siteId: string;
  shelterId: string;
  householdId?: string;
  names: Array<{ script: string; family: string; given: string; patronymic?: string }>;
  sex: 'female' | 'male';
  birthDate?: string;
  birthYear?: number;
  ageBand?: string;
  vulnerabilities: string[];
  triage?: string;
  languages: string[];
  note?: string;
  guardians?: Array<{ personId: string; relation: string }>;
}

const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)]!;

/** Returns a function giving the next registration body; each call is a new person. */
export function registrations(population: Population, seed = 1): () => Registration {
  const next = random(seed);
  return () => {
    const sex = next() < 0.52 ? 'female' : 'male';
    const roll = next();
    // Shares seen among civilians in the shelters: about a sixth children, a sixth elderly.
    const age =
      roll < 0.16
        ? Math.floor(next() * 18)
        : roll < 0.32
          ? 60 + Math.floor(next() * 30)
          : 18 + Math.floor(next() * 42);
    const family = pick(next, familyNames);
    const given = pick(next, sex === 'female' ? femaleNames : maleNames);
    const [sonOf, daughterOf] = pick(next, patronymics);
    const patronymic = sex === 'female' ? daughterOf : sonOf;
    const person: Registration = {
      siteId: population.siteId,
      shelterId: pick(next, population.shelterIds),
      names: [
        { script: 'Cyrl', family, given, patronymic },
        {
          script: 'Latn',
          family: transliterate(family),
          given: transliterate(given),
          patronymic: transliterate(patronymic),
        },
      ],
      sex,
      vulnerabilities: [],
      languages: next() < 0.7 ? ['uk', 'ru'] : ['uk'],
    };
    // Offline devices mint their own ids; online registrations let the server choose.
    if (next() < 0.3) person.id = uuidv7();
    if (next() < 0.6) person.householdId = pick(next, population.householdIds);
    const birthYear = 2022 - age;
    if (next() < 0.4) {
      const month = String(1 + Math.floor(next() * 12)).padStart(2, '0');
      const day = String(1 + Math.floor(next() * 28)).padStart(2, '0');
      person.birthDate = `${birthYear}-${month}-${day}`;
    } else if (next() < 0.8) person.birthYear = birthYear;
    else
      person.ageBand = age < 5 ? '0-4' : age < 12 ? '5-11' : age < 18 ? '12-17' : age < 60 ? '18-59' : '60+';
    if (age < 18) {
      person.vulnerabilities.push('child');
      if (next() < 0.08) person.vulnerabilities.push('unaccompanied_child');
      else if (next() < 0.5)
        person.guardians = [
          { personId: pick(next, population.guardianIds), relation: next() < 0.5 ? 'мати' : 'батько' },
        ];
    }
    if (age >= 60) {
      person.vulnerabilities.push('elderly');
      if (next() < 0.3) person.vulnerabilities.push('needs_medication');
      if (next() < 0.1) person.vulnerabilities.push('needs_wheelchair');
    }
    if (next() < 0.07) {
      person.vulnerabilities.push('wounded');
      const triage = pick(next, ['T1', 'T2', 'T2', 'T3', 'T3', 'T3']);
      person.triage = triage;
      if (triage === 'T1') person.vulnerabilities.push('needs_stretcher');
      person.note = pick(next, [
        'осколкове поранення ноги',
        'контузія',
        'опік руки',
        'перелом, шина накладена',
      ]);
    }
    if (sex === 'female' && age >= 18 && age < 45 && next() < 0.05) person.vulnerabilities.push('pregnant');
    if (!person.note && next() < 0.1)
      person.note = pick(next, ['потребує інсуліну', 'глухий на одне вухо', 'без документів']);
    return person;
  };
}
