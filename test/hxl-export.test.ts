import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAzovstal } from '../src/scenario/azovstal.ts';
import { chainPending } from '../src/services/audit-chainer.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName } from './support/database.ts';
import { call } from './support/fixtures.ts';
import { expectError } from './support/http.ts';

// HXL exports of the Azovstal registry: 204 people in 12 shelters, many of them in small groups by
// status and vulnerability, so suppression has real work to do.
let t: TestApp;
let siteId: string;

beforeAll(async () => {
  t = await openTestApp();
  await loadAzovstal(t.db, systemActor);
  siteId = (await t.db.query<{ id: string }>('SELECT id FROM site')).rows[0]!.id;
}, 300_000);

afterAll(async () => {
  await t?.close();
});

const parse = (csv: string) =>
  csv
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(','));
const hxl = (role: 'coordinator' | 'observer' | 'field', query = '') =>
  t.app.inject({ method: 'GET', url: `/api/sites/${siteId}/exports/hxl${query}`, headers: t.as(role) });

describe(`HXL export (${backendName})`, () => {
  it('gives an observer the HXL-tagged counts with no count from 1 to 4, and says what it held back', async () => {
    const response = await hxl('observer');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const [header, tags, ...rows] = parse(response.body);
    expect(header!.slice(0, 4)).toEqual(['Shelter code', 'Shelter', 'Date', 'Registered people']);
    expect(tags).toContain('#loc+code');
    expect(tags).toContain('#population+total');
    expect(tags).toContain('#affected+children');
    expect(tags).toContain('#affected+injured');
    expect(tags).toContain('#date');
    const total = rows.at(-1)!;
    expect(total[1]).toBe('Total');
    // The whole registry is a large count: published; every shelter of the scenario has a row.
    expect(total[3]).toBe('204');
    expect(rows.length).toBe(13);
    for (const row of rows)
      for (const cell of row.slice(3))
        if (cell !== '') expect(Number(cell) === 0 || Number(cell) >= 5).toBe(true);
    const summary = String(response.headers['disclosure-summary']);
    expect(summary).toMatch(
      /^Disclosure control: k = 5; \d+ count cells, \d+ suppressed below k \(primary\), \d+ suppressed/,
    );
    // 30 children and 17 wounded in 12 shelters: some shelters hold fewer than five of them.
    const suppressedCells = rows.flatMap((row) => row.slice(3)).filter((cell) => cell === '').length;
    const json = await call<{ summary: { primary: number; secondary: number; k: number } }>(
      t,
      'observer',
      'GET',
      `/api/sites/${siteId}/exports/hxl?format=json`,
      undefined,
      200,
    );
    expect(json.summary.primary).toBeGreaterThan(0);
    expect(json.summary.primary + json.summary.secondary).toBe(suppressedCells);
  });

  it('never names a person or gives a person id', async () => {
    const response = await hxl('observer', '?k=5');
    const people = await t.db.query<{ id: string }>('SELECT id FROM person LIMIT 20');
    for (const { id } of people.rows) expect(response.body).not.toContain(id);
    expect(response.body).not.toMatch(/[А-Яа-яІіЇїЄєҐґ]/);
  });

  it('lets the coordination cell choose k, 1 publishing every count, under a profile that allows it', async () => {
    const all = await call<{ csv: string; summary: { primary: number; secondary: number } }>(
      t,
      'coordinator',
      'GET',
      `/api/sites/${siteId}/exports/hxl?k=1&format=json&profile=cell-transfer&recipient=${encodeURIComponent('coordination cell')}`,
      undefined,
      200,
    );
    expect(all.summary).toMatchObject({ primary: 0, secondary: 0 });
    expect(parse(all.csv).flatMap((row) => row.slice(3))).not.toContain('');
    // The public profile, the default, suppresses below 5 whoever asks.
    expectError(await hxl('coordinator', '?k=1'), 403, 'forbidden');
    expectError(await hxl('observer', '?k=2&profile=cell-transfer&recipient=anyone'), 403, 'forbidden');
    expectError(await hxl('field', '?k=4'), 403, 'forbidden');
    expect((await hxl('observer', '?k=10')).statusCode).toBe(200);
  });

  it('goes out only under a profile that grants counts, to a recipient it names, and is recorded', async () => {
    expectError(await hxl('coordinator', '?profile=no-such-profile&recipient=x'), 404, 'not_found');
    expectError(await hxl('coordinator', '?profile=icrc-tracing&recipient=Someone%20else'), 403, 'forbidden');
    const response = await hxl('coordinator', '?profile=parties-to-the-conflict&recipient=RU%20MoD');
    expect(response.statusCode).toBe(200);
    // The export's entry is chained with the next batch; chain it now.
    await chainPending(t.db);
    const entries = await t.db.query<{ detail: { profile: string; recipient: string; k: number } }>(
      "SELECT detail FROM audit_entry WHERE kind = 'export' AND action = 'hxl' ORDER BY pos DESC LIMIT 1",
    );
    expect(entries.rows[0]!.detail).toMatchObject({
      profile: 'parties-to-the-conflict',
      recipient: 'RU MoD',
      k: 5,
    });
  });

  it('refuses a k that is not a whole number from 1 to 100, an unknown format and an unknown site', async () => {
    for (const query of ['?k=0', '?k=101', '?k=abc', '?k=2.5', '?format=xml'])
      expectError(await hxl('coordinator', query), 400);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/sites/00000000-0000-4000-8000-000000000000/exports/hxl',
      headers: t.as('coordinator'),
    });
    expectError(response, 404, 'not_found');
  });
});
