import type { TestApp } from './app.ts';
import { call, type Fixtures } from './fixtures.ts';

/** Ids of an accepted plan of the fixtures' site, its convoy and what is on it. */
export interface ConvoyFixtures {
  planId: string;
  convoyId: string;
  convoyCode: string;
  /** The vehicle the household travels in, and the convoy's other vehicle (if any). */
  vehicleId: string;
  /** The route in order: the depot first, the reception point last. */
  waypointIds: string[];
  depotWaypointId: string;
  pickupWaypointId: string;
  screeningWaypointId: string;
  checkpointWaypointId: string;
  receptionWaypointId: string;
  /** A household of three on the manifest (expected): a mother, her daughter of 8, her father of 70. */
  motherId: string;
  daughterId: string;
  grandfatherId: string;
  /** Registered on the site and assigned nowhere: not on any manifest. */
  strangerId: string;
  /** With `notified`: the notification sent to each party of the site (none answered), else empty. */
  notificationIds: string[];
}

interface Created {
  convoys: Array<{
    id: string;
    code: string;
    vehicles: Array<{ vehicleId: string; manifest: { total: number } }>;
    waypoints: Array<{ id: string; kind: string }>;
  }>;
}

/**
 * A household of three in the fixtures' shelter made ready, planned on 6 May 2022 in the logistics
 * fixtures' agreed window, accepted, and its convoy made; when asked, notified to the site's parties
 * on the evening before (so a departure on 6 May at 02:00 UTC is not flagged, one now is: the window
 * has ended). Everything goes through the API. Call it after seedLogistics; the logistics' seeded
 * draft stays a draft.
 */
export async function seedConvoy(
  t: TestApp,
  f: Fixtures,
  options: { notified: boolean } = { notified: false },
): Promise<ConvoyFixtures> {
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
        names: [{ family: 'Convoy', given }],
        sex: 'unknown',
        ...extra,
      },
      201,
    );
  const mother = await register('Mother', { householdId: household.id, birthYear: 1990 });
  const daughter = await register('Daughter', {
    householdId: household.id,
    birthDate: '2014-02-01',
    vulnerabilities: ['child'],
    guardians: [{ personId: mother.id, relation: 'mother' }],
  });
  const grandfather = await register('Grandfather', {
    householdId: household.id,
    ageBand: '60+',
    vulnerabilities: ['elderly'],
  });
  const stranger = await register('Stranger', { ageBand: '18-59' });
  for (const id of [mother.id, daughter.id, grandfather.id])
    await call(t, 'field', 'POST', `/api/people/${id}/status`, { status: 'ready' }, 200);
  const plan = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    `/api/sites/${f.siteId}/plans`,
    { at: '2022-05-06T00:00:00Z', timeLimitSeconds: 2 },
    201,
  );
  await call(t, 'coordinator', 'POST', `/api/plans/${plan.id}/accept`, undefined, 200);
  const created = await call<Created>(
    t,
    'coordinator',
    'POST',
    `/api/plans/${plan.id}/convoys`,
    undefined,
    201,
  );
  const convoy = created.convoys.find((c) => c.vehicles.some((v) => v.manifest.total > 0))!;
  const waypoint = (kind: string) => convoy.waypoints.find((w) => w.kind === kind)!.id;
  const notified = options.notified
    ? await call<{ sent: Array<{ id: string }> }>(
        t,
        'coordinator',
        'POST',
        `/api/convoys/${convoy.id}/notifications`,
        { channel: 'email', sentAt: '2022-05-05T20:00:00Z' },
        201,
      )
    : { sent: [] };
  return {
    planId: plan.id,
    convoyId: convoy.id,
    convoyCode: convoy.code,
    vehicleId: convoy.vehicles.find((v) => v.manifest.total > 0)!.vehicleId,
    waypointIds: convoy.waypoints.map((w) => w.id),
    depotWaypointId: waypoint('depot'),
    pickupWaypointId: waypoint('pickup_point'),
    screeningWaypointId: waypoint('screening_point'),
    checkpointWaypointId: waypoint('checkpoint'),
    receptionWaypointId: waypoint('reception_point'),
    motherId: mother.id,
    daughterId: daughter.id,
    grandfatherId: grandfather.id,
    strangerId: stranger.id,
    notificationIds: notified.sent.map((n) => n.id),
  };
}
