import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/domain/roles.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName } from './support/database.ts';
import { call, type Fixtures, seedSite } from './support/fixtures.ts';
import { expectError } from './support/http.ts';
import { seedTracing, soughtNames, type TracingFixtures } from './support/tracing-fixtures.ts';

interface Match {
  person: { id: string; names: Array<{ family: string; given: string }> };
  score: number;
  summary: string;
  status: string;
  whereabouts: { status: string; shelter: { code: string } | null } | null;
}
interface RequestWithMatches {
  id: string;
  status: string;
  enquirer: { name: string; phone: string };
  matches: Match[];
}

let t: TestApp;
let f: Fixtures;
let x: TracingFixtures;

beforeAll(async () => {
  t = await openTestApp();
  f = await seedSite(t);
  x = await seedTracing(t, f);
}, 300_000);
afterAll(() => t.close());

const requestAs = (role: Role, id = x.requestId) =>
  call<RequestWithMatches>(t, role, 'GET', `/api/tracing-requests/${id}`, undefined, 200);

const matchesOf = async (id = x.requestId) => (await requestAs('coordinator', id)).matches;

/** Every tracing read the API has, with real ids: what must stay closed to some roles. */
const tracingReads = () => [
  `/api/tracing-requests/${x.requestId}`,
  `/api/sites/${f.siteId}/tracing-requests`,
  `/api/sites/${f.siteId}/tracing-matches`,
  `/api/sites/${f.siteId}/tracing-search?family=Kovalenko&given=Oleksii`,
];

describe(`tracing requests (${backendName})`, () => {
  it('a request filed in Latin letters finds the man registered in Cyrillic, with what matched and where he is', async () => {
    const request = await requestAs('coordinator');
    expect(request.status).toBe('open');
    expect(request.enquirer).toMatchObject({ name: soughtNames.enquirer, phone: soughtNames.enquirerPhone });
    const match = request.matches.find((m) => m.person.id === x.foundId);
    expect(match, JSON.stringify(request.matches)).toBeDefined();
    expect(match!.status).toBe('proposed');
    expect(match!.score).toBeGreaterThanOrEqual(0.8);
    expect(match!.summary).toContain('Kovalenko');
    expect(match!.summary).toContain('Коваленко');
    expect(match!.person.names[0]!.family).toBe(soughtNames.familyCyrillic);
    expect(match!.whereabouts).toMatchObject({ status: 'sheltering', shelter: { code: 'S1' } });
    // The woman of another family and the boy are not proposed.
    expect(request.matches.map((m) => m.person.id)).not.toContain(f.personId);
    expect(request.matches.map((m) => m.person.id)).not.toContain(x.unaccompaniedId);
  });

  it('the desk that filed the request gets the request back, never the matches', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/tracing-requests',
      headers: t.as('reception'),
      payload: {
        siteId: f.siteId,
        sought: { names: [{ family: 'Коваленко', given: 'Олексій' }] },
        enquirer: { name: 'Kovalenko Petro', contactNote: 'comes to the Zaporizhzhia desk every morning' },
        relation: 'father',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.body).not.toContain(x.foundId);
    expect(Object.keys(response.json())).not.toContain('matches');
  });

  it('is matched continuously: a person registered after the request is proposed at the next read', async () => {
    const sister = await call<{ id: string }>(
      t,
      'coordinator',
      'POST',
      '/api/tracing-requests',
      {
        siteId: f.siteId,
        sought: { names: [{ family: 'Melnyk', given: 'Nataliia' }], sex: 'female', birthYear: 1990 },
        enquirer: { name: 'Melnyk Oksana', email: 'oksana@example.org' },
        relation: 'sister',
      },
      201,
    );
    expect(await matchesOf(sister.id)).toEqual([]);
    const registered = await call<{ id: string }>(
      t,
      'field',
      'POST',
      '/api/people',
      { siteId: f.siteId, names: [{ family: 'Мельник', given: 'Наталія' }], sex: 'female', birthYear: 1990 },
      201,
    );
    expect((await matchesOf(sister.id)).map((m) => m.person.id)).toEqual([registered.id]);
    // A correction that makes her someone else withdraws the unreviewed proposal.
    await call(
      t,
      'field',
      'PATCH',
      `/api/people/${registered.id}`,
      { names: [{ family: 'Шевченко', given: 'Ганна' }] },
      200,
    );
    expect(await matchesOf(sister.id)).toEqual([]);
  });

  it('a coordinator confirms or rejects a match, and the review stays', async () => {
    const reviewed = await call<{ items: Match[] }>(
      t,
      'coordinator',
      'POST',
      `/api/tracing-requests/${x.requestId}/matches/${x.foundId}/review`,
      { status: 'confirmed', note: 'his wife recognised the photo' },
      200,
    );
    expect(reviewed.items[0]!.status).toBe('confirmed');
    const matches = await matchesOf();
    expect(matches.find((m) => m.person.id === x.foundId)!.status).toBe('confirmed');
    const history = await call<{ items: Array<{ entity: string; action: string }> }>(
      t,
      'coordinator',
      'GET',
      `/api/operations?entity=tracing_request&entityId=${x.requestId}`,
      undefined,
      200,
    );
    expect(history.items.map((op) => op.action)).toEqual(['create', 'review_match']);
  });

  it('closing a request needs a reason; a closed request cannot be edited', async () => {
    const request = await call<{ id: string }>(
      t,
      'coordinator',
      'POST',
      '/api/tracing-requests',
      {
        siteId: f.siteId,
        sought: { names: [{ family: 'Ткаченко', given: 'Ольга' }] },
        enquirer: { name: 'Tkachenko Ivan', phone: '+380501112233' },
        relation: 'son',
      },
      201,
    );
    expectError(
      await t.app.inject({
        method: 'POST',
        url: `/api/tracing-requests/${request.id}/status`,
        headers: t.as('coordinator'),
        payload: { status: 'closed' },
      }),
      400,
      'validation_failed',
    );
    const closed = await call<{ status: string; closedReason: string }>(
      t,
      'coordinator',
      'POST',
      `/api/tracing-requests/${request.id}/status`,
      { status: 'closed', reason: 'found through the Red Cross' },
      200,
    );
    expect(closed).toMatchObject({ status: 'closed', closedReason: 'found through the Red Cross' });
    expectError(
      await t.app.inject({
        method: 'PATCH',
        url: `/api/tracing-requests/${request.id}`,
        headers: t.as('coordinator'),
        payload: { relation: 'grandson' },
      }),
      409,
      'conflict',
    );
  });

  it('search finds a registered person across scripts and spellings', async () => {
    const result = await call<{ items: Array<{ person: { id: string }; match: boolean }> }>(
      t,
      'coordinator',
      'GET',
      `/api/sites/${f.siteId}/tracing-search?family=Kovalenko&given=Aleksei&birthYear=1979`,
      undefined,
      200,
    );
    expect(result.items[0]).toMatchObject({ person: { id: x.foundId }, match: true });
  });
});

describe(`who sees tracing matches (${backendName})`, () => {
  for (const role of ['observer', 'field', 'reception', 'admin'] as const)
    it(`${role}: every tracing read is refused, and no answer names the person found`, async () => {
      for (const url of tracingReads()) {
        const response = await t.app.inject({ method: 'GET', url, headers: t.as(role) });
        expectError(response, 403, 'forbidden');
        expect(response.body).not.toContain(soughtNames.familyCyrillic);
        expect(response.body).not.toContain(x.foundId);
      }
      const review = await t.app.inject({
        method: 'POST',
        url: `/api/tracing-requests/${x.requestId}/matches/${x.foundId}/review`,
        headers: t.as(role),
        payload: { status: 'rejected' },
      });
      expectError(review, 403, 'forbidden');
    });

  it('the coordination cell reads them all', async () => {
    for (const url of tracingReads()) {
      const response = await t.app.inject({ method: 'GET', url, headers: t.as('coordinator') });
      expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    }
  });
});

describe(`a person who declined to be found (${backendName})`, () => {
  let declinedId: string;
  let requestId: string;

  beforeAll(async () => {
    const declined = await call<{ id: string }>(
      t,
      'field',
      'POST',
      '/api/people',
      {
        siteId: f.siteId,
        names: [{ family: 'Гончаренко', given: 'Віра', patronymic: 'Іванівна' }],
        sex: 'female',
        birthDate: '1962-08-01',
      },
      201,
    );
    declinedId = declined.id;
    const request = await call<{ id: string }>(
      t,
      'coordinator',
      'POST',
      '/api/tracing-requests',
      {
        siteId: f.siteId,
        sought: { names: [{ family: 'Honcharenko', given: 'Vira' }], sex: 'female', birthYear: 1962 },
        enquirer: { name: 'Honcharenko Stepan', phone: '+380931234567' },
        relation: 'former husband',
      },
      201,
    );
    requestId = request.id;
    // Found before she was asked.
    expect((await matchesOf(requestId)).map((m) => m.person.id)).toEqual([declinedId]);
    const consent = await call<{ consent: { decision: string } }>(
      t,
      'reception',
      'PUT',
      `/api/people/${declinedId}/tracing-consent`,
      { decision: 'declined', note: 'asked at the reception desk; does not want him to know' },
      200,
    );
    expect(consent.consent.decision).toBe('declined');
  });

  it('is not among the matches of the request, nor counted', async () => {
    expect(await matchesOf(requestId)).toEqual([]);
    const list = await call<{ items: Array<{ id: string; matchCounts: Record<string, number> }> }>(
      t,
      'coordinator',
      'GET',
      `/api/sites/${f.siteId}/tracing-requests`,
      undefined,
      200,
    );
    expect(list.items.find((r) => r.id === requestId)!.matchCounts).toEqual({
      proposed: 0,
      confirmed: 0,
      rejected: 0,
    });
  });

  it('is not in the site’s list of matches, nor in any answer of a tracing read', async () => {
    for (const url of [
      `/api/tracing-requests/${requestId}`,
      `/api/sites/${f.siteId}/tracing-requests`,
      `/api/sites/${f.siteId}/tracing-matches`,
      `/api/sites/${f.siteId}/tracing-matches?openOnly=false`,
      `/api/sites/${f.siteId}/tracing-search?family=Honcharenko&given=Vira`,
      `/api/sites/${f.siteId}/tracing-search?family=Гончаренко&given=Віра&birthDate=1962-08-01`,
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: t.as('coordinator') });
      expect(response.statusCode, response.body).toBe(200);
      expect(response.body, url).not.toContain(declinedId);
      expect(response.body, url).not.toContain('Гончаренко');
    }
  });

  it('a match of hers cannot be reviewed: it is answered as if it did not exist', async () => {
    expectError(
      await t.app.inject({
        method: 'POST',
        url: `/api/tracing-requests/${requestId}/matches/${declinedId}/review`,
        headers: t.as('coordinator'),
        payload: { status: 'confirmed' },
      }),
      404,
      'not_found',
    );
  });

  it('a request filed after she declined does not find her either', async () => {
    const later = await call<{ id: string }>(
      t,
      'reception',
      'POST',
      '/api/tracing-requests',
      {
        siteId: f.siteId,
        sought: {
          names: [{ family: 'Гончаренко', given: 'Віра', patronymic: 'Іванівна' }],
          birthDate: '1962-08-01',
        },
        enquirer: { name: 'Honcharenko Stepan', phone: '+380931234567' },
        relation: 'former husband',
      },
      201,
    );
    expect(await matchesOf(later.id)).toEqual([]);
  });

  it('if she agrees later, she is found again', async () => {
    await call(
      t,
      'coordinator',
      'PUT',
      `/api/people/${declinedId}/tracing-consent`,
      { decision: 'agreed' },
      200,
    );
    expect((await matchesOf(requestId)).map((m) => m.person.id)).toEqual([declinedId]);
    await call(
      t,
      'coordinator',
      'PUT',
      `/api/people/${declinedId}/tracing-consent`,
      { decision: 'declined' },
      200,
    );
    expect(await matchesOf(requestId)).toEqual([]);
    const consent = await call<{ consent: { decision: string; recordedBy: string } }>(
      t,
      'reception',
      'GET',
      `/api/people/${declinedId}/tracing-consent`,
      undefined,
      200,
    );
    expect(consent.consent).toMatchObject({ decision: 'declined', recordedBy: 'coordinator-user' });
  });
});
