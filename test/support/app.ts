import type { FastifyInstance } from 'fastify';
import { type Role, roles } from '../../src/domain/roles.ts';
import { buildApp } from '../../src/server/app.ts';
import { createToken, createUser } from '../../src/services/accounts.ts';
import { systemActor } from '../../src/store/repos/operations.ts';
import { openTestDatabase, type TestDatabase } from './database.ts';

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  /** A Bearer token for a user of each role. */
  tokens: Record<Role, string>;
  as(role: Role): { authorization: string };
}

export async function openTestApp(options: { loginRateLimit?: number } = {}): Promise<TestApp> {
  const test = await openTestDatabase();
  const app = await buildApp({ db: test.db, logger: false, loginRateLimit: options.loginRateLimit ?? 1000 });
  const tokens = {} as Record<Role, string>;
  for (const role of roles) {
    const user = await createUser(test.db, systemActor, {
      username: `${role}-user`,
      role,
      password: `${role}-password-long`,
    });
    tokens[role] = (await createToken(test.db, systemActor, user.id, null)).token;
  }
  return {
    ...test,
    app,
    tokens,
    as: (role) => ({ authorization: `Bearer ${tokens[role]}` }),
    async close() {
      await app.close();
      await test.close();
    },
  };
}
