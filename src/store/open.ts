import { resolveMasterKey } from './crypto/master-key.ts';
import { sealClearValues } from './crypto/seal-clear.ts';
import { cipherOf, hasKeys, withFieldCipher } from './crypto/sealed-store.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.ts';
import { openPostgres } from './postgres.ts';

export interface StoreOptions {
  /** PostgreSQL connection string; when set, the data directory is not used. */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  poolSize?: number;
  /** Environment for the master key (CORRIDOR_MASTER_KEY, CORRIDOR_KEY_FILE); process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** Told once, when the embedded database makes its key file on first start (never the key). */
  onKeyFileCreated?: (file: string) => void;
}

export const defaultDataDir = './corridor-data';

export function resolveStoreOptions(
  flags: { dataDir?: string | undefined },
  env = process.env,
  stderr: { write(text: string): unknown } = process.stderr,
): StoreOptions {
  const databaseUrl = env.DATABASE_URL || undefined;
  return {
    databaseUrl,
    dataDir: flags.dataDir ?? env.CORRIDOR_DATA_DIR ?? defaultDataDir,
    env,
    onKeyFileCreated: (file) =>
      stderr.write(
        `Created the master key file ${file} (readable by this user only): personal fields are encrypted with it. Keep a copy apart from the database and its backups; without it they cannot be read.\n`,
      ),
  };
}

export const describeStore = (options: StoreOptions): string =>
  options.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded database in ${options.dataDir}`;

/** Opens the database and brings its schema up to date, without its keys (restoring needs none). */
export async function openMigrated(options: StoreOptions): Promise<Database> {
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

/** Where the master key of the store comes from; `mayCreate` lets the embedded database make one. */
export const masterKeyOf = (options: StoreOptions, mayCreate: boolean) =>
  resolveMasterKey({
    dataDir: options.databaseUrl ? undefined : options.dataDir,
    ephemeral: !options.databaseUrl && !options.dataDir,
    env: options.env,
    mayCreate,
  });

/** Opens the store, brings its schema up to date and opens its encryption keys. */
export async function openStore(options: StoreOptions): Promise<Database> {
  return withKeys(await openMigrated(options), options);
}

/** Opens the encryption keys of a migrated database (closing it if they cannot be opened). */
export async function withKeys(db: Database, options: StoreOptions): Promise<Database> {
  try {
    const master = masterKeyOf(options, !(await hasKeys(db)));
    if (master.created && master.file) options.onKeyFileCreated?.(master.file);
    const store = await withFieldCipher(db, master, () => masterKeyOf(options, false));
    // Values a migration made personal but found in clear are sealed before anything reads them.
    await sealClearValues(db, cipherOf(store));
    return store;
  } catch (error) {
    await db.close();
    throw error;
  }
}
