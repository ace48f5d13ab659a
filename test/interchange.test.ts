import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/domain/roles.ts';
import { siteFileSchema } from '../src/scenario/published-schema.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { snapshot } from './support/database.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const committedSchemaPath = new URL('../docs/site-file.schema.json', import.meta.url);

// Two databases: the site is built through the API in the first, and travels to the second only as
// a site file.
let source: TestApp;
let target: TestApp;
let siteId: string;
let exported: string;

beforeAll(async () => {
  source = await openTestApp();
  target = await openTestApp();
  siteId = await buildSite(source);
});
afterAll(async () => {
  await source?.close();
  await target?.close();
});

async function call<T = Record<string, unknown>>(
  t: TestApp,
  method: 'POST' | 'PATCH',
  url: string,
  payload: object,
  role: Role = 'coordinator',
): Promise<T> {
  const response = await t.app.inject({ method, url, headers: t.as(role), payload });
  expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300);
  return response.json() as T;
}

/** A small site with every kind of record the file carries, built the way a coordinator would. */
async function buildSite(t: TestApp): Promise<string> {
  const site = await call<{ id: string }>(t, 'POST', '/api/sites', {
    name: 'Азовсталь',
    place: 'Маріуполь',
    timeZone: 'Europe/Kyiv',
  });
  const point = async (body: object) =>
    (await call<{ id: string }>(t, 'POST', `/api/sites/${site.id}/points`, body)).id;
  const bunker = await point({
    kind: 'shelter',
    code: 'S-01',
    name: 'Бункер №1',
    shelterKind: 'bunker',
    level: -2,
    depthM: 8.5,
    capacity: 300,
    conditions: { water: 'two days left', air: 'filtered, generator failing' },
    supervisor: 'Олена Шевчук',
  });
  const basement = await point({ kind: 'shelter', code: 'S-02', shelterKind: 'basement', capacity: 120 });
  const junction = await point({ kind: 'junction', code: 'J-1', x: 412.5, y: -80 });
  const exit = await point({ kind: 'exit', code: 'E-1', name: 'Northern gate' });
  const pickup = await point({ kind: 'pickup_point', code: 'P-1', note: 'buses wait behind the wall' });
  const passage = async (body: object) =>
    (await call<{ id: string }>(t, 'POST', `/api/sites/${site.id}/passages`, body)).id;
  await passage({ from: bunker, to: junction, lengthM: 140, state: 'open' });
  await passage({ from: basement, to: junction, lengthM: 75.5, state: 'blocked', clearancePersonHours: 36 });
  const gate = await passage({ from: junction, to: exit, lengthM: 300, state: 'open' });
  await passage({ from: exit, to: pickup, lengthM: 1200, state: 'impassable', note: 'shelling' });
  await call(
    t,
    'POST',
    `/api/passages/${gate}/reports`,
    { state: 'blocked', clearancePersonHours: 12 },
    'field',
  );

  const household = async (label: string) =>
    (await call<{ id: string }>(t, 'POST', '/api/households', { siteId: site.id, label })).id;
  const kovalenko = await household('Коваленко');
  const miller = await household('Miller');
  const person = async (body: object) =>
    (await call<{ id: string }>(t, 'POST', '/api/people', { siteId: site.id, ...body }, 'field')).id;
  const mother = await person({
    householdId: kovalenko,
    shelterId: bunker,
    names: [
      { script: 'Cyrl', family: 'Коваленко', given: 'Ірина', patronymic: 'Петрівна' },
      { script: 'Latn', family: 'Kovalenko', given: 'Iryna' },
    ],
    sex: 'female',
    birthDate: '1986-03-14',
    languages: ['uk', 'ru'],
  });
  const father = await person({
    householdId: kovalenko,
    shelterId: bunker,
    names: [{ script: 'Cyrl', family: 'Коваленко', given: 'Андрій' }],
    sex: 'male',
    birthYear: 1984,
    vulnerabilities: ['wounded', 'needs_stretcher'],
    triage: 'T1',
  });
  await person({
    householdId: kovalenko,
    shelterId: bunker,
    names: [{ script: 'Cyrl', family: 'Коваленко', given: 'Софія' }],
    sex: 'female',
    birthDate: '2015-09-01',
    vulnerabilities: ['child'],
    guardians: [
      { personId: mother, relation: 'mother' },
      { personId: father, relation: 'father' },
    ],
  });
  const elderly = await person({
    householdId: miller,
    shelterId: basement,
    names: [{ script: 'Latn', family: 'Müller', given: 'Zoë' }],
    sex: 'other',
    ageBand: '60+',
    vulnerabilities: ['elderly', 'needs_medication'],
    note: 'insulin, twice a day',
  });
  await call(t, 'POST', `/api/people/${elderly}/status`, { status: 'ready' });
  await person({
    names: [{ family: 'Невідомий', given: 'Хлопчик' }],
    sex: 'male',
    ageBand: '5-11',
    vulnerabilities: ['child', 'unaccompanied_child'],
  });

  await call(t, 'POST', '/api/headcounts', {
    siteId: site.id,
    category: 'total',
    count: 2000,
    source: 'Mayor Vadym Boychenko, press briefing',
    reportedAt: '2022-05-06T09:00:00+03:00',
  });
  await call(
    t,
    'POST',
    '/api/headcounts',
    {
      siteId: site.id,
      shelterId: bunker,
      category: 'children',
      count: 30,
      approximate: true,
      source: 'field team 2',
      reportedBy: 'Team 2',
      reportedAt: '2022-05-06T06:30:00Z',
    },
    'field',
  );
  return site.id;
}

const exportFrom = (t: TestApp, id: string, role: Role = 'coordinator') =>
  t.app.inject({
    method: 'GET',
    url: `/api/sites/${id}/export?profile=cell-transfer&recipient=Corridor%20cell`,
    headers: t.as(role),
  });

const importInto = (t: TestApp, body: string | Buffer, role: Role = 'coordinator') =>
  t.app.inject({
    method: 'POST',
    url: '/api/import',
    headers: { ...t.as(role), 'content-type': 'application/json' },
    payload: body,
  });

describe('export, import, export', () => {
  it('downloads the site as a site file attachment', async () => {
    const response = await exportFrom(source, siteId);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      `attachment; filename="corridor-site-${siteId}.json"`,
    );
    exported = response.body;
    const file = JSON.parse(exported);
    expect(file.site).toEqual({ id: siteId, name: 'Азовсталь', place: 'Маріуполь', timeZone: 'Europe/Kyiv' });
    expect(file.points).toHaveLength(5);
    expect(file.passages).toHaveLength(4);
    expect(file.households).toHaveLength(2);
    expect(file.people).toHaveLength(5);
    expect(file.headcounts).toHaveLength(2);
    // Names travel as written, in both scripts.
    const names = file.people.flatMap((p: { names: Array<{ given: string }> }) =>
      p.names.map((n) => n.given),
    );
    expect(names).toEqual(expect.arrayContaining(['Ірина', 'Iryna', 'Zoë', 'Хлопчик']));
    const child = file.people.find((p: { names: Array<{ given: string }> }) => p.names[0]!.given === 'Софія');
    expect(child.guardians.map((g: { relation: string }) => g.relation).sort()).toEqual(['father', 'mother']);
    const reported = file.passages.find((p: { lengthM: number }) => p.lengthM === 300);
    expect(reported).toMatchObject({
      state: 'blocked',
      clearancePersonHours: 12,
      stateReportedBy: 'field-user',
    });
  });

  it('imports the file into a fresh database and exports the same bytes', async () => {
    const before = await snapshot(target.db);
    const response = await importInto(target, exported);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      siteId,
      created: { site: 1, site_point: 5, passage: 4, household: 2, person: 5, headcount: 2 },
      updated: { site: 0, site_point: 0, passage: 0, household: 0, person: 0, headcount: 0 },
      unchanged: { site: 0, site_point: 0, passage: 0, household: 0, person: 0, headcount: 0 },
    });
    expect(await snapshot(target.db)).not.toBe(before);
    const again = await exportFrom(target, siteId);
    expect(again.statusCode).toBe(200);
    expect(again.body).toBe(exported);
  });

  it('records the importing user in the operations log', async () => {
    const { rows } = await target.db.query<{ actor: string; action: string; n: number }>(
      `SELECT actor, action, count(*)::int AS n FROM operation WHERE action LIKE 'import%' GROUP BY actor, action`,
    );
    expect(rows).toEqual([{ actor: 'coordinator-user', action: 'import', n: 19 }]);
  });

  it('imports the same file again without changing anything', async () => {
    const before = await snapshot(target.db);
    const response = await importInto(target, exported, 'admin');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().unchanged).toEqual({
      site: 1,
      site_point: 5,
      passage: 4,
      household: 2,
      person: 5,
      headcount: 2,
    });
    expect(await snapshot(target.db)).toBe(before);
  });
});

describe('permissions', () => {
  it('refuses export and import to an observer, whatever the body', async () => {
    const before = await snapshot(target.db);
    const exportResponse = await exportFrom(target, siteId, 'observer');
    expect(exportResponse.statusCode).toBe(403);
    expect(exportResponse.json().error.code).toBe('forbidden');
    expect(exportResponse.body).not.toContain('Коваленко');
    const importResponse = await importInto(target, exported, 'observer');
    expect(importResponse.statusCode).toBe(403);
    expect(importResponse.json().error.code).toBe('forbidden');
    expect(await snapshot(target.db)).toBe(before);
  });

  it('refuses both without credentials', async () => {
    const exportResponse = await target.app.inject({ method: 'GET', url: `/api/sites/${siteId}/export` });
    expect(exportResponse.statusCode).toBe(401);
    const importResponse = await target.app.inject({
      method: 'POST',
      url: '/api/import',
      headers: { 'content-type': 'application/json' },
      payload: exported,
    });
    expect(importResponse.statusCode).toBe(401);
    expect(importResponse.json().error.code).toBe('unauthenticated');
  });

  it('answers 404 for the export of a site that does not exist', async () => {
    const response = await exportFrom(target, '01900000-0000-7000-8000-000000000000');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
  });
});

describe('the published JSON Schema', () => {
  it('is served without logging in', async () => {
    const response = await source.app.inject({ method: 'GET', url: '/api/schemas/site-file.json' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/schema+json; charset=utf-8');
    expect(response.json()).toEqual(siteFileSchema);
  });

  it('is committed in docs/ as the code publishes it (run scripts/write-schemas.ts after a change)', () => {
    expect(JSON.parse(readFileSync(committedSchemaPath, 'utf8'))).toEqual(siteFileSchema);
  });

  it('validates an exported file with a stock JSON Schema validator, and rejects a broken one', () => {
    const validate = addFormats(new Ajv({ allErrors: true })).compile(siteFileSchema);
    const file = JSON.parse(exported);
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true);
    file.points[0].capacity = -1;
    expect(validate(file)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/points/0/capacity');
  });
});
