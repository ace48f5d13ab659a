// KoboToolbox and ODK Central exports of the field form applied as synced operations: once each
// (the instanceID), through the push's validation and merge rules, and a file with a bad row refused
// whole with each bad row and field named. The sample exports in test/data/submissions/ follow the
// tools' export columns (see src/submissions/read.ts).
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPassage, createPoint, createSite } from '../src/services/sites.ts';
import { importSubmissions, SubmissionsRefused } from '../src/services/submissions.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName } from './support/database.ts';
import { call } from './support/fixtures.ts';

let t: TestApp;
const siteId = '0190a0a9-5173-7000-8000-0000000000a1';
const sample = (file: string) => readFileSync(new URL(`./data/submissions/${file}`, import.meta.url), 'utf8');
let passageId: string;

beforeAll(async () => {
  t = await openTestApp();
  await createSite(t.db, systemActor, { id: siteId, name: 'Азовсталь', timeZone: 'Europe/Kyiv' });
  const shelter = (code: string) =>
    createPoint(t.db, systemActor, siteId, { kind: 'shelter', code, shelterKind: 'bunker', capacity: 300 });
  const s1 = await shelter('S1');
  const s2 = await shelter('S2');
  passageId = (
    await createPassage(t.db, systemActor, siteId, { from: s1.id, to: s2.id, lengthM: 90, state: 'open' })
  ).id;
});
afterAll(() => t.close());

const field = () => ({ userId: t.users.field.id, name: 'field-user' });
const importing = (text: string) => importSubmissions(t.db, field(), 'field', siteId, text);
const count = async (table: string) =>
  Number((await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n);

interface Pulled {
  people: {
    names: { family: string; given: string }[];
    sex: string;
    vulnerabilities: string[];
    note: string;
  }[];
  passages: { id: string; state: string; clearancePersonHours: number | null }[];
  headcounts: { count: number; source: string; approximate: boolean }[];
}
const pull = () =>
  call<Pulled>(t, 'coordinator', 'GET', `/api/sync/pull?siteId=${siteId}&since=0`, undefined, 200);

describe(`import-submissions (${backendName})`, () => {
  it('refuses a file with bad rows whole, naming each row and field, and writes nothing', async () => {
    const rows = sample('kobo.csv').split('\r\n');
    const header = rows[0]!.split(';');
    const at = (name: string) => header.indexOf(name);
    const edit = (line: string, changes: Record<string, string>) => {
      const cells = line.split(';');
      for (const [name, value] of Object.entries(changes)) cells[at(name)] = value;
      return cells.join(';');
    };
    const bad = [
      rows[0],
      edit(rows[1]!, { 'registration/shelter_code': 'S9' }),
      rows[2],
      edit(rows[3]!, { 'headcount/hc_count': 'about 200' }),
      edit(rows[4]!, { 'registration/family_name': '' }),
      edit(rows[5]!, { 'passage/passage_state': 'flooded' }),
    ].join('\r\n');
    const before = {
      people: await count('person'),
      ops: await count('sync_op'),
      devices: await count('sync_device'),
    };
    const error = await importing(bad).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SubmissionsRefused);
    expect((error as SubmissionsRefused).problems).toEqual([
      { row: 2, field: 'shelter_code', reason: 'no shelter with code S9 at this site' },
      { row: 4, field: 'hc_count', reason: 'not a whole number: about 200' },
      { row: 5, field: 'family_name', reason: 'is required' },
      { row: 6, field: 'payload/state', reason: expect.stringContaining('must be one of') },
    ]);
    expect((error as Error).message).toContain('row 2, shelter_code: no shelter with code S9');
    expect({
      people: await count('person'),
      ops: await count('sync_op'),
      devices: await count('sync_device'),
    }).toEqual(before);
  });

  it('applies an ODK Central CSV export', async () => {
    const summary = await importing(sample('odk-central.csv'));
    expect(summary).toMatchObject({ shape: 'odk-central-csv', submissions: 2, applied: 2, duplicate: 0 });
    const pulled = await pull();
    expect(pulled.people).toEqual([
      expect.objectContaining({
        names: [{ family: 'Шевчук', given: 'Анна' }],
        vulnerabilities: ['elderly', 'needs_wheelchair'],
      }),
    ]);
    expect(pulled.passages).toEqual([expect.objectContaining({ id: passageId, state: 'open' })]);
  });

  it('applies a KoboToolbox CSV export by the merge rules, and a second import changes nothing', async () => {
    const summary = await importing(sample('kobo.csv'));
    // The blocked report was made on 6 May, before the ODK report of 7 May already applied: it is
    // older by clock and kept as a conflict, as a device's push of it would be.
    expect(summary).toMatchObject({
      shape: 'kobo-csv',
      submissions: 5,
      applied: 4,
      conflict: 1,
      rejected: 0,
      duplicate: 0,
    });
    const pulled = await pull();
    expect(pulled.passages[0]!.state).toBe('open');
    expect(pulled.headcounts).toEqual([
      expect.objectContaining({ count: 212, source: 'supervisor of S1', approximate: true }),
    ]);
    expect(pulled.people.map((p) => p.names[0]!.given).sort()).toEqual(['Анна', 'Дарина', 'Оксана', 'Петро']);
    const daughter = pulled.people.find((p) => p.names[0]!.given === 'Дарина')!;
    expect(daughter).toMatchObject({
      vulnerabilities: ['child', 'wounded'],
      note: 'осколок у нозі; "перев\'язана"',
    });
    const conflicts = await call<{ items: { field: string; lost: unknown; kept: unknown }[] }>(
      t,
      'coordinator',
      'GET',
      `/api/sync/conflicts?siteId=${siteId}`,
      undefined,
      200,
    );
    expect(conflicts.items).toEqual([
      expect.objectContaining({ field: 'state', lost: 'blocked', kept: 'open' }),
    ]);

    const people = await count('person');
    const again = await importing(sample('kobo.csv'));
    expect(again).toMatchObject({ applied: 0, conflict: 0, duplicate: 5 });
    expect(await count('person')).toBe(people);
  });

  it('applies a KoboToolbox JSON export', async () => {
    const summary = await importing(sample('kobo.json'));
    expect(summary).toMatchObject({ shape: 'kobo-json', submissions: 2, applied: 2 });
    expect((await pull()).people).toHaveLength(6);
    expect(await importing(sample('kobo.json'))).toMatchObject({ applied: 0, duplicate: 2 });
  });

  it('refuses what is not a submission export, naming what one looks like', async () => {
    await expect(importing('name,count\nS1,3\n')).rejects.toThrow(/_uuid and _submission_time/);
    await expect(importing('{"results": 3}')).rejects.toThrow(/"results"/);
  });
});
