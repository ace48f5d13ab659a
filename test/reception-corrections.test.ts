// What a check-in settles and how a mistaken one is undone, on convoy C-1 of 6 May 2022: the
// household of three boards, the mother is taken off at the screening point Bezimenne, the bus
// arrives without her (an alert: boarded but not arrived). She reaches the reception centre by
// another way and is checked in while still recorded as held: the hold ends with her check-in and
// the alert resolves itself, saying where she arrived. Then it turns out the desk scanned her
// sister's card: voiding that check-in puts everything back — held at Bezimenne, the hold open,
// the alert raised again, and her daughter, checked in meanwhile, now alone at reception.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import type { Role } from '../src/domain/roles.ts';
import { lastSeen } from '../src/store/repos/last-seen.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { type ConvoyFixtures, seedConvoy } from './support/convoy-fixtures.ts';
import { backendName, snapshot } from './support/database.ts';
import { call, type Fixtures, seedSite } from './support/fixtures.ts';
import { expectError } from './support/http.ts';
import { type LogisticsFixtures, seedLogistics } from './support/logistics-fixtures.ts';

let t: TestApp;
let f: Fixtures;
let l: LogisticsFixtures;
let c: ConvoyFixtures;

interface Alert {
  id: string;
  kind: string;
  person: { id: string };
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
  details: Record<string, unknown>;
}
interface Voided {
  checkIn: {
    id: string;
    voidedAt: string;
    voidedBy: string;
    voidedReason: string;
    person: { status: string };
  };
  holdsReopened: string[];
  alertsResolved: Array<{ id: string; kind: string }>;
  alertsRaised: Array<{ id: string; kind: string }>;
}

const report = (payload: Record<string, unknown>) =>
  call(
    t,
    'field',
    'POST',
    `/api/convoys/${c.convoyId}/events`,
    { reporter: 'Field team 2', ...payload },
    201,
  );

const checkIn = async (personId: string, role: Role = 'reception') => {
  const response = await t.app.inject({
    method: 'POST',
    url: `/api/sites/${f.siteId}/check-ins`,
    headers: { ...t.as(role), 'idempotency-key': newId() },
    payload: { personId, receptionPointId: l.receptionId, desk: '4' },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; checkedInAt: string; alerts: Array<{ kind: string }> };
};

const voidIt = (id: string, payload: Record<string, unknown>, role: Role = 'reception') =>
  t.app.inject({ method: 'POST', url: `/api/check-ins/${id}/void`, headers: t.as(role), payload });

const statusOf = async (id: string) =>
  (await call<{ status: string }>(t, 'coordinator', 'GET', `/api/people/${id}`, undefined, 200)).status;

const alerts = async (state: 'open' | 'resolved' | 'all' = 'all') =>
  (
    await call<{ items: Alert[] }>(
      t,
      'coordinator',
      'GET',
      `/api/sites/${f.siteId}/alerts?state=${state}`,
      undefined,
      200,
    )
  ).items;

const holds = async () =>
  (
    await call<{
      holds: Array<{
        id: string;
        personId: string;
        releasedAt: string | null;
        releasedEventId: string | null;
        endedByCheckInId: string | null;
      }>;
    }>(t, 'coordinator', 'GET', `/api/convoys/${c.convoyId}/events`, undefined, 200)
  ).holds;

const notArrived = async () =>
  (
    await call<{
      boardedNotArrived: Array<{
        person: { id: string; status: string };
        lastSeen: { waypointKind: string; how: string; heldNow: boolean } | null;
      }>;
    }>(t, 'coordinator', 'GET', `/api/sites/${f.siteId}/reconciliation`, undefined, 200)
  ).boardedNotArrived;

beforeAll(async () => {
  t = await openTestApp();
  f = await seedSite(t);
  l = await seedLogistics(t, f);
  c = await seedConvoy(t, f, { notified: true });
  for (const id of [c.motherId, c.daughterId, c.grandfatherId])
    await call(t, 'field', 'POST', `/api/convoys/${c.convoyId}/boarding`, { personId: id }, 200);
  await call(
    t,
    'coordinator',
    'POST',
    `/api/convoys/${c.convoyId}/depart`,
    { departedAt: '2022-05-06T02:40:00Z' },
    200,
  );
  const bus = { waypointId: c.screeningWaypointId, vehicleId: c.vehicleId };
  await report({ ...bus, kind: 'arrived', occurredAt: '2022-05-06T03:30:00Z' });
  await report({ ...bus, kind: 'held', occurredAt: '2022-05-06T03:40:00Z', heldPersonIds: [c.motherId] });
  await report({ ...bus, kind: 'departed', occurredAt: '2022-05-06T04:30:00Z' });
  await report({
    waypointId: c.receptionWaypointId,
    vehicleId: c.vehicleId,
    kind: 'arrived',
    occurredAt: '2022-05-06T09:00:00Z',
  });
}, 300_000);
afterAll(() => t?.close());

let motherCheckIn: string;

describe(`a check-in settles what it answers (${backendName})`, () => {
  it('the convoy arrived without the mother: she is held at Bezimenne, and an alert says so', async () => {
    expect(await statusOf(c.motherId)).toBe('held_at_screening');
    const open = (await alerts('open')).filter((a) => a.kind === 'boarded_not_arrived');
    expect(open.map((a) => a.person.id)).toEqual([c.motherId]);
    expect(open[0]!.details).toMatchObject({ lastSeen: { waypointName: 'Bezimenne', how: 'held' } });
  });

  it('checking in the held mother ends her hold with the check-in and resolves the alert with where she arrived', async () => {
    const made = await checkIn(c.motherId);
    motherCheckIn = made.id;
    expect(made.alerts).toEqual([]);
    expect(await statusOf(c.motherId)).toBe('arrived');

    const [hold] = await holds();
    expect(hold).toMatchObject({
      personId: c.motherId,
      releasedEventId: null,
      endedByCheckInId: made.id,
      releasedAt: made.checkedInAt,
    });
    const alert = (await alerts('resolved')).find((a) => a.kind === 'boarded_not_arrived')!;
    expect(alert.person.id).toBe(c.motherId);
    expect(alert.resolvedBy).toBe('reception-user');
    expect(alert.resolution).toContain('checked in at Zaporizhzhia reception centre (desk 4)');
    expect(alert.resolution).toContain('no longer held at Bezimenne');
    // The hold keeps its history: she was last seen held at the screening point, and is held no more.
    const seen = (await lastSeen(t.db, [c.motherId])).get(c.motherId)!;
    expect(seen).toMatchObject({ waypointName: 'Bezimenne', how: 'held', heldNow: false });
    // Counted as arrived: the reconciliation waits only for those still on the bus.
    expect((await notArrived()).map((n) => n.person.id).sort()).toEqual(
      [c.daughterId, c.grandfatherId].sort(),
    );

    const logged = await t.db.query<{ action: string; after: { reason?: string } }>(
      `SELECT action, after FROM operation WHERE entity = 'screening_hold' AND entity_id = $1 ORDER BY seq`,
      [hold!.id],
    );
    expect(logged.rows).toEqual([
      {
        action: 'end',
        after: expect.objectContaining({ reason: expect.stringContaining('released and arrived') }),
      },
    ]);
  });

  it('her daughter and her father arrive: with the mother in, the girl raises no alert', async () => {
    expect((await checkIn(c.daughterId)).alerts).toEqual([]);
    expect((await checkIn(c.grandfatherId, 'coordinator')).alerts).toEqual([]);
  });
});

describe(`voiding a mistaken check-in (${backendName})`, () => {
  it('refuses without a reason, for an unknown check-in, or another desk’s check-in; nothing is written', async () => {
    const before = await snapshot(t.db);
    expectError(await voidIt(motherCheckIn, {}), 400, 'validation_failed');
    const blank = await voidIt(motherCheckIn, { reason: '  ' });
    expectError(blank, 400, 'validation_failed');
    expect(blank.json().error.message).toContain('reason');
    const unknown = newId();
    const missing = await voidIt(unknown, { reason: 'wrong card' });
    expectError(missing, 404, 'not_found');
    expect(missing.json().error.message).toContain(unknown);
    // The grandfather was checked in by the cell: a reception desk may not void it.
    const grandfather = (
      await t.db.query<{ id: string }>('SELECT id FROM check_in WHERE person_id = $1', [c.grandfatherId])
    ).rows[0]!.id;
    const otherDesk = await voidIt(grandfather, { reason: 'wrong card scanned' });
    expectError(otherDesk, 403, 'forbidden');
    expect(otherDesk.json().error.message).toContain('coordinator-user');
    for (const role of ['observer', 'field'] as const) {
      const refused = await voidIt(motherCheckIn, { reason: 'wrong card scanned' }, role);
      expectError(refused, 403, 'forbidden');
      expect(refused.json().error.message).toContain('reception:check_in');
    }
    expect(await snapshot(t.db)).toBe(before);
  });

  it('voids the mother’s check-in: held again, the hold open, the alert raised again, her daughter alone', async () => {
    const response = await voidIt(motherCheckIn, { reason: 'scanned her sister’s card; she is not here' });
    expect(response.statusCode, response.body).toBe(200);
    const voided = response.json() as Voided;
    expect(voided.checkIn).toMatchObject({
      id: motherCheckIn,
      voidedBy: 'reception-user',
      voidedReason: 'scanned her sister’s card; she is not here',
      person: { status: 'held_at_screening' },
    });
    expect(voided.holdsReopened).toHaveLength(1);
    expect(voided.alertsRaised.map((a) => a.kind).sort()).toEqual([
      'boarded_not_arrived',
      'unaccompanied_child_arrived',
    ]);

    expect(await statusOf(c.motherId)).toBe('held_at_screening');
    expect(await holds()).toEqual([
      expect.objectContaining({ personId: c.motherId, releasedAt: null, endedByCheckInId: null }),
    ]);
    const open = await alerts('open');
    expect(open.map((a) => `${a.kind} ${a.person.id}`).sort()).toEqual(
      [`boarded_not_arrived ${c.motherId}`, `unaccompanied_child_arrived ${c.daughterId}`].sort(),
    );
    expect(open.find((a) => a.kind === 'boarded_not_arrived')!.details).toMatchObject({
      status: 'held_at_screening',
      lastSeen: { waypointName: 'Bezimenne', how: 'held' },
    });
    // The reconciliation reads the corrected record: she is missing, held at the screening point.
    expect(await notArrived()).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ id: c.motherId, status: 'held_at_screening' }),
        lastSeen: expect.objectContaining({ waypointKind: 'screening_point', how: 'held', heldNow: true }),
      }),
    ]);
    // The check-in stays, voided; the person's history says why she is held again.
    const standing = await call<{ items: Array<{ personId: string }> }>(
      t,
      'reception',
      'GET',
      `/api/sites/${f.siteId}/check-ins`,
      undefined,
      200,
    );
    expect(standing.items.map((k) => k.personId)).not.toContain(c.motherId);
    const history = await call<{
      items: Array<{ action: string; after: { status?: string; reason?: string } }>;
    }>(t, 'coordinator', 'GET', `/api/people/${c.motherId}/history`, undefined, 200);
    expect(history.items.at(-1)).toMatchObject({
      action: 'status',
      after: { status: 'held_at_screening', reason: expect.stringContaining('check-in voided') },
    });
  });

  it('refuses to void a check-in twice, naming when, by whom and why it was voided', async () => {
    const before = await snapshot(t.db);
    const again = await voidIt(motherCheckIn, { reason: 'again' }, 'coordinator');
    expectError(again, 409, 'conflict');
    expect(again.json().error.message).toContain('already voided');
    expect(again.json().error.message).toContain('scanned her sister’s card');
    expect(await snapshot(t.db)).toBe(before);
  });

  it('the cell voids any desk’s check-in; the alerts that check-in raised are resolved as voided', async () => {
    const stranger = await checkIn(c.strangerId);
    expect(stranger.alerts.map((a) => a.kind)).toEqual(['arrived_not_on_manifest']);
    const voided = await call<Voided>(
      t,
      'coordinator',
      'POST',
      `/api/check-ins/${stranger.id}/void`,
      { reason: 'wrong name chosen from the search' },
      200,
    );
    expect(voided.alertsResolved.map((a) => a.kind)).toEqual(['arrived_not_on_manifest']);
    expect(voided.checkIn.person.status).toBe('sheltering');
    const resolved = (await alerts('resolved')).find((a) => a.person.id === c.strangerId)!;
    expect(resolved.resolution).toBe('the check-in was voided: wrong name chosen from the search');
  });
});

describe(`a release reported after the check-in (${backendName})`, () => {
  it('takes the check-in’s place in the hold: the real time and place of the release', async () => {
    const made = await checkIn(c.motherId);
    expect((await holds())[0]).toMatchObject({ endedByCheckInId: made.id });
    expect((await alerts('open')).map((a) => a.kind)).toEqual(['unaccompanied_child_arrived']);
    const released = await call<{ id: string }>(
      t,
      'field',
      'POST',
      `/api/convoys/${c.convoyId}/events`,
      {
        reporter: 'Field team 2',
        waypointId: c.screeningWaypointId,
        kind: 'released',
        occurredAt: '2022-05-06T11:00:00Z',
        releasedPersonIds: [c.motherId],
      },
      201,
    );
    expect((await holds())[0]).toMatchObject({
      releasedEventId: released.id,
      releasedAt: '2022-05-06T11:00:00.000Z',
      endedByCheckInId: null,
    });
    // She stays arrived: the release reports the past, the check-in the present.
    expect(await statusOf(c.motherId)).toBe('arrived');
  });
});
