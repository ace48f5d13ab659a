import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keysRotateIndexCommand } from '../src/cli/commands/keys-index.ts';
import { processContext } from '../src/cli/context.ts';
import { loadAzovstal } from '../src/scenario/azovstal.ts';
import { registerPerson } from '../src/services/people.ts';
import { unwrapKey } from '../src/store/crypto/keyring.ts';
import { rotateBlindIndex } from '../src/store/crypto/rotate-index.ts';
import { cipherOf } from '../src/store/crypto/sealed-store.ts';
import type { Database } from '../src/store/database.ts';
import { masterKeyOf, openMigrated, type StoreOptions, withKeys } from '../src/store/open.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { listPeople } from '../src/store/repos/people.ts';
import { backendName, openTestDatabase, type TestDatabase } from './support/database.ts';

// Rotating the blind-index key: the registry is searched before, during and after, and finds the
// same people; afterwards no entry made with the old key is left and the old key itself is gone.

const family = { cyrillic: 'Єрмоленко', latin: 'Yermolenko' };
const queries = [family.cyrillic, family.latin, 'єрмол', 'JERMOLLENKO'];

describe(`blind-index key rotation (${backendName})`, () => {
  let t: TestDatabase | undefined;
  let options: StoreOptions;
  // The same database twice: as stored (the rotation's view) and as the server reads it.
  let raw: Database;
  let db: Database;
  let siteId: string;

  beforeAll(async () => {
    const env = { CORRIDOR_MASTER_KEY: randomBytes(32).toString('base64') };
    if (process.env.TEST_DATABASE_URL) {
      t = await openTestDatabase({ migrate: false });
      await t.disconnect();
      options = { databaseUrl: t.url, env };
      db = await withKeys(await openMigrated(options), options);
      raw = await openMigrated(options);
    } else {
      options = { env };
      raw = await openMigrated(options);
      db = await withKeys(raw, options);
    }
    await loadAzovstal(db, systemActor);
    const { rows } = await db.query<{ id: string }>('SELECT id FROM site');
    siteId = rows[0]!.id;
  });

  afterAll(async () => {
    await db?.close();
    if (t) await raw?.close();
    await t?.close();
  });

  const search = async (q: string) =>
    (await listPeople(db, { q, limit: 500, offset: 0 })).items.map((p) => p.id).sort();
  const searchAll = async () => Promise.all(queries.map(search));
  const indexKeys = async () =>
    (
      await raw.query<{ id: string; purpose: 'index'; wrapped: string; master_id: string; retired_at: null }>(
        "SELECT id, purpose, wrapped, master_id, retired_at FROM encryption_key WHERE purpose = 'index' ORDER BY created_at",
      )
    ).rows;
  /** The entry a text was stored as under a given index key: HMAC-SHA256, 72 bits, base64url. */
  const entryUnder = (key: Buffer, text: string) =>
    createHmac('sha256', key).update(text).digest('base64url').slice(0, 12);
  const rowsWithEntry = async (entry: string) =>
    (
      await raw.query<{ n: number }>('SELECT count(*)::int AS n FROM person WHERE $1 = ANY (name_keys)', [
        entry,
      ])
    ).rows[0]?.n;

  it('refuses a bad batch size, changing nothing', async () => {
    const before = await indexKeys();
    await expect(keysRotateIndexCommand.run({ batch: '0' }, [], processContext())).rejects.toThrow(
      /--batch 0/,
    );
    await expect(keysRotateIndexCommand.run({ settle: 'soon' }, [], processContext())).rejects.toThrow(
      /--settle soon/,
    );
    expect(await indexKeys()).toEqual(before);
  });

  it('finds the same people before, during (interrupted and resumed) and after; the old key is gone', async () => {
    const master = masterKeyOf(options, false);
    const [oldRow] = await indexKeys();
    const oldKey = unwrapKey(master, oldRow!);
    // The store's own hash of a word is the HMAC of the stored entries.
    expect(cipherOf(db).blind(`w:${family.cyrillic.toLowerCase()}`)).toBe(
      entryUnder(oldKey, `w:${family.cyrillic.toLowerCase()}`),
    );
    const before = await searchAll();
    expect(before[0]!.length).toBeGreaterThan(0);
    for (const found of before) expect(found).toEqual(before[0]);

    // A rotation interrupted once the new key is in place, before any entry is rewritten.
    let added: string | undefined;
    await expect(
      rotateBlindIndex(raw, master, {
        batch: 7,
        settle: async () => {
          // What a running server does within a few seconds: read the keys again.
          await cipherOf(db).reload(db);
          throw new Error('interrupted');
        },
      }),
    ).rejects.toThrow('interrupted');
    const during = await indexKeys();
    expect(during).toHaveLength(2);
    expect(await searchAll()).toEqual(before);
    // Someone registered meanwhile is written with the new key, and found with the rest.
    const newcomer = await registerPerson(db, systemActor, {
      siteId,
      names: [{ script: 'Cyrl', family: family.cyrillic, given: 'Дарина' }],
      sex: 'female',
    });
    const withNewcomer = [...before[0]!, newcomer.id].sort();
    expect(await search(family.latin)).toEqual(withNewcomer);

    // Run again, it finishes the rotation under way.
    const report = await rotateBlindIndex(raw, master, {
      batch: 7,
      settle: async () => {
        added = (await indexKeys()).at(-1)?.id;
        expect(await search(family.cyrillic)).toEqual(withNewcomer);
      },
    });
    expect(report).toMatchObject({ resumed: true, newKey: during[1]!.id, removed: [oldRow!.id] });
    expect(added).toBe(during[1]!.id);
    const { rows: count } = await raw.query<{ n: number }>('SELECT count(*)::int AS n FROM person');
    expect(report.people).toBe(count[0]!.n);

    // The store still holding the old key in memory finds everyone, and so does one that reads the keys again.
    expect((await searchAll()).map((found) => found.length)).toEqual(queries.map(() => withNewcomer.length));
    await cipherOf(db).reload(db);
    expect(await searchAll()).toEqual(queries.map(() => withNewcomer));

    // Only the new key is left, and no entry made with the old one.
    const after = await indexKeys();
    expect(after.map((k) => k.id)).toEqual([during[1]!.id]);
    const newKey = unwrapKey(master, after[0]!);
    const word = `w:${family.cyrillic.toLowerCase()}`;
    expect(await rowsWithEntry(entryUnder(oldKey, word))).toBe(0);
    expect(await rowsWithEntry(entryUnder(newKey, word))).toBe(withNewcomer.length);
  });
});
