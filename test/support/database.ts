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

/** The public schema's tables, by name, once every recorded audit entry is linked into the chain. */
async function settledTables(db: Database): Promise<string[]> {
  // A running app links recorded audit entries into the chain every second, moving them from
  // audit_pending to audit_entry. Link every one first, so two snapshots differ only when something
  // was written between them, not when the chainer happened to run.
  await chainPending(db);
  const { rows } = await db.query<{ tablename: string }>(
    "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  return rows.map((row) => row.tablename);
}

/** Each database's last snapshot, with the transaction snapshot it was taken under. */
const lastSnapshots = new WeakMap<Database, { transactions: string; tables: string }>();

/**
 * One line per table, its name, its row count and a digest of all its rows: two equal snapshots
 * mean the database did not change, and when they differ the line that differs names the table.
 * The database computes it in one query (reading every row into the test took most of the time
 * of the suites that check "nothing was written" after each of hundreds of requests).
 */
export async function snapshot(db: Database): Promise<string> {
  const tables = await settledTables(db);
  // Every insert, update or delete takes a transaction id. While no transaction has taken one or
  // ended since the last snapshot (the transaction snapshot's xmin:xmax:in-progress list is the
  // same), no row can have changed, and the last digest is still the database's.
  const { rows: current } = await db.query<{ transactions: string }>(
    'SELECT pg_current_snapshot()::text AS transactions',
  );
  const transactions = current[0]!.transactions;
  const last = lastSnapshots.get(db);
  if (last?.transactions === transactions) return last.tables;
  const digest = await digestOf(db, tables);
  lastSnapshots.set(db, { transactions, tables: digest });
  return digest;
}

async function digestOf(db: Database, tables: string[]): Promise<string> {
  if (tables.length === 0) return '';
  const { rows } = await db.query<{ name: string; n: number; digest: string }>(
    tables
      .map(
        (name) =>
          `SELECT '${name}' AS name, count(*)::int AS n,
           md5(coalesce(string_agg(snapshot_row::text, E'\\n' ORDER BY snapshot_row::text), '')) AS digest
           FROM ${name} snapshot_row`,
      )
      .join(' UNION ALL '),
  );
  return rows
    .map((row) => `${row.name} ${row.n} ${row.digest}`)
    .sort()
    .join('\n');
}

/** Every row of every table, in key order, as JSON: for comparing the contents of two databases. */
export async function fullSnapshot(db: Database): Promise<string> {
  const parts: string[] = [];
  for (const name of await settledTables(db)) {
    const { rows } = await db.query(`SELECT * FROM ${name} ORDER BY 1`);
    parts.push(`${name} ${rows.length}\n${JSON.stringify(rows)}`);
  }
  return parts.join('\n');
}
