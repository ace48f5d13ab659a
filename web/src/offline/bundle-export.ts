import { exportPublicKey, importBundleKey, makeDeviceKeys, sealBundle } from '../../../src/sync/bundle.ts';
import { api } from '../api/client.ts';
import type { LocalStore } from './local-store.ts';
import { wireOf } from './operations.ts';

// Bundles (docs/bundles.md): the device enrols once while online (its Ed25519 key pair made here,
// non-extractable, the bundle key the server issues), so that with no network it can hand its
// waiting operations to someone leaving the site, sealed and signed. The operations stay queued:
// the device forgets one only when a push or an import has been acknowledged.

/**
 * Enrols the device if it has not yet. The key pair is stored before it is sent, so an answer lost
 * on a bad line is asked for again with the same key (the server answers the same).
 */
export async function enrol(store: LocalStore): Promise<void> {
  let keys = await store.bundleKeys();
  if (keys?.bundleKey) return;
  if (!keys) {
    const pair = await makeDeviceKeys(false);
    keys = { signingKey: pair.privateKey, publicKey: pair.publicKey };
    await store.saveBundleKeys(keys);
  }
  const answer = await api<{ bundleKey: string }>('/api/sync/devices', {
    method: 'POST',
    body: { deviceId: await store.deviceId(), publicKey: await exportPublicKey(keys.publicKey) },
  });
  await store.saveBundleKeys({ ...keys, bundleKey: await importBundleKey(answer.bundleKey) });
}

/** The waiting operations as a corridor-bundle/1 file, downloaded; false if there is nothing to seal. */
export async function exportBundle(store: LocalStore): Promise<boolean> {
  const keys = await store.bundleKeys();
  const waiting = (await store.ops()).filter((op) => op.state === 'waiting').sort((a, b) => a.seq - b.seq);
  if (!keys?.bundleKey || waiting.length === 0) return false;
  const file = await sealBundle({
    deviceId: await store.deviceId(),
    ops: waiting.map(wireOf),
    signingKey: keys.signingKey,
    bundleKey: keys.bundleKey,
  });
  const url = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `corridor-bundle-${file.firstSeq}-${file.lastSeq}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
  return true;
}
