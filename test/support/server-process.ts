import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CliResult, releaseStorage } from './cli.ts';
import { commandEnvironment, type Storage } from './storage.ts';

export type { CliResult } from './cli.ts';
export type { Storage } from './storage.ts';

// Real `corridor` processes for the tests that need them (crash safety, two instances, a command as
// an operator sees it): the same bin/corridor.js an operator runs, on the storage the test chooses.

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'corridor.js');

// Every child still running, so that a test that fails or times out half-way leaves no process behind.
const running = new Set<ChildProcess>();

function track(child: ChildProcess): void {
  running.add(child);
  child.on('exit', () => running.delete(child));
}

/** Kills (SIGKILL) every corridor process this test file started that is still running. */
export async function killChildren(): Promise<void> {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** Runs one corridor command to its end, as a process (test/support/cli.ts runs it in this one). */
export async function runCli(args: string[], storage: Storage): Promise<CliResult> {
  await releaseStorage(storage);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: commandEnvironment(storage) });
    track(child);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs a corridor command that must succeed, and returns what it printed. */
export async function runCliOk(args: string[], storage: Storage): Promise<string> {
  const result = await runCli(args, storage);
  if (result.code !== 0)
    throw new Error(`corridor ${args.join(' ')} exited ${result.code}: ${result.stderr}${result.stdout}`);
  return result.stdout;
}

export interface ServerProcess {
  /** http://127.0.0.1:PORT, as the server printed it. */
  url: string;
  child: ChildProcess;
  /** Everything the server wrote to stdout and stderr so far. */
  output(): string;
  /** Resolves with the signal or exit code once the process is gone. */
  exited: Promise<NodeJS.Signals | number | null>;
  /** SIGKILL: no shutdown code runs, as in a crash or power cut of the process. */
  kill9(): Promise<NodeJS.Signals | number | null>;
  /** SIGTERM, the orderly shutdown. */
  stop(): Promise<NodeJS.Signals | number | null>;
}

/** Starts `corridor serve --port 0` and resolves once it has printed the address it listens on. */
export async function startServer(storage: Storage): Promise<ServerProcess> {
  await releaseStorage(storage);
  const child = spawn(process.execPath, [bin, 'serve', '--host', '127.0.0.1', '--port', '0'], {
    cwd: root,
    env: commandEnvironment(storage),
  });
  track(child);
  let output = '';
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => {
    child.on('exit', (code, signal) => resolve(signal ?? code));
  });
  return new Promise<ServerProcess>((resolve, reject) => {
    let listening = false;
    // Both pipes are read to the end, or a chatty child would block on a full pipe.
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Corridor is running at (http:\/\/\S+) on/.exec(output);
      if (!match || listening) return;
      listening = true;
      const signal = (name: NodeJS.Signals) => () => {
        if (child.exitCode === null && child.signalCode === null) child.kill(name);
        return exited;
      };
      resolve({
        url: match[1]!,
        child,
        output: () => output,
        exited,
        kill9: signal('SIGKILL'),
        stop: signal('SIGTERM'),
      });
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.on('error', reject);
    void exited.then((how) => {
      if (!listening) reject(new Error(`corridor serve ended (${how}) before listening:\n${output}`));
    });
  });
}

/** A temporary directory, removed by the returned cleanup. */
export function temporaryDirectory(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Writes a password file (the CLI reads passwords from files, never from arguments). */
export function writePasswordFile(dir: string, password: string): string {
  const path = join(dir, 'password.txt');
  writeFileSync(path, `${password}\n`, { mode: 0o600 });
  return path;
}

/** A JSON request to a running server. */
export async function request(
  server: { url: string },
  method: string,
  path: string,
  options: { token?: string; cookie?: string; body?: unknown } = {},
): Promise<{ status: number; body: unknown; setCookie: string | null }> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.cookie) headers.cookie = options.cookie;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text ? (JSON.parse(text) as unknown) : null,
    setCookie: response.headers.get('set-cookie'),
  };
}
