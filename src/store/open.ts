import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export interface StoreOptions {
  /** PostgreSQL connection string; when set, the data directory is not used. */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number;
}

export const defaultDataDir = './corridor-data';

export function resolveStoreOptions(
  flags: { dataDir?: string | undefined },
  env = process.env,
): StoreOptions {
  const databaseUrl = env.DATABASE_URL || undefined;
  return { databaseUrl, dataDir: flags.dataDir ?? env.CORRIDOR_DATA_DIR ?? defaultDataDir };
}

export const describeStore = (options: StoreOptions): string =>
  options.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded database in ${options.dataDir}`;

/** Opens the store and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Database> {
  const db = options.databaseUrl
    ? await openPostgres(options.databaseUrl, options.poolSize)
    : await openPglite(options.dataDir);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
