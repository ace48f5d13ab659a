import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAzovstal } from '../src/scenario/azovstal.ts';
import type { Database } from '../src/store/database.ts';
import { openStore, type StoreOptions } from '../src/store/open.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { listPeople } from '../src/store/repos/people.ts';
import { heldStore, releaseAll, releaseStorage, runCommand, runCommandOk } from './support/cli.ts';
import {
  backendName,
  fullSnapshot,
  openTestDatabase,
  postgresUrl,
  type TestDatabase,
} from './support/database.ts';
import { runCliOk, type Storage, temporaryDirectory } from './support/server-process.ts';

// `corridor backup` and `corridor restore` through the real command, from the embedded database to
// PostgreSQL and back when the suite runs on PostgreSQL (embedded to embedded otherwise), and key
// rotation: after each, every person reads as before. The commands run in this process
// (test/support/cli.ts), one backup and one restore as real processes.

const storeOptions = (storage: Storage, env?: NodeJS.ProcessEnv): StoreOptions =>
  'dataDir' in storage ? { dataDir: storage.dataDir, env } : { databaseUrl: storage.databaseUrl, env };

/** Every table but the migrations' own record (applied at different times), rows in a stable order. */
async function contents(storage: Storage): Promise<string[]> {
  // The database the commands use (test/support/cli.ts), or a process that opens it next would find it held.
  const db = await heldStore(storage);
  // One entry per table, so a difference names its table.
  return (await fullSnapshot(db))
    .split(/\n(?=[a-z_]+ \d+\n)/)
    .filter((part) => !part.startsWith('schema_version '))
    .map((part) => {
      const [title, rows] = part.split('\n', 2) as [string, string];
      const sorted = (JSON.parse(rows) as unknown[]).map((row) => JSON.stringify(row)).sort();
      return `${title}\n${sorted.join('\n')}`;
    });
}

describe(`backup and restore (${backendName})`, () => {
  const dir = temporaryDirectory('corridor-backup-');
  const source: Storage = { dataDir: join(dir.path, 'source') };
  const keyFile = join(dir.path, 'backup.key');
  const backupFile = join(dir.path, 'corridor.backup');
  const databases: TestDatabase[] = [];

  /** A new, empty database on the backend under test. */
  async function emptyTarget(name: string): Promise<Storage> {
    if (!postgresUrl) return { dataDir: join(dir.path, name) };
    const t = await openTestDatabase({ migrate: false });
    await t.disconnect();
    databases.push(t);
    return { databaseUrl: t.url as string };
  }

  beforeAll(async () => {
    writeFileSync(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    const db = await openStore(storeOptions(source));
    await loadAzovstal(db, systemActor);
    await db.close();
  });

  afterAll(async () => {
    await releaseAll();
    for (const t of databases) await t.close();
    dir.remove();
  });

  it('restores a backup of the embedded database onto another backend, and back, unchanged', {
    timeout: 400_000,
  }, async () => {
    const out = await runCliOk(['backup', backupFile, '--key-file', keyFile], source);
    expect(out).toMatch(/Backed up \d+ rows/);
    expect(readFileSync(backupFile).includes(Buffer.from('Yermolenko'))).toBe(false);
    const target = await emptyTarget('target');
    expect(await runCommandOk(['restore', backupFile, '--key-file', keyFile], target)).toMatch(
      /Restored \d+ rows/,
    );
    const original = await contents(source);
    expect(await contents(target)).toEqual(original);
    // And back: a backup of the restored database restores into the embedded one.
    const again = join(dir.path, 'again.backup');
    await runCommandOk(['backup', again, '--key-file', keyFile], target);
    const back: Storage = { dataDir: join(dir.path, 'back') };
    await runCliOk(['restore', again, '--key-file', keyFile], back);
    expect(await contents(back)).toEqual(original);
  });

  it('refuses a tampered backup, a wrong key and an occupied database, changing nothing', {
    timeout: 400_000,
  }, async () => {
    const target = await emptyTarget('refusing');
    const before = await contents(target);
    const tampered = join(dir.path, 'tampered.backup');
    const bytes = Buffer.from(readFileSync(backupFile));
    bytes[bytes.length - 100] = (bytes[bytes.length - 100] as number) ^ 1;
    writeFileSync(tampered, bytes);
    const flipped = await runCommand(['restore', tampered, '--key-file', keyFile], target);
    expect(flipped.code).not.toBe(0);
    expect(flipped.stderr).toMatch(/integrity check.*nothing was restored/);
    const wrongKey = join(dir.path, 'wrong.key');
    writeFileSync(wrongKey, randomBytes(32).toString('base64'));
    const wrong = await runCommand(['restore', backupFile, '--key-file', wrongKey], target);
    expect(wrong.stderr).toMatch(/wrong backup key/);
    expect(await contents(target)).toEqual(before);
    const occupied = await runCommand(['restore', backupFile, '--key-file', keyFile], source);
    expect(occupied.stderr).toMatch(/already holds users or sites/);
  });
});

describe(`key rotation (${backendName})`, () => {
  const dir = temporaryDirectory('corridor-rotate-');
  const keyFile = join(dir.path, 'master.key');
  const env = { CORRIDOR_KEY_FILE: keyFile };
  let t: TestDatabase | undefined;
  let options: StoreOptions;
  let db: Database;

  beforeAll(async () => {
    writeFileSync(keyFile, `${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
    if (postgresUrl) {
      t = await openTestDatabase({ migrate: false });
      await t.disconnect();
    }
    options = t?.url ? { databaseUrl: t.url, env } : { dataDir: join(dir.path, 'data'), env };
    db = await openStore(options);
    await loadAzovstal(db, systemActor);
  });

  afterAll(async () => {
    await db?.close();
    await t?.close();
    dir.remove();
  });

  /** Runs `corridor keys rotate` in this process, with the key from the key file alone. */
  async function rotate(): Promise<void> {
    const storage: Storage = t?.url ? { databaseUrl: t.url } : { dataDir: options.dataDir! };
    await runCommandOk(['keys', 'rotate', '--batch', '50'], storage, {
      CORRIDOR_MASTER_KEY: undefined,
      CORRIDOR_KEY_FILE: keyFile,
    });
    // The command's database is closed again, as when the command ends, before the store reopens it.
    await releaseStorage(storage);
  }

  // Opening the embedded database three times: a minute or more on a loaded machine, as the tests above.
  it('re-encrypts everything with new keys while the store stays open (PostgreSQL) and reads it all after', {
    timeout: 400_000,
  }, async () => {
    const before = (await listPeople(db, { limit: 1000, offset: 0 })).items;
    const oldKey = readFileSync(keyFile, 'utf8');
    // The embedded database is one process's: it is rotated between two runs of the server.
    if (!postgresUrl) await db.close();
    await rotate();
    expect(readFileSync(keyFile, 'utf8')).not.toBe(oldKey);
    if (!postgresUrl) db = await openStore(options);
    // The store opened before the rotation learns the new keys from the database and the key file.
    expect((await listPeople(db, { limit: 1000, offset: 0 })).items).toEqual(before);
    // A second store on the same database: on PostgreSQL beside the first, as a second server would
    // be; the embedded database is opened by one store at a time.
    if (!postgresUrl) await db.close();
    const reopened = await openStore(options);
    try {
      expect((await listPeople(reopened, { limit: 1000, offset: 0 })).items).toEqual(before);
      const { rows } = await reopened.query<{ id: string; retired: boolean }>(
        "SELECT id, retired_at IS NOT NULL AS retired FROM encryption_key WHERE purpose = 'data' ORDER BY created_at",
      );
      expect(rows.map((r) => r.retired)).toEqual([true, false]);
      // Nothing is left sealed by the retired data key.
      const raw = await reopened.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM person WHERE names::text LIKE $1`,
        [`%enc1:${rows[0]?.id}:%`],
      );
      expect(raw.rows[0]?.n).toBe(0);
    } finally {
      await reopened.close();
    }
    await expect(openStore({ ...options, env: { CORRIDOR_MASTER_KEY: oldKey } })).rejects.toThrow(
      /wrong master key/,
    );
    if (!postgresUrl) db = await openStore(options);
  });
});
