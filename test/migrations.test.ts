import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../src/store/database.ts';
import { currentSchemaVersion, latestSchemaVersion, loadMigrations, migrate } from '../src/store/migrate.ts';
import { openStore } from '../src/store/open.ts';
import { backendName, openTestDatabase, snapshot } from './support/database.ts';
import { killChildren, runCli, type Storage, temporaryDirectory } from './support/server-process.ts';

/** Every column of the public schema as "table.column type". */
async function columnsOf(db: Database): Promise<string[]> {
  const { rows } = await db.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public'
     ORDER BY table_name, column_name`,
  );
  return rows.map((row) => `${row.table_name}.${row.column_name} ${row.data_type}`);
}

/** The whole schema: columns with nullability and defaults, constraints and indexes. */
async function schemaOf(db: Database): Promise<string[]> {
  const columns = await db.query<Record<string, string>>(
    `SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '') AS column_default
     FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`,
  );
  const constraints = await db.query<{ relname: string; conname: string; def: string }>(
    `SELECT c.relname, k.conname, pg_get_constraintdef(k.oid) AS def FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' ORDER BY c.relname, k.conname`,
  );
  const indexes = await db.query<{ indexdef: string }>(
    "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname",
  );
  return [
    ...columns.rows.map((row) => Object.values(row).join(' ')),
    ...constraints.rows.map((row) => `${row.relname} ${row.conname} ${row.def}`),
    ...indexes.rows.map((row) => row.indexdef),
  ];
}

const future = latestSchemaVersion() + 1;

describe(`migrations (${backendName})`, () => {
  it('are numbered 1, 2, 3 … without gaps', () => {
    const migrations = loadMigrations();
    expect(migrations.length).toBeGreaterThan(0);
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(latestSchemaVersion()).toBe(migrations.length);
  });

  it('run the whole chain on an empty database one step at a time, only ever adding', async () => {
    const stepwise = await openTestDatabase({ migrate: false });
    const atOnce = await openTestDatabase({ migrate: false });
    try {
      expect(await currentSchemaVersion(stepwise.db)).toBe(0);
      expect(await columnsOf(stepwise.db)).toEqual([]);
      let previous: string[] = [];
      for (const migration of loadMigrations()) {
        expect(await migrate(stepwise.db, migration.version)).toBe(migration.version);
        expect(await currentSchemaVersion(stepwise.db)).toBe(migration.version);
        const columns = await columnsOf(stepwise.db);
        // Additive: no table or column of the step before is dropped, renamed or given another type.
        for (const column of previous)
          expect(columns, `migration ${migration.version} keeps ${column}`).toContain(column);
        previous = columns;
      }
      const { rows } = await stepwise.db.query<{ version: number; name: string }>(
        'SELECT version, name FROM schema_version ORDER BY version',
      );
      expect(rows).toEqual(loadMigrations().map((m) => ({ version: m.version, name: m.name })));

      // Walking the chain step by step gives the same schema as applying it in one go.
      expect(await migrate(atOnce.db)).toBe(latestSchemaVersion());
      expect(await schemaOf(stepwise.db)).toEqual(await schemaOf(atOnce.db));

      // Running it again on an up-to-date database changes nothing.
      const before = await snapshot(stepwise.db);
      const schemaBefore = await schemaOf(stepwise.db);
      expect(await migrate(stepwise.db)).toBe(latestSchemaVersion());
      expect(await schemaOf(stepwise.db)).toEqual(schemaBefore);
      expect(await snapshot(stepwise.db)).toBe(before);
    } finally {
      await stepwise.close();
      await atOnce.close();
    }
  });

  it('refuse a database with a newer schema, saying so, and leave it untouched', async () => {
    const t = await openTestDatabase();
    try {
      await t.db.query('INSERT INTO schema_version (version, name) VALUES ($1, $2)', [
        future,
        'from_the_future',
      ]);
      const before = await snapshot(t.db);
      await expect(migrate(t.db)).rejects.toMatchObject({
        code: 'schema_too_new',
        message: expect.stringContaining(`schema version ${future}`),
      });
      await expect(migrate(t.db)).rejects.toThrow(/upgrade Corridor/);
      expect(await snapshot(t.db)).toBe(before);
    } finally {
      await t.close();
    }
  });

  it('corridor serve refuses to start on a newer schema, with a clear message', {
    timeout: 300_000,
  }, async () => {
    const dir = temporaryDirectory('corridor-migrate-');
    const t = await openTestDatabase();
    try {
      let storage: Storage;
      if (t.url) {
        storage = { databaseUrl: t.url };
        await t.db.query('INSERT INTO schema_version (version, name) VALUES ($1, $2)', [future, 'future']);
      } else {
        storage = { dataDir: join(dir.path, 'data') };
        const db = await openStore({ dataDir: storage.dataDir });
        await db.query('INSERT INTO schema_version (version, name) VALUES ($1, $2)', [future, 'future']);
        await db.close();
      }
      const result = await runCli(['serve', '--port', '0'], storage);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`the database has schema version ${future}`);
      expect(result.stderr).toContain(`knows only up to ${latestSchemaVersion()}`);
      expect(result.stderr).toContain('upgrade Corridor');
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).not.toContain('Corridor is running');
    } finally {
      await killChildren();
      await t.close();
      dir.remove();
    }
  });
});
