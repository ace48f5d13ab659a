// Bench only: loaded with `node --import tsx/esm --import <this file>` into a corridor process (the
// CLI or the server) to make it the plain baseline of the encryption comparison in overview.ts.
// Production code has no switch for this, on purpose; the patch lives only here.
//
// A "sealed" value becomes the value's JSON behind the sealed prefix and a key id no real key has
// ("plain", not hex): the store's reading still finds it and opens it (JSON.parse), so every value
// reads back with its type (a birth year stays a number) while neither AES-GCM nor base64 runs and
// the stored values keep their clear size. As in bench/encryption.ts, the blind index keeps every
// search key, in clear, so the index does the same work and only the keyed hash is left out.
import { FieldCipher, sealedPrefix } from '../../src/store/crypto/keyring.ts';

const plainPrefix = `${sealedPrefix}plain:`;
const realOpen = FieldCipher.prototype.open;

FieldCipher.prototype.seal = (value: unknown): string => `${plainPrefix}${JSON.stringify(value)}`;
FieldCipher.prototype.open = function open(this: FieldCipher, text: string): unknown {
  return text.startsWith(plainPrefix)
    ? JSON.parse(text.slice(plainPrefix.length))
    : realOpen.call(this, text);
};
FieldCipher.prototype.blind = (text: string): string => text;
FieldCipher.prototype.blindAny = (text: string): string[] => [text];
