import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName } from './support/database.ts';
import { call, type Fixtures, seedSite } from './support/fixtures.ts';
import { expectError } from './support/http.ts';

interface PersonView {
  id: string;
  names: Array<{ family: string; given: string; script?: string }>;
  status: string;
  shelterId: string | null;
  languages: string[];
  note: string | null;
  version: number;
}
interface Candidate {
  a: PersonView;
  b: PersonView;
  score: number;
  summary: string;
}
interface MergeView {
  id: string;
  survivorId: string;
  absorbedId: string;
  absorbedStatus: string;
  unmergedAt: string | null;
  kept?: string[];
}

let t: TestApp;
let f: Fixtures;
let cyrillic: string;
let latin: string;

const register = async (body: Record<string, unknown>) =>
  (await call<{ id: string }>(t, 'coordinator', 'POST', '/api/people', { siteId: f.siteId, ...body }, 201))
    .id;
const person = (id: string) => call<PersonView>(t, 'coordinator', 'GET', `/api/people/${id}`, undefined, 200);
const candidates = async () =>
  (
    await call<{ items: Candidate[] }>(
      t,
      'coordinator',
      'GET',
      `/api/sites/${f.siteId}/duplicates`,
      undefined,
      200,
    )
  ).items;
const pairOf = (items: Candidate[], x: string, y: string) =>
  items.find((c) => (c.a.id === x && c.b.id === y) || (c.a.id === y && c.b.id === x));
const total = async () =>
  (
    await call<{ registered: { total: number } }>(
      t,
      'observer',
      'GET',
      `/api/sites/${f.siteId}/summary`,
      undefined,
      200,
    )
  ).registered.total;

beforeAll(async () => {
  t = await openTestApp();
  f = await seedSite(t);
  // A field team inside the site, in Cyrillic; reception, from a passport, in Latin letters.
  cyrillic = await register({
    shelterId: f.shelterId,
    names: [{ script: 'Cyrl', family: 'Коваленко', given: 'Олексій', patronymic: 'Петрович' }],
    sex: 'male',
    birthYear: 1979,
  });
  latin = await register({
    names: [{ script: 'Latn', family: 'Kovalenko', given: 'Oleksii' }],
    sex: 'male',
    birthDate: '1979-03-14',
    languages: ['uk', 'en'],
  });
  await call(t, 'coordinator', 'POST', `/api/people/${latin}/status`, { status: 'ready' }, 200);
}, 300_000);
afterAll(() => t.close());

describe(`duplicates review and merge (${backendName})`, () => {
  it('lists the two registrations of one man as a candidate pair, with what matched', async () => {
    const pair = pairOf(await candidates(), cyrillic, latin);
    expect(pair, 'the pair is proposed').toBeDefined();
    expect(pair!.score).toBeGreaterThanOrEqual(0.8);
    expect(pair!.summary).toContain('Коваленко = Kovalenko');
    // The fixtures' mother and son are not proposed.
    expect(pairOf(await candidates(), f.personId, f.childId)).toBeUndefined();
  });

  it('only the coordination cell reviews and merges duplicates', async () => {
    for (const role of ['admin', 'field', 'reception', 'observer'] as const) {
      const list = await t.app.inject({
        method: 'GET',
        url: `/api/sites/${f.siteId}/duplicates`,
        headers: t.as(role),
      });
      expectError(list, 403, 'forbidden');
      expect(list.body).not.toContain('Коваленко');
      expectError(
        await t.app.inject({
          method: 'POST',
          url: '/api/merges',
          headers: t.as(role),
          payload: { survivorId: cyrillic, absorbedId: latin },
        }),
        403,
        'forbidden',
      );
    }
  });

  it('a merge keeps both records and both histories; the absorbed one no longer counts', async () => {
    const before = await total();
    const merge = await call<MergeView>(
      t,
      'coordinator',
      'POST',
      '/api/merges',
      { survivorId: cyrillic, absorbedId: latin, reason: 'same man: passport seen at reception' },
      201,
    );
    expect(merge).toMatchObject({
      survivorId: cyrillic,
      absorbedId: latin,
      absorbedStatus: 'ready',
      unmergedAt: null,
    });
    const survivor = await person(cyrillic);
    expect(survivor.names.map((n) => n.family)).toEqual(['Коваленко', 'Kovalenko']);
    expect(survivor).toMatchObject({ shelterId: f.shelterId, languages: ['uk', 'en'], status: 'sheltering' });
    expect((await person(latin)).status).toBe('merged');
    expect(await total()).toBe(before - 1);
    expect(pairOf(await candidates(), cyrillic, latin)).toBeUndefined();
    for (const [id, actions] of [
      [cyrillic, ['register', 'merge']],
      [latin, ['register', 'status', 'merged']],
    ] as const) {
      const history = await call<{ items: Array<{ action: string }> }>(
        t,
        'coordinator',
        'GET',
        `/api/people/${id}/history`,
        undefined,
        200,
      );
      expect(history.items.map((op) => op.action)).toEqual(actions);
    }
    // The absorbed record cannot be moved along the lifecycle, nor merged again.
    expectError(
      await t.app.inject({
        method: 'POST',
        url: `/api/people/${latin}/status`,
        headers: t.as('coordinator'),
        payload: { status: 'ready' },
      }),
      409,
      'illegal_transition',
    );
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/merges',
        headers: t.as('coordinator'),
        payload: { survivorId: f.personId, absorbedId: latin },
      }),
      409,
      'conflict',
    );
  });

  it('an unmerge brings the absorbed record back and takes back what the merge added, keeping later changes', async () => {
    const [merge] = (
      await call<{ items: MergeView[] }>(
        t,
        'coordinator',
        'GET',
        `/api/sites/${f.siteId}/merges`,
        undefined,
        200,
      )
    ).items;
    await call(t, 'field', 'PATCH', `/api/people/${cyrillic}`, { languages: ['uk', 'en', 'ru'] }, 200);
    const undone = await call<MergeView>(
      t,
      'coordinator',
      'POST',
      `/api/merges/${merge!.id}/unmerge`,
      { reason: 'his brother: different patronymic on the passport' },
      200,
    );
    expect(undone.unmergedAt).not.toBeNull();
    expect(undone.kept).toEqual(['languages']);
    const survivor = await person(cyrillic);
    expect(survivor.names.map((n) => n.family)).toEqual(['Коваленко']);
    // The languages were changed after the merge: what the field team wrote stays.
    expect(survivor.languages).toEqual(['uk', 'en', 'ru']);
    expect((await person(latin)).status).toBe('ready');
    expect(pairOf(await candidates(), cyrillic, latin)).toBeDefined();
    expectError(
      await t.app.inject({
        method: 'POST',
        url: `/api/merges/${merge!.id}/unmerge`,
        headers: t.as('coordinator'),
        payload: { reason: 'again' },
      }),
      409,
      'illegal_transition',
    );
  });

  it('a pair found to be two people is not proposed again', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/duplicates/dismissals',
      headers: t.as('coordinator'),
      payload: { personA: latin, personB: cyrillic, reason: 'brothers' },
    });
    expect(response.statusCode, response.body).toBe(204);
    expect(pairOf(await candidates(), cyrillic, latin)).toBeUndefined();
  });

  it('a person who declined to be found under one record is not disclosed under the record it was merged into', async () => {
    const declining = await register({
      names: [{ family: 'Гончар', given: 'Марія' }],
      sex: 'female',
      birthYear: 1950,
    });
    const other = await register({
      names: [{ family: 'Honchar', given: 'Mariia' }],
      sex: 'female',
      birthYear: 1950,
    });
    await call(
      t,
      'coordinator',
      'PUT',
      `/api/people/${declining}/tracing-consent`,
      { decision: 'declined' },
      200,
    );
    const request = await call<{ id: string }>(
      t,
      'coordinator',
      'POST',
      '/api/tracing-requests',
      {
        siteId: f.siteId,
        sought: { names: [{ family: 'Honchar', given: 'Mariia' }], birthYear: 1950 },
        enquirer: { name: 'Honchar Andrii', phone: '+380671234000' },
        relation: 'nephew',
      },
      201,
    );
    const found = async () =>
      (
        await call<{ matches: Array<{ person: { id: string } }> }>(
          t,
          'coordinator',
          'GET',
          `/api/tracing-requests/${request.id}`,
          undefined,
          200,
        )
      ).matches.map((m) => m.person.id);
    expect(await found()).toEqual([other]);
    const merge = await call<MergeView>(
      t,
      'coordinator',
      'POST',
      '/api/merges',
      { survivorId: other, absorbedId: declining },
      201,
    );
    expect(await found()).toEqual([]);
    const search = await t.app.inject({
      method: 'GET',
      url: `/api/sites/${f.siteId}/tracing-search?family=Honchar&given=Mariia`,
      headers: t.as('coordinator'),
    });
    expect(search.body).not.toContain(other);
    await call(t, 'coordinator', 'POST', `/api/merges/${merge.id}/unmerge`, { reason: 'two women' }, 200);
    expect(await found()).toEqual([other]);
  });

  it('a registration on its way out is kept as the survivor, never absorbed', async () => {
    const a = await register({
      names: [{ family: 'Petrenko', given: 'Ivan' }],
      sex: 'male',
      birthYear: 1970,
    });
    const b = await register({
      names: [{ family: 'Петренко', given: 'Іван' }],
      sex: 'male',
      birthYear: 1970,
    });
    await call(t, 'coordinator', 'POST', `/api/people/${b}/status`, { status: 'ready' }, 200);
    await call(t, 'coordinator', 'POST', `/api/people/${b}/status`, { status: 'assigned' }, 200);
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/merges',
      headers: t.as('coordinator'),
      payload: { survivorId: a, absorbedId: b },
    });
    expectError(refused, 409, 'conflict');
    expect(refused.json().error.message).toContain('assigned');
    await call(t, 'coordinator', 'POST', '/api/merges', { survivorId: b, absorbedId: a }, 201);
    expect((await person(b)).status).toBe('assigned');
  });
});
