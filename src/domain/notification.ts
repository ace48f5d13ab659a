// Humanitarian notification of a movement to each party (as in OCHA's notification systems for
// deconfliction): where, when, how many vehicles and how they are marked, how many passengers of
// each kind. Never a name: a notification leaves the operation, and a list of names handed to an
// armed party puts the people on it at risk.
import type { AgeBand, TriageCategory, Vulnerability } from './person.ts';

export const notificationAnswers = ['acknowledged', 'objected', 'no_answer'] as const;
export type NotificationAnswer = (typeof notificationAnswers)[number];

/** Where a party stands on a convoy: its latest answer to the latest notification it was sent. */
export const partyStates = ['not_notified', 'awaiting_answer', ...notificationAnswers] as const;
export type PartyState = (typeof partyStates)[number];

// Keys that would carry who travels rather than how many: refused wherever they appear in a
// request about notifications, so no client can slip a passenger list into what is sent.
const nameKeys = new Set([
  'name',
  'names',
  'family',
  'given',
  'patronymic',
  'fullname',
  'firstname',
  'lastname',
  'surname',
  'passenger',
  'passengers',
  'person',
  'persons',
  'people',
  'personid',
  'personids',
  'manifest',
]);

/** The JSON paths of every key in a value that names or lists people. */
export function nameFieldsIn(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => nameFieldsIn(v, `${path}/${i}`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, v]) => {
    const here = `${path}/${key}`;
    return nameKeys.has(key.toLowerCase().replace(/[_-]/g, '')) ? [here] : nameFieldsIn(v, here);
  });
}

export interface Passenger {
  /** On the day of travel; null when neither a band nor a birth date or year is recorded. */
  ageBand: AgeBand | null;
  vulnerabilities: readonly Vulnerability[];
  triage: TriageCategory | null;
}

/**
 * Passengers by category. Children, adults, elderly and age not recorded add up to the total; the
 * medical categories cut across them (an elderly stretcher case counts as both).
 */
export interface PassengerCounts {
  total: number;
  children: number;
  adults: number;
  elderly: number;
  ageNotRecorded: number;
  t1Wounded: number;
  otherWounded: number;
  stretcherCases: number;
  wheelchairUsers: number;
  pregnant: number;
}

export function passengerCounts(people: readonly Passenger[]): PassengerCounts {
  const counts: PassengerCounts = {
    total: people.length,
    children: 0,
    adults: 0,
    elderly: 0,
    ageNotRecorded: 0,
    t1Wounded: 0,
    otherWounded: 0,
    stretcherCases: 0,
    wheelchairUsers: 0,
    pregnant: 0,
  };
  for (const p of people) {
    const has = (v: Vulnerability) => p.vulnerabilities.includes(v);
    if (p.ageBand === '0-4' || p.ageBand === '5-11' || p.ageBand === '12-17') counts.children++;
    else if (p.ageBand === '60+' || (p.ageBand === null && has('elderly'))) counts.elderly++;
    else if (p.ageBand === '18-59') counts.adults++;
    else counts.ageNotRecorded++;
    if (has('wounded') && p.triage === 'T1') counts.t1Wounded++;
    else if (has('wounded')) counts.otherWounded++;
    if (has('needs_stretcher')) counts.stretcherCases++;
    if (has('needs_wheelchair')) counts.wheelchairUsers++;
    if (has('pregnant')) counts.pregnant++;
  }
  return counts;
}

/** What one notification says, as sent; the same for every party but the addressee. */
export interface NotificationContent {
  party: { id: string; name: string; shortName: string | null };
  movement: {
    convoyCode: string;
    site: string;
    plannedDeparture: string;
    plannedArrival: string;
    pauseWindow: { name: string; start: string; end: string } | null;
  };
  route: Array<{ seq: number; kind: string; place: string; plannedAt: string }>;
  vehicles: {
    count: number;
    items: Array<{ kind: string; label: string; marking: string | null; crew: number }>;
  };
  crew: number;
  passengers: PassengerCounts;
}

/** Two contents say the same to a party when all but the addressee is equal. */
export const sameMovement = (a: NotificationContent, b: NotificationContent): boolean =>
  JSON.stringify({ ...a, party: null }, sortedKeys) === JSON.stringify({ ...b, party: null }, sortedKeys);

// Stored contents come back from jsonb with their keys in another order.
function sortedKeys(_key: string, value: unknown): unknown {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? Object.fromEntries(
        Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
      )
    : value;
}

export interface AnswerRecord {
  answer: NotificationAnswer;
  answeredAt: string;
  recordedAt: string;
}

/** The answer that counts: the one given last (ties broken by when it was recorded). */
export function latestAnswer<A extends AnswerRecord>(answers: readonly A[]): A | undefined {
  return [...answers].sort(
    (a, b) =>
      Date.parse(a.answeredAt) - Date.parse(b.answeredAt) ||
      Date.parse(a.recordedAt) - Date.parse(b.recordedAt),
  )[answers.length - 1];
}
