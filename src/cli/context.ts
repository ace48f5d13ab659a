import type { Writable } from 'node:stream';
import type { Database } from '../store/database.ts';
import { openMigrated, type StoreOptions } from '../store/open.ts';

/**
 * What a command talks to besides its arguments: where it prints, the environment it reads, and how
 * it opens the storage it is given. The `corridor` process passes its own (processContext); the tests
 * run the same commands in their own process with output captured and a database kept open for the
 * whole test file, as opening an embedded data directory costs seconds of CPU each time.
 */
export interface CliContext {
  stdout: Writable;
  stderr: Writable;
  env: NodeJS.ProcessEnv;
  /** Opens the storage, its schema brought up to date, without its keys; the command closes it. */
  openDatabase(options: StoreOptions): Promise<Database>;
}

export const processContext = (): CliContext => ({
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  openDatabase: openMigrated,
});
