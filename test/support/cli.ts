import { resolve } from 'node:path';
import { Writable } from 'node:stream';
import type { CliContext } from '../../src/cli/context.ts';
import { runCommandLine } from '../../src/cli/run.ts';
import type { Database } from '../../src/store/database.ts';
import { openMigrated, type StoreOptions, withKeys } from '../../src/store/open.ts';
import { dataDirFromTemplate } from './database.ts';
import { commandEnvironment, type Storage } from './storage.ts';

// `corridor` commands run in the test's own process: the same command line, parsing, commands and
// exit statuses as bin/corridor.js, with stdout and stderr captured. A spawned command costs tsx's
// start and, on the embedded database, seconds of CPU to open the data directory; here each storage
// is opened once (a real database, migrated as the command would) and kept open for the test file,
// every command getting it as if it had opened it. test/support/server-process.ts spawns the real
// process, for the cases that are about the process itself (and it closes what is held here first:
// a data directory is one process's).

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

const held = new Map<string, Promise<Database>>();

const keyOf = (options: StoreOptions): string =>
  options.databaseUrl ?? `dir:${resolve(options.dataDir ?? './corridor-data')}`;
const keyOfStorage = (storage: Storage): string =>
  'databaseUrl' in storage ? storage.databaseUrl : `dir:${resolve(storage.dataDir)}`;

/** The held database of the storage, opened on first use; closing what is handed out keeps it open. */
async function heldDatabase(options: StoreOptions): Promise<Database> {
  const key = keyOf(options);
  let opening = held.get(key);
  if (!opening) {
    // A new data directory starts as a copy of the suite's migrated one, as after a first start.
    if (!options.databaseUrl) dataDirFromTemplate(resolve(options.dataDir ?? './corridor-data'));
    opening = openMigrated(options);
    held.set(key, opening);
    opening.catch(() => held.delete(key));
  }
  const db = await opening;
  return {
    backend: db.backend,
    query: (sql, params) => db.query(sql, params),
    transaction: (fn) => db.transaction(fn),
    exec: (sql) => db.exec(sql),
    close: async () => {},
  };
}

class Collected extends Writable {
  private readonly chunks: Buffer[] = [];
  override _write(chunk: Buffer | string, _encoding: BufferEncoding, done: () => void): void {
    this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    done();
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

/**
 * Runs one corridor command line in this process on the given storage. `environment` changes the
 * command's environment (undefined removes a variable); the process's own is never changed.
 */
export async function runCommand(
  args: string[],
  storage: Storage,
  environment: Record<string, string | undefined> = {},
): Promise<CliResult> {
  if (args[0] === 'serve') throw new Error('corridor serve runs as a process: use startServer');
  const env = commandEnvironment(storage);
  for (const [name, value] of Object.entries(environment)) {
    if (value === undefined) delete env[name];
    else env[name] = value;
  }
  const stdout = new Collected();
  const stderr = new Collected();
  const cli: CliContext = { stdout, stderr, env, openDatabase: heldDatabase };
  const code = await runCommandLine(args, cli);
  return { code: code ?? 0, stdout: stdout.text(), stderr: stderr.text() };
}

/** Runs a corridor command in this process that must succeed, and returns what it printed. */
export async function runCommandOk(
  args: string[],
  storage: Storage,
  environment: Record<string, string | undefined> = {},
): Promise<string> {
  const result = await runCommand(args, storage, environment);
  if (result.code !== 0)
    throw new Error(`corridor ${args.join(' ')} exited ${result.code}: ${result.stderr}${result.stdout}`);
  return result.stdout;
}

/**
 * The storage's database with its keys, for a test's own reads and writes between commands: the one
 * the commands use (a second PGlite on the same directory in this process would corrupt it).
 */
export async function heldStore(storage: Storage): Promise<Database> {
  const options: StoreOptions =
    'databaseUrl' in storage ? { databaseUrl: storage.databaseUrl } : { dataDir: storage.dataDir };
  return withKeys(await heldDatabase(options), { ...options, env: commandEnvironment(storage) });
}

/** Closes the storage's held database, if any: before a process opens it, or the test file ends. */
export async function releaseStorage(storage: Storage): Promise<void> {
  const key = keyOfStorage(storage);
  const opening = held.get(key);
  if (!opening) return;
  held.delete(key);
  const db = await opening.catch(() => undefined);
  await db?.close();
}

/** Closes every held database (a test file's afterAll, before its databases are dropped). */
export async function releaseAll(): Promise<void> {
  const all = [...held.values()];
  held.clear();
  for (const opening of all) await (await opening.catch(() => undefined))?.close();
}
