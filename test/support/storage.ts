/** Where a server or command keeps its data: an embedded data directory, or a PostgreSQL database. */
export type Storage = { dataDir: string } | { databaseUrl: string };

/**
 * The environment a `corridor` command gets in the tests: the runner's own (the suite's master key),
 * with exactly the storage the test names, whatever the runner's environment says.
 */
export function commandEnvironment(storage: Storage): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'test' };
  delete env.DATABASE_URL;
  delete env.CORRIDOR_DATA_DIR;
  delete env.PORT;
  delete env.HOST;
  if ('dataDir' in storage) env.CORRIDOR_DATA_DIR = storage.dataDir;
  else env.DATABASE_URL = storage.databaseUrl;
  return env;
}
