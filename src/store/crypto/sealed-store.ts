import { randomBytes } from 'node:crypto';
import type { Database, Queryable, QueryResult } from '../database.ts';
import { FieldCipher, insertKey, isSealed, readKeyRows, UnknownKeyError } from './keyring.ts';
import type { MasterKey } from './master-key.ts';

// Repositories seal personal fields as they write them; reading needs no care from them: every
// result that passes through the store is walked and each sealed value opened, so services, the
// matching indexes and exports see plain values while the tables and the operations log hold none.

const ciphers = new WeakMap<Queryable, FieldCipher>();

/** The cipher of the store a query runs on (a transaction's included). */
export function cipherOf(db: Queryable): FieldCipher {
  const cipher = ciphers.get(db);
  if (!cipher) throw new Error('this store was opened without its encryption keys (use openStore)');
  return cipher;
}

function openDeep(cipher: FieldCipher, value: unknown): unknown {
  if (typeof value === 'string') return isSealed(value) ? cipher.open(value) : value;
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = openDeep(cipher, value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) record[key] = openDeep(cipher, record[key]);
  return record;
}

// How often a running store reads the keys again: a rotation of the blind index adds an index key
// and waits this long, twice over, before rewriting the index, so that every running server writes
// with the new key and searches with both by then (rotate-index.ts).
export const keyRefreshMs = 5_000;

async function refreshKeys(target: Queryable, cipher: FieldCipher): Promise<void> {
  if (Date.now() - cipher.loadedAt < keyRefreshMs) return;
  cipher.loadedAt = Date.now();
  try {
    await cipher.reload(target);
  } catch {
    // Mid-rotation of the master key (the key file not yet replaced): keep the keys in hand and
    // look again later; a value sealed by a key not yet known is handled below.
  }
}

function wrapQueryable(target: Queryable, cipher: FieldCipher): Queryable {
  const wrapped: Queryable = {
    async query<Row>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>> {
      await refreshKeys(target, cipher);
      const result = await target.query<Row>(sql, params);
      try {
        for (const row of result.rows) openDeep(cipher, row);
      } catch (error) {
        if (!(error instanceof UnknownKeyError)) throw error;
        // A key made by a rotation after this store was opened: learn it and open the rest.
        await cipher.reload(target);
        for (const row of result.rows) openDeep(cipher, row);
      }
      return result;
    },
  };
  ciphers.set(wrapped, cipher);
  return wrapped;
}

/** The database with its personal fields opened on read; makes the keys on first use. */
export async function withFieldCipher(
  db: Database,
  master: MasterKey,
  reread: () => MasterKey,
): Promise<Database> {
  let rows = await readKeyRows(db);
  if (rows.length === 0) {
    await db.transaction(async (tx) => {
      // Two instances starting together on one PostgreSQL: the second waits and finds the keys.
      await tx.query('SELECT pg_advisory_xact_lock(724020)');
      if ((await readKeyRows(tx)).length > 0) return;
      await insertKey(tx, master, 'index', randomBytes(32));
      await insertKey(tx, master, 'data', randomBytes(32));
    });
    rows = await readKeyRows(db);
  }
  const cipher = new FieldCipher(master, rows, reread);
  const outer = wrapQueryable(db, cipher);
  const sealed: Database = {
    backend: db.backend,
    query: outer.query,
    transaction: (fn) => db.transaction((tx) => fn(wrapQueryable(tx, cipher))),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
  };
  ciphers.set(sealed, cipher);
  return sealed;
}

export const hasKeys = async (db: Queryable): Promise<boolean> => (await readKeyRows(db)).length > 0;

/**
 * A transaction the caller holds, seen as a database whose transactions join it: a service that
 * opens its own transaction writes in the caller's instead, so the caller's other writes (a synced
 * operation's record) commit or roll back with the service's.
 */
export function joinTransaction(db: Database, tx: Queryable): Database {
  const joined: Database = {
    backend: db.backend,
    query: (sql, params) => tx.query(sql, params),
    transaction: (fn) => fn(tx),
    exec: () => Promise.reject(new Error('scripts do not run inside a joined transaction')),
    close: () => Promise.reject(new Error('a joined transaction is closed by its owner')),
  };
  const cipher = ciphers.get(tx);
  if (cipher) ciphers.set(joined, cipher);
  return joined;
}
