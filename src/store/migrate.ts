import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorridorError } from '../domain/errors.ts';
import type { Database } from './database.ts';

const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((file) => /^\d{3}_[a-z0-9_]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 3)),
      name: file.slice(4, -4),
      sql: readFileSync(join(migrationsDir, file), 'utf8'),
    }));
}

export const latestSchemaVersion = (): number => loadMigrations().at(-1)?.version ?? 0;

export async function currentSchemaVersion(db: Database): Promise<number> {
  const { rows } = await db.query<{ exists: boolean }>(
    "SELECT to_regclass('schema_version') IS NOT NULL AS exists",
  );
  if (!rows[0]?.exists) return 0;
  const result = await db.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM schema_version',
  );
  return result.rows[0]?.version ?? 0;
}

/**
 * Applies every migration the database lacks, each in its own transaction; refuses a newer schema.
 * `upTo` stops after that version (the migration test walks the chain one step at a time).
 */
export async function migrate(db: Database, upTo?: number): Promise<number> {
  const all = loadMigrations();
  const migrations = upTo === undefined ? all : all.filter((m) => m.version <= upTo);
  const known = all.at(-1)?.version ?? 0;
  await db.exec(
    'CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
  );
  const current = await currentSchemaVersion(db);
  if (current > known) {
    throw new CorridorError(
      'schema_too_new',
      `the database has schema version ${current} but this Corridor knows only up to ${known}; upgrade Corridor before using this database`,
      { database: current, known },
    );
  }
  for (const migration of migrations) {
    await db.transaction(async (tx) => {
      // Two instances starting together on one PostgreSQL: the lock makes the second wait and re-check.
      await tx.query('SELECT pg_advisory_xact_lock(724019)');
      const applied = await tx.query('SELECT 1 FROM schema_version WHERE version = $1', [migration.version]);
      if (applied.rows.length > 0) return;
      for (const statement of splitStatements(migration.sql)) await tx.query(statement);
      await tx.query('INSERT INTO schema_version (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    });
  }
  return migrations.at(-1)?.version ?? 0;
}

// Migrations are plain statements separated by semicolons at line ends; a function body between $$
// quotes is kept whole. Running them one by one inside the transaction works on both backends.
function splitStatements(sql: string): string[] {
  const pieces = sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(/;\s*$/m);
  const statements: string[] = [];
  let open = '';
  for (const piece of pieces) {
    open = open ? `${open};${piece}` : piece;
    // An odd number of $$ means the piece ends inside a function body: the semicolon belongs to it.
    if ((open.match(/\$\$/g) ?? []).length % 2 === 1) continue;
    statements.push(open.trim());
    open = '';
  }
  if (open) statements.push(open.trim());
  return statements.filter((statement) => statement.length > 0);
}
