import type { FileHousehold, FilePerson } from '../records.ts';
import {
  femaleGivenNames,
  type Generation,
  generationOf,
  type MaleName,
  maleGivenNames,
  type Surname,
  surnameList,
} from './names.ts';
import { createRandom, cumulative, pickCumulative, type Random, weighted, weightedIndex } from './random.ts';
import { generatedId } from './uuid.ts';

// Households and the people in them. A household is planned first (its id, size, shelter and
// surname) from one stream of random numbers; its members come from a stream of their own, seeded by
// the household's number. So the plans can be walked twice (once to write the households, once to
// write the people) and a million people never need to be held in memory at once.

/** The day ages are reckoned on: the date of the report the Azovstal scenario follows. */
export const asOf = '2022-05-06';
const asOfDate = { year: 2022, month: 4, day: 6 };

export interface HouseholdPlan {
  index: number;
  id: string;
  label: string;
  shelter: number;
  size: number;
  surname: Surname;
  /** The number of the household's first member among all people of the site. */
  firstPerson: number;
}

/** Household sizes 1 to 7, mostly two to four (shares in per cent). */
const sizeWeights = [17, 27, 24, 17, 8, 4, 3];

export function* householdPlans(
  seed: number,
  people: number,
  shelterWeights: number[],
): Generator<HouseholdPlan> {
  const random = createRandom(seed, 2);
  const sums = cumulative(shelterWeights);
  let placed = 0;
  for (let index = 0; placed < people; index++) {
    const size = Math.min(people - placed, 1 + weightedIndex(random, sizeWeights));
    const surname = random.pick(surnameList);
    yield {
      index,
      id: generatedId('household', index, random),
      label: `${surname.male.cyrl} (${surname.male.latn})`,
      shelter: pickCumulative(random, sums),
      size,
      surname,
      firstPerson: placed,
    };
    placed += size;
  }
}

export const householdRecord = (plan: HouseholdPlan): FileHousehold => ({ id: plan.id, label: plan.label });

type Role = 'adult' | 'elderly' | 'child';
type Sex = 'female' | 'male';
type Vulnerability = NonNullable<FilePerson['vulnerabilities']>[number];

interface Member {
  role: Role;
  sex: Sex;
  age: number;
  /** A child with no adult of the household looking after them, or with adults who are not family. */
  alone?: 'unaccompanied' | 'separated';
}

const injuries = [
  'shrapnel wounds to the legs',
  'crush injury from a collapse',
  'burns to the arms',
  'head injury, concussion',
  'fractured arm',
  'blast injury, hearing loss',
  'chest wound',
  'infected wound, untreated for weeks',
];

const languageSets: readonly (readonly string[])[] = [['uk', 'ru'], ['ru', 'uk'], ['uk'], ['ru']];

/** The members of one household, as site file records. */
export function householdMembers(seed: number, plan: HouseholdPlan, shelterId: string): FilePerson[] {
  const random = createRandom(seed, 2 ** 32 + plan.index);
  const members = composition(random, plan.size);
  const languages = languageSets[weightedIndex(random, [55, 30, 10, 5])]!;
  const ids = members.map((_, k) => generatedId('person', plan.firstPerson + k, random));
  const head = members[0]!;
  const spouse =
    members[1] && members[1].role !== 'child' && members[1].sex !== head.sex ? members[1] : undefined;
  // The children's father, when he is here: the head or the head's spouse, not a grandparent.
  const father = [head, spouse].find((m) => m?.sex === 'male' && m.role === 'adult');
  const fatherGiven = new Map<Member, MaleName>();

  return members.map((member, k): FilePerson => {
    const born = birth(random, member.age);
    const generation = generationOf(born.year);
    const male = member.sex === 'male' ? random.pick(maleGivenNames[generation]) : undefined;
    const givenName = male ? male.given : random.pick(femaleGivenNames[generation]);
    if (male) fatherGiven.set(member, male);
    // A separated child shelters with neighbours, under another name; unaccompanied siblings share theirs.
    const ownFamily = member.alone === 'separated' ? random.pick(surnameList) : plan.surname;
    const familyName = ownFamily[member.sex];
    // A child of the household's parents takes the father's name as patronymic; anyone else an
    // invented father's of the generation before.
    const paternal =
      member.role === 'child' && !member.alone && father
        ? (fatherGiven.get(father) ?? random.pick(maleGivenNames[fatherGeneration(born.year)]))
        : random.pick(maleGivenNames[fatherGeneration(born.year)]);
    const patronymic = member.sex === 'male' ? paternal.son : paternal.daughter;

    const vulnerabilities: Vulnerability[] = [];
    if (member.role === 'child') {
      vulnerabilities.push('child');
      if (member.alone === 'unaccompanied') vulnerabilities.push('unaccompanied_child');
      if (member.alone === 'separated') vulnerabilities.push('separated_child');
    }
    if (member.age >= 60) vulnerabilities.push('elderly');
    const wounded = random.chance(0.08);
    let triage: FilePerson['triage'];
    let note: string | undefined;
    if (wounded) {
      vulnerabilities.push('wounded');
      triage = weighted(random, [
        ['T1', 20],
        ['T2', 35],
        ['T3', 45],
      ] as const);
      note = random.pick(injuries);
    }
    const stretcher = wounded && random.chance({ T1: 0.9, T2: 0.4, T3: 0.03 }[triage!]);
    if (stretcher) vulnerabilities.push('needs_stretcher');
    else if (random.chance(member.role === 'elderly' ? 0.06 : member.role === 'child' ? 0.005 : 0.01))
      vulnerabilities.push('needs_wheelchair');
    if (member.sex === 'female' && member.age >= 18 && member.age <= 45 && random.chance(0.04))
      vulnerabilities.push('pregnant');
    const medication =
      { elderly: 0.35, adult: 0.08, child: 0.03 }[member.role] + (triage === 'T3' || !wounded ? 0 : 0.4);
    if (random.chance(medication)) vulnerabilities.push('needs_medication');
    if (member.alone === 'unaccompanied') note = 'no adult relative in the shelter';
    if (member.alone === 'separated') note = 'separated from the parents; sheltering with neighbours';

    const guardians =
      member.role === 'child' && !member.alone
        ? [head, spouse]
            .filter((g): g is Member => g !== undefined && g !== member)
            .map((g) => ({ personId: ids[members.indexOf(g)]!, relation: relation(g) }))
        : [];

    return {
      id: ids[k]!,
      householdId: plan.id,
      shelterId,
      names: [
        { script: 'Cyrl', family: familyName.cyrl, given: givenName.cyrl, patronymic: patronymic.cyrl },
        { script: 'Latn', family: familyName.latn, given: givenName.latn, patronymic: patronymic.latn },
      ],
      sex: member.sex,
      ...born.record,
      ...(vulnerabilities.length > 0 ? { vulnerabilities } : {}),
      ...(triage ? { triage } : {}),
      ...(member.age >= 2 ? { languages: [...languages] } : {}),
      ...(note ? { note } : {}),
      ...(guardians.length > 0 ? { guardians } : {}),
      status: 'sheltering',
    };
  });
}

/** Who lives in a household of this size: roles, sexes and ages. */
function composition(random: Random, size: number): Member[] {
  const adultAge = () => random.int(18, 59);
  const elderlyAge = () => 60 + Math.floor(33 * random.next() ** 1.5);
  const anySex = (): Sex => (random.chance(0.5) ? 'female' : 'male');
  if (size === 1) {
    const r = random.next();
    if (r < 0.02) return [{ role: 'child', sex: anySex(), age: random.int(10, 17), alone: 'unaccompanied' }];
    if (r < 0.52)
      return [{ role: 'elderly', sex: random.chance(0.65) ? 'female' : 'male', age: elderlyAge() }];
    return [{ role: 'adult', sex: anySex(), age: adultAge() }];
  }
  if (size <= 3 && random.chance(0.01))
    return Array.from({ length: size }, () => ({
      role: 'child' as const,
      sex: anySex(),
      age: random.int(8, 17),
      alone: 'unaccompanied' as const,
    }));

  const headRole: Role = random.chance(0.7) ? 'adult' : 'elderly';
  const head: Member = {
    role: headRole,
    sex: random.chance(0.58) ? 'female' : 'male',
    age: headRole === 'adult' ? adultAge() : elderlyAge(),
  };
  const members: Member[] = [head];
  const children: Member[] = [];
  let youngestParent = head.age;
  for (let k = 1; k < size; k++) {
    const r = random.next();
    if (r < 0.225) {
      // A parent is at least sixteen years older than the child; grandparents may be any age.
      const oldest = head.role === 'adult' ? Math.min(17, youngestParent - 16) : 17;
      children.push({ role: 'child', sex: anySex(), age: random.int(0, oldest) });
    } else if (k === 1 && random.chance(0.75)) {
      // A spouse of the same generation.
      const role = head.role;
      const age = Math.min(
        role === 'adult' ? 59 : 92,
        Math.max(role === 'adult' ? 18 : 60, head.age + random.int(-5, 5)),
      );
      youngestParent = Math.min(youngestParent, age);
      members.push({ role, sex: head.sex === 'female' ? 'male' : 'female', age });
    } else {
      const role: Role = r < 0.225 + 0.13 ? 'elderly' : 'adult';
      members.push({ role, sex: anySex(), age: role === 'adult' ? adultAge() : elderlyAge() });
    }
  }
  for (const child of children) if (random.chance(0.03)) child.alone = 'separated';
  return [...members, ...children];
}

function relation(guardian: Member): string {
  if (guardian.role === 'elderly') return guardian.sex === 'female' ? 'grandmother' : 'grandfather';
  return guardian.sex === 'female' ? 'mother' : 'father';
}

const fatherGeneration = (birthYear: number): Generation => generationOf(birthYear - 28);

const ageBandOf = (age: number): FilePerson['ageBand'] =>
  age < 5 ? '0-4' : age < 12 ? '5-11' : age < 18 ? '12-17' : age < 60 ? '18-59' : '60+';

const dayMs = 86_400_000;

// Day numbers (days since 1970) and their ISO dates, worked out once: a million people are born on
// a few tens of thousands of distinct days.
const isoDays = new Map<number, string>();
function isoDay(day: number): string {
  let text = isoDays.get(day);
  if (text === undefined) {
    text = new Date(day * dayMs).toISOString().slice(0, 10);
    isoDays.set(day, text);
  }
  return text;
}
const dayOfBirth = (age: number) => Date.UTC(asOfDate.year - age, asOfDate.month, asOfDate.day) / dayMs;

/**
 * When a person was born, as a registry would have it: mostly an exact date, for some only a year
 * (adults well past eighteen, so the year alone says they are adults) or only an age band.
 */
function birth(random: Random, age: number): { year: number; record: Partial<FilePerson> } {
  // Born between the day after (asOf − age − 1 years) and asOf − age years: exactly `age` on asOf.
  const latest = dayOfBirth(age);
  const earliest = dayOfBirth(age + 1) + 1;
  const date = isoDay(earliest + random.int(0, latest - earliest));
  const year = Number(date.slice(0, 4));
  const r = random.next();
  if (age >= 25 && r < 0.12) return { year, record: { birthYear: year } };
  if (r > 0.92) return { year, record: { ageBand: ageBandOf(age) } };
  return { year, record: { birthDate: date } };
}
