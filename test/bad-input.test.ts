import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import { defaultBodyLimit } from '../src/server/app.ts';
import { openTestApp, passwordOf, type TestApp } from './support/app.ts';
import { accountsRoutes } from './support/bad-input/accounts.ts';
import { boardingRoutes } from './support/bad-input/boarding.ts';
import { bundlesRoutes } from './support/bad-input/bundles.ts';
import { type Case, type Context, commonCases, type WriteRoute } from './support/bad-input/cases.ts';
import { convoysRoutes } from './support/bad-input/convoys.ts';
import { disclosureRoutes } from './support/bad-input/disclosure.ts';
import { importRoutes } from './support/bad-input/import.ts';
import { logisticsRoutes } from './support/bad-input/logistics.ts';
import { mergesRoutes } from './support/bad-input/merges.ts';
import { pausesRoutes } from './support/bad-input/pauses.ts';
import { peopleRoutes } from './support/bad-input/people.ts';
import { pfifRoutes, xmlCommonCases } from './support/bad-input/pfif.ts';
import { plansRoutes } from './support/bad-input/plans.ts';
import { receptionRoutes } from './support/bad-input/reception.ts';
import { rescueRoutes } from './support/bad-input/rescue.ts';
import { roadRoutes } from './support/bad-input/road.ts';
import { siteRoutes } from './support/bad-input/site.ts';
import { syncRoutes } from './support/bad-input/sync.ts';
import { tracingRoutes } from './support/bad-input/tracing.ts';
import { seedConvoy } from './support/convoy-fixtures.ts';
import { backendName, snapshot } from './support/database.ts';
import { call, seedSite } from './support/fixtures.ts';
import { expectError, sessionCookieOf } from './support/http.ts';
import { seedLogistics } from './support/logistics-fixtures.ts';
import { seedMerge } from './support/merge-fixtures.ts';
import { seedReception } from './support/reception-fixtures.ts';
import { seedRescue } from './support/rescue-fixtures.ts';
import { seedTracing } from './support/tracing-fixtures.ts';

// Every write route, fed bad input: each attempt gets a 4xx in the one error shape, naming the
// field where there is one, and leaves the database exactly as it was. The tables (one file per
// area, in support/bad-input) are keyed by the routes the app registers; a new write route without
// its cases fails the first test.

const writeRoutes: Record<string, WriteRoute> = {
  ...accountsRoutes,
  ...siteRoutes,
  ...peopleRoutes,
  ...pausesRoutes,
  ...importRoutes,
  ...logisticsRoutes,
  ...plansRoutes,
  ...rescueRoutes,
  ...convoysRoutes,
  ...receptionRoutes,
  ...boardingRoutes,
  ...roadRoutes,
  ...tracingRoutes,
  ...mergesRoutes,
  ...pfifRoutes,
  ...disclosureRoutes,
  ...syncRoutes,
  ...bundlesRoutes,
};

const isWrite = (method: string) => !['GET', 'HEAD', 'OPTIONS'].includes(method);

let t: TestApp;
let c: Context;

beforeAll(async () => {
  t = await openTestApp();
  const fixtures = await seedSite(t);
  const other = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    '/api/sites',
    { name: 'Illich', timeZone: 'Europe/Kyiv' },
    201,
  );
  const otherExit = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    `/api/sites/${other.id}/points`,
    { kind: 'exit', code: 'E1' },
    201,
  );
  const deceased = await call<{ id: string }>(
    t,
    'field',
    'POST',
    '/api/people',
    { siteId: fixtures.siteId, names: [{ family: 'Unknown', given: 'Unknown' }], sex: 'unknown' },
    201,
  );
  await call(t, 'field', 'POST', `/api/people/${deceased.id}/status`, { status: 'deceased' }, 200);
  const login = await t.app.inject({
    method: 'POST',
    url: '/api/session',
    payload: { username: 'reception-user', password: passwordOf('reception') },
  });
  const closedSession = sessionCookieOf(login);
  const logout = await t.app.inject({
    method: 'DELETE',
    url: '/api/session',
    headers: { cookie: `corridor_session=${closedSession}` },
  });
  expect(logout.statusCode).toBe(204);
  const logistics = await seedLogistics(t, fixtures);
  c = {
    ...fixtures,
    t,
    unknownId: newId(),
    otherSiteId: other.id,
    otherExitId: otherExit.id,
    deceasedId: deceased.id,
    closedSession,
    logistics,
    rescue: await seedRescue(t, fixtures),
    convoy: await seedConvoy(t, fixtures, { notified: true }),
    reception: await seedReception(t, fixtures, logistics),
    tracing: await seedTracing(t, fixtures),
    merge: await seedMerge(t, fixtures),
  };
}, 300_000);
afterAll(() => t.close());

const operationCount = async () =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM operation')).rows[0]!.n;

async function attempt(key: string, route: WriteRoute, bad: Case): Promise<void> {
  const method = key.split(' ')[0] as 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  const url = bad.path ?? route.path(c);
  const headers: Record<string, string> = { ...(bad.headers ?? t.as(route.as)) };
  let body: string | undefined;
  if (bad.raw !== undefined) {
    body = bad.raw;
    headers['content-type'] = bad.contentType ?? 'application/json';
  } else if (bad.payload !== undefined) {
    body = JSON.stringify(bad.payload);
    headers['content-type'] = 'application/json';
  }
  const before = await snapshot(t.db);
  const operationsBefore = await operationCount();
  const response = await t.app.inject({
    method,
    url,
    headers,
    ...(body === undefined ? {} : { payload: body }),
  });
  const label = `${key} — ${bad.name}`;
  expect(response.statusCode, `${label}: ${response.body.slice(0, 400)}`).toBe(bad.status);
  expectError(response, bad.status, bad.code);
  const message = response.json().error.message as string;
  for (const word of bad.mentions ?? [])
    expect(message, `${label}: the message names ${word}`).toContain(word);
  expect(await operationCount(), `${label}: the operations log`).toBe(operationsBefore);
  expect(await snapshot(t.db), `${label}: the database`).toBe(before);
}

describe(`bad input changes nothing (${backendName})`, () => {
  it('has cases for every write route the app registers, and only those', () => {
    const registered = [
      ...new Set(t.routes.filter((r) => isWrite(r.method)).map((r) => `${r.method} ${r.url}`)),
    ];
    expect(registered.length).toBeGreaterThan(15);
    expect(registered.sort()).toEqual(Object.keys(writeRoutes).sort());
    for (const [key, route] of Object.entries(writeRoutes))
      expect(route.cases(c).length, `${key} has several bad inputs`).toBeGreaterThanOrEqual(3);
  });

  for (const [key, route] of Object.entries(writeRoutes)) {
    it(key, async () => {
      const [method, url] = key.split(' ') as [string, string];
      const limit = t.routes.find((r) => r.method === method && r.url === url)?.bodyLimit ?? defaultBodyLimit;
      for (const bad of [
        ...route.cases(c),
        ...(route.readsXml ? xmlCommonCases(limit) : commonCases(limit, route.readsFile ?? false)),
      ])
        await attempt(key, route, bad);
    });
  }
});
