import type { Database } from '../store/database.ts';
import { resolveStoreOptions, type StoreOptions, withKeys } from '../store/open.ts';
import type { OptionSpec } from './args.ts';
import type { CliContext } from './context.ts';

export const dataDirOption: Record<string, OptionSpec> = {
  'data-dir': {
    type: 'string',
    placeholder: 'DIR',
    description:
      'embedded database directory (env CORRIDOR_DATA_DIR; default ./corridor-data; ignored when DATABASE_URL is set)',
  },
};

/** The storage named by --data-dir and the command's environment (DATABASE_URL, CORRIDOR_DATA_DIR). */
export const cliStoreOptions = (cli: CliContext, values: Record<string, string | boolean | undefined>) =>
  resolveStoreOptions(
    { dataDir: typeof values['data-dir'] === 'string' ? values['data-dir'] : undefined },
    cli.env,
    cli.stderr,
  );

/** Opens the storage with its encryption keys. */
export const openCliStore = async (cli: CliContext, options: StoreOptions): Promise<Database> =>
  withKeys(await cli.openDatabase(options), options);

/** Opens the store named by the flags and environment, runs fn, and always closes it (PGlite keeps Node alive). */
export async function withStore<T>(
  cli: CliContext,
  values: Record<string, string | boolean | undefined>,
  fn: (db: Database) => Promise<T>,
): Promise<T> {
  const db = await openCliStore(cli, cliStoreOptions(cli, values));
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}
