import { expect } from 'vitest';
import type { Role } from '../../src/domain/roles.ts';
import { releaseStorage, runCommandOk } from './cli.ts';
import { openTestDatabase, postgresUrl, type TestDatabase } from './database.ts';
import { request, type Storage, temporaryDirectory, writePasswordFile } from './server-process.ts';

export const adminPassword = 'admin-password-for-tests';

/**
 * Storage set up the way an operator does it: `corridor init`, then `corridor tokens create` (run in
 * the test's process, test/support/cli.ts; the storage stays open there until dispose or a process
 * is started on it).
 */
export interface Deployment {
  storage: Storage;
  adminToken: string;
  /** The PostgreSQL database, open for direct queries, when the suite runs on PostgreSQL. */
  database: TestDatabase | undefined;
  dispose(): Promise<void>;
}

/**
 * Fresh storage on the suite's backend (a temporary data directory, or a new PostgreSQL database when
 * TEST_DATABASE_URL is set), initialised through the CLI with an admin and the admin's API token.
 */
export async function deploy(backend: 'suite' | 'postgresql' = 'suite'): Promise<Deployment> {
  const dir = temporaryDirectory('corridor-test-');
  let database: TestDatabase | undefined;
  let storage: Storage | undefined;
  try {
    if (backend === 'postgresql' || postgresUrl) {
      database = await openTestDatabase();
      storage = { databaseUrl: database.url! };
    } else {
      storage = { dataDir: `${dir.path}/data` };
    }
    const passwordFile = writePasswordFile(dir.path, adminPassword);
    await runCommandOk(['init', '--admin-user', 'admin', '--admin-password-file', passwordFile], storage);
    const adminToken = (await runCommandOk(['tokens', 'create', '--user', 'admin'], storage)).trim();
    expect(adminToken).toMatch(/^cor_/);
    const opened = storage;
    return {
      storage: opened,
      adminToken,
      database,
      async dispose() {
        await releaseStorage(opened);
        await database?.close();
        dir.remove();
      },
    };
  } catch (error) {
    if (storage) await releaseStorage(storage);
    await database?.close();
    dir.remove();
    throw error;
  }
}

/**
 * A deployment (see deploy) with one more user, added by `corridor users add` as an operator does,
 * the password read from a file; the CLI tests' common start.
 */
export async function deployWithUser(username: string, role: Role, password: string): Promise<Deployment> {
  const deployment = await deploy();
  const dir = temporaryDirectory('corridor-user-');
  try {
    await runCommandOk(
      [
        'users',
        'add',
        '--user',
        username,
        '--role',
        role,
        '--password-file',
        writePasswordFile(dir.path, password),
      ],
      deployment.storage,
    );
    return deployment;
  } catch (error) {
    await deployment.dispose();
    throw error;
  } finally {
    dir.remove();
  }
}

/** Adds a user through the API as the admin and returns the user's session cookie and own token. */
export async function addUser(
  server: { url: string },
  adminToken: string,
  username: string,
  role: Role,
): Promise<{ cookie: string; token: string }> {
  const password = `${username}-password-long`;
  const created = await request(server, 'POST', '/api/users', {
    token: adminToken,
    body: { username, role, password },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const cookie = await login(server, username, password);
  const token = await request(server, 'POST', '/api/tokens', { cookie, body: { label: 'test' } });
  expect(token.status, JSON.stringify(token.body)).toBe(201);
  return { cookie, token: (token.body as { token: string }).token };
}

/** Logs in through POST /api/session and returns the Cookie header to send. */
export async function login(server: { url: string }, username: string, password: string): Promise<string> {
  const response = await request(server, 'POST', '/api/session', { body: { username, password } });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  const match = /corridor_session=([^;]+)/.exec(response.setCookie ?? '');
  expect(match, 'the login sets the session cookie').not.toBeNull();
  return `corridor_session=${match![1]}`;
}
