// A Corridor server set up the way an operator would: `corridor init`, users and tokens from the CLI,
// then `corridor serve` as its own process, on a fresh store that is removed afterwards.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import type { BackendName } from './types.ts';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../../bin/corridor.js', import.meta.url));

export interface BenchStore {
  backend: BackendName;
  /** Scratch directory: the embedded data directory, password file and server log live here. */
  dir: string;
  /** The fresh PostgreSQL database, when the backend is PostgreSQL. */
  databaseUrl: string | undefined;
  env: NodeJS.ProcessEnv;
  /** The storage option every corridor command gets. */
  storeArgs: string[];
  /** Node options for every corridor process on this store (a bench-only preload, as in overview.ts). */
  nodeArgs: string[];
  remove(): Promise<void>;
}

export async function createStore(
  backend: BackendName,
  postgresUrl: string,
  nodeArgs: string[] = [],
): Promise<BenchStore> {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-bench-'));
  const env = { ...process.env };
  delete env.DATABASE_URL;
  delete env.CORRIDOR_DATA_DIR;
  if (backend === 'pglite') {
    return {
      backend,
      dir,
      databaseUrl: undefined,
      env,
      storeArgs: ['--data-dir', join(dir, 'data')],
      nodeArgs,
      remove: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `corridor_bench_${randomBytes(6).toString('hex')}`;
  await onServer(postgresUrl, `CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  // PostgreSQL has no data directory to keep a key file in: the CLI needs a master key given, so a
  // fresh database gets a throwaway one unless the caller's environment names one. Each bench then
  // runs alone as well as after the others (bench/audit.ts sets one for the whole run).
  if (!env.CORRIDOR_MASTER_KEY && !env.CORRIDOR_KEY_FILE)
    env.CORRIDOR_MASTER_KEY = randomBytes(32).toString('base64');
  return {
    backend,
    dir,
    databaseUrl: url.toString(),
    env: { ...env, DATABASE_URL: url.toString() },
    storeArgs: [],
    nodeArgs,
    async remove() {
      rmSync(dir, { recursive: true, force: true });
      await onServer(postgresUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch((error: Error) => {
        process.stderr.write(`could not drop the benchmark database ${name}: ${error.message}\n`);
      });
    },
  };
}

async function onServer(postgresUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Runs a corridor command against the store and returns what it printed. */
export async function corridor(store: BenchStore, args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [...store.nodeArgs, cli, ...args, ...store.storeArgs], {
    env: store.env,
  });
  return stdout;
}

export interface Accounts {
  coordinatorToken: string;
  fieldToken: string;
}

/** The first admin, a coordinator who models the site and a field user who registers people. */
export async function createAccounts(store: BenchStore): Promise<Accounts> {
  const passwordFile = join(store.dir, 'password');
  writeFileSync(passwordFile, `${randomBytes(18).toString('base64url')}\n`, { mode: 0o600 });
  await corridor(store, ['init', '--admin-user', 'bench-admin', '--admin-password-file', passwordFile]);
  for (const role of ['coordinator', 'field'])
    await corridor(store, [
      'users',
      'add',
      '--user',
      `bench-${role}`,
      '--role',
      role,
      '--password-file',
      passwordFile,
    ]);
  const token = async (user: string) =>
    (await corridor(store, ['tokens', 'create', '--user', user, '--label', 'benchmark'])).trim();
  return { coordinatorToken: await token('bench-coordinator'), fieldToken: await token('bench-field') };
}

export interface RunningServer {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

/** Starts `corridor serve --port 0` with its log in the store directory, as an operator would run it. */
export async function startServer(store: BenchStore, nodeArgs: string[] = []): Promise<RunningServer> {
  const logFile = join(store.dir, 'server.log');
  const log = openSync(logFile, 'w');
  const child = spawn(
    process.execPath,
    [...store.nodeArgs, ...nodeArgs, cli, 'serve', '--port', '0', ...store.storeArgs],
    {
      env: store.env,
      stdio: ['ignore', log, log],
    },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const deadline = Date.now() + 60_000;
  let url: string | undefined;
  while (!url) {
    const text = readFileSync(logFile, 'utf8');
    url = /Corridor is running at (\S+) on/.exec(text)?.[1];
    if (url) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`corridor serve did not start:\n${text}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    pid: child.pid!,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One JSON API call; throws with the server's error body unless the status is 2xx. */
export async function api<T>(
  url: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return JSON.parse(text) as T;
}
