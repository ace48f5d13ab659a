import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lastSeen } from '../src/store/repos/last-seen.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { type ConvoyFixtures, seedConvoy } from './support/convoy-fixtures.ts';
import { backendName, snapshot } from './support/database.ts';
import { call, type Fixtures, seedSite } from './support/fixtures.ts';
import { expectError } from './support/http.ts';
import { type LogisticsFixtures, seedLogistics } from './support/logistics-fixtures.ts';

// Convoy C-1 on the road out on 6 May 2022: the household of three boards at the exit E1, the bus
// departs, the mother is taken off at the screening point Bezimenne, the bus drives on through the
// checkpoint Tokmak, the mother is released, and the bus reaches the reception centre. At each step:
// where each of them was last seen.

let t: TestApp;
let f: Fixtures;
let l: LogisticsFixtures;
let c: ConvoyFixtures;

beforeAll(async () => {
  t = await openTestApp();
  f = await seedSite(t);
  l = await seedLogistics(t, f);
  c = await seedConvoy(t, f, { notified: true });
}, 300_000);
afterAll(() => t.close());

interface Recorded {
  id: string;
  kind: string;
  incidentId: string | null;
  claimId: string | null;
  heldPersonIds: string[];
}

const report = (payload: Record<string, unknown>, role: 'field' | 'coordinator' = 'field') =>
  call<Recorded>(
    t,
    role,
    'POST',
    `/api/convoys/${c.convoyId}/events`,
    { reporter: 'Field team 2', ...payload },
    201,
  );

/** Where each of the household was last seen: [waypoint kind, how, time] by person. */
async function seen() {
  const map = await lastSeen(t.db, [c.motherId, c.daughterId, c.grandfatherId, c.strangerId]);
  const of = (id: string) => {
    const s = map.get(id);
    return s ? [s.waypointKind, s.how, s.at.slice(11, 16), s.heldNow] : null;
  };
  return {
    mother: of(c.motherId),
    daughter: of(c.daughterId),
    grandfather: of(c.grandfatherId),
    stranger: of(c.strangerId),
  };
}

async function refused(payload: Record<string, unknown>, status: number, code: string): Promise<string> {
  const before = await snapshot(t.db);
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/convoys/${c.convoyId}/events`,
    headers: t.as('field'),
    payload: { reporter: 'Field team 2', ...payload },
  });
  expectError(response, status, code);
  expect(await snapshot(t.db), 'nothing was written').toBe(before);
  return response.json().error.message;
}

const statusOf = async (personId: string) =>
  (await call<{ status: string }>(t, 'coordinator', 'GET', `/api/people/${personId}`, undefined, 200)).status;

describe(`the road out (${backendName})`, () => {
  it('refuses an event for a waypoint not on the route, naming the route; nothing is written', async () => {
    const message = await refused(
      { waypointId: l.screeningId, kind: 'arrived', occurredAt: '2022-05-06T02:10:00Z' },
      422,
      'unknown_reference',
    );
    expect(message).toContain(`waypointId: ${l.screeningId} is not a waypoint on the route of convoy C-1`);
    expect(message).toContain('Zaporizhzhia depot → E1 North gate → Bezimenne');
  });

  it('knows where each boarded person is from boarding on; depot reports do not move them', async () => {
    for (const id of [c.motherId, c.daughterId, c.grandfatherId])
      await call(t, 'field', 'POST', `/api/convoys/${c.convoyId}/boarding`, { personId: id }, 200);
    // Boarded at the pickup point, and nothing reported since.
    const boarded = await seen();
    expect(boarded.mother).toEqual(['pickup_point', 'boarded', expect.any(String), false]);
    expect(boarded.stranger).toBeNull();
    // The bus leaving its depot says nothing of its passengers: it was empty then.
    await report({
      waypointId: c.depotWaypointId,
      vehicleId: c.vehicleId,
      kind: 'departed',
      occurredAt: '2022-05-06T00:30:00Z',
    });
    expect((await seen()).mother).toEqual(['pickup_point', 'boarded', expect.any(String), false]);
    await report({
      waypointId: c.pickupWaypointId,
      vehicleId: c.vehicleId,
      kind: 'arrived',
      occurredAt: '2022-05-06T02:10:00Z',
    });
    expect((await seen()).daughter).toEqual(['pickup_point', 'arrived', '02:10', false]);
  });

  it('refuses reports beyond the pickup point before departure; nothing is written', async () => {
    const message = await refused(
      { waypointId: c.screeningWaypointId, kind: 'arrived', occurredAt: '2022-05-06T03:30:00Z' },
      409,
      'conflict',
    );
    expect(message).toContain('convoy C-1 has not departed');
  });

  it('follows the bus after departure', async () => {
    await call(
      t,
      'coordinator',
      'POST',
      `/api/convoys/${c.convoyId}/depart`,
      { departedAt: '2022-05-06T02:40:00Z' },
      200,
    );
    await report({
      waypointId: c.pickupWaypointId,
      vehicleId: c.vehicleId,
      kind: 'departed',
      occurredAt: '2022-05-06T02:45:00Z',
    });
    await report({
      waypointId: c.screeningWaypointId,
      vehicleId: c.vehicleId,
      kind: 'arrived',
      occurredAt: '2022-05-06T03:30:00Z',
    });
    const s = await seen();
    for (const who of [s.mother, s.daughter, s.grandfather])
      expect(who).toEqual(['screening_point', 'arrived', '03:30', false]);
  });

  it('holds a person taken off at the screening point, with an incident of the convoy and the claim with its source', async () => {
    const held = await report({
      waypointId: c.screeningWaypointId,
      vehicleId: c.vehicleId,
      kind: 'held',
      occurredAt: '2022-05-06T03:40:00Z',
      heldPersonIds: [c.motherId],
      sourceId: f.sourceId,
      claim: {
        words: 'One woman was taken off the bus for additional checks',
        partyId: f.partyId,
        speaker: 'ICRC convoy lead',
      },
    });
    expect(held).toMatchObject({ kind: 'held', heldPersonIds: [c.motherId] });
    expect(await statusOf(c.motherId)).toBe('held_at_screening');
    expect(await statusOf(c.daughterId)).toBe('boarded');
    const incident = await call<Record<string, unknown>>(
      t,
      'coordinator',
      'GET',
      `/api/incidents/${held.incidentId}`,
      undefined,
      200,
    );
    expect(incident).toMatchObject({
      type: 'people_held_at_screening',
      placeKind: 'screening_point',
      place: 'Bezimenne',
      convoyId: c.convoyId,
      summary: expect.stringContaining(
        '1 person taken off Bus 1 of convoy C-1 at the screening point Bezimenne',
      ),
    });
    // Counts and places only: the incident names nobody.
    expect(JSON.stringify(incident)).not.toContain('Mother');
    const claim = await call<Record<string, unknown>>(
      t,
      'coordinator',
      'GET',
      `/api/claims/${held.claimId}`,
      undefined,
      200,
    );
    expect(claim).toMatchObject({
      subject: 'incident',
      incidentId: held.incidentId,
      partyId: f.partyId,
      sourceId: f.sourceId,
      stance: 'asserts',
      words: 'One woman was taken off the bus for additional checks',
      statedAt: '2022-05-06T03:40:00.000Z',
    });
  });

  it('keeps the held person at the screening point while the bus drives on; reports count by when they happened', async () => {
    await report({
      waypointId: c.screeningWaypointId,
      vehicleId: c.vehicleId,
      kind: 'departed',
      occurredAt: '2022-05-06T04:30:00Z',
    });
    await report({
      waypointId: c.checkpointWaypointId,
      vehicleId: c.vehicleId,
      kind: 'departed',
      occurredAt: '2022-05-06T06:00:00Z',
    });
    // Reported late: it happened before the departure already recorded.
    await report({
      waypointId: c.checkpointWaypointId,
      vehicleId: c.vehicleId,
      kind: 'arrived',
      occurredAt: '2022-05-06T05:30:00Z',
    });
    const s = await seen();
    expect(s.mother).toEqual(['screening_point', 'held', '03:40', true]);
    expect(s.daughter).toEqual(['checkpoint', 'departed', '06:00', false]);
  });

  it('refuses to hold someone who is not on board, or anywhere but a screening point; nothing is written', async () => {
    const screening = { waypointId: c.screeningWaypointId, kind: 'held', occurredAt: '2022-05-06T04:00:00Z' };
    expect(await refused({ ...screening, heldPersonIds: [c.strangerId] }, 409, 'conflict')).toContain(
      `person ${c.strangerId} did not board convoy C-1`,
    );
    expect(await refused({ ...screening, heldPersonIds: [c.motherId] }, 409, 'conflict')).toContain(
      'is held at screening, not on board',
    );
    expect(
      await refused(
        { ...screening, waypointId: c.checkpointWaypointId, heldPersonIds: [c.daughterId] },
        400,
        'validation_failed',
      ),
    ).toContain('people are held only at a screening point');
    expect(
      await refused({ ...screening, kind: 'released', releasedPersonIds: [c.daughterId] }, 409, 'conflict'),
    ).toContain(`${c.daughterId} is not held`);
  });

  it('releases the held person: back on board, last seen where she was released', async () => {
    await report({
      waypointId: c.screeningWaypointId,
      kind: 'released',
      occurredAt: '2022-05-06T07:00:00Z',
      releasedPersonIds: [c.motherId],
      note: 'released after questioning',
    });
    expect(await statusOf(c.motherId)).toBe('boarded');
    const s = await seen();
    expect(s.mother).toEqual(['screening_point', 'released', '07:00', false]);
    expect(s.daughter).toEqual(['checkpoint', 'departed', '06:00', false]);
  });

  it('the arrival of the last vehicle at the reception point is the convoy’s arrival', async () => {
    await report({
      waypointId: c.receptionWaypointId,
      vehicleId: c.vehicleId,
      kind: 'arrived',
      occurredAt: '2022-05-06T09:00:00Z',
    });
    const convoy = await call<{ status: string; arrivedAt: string }>(
      t,
      'coordinator',
      'GET',
      `/api/convoys/${c.convoyId}`,
      undefined,
      200,
    );
    expect(convoy).toMatchObject({ status: 'arrived', arrivedAt: '2022-05-06T09:00:00.000Z' });
    expect((await seen()).grandfather).toEqual(['reception_point', 'arrived', '09:00', false]);
  });

  it('shows the road log to the roles that read convoys: events in order, holds with names, last seen', async () => {
    const log = await call<{
      events: Array<{ kind: string; occurredAt: string }>;
      holds: Array<{ personId: string; releasedAt: string | null; names?: unknown[] }>;
      lastSeen: Array<{ personId: string; waypointKind: string }>;
    }>(t, 'reception', 'GET', `/api/convoys/${c.convoyId}/events`, undefined, 200);
    expect(log.events.map((e) => `${e.occurredAt.slice(11, 16)} ${e.kind}`)).toEqual([
      '00:30 departed',
      '02:10 arrived',
      '02:45 departed',
      '03:30 arrived',
      '03:40 held',
      '04:30 departed',
      '05:30 arrived',
      '06:00 departed',
      '07:00 released',
      '09:00 arrived',
    ]);
    expect(log.holds).toEqual([
      expect.objectContaining({
        personId: c.motherId,
        releasedAt: '2022-05-06T07:00:00.000Z',
        names: [{ family: 'Convoy', given: 'Mother' }],
      }),
    ]);
    expect(log.lastSeen).toHaveLength(3);
    const observer = await t.app.inject({
      method: 'GET',
      url: `/api/convoys/${c.convoyId}/events`,
      headers: t.as('observer'),
    });
    expectError(observer, 403, 'forbidden');
  });
});
