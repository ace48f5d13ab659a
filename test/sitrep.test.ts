import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { azovstalSiteFile, loadAzovstal } from '../src/scenario/azovstal.ts';
import type { SiteFile } from '../src/scenario/format.ts';
import { chainPending } from '../src/services/audit-chainer.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName } from './support/database.ts';
import { call } from './support/fixtures.ts';
import { expectError } from './support/http.ts';
import { pdfText } from './support/pdf-text.ts';

// Situation reports of the Azovstal scenario as of 6 May 2022, 15:00 Kyiv time.
const file = JSON.parse(readFileSync(azovstalSiteFile, 'utf8')) as SiteFile;
const siteId = file.site.id;
const at = '2022-05-06T12:00:00Z';
// Family names of registered people, in both scripts as the file gives them.
const familyNames = [...new Set(file.people.flatMap((p) => p.names.map((n) => n.family)))];
let t: TestApp;

beforeAll(async () => {
  t = await openTestApp();
  await loadAzovstal(t.db, systemActor);
}, 300_000);

afterAll(async () => {
  await t?.close();
});

const sitrep = (role: 'coordinator' | 'observer' | 'field' | 'admin', query: string) =>
  t.app.inject({ method: 'GET', url: `/api/sites/${siteId}/sitrep?${query}`, headers: t.as(role) });

describe(`situation reports (${backendName})`, () => {
  it('gives the cell the full report: registry beside reported figures, windows, competing claims', async () => {
    const response = await sitrep('coordinator', `at=${at}&version=full`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/markdown');
    const md = response.body;
    expect(md).toContain('As of 2022-05-06 12:00 UTC (2022-05-06 15:00 Europe/Kyiv)');
    expect(md).toContain('Registered people: **204**');
    expect(md).toContain('| Sheltering | 204 |');
    expect(md).toContain('| Unaccompanied child | 1 |');
    // The registry's 30 children beside the two sources' figures.
    expect(md).toMatch(/\| Children \| 30 \| about 31 \| Vadym Boychenko/);
    expect(md).toContain('about 2,000');
    // The 5 May window had ended; the 6 May one was still announced by one party only.
    expect(md).toMatch(/Ceasefire at Azovstal, 5 May .*\| Ended/);
    expect(md).toMatch(/Ceasefire at Azovstal, 6 May .*\| Announced unilaterally/);
    // The breach: the accusation and the denial side by side, each attributed, with its check.
    expect(md).toMatch(/Breach of pause/);
    expect(md).toMatch(/- Denies: .*RU MoD .*\[unverified\]/);
    expect(md).toMatch(/- Asserts: Ukrainian officials/);
    // Words in quotation marks only where the source is quoted.
    expect(md).toContain('“It will take time simply to lift people out of those basements”');
    for (const name of familyNames) expect(md).not.toContain(name);
    // Recorded in the audit trail under the cell's own profile.
    await chainPending(t.db);
    const entries = await t.db.query<{ detail: { profile: string; version: string } }>(
      "SELECT detail FROM audit_entry WHERE kind = 'export' AND action = 'sitrep' ORDER BY pos DESC LIMIT 1",
    );
    expect(entries.rows[0]!.detail).toMatchObject({ profile: 'cell-transfer', version: 'full' });
  });

  it('gives an observer the public version: small counts suppressed, no names, no convoy details', async () => {
    const response = await sitrep('observer', `at=${at}`);
    expect(response.statusCode).toBe(200);
    const md = response.body;
    expect(md).toContain('Public version');
    expect(md).toMatch(/Disclosure control: k = 5; [1-9]\d* count\(s\) suppressed/);
    expect(md).toContain('| Unaccompanied child | — |');
    expect(md).toContain('| Pregnant | — |');
    expect(md).toContain('Registered people: **204**');
    for (const line of md.split('\n'))
      for (const [, n] of line.matchAll(/\| (\d+) \|/g)) expect(Number(n) === 0 || Number(n) >= 5).toBe(true);
    for (const name of familyNames) expect(md).not.toContain(name);
    expectError(await sitrep('observer', `at=${at}&version=full`), 403, 'forbidden');
    expectError(await sitrep('field', `at=${at}&version=full`), 403, 'forbidden');
    // A profile that does not grant movements cannot carry the full version's convoys.
    expectError(
      await sitrep('coordinator', `at=${at}&version=full&profile=public&recipient=anyone`),
      403,
      'forbidden',
    );
  });

  it('reads statuses as they stood at the chosen time', async () => {
    const person = file.people.find((p) => p.vulnerabilities?.length === 0 || !p.vulnerabilities)!;
    await call(t, 'coordinator', 'POST', `/api/people/${person.id}/status`, { status: 'ready' }, 200);
    const then = (await sitrep('coordinator', `at=${at}&version=full`)).body;
    expect(then).toContain('| Sheltering | 204 |');
    expect(then).toContain('| Ready | 0 |');
    const now = (await sitrep('coordinator', 'version=full')).body;
    expect(now).toContain('| Sheltering | 203 |');
    expect(now).toContain('| Ready | 1 |');
  });

  it('prints a PDF with the charts and the claims, and no name', async () => {
    const response = await sitrep('admin', `at=${at}&version=full&format=pdf`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const text = await pdfText(response.rawPayload);
    expect(text).toContain('Situation report: Azovstal Iron and Steel Works');
    expect(text).toContain('By status');
    expect(text).toContain('By vulnerability');
    expect(text).toContain('Registry beside reported figures');
    expect(text).toContain('Denies:');
    for (const name of familyNames) expect(text).not.toContain(name);
  });

  it('refuses a time, a format or a version it does not know, and an unknown site', async () => {
    for (const query of ['at=yesterday', 'format=docx', 'version=secret', 'colour=red'])
      expectError(await sitrep('coordinator', query), 400);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/sites/00000000-0000-4000-8000-000000000000/sitrep',
      headers: t.as('coordinator'),
    });
    expectError(response, 404, 'not_found');
  });
});
