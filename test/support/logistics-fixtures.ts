import type { TestApp } from './app.ts';
import { call, type Fixtures } from './fixtures.ts';

/** Ids of the fleet and road out of the fixtures' site, and of plans in each state. */
export interface LogisticsFixtures {
  depotId: string;
  busId: string;
  ambulanceId: string;
  screeningId: string;
  checkpointId: string;
  receptionId: string;
  pickupRouteId: string;
  depotTravelId: string;
  screeningTravelId: string;
  returnTravelId: string;
  /** An agreed window (a second party accepted it) and that party. */
  agreedPauseId: string;
  mediatorId: string;
  /** A household of two registered for the plans: the adult is no longer ready after the draft was made. */
  plannedAdultId: string | null;
  plannedChildId: string | null;
  /** A draft carrying that household, which cannot be accepted: its adult is sheltering again. */
  draftPlanId: string;
  discardedPlanId: string;
}

const post = <T = { id: string }>(t: TestApp, url: string, payload: unknown) =>
  call<T>(t, 'coordinator', 'POST', url, payload, 201);

/**
 * A depot with a bus and an ambulance, a screening point, a checkpoint and a reception point, the
 * route from the exit E1 to screening and the drives between them, and an agreed pause window on
 * 6 May 2022 (05:00–15:00 UTC). Unless told not to, a household of two in the fixtures' shelter is
 * registered, made ready and planned in a draft, then its adult goes back to sheltering; another
 * plan is discarded. The fixtures' own people are left as they were. Everything goes through the API.
 */
export async function seedLogistics(
  t: TestApp,
  f: Fixtures,
  options: { plannedHousehold: boolean } = { plannedHousehold: true },
): Promise<LogisticsFixtures> {
  const site = `/api/sites/${f.siteId}`;
  const depot = await post(t, `${site}/depots`, { name: 'Zaporizhzhia depot' });
  const bus = await post(t, `${site}/vehicles`, {
    depotId: depot.id,
    label: 'Bus 1',
    kind: 'bus',
    plateOrMarking: 'ICRC 01',
    seats: 40,
  });
  const ambulance = await post(t, `${site}/vehicles`, {
    depotId: depot.id,
    label: 'Ambulance 1',
    kind: 'ambulance',
    seats: 2,
    stretcherPlaces: 2,
  });
  const screening = await post(t, `${site}/road-points`, {
    kind: 'screening_point',
    name: 'Bezimenne',
    localName: 'Безіменне',
    expectedDelayMinutes: 90,
  });
  const checkpoint = await post(t, `${site}/road-points`, { kind: 'checkpoint', name: 'Tokmak' });
  const reception = await post(t, `${site}/road-points`, {
    kind: 'reception_point',
    name: 'Zaporizhzhia reception centre',
  });
  const route = await post(t, `${site}/pickup-routes`, {
    pickupPointId: f.exitId,
    screeningPointId: screening.id,
    approachMinutes: 20,
    minutesToScreening: 40,
  });
  const depotTravel = await post(t, `${site}/travel-times`, {
    fromId: depot.id,
    toId: f.exitId,
    minutes: 180,
  });
  const screeningTravel = await post(t, `${site}/travel-times`, {
    fromId: screening.id,
    toId: reception.id,
    minutes: 300,
    via: [checkpoint.id],
  });
  const returnTravel = await post(t, `${site}/travel-times`, {
    fromId: reception.id,
    toId: f.exitId,
    minutes: 320,
  });
  const mediator = await post(t, '/api/parties', { name: 'Test mediator', kind: 'other' });
  const pause = await post(t, '/api/pauses', {
    siteId: f.siteId,
    name: 'Agreed window',
    kind: 'humanitarian_pause',
    announcedBy: f.partyId,
    announcedAt: '2022-05-05T12:00:00Z',
    announcedZone: 'Europe/Kyiv',
    announcedStart: '2022-05-06T08:00',
    announcedEnd: '2022-05-06T18:00',
  });
  await call(
    t,
    'coordinator',
    'PUT',
    `/api/pauses/${pause.id}/acceptances/${mediator.id}`,
    { answer: 'accepted', answeredAt: '2022-05-05T18:00:00Z' },
    200,
  );
  const discarded = await post(t, `${site}/plans`, { at: '2022-05-06T00:00:00Z', timeLimitSeconds: 2 });
  await call(t, 'coordinator', 'POST', `/api/plans/${discarded.id}/discard`, undefined, 200);
  const planned = options.plannedHousehold ? await readyHousehold(t, f) : null;
  const draft = await post(t, `${site}/plans`, { at: '2022-05-06T00:00:00Z', timeLimitSeconds: 2 });
  if (planned)
    await call(t, 'field', 'POST', `/api/people/${planned.adultId}/status`, { status: 'sheltering' }, 200);
  return {
    depotId: depot.id,
    busId: bus.id,
    ambulanceId: ambulance.id,
    screeningId: screening.id,
    checkpointId: checkpoint.id,
    receptionId: reception.id,
    pickupRouteId: route.id,
    depotTravelId: depotTravel.id,
    screeningTravelId: screeningTravel.id,
    returnTravelId: returnTravel.id,
    agreedPauseId: pause.id,
    mediatorId: mediator.id,
    plannedAdultId: planned?.adultId ?? null,
    plannedChildId: planned?.childId ?? null,
    draftPlanId: draft.id,
    discardedPlanId: discarded.id,
  };
}

/** An adult and a child (the adult as guardian) in the fixtures' shelter, both ready. */
async function readyHousehold(t: TestApp, f: Fixtures): Promise<{ adultId: string; childId: string }> {
  const household = await call<{ id: string }>(
    t,
    'field',
    'POST',
    '/api/households',
    { siteId: f.siteId },
    201,
  );
  const register = (given: string, extra: Record<string, unknown>) =>
    call<{ id: string }>(
      t,
      'field',
      'POST',
      '/api/people',
      {
        siteId: f.siteId,
        shelterId: f.shelterId,
        householdId: household.id,
        names: [{ family: 'Planned', given }],
        sex: 'unknown',
        ...extra,
      },
      201,
    );
  const adult = await register('Adult', { ageBand: '18-59' });
  const child = await register('Child', { ageBand: '5-11', guardians: [{ personId: adult.id }] });
  for (const id of [adult.id, child.id])
    await call(t, 'field', 'POST', `/api/people/${id}/status`, { status: 'ready' }, 200);
  return { adultId: adult.id, childId: child.id };
}
