import { syncProtocol } from './protocol.ts';

// Bundles, corridor-bundle/1 (docs/bundles.md): a device's pending operations in a file someone can
// carry out of the site and import elsewhere. What a courier or whoever takes the stick may read is
// in clear (the device, the time, how many operations and their sequence numbers: no personal
// data); the operations are sealed with AES-256-GCM under the device's bundle key; an Ed25519
// signature by the device's own key covers every other field, so any change is refused whole.
// Written with WebCrypto only (no Node modules), so the web app and the server share this file.

export const bundleFormat = 'corridor-bundle/1' as const;

export interface BundleFile {
  format: typeof bundleFormat;
  deviceId: string;
  createdAt: string;
  opCount: number;
  firstSeq: number;
  lastSeq: number;
  /** base64url of the 12-byte AES-GCM nonce */
  nonce: string;
  /** base64url of the AES-256-GCM ciphertext of the operations, tag appended */
  ciphertext: string;
  /** base64url of the Ed25519 signature over every other field */
  signature: string;
}

/** An operation of corridor-sync/1 as the device queued it (its other fields the server validates). */
export interface BundleOp {
  opId: string;
  deviceId: string;
  seq: number;
}

export type BundleRefusal = 'signature' | 'decryption' | 'contents' | 'key';

/** The bundle is not one its device made and sealed: nothing of it may be used. */
export class BundleError extends Error {
  constructor(
    readonly refusal: BundleRefusal,
    message: string,
  ) {
    super(message);
    this.name = 'BundleError';
  }
}

const subtle = () => globalThis.crypto.subtle;
const ed25519 = { name: 'Ed25519' } as const;
const nonceBytes = 12;

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // In slices: String.fromCharCode with a megabyte of arguments overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** The bytes of a base64url text, or undefined when it is not base64url. */
export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return undefined;
  const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

/**
 * A device's signing key pair, made on the device. The app makes the private key non-extractable
 * and keeps it in IndexedDB; the CLI device makes it extractable to write its device file.
 */
export function makeDeviceKeys(extractable: boolean): Promise<CryptoKeyPair> {
  return subtle().generateKey(ed25519, extractable, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

/** The public key as sent at enrolment: base64url of its 32 raw bytes. */
export async function exportPublicKey(key: CryptoKey): Promise<string> {
  return toBase64Url(new Uint8Array(await subtle().exportKey('raw', key)));
}

export async function exportPrivateKey(key: CryptoKey): Promise<string> {
  return toBase64Url(new Uint8Array(await subtle().exportKey('pkcs8', key)));
}

export async function importPrivateKey(pkcs8: string): Promise<CryptoKey> {
  const bytes = fromBase64Url(pkcs8);
  if (!bytes) throw new BundleError('key', 'the private key is not base64url');
  try {
    return await subtle().importKey('pkcs8', bytes, ed25519, false, ['sign']);
  } catch {
    throw new BundleError('key', 'the private key is not an Ed25519 key');
  }
}

export async function importPublicKey(raw: string): Promise<CryptoKey> {
  const bytes = fromBase64Url(raw);
  if (bytes?.length !== 32) throw new BundleError('key', 'an Ed25519 public key is 32 bytes in base64url');
  return subtle().importKey('raw', bytes, ed25519, true, ['verify']);
}

/** The bundle key the server issued at enrolment: 32 bytes of AES-256-GCM key in base64url. */
export async function importBundleKey(raw: string): Promise<CryptoKey> {
  const bytes = fromBase64Url(raw);
  if (bytes?.length !== 32) throw new BundleError('key', 'a bundle key is 32 bytes in base64url');
  return subtle().importKey('raw', bytes, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

type Header = Pick<BundleFile, 'format' | 'deviceId' | 'createdAt' | 'opCount' | 'firstSeq' | 'lastSeq'>;

// The clear fields as an array in a fixed order: the same bytes whatever order a JSON writer puts
// an object's keys in. They are the ciphertext's associated data and, with the nonce and the
// ciphertext, what the device signs.
const headerBytes = (h: Header) =>
  utf8(JSON.stringify([h.format, h.deviceId, h.createdAt, h.opCount, h.firstSeq, h.lastSeq]));
const signedBytes = (b: Omit<BundleFile, 'signature'>) =>
  utf8(
    JSON.stringify([
      b.format,
      b.deviceId,
      b.createdAt,
      b.opCount,
      b.firstSeq,
      b.lastSeq,
      b.nonce,
      b.ciphertext,
    ]),
  );

/** The device's pending operations sealed and signed; they must be its own, in sequence, without holes. */
export async function sealBundle(input: {
  deviceId: string;
  ops: readonly BundleOp[];
  signingKey: CryptoKey;
  bundleKey: CryptoKey;
  createdAt?: Date;
}): Promise<BundleFile> {
  const { ops, deviceId } = input;
  if (ops.length === 0)
    throw new BundleError('contents', 'there are no pending operations to put in a bundle');
  checkSequence(deviceId, ops, ops[0]!.seq);
  const header: Header = {
    format: bundleFormat,
    deviceId,
    createdAt: (input.createdAt ?? new Date()).toISOString(),
    opCount: ops.length,
    firstSeq: ops[0]!.seq,
    lastSeq: ops.at(-1)!.seq,
  };
  const nonce = globalThis.crypto.getRandomValues(new Uint8Array(nonceBytes));
  const plaintext = utf8(JSON.stringify({ protocol: syncProtocol, ops }));
  const ciphertext = await subtle().encrypt(
    { name: 'AES-GCM', iv: nonce, additionalData: headerBytes(header) },
    input.bundleKey,
    plaintext,
  );
  const unsigned = {
    ...header,
    nonce: toBase64Url(nonce),
    ciphertext: toBase64Url(new Uint8Array(ciphertext)),
  };
  const signature = await subtle().sign(ed25519, input.signingKey, signedBytes(unsigned));
  return { ...unsigned, signature: toBase64Url(new Uint8Array(signature)) };
}

/**
 * The operations of a bundle whose fields are well formed (the caller checked the shape): the
 * signature is verified with the device's public key before anything is decrypted, then the
 * operations are checked against the clear fields. Any failure throws a BundleError.
 */
export async function openBundle(
  file: BundleFile,
  keys: { publicKey: CryptoKey; bundleKey: CryptoKey },
): Promise<BundleOp[]> {
  const signature = fromBase64Url(file.signature);
  const verified =
    signature !== undefined &&
    signature.length === 64 &&
    (await subtle().verify(ed25519, keys.publicKey, signature, signedBytes(file)));
  if (!verified)
    throw new BundleError(
      'signature',
      `the signature does not verify with device ${file.deviceId}'s key: the file was changed after it was made, or another device made it`,
    );
  const nonce = fromBase64Url(file.nonce);
  const ciphertext = fromBase64Url(file.ciphertext);
  let plaintext: ArrayBuffer;
  try {
    if (!nonce || nonce.length !== nonceBytes || !ciphertext) throw new Error('malformed');
    plaintext = await subtle().decrypt(
      { name: 'AES-GCM', iv: nonce, additionalData: headerBytes(file) },
      keys.bundleKey,
      ciphertext,
    );
  } catch {
    throw new BundleError(
      'decryption',
      `the operations do not decrypt with device ${file.deviceId}'s bundle key: the file is damaged or was sealed for another device`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(plaintext));
  } catch {
    throw new BundleError('contents', 'the decrypted operations are not JSON');
  }
  const { protocol, ops } = (body ?? {}) as { protocol?: unknown; ops?: unknown };
  if (protocol !== syncProtocol || !Array.isArray(ops))
    throw new BundleError('contents', `the bundle does not hold ${syncProtocol} operations`);
  if (ops.length !== file.opCount)
    throw new BundleError('contents', `the bundle says ${file.opCount} operations but holds ${ops.length}`);
  checkSequence(file.deviceId, ops as BundleOp[], file.firstSeq);
  if ((ops.at(-1) as BundleOp).seq !== file.lastSeq)
    throw new BundleError('contents', `the bundle's operations do not end at seq ${file.lastSeq}`);
  return ops as BundleOp[];
}

/** A bundle holds one device's operations, numbered from `firstSeq` on without a hole. */
function checkSequence(deviceId: string, ops: readonly BundleOp[], firstSeq: number): void {
  ops.forEach((op, i) => {
    if (op === null || typeof op !== 'object' || op.deviceId !== deviceId)
      throw new BundleError('contents', `operation ${i + 1} of the bundle is not device ${deviceId}'s`);
    if (op.seq !== firstSeq + i)
      throw new BundleError(
        'contents',
        `operation ${i + 1} of the bundle has seq ${String(op.seq)} where ${firstSeq + i} belongs: a bundle holds the device's operations in sequence without a hole`,
      );
  });
}
