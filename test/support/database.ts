import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { chainPending } from '../../src/services/audit-chainer.ts';
import type { Database } from '../../src/store/database.ts';
import { migrate as migrateSchema } from '../../src/store/migrate.ts';
import { openStore, withKeys } from '../../src/store/open.ts';
import { openPglite } from '../../src/store/pglite.ts';
import { openPostgres } from '../../src/store/postgres.ts';

export const postgresUrl = process.env.TEST_DATABASE_URL || undefined;
export const backendName = postgresUrl ? 'postgresql' : 'pglite';

export interface TestDatabase {
  db: Database;
  /** The connection string of the fresh PostgreSQL database, when the suite runs on PostgreSQL. */
  url: string | undefined;
  /** Closes the connection but keeps the database (to see how the server copes when it is gone). */
  disconnect(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A fresh database for one test file: in-memory PGlite by default, or a new database on the server
 * named by TEST_DATABASE_URL, dropped again on close. Migrated unless `migrate` is false.
 */
/** A migrated in-memory PGlite started from the suite's template (test/support/pglite-template.ts). */
async function openFromTemplate(): Promise<Database> {
  const file = inject('pgliteTemplate');
  if (!file) return openStore({});
  const db = await openPglite(undefined, new Blob([readFileSync(file)]));
  // The template was migrated by this very code: this only confirms it is up to date.
  await migrateSchema(db);
  return withKeys(db, {});
}

/**
 * Makes a new data directory a copy of the suite's migrated template (test/support/pglite-template.ts),
 * as the embedded database would find it after its first start, less the seconds of initdb and
 * migrations. A directory that exists and is not empty is left as it is, as is any when the suite
 * runs on PostgreSQL.
 */
export function dataDirFromTemplate(dataDir: string): void {
  const template = inject('pgliteTemplateDir');
  if (!template || (existsSync(dataDir) && readdirSync(dataDir).length > 0)) return;
  cpSync(template, dataDir, { recursive: true });
}

export async function openTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const migrate = options.migrate ?? true;
  let url: string | undefined;
  let name: string | undefined;
  if (postgresUrl) {
    name = `corridor_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: postgresUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const parsed = new URL(postgresUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  }
  const db = migrate
    ? url
      ? await openStore({ databaseUrl: url })
      : await openFromTemplate()
    : url
      ? await openPostgres(url)
      : await openPglite();
  let connected = true;
  const disconnect = async () => {
    if (connected) {
      connected = false;
      await db.close();
    }
  };
  return {
    db,
    url,
    disconnect,
    async close() {
      await disconnect();
      if (!name) return;
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** Every row of every table, in key order: two equal snapshots mean the database did not change. */
export async function snapshot(db: Database): Promise<string> {
  // A running app links recorded audit entries into the chain every second, moving them from
  // audit_pending to audit_entry. Link every one first, so two snapshots differ only when something
  // was written between them, not when the chainer happened to run.
  await chainPending(db);
  const { rows: tables } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
     ORDER BY table_name`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    const { rows } = await db.query(`SELECT * FROM ${table_name} ORDER BY 1`);
    parts.push(`${table_name} ${rows.length}\n${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}
