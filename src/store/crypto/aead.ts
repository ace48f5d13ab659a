import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// AES-256-GCM from Node's crypto: a fresh 96-bit nonce per message, the 128-bit tag appended. The
// associated data binds a ciphertext to where it belongs (a key id, a backup's header), so moving
// it elsewhere fails the tag as a flipped bit does.
const nonceBytes = 12;
const tagBytes = 16;

// Nonces come from the system's random generator a few kilobytes at a time: asking it for twelve
// bytes on every seal was a measurable part of registering a person. A drawn block is never reused
// nor overwritten, so every nonce is as random and as unique as before.
const noncesPerDraw = 340;
let drawn = Buffer.alloc(0);
let taken = 0;

function freshNonce(): Buffer {
  if (taken + nonceBytes > drawn.length) {
    drawn = randomBytes(nonceBytes * noncesPerDraw);
    taken = 0;
  }
  taken += nonceBytes;
  return drawn.subarray(taken - nonceBytes, taken);
}

export function seal(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const nonce = freshNonce();
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(aad);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([nonce, body, cipher.getAuthTag()]);
}

/** The plaintext, or undefined when the ciphertext, its associated data or the key is not the one sealed. */
export function open(key: Buffer, sealed: Buffer, aad: Buffer): Buffer | undefined {
  if (sealed.length < nonceBytes + tagBytes) return undefined;
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, nonceBytes));
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - tagBytes));
  try {
    return Buffer.concat([
      decipher.update(sealed.subarray(nonceBytes, sealed.length - tagBytes)),
      decipher.final(),
    ]);
  } catch {
    return undefined;
  }
}
