import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../src/store/database.ts';
import { openStore } from '../../src/store/open.ts';

export const postgresUrl = process.env.TEST_DATABASE_URL || undefined;
export const backendName = postgresUrl ? 'postgresql' : 'pglite';

export interface TestDatabase {
  db: Database;
  /** The connection string of the fresh PostgreSQL database, when the suite runs on PostgreSQL. */
  url: string | undefined;
  close(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on
 * the server named by TEST_DATABASE_URL, dropped again on close.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (!postgresUrl) {
    const db = await openStore({});
    return { db, url: undefined, close: () => db.close() };
  }
  const name = `corridor_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const db = await openStore({ databaseUrl: url.toString() });
  return {
    db,
    url: url.toString(),
    async close() {
      await db.close();
      const cleanup = new pg.Client({ connectionString: postgresUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/** Every row of every table, in key order: two equal snapshots mean the database did not change. */
export async function snapshot(db: Database): Promise<string> {
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
