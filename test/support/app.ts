import type { FastifyInstance } from 'fastify';
import { type Role, roles } from '../../src/domain/roles.ts';
import { buildApp } from '../../src/server/app.ts';
import { createToken, createUser } from '../../src/services/accounts.ts';
import { systemActor } from '../../src/store/repos/operations.ts';
import type { User } from '../../src/store/repos/users.ts';
import { openTestDatabase, type TestDatabase } from './database.ts';

/** A route as the app registered it: one method, the full URL pattern. */
export interface RegisteredRoute {
  method: string;
  url: string;
  /** The route's own body limit in bytes, when it sets one (otherwise the app's). */
  bodyLimit: number | undefined;
}

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  /** A Bearer token for a user of each role. */
  tokens: Record<Role, string>;
  /** The user of each role, named `${role}-user`. */
  users: Record<Role, User>;
  /** Every route the app registered (plugins' included), as seen by an onRoute hook. */
  routes: RegisteredRoute[];
  as(role: Role): { authorization: string };
}

/** The password of the test user of a role (for logging in through POST /api/session). */
export const passwordOf = (role: Role): string => `${role}-password-long`;

export async function openTestApp(options: { loginRateLimit?: number } = {}): Promise<TestApp> {
  const test = await openTestDatabase();
  const routes: RegisteredRoute[] = [];
  const app = await buildApp({
    db: test.db,
    // TEST_LOG=error shows what went wrong behind a 500 while debugging a test.
    logger: process.env.TEST_LOG ? { level: process.env.TEST_LOG } : false,
    loginRateLimit: options.loginRateLimit ?? 1000,
    onRoute: (route) => {
      for (const method of [route.method].flat())
        routes.push({ method, url: route.url, bodyLimit: route.bodyLimit });
    },
  });
  const tokens = {} as Record<Role, string>;
  const users = {} as Record<Role, User>;
  for (const role of roles) {
    const user = await createUser(test.db, systemActor, {
      username: `${role}-user`,
      role,
      password: passwordOf(role),
    });
    users[role] = user;
    tokens[role] = (await createToken(test.db, systemActor, user.id, null)).token;
  }
  return {
    ...test,
    app,
    tokens,
    users,
    routes,
    as: (role) => ({ authorization: `Bearer ${tokens[role]}` }),
    async close() {
      await app.close();
      await test.close();
    },
  };
}
