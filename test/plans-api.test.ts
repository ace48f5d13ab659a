import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanView } from '../src/services/plan-view.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName } from './support/database.ts';
import { call, type Fixtures, seedSite } from './support/fixtures.ts';
import { type LogisticsFixtures, seedLogistics } from './support/logistics-fixtures.ts';

// The logistics a plan depends on, through the API on the fixtures' small site: one shelter, one
// exit used as pickup point, a bus and an ambulance, an agreed window on 6 May 2022. The seeded
// household's adult went back to sheltering after the seeded draft, its child is still ready.

let t: TestApp;
let f: Fixtures;
let l: LogisticsFixtures;

const plan = (payload: object = {}) =>
  call<PlanView>(
    t,
    'coordinator',
    'POST',
    `/api/sites/${f.siteId}/plans`,
    { at: '2022-05-06T00:00:00Z', timeLimitSeconds: 2, ...payload },
    201,
  );
const setStatus = (id: string, status: string) =>
  call(t, 'coordinator', 'POST', `/api/people/${id}/status`, { status }, 200);

beforeAll(async () => {
  t = await openTestApp();
  f = await seedSite(t);
  l = await seedLogistics(t, f);
}, 300_000);
afterAll(() => t.close());

describe(`logistics behind a plan (${backendName})`, () => {
  it('lists the fleet and the road out, with default settings until the site records its own', async () => {
    const logistics = await call<{
      vehicles: Array<{ label: string }>;
      roadPoints: Array<{ name: string; kind: string }>;
      travelTimes: Array<{ id: string; via: string[] }>;
      planningSettings: { recorded: boolean; loadingMinutesPerPerson: number };
    }>(t, 'reception', 'GET', `/api/sites/${f.siteId}/logistics`, undefined, 200);
    expect(logistics.vehicles.map((v) => v.label)).toEqual(['Ambulance 1', 'Bus 1']);
    expect(logistics.roadPoints.map((p) => [p.kind, p.name])).toEqual([
      ['checkpoint', 'Tokmak'],
      ['reception_point', 'Zaporizhzhia reception centre'],
      ['screening_point', 'Bezimenne'],
    ]);
    expect(logistics.travelTimes.find((x) => x.id === l.screeningTravelId)?.via).toEqual([l.checkpointId]);
    expect(logistics.planningSettings).toMatchObject({ recorded: false, loadingMinutesPerPerson: 0.5 });
  });

  it('leaves a child whose guardian is not ready out, for want of an escort', async () => {
    const draft = await plan();
    expect(draft.trips).toEqual([]);
    expect(draft.leftOut).toHaveLength(1);
    expect(draft.leftOut[0]).toMatchObject({ reason: 'child_without_escort' });
    expect(draft.leftOut[0]!.people.map((p) => p.id)).toEqual([l.plannedChildId]);
  }, 120_000);

  it('keeps a lost vehicle out of the plan and uses the loading times the site records', async () => {
    await setStatus(l.plannedAdultId!, 'ready');
    await call(t, 'coordinator', 'PATCH', `/api/vehicles/${l.busId}`, { status: 'lost' }, 200);
    await call(
      t,
      'coordinator',
      'PUT',
      `/api/sites/${f.siteId}/planning-settings`,
      { loadingMinutesPerPerson: 10, loadingMinutesPerStretcher: 5, loadingMinutesPerWheelchair: 3 },
      200,
    );
    const draft = await plan();
    expect(draft.vehiclesLeftOut).toEqual([{ id: l.busId, label: 'Bus 1', status: 'lost' }]);
    expect(draft.trips).toHaveLength(1);
    const [trip] = draft.trips;
    expect(trip!.vehicle).toMatchObject({
      id: l.ambulanceId,
      label: 'Ambulance 1',
      depotName: 'Zaporizhzhia depot',
    });
    expect(trip!.groups[0]!.people.map((p) => p.id).sort()).toEqual(
      [l.plannedAdultId, l.plannedChildId].sort(),
    );
    // Two people boarding ten minutes each, then 40 minutes to the screening point.
    expect((Date.parse(trip!.leaveZone) - Date.parse(trip!.atPickup)) / 60000).toBe(60);
    expect(draft.settings).toMatchObject({ recorded: true, loadingMinutesPerPerson: 10 });
    await call(t, 'coordinator', 'PATCH', `/api/vehicles/${l.busId}`, { status: 'available' }, 200);
  }, 120_000);

  it('weights people as the plan asks, over the site’s settings', async () => {
    const draft = await plan({ priorityWeights: { child: 100, other: 2 } });
    expect(draft.options.priorityWeights).toEqual({ child: 100, other: 2 });
    expect(draft.value.weightedEvacuated).toBe(102);
  }, 120_000);

  it('says a pickup point is unused when its screening point has no road to a reception point', async () => {
    const removed = await t.app.inject({
      method: 'DELETE',
      url: `/api/travel-times/${l.screeningTravelId}`,
      headers: t.as('coordinator'),
    });
    expect(removed.statusCode, removed.body).toBe(204);
    const draft = await plan();
    expect(draft.warnings).toEqual([
      'pickup point E1 is not used: no road is recorded from its screening point Bezimenne to a reception point',
    ]);
    expect(draft.leftOut[0]).toMatchObject({ reason: 'shelter_unreachable' });
    expect(draft.leftOut[0]!.explanation).toContain('no pickup point of the site has a road out recorded');
    await call(
      t,
      'coordinator',
      'POST',
      `/api/sites/${f.siteId}/travel-times`,
      { fromId: l.screeningId, toId: l.receptionId, minutes: 300 },
      201,
    );
  }, 120_000);

  it('names the blocked passage that cuts the shelter off', async () => {
    await call(
      t,
      'field',
      'POST',
      `/api/passages/${f.passageId}/reports`,
      { state: 'blocked', clearancePersonHours: 12 },
      201,
    );
    const draft = await plan();
    expect(draft.leftOut[0]).toMatchObject({ reason: 'shelter_unreachable' });
    expect(draft.leftOut[0]!.explanation).toBe(
      'the shelter cannot reach a pickup point: cut off: the way from S1 to E1 passes S1–E1 (blocked: about 12 person-hours to clear by hand)',
    );
  }, 120_000);
});
