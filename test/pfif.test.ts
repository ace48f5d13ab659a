import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pfifNamespace } from '../src/pfif/format.ts';
import { readPfif } from '../src/pfif/read.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName, snapshot } from './support/database.ts';
import { call, type Fixtures, seedSite } from './support/fixtures.ts';
import { expectError } from './support/http.ts';
import { seedTracing, type TracingFixtures } from './support/tracing-fixtures.ts';

// Two Corridor installations exchange PFIF: `a` exports, `b` imports and exports again.
let a: TestApp;
let b: TestApp;
let fa: Fixtures;
let fb: Fixtures;
let x: TracingFixtures;
let agreedId: string;
let declinedId: string;
let unaskedId: string;

// Exports go to the ICRC's tracing service under its profile (docs/data-responsibility.md).
const toIcrc = { profile: 'icrc-tracing', recipient: 'ICRC Central Tracing Agency' };

const exportOf = async (t: TestApp, siteId: string, domain?: string) => {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/sites/${siteId}/pfif?${new URLSearchParams({ ...(domain ? { domain } : {}), ...toIcrc })}`,
    headers: t.as('coordinator'),
  });
  expect(response.statusCode, response.body).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/xml/);
  return response.body;
};

const importInto = (t: TestApp, siteId: string, xml: string, contentType = 'application/xml') =>
  t.app.inject({
    method: 'POST',
    url: `/api/sites/${siteId}/pfif`,
    headers: { ...t.as('coordinator'), 'content-type': contentType },
    payload: xml,
  });

const register = async (t: TestApp, f: Fixtures, family: string, given: string, birthYear: number) =>
  (
    await call<{ id: string }>(
      t,
      'field',
      'POST',
      '/api/people',
      { siteId: f.siteId, names: [{ family, given }], sex: 'female', birthYear },
      201,
    )
  ).id;

/** Records compared without entry_date, which each repository sets when a record arrives. */
const comparable = (xml: string) =>
  readPfif(xml).records.map(({ person, notes }) => {
    const { entry_date: _, ...rest } = person;
    return { person: rest, notes };
  });

beforeAll(async () => {
  a = await openTestApp();
  b = await openTestApp();
  fa = await seedSite(a);
  fb = await seedSite(b);
  x = await seedTracing(a, fa);
  agreedId = await register(a, fa, 'Бондар', 'Оксана', 1988);
  declinedId = await register(a, fa, 'Гнатюк', 'Лідія', 1955);
  unaskedId = await register(a, fa, 'Литвин', 'Зоя', 1971);
  await call(a, 'reception', 'PUT', `/api/people/${agreedId}/tracing-consent`, { decision: 'agreed' }, 200);
  await call(
    a,
    'reception',
    'PUT',
    `/api/people/${declinedId}/tracing-consent`,
    { decision: 'declined' },
    200,
  );
}, 300_000);
afterAll(async () => {
  await a.close();
  await b.close();
});

describe(`PFIF 1.4 export (${backendName})`, () => {
  it('writes the open requests and the people who agreed to be found, never anyone else', async () => {
    const xml = await exportOf(a, fa.siteId, 'corridor.example.org');
    expect(xml).toContain(`xmlns:pfif="${pfifNamespace}"`);
    const { records } = readPfif(xml);
    const ids = records.map((r) => r.person.person_record_id);
    expect(ids).toContain(`corridor.example.org/request.${x.requestId}`);
    expect(ids).toContain(`corridor.example.org/person.${agreedId}`);
    expect(ids).toHaveLength(2);
    for (const hidden of [declinedId, unaskedId, x.foundId]) expect(xml).not.toContain(hidden);
    for (const name of ['Гнатюк', 'Литвин', 'Коваленко']) expect(xml).not.toContain(name);
    const request = records.find((r) => r.person.person_record_id.includes('request'))!;
    expect(request.person).toMatchObject({
      full_name: 'Kovalenko Oleksiy',
      author_name: 'Kovalenko Iryna',
      sex: 'male',
    });
    expect(request.notes[0]).toMatchObject({
      status: 'information_sought',
      last_known_location: 'Azovstal, bunker S1',
    });
    const agreed = records.find((r) => r.person.person_record_id.includes('person'))!;
    // Where she is, coarsely: the site, never the shelter.
    expect(agreed.notes[0]).toMatchObject({ status: 'believed_alive', last_known_location: 'Azovstal' });
    expect(xml).not.toContain('S1"');
  });

  it('leaves out a person who declines after agreeing', async () => {
    await call(
      a,
      'coordinator',
      'PUT',
      `/api/people/${agreedId}/tracing-consent`,
      { decision: 'declined' },
      200,
    );
    expect(await exportOf(a, fa.siteId)).not.toContain(agreedId);
    await call(
      a,
      'coordinator',
      'PUT',
      `/api/people/${agreedId}/tracing-consent`,
      { decision: 'agreed' },
      200,
    );
    expect(await exportOf(a, fa.siteId)).toContain(agreedId);
  });
});

describe(`PFIF 1.4 import (${backendName})`, () => {
  it('round trip: what one installation exports, another imports and exports again unchanged', async () => {
    const first = await exportOf(a, fa.siteId, 'registry-a.example.org');
    const response = await importInto(b, fb.siteId, first);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      persons: { created: 2, updated: 0, unchanged: 0, skipped: 0 },
      notes: { created: 2, unchanged: 0, skipped: 0 },
    });
    const second = await exportOf(b, fb.siteId, 'registry-b.example.org');
    expect(comparable(second)).toEqual(comparable(first));
    // The same document again changes nothing.
    const before = await snapshot(b.db);
    const again = await importInto(b, fb.siteId, first);
    expect(again.json()).toEqual({
      persons: { created: 0, updated: 0, unchanged: 2, skipped: 0 },
      notes: { created: 0, unchanged: 2, skipped: 0 },
    });
    expect(await snapshot(b.db)).toBe(before);
    // Our own records coming back are not imported as someone else's.
    const own = await importInto(a, fa.siteId, first.replaceAll('registry-a.example.org', 'corridor.local'));
    expect(own.json()).toEqual({
      persons: { created: 0, updated: 0, unchanged: 0, skipped: 2 },
      notes: { created: 0, unchanged: 0, skipped: 2 },
    });
  });

  it('an imported record is a tracing request, matched against the registry like any other', async () => {
    const found = await register(b, fb, 'Бондар', 'Оксана', 1988);
    const requests = await call<{ items: Array<{ id: string; origin: string; pfifRecordId: string }> }>(
      b,
      'coordinator',
      'GET',
      `/api/sites/${fb.siteId}/tracing-requests`,
      undefined,
      200,
    );
    const imported = requests.items.find(
      (r) => r.pfifRecordId === `registry-a.example.org/person.${agreedId}`,
    )!;
    expect(imported.origin).toBe('pfif');
    const detail = await call<{ matches: Array<{ person: { id: string } }> }>(
      b,
      'coordinator',
      'GET',
      `/api/tracing-requests/${imported.id}`,
      undefined,
      200,
    );
    expect(detail.matches.map((m) => m.person.id)).toEqual([found]);
  });

  it('a malformed document gets a clear error and writes nothing', async () => {
    const valid = await exportOf(a, fa.siteId, 'registry-a.example.org');
    const cases: Array<[string, string, RegExp]> = [
      ['not well-formed', valid.replace('</pfif:person>', ''), /not well-formed XML/],
      ['not XML at all', 'full_name,sex\nKovalenko,male\n', /not well-formed XML/],
      ['PFIF 1.3', valid.replace(pfifNamespace, 'http://zesty.ca/pfif/1.3'), /only PFIF 1\.4 is read/],
      ['another vocabulary', '<people xmlns="urn:example"><person/></people>', /not a PFIF 1\.4 document/],
      [
        'full_name missing',
        valid.replace(/<pfif:full_name>[^<]*<\/pfif:full_name>/, ''),
        /full_name is missing/,
      ],
      [
        'a bad source_date',
        valid.replace(/(<pfif:source_date>)[^<]*/, '$1yesterday'),
        /source_date "yesterday"/,
      ],
      ['an unknown status', valid.replace('information_sought', 'found_him'), /status "found_him"/],
      [
        'a name without letters',
        valid
          .replaceAll('registry-a.example.org', 'registry-c.example.org')
          .replace(/(<pfif:given_name>)[^<]*/, '$1?')
          .replace(/(<pfif:family_name>)[^<]*/, '$1—'),
        /every name needs a family or a given name/,
      ],
      ['a DOCTYPE', `<!DOCTYPE pfif [<!ENTITY x "y">]>${valid.replace(/^<\?xml[^>]*>/, '')}`, /DOCTYPE/],
    ];
    for (const [name, xml, message] of cases) {
      const before = await snapshot(b.db);
      const response = await importInto(b, fb.siteId, xml);
      expectError(response, 400, 'validation_failed');
      expect(response.json().error.message, name).toMatch(message);
      expect(await snapshot(b.db), `${name}: nothing written`).toBe(before);
    }
    expectError(await importInto(b, fb.siteId, valid, 'application/json'), 415, 'unsupported_media_type');
  });

  it('only the coordination cell exchanges PFIF', async () => {
    for (const role of ['admin', 'field', 'reception', 'observer'] as const) {
      const response = await a.app.inject({
        method: 'GET',
        url: `/api/sites/${fa.siteId}/pfif`,
        headers: a.as(role),
      });
      expectError(response, 403, 'forbidden');
      expect(response.body).not.toContain('Kovalenko');
    }
  });
});
