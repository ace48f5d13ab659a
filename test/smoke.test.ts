import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestApp, type TestApp } from './support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

it('registers a person in a shelter', async () => {
  const site = await t.app.inject({
    method: 'POST',
    url: '/api/sites',
    headers: t.as('coordinator'),
    payload: { name: 'Azovstal', timeZone: 'Europe/Kyiv' },
  });
  expect(site.statusCode).toBe(201);
  const siteId = site.json().id;
  const shelter = await t.app.inject({
    method: 'POST',
    url: `/api/sites/${siteId}/points`,
    headers: t.as('coordinator'),
    payload: { kind: 'shelter', code: 'S1', shelterKind: 'bunker', capacity: 300 },
  });
  expect(shelter.statusCode).toBe(201);
  const person = await t.app.inject({
    method: 'POST',
    url: '/api/people',
    headers: t.as('field'),
    payload: {
      siteId,
      shelterId: shelter.json().id,
      names: [{ script: 'Cyrl', family: 'Коваленко', given: 'Олексій' }],
      sex: 'male',
      vulnerabilities: ['wounded'],
      triage: 'T1',
    },
  });
  expect(person.statusCode, person.body).toBe(201);
  const found = await t.app.inject({
    method: 'GET',
    url: `/api/people?q=ковал`,
    headers: t.as('coordinator'),
  });
  expect(found.json().total).toBe(1);
  const bad = await t.app.inject({
    method: 'POST',
    url: `/api/people/${person.json().id}/status`,
    headers: t.as('coordinator'),
    payload: { status: 'arrived' },
  });
  expect(bad.statusCode).toBe(409);
  expect(bad.json().error.code).toBe('illegal_transition');
});
