import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConvoyView } from '../src/services/convoy-view.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { type ConvoyFixtures, seedConvoy } from './support/convoy-fixtures.ts';
import { backendName, snapshot } from './support/database.ts';
import { call, type Fixtures, seedSite } from './support/fixtures.ts';
import { expectError } from './support/http.ts';
import { seedLogistics } from './support/logistics-fixtures.ts';

// The cell records the real marking and crew of convoy C-1's vehicle after the parties were
// notified: their notifications become outdated, and notifying again tells them the new crew.

let t: TestApp;
let f: Fixtures;
let c: ConvoyFixtures;

const night = '2022-05-06T01:00:00Z';
const view = () =>
  call<ConvoyView>(t, 'coordinator', 'GET', `/api/convoys/${c.convoyId}?at=${night}`, undefined, 200);
const patch = (payload: object, role: 'coordinator' | 'field' = 'coordinator', vehicleId = c.vehicleId) =>
  t.app.inject({
    method: 'PATCH',
    url: `/api/convoys/${c.convoyId}/vehicles/${vehicleId}`,
    headers: t.as(role),
    payload,
  });

beforeAll(async () => {
  t = await openTestApp();
  f = await seedSite(t);
  await seedLogistics(t, f);
  c = await seedConvoy(t, f, { notified: true });
}, 300_000);
afterAll(() => t.close());

describe(`a convoy vehicle's marking and crew (${backendName})`, () => {
  it('records the crew and marking, trimmed, with an entry in the operations log', async () => {
    expect((await view()).notifications.every((n) => n.current)).toBe(true);
    const response = await patch({
      crewSize: 3,
      crewNote: '  driver + 2 medics, ICRC ',
      marking: ' UA-17 white ',
    });
    expect(response.statusCode).toBe(200);
    const vehicle = (await view()).vehicles.find((v) => v.vehicleId === c.vehicleId)!;
    expect(vehicle).toMatchObject({
      crewSize: 3,
      crewNote: 'driver + 2 medics, ICRC',
      marking: 'UA-17 white',
    });
    expect((await view()).crew).toBe(3);
    const { rows } = await t.db.query<{ action: string; actor_id: string }>(
      `SELECT action, actor_id FROM operation WHERE entity = 'convoy' AND entity_id = $1 AND action = 'update_vehicle'`,
      [c.convoyId],
    );
    expect(rows).toHaveLength(1);
  });

  it("shows each party's notification as outdated, and notifying again tells them the new crew", async () => {
    const before = await view();
    expect(before.notifications.length).toBeGreaterThan(0);
    expect(before.notifications.every((n) => !n.current)).toBe(true);
    const sent = await call<{
      sent: Array<{ version: number; content: { vehicles: { items: unknown[] } } }>;
    }>(
      t,
      'coordinator',
      'POST',
      `/api/convoys/${c.convoyId}/notifications`,
      { sentAt: '2022-05-05T21:00:00Z' },
      201,
    );
    expect(sent.sent.length).toBe(before.notifications.length);
    for (const n of sent.sent) {
      expect(n.version).toBe(2);
      expect(n.content.vehicles.items).toEqual([
        expect.objectContaining({ marking: 'UA-17 white', crew: 3 }),
      ]);
    }
    expect((await view()).notifications.every((n) => n.current)).toBe(true);
  });

  it('a crew note alone stays with the cell: the notifications remain current', async () => {
    expect((await patch({ crewNote: 'driver, MSF' })).statusCode).toBe(200);
    const v = await view();
    expect(v.vehicles[0]!.crewNote).toBe('driver, MSF');
    expect(v.notifications.every((n) => n.current)).toBe(true);
  });

  it('refuses a vehicle that is not in the convoy, and changes nothing', async () => {
    const before = await snapshot(t.db);
    const response = await patch({ crewSize: 2 }, 'coordinator', f.siteId);
    expectError(response, 404, 'not_found');
    expect(response.json().error.message).toContain('is not in convoy');
    expect(await snapshot(t.db)).toBe(before);
  });

  it('refuses a change once the convoy is cancelled, saying so', async () => {
    await call(t, 'coordinator', 'POST', `/api/convoys/${c.convoyId}/cancel`, { reason: 'road closed' }, 200);
    const before = await snapshot(t.db);
    const response = await patch({ crewSize: 2 });
    expectError(response, 409, 'conflict');
    expect(response.json().error.message).toContain('is cancelled');
    expect(await snapshot(t.db)).toBe(before);
  });
});
