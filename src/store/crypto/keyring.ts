import { createHmac, randomBytes } from 'node:crypto';
import { CorridorError } from '../../domain/errors.ts';
import type { Queryable } from '../database.ts';
import { open, seal } from './aead.ts';
import { BlindIndex } from './blind-index.ts';
import type { MasterKey } from './master-key.ts';

// Envelope encryption: each personal field is sealed with a data key (AES-256-GCM); the data keys
// are stored in the database wrapped by the master key, which never enters it. A sealed field is
// a string, so it fits a text column or a jsonb value alike, and says which data key sealed it:
//   \u0001enc1:<key id>:<base64 of nonce, ciphertext, tag>
// The leading control character cannot come from a form or a site file (both refuse it), so a
// plain value is never taken for a sealed one.
export const sealedPrefix = '\u0001enc1:';

export const isSealed = (value: unknown): value is string =>
  typeof value === 'string' && value.startsWith(sealedPrefix);

export type KeyPurpose = 'data' | 'index';

export interface KeyRow {
  id: string;
  purpose: KeyPurpose;
  wrapped: string;
  master_id: string;
  retired_at: Date | null;
}

const wrapAad = (id: string, purpose: KeyPurpose) => Buffer.from(`corridor ${purpose} key ${id}`);

export const wrapKey = (master: MasterKey, id: string, purpose: KeyPurpose, key: Buffer): string =>
  seal(master.key, key, wrapAad(id, purpose)).toString('base64');

export function unwrapKey(master: MasterKey, row: KeyRow): Buffer {
  if (row.master_id !== master.id)
    throw new CorridorError(
      'bad_request',
      `wrong master key: ${master.source} is not the key this database's personal fields are encrypted with (the database expects key ${row.master_id}, this one is ${master.id})`,
    );
  const key = open(master.key, Buffer.from(row.wrapped, 'base64'), wrapAad(row.id, row.purpose));
  if (!key)
    throw new CorridorError(
      'internal_error',
      `the wrapped ${row.purpose} key ${row.id} failed its integrity check`,
    );
  return key;
}

export const newKeyId = (): string => randomBytes(4).toString('hex');

export async function readKeyRows(db: Queryable): Promise<KeyRow[]> {
  const { rows } = await db.query<KeyRow>(
    'SELECT id, purpose, wrapped, master_id, retired_at FROM encryption_key ORDER BY created_at, id',
  );
  return rows;
}

export async function insertKey(
  db: Queryable,
  master: MasterKey,
  purpose: KeyPurpose,
  key: Buffer,
): Promise<string> {
  const id = newKeyId();
  await db.query('INSERT INTO encryption_key (id, purpose, wrapped, master_id) VALUES ($1, $2, $3, $4)', [
    id,
    purpose,
    wrapKey(master, id, purpose, key),
    master.id,
  ]);
  return id;
}

/** A field value could not be opened: altered, damaged, or sealed by a key this database lacks. */
export const integrityError = (why: string) =>
  new CorridorError(
    'internal_error',
    `an encrypted personal field ${why}: the stored value was altered or damaged`,
  );

export class UnknownKeyError extends Error {}

/** Seals and opens personal fields with the database's data keys; derives blind-index keys. */
export class FieldCipher {
  private dataKeys = new Map<string, Buffer>();
  private currentId = '';
  private index: BlindIndex | undefined;
  /** When the keys were last read (Date.now()), so a running store can look for new ones now and then. */
  loadedAt = 0;

  constructor(
    private master: MasterKey,
    rows: KeyRow[],
    private reread: () => MasterKey = () => this.master,
  ) {
    this.load(rows);
  }

  private load(rows: KeyRow[]): void {
    // Index keys oldest first; two only while the blind index is rotated (rotate-index.ts).
    const indexRows = rows.filter((r) => r.purpose === 'index');
    const current = rows.filter((r) => r.purpose === 'data' && r.retired_at === null).at(-1);
    if (indexRows.length === 0 || !current)
      throw new CorridorError('internal_error', 'the database has no encryption keys');
    const indexKeys = indexRows.map((row) => ({ id: row.id, key: unwrapKey(this.master, row) }));
    this.index = new BlindIndex(indexKeys);
    for (const row of rows)
      if (row.purpose === 'data') this.dataKeys.set(row.id, unwrapKey(this.master, row));
    this.currentId = current.id;
    this.loadedAt = Date.now();
  }

  get currentKeyId(): string {
    return this.currentId;
  }

  /** After a rotation elsewhere: the keys again, with the master key read again from its file. */
  async reload(db: Queryable): Promise<void> {
    const rows = await readKeyRows(db);
    if (rows.some((r) => r.master_id !== this.master.id)) this.master = this.reread();
    this.load(rows);
  }

  seal(value: unknown): string {
    const key = this.dataKeys.get(this.currentId) as Buffer;
    const body = seal(key, Buffer.from(JSON.stringify(value)), Buffer.from(this.currentId));
    return `${sealedPrefix}${this.currentId}:${body.toString('base64')}`;
  }

  /** Seals a value unless it is null (an absent field stays visibly absent). */
  sealOrNull(value: unknown): string | null {
    return value === null || value === undefined ? null : this.seal(value);
  }

  open(text: string): unknown {
    const colon = text.indexOf(':', sealedPrefix.length);
    const id = text.slice(sealedPrefix.length, colon);
    const key = this.dataKeys.get(id);
    if (!key) throw new UnknownKeyError(id);
    const plain = open(key, Buffer.from(text.slice(colon + 1), 'base64'), Buffer.from(id));
    if (!plain) throw integrityError(`sealed by key ${id} failed its integrity check`);
    return JSON.parse(plain.toString());
  }

  /**
   * A key for another purpose (the audit anchors' MAC), derived from the database's first data key:
   * only the master key opens it, and it lasts as long as the database — a master-key rotation wraps
   * it again unchanged and retires it without deleting it, unlike the index key, which is replaced.
   */
  derivedKey(purpose: string): Buffer {
    const first = this.dataKeys.values().next().value as Buffer;
    return createHmac('sha256', first).update(`corridor derived key: ${purpose}`).digest();
  }

  /** A blind index entry: a keyed hash, so equal inputs meet without the input being stored. */
  blind(text: string): string {
    return (this.index as BlindIndex).entry(text);
  }

  /** Every entry a text may be stored as (one per index key, two while the index is rotated): for searches. */
  blindAny(text: string): string[] {
    return (this.index as BlindIndex).entries(text);
  }

  /** The index key that writes blind-index entries. */
  get indexKeyId(): string {
    return (this.index as BlindIndex).writerId;
  }
}
