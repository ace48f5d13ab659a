import type { AgeBand, PersonName, Sex } from '../domain/person.ts';
import { ageBands } from '../domain/person.ts';
import type { SoughtPerson, TracingRequest } from '../domain/tracing.ts';
import { type PfifNote, type PfifPerson, type PfifRecord, pfifTime } from './format.ts';

/** A name in the order Ukrainian documents write it: family, given, patronymic. */
export const fullName = (name: PersonName): string =>
  [name.family, name.given, name.patronymic].filter((part) => part?.trim()).join(' ');

const sexOf = (sex: Sex | null): string | undefined =>
  sex === 'female' || sex === 'male' || sex === 'other' ? sex : undefined;

const birthOf = (p: { birthDate: string | null; birthYear: number | null }): string | undefined =>
  p.birthDate ?? (p.birthYear === null ? undefined : String(p.birthYear));

const ageOf = (p: { birthDate: string | null; birthYear: number | null; ageBand: AgeBand | null }) =>
  p.birthDate || p.birthYear !== null || !p.ageBand ? undefined : p.ageBand === '60+' ? '60-120' : p.ageBand;

function nameFields(names: readonly PersonName[]): Partial<PfifPerson> {
  const [first, ...others] = names;
  return {
    full_name: fullName(first!),
    given_name: first!.given,
    family_name: first!.family,
    ...(others.length > 0 ? { alternate_names: others.map(fullName).join('\n') } : {}),
  };
}

const defined = <T extends object>(record: T): T =>
  Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined && value !== null),
  ) as T;

/** One of our own tracing requests as a PFIF person (the person sought) with the enquirer's note. */
export function requestRecord(domain: string, r: TracingRequest): PfifRecord {
  const id = `${domain}/request.${r.id}`;
  const person: PfifPerson = defined({
    person_record_id: id,
    entry_date: pfifTime(r.createdAt),
    author_name: r.enquirer.name,
    author_email: r.enquirer.email ?? undefined,
    author_phone: r.enquirer.phone ?? undefined,
    source_name: domain,
    source_date: pfifTime(r.updatedAt),
    ...nameFields(r.sought.names),
    description: r.sought.description ?? undefined,
    sex: sexOf(r.sought.sex),
    date_of_birth: birthOf(r.sought),
    age: ageOf(r.sought),
  });
  const said = [
    r.relation ? `Sought by their ${r.relation}.` : undefined,
    r.lastSeen.date ? `Last seen on ${r.lastSeen.date}.` : undefined,
    r.separation ?? undefined,
  ].filter(Boolean);
  const note: PfifNote = defined({
    note_record_id: `${domain}/note.request.${r.id}`,
    person_record_id: id,
    entry_date: pfifTime(r.createdAt),
    author_name: r.enquirer.name,
    author_email: r.enquirer.email ?? undefined,
    author_phone: r.enquirer.phone ?? undefined,
    source_date: pfifTime(r.createdAt),
    status: 'information_sought',
    last_known_location: r.lastSeen.place ?? undefined,
    text: said.length > 0 ? said.join(' ') : undefined,
  });
  return { person, notes: [note] };
}

/**
 * A registered person who agreed to be found, as a PFIF person with a note saying they are alive and
 * where, coarsely: the reception point they were checked in at, or else only the site. A shelter
 * inside a besieged site is never written into a file that leaves the operation.
 */
export function registeredRecord(
  domain: string,
  p: {
    id: string;
    names: PersonName[];
    sex: Sex;
    birthDate: string | null;
    birthYear: number | null;
    ageBand: AgeBand | null;
    status: string;
    updatedAt: string;
    consentAt: string;
    location: string;
  },
): PfifRecord {
  const id = `${domain}/person.${p.id}`;
  return {
    person: defined({
      person_record_id: id,
      entry_date: pfifTime(p.updatedAt),
      author_name: domain,
      source_name: domain,
      source_date: pfifTime(p.updatedAt),
      ...nameFields(p.names),
      sex: sexOf(p.sex),
      date_of_birth: birthOf(p),
      age: ageOf(p),
    }) as PfifPerson,
    notes: [
      {
        note_record_id: `${domain}/note.person.${p.id}`,
        person_record_id: id,
        entry_date: pfifTime(p.consentAt),
        author_name: domain,
        source_date: pfifTime(p.consentAt),
        author_made_contact: 'true',
        status:
          p.status === 'deceased'
            ? 'believed_dead'
            : p.status === 'missing'
              ? 'believed_missing'
              : 'believed_alive',
        last_known_location: p.location,
        text: 'Registered; agreed to be found by those looking for them.',
      },
    ],
  };
}

/** Splits "Family Given Patronymic" as written in full_name when given and family names are absent. */
function splitName(full: string): PersonName {
  const [family, ...rest] = full.trim().split(/\s+/);
  return rest.length > 0 ? { family: family!, given: rest.join(' ') } : { family: family!, given: family! };
}

/** What a PFIF person record says about the person sought, in our terms. */
export function soughtOf(
  person: PfifPerson,
  notes: readonly PfifNote[],
): SoughtPerson & { lastSeenPlace: string | null } {
  const names: PersonName[] = [];
  if (person.family_name || person.given_name)
    names.push({ family: person.family_name ?? '', given: person.given_name ?? '' });
  else names.push(splitName(person.full_name ?? ''));
  for (const line of (person.alternate_names ?? '').split('\n')) if (line.trim()) names.push(splitName(line));
  const dob = person.date_of_birth ?? '';
  const band =
    person.age && (ageBands as readonly string[]).includes(person.age) ? (person.age as AgeBand) : null;
  const latest = [...notes]
    .filter((note) => note.last_known_location)
    .sort((a, b) => (a.source_date ?? '').localeCompare(b.source_date ?? ''))
    .at(-1);
  return {
    names,
    sex: person.sex === 'female' || person.sex === 'male' || person.sex === 'other' ? person.sex : null,
    birthDate: /^\d{4}-\d{2}-\d{2}$/.test(dob) ? dob : null,
    birthYear: /^\d{4}/.test(dob) && dob.length < 10 ? Number(dob.slice(0, 4)) : null,
    ageBand: dob ? null : band,
    description: person.description ?? null,
    lastSeenPlace: latest?.last_known_location ?? null,
  };
}
