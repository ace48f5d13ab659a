// Bundles, corridor-bundle/1: a device's operations carried out of the site as a file and imported
// by someone else. The file must be the device's own and unaltered, or nothing of it is applied;
// importing it twice, or after the device pushed the same operations online, changes nothing more.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import { bundleFileSchema } from '../src/server/schemas/bundles.ts';
import { createToken, createUser } from '../src/services/accounts.ts';
import { readBundleText } from '../src/services/bundles.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import {
  exportPublicKey,
  fromBase64Url,
  importBundleKey,
  makeDeviceKeys,
  sealBundle,
  toBase64Url,
} from '../src/sync/bundle.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName, snapshot } from './support/database.ts';
import { call } from './support/fixtures.ts';
import { expectError } from './support/http.ts';
import { Device, makeSyncSite, push, type SiteIds, stateHash } from './support/sync-device.ts';

let t: TestApp;
let site: SiteIds;
const base = Date.UTC(2022, 4, 6, 9, 0, 0);
const name = (family: string, given: string) => [{ script: 'Cyrl', family, given }];

beforeAll(async () => {
  t = await openTestApp();
  site = await makeSyncSite(t, 'Azovstal');
});
afterAll(() => t.close());

interface Enrolled {
  device: Device;
  signingKey: CryptoKey;
  bundleKey: CryptoKey;
}

/** A field device enrolled while online, as the app does it: keys made on the device, the bundle key issued. */
async function enrolled(token = t.as('field')): Promise<Enrolled> {
  const device = new Device(base);
  const keys = await makeDeviceKeys(false);
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/sync/devices',
    headers: token,
    payload: { deviceId: device.id, publicKey: await exportPublicKey(keys.publicKey) },
  });
  expect(response.statusCode, response.body).toBe(201);
  const enrolment = response.json() as { bundleKey: string; deviceId: string };
  expect(enrolment.deviceId).toBe(device.id);
  return { device, signingKey: keys.privateKey, bundleKey: await importBundleKey(enrolment.bundleKey) };
}

/** A day in the tunnels: two registrations, a correction and a headcount. */
function offlineWork(device: Device, label: string): void {
  const first = newId();
  device.op('person.register', first, {
    siteId: site.siteId,
    shelterId: site.shelterId,
    names: name('Коваленко', label),
    sex: 'female',
  });
  device.op('person.register', newId(), { siteId: site.siteId, names: name('Бондар', label), sex: 'male' });
  device.op('person.update', first, { note: 'walks with a stick' });
  device.op('headcount.report', newId(), {
    siteId: site.siteId,
    category: 'total',
    count: 40,
    source: `team ${label}`,
    reportedAt: '2022-05-06T09:00:00Z',
  });
}

const seal = (e: Enrolled, ops = e.device.pending) =>
  sealBundle({ deviceId: e.device.id, ops, signingKey: e.signingKey, bundleKey: e.bundleKey });

async function importAs(file: unknown, role: 'coordinator' | 'field' = 'coordinator') {
  return t.app.inject({
    method: 'POST',
    url: '/api/sync/bundles',
    headers: t.as(role),
    payload: file as Record<string, unknown>,
  });
}

interface ImportAnswer {
  summary: Record<'applied' | 'conflict' | 'rejected' | 'duplicate' | 'gap', number>;
  deviceLastSeq: number;
  gap: { expectedSeq: number; message: string } | null;
  results: { seq: number; outcome: string; duplicate: boolean }[];
}

async function imported(file: unknown): Promise<ImportAnswer> {
  const response = await importAs(file);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ImportAnswer;
}

/**
 * The database byte for byte, but for the audit trail's chaining, which moves entries from pending to
 * chained in the background: of the audit trail only how many entries it holds.
 */
async function unchanged(): Promise<string> {
  const all = await snapshot(t.db);
  const sections = all.split(/\n(?=[a-z_0-9]+ \d+\n)/);
  const audit = sections.filter((part) => /^audit_(entry|pending) /.test(part));
  const count = audit.reduce((sum, part) => sum + Number(part.split('\n')[0]!.split(' ')[1]), 0);
  return [...sections.filter((part) => !part.startsWith('audit_')), `audit entries ${count}`].join('\n');
}

const none = { applied: 0, conflict: 0, rejected: 0, duplicate: 0, gap: 0 };

describe(`bundles (${backendName})`, () => {
  it('a bundle carried out and imported applies the device’s work; importing it again, or the device pushing the same operations online, changes nothing more', async () => {
    const courier = await enrolled();
    offlineWork(courier.device, 'Ірина');
    const file = await seal(courier);
    const before = await stateHash(t, site.siteId, new Map());
    const first = await imported(JSON.parse(JSON.stringify(file)));
    expect(first.summary).toEqual({ ...none, applied: 4 });
    expect(first.deviceLastSeq).toBe(4);
    expect(first.gap).toBeNull();
    const afterFirst = await stateHash(t, site.siteId, new Map());
    expect(afterFirst).not.toBe(before);

    const again = await imported(file);
    expect(again.summary).toEqual({ ...none, duplicate: 4 });
    expect(await stateHash(t, site.siteId, new Map())).toBe(afterFirst);

    // The same operations from the device itself, once it reaches a signal: duplicates too.
    const online = await push(t, courier.device.pending);
    expect(online.results.every((r) => r.duplicate)).toBe(true);
    expect(await stateHash(t, site.siteId, new Map())).toBe(afterFirst);

    const person = await call<{ names: { given: string }[]; note: string | null }>(
      t,
      'coordinator',
      'GET',
      `/api/people/${courier.device.pending[0]!.entityId}`,
      undefined,
      200,
    );
    expect(person.note).toBe('walks with a stick');
  });

  it('operations pushed online before the bundle was imported are duplicates; the rest apply', async () => {
    const team = await enrolled();
    offlineWork(team.device, 'Олена');
    const file = await seal(team);
    await push(t, team.device.pending.slice(0, 2));
    const answer = await imported(file);
    expect(answer.summary).toEqual({ ...none, applied: 2, duplicate: 2 });
  });

  it('a bundle whose earlier operations have not arrived waits, says which are missing, and applies once they have', async () => {
    const team = await enrolled();
    offlineWork(team.device, 'Марія');
    const earlier = await seal(team, team.device.pending.slice(0, 2));
    const later = await seal(team, team.device.pending.slice(2));
    const waiting = await imported(later);
    expect(waiting.summary).toEqual({ ...none, gap: 2 });
    expect(waiting.gap?.expectedSeq).toBe(1);
    expect(waiting.gap?.message).toContain(`operations 1–2 of device ${team.device.id} have not reached`);
    expect((await imported(earlier)).summary).toEqual({ ...none, applied: 2 });
    expect((await imported(later)).summary).toEqual({ ...none, applied: 2 });
  });

  it('refuses every altered bundle whole, and the database is unchanged byte for byte', async () => {
    const team = await enrolled();
    offlineWork(team.device, 'Оксана');
    const file = await seal(team);
    const other = await enrolled();
    offlineWork(other.device, 'Зоя');
    const otherFile = await seal(other);
    const flipped = fromBase64Url(file.ciphertext)!;
    flipped[10]! ^= 0x01;
    const stranger = await makeDeviceKeys(false);
    const signedByStranger = await sealBundle({
      deviceId: team.device.id,
      ops: team.device.pending,
      signingKey: stranger.privateKey,
      bundleKey: team.bundleKey,
    });
    const sealedForAnother = await sealBundle({
      deviceId: team.device.id,
      ops: team.device.pending,
      signingKey: team.signingKey,
      bundleKey: await importBundleKey(toBase64Url(new Uint8Array(32).fill(7))),
    });
    const cases: Array<[string, unknown, number, string, string]> = [
      [
        'a ciphertext byte flipped',
        { ...file, ciphertext: toBase64Url(flipped) },
        400,
        'bad_request',
        'signature',
      ],
      [
        'the device id of another enrolled device',
        { ...file, deviceId: other.device.id },
        400,
        'bad_request',
        'signature',
      ],
      [
        'the device id of no device',
        { ...file, deviceId: newId() },
        422,
        'unknown_reference',
        'not enrolled',
      ],
      ['the seq range moved', { ...file, firstSeq: 2, lastSeq: 5 }, 400, 'bad_request', 'signature'],
      ['the op count changed', { ...file, opCount: 3 }, 400, 'bad_request', 'signature'],
      ['the nonce changed', { ...file, nonce: otherFile.nonce }, 400, 'bad_request', 'signature'],
      [
        "another bundle's signature",
        { ...file, signature: otherFile.signature },
        400,
        'bad_request',
        'signature',
      ],
      ['signed with another key', signedByStranger, 400, 'bad_request', 'signature'],
      ["sealed with another device's bundle key", sealedForAnother, 400, 'bad_request', 'decrypt'],
      [
        'another format version',
        { ...file, format: 'corridor-bundle/2' },
        400,
        'validation_failed',
        'format',
      ],
      ['a field added', { ...file, note: 'x' }, 400, 'validation_failed', 'note'],
      ['the signature missing', { ...file, signature: undefined }, 400, 'validation_failed', 'signature'],
    ];
    for (const [label, bad, status, code, mention] of cases) {
      const before = await unchanged();
      const response = await importAs(bad);
      expect(response.statusCode, `${label}: ${response.body}`).toBe(status);
      expectError(response, status, code);
      expect(response.json().error.message, label).toContain(mention);
      expect(await unchanged(), `${label}: the database`).toBe(before);
    }
    const before = await unchanged();
    const text = JSON.stringify(file);
    const cut = await t.app.inject({
      method: 'POST',
      url: '/api/sync/bundles',
      headers: { ...t.as('coordinator'), 'content-type': 'application/json' },
      payload: text.slice(0, text.length / 2),
    });
    expectError(cut, 400, 'malformed_json');
    expect(() => readBundleText(text.slice(0, text.length / 2))).toThrow(/not JSON/);
    expect(await unchanged()).toBe(before);
    // The genuine file still imports.
    expect((await imported(file)).summary).toEqual({ ...none, applied: 4 });
  });

  it('refuses the bundle of a disabled account’s device, and an enrolment of another account’s device', async () => {
    const user = await createUser(t.db, systemActor, {
      username: 'lost-phone',
      role: 'field',
      password: 'lost-phone-password',
    });
    const { token } = await createToken(t.db, systemActor, user.id, null);
    const team = await enrolled({ authorization: `Bearer ${token}` });
    offlineWork(team.device, 'Ганна');
    const file = await seal(team);
    await call(t, 'admin', 'PATCH', `/api/users/${user.id}`, { disabled: true }, 200);
    const before = await unchanged();
    expectError(await importAs(file), 403, 'forbidden');
    expect(await unchanged()).toBe(before);

    const keys = await makeDeviceKeys(false);
    const theft = await t.app.inject({
      method: 'POST',
      url: '/api/sync/devices',
      headers: t.as('coordinator'),
      payload: { deviceId: team.device.id, publicKey: await exportPublicKey(keys.publicKey) },
    });
    expectError(theft, 403, 'forbidden');
  });

  it('enrols a device once: a repeat with its key gets the same bundle key, another key is refused', async () => {
    const deviceId = newId();
    const keys = await makeDeviceKeys(false);
    const publicKey = await exportPublicKey(keys.publicKey);
    const enrol = (key: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/sync/devices',
        headers: t.as('field'),
        payload: { deviceId, publicKey: key },
      });
    const first = await enrol(publicKey);
    expect(first.statusCode).toBe(201);
    const repeat = await enrol(publicKey);
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json().bundleKey).toBe(first.json().bundleKey);
    const other = await exportPublicKey((await makeDeviceKeys(false)).publicKey);
    expectError(await enrol(other), 409, 'conflict');
    // The bundle key is sealed at rest like a personal field.
    const raw = await t.db.query<{ sealed: boolean }>(
      "SELECT bundle_key LIKE '\u0001enc1:%' AS sealed FROM sync_device_key WHERE device_id = $1",
      [deviceId],
    );
    expect(raw.rows[0]?.sealed).toBe(true);
  });

  it('publishes the format as the committed JSON Schema', () => {
    const committed = JSON.parse(
      readFileSync(new URL('../docs/bundle-file.schema.json', import.meta.url), 'utf8'),
    );
    expect(committed).toEqual(bundleFileSchema);
  });
});
