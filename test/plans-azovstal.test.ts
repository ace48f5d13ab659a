import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { azovstalSiteFile, loadAzovstal } from '../src/scenario/azovstal.ts';
import type { SiteFile } from '../src/scenario/format.ts';
import type { PlanView } from '../src/services/plan-view.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName, snapshot } from './support/database.ts';
import { call } from './support/fixtures.ts';
import { expectError } from './support/http.ts';

// The evacuation planner through the API on the Azovstal scenario. Everyone there is sheltering and
// Moscow's ceasefire windows are unilateral, so the coordinator first marks people ready and records
// the ICRC's acceptance of two windows; then plans, accepts, re-plans after a window is cancelled and
// the ambulances are lost, and accepts again.

const file = JSON.parse(readFileSync(azovstalSiteFile, 'utf8')) as SiteFile;
const siteId = file.site.id;
const codeOf = new Map(file.points.map((p) => [p.id, p.code]));
const shelterCode = (personId: string) => codeOf.get(file.people.find((p) => p.id === personId)!.shelterId!)!;
const householdOf = (pred: (members: SiteFile['people']) => boolean, shelter: string, skip = 0) => {
  const households = file.households
    .map((h) => file.people.filter((p) => p.householdId === h.id))
    .filter((members) => codeOf.get(members[0]!.shelterId!) === shelter && pred(members));
  return households[skip]!.map((p) => p.id);
};
const has = (v: string) => (members: SiteFile['people']) =>
  members.some((m) => m.vulnerabilities?.includes(v as 'child'));

/** A household with a child and one with a wheelchair user (S01), a T1 stretcher case alone (S03). */
const withChild = householdOf(has('child'), 'S01');
const withWheelchair = householdOf(has('needs_wheelchair'), 'S01');
const stretcherCase = file.people.find(
  (p) =>
    p.triage === 'T1' && p.vulnerabilities?.includes('needs_stretcher') && codeOf.get(p.shelterId!) === 'S03',
)!.id;
/** S31 is cut off from every pickup point by a blocked passage. */
const cutOff = householdOf(() => true, 'S31');
/** Made ready only before the re-plan. */
const later = householdOf(
  (m) => !['child', 'needs_wheelchair', 'needs_stretcher'].some((v) => has(v)(m)),
  'S01',
  1,
);
const firstReady = [...withChild, ...withWheelchair, stretcherCase, ...cutOff];

const windowOn = (day: number) => file.pauses!.find((p) => p.announcedStart === `2022-05-0${day}T08:00`)!.id;
const icrc = file.parties!.find((p) => p.shortName === 'ICRC')!.id;
const ambulances = file.vehicles!.filter((v) => v.kind === 'ambulance').map((v) => v.id);

let t: TestApp;
let first: PlanView;
let second: PlanView;

const status = async (id: string) =>
  (await call<{ status: string }>(t, 'coordinator', 'GET', `/api/people/${id}`, undefined, 200)).status;
const plannedIn = (plan: PlanView) =>
  plan.trips.flatMap((trip) => trip.groups.flatMap((g) => g.people.map((p) => ({ trip, person: p }))));
const leftOutIn = (plan: PlanView) =>
  plan.leftOut.flatMap((g) => g.people.map((p) => ({ group: g, person: p })));

beforeAll(async () => {
  t = await openTestApp();
  await loadAzovstal(t.db, systemActor);
}, 300_000);
afterAll(() => t.close());

describe(`evacuation plans on the Azovstal scenario (${backendName})`, () => {
  it('plans every ready person or says why, within the agreed windows, with a bound', async () => {
    for (const id of firstReady)
      await call(t, 'coordinator', 'POST', `/api/people/${id}/status`, { status: 'ready' }, 200);
    for (const day of [6, 7])
      await call(
        t,
        'coordinator',
        'PUT',
        `/api/pauses/${windowOn(day)}/acceptances/${icrc}`,
        { answer: 'accepted', answeredAt: '2022-05-05T18:00:00Z' },
        200,
      );
    first = await call<PlanView>(
      t,
      'coordinator',
      'POST',
      `/api/sites/${siteId}/plans`,
      { at: '2022-05-06T00:00:00Z', timeLimitSeconds: 6 },
      201,
    );
    expect(first.status).toBe('draft');

    // Everyone ready is either on exactly one trip or left out with a reason, never both.
    const planned = plannedIn(first).map((x) => x.person.id);
    const left = leftOutIn(first).map((x) => x.person.id);
    expect(new Set(planned).size).toBe(planned.length);
    expect([...planned, ...left].sort()).toEqual([...firstReady].sort());
    expect(first.counts).toMatchObject({
      ready: firstReady.length,
      planned: planned.length,
      leftOut: left.length,
    });

    // The cut-off shelter's people are not plannable, and the plan names what blocks them.
    for (const { group, person } of leftOutIn(first)) {
      expect(cutOff).toContain(person.id);
      expect(person.shelterCode).toBe('S31');
      expect(group.reason).toBe('shelter_unreachable');
      expect(group.explanation).toMatch(/S29–S31 \(blocked: about 150 person-hours/);
    }
    expect(left.sort()).toEqual([...cutOff].sort());

    // The T1 stretcher case lies in an ambulance; the household with a child rides together.
    const onTrip = new Map(plannedIn(first).map((x) => [x.person.id, x]));
    const stretcher = onTrip.get(stretcherCase)!;
    expect(stretcher.person).toMatchObject({
      priority: 't1_wounded',
      needs: 'stretcher',
      shelterCode: 'S03',
    });
    expect(stretcher.trip.vehicle.kind).toBe('ambulance');
    expect(stretcher.trip.stretcherPlacesUsed).toBeGreaterThanOrEqual(1);
    expect(new Set(withChild.map((id) => onTrip.get(id)!.trip.id)).size).toBe(1);
    expect(withChild.map((id) => onTrip.get(id)!.person.child)).toContain(true);
    const wheelchair = plannedIn(first).find((x) => x.person.needs === 'wheelchair')!;
    expect(wheelchair.trip.wheelchairPlacesUsed).toBeGreaterThanOrEqual(1);

    // Only the agreed windows are used, and every trip is in the danger zone only inside its window.
    expect(first.windows.map((w) => w.id).sort()).toEqual([windowOn(6), windowOn(7)].sort());
    expect(first.windowsLeftOut.find((w) => w.id === windowOn(5))?.state).toBe('ended');
    for (const trip of first.trips) {
      const window = first.windows.find((w) => w.id === trip.window.id)!;
      expect(trip.enterZone >= window.start && trip.leaveZone <= window.end, trip.id).toBe(true);
      expect(trip.receptionPoint.name).toBe('Zaporizhzhia reception centre');
    }
    expect(first.bound.upperBound).toBeGreaterThanOrEqual(first.value.weightedEvacuated - 1e-9);
    expect(first.bound.gap).toBeGreaterThanOrEqual(0);
    expect(first.value.peopleEvacuated).toBe(planned.length);
  }, 300_000);

  it('shows the plan with names to the roles that see persons, and not at all to observers', async () => {
    const asReception = await call<PlanView>(t, 'reception', 'GET', `/api/plans/${first.id}`, undefined, 200);
    const person = plannedIn(asReception).find((x) => x.person.id === stretcherCase)!.person;
    const registered = file.people.find((p) => p.id === stretcherCase)!;
    expect(person.names).toEqual(registered.names);
    for (const url of [`/api/plans/${first.id}`, `/api/sites/${siteId}/plans`])
      expectError(await t.app.inject({ method: 'GET', url, headers: t.as('observer') }), 403, 'forbidden');
    const list = await call<{ items: Array<{ id: string; status: string }> }>(
      t,
      'field',
      'GET',
      `/api/sites/${siteId}/plans`,
      undefined,
      200,
    );
    expect(list.items.map((p) => [p.id, p.status])).toEqual([[first.id, 'draft']]);
  });

  it('accepting moves the planned people from ready to assigned, logged, and only once', async () => {
    const planned = plannedIn(first).map((x) => x.person.id);
    const accepted = await call<{ plan: PlanView; assigned: string[]; supersededPlanId: string | null }>(
      t,
      'coordinator',
      'POST',
      `/api/plans/${first.id}/accept`,
      undefined,
      200,
    );
    expect(accepted.plan).toMatchObject({ status: 'accepted', acceptedBy: 'coordinator-user' });
    expect(accepted.supersededPlanId).toBeNull();
    expect(accepted.assigned.sort()).toEqual([...planned].sort());
    for (const id of planned) expect(await status(id)).toBe('assigned');
    for (const id of cutOff) expect(await status(id)).toBe('ready');

    const history = await call<{
      items: Array<{ action: string; before: unknown; after: { reason?: string } }>;
    }>(t, 'coordinator', 'GET', `/api/people/${stretcherCase}/history`, undefined, 200);
    expect(history.items.at(-1)).toMatchObject({
      action: 'status',
      before: { status: 'ready' },
      after: { status: 'assigned', reason: `evacuation plan ${first.id} accepted` },
    });
    const log = await call<{ items: Array<{ action: string; actor: string }> }>(
      t,
      'coordinator',
      'GET',
      `/api/operations?entity=evacuation_plan&entityId=${first.id}`,
      undefined,
      200,
    );
    expect(log.items.map((o) => o.action)).toEqual(['create', 'accept']);
    expect(log.items.every((o) => o.actor === 'coordinator-user')).toBe(true);

    const before = await snapshot(t.db);
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/plans/${first.id}/accept`,
      headers: t.as('coordinator'),
    });
    expectError(again, 409, 'conflict');
    expect(again.json().error.message).toMatch(/only a draft can be accepted; this plan is accepted/);
    expect(await snapshot(t.db)).toBe(before);
  }, 120_000);

  it('re-plans after a window is cancelled and the ambulances are lost: trips move, the stretcher case is left out, people newly ready are added', async () => {
    for (const id of later)
      await call(t, 'field', 'POST', `/api/people/${id}/status`, { status: 'ready' }, 200);
    second = await call<PlanView>(
      t,
      'coordinator',
      'POST',
      `/api/plans/${first.id}/replan`,
      { cancelledWindowIds: [windowOn(6)], lostVehicleIds: ambulances, timeLimitSeconds: 6 },
      201,
    );
    expect(second).toMatchObject({ status: 'draft', basedOn: first.id, planStart: first.planStart });
    expect(second.replan).toMatchObject({
      cancelledWindowIds: [windowOn(6)],
      newlyReadyPeople: later.length,
      noLongerReadyPeople: 0,
    });
    expect([...second.replan!.lostVehicleIds].sort()).toEqual([...ambulances].sort());

    // Every trip now runs in the 7 May window, without an ambulance.
    expect(second.trips.length).toBeGreaterThan(0);
    for (const trip of second.trips) {
      expect(trip.window.id).toBe(windowOn(7));
      expect(ambulances).not.toContain(trip.vehicle.id);
    }
    const planned = new Set(plannedIn(second).map((x) => x.person.id));
    const left = new Map(leftOutIn(second).map((x) => [x.person.id, x.group]));
    for (const id of [...firstReady, ...later]) expect(planned.has(id) !== left.has(id), id).toBe(true);
    expect(left.get(stretcherCase)?.reason).toBe('no_stretcher_place_left');
    for (const id of cutOff) expect(left.get(id)?.reason).toBe('shelter_unreachable');
    for (const id of later) expect(planned.has(id), id).toBe(true);
    // Everyone the first plan carried changed window or lost their place.
    const carriedBefore = plannedIn(first).length;
    expect(second.moved?.people).toBe(carriedBefore);
    expect(second.bound.upperBound).toBeGreaterThanOrEqual(second.value.weightedEvacuated - 1e-9);
  }, 300_000);

  it('accepting the re-plan supersedes the first plan and returns the people it no longer carries to ready', async () => {
    const accepted = await call<{
      plan: PlanView;
      assigned: string[];
      returnedToReady: string[];
      supersededPlanId: string;
    }>(t, 'coordinator', 'POST', `/api/plans/${second.id}/accept`, undefined, 200);
    expect(accepted.supersededPlanId).toBe(first.id);
    expect(accepted.returnedToReady).toEqual([stretcherCase]);
    expect(accepted.assigned.sort()).toEqual([...later].sort());
    expect(await status(stretcherCase)).toBe('ready');
    for (const id of [...withChild, ...later]) expect(await status(id)).toBe('assigned');
    const list = await call<{ items: Array<{ id: string; status: string }> }>(
      t,
      'coordinator',
      'GET',
      `/api/sites/${siteId}/plans`,
      undefined,
      200,
    );
    expect(new Map(list.items.map((p) => [p.id, p.status]))).toEqual(
      new Map([
        [first.id, 'superseded'],
        [second.id, 'accepted'],
      ]),
    );
  }, 120_000);

  it('re-plans with nothing cancelled: every trip is kept, no one moves, the newly ready are added', async () => {
    const more = householdOf(() => true, 'S12');
    for (const id of more)
      await call(t, 'field', 'POST', `/api/people/${id}/status`, { status: 'ready' }, 200);
    const third = await call<PlanView>(
      t,
      'coordinator',
      'POST',
      `/api/plans/${second.id}/replan`,
      { timeLimitSeconds: 4 },
      201,
    );
    expect(third.moved?.people).toBe(0);
    const where = (plan: PlanView) =>
      new Map(plannedIn(plan).map((x) => [x.person.id, `${x.trip.vehicle.id} ${x.trip.window.id}`]));
    const before = where(second);
    const after = where(third);
    for (const [person, trip] of before) expect(after.get(person), person).toBe(trip);
    for (const id of more) expect(after.has(id), id).toBe(true);
    expect(third.replan?.newlyReadyPeople).toBe(more.length);
    await call(t, 'coordinator', 'POST', `/api/plans/${third.id}/discard`, undefined, 200);
  }, 300_000);

  it('refuses bad input with a clear 4xx and writes nothing', async () => {
    const spare = await call<PlanView>(
      t,
      'coordinator',
      'POST',
      `/api/sites/${siteId}/plans`,
      { at: '2022-05-06T00:00:00Z', timeLimitSeconds: 2 },
      201,
    );
    // A new plan may place the people the accepted plan assigned again.
    expect(plannedIn(spare).map((x) => x.person.id)).toEqual(expect.arrayContaining(later));
    await call(t, 'coordinator', 'POST', `/api/plans/${spare.id}/discard`, undefined, 200);
    const before = await snapshot(t.db);
    const send = (method: 'POST' | 'PATCH', url: string, payload?: object) =>
      t.app.inject({ method, url, headers: t.as('coordinator'), ...(payload ? { payload } : {}) });
    const unknown = '01890a5d-ac96-774b-bcce-b302099a8057';

    const lost = await send('POST', `/api/plans/${second.id}/replan`, { lostVehicleIds: [unknown] });
    expectError(lost, 422, 'unknown_reference');
    expect(lost.json().error.message).toContain(`lostVehicleIds refers to ${unknown}`);
    const depotId = file.depots![0]!.id;
    const seats = await send('POST', `/api/sites/${siteId}/vehicles`, {
      depotId,
      label: 'Bus 9',
      kind: 'bus',
      seats: -4,
    });
    expectError(seats, 400, 'validation_failed');
    expect(seats.json().error.message).toContain('seats');
    const travel = await send('POST', `/api/sites/${siteId}/travel-times`, {
      fromId: unknown,
      toId: file.pickupRoutes![0]!.pickupPointId,
      minutes: 60,
    });
    expectError(travel, 422, 'unknown_reference');
    expect(travel.json().error.message).toContain('fromId');
    const discarded = await send('POST', `/api/plans/${spare.id}/accept`);
    expectError(discarded, 409, 'conflict');
    expect(discarded.json().error.message).toContain('this plan is discarded');
    expect(await snapshot(t.db)).toBe(before);
    expect(shelterCode(stretcherCase)).toBe('S03');
  }, 300_000);
});
