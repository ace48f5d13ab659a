import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConvoyView } from '../src/services/convoy-view.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { type ConvoyFixtures, seedConvoy } from './support/convoy-fixtures.ts';
import { backendName, snapshot } from './support/database.ts';
import { call, type Fixtures, seedSite } from './support/fixtures.ts';
import { expectError } from './support/http.ts';
import { type LogisticsFixtures, seedLogistics } from './support/logistics-fixtures.ts';
import { pdfText } from './support/pdf-text.ts';

// Notifying convoy C-1 of the fixtures' site to its parties (the ICRC, which announced the windows,
// and the mediator, which accepted the agreed one), recording their answers, and what that does to
// departure. The household aboard: a mother, her daughter of 8 and her father of 70.

let t: TestApp;
let f: Fixtures;
let l: LogisticsFixtures;
let c: ConvoyFixtures;

interface Sent {
  sent: Array<{ id: string; partyId: string; version: number; content: Record<string, unknown> }>;
  unchanged: Array<{ partyId: string; version: number }>;
}

const night = '2022-05-06T01:00:00Z';
const view = (at = night) =>
  call<ConvoyView>(t, 'coordinator', 'GET', `/api/convoys/${c.convoyId}?at=${at}`, undefined, 200);
const post = (url: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url, headers: t.as('coordinator'), payload: payload as object });
const notify = (payload: unknown) => post(`/api/convoys/${c.convoyId}/notifications`, payload);
const byParty = (v: ConvoyView, id: string) => v.notifications.find((n) => n.party.id === id)!;
let icrcNotification: string;
let mediatorNotification: string;

/** Sends a request that must be refused, and checks that nothing at all was written. */
async function refused(
  request: () => Promise<Awaited<ReturnType<typeof post>>>,
  status: number,
  code: string,
) {
  const before = await snapshot(t.db);
  const response = await request();
  expectError(response, status, code);
  expect(await snapshot(t.db)).toBe(before);
  return response.json().error as { message: string; details: unknown };
}

beforeAll(async () => {
  t = await openTestApp();
  f = await seedSite(t);
  l = await seedLogistics(t, f);
  c = await seedConvoy(t, f);
}, 300_000);
afterAll(() => t.close());

describe(`notifying a convoy to the parties (${backendName})`, () => {
  it('before any notification: both parties unnotified, the convoy flagged, passengers counted', async () => {
    const v = await view();
    expect(v.notifications.map((n) => [n.party.id, n.state]).sort()).toEqual(
      [
        [f.partyId, 'not_notified'],
        [l.mediatorId, 'not_notified'],
      ].sort(),
    );
    expect(v.flags.map((x) => [x.code, x.partyId])).toEqual(
      v.notifications.map((n) => ['not_notified', n.party.id]),
    );
    expect(v.passengers).toMatchObject({ total: 3, children: 1, adults: 1, elderly: 1, ageNotRecorded: 0 });
    expect(v.crew).toBe(1);
  });

  it('refuses a notification request that carries names, and writes nothing', async () => {
    const withPassengers = await refused(
      () =>
        notify({
          channel: 'email',
          passengers: [{ names: [{ family: 'Convoy', given: 'Mother' }], personId: c.motherId }],
        }),
      400,
      'validation_failed',
    );
    expect(withPassengers.message).toContain('never carries names');
    expect(withPassengers.message).toContain('passengers');
    const nested = await refused(
      () => notify({ channel: 'email', note: { names: ['Mother'] } }),
      400,
      'validation_failed',
    );
    expect(nested.message).toContain('note/names');
    const { rows } = await t.db.query('SELECT 1 FROM notification');
    expect(rows).toHaveLength(0);
  });

  it('sends each party its copy: route, times, vehicle and marking, counts by category, no name', async () => {
    const response = await notify({ channel: 'email to liaison officers', sentAt: '2022-05-05T20:00:00Z' });
    expect(response.statusCode, response.body).toBe(201);
    const result = response.json() as Sent;
    expect(result.sent.map((n) => [n.partyId, n.version]).sort()).toEqual(
      [
        [f.partyId, 1],
        [l.mediatorId, 1],
      ].sort(),
    );
    icrcNotification = result.sent.find((n) => n.partyId === f.partyId)!.id;
    mediatorNotification = result.sent.find((n) => n.partyId === l.mediatorId)!.id;
    const content = result.sent[0]!.content as {
      movement: { convoyCode: string; site: string; pauseWindow: { name: string } };
      route: Array<{ kind: string; place: string }>;
      vehicles: { count: number; items: Array<{ marking: string }> };
      passengers: Record<string, number>;
    };
    expect(content.movement).toMatchObject({
      convoyCode: 'C-1',
      site: 'Azovstal',
      pauseWindow: { name: 'Agreed window' },
    });
    expect(content.route.map((w) => w.place)).toEqual([
      'Zaporizhzhia depot',
      'E1 North gate',
      'Bezimenne',
      'Tokmak',
      'Zaporizhzhia reception centre',
    ]);
    expect(content.vehicles).toMatchObject({ count: 1, items: [{ marking: 'ICRC 01' }] });
    expect(content.passengers).toMatchObject({ total: 3, children: 1, adults: 1, elderly: 1 });
    const text = JSON.stringify(result.sent);
    for (const word of ['Mother', 'Daughter', 'Grandfather', c.motherId, c.daughterId, c.grandfatherId])
      expect(text).not.toContain(word);
    const v = await view();
    expect(v.notifications.every((n) => n.state === 'awaiting_answer' && n.current)).toBe(true);
    expect(v.flags).toEqual([]);
  });

  it('does not send the same movement twice: 409, nothing written', async () => {
    const error = await refused(() => notify({}), 409, 'conflict');
    expect(error.message).toContain('already has the current notification');
  });

  it('records answers with time and source; refuses one without a source or before the sending', async () => {
    const answer = (id: string, payload: unknown) => post(`/api/notifications/${id}/answers`, payload);
    const noSource = await refused(
      () => answer(icrcNotification, { answer: 'acknowledged', answeredAt: '2022-05-05T21:00:00Z' }),
      400,
      'validation_failed',
    );
    expect(noSource.message).toContain('sourceNote');
    const early = await refused(
      () =>
        answer(icrcNotification, {
          answer: 'acknowledged',
          answeredAt: '2022-05-05T19:00:00Z',
          sourceNote: 'email reply',
        }),
      400,
      'validation_failed',
    );
    expect(early.message).toContain('before the notification was sent');
    const ok = await answer(icrcNotification, {
      answer: 'acknowledged',
      answeredAt: '2022-05-05T21:00:00Z',
      sourceNote: 'email reply from the ICRC delegation',
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const objected = await answer(mediatorNotification, {
      answer: 'objected',
      answeredAt: '2022-05-05T22:00:00Z',
      sourceId: f.sourceId,
      note: 'the route through Tokmak is not agreed',
    });
    expect(objected.statusCode, objected.body).toBe(201);
    const v = await view();
    expect(byParty(v, f.partyId)).toMatchObject({
      state: 'acknowledged',
      answer: { sourceNote: 'email reply from the ICRC delegation', answeredAt: '2022-05-05T21:00:00.000Z' },
    });
    expect(byParty(v, l.mediatorId)).toMatchObject({ state: 'objected', answer: { sourceId: f.sourceId } });
    expect(v.flags).toEqual([
      {
        code: 'party_objected',
        message: 'Test mediator objected to notification version 1',
        partyId: l.mediatorId,
      },
    ]);
  });

  it('refuses to depart a flagged convoy without an override, naming the flag, and writes nothing', async () => {
    const error = await refused(
      () => post(`/api/convoys/${c.convoyId}/depart`, { departedAt: '2022-05-06T02:00:00Z' }),
      409,
      'conflict',
    );
    expect(error.message).toContain('Test mediator objected');
    expect(error.message).toContain('override');
  });

  it('flags a convoy whose window has ended, judged at the instant asked', async () => {
    const v = await view('2022-05-07T00:00:00Z');
    expect(v.pauseWindow).toMatchObject({ state: 'ended' });
    expect(v.flags.map((x) => x.code)).toEqual(['window_not_agreed', 'party_objected']);
    expect(v.flags[0]!.message).toContain('Agreed window is ended');
  });

  it('counts the latest answer: once the mediator acknowledges, the convoy departs unflagged', async () => {
    const later = await post(`/api/notifications/${mediatorNotification}/answers`, {
      answer: 'acknowledged',
      answeredAt: '2022-05-05T23:30:00Z',
      sourceNote: 'phone call from the mediator’s liaison officer',
    });
    expect(later.statusCode, later.body).toBe(201);
    const v = await view();
    expect(byParty(v, l.mediatorId).answers.map((a) => a.answer)).toEqual(['objected', 'acknowledged']);
    expect(v.flags).toEqual([]);
    const response = await post(`/api/convoys/${c.convoyId}/depart`, { departedAt: '2022-05-06T02:00:00Z' });
    expect(response.statusCode, response.body).toBe(200);
    const departure = response.json() as {
      convoy: ConvoyView;
      flags: unknown[];
      override: unknown;
      alertsRaised: number;
    };
    expect(departure.flags).toEqual([]);
    expect(departure.override).toBeNull();
    expect(departure.convoy).toMatchObject({
      status: 'departed',
      departedAt: '2022-05-06T02:00:00.000Z',
      manifestLockedAt: '2022-05-06T02:00:00.000Z',
      departure: { by: 'coordinator-user', flags: [], override: null },
    });
    // Nobody boarded: each of the three raised its alert in the departure's transaction.
    expect(departure.alertsRaised).toBe(3);
  });

  it('refuses to depart twice or to cancel a departed convoy', async () => {
    expect(
      (await refused(() => post(`/api/convoys/${c.convoyId}/depart`, {}), 409, 'conflict')).message,
    ).toContain('is departed');
    expect(
      (
        await refused(
          () => post(`/api/convoys/${c.convoyId}/cancel`, { reason: 'road closed' }),
          409,
          'conflict',
        )
      ).message,
    ).toContain('cannot be cancelled');
  });

  it('records the arrival, not before the departure', async () => {
    const early = await refused(
      () => post(`/api/convoys/${c.convoyId}/arrive`, { arrivedAt: '2022-05-06T01:00:00Z' }),
      400,
      'validation_failed',
    );
    expect(early.message).toContain('before the convoy departed');
    const arrived = await call<{ status: string; arrivedAt: string }>(
      t,
      'field',
      'POST',
      `/api/convoys/${c.convoyId}/arrive`,
      { arrivedAt: '2022-05-06T12:00:00Z' },
      200,
    );
    expect(arrived).toMatchObject({ status: 'arrived', arrivedAt: '2022-05-06T12:00:00.000Z' });
  });

  it('exports every version sent to each party, with the answers, as JSON', async () => {
    const json = await t.app.inject({
      method: 'GET',
      url: `/api/convoys/${c.convoyId}/notifications.json`,
      headers: t.as('reception'),
    });
    expect(json.statusCode, json.body).toBe(200);
    expect(json.headers['content-disposition']).toContain('convoy-C-1-notifications.json');
    const data = json.json() as {
      convoy: { code: string; status: string };
      parties: Array<{
        party: { id: string };
        versions: Array<{ version: number; answers: Array<{ answer: string }> }>;
      }>;
    };
    expect(data.convoy).toMatchObject({ code: 'C-1', status: 'arrived' });
    const mediator = data.parties.find((p) => p.party.id === l.mediatorId)!;
    expect(mediator.versions.map((v) => [v.version, v.answers.map((a) => a.answer)])).toEqual([
      [1, ['objected', 'acknowledged']],
    ]);
    for (const word of ['Mother', 'Daughter', 'Grandfather']) expect(json.body).not.toContain(word);
  });

  it('prints the latest notification to each party with its answers as PDF', async () => {
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/convoys/${c.convoyId}/notifications.pdf`,
      headers: t.as('coordinator'),
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Humanitarian notification: convoy C-1');
    expect(text).toContain('To: International Committee of the Red Cross (ICRC)');
    expect(text).toContain('To: Test mediator');
    expect(text).toContain('Bezimenne');
    expect(text).toContain('ICRC 01');
    expect(text).toContain('objected');
    for (const word of ['Mother', 'Daughter', 'Grandfather']) expect(text).not.toContain(word);
  });
});
