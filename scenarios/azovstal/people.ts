import type { AgeBand, Sex, Vulnerability } from '../../src/domain/person.ts';
import { vulnerabilities as vulnerabilityOrder } from '../../src/domain/person.ts';
import { transliterate } from '../../src/matching/transliterate.ts';
import type { FileHousehold, FilePerson } from '../../src/scenario/records.ts';
import { type HouseholdFact, households } from './households.ts';
import { scenarioId } from './ids.ts';
import { familyNames, fatherNames, givenNames, patronymics } from './names.ts';
import type { SeededRandom } from './random.ts';

/** Ages in the household table are ages on the day of the report. */
const referenceDay = Date.UTC(2022, 4, 6);
const dayMs = 86_400_000;

const knownFlags = new Set(['w1', 'w2', 'w3', 's', 'wc', 'p', 'med', 'u', 'sep', 'y', 'g']);

interface Member {
  sex: Extract<Sex, 'female' | 'male'>;
  age: number;
  flags: Set<string>;
}

type Generation = 'child' | 'adult' | 'elderly';
const generationOf = (age: number): Generation => (age < 18 ? 'child' : age < 60 ? 'adult' : 'elderly');

function parseMembers(household: HouseholdFact): Member[] {
  return household.members.split(' ').map((token) => {
    const [head, ...flags] = token.split('/');
    const match = /^([fm])(\d{1,3})$/.exec(head ?? '');
    if (!match) throw new Error(`household member "${token}" is not <f|m><age>`);
    for (const flag of flags)
      if (!knownFlags.has(flag)) throw new Error(`household member "${token}": unknown flag ${flag}`);
    return { sex: match[1] === 'f' ? 'female' : 'male', age: Number(match[2]), flags: new Set(flags) };
  });
}

function ageBand(age: number): AgeBand {
  if (age <= 4) return '0-4';
  if (age <= 11) return '5-11';
  if (age <= 17) return '12-17';
  if (age <= 59) return '18-59';
  return '60+';
}

/** A birth date that gives exactly `age` full years on the reference day. */
function birthDate(age: number, random: SeededRandom): string {
  const latest = Date.UTC(2022 - age, 4, 6);
  const earliest = Date.UTC(2022 - age - 1, 4, 7);
  const day = earliest + random.int(0, Math.round((latest - earliest) / dayMs)) * dayMs;
  if (day > referenceDay) throw new Error('birth date after the reference day');
  return new Date(day).toISOString().slice(0, 10);
}

const woundNotes = {
  w1: [
    'Penetrating abdominal wound from shell fragments; needs surgery as soon as possible',
    'Chest wound, breathing with difficulty',
    'Crushed pelvis from falling masonry; cannot sit',
  ],
  w2: [
    'Fractured lower leg, splinted',
    'Shell fragment in the shoulder; the wound is infected',
    'Burns to both arms, dressed',
  ],
  w3: [
    'Cuts and bruises from a blast; walks unaided',
    'Sprained ankle; walks with a stick',
    'Concussion three days ago; headaches',
  ],
} as const;

const medicationNotes = [
  'Insulin-dependent diabetes; insulin left for about three days',
  'Heart failure; daily tablets have run out',
  'High blood pressure; tablets running out',
  'Epilepsy; anticonvulsants left for about a week',
  'Asthma; one inhaler left',
];

function noteFor(member: Member, random: SeededRandom): string | undefined {
  const parts: string[] = [];
  for (const triage of ['w1', 'w2', 'w3'] as const)
    if (member.flags.has(triage)) parts.push(random.pick(woundNotes[triage]));
  if (member.flags.has('s') && !['w1', 'w2', 'w3'].some((w) => member.flags.has(w)))
    parts.push('Bedridden; must be carried on a stretcher');
  if (member.flags.has('wc')) parts.push('Cannot walk far; needs a wheelchair from the shelter to the bus');
  if (member.flags.has('p')) parts.push(`About ${random.int(20, 34)} weeks pregnant`);
  if (member.flags.has('med')) parts.push(random.pick(medicationNotes));
  if (member.flags.has('y')) parts.push('Date of birth not known; year of birth as given by the person');
  return parts.length > 0 ? parts.join('. ') : undefined;
}

function vulnerabilitiesOf(member: Member): Vulnerability[] {
  const found = new Set<Vulnerability>();
  if (member.age < 18) found.add('child');
  if (member.age >= 60) found.add('elderly');
  if (member.flags.has('u')) found.add('unaccompanied_child');
  if (member.flags.has('sep')) found.add('separated_child');
  if (['w1', 'w2', 'w3'].some((w) => member.flags.has(w))) found.add('wounded');
  if (member.flags.has('s')) found.add('needs_stretcher');
  if (member.flags.has('wc')) found.add('needs_wheelchair');
  if (member.flags.has('p')) found.add('pregnant');
  if (member.flags.has('med')) found.add('needs_medication');
  return vulnerabilityOrder.filter((v) => found.has(v));
}

const triageOf = (member: Member) =>
  member.flags.has('w1') ? 'T1' : member.flags.has('w2') ? 'T2' : member.flags.has('w3') ? 'T3' : undefined;

const relation = (guardian: Member, kind: 'parent' | 'grandparent' | 'relative') =>
  ({
    parent: { female: 'mother', male: 'father' },
    grandparent: { female: 'grandmother', male: 'grandfather' },
    relative: { female: 'aunt', male: 'uncle' },
  })[kind][guardian.sex];

export interface PeopleBuild {
  households: FileHousehold[];
  people: FilePerson[];
}

/**
 * Turns the household table into household and person records: names and patronymics that fit
 * each family, birth dates that fit each age, guardians for every accompanied child.
 */
export function buildPeople(shelterIds: ReadonlyMap<string, string>, random: SeededRandom): PeopleBuild {
  const fileHouseholds: FileHousehold[] = [];
  const people: FilePerson[] = [];
  const usedFullNames = new Set<string>();
  const usedFamilies = new Set<string>();

  const pickFamily = (): readonly [string, string] => {
    for (;;) {
      const family = random.pick(familyNames);
      // Spread the families: a repeated surname is fine once the list has been gone through.
      if (!usedFamilies.has(family[0]) || usedFamilies.size >= familyNames.length) {
        usedFamilies.add(family[0]);
        return family;
      }
    }
  };

  households.forEach((household, h) => {
    const code = `H${String(h + 1).padStart(2, '0')}`;
    const shelterId = shelterIds.get(household.shelter);
    if (!shelterId) throw new Error(`household ${code}: no shelter ${household.shelter}`);
    const members = parseMembers(household);
    const family = pickFamily();
    const languages = random.pick([['ru', 'uk'], ['ru', 'uk'], ['uk', 'ru'], ['uk']]);
    const ids = members.map((_, m) => scenarioId(`person:${code}:${m + 1}`));
    const givenInHousehold = new Set<string>();
    const given = members.map((member) => {
      const names = givenNames[member.sex][generationOf(member.age)];
      let name = random.pick(names);
      while (givenInHousehold.has(name)) name = random.pick(names);
      givenInHousehold.add(name);
      return name;
    });
    // The father of the household's children when he is not with them, and of its adults when
    // their father is not there: one name each, so that siblings share a patronymic.
    const absentFather = {
      child: random.pick(fatherNames.child),
      adult: random.pick(fatherNames.adult),
      elderly: random.pick(fatherNames.elderly),
    };
    const separatedFamily = members.some((m) => m.flags.has('sep')) ? pickFamily() : family;

    const guardiansOf = (child: Member): Array<{ index: number; relation: string }> => {
      if (child.age >= 18 || child.flags.has('u')) return [];
      const older = members
        .map((m, index) => ({ m, index }))
        .filter(({ m }) => m.age >= 18 && m.age - child.age >= 16);
      if (child.flags.has('sep'))
        return older.map(({ m, index }) => ({ index, relation: relation(m, 'relative') }));
      const parents = older.filter(({ m }) => !m.flags.has('g'));
      const chosen = parents.length > 0 ? parents : older;
      return chosen.map(({ m, index }) => ({
        index,
        relation: relation(m, parents.length > 0 ? 'parent' : 'grandparent'),
      }));
    };

    const fatherOf = (member: Member): string => {
      if (member.age < 18) {
        const father = guardiansOf(member).find((g) => g.relation === 'father');
        return father ? given[father.index]! : absentFather.child;
      }
      if (!member.flags.has('g')) {
        const father = members.findIndex(
          (m) => m.flags.has('g') && m.sex === 'male' && m.age - member.age >= 16,
        );
        if (father >= 0) return given[father]!;
      }
      return absentFather[generationOf(member.age) === 'elderly' ? 'elderly' : 'adult'];
    };

    members.forEach((member, m) => {
      if (member.age < 18 && !member.flags.has('u') && guardiansOf(member).length === 0)
        throw new Error(`household ${code}: child ${m + 1} has no guardian and is not flagged unaccompanied`);
      const surnames = member.flags.has('sep') ? separatedFamily : family;
      const familyName = member.sex === 'male' ? surnames[0] : surnames[1];
      const fatherName = fatherOf(member);
      const patronymicForms = patronymics[fatherName];
      if (!patronymicForms) throw new Error(`no patronymic for the name ${fatherName}`);
      const patronymic = member.sex === 'male' ? patronymicForms[0] : patronymicForms[1];
      const fullName = `${familyName} ${given[m]} ${patronymic}`;
      if (usedFullNames.has(fullName)) throw new Error(`two people named ${fullName}`);
      usedFullNames.add(fullName);
      const yearOnly = member.flags.has('y');
      const born = yearOnly ? undefined : birthDate(member.age, random);
      const note = noteFor(member, random);
      const guardians = guardiansOf(member).map((g) => ({ personId: ids[g.index]!, relation: g.relation }));
      people.push({
        id: ids[m]!,
        householdId: scenarioId(`household:${code}`),
        shelterId,
        names: [
          { script: 'Cyrl', family: familyName, given: given[m]!, patronymic },
          { script: 'Latn', family: transliterate(familyName), given: transliterate(given[m]!) },
        ],
        sex: member.sex,
        ...(born ? { birthDate: born } : {}),
        birthYear: born ? Number(born.slice(0, 4)) : 2022 - member.age,
        ageBand: ageBand(member.age),
        vulnerabilities: vulnerabilitiesOf(member),
        ...(triageOf(member) ? { triage: triageOf(member) } : {}),
        languages: [...languages],
        ...(note ? { note } : {}),
        guardians,
        status: 'sheltering',
      });
    });
    const head = members[0]!.sex === 'male' ? family[0] : family[1];
    fileHouseholds.push({
      id: scenarioId(`household:${code}`),
      label: `${head} / ${transliterate(head)} (${code})`,
      ...(household.note ? { note: household.note } : {}),
    });
  });
  return { households: fileHouseholds, people };
}
