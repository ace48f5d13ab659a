import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Role } from '../../src/domain/roles.ts';

const run = promisify(execFile);
const corridor = fileURLToPath(new URL('../../bin/corridor.js', import.meta.url));

export interface Account {
  username: string;
  password: string;
  /** An API token of the user (from `corridor tokens create`). */
  token: string;
}

export interface CorridorServer {
  url: string;
  accounts: Record<Role, Account>;
  stop(): Promise<void>;
}

// The embedded database, whatever the developer's shell says: each run gets a fresh one.
const env = (): NodeJS.ProcessEnv => {
  const { DATABASE_URL: _, ...rest } = process.env;
  return { ...rest, LOG_LEVEL: 'warn' };
};

/** Starts `corridor serve` and waits for the lines it prints once it listens. */
function serve(
  dataDir: string,
  firstRun: boolean,
): Promise<{ child: ChildProcess; url: string; output: string }> {
  const args = [
    corridor,
    'serve',
    '--data-dir',
    dataDir,
    '--port',
    '0',
    ...(firstRun ? ['--first-run'] : []),
  ];
  const child = spawn(process.execPath, args, { env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    let errors = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /running at (http:\/\/\S+) on/.exec(output)?.[1];
      const complete = !firstRun || /Log in as admin with the password \S+/.test(output);
      if (url && complete && output.endsWith('\n')) resolve({ child, url, output });
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      errors += chunk.toString();
    });
    child.once('exit', (code) => reject(new Error(`corridor serve exited with ${code}: ${errors}${output}`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * A real Corridor on a fresh embedded database: the first run loads the Azovstal scenario and
 * prints the admin's password; `corridor users add` then adds a user of every other role,
 * `corridor tokens create` gives each user a token, and the
 * server is started again for the tests.
 */
export async function startCorridor(): Promise<CorridorServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'corridor-e2e-'));
  const first = await serve(dataDir, true);
  first.child.removeAllListeners('exit');
  const adminPassword = /Log in as admin with the password (\S+)/.exec(first.output)?.[1] ?? '';
  await stopChild(first.child);

  const accounts = {} as Record<Role, Account>;
  const cli = async (args: string[]) =>
    (await run(process.execPath, [corridor, ...args, '--data-dir', dataDir], { env: env() })).stdout.trim();
  // The login route allows ten attempts a minute from one address: the tests log in through the
  // screen only where logging in is what they test, and otherwise send a token, as API clients do.
  accounts.admin = {
    username: 'admin',
    password: adminPassword,
    token: await cli(['tokens', 'create', '--user', 'admin', '--label', 'e2e']),
  };
  for (const role of ['coordinator', 'field', 'reception', 'observer', 'auditor'] as const) {
    const account = { username: `${role}-e2e`, password: `${role}-e2e-password-long`, token: '' };
    const file = join(dataDir, `${role}.password`);
    writeFileSync(file, `${account.password}\n`, { mode: 0o600 });
    await cli(['users', 'add', '--user', account.username, '--role', role, '--password-file', file]);
    rmSync(file);
    account.token = await cli(['tokens', 'create', '--user', account.username, '--label', 'e2e']);
    accounts[role] = account;
  }

  const server = await serve(dataDir, false);
  server.child.removeAllListeners('exit');
  return {
    url: server.url,
    accounts,
    async stop() {
      await stopChild(server.child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
