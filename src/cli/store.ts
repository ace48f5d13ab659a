import type { Database } from '../store/database.ts';
import { openStore, resolveStoreOptions } from '../store/open.ts';
import type { OptionSpec } from './args.ts';

export const dataDirOption: Record<string, OptionSpec> = {
  'data-dir': {
    type: 'string',
    placeholder: 'DIR',
    description:
      'embedded database directory (env CORRIDOR_DATA_DIR; default ./corridor-data; ignored when DATABASE_URL is set)',
  },
};

/** Opens the store named by the flags and environment, runs fn, and always closes it (PGlite keeps Node alive). */
export async function withStore<T>(
  values: Record<string, string | boolean | undefined>,
  fn: (db: Database) => Promise<T>,
): Promise<T> {
  const dataDir = typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined;
  const db = await openStore(resolveStoreOptions({ dataDir }));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
