import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConvoyView } from '../src/services/convoy-view.ts';
import type { PlanView } from '../src/services/plan-view.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { type ConvoyFixtures, seedConvoy } from './support/convoy-fixtures.ts';
import { backendName, snapshot } from './support/database.ts';
import { call, type Fixtures, seedSite } from './support/fixtures.ts';
import { expectError } from './support/http.ts';
import { type LogisticsFixtures, seedLogistics } from './support/logistics-fixtures.ts';

// Convoys made from the accepted plan of the fixtures' small site: a household of three planned on
// 6 May 2022 in the agreed window, from the depot through the exit E1, the screening point
// Bezimenne and the checkpoint Tokmak to the reception centre.

let t: TestApp;
let f: Fixtures;
let l: LogisticsFixtures;
let c: ConvoyFixtures;
let plan: PlanView;

const view = (id: string, role: 'coordinator' | 'reception' | 'field' = 'coordinator') =>
  call<ConvoyView>(t, role, 'GET', `/api/convoys/${id}?at=2022-05-06T01:00:00Z`, undefined, 200);

beforeAll(async () => {
  t = await openTestApp();
  f = await seedSite(t);
  l = await seedLogistics(t, f);
  c = await seedConvoy(t, f);
  plan = await call<PlanView>(t, 'coordinator', 'GET', `/api/plans/${c.planId}`, undefined, 200);
}, 300_000);
afterAll(() => t.close());

describe(`convoys from the accepted plan (${backendName})`, () => {
  it('makes one convoy for the trip: the vehicle with its marking, the route with the trip’s times', async () => {
    expect(plan.trips).toHaveLength(1);
    const trip = plan.trips[0]!;
    const convoy = await view(c.convoyId);
    expect(convoy).toMatchObject({
      code: 'C-1',
      status: 'planned',
      planId: c.planId,
      siteId: f.siteId,
      pauseWindowId: l.agreedPauseId,
      pauseWindow: { id: l.agreedPauseId, name: 'Agreed window', state: 'agreed' },
      plannedDeparture: trip.departure,
      plannedArrival: trip.arrival,
      manifestLockedAt: null,
      createdBy: 'coordinator-user',
    });
    expect(convoy.vehicles).toHaveLength(1);
    expect(convoy.vehicles[0]).toMatchObject({
      vehicleId: trip.vehicle.id,
      tripId: trip.id,
      marking: trip.vehicle.plateOrMarking,
      crewSize: trip.vehicle.kind === 'ambulance' ? 2 : 1,
      manifest: { expected: 3, boarded: 0, total: 3 },
    });
    expect(convoy.waypoints.map((w) => [w.seq, w.kind, w.name, w.plannedAt])).toEqual([
      [1, 'depot', 'Zaporizhzhia depot', trip.departure],
      [2, 'pickup_point', 'E1 North gate', trip.atPickup],
      [3, 'screening_point', 'Bezimenne', trip.leaveZone],
      // Tokmak lies on the 300-minute drive after the 90 minutes expected at screening: half-way.
      [4, 'checkpoint', 'Tokmak', new Date(Date.parse(trip.leaveZone) + (90 + 150) * 60_000).toISOString()],
      [5, 'reception_point', 'Zaporizhzhia reception centre', trip.arrival],
    ]);
    expect(convoy.waypoints.map((w) => w.placeId)).toEqual([
      l.depotId,
      f.exitId,
      l.screeningId,
      l.checkpointId,
      l.receptionId,
    ]);
    expect(convoy.manifest).toEqual({ expected: 3, boarded: 0, no_show: 0, replaced: 0, total: 3 });
  });

  it('puts every member of the trip’s household on the manifest, expected on the planned vehicle', async () => {
    const { rows } = await t.db.query<{ person_id: string; vehicle_id: string; status: string }>(
      'SELECT person_id, vehicle_id, status FROM manifest_entry WHERE convoy_id = $1 ORDER BY person_id',
      [c.convoyId],
    );
    expect(rows.map((r) => r.person_id).sort()).toEqual([c.motherId, c.daughterId, c.grandfatherId].sort());
    expect(new Set(rows.map((r) => `${r.vehicle_id} ${r.status}`))).toEqual(
      new Set([`${plan.trips[0]!.vehicle.id} expected`]),
    );
  });

  it('answers a second request with the same convoys and writes nothing', async () => {
    const before = await snapshot(t.db);
    const again = await call<{ created: boolean; convoys: ConvoyView[] }>(
      t,
      'coordinator',
      'POST',
      `/api/plans/${c.planId}/convoys`,
      undefined,
      200,
    );
    expect(again.created).toBe(false);
    expect(again.convoys.map((x) => x.id)).toEqual([c.convoyId]);
    expect(await snapshot(t.db)).toBe(before);
  });

  it('lists the site’s convoys for the roles that run and receive them', async () => {
    for (const role of ['coordinator', 'field', 'reception', 'admin'] as const) {
      const list = await call<{ items: ConvoyView[] }>(
        t,
        role,
        'GET',
        `/api/sites/${f.siteId}/convoys`,
        undefined,
        200,
      );
      expect(list.items.map((x) => [x.code, x.manifest.total])).toEqual([['C-1', 3]]);
    }
    expectError(
      await t.app.inject({ method: 'GET', url: `/api/sites/${f.siteId}/convoys`, headers: t.as('observer') }),
      403,
      'forbidden',
    );
  });

  it('makes convoys from the accepted plan only', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/plans/${l.draftPlanId}/convoys`,
      headers: t.as('coordinator'),
    });
    expectError(response, 409, 'conflict');
    expect(response.json().error.message).toContain('draft');
  });
});

describe(`a new plan over a planned convoy (${backendName})`, () => {
  let replanned: string;
  let latecomer: string;

  it('refuses the new plan’s convoys while its people are still expected on the old convoy', async () => {
    latecomer = (
      await call<{ id: string }>(
        t,
        'field',
        'POST',
        '/api/people',
        {
          siteId: f.siteId,
          shelterId: f.shelterId,
          names: [{ family: 'Late', given: 'Comer' }],
          sex: 'unknown',
          ageBand: '18-59',
        },
        201,
      )
    ).id;
    await call(t, 'field', 'POST', `/api/people/${latecomer}/status`, { status: 'ready' }, 200);
    replanned = (
      await call<{ id: string }>(
        t,
        'coordinator',
        'POST',
        `/api/sites/${f.siteId}/plans`,
        { at: '2022-05-06T00:00:00Z', timeLimitSeconds: 2 },
        201,
      )
    ).id;
    await call(t, 'coordinator', 'POST', `/api/plans/${replanned}/accept`, undefined, 200);
    // Found missing before the convoys are made: not to be put on a manifest.
    await call(t, 'field', 'POST', `/api/people/${latecomer}/status`, { status: 'missing' }, 200);
    const before = await snapshot(t.db);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/plans/${replanned}/convoys`,
      headers: t.as('coordinator'),
    });
    expectError(response, 409, 'conflict');
    expect(response.json().error.message).toContain('already on the manifest of convoy C-1');
    expect(await snapshot(t.db)).toBe(before);
  });

  it('cancels the old convoy with a reason, then makes the new one once, though asked twice at once', async () => {
    const cancelled = await call<{ status: string; cancelledReason: string }>(
      t,
      'coordinator',
      'POST',
      `/api/convoys/${c.convoyId}/cancel`,
      { reason: 're-planned with a latecomer' },
      200,
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelledReason: 're-planned with a latecomer' });
    const ask = () =>
      t.app.inject({ method: 'POST', url: `/api/plans/${replanned}/convoys`, headers: t.as('coordinator') });
    // Two coordinators press the button at the same moment: the plan's row lock lets one make them.
    const answers = await Promise.all([ask(), ask()]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 201]);
    const made = answers.find((a) => a.statusCode === 201)!.json() as {
      convoys: ConvoyView[];
      notOnManifest: unknown[];
    };
    const other = answers.find((a) => a.statusCode === 200)!.json() as { convoys: ConvoyView[] };
    expect(other.convoys.map((x) => x.id)).toEqual(made.convoys.map((x) => x.id));
    const { rows } = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM convoy WHERE plan_id = $1',
      [replanned],
    );
    expect(rows[0]!.n).toBe(made.convoys.length);
    expect(made.convoys.map((x) => [x.code, x.manifest.expected])).toEqual([['C-2', 3]]);
    expect(made.notOnManifest).toEqual([{ personId: latecomer, status: 'missing' }]);
  });

  it('refuses to cancel a convoy once someone has boarded it, and writes nothing', async () => {
    const convoy = (
      await call<{ items: ConvoyView[] }>(
        t,
        'coordinator',
        'GET',
        `/api/sites/${f.siteId}/convoys`,
        undefined,
        200,
      )
    ).items.find((x) => x.code === 'C-2')!;
    await call(t, 'field', 'POST', `/api/convoys/${convoy.id}/boarding`, { personId: c.motherId }, 200);
    const before = await snapshot(t.db);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/convoys/${convoy.id}/cancel`,
      headers: t.as('coordinator'),
      payload: { reason: 'road closed at Tokmak' },
    });
    expectError(response, 409, 'conflict');
    expect(response.json().error.message).toContain('1 person has boarded convoy C-2');
    expect(await snapshot(t.db)).toBe(before);
  });

  it('departs a flagged convoy only on an override, and keeps the reason with the flags it overrode', async () => {
    const list = await call<{ items: ConvoyView[] }>(
      t,
      'coordinator',
      'GET',
      `/api/sites/${f.siteId}/convoys?at=2022-05-06T01:00:00Z`,
      undefined,
      200,
    );
    const convoy = list.items.find((x) => x.code === 'C-2')!;
    expect(convoy.flags.map((x) => x.code)).toEqual(['not_notified', 'not_notified']);
    const before = await snapshot(t.db);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/convoys/${convoy.id}/depart`,
      headers: t.as('coordinator'),
      payload: { departedAt: '2022-05-06T02:00:00Z' },
    });
    expectError(refused, 409, 'conflict');
    expect(refused.json().error.message).toContain('has not been notified');
    expect(await snapshot(t.db)).toBe(before);
    const reason = 'both parties told by phone at 01:30; written notification to follow';
    const departed = await call<{
      convoy: ConvoyView;
      flags: Array<{ code: string }>;
      override: { reason: string };
    }>(
      t,
      'coordinator',
      'POST',
      `/api/convoys/${convoy.id}/depart`,
      { departedAt: '2022-05-06T02:00:00Z', override: { reason } },
      200,
    );
    expect(departed.override).toEqual({ reason });
    expect(departed.flags.map((x) => x.code)).toEqual(['not_notified', 'not_notified']);
    expect(departed.convoy.departure).toMatchObject({ by: 'coordinator-user', override: { reason } });
    expect((await view(convoy.id)).departure?.flags).toHaveLength(2);
  });
});
