import { describe, expect, it } from 'vitest';
import {
  type BundleFile,
  type BundleOp,
  bundleFormat,
  exportPrivateKey,
  exportPublicKey,
  fromBase64Url,
  importBundleKey,
  importPrivateKey,
  importPublicKey,
  makeDeviceKeys,
  openBundle,
  sealBundle,
  toBase64Url,
} from './bundle.ts';

const deviceId = '0190a0a9-0000-7000-8000-00000000000a';
const ops: BundleOp[] = [3, 4, 5].map((seq) => ({
  opId: `0190a0b0-1c2d-7e3f-8a4b-5c6d7e8f9a0${seq}`,
  deviceId,
  seq,
  kind: 'headcount.report',
  payload: { count: seq },
}));
const rawBundleKey = toBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)));

async function device() {
  const pair = await makeDeviceKeys(true);
  return {
    signingKey: await importPrivateKey(await exportPrivateKey(pair.privateKey)),
    publicKey: await importPublicKey(await exportPublicKey(pair.publicKey)),
    bundleKey: await importBundleKey(rawBundleKey),
  };
}

describe('corridor-bundle/1', () => {
  it('opens what it sealed, with only counts and sequence numbers in clear', async () => {
    const keys = await device();
    const file = await sealBundle({ deviceId, ops, ...keys, createdAt: new Date('2026-11-30T04:00:00Z') });
    expect(file).toMatchObject({
      format: bundleFormat,
      deviceId,
      createdAt: '2026-11-30T04:00:00.000Z',
      opCount: 3,
      firstSeq: 3,
      lastSeq: 5,
    });
    expect(JSON.stringify(file)).not.toContain('headcount');
    expect(await openBundle(file, keys)).toEqual(ops);
  });

  it('refuses a changed field, another signature, another key and operations out of sequence', async () => {
    const keys = await device();
    const file = await sealBundle({ deviceId, ops, ...keys });
    const flipped = fromBase64Url(file.ciphertext)!;
    flipped[5]! ^= 1;
    const other = await device();
    const otherFile = await sealBundle({ deviceId, ops, ...other });
    const cases: Array<[string, BundleFile, typeof keys, string]> = [
      ['a ciphertext byte', { ...file, ciphertext: toBase64Url(flipped) }, keys, 'signature'],
      ['the seq range', { ...file, lastSeq: 6 }, keys, 'signature'],
      ['the op count', { ...file, opCount: 2 }, keys, 'signature'],
      ['the time', { ...file, createdAt: '2026-11-30T05:00:00.000Z' }, keys, 'signature'],
      ["another bundle's signature", { ...file, signature: otherFile.signature }, keys, 'signature'],
      ['a signature cut short', { ...file, signature: file.signature.slice(0, 40) }, keys, 'signature'],
      ['another device key', file, { ...keys, publicKey: other.publicKey }, 'signature'],
    ];
    for (const [name, bad, with_, refusal] of cases)
      await expect(openBundle(bad, with_), name).rejects.toMatchObject({ refusal });
    const wrongBundleKey = await importBundleKey(toBase64Url(new Uint8Array(32)));
    await expect(openBundle(file, { ...keys, bundleKey: wrongBundleKey })).rejects.toMatchObject({
      refusal: 'decryption',
    });
    await expect(sealBundle({ deviceId, ops: [ops[0]!, ops[2]!], ...keys })).rejects.toMatchObject({
      refusal: 'contents',
    });
    await expect(sealBundle({ deviceId, ops: [], ...keys })).rejects.toMatchObject({ refusal: 'contents' });
  });

  it('reads and writes base64url of any length, and refuses other text', () => {
    for (const length of [0, 1, 2, 3, 31, 32, 40_000]) {
      const bytes = globalThis.crypto.getRandomValues(new Uint8Array(length));
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
    expect(fromBase64Url('a+b/')).toBeUndefined();
    expect(fromBase64Url('abcde')).toBeUndefined();
  });
});
