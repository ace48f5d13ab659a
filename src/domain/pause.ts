import { instantOf, showIn } from './time.ts';

export const pauseKinds = ['ceasefire', 'humanitarian_pause', 'corridor'] as const;
export type PauseKind = (typeof pauseKinds)[number];

export const acceptanceAnswers = ['accepted', 'rejected', 'no_answer'] as const;
export type AcceptanceAnswer = (typeof acceptanceAnswers)[number];

/** What a workable agreement needs; each is agreed or not (ICRC/OCHA practice for safe passage). */
export const agreementElements = ['time', 'places', 'route', 'who_may_leave', 'aid_may_enter'] as const;
export type AgreementElement = (typeof agreementElements)[number];

export const pauseStates = [
  'announced_unilaterally',
  'agreed',
  'active',
  'suspended',
  'violated',
  'ended',
] as const;
export type PauseState = (typeof pauseStates)[number];

/** Incident types whose occurrence inside a window breaks it. */
export const breachingIncidentTypes = ['shelling', 'attack_on_convoy', 'breach_of_pause', 'gunfire'] as const;

export interface Acceptance {
  partyId: string;
  answer: AcceptanceAnswer;
  answeredAt: string | null;
}

export interface PauseTimes {
  announcedBy: string;
  announcedZone: string;
  announcedStartLocal: string;
  announcedEndLocal: string;
  effectiveStart: string | null;
  effectiveEnd: string | null;
  suspendedAt: string | null;
  resumedAt: string | null;
}

export interface DerivedPause {
  state: PauseState;
  /** Why the state is what it is, in words a coordinator can check against the data. */
  because: string;
  announcedStart: Date;
  announcedEnd: Date;
  /** Minutes between the announced and the observed start; null until a start is observed. */
  lateStartMinutes: number | null;
  acceptedBy: string[];
  rejectedBy: string[];
  awaiting: string[];
  breaches: number;
}

export function announcedInstants(
  p: Pick<PauseTimes, 'announcedStartLocal' | 'announcedEndLocal' | 'announcedZone'>,
) {
  return {
    start: instantOf(p.announcedStartLocal, p.announcedZone, 'announcedStart'),
    end: instantOf(p.announcedEndLocal, p.announcedZone, 'announcedEnd'),
  };
}

/**
 * The state of a pause window at an instant, from its data alone:
 * - ended: the observed end (or, without one, the announced end) has passed;
 * - violated: a breaching incident is linked to the window, at or after its start and by now;
 * - suspended: a suspension is recorded and not yet lifted;
 * - active: its start was observed (late or not) and it has not ended;
 * - agreed: another party than the announcer accepted and none rejected;
 * - announced_unilaterally: otherwise — only the announcer stands behind it.
 */
export function derivePause(
  p: PauseTimes,
  acceptances: readonly Acceptance[],
  incidentTimes: readonly string[],
  at: Date,
): DerivedPause {
  const { start: announcedStart, end: announcedEnd } = announcedInstants(p);
  const t = at.getTime();
  const answered = (answer: AcceptanceAnswer) =>
    acceptances
      .filter((a) => a.answer === answer && (a.answeredAt === null || Date.parse(a.answeredAt) <= t))
      .map((a) => a.partyId);
  const acceptedBy = [...new Set([p.announcedBy, ...answered('accepted')])];
  const rejectedBy = answered('rejected');
  const awaiting = acceptances
    .map((a) => a.partyId)
    .filter((id) => !acceptedBy.includes(id) && !rejectedBy.includes(id));
  const start = p.effectiveStart ? Date.parse(p.effectiveStart) : announcedStart.getTime();
  const end = p.effectiveEnd ? Date.parse(p.effectiveEnd) : announcedEnd.getTime();
  const breaches = incidentTimes
    .map(Date.parse)
    .filter((time) => time >= start && time <= Math.min(t, end)).length;
  const lateStartMinutes = p.effectiveStart
    ? Math.round((Date.parse(p.effectiveStart) - announcedStart.getTime()) / 60000)
    : null;
  const base = { announcedStart, announcedEnd, lateStartMinutes, acceptedBy, rejectedBy, awaiting, breaches };

  if (t >= end)
    return {
      ...base,
      state: 'ended',
      because: p.effectiveEnd ? 'the observed end has passed' : 'the announced end has passed',
    };
  if (breaches > 0)
    return {
      ...base,
      state: 'violated',
      because: `${breaches} breaching incident(s) reported since the window began`,
    };
  const suspended =
    p.suspendedAt !== null &&
    Date.parse(p.suspendedAt) <= t &&
    (p.resumedAt === null || Date.parse(p.resumedAt) > t);
  if (suspended) return { ...base, state: 'suspended', because: 'a suspension is recorded and not lifted' };
  if (p.effectiveStart && Date.parse(p.effectiveStart) <= t)
    return {
      ...base,
      state: 'active',
      because:
        lateStartMinutes && lateStartMinutes > 0
          ? `started ${lateStartMinutes} min late`
          : 'its start was observed',
    };
  const agreed = acceptedBy.length > 1 && rejectedBy.length === 0;
  if (agreed)
    return {
      ...base,
      state: 'agreed',
      because: `accepted by ${acceptedBy.length} parties, rejected by none`,
    };
  return {
    ...base,
    state: 'announced_unilaterally',
    because:
      rejectedBy.length > 0
        ? `rejected by ${rejectedBy.length} party(ies)`
        : 'no other party has accepted it',
  };
}

/** A window's times as announced, in UTC and in the site's zone, for display. */
export function pauseTimesShown(p: PauseTimes, siteZone: string) {
  const { start, end } = announcedInstants(p);
  return {
    announced: { start: p.announcedStartLocal, end: p.announcedEndLocal, zone: p.announcedZone },
    utc: { start: start.toISOString(), end: end.toISOString() },
    siteZone: { start: showIn(start, siteZone), end: showIn(end, siteZone) },
  };
}
