import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.ts';
import { createToken, createUser } from '../src/services/accounts.ts';
import { currentSchemaVersion, latestSchemaVersion } from '../src/store/migrate.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { openTestApp, passwordOf, type TestApp } from './support/app.ts';
import { backendName, openTestDatabase } from './support/database.ts';
import { expectError } from './support/http.ts';

// What the server does around the routes: it reports its backend and schema, slows password
// guessing, and turns an unexpected failure into a 500 with a correlation id and nothing more.

describe(`health (${backendName})`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(() => t.close());

  it('reports the backend and the schema version, without logging in', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ok',
      backend: backendName,
      schemaVersion: await currentSchemaVersion(t.db),
    });
    expect(response.json().schemaVersion).toBe(latestSchemaVersion());
  });
});

describe(`login rate limiting (${backendName})`, () => {
  const limit = 3;
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp({ loginRateLimit: limit });
  });
  afterAll(() => t.close());

  const attempt = (password: string) =>
    t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'field-user', password } });

  it(`refuses attempts beyond ${limit} with 429 in the error shape, even with the right password`, async () => {
    for (let i = 0; i < limit; i++)
      expectError(await attempt(`guess-number-${i}`), 401, 'invalid_credentials');
    const refused = await attempt(passwordOf('field'));
    expectError(refused, 429, 'too_many_requests');
    expect(refused.headers['set-cookie']).toBeUndefined();
    const { rows } = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM user_session');
    expect(rows[0]!.n).toBe(0);
  });

  it('limits only logins: the rest of the API still answers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/sites', headers: t.as('field') });
    expect(response.statusCode).toBe(200);
  });
});

describe(`an unexpected error (${backendName})`, () => {
  it('is a 500 with a correlation id, logged with that id, and no stack trace or detail leaves the server', async () => {
    // A real failure, not a planted one: the database goes away under a running server.
    const test = await openTestDatabase();
    const lines: string[] = [];
    const app = await buildApp({
      db: test.db,
      logger: { level: 'info', stream: { write: (line) => lines.push(line) } },
    });
    try {
      const user = await createUser(test.db, systemActor, {
        username: 'field-user',
        role: 'field',
        password: passwordOf('field'),
      });
      const { token } = await createToken(test.db, systemActor, user.id, null);
      await test.disconnect();

      const name = 'Шевчук';
      const response = await app.inject({
        method: 'POST',
        url: '/api/people',
        headers: { authorization: `Bearer ${token}` },
        payload: { siteId: user.id, names: [{ family: name, given: 'Ярослава' }], sex: 'female' },
      });
      expectError(response, 500, 'internal_error');
      const body = response.json();
      expect(body.error.message).toBe('an unexpected error occurred');
      expect(Object.keys(body.error.details)).toEqual(['correlationId']);
      const { correlationId } = body.error.details;
      expect(correlationId).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.body).not.toMatch(/\bat .+:\d+:\d+/);
      expect(response.body).not.toMatch(/pglite|pool|postgres|closed/i);

      const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const entry = logged.find((line) => line.correlationId === correlationId);
      expect(entry, 'the error is logged with the correlation id').toBeDefined();
      expect(entry!.level).toBe(50);
      expect((entry!.err as { stack?: string }).stack).toBeTruthy();
      // No personal data and no credentials in the log.
      const log = lines.join('\n');
      expect(log).not.toContain(name);
      expect(log).not.toContain(token);
    } finally {
      await app.close();
      await test.close();
    }
  });
});
