import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import { parsePersonCode, personCode } from '../src/domain/person-code.ts';
import type { ManifestEntryView, ManifestView } from '../src/services/manifest-view.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { type ConvoyFixtures, seedConvoy } from './support/convoy-fixtures.ts';
import { backendName, snapshot } from './support/database.ts';
import { call, type Fixtures, seedSite } from './support/fixtures.ts';
import { expectError } from './support/http.ts';
import { seedLogistics } from './support/logistics-fixtures.ts';
import { pdfPages, pdfText } from './support/pdf-text.ts';

// Boarding convoy C-1 at the exit E1, person by person: the household of three on its manifest
// (mother, daughter, grandfather), and a stranger of the site on no manifest.

let t: TestApp;
let f: Fixtures;
let c: ConvoyFixtures;

beforeAll(async () => {
  t = await openTestApp();
  f = await seedSite(t);
  await seedLogistics(t, f);
  c = await seedConvoy(t, f);
}, 300_000);
afterAll(() => t.close());

const manifest = (role: 'coordinator' | 'field' | 'reception' = 'coordinator') =>
  call<ManifestView>(t, role, 'GET', `/api/convoys/${c.convoyId}/manifest`, undefined, 200);
const statusOf = async (personId: string) =>
  (await call<{ status: string }>(t, 'coordinator', 'GET', `/api/people/${personId}`, undefined, 200)).status;
const board = (payload: unknown, role: 'field' | 'coordinator' = 'field') =>
  t.app.inject({
    method: 'POST',
    url: `/api/convoys/${c.convoyId}/boarding`,
    headers: t.as(role),
    payload: payload as object,
  });

/** Sends a request that must be refused, and insists that the database did not change. */
async function refused(
  url: string,
  payload: unknown,
  status: number,
  code: string,
): Promise<{ message: string; details: Record<string, unknown> }> {
  const before = await snapshot(t.db);
  const response = await t.app.inject({
    method: 'POST',
    url,
    headers: t.as('field'),
    payload: payload as object,
  });
  expectError(response, status, code);
  expect(await snapshot(t.db), 'nothing was written').toBe(before);
  return response.json().error;
}

describe(`boarding a convoy (${backendName})`, () => {
  it('lists the manifest by vehicle, with categories and the QR code text, names for roles that see people', async () => {
    const view = await manifest('field');
    expect(view.convoy).toMatchObject({
      id: c.convoyId,
      code: 'C-1',
      status: 'planned',
      manifestLockedAt: null,
    });
    expect(view.counts).toEqual({ expected: 3, boarded: 0, no_show: 0, replaced: 0, total: 3 });
    expect(view.vehicles).toHaveLength(1);
    expect(view.vehicles[0]).toMatchObject({ vehicleId: c.vehicleId, manifest: { expected: 3, total: 3 } });
    const byId = new Map(view.entries.map((e) => [e.personId, e]));
    expect([...byId.keys()].sort()).toEqual([c.motherId, c.daughterId, c.grandfatherId].sort());
    expect(byId.get(c.daughterId)!.category).toMatchObject({ child: true, priority: 'child', needs: 'seat' });
    expect(byId.get(c.grandfatherId)!.category).toMatchObject({
      child: false,
      priority: 'elderly',
      ageBand: '60+',
    });
    expect(byId.get(c.motherId)!.names).toEqual([{ family: 'Convoy', given: 'Mother' }]);
    for (const entry of view.entries) {
      // The code holds the id and check digits only: nothing of the name.
      expect(entry.code).toBe(personCode(entry.personId));
      expect(entry.code).not.toMatch(/convoy|mother|daughter|grandfather/i);
      expect(parsePersonCode(entry.code)).toEqual({ personId: entry.personId });
    }
  });

  it('boards a person by the QR code on their card: assigned → boarded, logged', async () => {
    expect(await statusOf(c.motherId)).toBe('assigned');
    const response = await board({ qr: personCode(c.motherId) });
    expect(response.statusCode, response.body).toBe(200);
    const entry = response.json() as ManifestEntryView;
    expect(entry).toMatchObject({
      personId: c.motherId,
      vehicleId: c.vehicleId,
      status: 'boarded',
      boardedBy: 'field-user',
      boardingMethod: 'qr',
      personStatus: 'boarded',
      names: [{ family: 'Convoy', given: 'Mother' }],
    });
    expect(await statusOf(c.motherId)).toBe('boarded');
    const history = await call<{
      items: Array<{ action: string; after: { status?: string; reason?: string } }>;
    }>(t, 'coordinator', 'GET', `/api/people/${c.motherId}/history`, undefined, 200);
    expect(history.items.at(-1)).toMatchObject({
      action: 'status',
      after: { status: 'boarded', reason: expect.stringContaining('convoy C-1') },
    });
    expect((await manifest()).counts).toMatchObject({ expected: 2, boarded: 1 });
  });

  it('refuses to board the same person twice, saying when they boarded; nothing is written', async () => {
    const error = await refused(
      `/api/convoys/${c.convoyId}/boarding`,
      { personId: c.motherId },
      409,
      'conflict',
    );
    expect(error.message).toContain('already boarded');
    expect(error.message).toContain('convoy C-1');
  });

  it('refuses to board a person who is not on the manifest, with a clear error; nothing is written', async () => {
    const error = await refused(
      `/api/convoys/${c.convoyId}/boarding`,
      { qr: personCode(c.strangerId) },
      409,
      'conflict',
    );
    expect(error.message).toContain(`person ${c.strangerId} is not on the manifest of convoy C-1`);
    expect(error.message).toContain('on no convoy');
    expect(await statusOf(c.strangerId)).toBe('sheltering');
  });

  it('refuses a misread code, a code and an id together, and an unknown person; nothing is written', async () => {
    const code = personCode(c.daughterId);
    const misread = `${code.slice(0, 12)}${code[12] === 'a' ? 'b' : 'a'}${code.slice(13)}`;
    const url = `/api/convoys/${c.convoyId}/boarding`;
    expect((await refused(url, { qr: misread }, 400, 'validation_failed')).message).toContain('misread');
    expect(
      (await refused(url, { qr: code, personId: c.daughterId }, 400, 'validation_failed')).message,
    ).toContain('not both');
    const nobody = newId();
    expect((await refused(url, { personId: nobody }, 422, 'unknown_reference')).message).toContain(nobody);
  });

  it('records a no-show with the reason; someone who turns up after all still boards in their place', async () => {
    const noShow = await call<ManifestEntryView>(
      t,
      'field',
      'POST',
      `/api/convoys/${c.convoyId}/no-shows`,
      { personId: c.daughterId, reason: 'not at the gate at 07:00' },
      200,
    );
    expect(noShow).toMatchObject({
      status: 'no_show',
      reason: 'not at the gate at 07:00',
      personStatus: 'assigned',
    });
    const again = await refused(
      `/api/convoys/${c.convoyId}/no-shows`,
      { personId: c.daughterId, reason: 'still not here' },
      409,
      'conflict',
    );
    expect(again.message).toContain('already recorded as a no-show');
    const late = await board({ personId: c.daughterId, method: 'search' });
    expect(late.statusCode, late.body).toBe(200);
    expect(late.json()).toMatchObject({ status: 'boarded', reason: null, boardingMethod: 'search' });
    expect(await statusOf(c.daughterId)).toBe('boarded');
  });

  it('gives a place to a substitute only if the vehicle has a free place of the kind they need', async () => {
    const stretcherCase = await call<{ id: string }>(
      t,
      'field',
      'POST',
      '/api/people',
      {
        siteId: f.siteId,
        names: [{ family: 'Stretcher', given: 'Case' }],
        sex: 'male',
        vulnerabilities: ['needs_stretcher'],
      },
      201,
    );
    const { vehicles } = await manifest();
    const error = await refused(
      `/api/convoys/${c.convoyId}/substitutions`,
      {
        replacedPersonId: c.grandfatherId,
        personId: stretcherCase.id,
        reason: 'grandfather stays with his sister',
      },
      409,
      'conflict',
    );
    expect(error.message).toContain(
      `${vehicles[0]!.label} has ${vehicles[0]!.stretcherPlaces} stretcher places`,
    );
  });

  it('substitutes: the substitute boards in the place, the replaced person goes back to ready', async () => {
    const done = await call<{ replaced: ManifestEntryView; substitute: ManifestEntryView }>(
      t,
      'field',
      'POST',
      `/api/convoys/${c.convoyId}/substitutions`,
      {
        replacedPersonId: c.grandfatherId,
        qr: personCode(c.strangerId),
        reason: 'grandfather stays with his sister',
      },
      200,
    );
    expect(done.replaced).toMatchObject({
      personId: c.grandfatherId,
      status: 'replaced',
      reason: 'grandfather stays with his sister',
      personStatus: 'ready',
    });
    expect(done.substitute).toMatchObject({
      personId: c.strangerId,
      vehicleId: c.vehicleId,
      status: 'boarded',
      substituteFor: c.grandfatherId,
      boardingMethod: 'qr',
      personStatus: 'boarded',
    });
    const history = await call<{ items: Array<{ after: { status?: string } }> }>(
      t,
      'coordinator',
      'GET',
      `/api/people/${c.strangerId}/history`,
      undefined,
      200,
    );
    expect(history.items.map((h) => h.after.status).filter(Boolean)).toEqual(
      expect.arrayContaining(['ready', 'assigned', 'boarded']),
    );
    expect((await manifest()).counts).toEqual({ expected: 0, boarded: 3, no_show: 0, replaced: 1, total: 4 });
    const error = await refused(
      `/api/convoys/${c.convoyId}/boarding`,
      { personId: c.grandfatherId },
      409,
      'conflict',
    );
    expect(error.message).toContain(`it was given to ${c.strangerId}`);
  });

  it('prints the manifest: each vehicle’s people with what became of them', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/convoys/${c.convoyId}/manifest.pdf`,
      headers: t.as('reception'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('convoy-C-1-manifest.pdf');
    const text = await pdfText(response.rawPayload);
    expect(text).toContain('Manifest · convoy C-1');
    expect(text).toContain('Bezimenne');
    expect(text).toContain('4 on the manifest: 3 boarded, 0 expected, 0 no-show, 1 replaced');
    for (const name of ['Convoy Mother', 'Convoy Daughter', 'Convoy Grandfather', 'Convoy Stranger'])
      expect(text).toContain(name);
    expect(text).toContain('replaced: grandfather stays with his sister');
    expect(text).toContain(`in place of ${c.grandfatherId.slice(-8)}`);
    expect(text).toMatch(/page 1 of 1/);
  });

  it('prints a card for everyone holding a place: name and code beside a QR code that holds no name', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/convoys/${c.convoyId}/cards.pdf`,
      headers: t.as('field'),
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const pages = await pdfPages(response.rawPayload);
    expect(pages).toHaveLength(1);
    const [page] = pages;
    for (const id of [c.motherId, c.daughterId, c.strangerId]) expect(page).toContain(personCode(id));
    for (const name of ['Convoy Mother', 'Convoy Daughter', 'Convoy Stranger']) expect(page).toContain(name);
    // The grandfather's place went to the stranger: no card for him.
    expect(page).not.toContain(personCode(c.grandfatherId));
    expect(page).not.toContain('Grandfather');

    const bands = await t.app.inject({
      method: 'GET',
      url: `/api/convoys/${c.convoyId}/cards.pdf?layout=wristband`,
      headers: t.as('field'),
    });
    expect(bands.statusCode).toBe(200);
    expect(bands.headers['content-disposition']).toContain('convoy-C-1-wristbands.pdf');
    const bandText = await pdfText(bands.rawPayload);
    for (const id of [c.motherId, c.daughterId, c.strangerId]) expect(bandText).toContain(personCode(id));
  });

  it('locks the manifest at departure: boarding, no-shows and substitutions are refused after it', async () => {
    await call(
      t,
      'coordinator',
      'POST',
      `/api/convoys/${c.convoyId}/depart`,
      { departedAt: '2022-05-06T07:40:00Z', override: { reason: 'the parties were told by phone' } },
      200,
    );
    const locked = await manifest();
    expect(locked.convoy.manifestLockedAt).toBe('2022-05-06T07:40:00.000Z');
    for (const [path, payload] of [
      ['boarding', { personId: c.grandfatherId }],
      ['no-shows', { personId: c.grandfatherId, reason: 'left behind' }],
      [
        'substitutions',
        { replacedPersonId: c.grandfatherId, personId: f.childId, reason: 'a seat was free' },
      ],
    ] as const) {
      const error = await refused(`/api/convoys/${c.convoyId}/${path}`, payload, 409, 'conflict');
      expect(error.message, path).toContain('locked at departure (2022-05-06 07:40 UTC)');
    }
  });
});
