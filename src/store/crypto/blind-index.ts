import { createHash, type Hash } from 'node:crypto';

// The blind index's keyed hash: HMAC-SHA256 truncated to 72 bits, in base64url. A registration
// hashes some fifty keys (every word of every name, its starts and its canonical form), and those
// words repeat from person to person (families, given names, patronymics), so:
//   - HMAC's two keyed hash states are made once per key and copied for each text, rather than
//     keying a new HMAC each time (the same HMAC, computed with half the work);
//   - the hash of a text is remembered, per key, in a bounded table: most keys of a registration
//     were met before. It lives in this process's memory alone, as the names themselves do.
// There may be more than one index key while the index is being rotated (rotate-index.ts): entries
// are written with the newest, and searches look up every key's entry.

const blockBytes = 64;
const remembered = 50_000;

export interface IndexKey {
  id: string;
  key: Buffer;
}

class KeyedHash {
  private readonly inner: Hash;
  private readonly outer: Hash;
  private readonly seen = new Map<string, string>();

  constructor(key: Buffer) {
    const block = Buffer.alloc(blockBytes);
    (key.length > blockBytes ? createHash('sha256').update(key).digest() : key).copy(block);
    this.inner = createHash('sha256').update(block.map((b) => b ^ 0x36));
    this.outer = createHash('sha256').update(block.map((b) => b ^ 0x5c));
    block.fill(0);
  }

  entry(text: string): string {
    let value = this.seen.get(text);
    if (value === undefined) {
      const inner = this.inner.copy().update(text).digest();
      value = this.outer.copy().update(inner).digest('base64url').slice(0, 12);
      if (this.seen.size >= remembered) this.seen.clear();
      this.seen.set(text, value);
    }
    return value;
  }
}

export class BlindIndex {
  private readonly hashes: Array<{ id: string; hash: KeyedHash }>;

  /** The index keys, oldest first: the last one writes. */
  constructor(keys: readonly IndexKey[]) {
    if (keys.length === 0) throw new Error('a blind index needs a key');
    this.hashes = keys.map(({ id, key }) => ({ id, hash: new KeyedHash(key) }));
  }

  /** The id of the key that writes new entries. */
  get writerId(): string {
    return this.hashes.at(-1)!.id;
  }

  /** The entry written for a text. */
  entry(text: string): string {
    return this.hashes.at(-1)!.hash.entry(text);
  }

  /** Every entry a text may have been written as: one per index key (two while rotating). */
  entries(text: string): string[] {
    return this.hashes.map(({ hash }) => hash.entry(text));
  }
}
