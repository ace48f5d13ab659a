import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import {
  type BundleFile,
  type BundleOp,
  exportPublicKey,
  importBundleKey,
  makeDeviceKeys,
  sealBundle,
} from '../src/sync/bundle.ts';
import { formatHlc, type Hlc, tick } from '../src/sync/hlc.ts';
import { launchBrowser, pageAs, seriousViolations } from './support/browser.ts';
import { apiCall } from './support/plans.ts';

// Issue #11: a field device's operations, carried out of the site as a bundle file, imported by the
// cell on the bundle import page. The device is made here as the offline app makes it (keys made on
// the device, enrolled through POST /api/sync/devices as a field team) and seals its bundles with the
// app's own module. The server is shared with the other files: the person registered here has a name
// no scenario person has, and the device is new on every run.

const { url, accounts } = inject('corridor');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser.close());

/** A field device enrolled for bundles; it numbers and stamps its operations as the app does. */
async function enrolledDevice() {
  const deviceId = newId();
  const keys = await makeDeviceKeys(false);
  const enrolment = await apiCall<{ bundleKey: string }>(url, accounts.field, 'POST', '/api/sync/devices', {
    deviceId,
    publicKey: await exportPublicKey(keys.publicKey),
  });
  const bundleKey = await importBundleKey(enrolment.bundleKey);
  let seq = 0;
  let clock: Hlc | null = null;
  return {
    op(kind: string, entityId: string, payload: Record<string, unknown>): BundleOp {
      clock = tick(clock, deviceId, Date.now());
      return {
        opId: newId(),
        deviceId,
        seq: ++seq,
        hlc: formatHlc(clock),
        entity: kind.split('.')[0]!,
        entityId,
        kind,
        payload,
      } as BundleOp;
    },
    seal: (ops: BundleOp[]) => sealBundle({ deviceId, ops, signingKey: keys.privateKey, bundleKey }),
  };
}

/** Chooses the file on the import page and imports it. */
async function importFile(page: Page, name: string, content: string): Promise<void> {
  await page.getByLabel('Bundle file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(content),
  });
  await page.getByRole('button', { name: 'Import' }).click();
}

const count = (page: Page, outcome: string, n: number) =>
  page.getByRole('row', { name: `${outcome} ${n}`, exact: true }).waitFor();

describe('the bundle import page', () => {
  it('imports a device’s bundle and shows what became of each operation; refuses a tampered copy whole', async () => {
    const device = await enrolledDevice();
    const { items: sites } = await apiCall<{ items: Array<{ id: string; name: string }> }>(
      url,
      accounts.field,
      'GET',
      '/api/sites',
    );
    const siteId = sites.find((s) => s.name.startsWith('Azovstal'))!.id;
    const personId = newId();
    const family = `Bundlova${Array.from({ length: 6 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;
    const register = device.op('person.register', personId, {
      siteId,
      names: [{ script: 'Latn', family, given: 'Olena' }],
      sex: 'female',
    });
    // The first operation got out online before the network went: in the bundle it is a duplicate.
    await apiCall(url, accounts.field, 'POST', '/api/sync/push', {
      protocol: 'corridor-sync/1',
      ops: [register],
    });
    const bundle = await device.seal([
      register,
      device.op('person.update', personId, { note: 'walks with a stick' }),
      // Made when the device believed she was ready; she is still sheltering: a conflict.
      device.op('person.status', personId, { status: 'assigned', from: 'ready' }),
      // Someone the server never heard of: rejected, with the reason.
      device.op('person.update', newId(), { note: 'nobody' }),
    ]);

    const page = await pageAs(browser, url, accounts.coordinator);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bundle import' }).click();
    await page.getByRole('heading', { name: 'Import a field bundle' }).waitFor();

    await importFile(page, 'corridor-bundle-1-4.json', JSON.stringify(bundle));
    await page.getByRole('status').filter({ hasText: 'Bundle imported: operations 1–4' }).waitFor();
    await count(page, 'Applied', 1);
    await count(page, 'Already received', 1);
    await count(page, 'Conflicts', 1);
    await count(page, 'Rejected', 1);
    await page
      .getByRole('listitem')
      .filter({ hasText: /^Operation 4: person .* does not exist$/ })
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // The next bundle, with one byte of its sealed operations changed on the way.
    const next = await device.seal([
      device.op('person.update', personId, { note: 'carried out on a stick' }),
    ]);
    const middle = Math.floor(next.ciphertext.length / 2);
    const flipped = next.ciphertext[middle] === 'A' ? 'B' : 'A';
    const tampered: BundleFile = {
      ...next,
      ciphertext: `${next.ciphertext.slice(0, middle)}${flipped}${next.ciphertext.slice(middle + 1)}`,
    };
    await importFile(page, 'corridor-bundle-5-5.json', JSON.stringify(tampered));
    await page.getByText('The bundle was not imported; nothing was changed.').waitFor();
    await page.getByText(/changed after the device made it, or it was not made by that device/).waitFor();
    await page.getByRole('alert').filter({ hasText: 'the signature does not verify' }).waitFor();
    // Nothing of it was applied: the genuine copy, imported after, applies its operation now.
    await importFile(page, 'corridor-bundle-5-5.json', JSON.stringify(next));
    await page.getByRole('status').filter({ hasText: 'Bundle imported: operations 5–5' }).waitFor();
    await count(page, 'Applied', 1);
    await count(page, 'Already received', 0);

    // A file that is not a bundle at all is refused before it is sent.
    await importFile(page, 'notes.json', '{"format": "corridor-bund');
    await page.getByText(/The file is not JSON: a bundle cut short/).waitFor();
    await page.context().close();
  });
});
