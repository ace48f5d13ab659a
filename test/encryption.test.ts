import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAzovstal } from '../src/scenario/azovstal.ts';
import type { Database } from '../src/store/database.ts';
import { openStore, type StoreOptions } from '../src/store/open.ts';
import { listOperations, systemActor } from '../src/store/repos/operations.ts';
import { findPerson, listPeople } from '../src/store/repos/people.ts';
import { backendName, openTestDatabase, type TestDatabase } from './support/database.ts';
import { temporaryDirectory } from './support/server-process.ts';

// Encryption at rest: the scenario's names appear nowhere in the stored bytes, yet the registry
// reads and searches as before; a flipped bit or a wrong master key is an error, never a wrong name.

// One Azovstal family, written in both scripts in the scenario file.
const family = { cyrillic: 'Єрмоленко', latin: 'Yermolenko' };

/** Every row of every table as the database stores it, read without the store opening sealed fields. */
async function rawText(db: Database): Promise<string> {
  const { rows: tables } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    // Each row cast to one text: a sealed field inside it is not a value of its own, so it stays sealed.
    const { rows } = await db.query<{ row: string }>(`SELECT t::text AS row FROM ${table_name} t`);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join('\n');
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

describe(`personal fields encrypted at rest (${backendName})`, () => {
  let store: TestDatabase;
  let dir: ReturnType<typeof temporaryDirectory>;
  let options: StoreOptions;
  let db: Database;

  beforeAll(async () => {
    dir = temporaryDirectory('corridor-encryption-');
    store = await openTestDatabase({ migrate: false });
    await store.disconnect();
    // On PGlite, a data directory of its own, so its files can be searched after the test.
    options = store.url ? { databaseUrl: store.url } : { dataDir: join(dir.path, 'data') };
    db = await openStore(options);
    await loadAzovstal(db, systemActor);
  });

  afterAll(async () => {
    await db?.close();
    await store?.close();
    dir?.remove();
  });

  it('stores no name in clear: not in the people, not in the operations log', async () => {
    const raw = await rawText(db);
    expect(raw).not.toContain(family.cyrillic);
    expect(raw).not.toContain(family.latin);
    const { items } = await listPeople(db, { q: family.cyrillic, limit: 50, offset: 0 });
    expect(items.length).toBeGreaterThan(0);
    // The service reads them whole, and so does the history.
    const names = items.flatMap((p) => p.names.map((n) => n.family));
    expect(names).toContain(family.cyrillic);
    expect(names).toContain(family.latin);
    const history = await listOperations(db, { entity: 'person', entityId: items[0]!.id, limit: 10 });
    expect(JSON.stringify(history)).toContain(family.cyrillic);
  });

  it('finds people by a word, its start, or another spelling of it', async () => {
    const find = async (q: string) =>
      (await listPeople(db, { q, limit: 500, offset: 0 })).items.map((p) => p.id).sort();
    const byCyrillic = await find(family.cyrillic);
    expect(byCyrillic.length).toBeGreaterThan(0);
    expect(await find(family.latin)).toEqual(byCyrillic);
    expect(await find(family.cyrillic.slice(0, 5).toLowerCase())).toEqual(expect.arrayContaining(byCyrillic));
    // Transliterated another way (Russian-style, a doubled letter) and in capitals.
    expect(await find('JERMOLLENKO')).toEqual(byCyrillic);
    expect(await find(`${family.latin} zzzzqq`)).toEqual([]);
  });

  it('refuses a wrong master key with a clear error', async () => {
    const wrong = { CORRIDOR_MASTER_KEY: randomBytes(32).toString('base64') };
    await db.close();
    await expect(openStore({ ...options, env: wrong })).rejects.toThrow(/wrong master key/);
    db = await openStore(options);
  });

  it('detects a flipped bit in a sealed name', async () => {
    const { items } = await listPeople(db, { q: family.latin, limit: 1, offset: 0 });
    const id = items[0]!.id;
    await db
      .transaction(async (tx) => {
        // Flip one bit of the ciphertext, as damage or a hand edit would; the store must not read it.
        await tx.query(
          `UPDATE person SET names = to_jsonb(overlay(names #>> '{}' placing
           (CASE substr(names #>> '{}', 40, 1) WHEN 'A' THEN 'B' ELSE 'A' END) from 40 for 1)) WHERE id = $1`,
          [id],
        );
        await expect(findPerson(tx, id)).rejects.toThrow(/integrity check/);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect((await findPerson(db, id))?.names[0]?.family).toBeTruthy();
  });

  it('leaves no name in the database files or a pg_dump', async () => {
    if (store.url) {
      const dump = execFileSync('pg_dump', ['--no-owner', store.url], { maxBuffer: 1 << 28 }).toString();
      expect(dump).toContain('encryption_key');
      expect(dump).not.toContain(family.cyrillic);
      expect(dump).not.toContain(family.latin);
      return;
    }
    await db.close();
    const data = options.dataDir as string;
    const cyrillic = Buffer.from(family.cyrillic);
    const latin = Buffer.from(family.latin);
    for (const file of filesUnder(data)) {
      const bytes = readFileSync(file);
      expect(bytes.includes(cyrillic), file).toBe(false);
      expect(bytes.includes(latin), file).toBe(false);
    }
    db = await openStore(options);
  });
});
