import { announcedInstants } from '../../domain/pause.ts';
import { isTimeZone } from '../../domain/site.ts';
import type { SiteFile } from '../format.ts';

export interface CheckContext {
  add(path: string, reason: string): void;
  claimId(id: string, path: string): void;
  checkTime(value: string | null | undefined, path: string): void;
  pointKind(id: string): string | undefined;
}

/** The rules of the parties, sources, pauses, incidents and claims sections that a schema cannot say. */
export function eventProblems(file: SiteFile, ctx: CheckContext): void {
  const { add, claimId, checkTime } = ctx;
  const parties = new Set<string>();
  const names = new Map<string, string>();
  (file.parties ?? []).forEach((party, i) => {
    claimId(party.id, `$.parties[${i}].id`);
    parties.add(party.id);
    const first = names.get(party.name);
    if (first) add(`$.parties[${i}].name`, `duplicate party name, first used at ${first}`);
    else names.set(party.name, `$.parties[${i}].name`);
  });
  const partyRef = (id: string | null | undefined, path: string) => {
    if (id && !parties.has(id)) add(path, `refers to party ${id}, which is not in $.parties`);
  };

  const sources = new Set<string>();
  (file.sources ?? []).forEach((source, i) => {
    claimId(source.id, `$.sources[${i}].id`);
    sources.add(source.id);
    partyRef(source.partyId, `$.sources[${i}].partyId`);
    checkTime(source.publishedAt, `$.sources[${i}].publishedAt`);
  });
  const sourceRef = (id: string | null | undefined, path: string) => {
    if (id && !sources.has(id)) add(path, `refers to source ${id}, which is not in $.sources`);
  };

  const pauses = new Set<string>();
  (file.pauses ?? []).forEach((pause, i) => {
    const at = `$.pauses[${i}]`;
    claimId(pause.id, `${at}.id`);
    pauses.add(pause.id);
    partyRef(pause.announcedBy, `${at}.announcedBy`);
    sourceRef(pause.announcementSourceId, `${at}.announcementSourceId`);
    for (const field of [
      'announcedAt',
      'effectiveStart',
      'effectiveEnd',
      'suspendedAt',
      'resumedAt',
    ] as const)
      checkTime(pause[field], `${at}.${field}`);
    if (!isTimeZone(pause.announcedZone))
      add(`${at}.announcedZone`, `${pause.announcedZone} is not an IANA time zone`);
    else {
      try {
        const { start, end } = announcedInstants({
          announcedStartLocal: pause.announcedStart,
          announcedEndLocal: pause.announcedEnd,
          announcedZone: pause.announcedZone,
        });
        if (end <= start) add(`${at}.announcedEnd`, 'the window must end after it starts');
      } catch (error) {
        add(`${at}.announcedStart`, (error as Error).message);
      }
    }
    if (
      pause.effectiveStart &&
      pause.effectiveEnd &&
      Date.parse(pause.effectiveEnd) <= Date.parse(pause.effectiveStart)
    )
      add(`${at}.effectiveEnd`, 'the observed end must come after the observed start');
    if (
      pause.resumedAt &&
      (!pause.suspendedAt || Date.parse(pause.resumedAt) <= Date.parse(pause.suspendedAt))
    )
      add(`${at}.resumedAt`, 'a window resumes only after a recorded suspension');
    (pause.scope?.pickupPointIds ?? []).forEach((id, p) => {
      const kind = ctx.pointKind(id);
      if (kind !== 'pickup_point' && kind !== 'exit')
        add(
          `${at}.scope.pickupPointIds[${p}]`,
          `refers to ${id}, which is not a pickup point or exit in $.points`,
        );
    });
    const answered = new Set<string>();
    (pause.acceptances ?? []).forEach((acceptance, a) => {
      partyRef(acceptance.partyId, `${at}.acceptances[${a}].partyId`);
      sourceRef(acceptance.sourceId, `${at}.acceptances[${a}].sourceId`);
      checkTime(acceptance.answeredAt, `${at}.acceptances[${a}].answeredAt`);
      if (answered.has(acceptance.partyId))
        add(`${at}.acceptances[${a}].partyId`, 'this party already answered this window');
      answered.add(acceptance.partyId);
      if (acceptance.partyId === pause.announcedBy && acceptance.answer !== 'accepted')
        add(`${at}.acceptances[${a}].answer`, 'the announcing party cannot reject its own window');
    });
  });
  const pauseRef = (id: string | null | undefined, path: string) => {
    if (id && !pauses.has(id)) add(path, `refers to pause window ${id}, which is not in $.pauses`);
  };

  const incidents = new Set<string>();
  (file.incidents ?? []).forEach((incident, i) => {
    const at = `$.incidents[${i}]`;
    claimId(incident.id, `${at}.id`);
    incidents.add(incident.id);
    checkTime(incident.occurredAt, `${at}.occurredAt`);
    pauseRef(incident.pauseWindowId, `${at}.pauseWindowId`);
    if (incident.pointId) {
      const kind = ctx.pointKind(incident.pointId);
      if (!kind) add(`${at}.pointId`, `refers to ${incident.pointId}, which is not in $.points`);
      else if (incident.placeKind === 'shelter' && kind !== 'shelter')
        add(`${at}.pointId`, `refers to a ${kind}, not a shelter`);
    } else if (incident.placeKind === 'shelter')
      add(`${at}.pointId`, 'an incident in a shelter names the shelter');
  });

  (file.claims ?? []).forEach((claim, i) => {
    const at = `$.claims[${i}]`;
    claimId(claim.id, `${at}.id`);
    checkTime(claim.statedAt, `${at}.statedAt`);
    partyRef(claim.partyId, `${at}.partyId`);
    sourceRef(claim.sourceId, `${at}.sourceId`);
    pauseRef(claim.pauseWindowId, `${at}.pauseWindowId`);
    if (claim.incidentId && !incidents.has(claim.incidentId))
      add(`${at}.incidentId`, `refers to incident ${claim.incidentId}, which is not in $.incidents`);
    if (claim.subject === 'incident' && !claim.incidentId)
      add(`${at}.incidentId`, 'a claim about an incident names the incident');
    if (claim.subject !== 'incident' && claim.incidentId)
      add(`${at}.incidentId`, 'is given only when the subject is an incident');
    if (claim.subject === 'pause_window' && !claim.pauseWindowId)
      add(`${at}.pauseWindowId`, 'a claim about a pause window names it');
    if ((claim.subject === 'figure') !== Boolean(claim.figure))
      add(
        `${at}.figure`,
        claim.figure
          ? 'is given only when the subject is a figure'
          : 'a reported figure needs its metric and value',
      );
    // The history must lead, step by step, from unverified to the status the claim has now.
    let status = 'unverified';
    (claim.verificationHistory ?? []).forEach((step, s) => {
      checkTime(step.at, `${at}.verificationHistory[${s}].at`);
      if (step.from !== status)
        add(`${at}.verificationHistory[${s}].from`, `must be ${status}, the status before this step`);
      status = step.to;
    });
    if ((claim.verification ?? 'unverified') !== status)
      add(`${at}.verification`, `must be ${status}, where its verification history ends`);
  });
}
