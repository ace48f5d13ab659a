import type { MatchRecord } from '../matching/record.ts';
import { type AgeBand, type PersonName, personProblems, type Sex } from './person.ts';

export const consentDecisions = ['agreed', 'declined'] as const;
export type ConsentDecision = (typeof consentDecisions)[number];

export const matchStatuses = ['proposed', 'confirmed', 'rejected'] as const;
export type MatchStatus = (typeof matchStatuses)[number];
export const matchReviews = ['confirmed', 'rejected'] as const;
export type MatchReview = (typeof matchReviews)[number];

export const requestStatuses = ['open', 'closed'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/**
 * Scores from here up are proposed to the cell. Lower than the matcher's threshold for one person
 * (0.8): a family's description of someone they lost ("Oleksii, born about 1980") holds less than
 * a registration, and a proposal is only a suggestion a coordinator confirms or rejects.
 */
export const proposalScore = 0.7;

export interface SoughtPerson {
  names: PersonName[];
  sex: Sex | null;
  birthDate: string | null;
  birthYear: number | null;
  ageBand: AgeBand | null;
  description: string | null;
}

export interface Enquirer {
  name: string;
  phone: string | null;
  email: string | null;
  /** Another way to reach them ("asks at the Zaporizhzhia reception centre every morning"). */
  contactNote: string | null;
  /** When the enquirer is registered too. */
  personId: string | null;
}

export interface LastSeen {
  place: string | null;
  /** A shelter or another point of the site, when the place is one. */
  pointId: string | null;
  date: string | null;
}

export interface TracingRequest {
  id: string;
  siteId: string;
  origin: 'corridor' | 'pfif';
  /** The PFIF person_record_id of a request imported from another registry. */
  pfifRecordId: string | null;
  status: RequestStatus;
  closedReason: string | null;
  closedAt: string | null;
  sought: SoughtPerson;
  enquirer: Enquirer;
  /** The enquirer's relation to the person sought: mother, brother, neighbour … */
  relation: string | null;
  lastSeen: LastSeen;
  /** How they were separated. */
  separation: string | null;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** What the matcher compares of a request: the person sought, as a family describes them. */
export function soughtRecord(request: Pick<TracingRequest, 'id' | 'sought' | 'lastSeen'>): MatchRecord {
  return {
    id: request.id,
    names: request.sought.names,
    sex: request.sought.sex,
    birthDate: request.sought.birthDate,
    birthYear: request.sought.birthYear,
    ageBand: request.sought.ageBand,
    shelterId: request.lastSeen.pointId,
  };
}

/** Rules every request meets, whatever its source; problems as [field, reason]. */
export function requestProblems(request: {
  origin: TracingRequest['origin'];
  sought: SoughtPerson;
  enquirer: Enquirer;
  lastSeen: LastSeen;
}): Array<[string, string]> {
  const problems: Array<[string, string]> = personProblems({
    vulnerabilities: [],
    triage: null,
    birthDate: request.sought.birthDate,
    birthYear: request.sought.birthYear,
  }).map(([field, reason]) => [`sought.${field}`, reason]);
  const { enquirer } = request;
  if (request.origin === 'corridor' && !enquirer.phone && !enquirer.email && !enquirer.contactNote)
    problems.push([
      'enquirer',
      'give a way to reach the enquirer: a phone number, an e-mail address or a contact note',
    ]);
  if (request.lastSeen.date && !isCalendarDate(request.lastSeen.date))
    problems.push(['lastSeen.date', `${request.lastSeen.date} is not a calendar date`]);
  else if (request.lastSeen.date && request.lastSeen.date > new Date().toISOString().slice(0, 10))
    problems.push(['lastSeen.date', 'the date last seen is in the future']);
  return problems;
}

const isCalendarDate = (value: string): boolean => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};
