import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Role } from '../../src/domain/roles.ts';
import { withCorridorCommands } from './cli.ts';

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

/** A data directory made ready for the tests, and the accounts in it. */
export interface CorridorTemplate {
  dataDir: string;
  accounts: Record<Role, Account>;
}

/**
 * A fresh embedded database as a person sets one up: the first run of `corridor serve` loads the
 * Azovstal scenario and prints the admin's password; `corridor users add` then adds a user of every
 * other role and `corridor tokens create` gives each user a token. Servers start on copies of it
 * (startCorridor), so that making it, which takes a while, is done once for the whole run.
 */
export async function prepareCorridor(): Promise<CorridorTemplate> {
  const dataDir = mkdtempSync(join(tmpdir(), 'corridor-e2e-template-'));
  const first = await serve(dataDir, true);
  first.child.removeAllListeners('exit');
  const adminPassword = /Log in as admin with the password (\S+)/.exec(first.output)?.[1] ?? '';
  await stopChild(first.child);

  const accounts = {} as Record<Role, Account>;
  await withCorridorCommands(dataDir, env(), async (command) => {
    // The login route allows ten attempts a minute from one address: the tests log in through the
    // screen only where logging in is what they test, and otherwise send a token, as API clients do.
    accounts.admin = {
      username: 'admin',
      password: adminPassword,
      token: await command(['tokens', 'create', '--user', 'admin', '--label', 'e2e']),
    };
    for (const role of ['coordinator', 'field', 'reception', 'observer', 'auditor'] as const) {
      const account = { username: `${role}-e2e`, password: `${role}-e2e-password-long`, token: '' };
      const file = join(dataDir, `${role}.password`);
      writeFileSync(file, `${account.password}\n`, { mode: 0o600 });
      await command(['users', 'add', '--user', account.username, '--role', role, '--password-file', file]);
      rmSync(file);
      account.token = await command(['tokens', 'create', '--user', account.username, '--label', 'e2e']);
      accounts[role] = account;
    }
  });
  return { dataDir, accounts };
}

/**
 * A real Corridor of its own: `corridor serve` on a fresh copy of the template's data directory, so
 * that what one server's tests change no other server sees. Without a template, one is made for it
 * (and removed with it).
 */
export async function startCorridor(template?: CorridorTemplate): Promise<CorridorServer> {
  const own = template ? undefined : await prepareCorridor();
  const from = template ?? own!;
  const dataDir = mkdtempSync(join(tmpdir(), 'corridor-e2e-'));
  cpSync(from.dataDir, dataDir, { recursive: true });
  const server = await serve(dataDir, false);
  server.child.removeAllListeners('exit');
  return {
    url: server.url,
    accounts: from.accounts,
    async stop() {
      await stopChild(server.child);
      rmSync(dataDir, { recursive: true, force: true });
      if (own) rmSync(own.dataDir, { recursive: true, force: true });
    },
  };
}
