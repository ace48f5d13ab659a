// Registration writes the person, the guardian links and the operation in one statement, together
// with the registrations arriving at the same time. These tests pin what that must keep: the answer,
// the stored record and the operations log agree exactly, and every rule still refuses with its own
// error, for that registration alone, while writing nothing of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName, snapshot } from './support/database.ts';
import { call } from './support/fixtures.ts';
import { expectError } from './support/http.ts';

let t: TestApp;
let siteId: string;
let shelterId: string;
let exitId: string;
let householdId: string;
let motherId: string;
let fatherId: string;
let otherSite: { siteId: string; shelterId: string; householdId: string; personId: string };

async function makeSite(name: string) {
  const site = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    '/api/sites',
    { name, timeZone: 'Europe/Kyiv' },
    201,
  );
  const shelter = await call<{ id: string }>(
    t,
    'coordinator',
    'POST',
    `/api/sites/${site.id}/points`,
    { kind: 'shelter', code: 'S1', shelterKind: 'bunker', capacity: 120 },
    201,
  );
  const household = await call<{ id: string }>(
    t,
    'field',
    'POST',
    '/api/households',
    { siteId: site.id },
    201,
  );
  const person = await call<{ id: string }>(
    t,
    'field',
    'POST',
    '/api/people',
    { siteId: site.id, names: [{ script: 'Cyrl', family: 'Мельник', given: 'Оксана' }], sex: 'female' },
    201,
  );
  return { siteId: site.id, shelterId: shelter.id, householdId: household.id, personId: person.id };
}

beforeAll(async () => {
  t = await openTestApp();
  const main = await makeSite('Азовсталь');
  ({ siteId, shelterId, householdId } = main);
  motherId = main.personId;
  exitId = (
    await call<{ id: string }>(
      t,
      'coordinator',
      'POST',
      `/api/sites/${siteId}/points`,
      { kind: 'exit', code: 'E1' },
      201,
    )
  ).id;
  fatherId = (
    await call<{ id: string }>(
      t,
      'field',
      'POST',
      '/api/people',
      { siteId, names: [{ family: 'Melnyk', given: 'Ivan' }], sex: 'male' },
      201,
    )
  ).id;
  otherSite = await makeSite('Other site');
});
afterAll(() => t.close());

describe(`registration (${backendName})`, () => {
  it('answers with the stored person, and logs exactly that person', async () => {
    const registered = await call<Record<string, unknown>>(
      t,
      'field',
      'POST',
      '/api/people',
      {
        siteId,
        shelterId,
        householdId,
        names: [
          { script: 'Cyrl', family: 'Мельник', given: 'Софія', patronymic: 'Іванівна' },
          { script: 'Latn', family: 'Melnyk', given: 'Sofiia', patronymic: 'Ivanivna' },
        ],
        sex: 'female',
        birthDate: '2015-03-09',
        vulnerabilities: ['child', 'wounded', 'needs_stretcher'],
        triage: 'T1',
        languages: ['uk', 'ru'],
        note: 'осколкове поранення',
        // Listed out of id order, one without a relation: stored sorted, the missing relation absent.
        guardians: [{ personId: fatherId }, { personId: motherId, relation: 'мати' }].sort((a, b) =>
          b.personId.localeCompare(a.personId),
        ),
      },
      201,
    );
    const id = String(registered.id);
    const { allowedNextStatuses, ...stored } = await call<Record<string, unknown>>(
      t,
      'coordinator',
      'GET',
      `/api/people/${id}`,
      undefined,
      200,
    );
    expect(allowedNextStatuses).toBeDefined();
    expect(registered).toEqual(stored);
    expect(registered.guardians).toEqual(
      [{ personId: fatherId }, { personId: motherId, relation: 'мати' }].sort((a, b) =>
        a.personId.localeCompare(b.personId),
      ),
    );
    expect(registered).toMatchObject({ status: 'sheltering', version: 1, birthYear: null, ageBand: null });
    const history = await call<{ items: Array<Record<string, unknown>> }>(
      t,
      'coordinator',
      'GET',
      `/api/people/${id}/history`,
      undefined,
      200,
    );
    expect(history.items).toHaveLength(1);
    expect(history.items[0]).toMatchObject({
      entity: 'person',
      entityId: id,
      action: 'register',
      actor: 'field-user',
    });
    expect(history.items[0]!.before).toBeNull();
    expect(history.items[0]!.after).toEqual(registered);
  });

  it('keeps the id a device minted, and refuses it the second time without writing', async () => {
    const id = newId();
    const body = { id, siteId, names: [{ family: 'Бойко', given: 'Петро' }], sex: 'male' };
    expect((await call(t, 'field', 'POST', '/api/people', body, 201)).id).toBe(id);
    const before = await snapshot(t.db);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/people',
      headers: t.as('field'),
      payload: body,
    });
    expectError(again, 409, 'duplicate_id');
    expect(again.json().error.message).toContain(id);
    expect(await snapshot(t.db)).toBe(before);
  });

  const refusals: Array<[string, () => Record<string, unknown>, number, string, string]> = [
    ['an unknown site', () => ({ siteId: newId() }), 422, 'unknown_reference', 'siteId'],
    ['an unknown shelter', () => ({ shelterId: newId() }), 422, 'unknown_reference', 'shelterId'],
    ['a point that is not a shelter', () => ({ shelterId: exitId }), 422, 'unknown_reference', 'shelterId'],
    [
      'a shelter of another site',
      () => ({ shelterId: otherSite.shelterId }),
      422,
      'unknown_reference',
      'shelterId',
    ],
    ['an unknown household', () => ({ householdId: newId() }), 422, 'unknown_reference', 'householdId'],
    [
      'a household of another site',
      () => ({ householdId: otherSite.householdId }),
      422,
      'unknown_reference',
      'householdId',
    ],
    [
      'an unknown guardian',
      () => ({ guardians: [{ personId: newId() }] }),
      422,
      'unknown_reference',
      'guardians',
    ],
    [
      'a guardian from another site',
      () => ({ guardians: [{ personId: motherId }, { personId: otherSite.personId }] }),
      422,
      'unknown_reference',
      'guardians',
    ],
    [
      'a guardian listed twice',
      () => ({ guardians: [{ personId: motherId }, { personId: motherId }] }),
      400,
      'validation_failed',
      'guardians',
    ],
    [
      'a wounded person without triage',
      () => ({ vulnerabilities: ['wounded'] }),
      400,
      'validation_failed',
      'triage',
    ],
  ];

  for (const [name, change, status, code, field] of refusals) {
    it(`refuses ${name}, naming ${field}, and writes nothing`, async () => {
      const before = await snapshot(t.db);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/people',
        headers: t.as('field'),
        payload: { siteId, names: [{ family: 'Ткаченко', given: 'Анна' }], sex: 'female', ...change() },
      });
      expectError(response, status, code);
      expect(response.json().error.message).toContain(field);
      expect(await snapshot(t.db)).toBe(before);
    });
  }

  // Registrations arriving together are written together; each must still get its own answer.
  it('answers each of many registrations sent at once on its own, writing only the acceptable ones', async () => {
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM person');
    const ops = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM operation');
    const good = (i: number) => ({
      siteId,
      shelterId,
      names: [{ family: 'Руденко', given: `Ілля ${i}` }],
      sex: 'male',
    });
    const cases: Array<{ payload: Record<string, unknown>; status: number; code?: string }> = [
      ...Array.from({ length: 12 }, (_, i) => ({ payload: good(i), status: 201 })),
      { payload: { ...good(100), shelterId: otherSite.shelterId }, status: 422, code: 'unknown_reference' },
      {
        payload: { ...good(101), guardians: [{ personId: otherSite.personId }] },
        status: 422,
        code: 'unknown_reference',
      },
      { payload: { ...good(102), householdId: newId() }, status: 422, code: 'unknown_reference' },
      // A guardian id the validator lets through but the database cannot read: it fails its own
      // registration only, never the others written with it.
      {
        payload: { ...good(103), guardians: [{ personId: `urn:uuid:${motherId}` }] },
        status: 400,
        code: 'validation_failed',
      },
      ...Array.from({ length: 12 }, (_, i) => ({ payload: good(200 + i), status: 201 })),
    ];
    const responses = await Promise.all(
      cases.map(({ payload }) =>
        t.app.inject({ method: 'POST', url: '/api/people', headers: t.as('field'), payload }),
      ),
    );
    for (const [i, response] of responses.entries()) {
      const expected = cases[i]!;
      if (expected.code) expectError(response, expected.status, expected.code);
      else expect(response.statusCode, response.body).toBe(expected.status);
    }
    const after = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM person');
    const opsAfter = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM operation');
    expect(after.rows[0]!.n - before.rows[0]!.n).toBe(24);
    expect(opsAfter.rows[0]!.n - ops.rows[0]!.n).toBe(24);
  });

  it('of the same id sent several times at once, registers it once and refuses the others', async () => {
    const id = newId();
    const payload = { id, siteId, names: [{ family: 'Клименко', given: 'Віра' }], sex: 'female' };
    const responses = await Promise.all(
      Array.from({ length: 5 }, () =>
        t.app.inject({ method: 'POST', url: '/api/people', headers: t.as('field'), payload }),
      ),
    );
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409]);
    for (const response of responses.filter((r) => r.statusCode === 409))
      expectError(response, 409, 'duplicate_id');
    const { rows } = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM operation WHERE entity = 'person' AND entity_id = $1",
      [id],
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('registers many people at once, each logged once', async () => {
    const bodies = Array.from({ length: 40 }, (_, i) => ({
      siteId,
      shelterId,
      names: [{ script: 'Cyrl', family: 'Шевченко', given: `Тарас ${i}` }],
      sex: 'male',
      guardians: i % 2 ? [{ personId: motherId, relation: 'мати' }] : [],
    }));
    const responses = await Promise.all(
      bodies.map((payload) =>
        t.app.inject({ method: 'POST', url: '/api/people', headers: t.as('field'), payload }),
      ),
    );
    expect(responses.map((r) => r.statusCode)).toEqual(bodies.map(() => 201));
    const ids = responses.map((r) => r.json().id as string);
    const { rows } = await t.db.query<{ entity_id: string; n: number }>(
      `SELECT entity_id, count(*)::int AS n FROM operation WHERE entity = 'person' AND entity_id = ANY ($1::uuid[])
       GROUP BY entity_id`,
      [ids],
    );
    expect(rows).toHaveLength(40);
    expect(rows.every((row) => row.n === 1)).toBe(true);
    const links = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM person_guardian WHERE child_id = ANY ($1::uuid[])',
      [ids],
    );
    expect(links.rows[0]!.n).toBe(20);
  });
});
