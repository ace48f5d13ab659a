// Disclosure profiles: what each party may receive, managed by the cell and enforced by every export
// and notification, each export recorded in the audit trail with its profile and recipient.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../src/domain/audit.ts';
import { roles } from '../src/domain/roles.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { type ConvoyFixtures, seedConvoy } from './support/convoy-fixtures.ts';
import { backendName, snapshot } from './support/database.ts';
import { call, type Fixtures, secretNames, seedSite } from './support/fixtures.ts';
import { expectError } from './support/http.ts';
import { seedLogistics } from './support/logistics-fixtures.ts';

let t: TestApp;
let f: Fixtures;
let c: ConvoyFixtures;
const icrc = 'ICRC Central Tracing Agency';

beforeAll(async () => {
  t = await openTestApp();
  f = await seedSite(t);
  await seedLogistics(t, f);
  c = await seedConvoy(t, f);
  // The adult agreed to be found; the child was never asked.
  await call(
    t,
    'coordinator',
    'PUT',
    `/api/people/${f.personId}/tracing-consent`,
    { decision: 'agreed' },
    200,
  );
}, 300_000);
afterAll(() => t?.close());

const get = (url: string, role: 'coordinator' | 'admin' = 'coordinator') =>
  t.app.inject({ method: 'GET', url, headers: t.as(role) });
const siteExport = (profile: string, recipient: string) =>
  get(`/api/sites/${f.siteId}/export?${new URLSearchParams({ profile, recipient })}`);
const pfifExport = (profile: string, recipient: string) =>
  get(`/api/sites/${f.siteId}/pfif?${new URLSearchParams({ profile, recipient })}`);

async function assign(partyId: string, profile: string | null): Promise<void> {
  const response = await t.app.inject({
    method: 'PUT',
    url: `/api/parties/${partyId}/disclosure-profile`,
    headers: t.as('coordinator'),
    payload: { profile },
  });
  expect(response.statusCode, response.body).toBe(204);
}

async function exportsInAudit(): Promise<AuditEntry[]> {
  const body = await call<{ entries: AuditEntry[] }>(
    t,
    'auditor',
    'GET',
    '/api/audit?kind=export&limit=1000',
    undefined,
    200,
  );
  return body.entries;
}

describe(`disclosure profiles (${backendName})`, () => {
  it('are listed to the cell, admins and auditors; the cell alone changes them', async () => {
    for (const role of roles) {
      const response = await t.app.inject({
        method: 'GET',
        url: '/api/disclosure-profiles',
        headers: t.as(role),
      });
      expect(response.statusCode, role).toBe(['coordinator', 'admin', 'auditor'].includes(role) ? 200 : 403);
    }
    const names = (
      await call<Array<{ name: string }>>(t, 'auditor', 'GET', '/api/disclosure-profiles', undefined, 200)
    ).map((p) => p.name);
    expect(names).toEqual(['cell-transfer', 'icrc-tracing', 'parties-to-the-conflict', 'public']);
    const made = await call(
      t,
      'coordinator',
      'POST',
      '/api/disclosure-profiles',
      {
        name: 'donors',
        purpose: 'Monthly figures for donors',
        grants: ['counts'],
        minCell: 10,
        recipients: ['ECHO'],
      },
      201,
    );
    expect(made).toMatchObject({ name: 'donors', grants: ['counts'], minCell: 10, consentRequired: false });
    const changed = await call(
      t,
      'coordinator',
      'PATCH',
      '/api/disclosure-profiles/donors',
      { minCell: 8 },
      200,
    );
    expect(changed).toMatchObject({ minCell: 8, recipients: ['ECHO'] });
    for (const role of ['field', 'reception', 'observer', 'auditor', 'admin'] as const) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: '/api/disclosure-profiles/donors',
        headers: t.as(role),
        payload: { minCell: 1 },
      });
      expect(response.statusCode, role).toBe(403);
    }
  });

  it('refuses bad profiles and changes nothing', async () => {
    const before = await snapshot(t.db);
    const post = (payload: unknown) =>
      t.app.inject({
        method: 'POST',
        url: '/api/disclosure-profiles',
        headers: t.as('coordinator'),
        payload: payload as object,
      });
    expectError(await post({ name: 'donors', purpose: 'again', grants: [] }), 409, 'conflict');
    expectError(await post({ name: 'Donors!', purpose: 'x', grants: [] }), 400, 'validation_failed');
    expectError(await post({ name: 'x', purpose: 'x', grants: ['everything'] }), 400, 'validation_failed');
    expectError(await post({ name: 'x', purpose: '', grants: [] }), 400, 'validation_failed');
    expectError(await post({ name: 'x', purpose: 'x', grants: [], minCell: 0 }), 400, 'validation_failed');
    expectError(
      await post({ name: 'x', purpose: 'x', grants: [], recipients: [''] }),
      400,
      'validation_failed',
    );
    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/disclosure-profiles/nobody',
      headers: t.as('coordinator'),
      payload: { minCell: 3 },
    });
    expectError(patch, 404, 'not_found');
    expect(await snapshot(t.db)).toBe(before);
  });

  it('each profile reveals exactly what it allows: the site file, PFIF and notifications', async () => {
    // [profile, recipient] → [site file, PFIF]
    const cases: Array<[string, string, number, number]> = [
      ['parties-to-the-conflict', 'Ministry of Defence', 403, 403],
      ['public', 'Press', 403, 403],
      ['donors', 'ECHO', 403, 403],
      // Names to the ICRC's tracing service only, and only of people who agreed: no site file.
      ['icrc-tracing', icrc, 403, 200],
      ['icrc-tracing', 'Another registry', 403, 403],
      ['cell-transfer', 'Corridor, Zaporizhzhia cell', 200, 200],
    ];
    for (const [profile, recipient, site, pfif] of cases) {
      expect((await siteExport(profile, recipient)).statusCode, `site file, ${profile}`).toBe(site);
      expect((await pfifExport(profile, recipient)).statusCode, `pfif, ${profile}`).toBe(pfif);
    }
    const refused = (await siteExport('public', 'Press')).json().error;
    expect(refused.message).toContain('does not allow');
    // Under icrc-tracing, the PFIF export names the adult who agreed and not the child never asked.
    const xml = (await pfifExport('icrc-tracing', icrc)).body;
    expect(xml).toContain(secretNames.familyLatin);
    expect(xml).not.toContain(`/${c.convoyId}`);
  });

  it('records each export with its profile, recipient and purpose, and no name', async () => {
    const before = (await exportsInAudit()).length;
    expect((await siteExport('cell-transfer', 'Corridor, Zaporizhzhia cell')).statusCode).toBe(200);
    const entries = await exportsInAudit();
    expect(entries).toHaveLength(before + 1);
    expect(entries.at(-1)).toMatchObject({
      actorId: t.users.coordinator.id,
      action: 'site-file',
      entity: 'site',
      entityId: f.siteId,
      detail: {
        profile: 'cell-transfer',
        recipient: 'Corridor, Zaporizhzhia cell',
        purpose: expect.stringContaining('registry'),
      },
    });
    // A refused export is not recorded as made.
    await siteExport('public', 'Press');
    expect(await exportsInAudit()).toHaveLength(before + 1);
  });

  it('requires a profile and a recipient wherever an export happens', async () => {
    expectError(await get(`/api/sites/${f.siteId}/export`), 400, 'validation_failed');
    expectError(await get(`/api/sites/${f.siteId}/pfif?profile=icrc-tracing`), 400, 'validation_failed');
    expectError(await siteExport('nobody', 'ECHO'), 404, 'not_found');
    expectError(await siteExport('cell-transfer', '\u0007'), 400, 'validation_failed');
  });

  it("checks each convoy notification against the party's profile", async () => {
    // The mediator given the public profile (counts only) may not be told of movements.
    const { items: parties } = await call<{ items: Array<{ id: string; name: string }> }>(
      t,
      'coordinator',
      'GET',
      '/api/parties',
      undefined,
      200,
    );
    const party = parties.find((p) => p.id === f.partyId)!;
    await assign(party.id, 'public');
    const before = await snapshot(t.db);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/convoys/${c.convoyId}/notifications`,
      headers: t.as('coordinator'),
      payload: {},
    });
    expectError(refused, 403, 'forbidden');
    expect(refused.json().error.message).toContain('movements');
    expect(await snapshot(t.db)).toBe(before);
    // Back to the default, parties-to-the-conflict: every party is notified, each export recorded.
    await assign(party.id, null);
    const sent = await call<{ sent: Array<{ id: string; partyId: string }> }>(
      t,
      'coordinator',
      'POST',
      `/api/convoys/${c.convoyId}/notifications`,
      {},
      201,
    );
    const entries = (await exportsInAudit()).filter((e) => e.action === 'notification');
    expect(entries.map((e) => e.detail?.notificationId).sort()).toEqual(sent.sent.map((n) => n.id).sort());
    const mine = entries.find((e) => e.detail?.partyId === party.id)!;
    expect(mine).toMatchObject({
      entity: 'convoy',
      entityId: c.convoyId,
      detail: { profile: 'parties-to-the-conflict', recipient: party.name },
    });
    expectError(
      await t.app.inject({
        method: 'PUT',
        url: `/api/parties/${party.id}/disclosure-profile`,
        headers: t.as('field'),
        payload: { profile: null },
      }),
      403,
      'forbidden',
    );
  });
});
