import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/domain/roles.ts';
import { exportSiteFileText } from '../src/scenario/export.ts';
import { disclosableIndex } from '../src/services/disclosable-index.ts';
import { exportPfif } from '../src/services/pfif.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { type ConvoyFixtures, seedConvoy } from './support/convoy-fixtures.ts';
import { backendName } from './support/database.ts';
import { call, type Fixtures, seedSite } from './support/fixtures.ts';
import { seedLogistics } from './support/logistics-fixtures.ts';

// "A person who declined to be found is never disclosed": every path out of Corridor that could
// carry her, checked in one place. The matches, the request page and the tracing search are
// checked in tracing.test.ts, a merge in merges.test.ts, the PFIF export in pfif.test.ts; here the
// paths a reception desk uses, the site file, the parties' notifications, and the search index.
let t: TestApp;
let f: Fixtures;
let convoy: ConvoyFixtures;
let declinedId: string;
let requestId: string;

const declined = { family: 'Мартинюк', given: 'Ганна', latinFamily: 'Martyniuk', latinGiven: 'Hanna' };
const enquirer = { name: 'Martyniuk Petro', phone: '+380 50 765 00 11' };

const get = (role: Role, url: string) => t.app.inject({ method: 'GET', url, headers: t.as(role) });

const fileRequest = (role: Role) =>
  t.app.inject({
    method: 'POST',
    url: '/api/tracing-requests',
    headers: t.as(role),
    payload: {
      siteId: f.siteId,
      sought: {
        names: [{ family: declined.latinFamily, given: declined.latinGiven }],
        sex: 'female',
        birthYear: 1971,
      },
      enquirer,
      relation: 'husband',
    },
  });

beforeAll(async () => {
  t = await openTestApp();
  f = await seedSite(t);
  await seedLogistics(t, f, { plannedHousehold: false });
  await call(t, 'coordinator', 'PATCH', `/api/passages/${f.passageId}`, { state: 'open' }, 200);
  convoy = await seedConvoy(t, f, { notified: true });
  declinedId = (
    await call<{ id: string }>(
      t,
      'field',
      'POST',
      '/api/people',
      {
        siteId: f.siteId,
        shelterId: f.shelterId,
        names: [{ script: 'Cyrl', family: declined.family, given: declined.given }],
        sex: 'female',
        birthYear: 1971,
      },
      201,
    )
  ).id;
  // She and the mother on the convoy's manifest are asked at the desk, and decline.
  for (const id of [declinedId, convoy.motherId])
    await call(t, 'reception', 'PUT', `/api/people/${id}/tracing-consent`, { decision: 'declined' }, 200);
  const filed = await fileRequest('reception');
  expect(filed.statusCode, filed.body).toBe(201);
  requestId = filed.json().id;
}, 300_000);
afterAll(() => t.close());

describe(`a person who declined to be found is never disclosed (${backendName})`, () => {
  it('filing a request answers with the request alone, to a desk and to the cell', async () => {
    for (const role of ['reception', 'coordinator'] as const) {
      const response = await fileRequest(role);
      expect(response.statusCode, response.body).toBe(201);
      expect(response.body).not.toContain(declinedId);
      expect(response.body).not.toContain(declined.family);
    }
  });

  it('a reception desk, which files requests, reads no request, match or tracing search', async () => {
    for (const url of [
      `/api/tracing-requests/${requestId}`,
      `/api/sites/${f.siteId}/tracing-requests`,
      `/api/sites/${f.siteId}/tracing-matches`,
      `/api/sites/${f.siteId}/tracing-search?family=${declined.latinFamily}`,
      `/api/sites/${f.siteId}/pfif`,
    ]) {
      const response = await get('reception', url);
      expect(response.statusCode, url).toBe(403);
      expect(response.body).not.toContain(declinedId);
    }
  });

  it('the cell finds no match, search result or PFIF record of hers', async () => {
    const request = await call<{ matches: unknown[] }>(
      t,
      'coordinator',
      'GET',
      `/api/tracing-requests/${requestId}`,
      undefined,
      200,
    );
    expect(request.matches).toEqual([]);
    for (const url of [
      `/api/sites/${f.siteId}/tracing-matches?openOnly=false`,
      `/api/sites/${f.siteId}/tracing-search?family=${declined.latinFamily}&given=${declined.latinGiven}`,
    ]) {
      const response = await get('coordinator', url);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.body, url).not.toContain(declinedId);
      expect(response.body, url).not.toContain(declined.family);
    }
    // The PFIF document itself, whichever disclosure profile the route then asks for.
    const pfif = await exportPfif(t.db, f.siteId);
    expect(pfif).toContain(requestId);
    expect(pfif).not.toContain(declinedId);
    expect(pfif).not.toContain(declined.family);
    expect(pfif).not.toContain(convoy.motherId);
  });

  it('the site file carries no tracing: no request, enquirer or decision links anyone to her', async () => {
    // The file itself, whichever disclosure profile the route then asks for.
    const file = await exportSiteFileText(t.db, f.siteId);
    // The site file is the operation's backup: she is in it as registered, and nothing more.
    expect(file).toContain(declinedId);
    for (const hidden of [requestId, enquirer.name, enquirer.phone, 'tracing', 'declined'])
      expect(file, hidden).not.toContain(hidden);
  });

  it('the parties’ notifications of her convoy count passengers and name no one', async () => {
    for (const path of ['notifications.json', 'notifications.pdf']) {
      const response = await get('coordinator', `/api/convoys/${convoy.convoyId}/${path}`);
      expect(response.statusCode, path).toBe(200);
      expect(response.body, path).not.toContain(convoy.motherId);
      expect(response.body, path).not.toContain('Convoy Mother');
    }
  });

  it('the search index holds no one who declined, and is kept while only requests are filed', async () => {
    const first = await disclosableIndex(t.db, t.db, f.siteId);
    expect(first.records.map((r) => r.id)).not.toContain(declinedId);
    expect(first.records.map((r) => r.id)).not.toContain(convoy.motherId);
    expect((await fileRequest('reception')).statusCode).toBe(201);
    expect(await disclosableIndex(t.db, t.db, f.siteId)).toBe(first);
    await call(
      t,
      'reception',
      'PUT',
      `/api/people/${f.personId}/tracing-consent`,
      { decision: 'agreed' },
      200,
    );
    expect(await disclosableIndex(t.db, t.db, f.siteId)).not.toBe(first);
  });

  it('a decline the index never saw (a transaction committed late) still keeps her out of a search', async () => {
    const agreed = await call<{ id: string }>(
      t,
      'field',
      'POST',
      '/api/people',
      { siteId: f.siteId, names: [{ family: 'Ткачук', given: 'Ірина' }], sex: 'female', birthYear: 1980 },
      201,
    );
    const search = () =>
      call<{ items: Array<{ person: { id: string } }> }>(
        t,
        'coordinator',
        'GET',
        `/api/sites/${f.siteId}/tracing-search?family=Tkachuk&given=Iryna`,
        undefined,
        200,
      );
    expect((await search()).items.map((i) => i.person.id)).toContain(agreed.id);
    // Written without an operation, as a transaction whose operation the index's mark never saw.
    await t.db.query(
      `INSERT INTO tracing_consent (person_id, decision, recorded_by) VALUES ($1, 'declined', 'late desk')`,
      [agreed.id],
    );
    expect((await search()).items.map((i) => i.person.id)).not.toContain(agreed.id);
  });
});
