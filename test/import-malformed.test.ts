import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorridorError } from '../src/domain/errors.ts';
import { newId } from '../src/domain/ids.ts';
import { exportSiteFileText } from '../src/scenario/export.ts';
import type { SiteFile } from '../src/scenario/format.ts';
import { importSiteFile } from '../src/scenario/import.ts';
import { parseSiteFileBytes } from '../src/scenario/read.ts';
import type { FilePerson } from '../src/scenario/records.ts';
import type { Actor } from '../src/store/repos/operations.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { heldStore, releaseStorage, runCommand } from './support/cli.ts';
import { snapshot } from './support/database.ts';
import type { Storage } from './support/storage.ts';

const actor: Actor = { userId: null, name: 'import-test' };
const cliPath = fileURLToPath(new URL('../bin/corridor.js', import.meta.url));
const MiB = 1024 * 1024;

let t: TestApp;
let scratch: string;
/** The storage `corridor import FILE` runs on (see the last describe). */
let storage: Storage | undefined;

beforeAll(async () => {
  t = await openTestApp();
  scratch = mkdtempSync(join(tmpdir(), 'corridor-import-'));
  await importSiteFile(t.db, actor, base);
});
afterAll(async () => {
  if (storage) await releaseStorage(storage);
  await t?.close();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A small valid site: two shelters, an exit, a junction, a blocked passage, a family with a child. */
function validFile(): SiteFile {
  const [site, s1, s2, e1, j1, h1, h2, mother, father, child, elder, loner] = Array.from(
    { length: 12 },
    newId,
  );
  return {
    format: 'corridor-site',
    formatVersion: 1,
    site: { id: site!, name: 'Test works', place: 'Mariupol', timeZone: 'Europe/Kyiv' },
    points: [
      { id: s1!, kind: 'shelter', code: 'S1', shelterKind: 'bunker', capacity: 100, depthM: 8 },
      { id: s2!, kind: 'shelter', code: 'S2', shelterKind: 'basement', capacity: 50 },
      { id: e1!, kind: 'exit', code: 'E1' },
      { id: j1!, kind: 'junction', code: 'J1' },
    ],
    passages: [
      { id: newId(), from: s1!, to: j1!, lengthM: 120, state: 'open' },
      { id: newId(), from: s2!, to: j1!, lengthM: 60, state: 'blocked', clearancePersonHours: 20 },
      { id: newId(), from: j1!, to: e1!, lengthM: 300, state: 'open' },
    ],
    households: [
      { id: h1!, label: 'Kovalenko' },
      { id: h2!, label: 'Miller' },
    ],
    people: [
      {
        id: mother!,
        householdId: h1!,
        shelterId: s1!,
        names: [{ script: 'Cyrl', family: 'Коваленко', given: 'Ірина' }],
        sex: 'female',
        birthDate: '1986-03-14',
      },
      {
        id: father!,
        householdId: h1!,
        shelterId: s1!,
        names: [{ script: 'Cyrl', family: 'Коваленко', given: 'Андрій' }],
        sex: 'male',
        birthYear: 1984,
        vulnerabilities: ['wounded'],
        triage: 'T2',
      },
      {
        id: child!,
        householdId: h1!,
        shelterId: s1!,
        names: [{ script: 'Cyrl', family: 'Коваленко', given: 'Софія' }],
        sex: 'female',
        birthDate: '2015-09-01',
        vulnerabilities: ['child'],
        guardians: [
          { personId: mother!, relation: 'mother' },
          { personId: father!, relation: 'father' },
        ],
      },
      {
        id: elder!,
        householdId: h2!,
        shelterId: s2!,
        names: [{ script: 'Latn', family: 'Miller', given: 'Zoe' }],
        sex: 'male',
        ageBand: '60+',
        vulnerabilities: ['elderly'],
      },
      { id: loner!, names: [{ script: 'Latn', family: 'Doe', given: 'Jan' }], sex: 'unknown' },
    ],
    headcounts: [
      {
        id: newId(),
        shelterId: s1!,
        category: 'total',
        count: 200,
        source: 'field team 1',
        reportedAt: '2022-05-06T06:00:00.000Z',
      },
    ],
  };
}

/** A site already in the database: every refused import must leave it, and all else, untouched. */
const base = validFile();

const bytesOf = (file: unknown): Buffer => Buffer.from(JSON.stringify(file), 'utf8');

/** A valid file with one thing changed. */
function broken(change: (file: SiteFile) => void): Buffer {
  const file = validFile();
  change(file);
  return bytesOf(file);
}

/** The same bytes in Latin-1: every name Latin, one with a letter outside ASCII. */
function latin1File(): { bytes: Buffer; offset: number } {
  const file = validFile();
  for (const person of file.people) person.names = [{ script: 'Latn', family: 'Müller', given: 'Jan' }];
  const bytes = Buffer.from(JSON.stringify(file), 'latin1');
  return { bytes, offset: bytes.indexOf(0xfc) };
}

interface Case {
  kind: string;
  bytes: () => Buffer;
  path: string;
  reason: RegExp;
}

const cases: Case[] = [
  {
    kind: 'a number written as text',
    bytes: () => broken((f) => Object.assign(f.points[0]!, { capacity: '100' })),
    path: '$.points[0].capacity',
    reason: /^must be integer, not the string "100"$/,
  },
  {
    kind: 'a missing required field',
    bytes: () => broken((f) => delete (f.people[1] as Partial<FilePerson>).sex),
    path: '$.people[1].sex',
    reason: /^is required$/,
  },
  {
    kind: 'an unknown field',
    bytes: () => broken((f) => Object.assign(f.people[2]!, { nickname: 'Sonia' })),
    path: '$.people[2].nickname',
    reason: /^is not a field of this record$/,
  },
  {
    kind: 'a passage to a point that is not in the file',
    bytes: () => broken((f) => Object.assign(f.passages[2]!, { to: '01900000-0000-7000-8000-00000000dead' })),
    path: '$.passages[2].to',
    reason: /^refers to point 01900000-0000-7000-8000-00000000dead, which is not in \$\.points$/,
  },
  {
    kind: 'a person in a shelter that is not in the file',
    bytes: () =>
      broken((f) => Object.assign(f.people[3]!, { shelterId: '01900000-0000-7000-8000-00000000dead' })),
    path: '$.people[3].shelterId',
    reason: /^refers to 01900000-0000-7000-8000-00000000dead, which is not in \$\.points$/,
  },
  {
    kind: 'a person whose shelter is an exit',
    bytes: () => broken((f) => Object.assign(f.people[3]!, { shelterId: f.points[2]!.id })),
    path: '$.people[3].shelterId',
    reason: /^refers to exit E1 \([0-9a-f-]{36}\), which is not a shelter$/,
  },
  {
    kind: 'a household that is not in the file',
    bytes: () => broken((f) => Object.assign(f.people[0]!, { householdId: newId() })),
    path: '$.people[0].householdId',
    reason: /^refers to [0-9a-f-]{36}, which is not in \$\.households$/,
  },
  {
    kind: 'a guardian who is not in the file',
    bytes: () => broken((f) => Object.assign(f.people[2]!.guardians![1]!, { personId: newId() })),
    path: '$.people[2].guardians[1].personId',
    reason: /^refers to [0-9a-f-]{36}, which is not in \$\.people$/,
  },
  {
    kind: 'two people with the same id',
    bytes: () => broken((f) => Object.assign(f.people[4]!, { id: f.people[0]!.id })),
    path: '$.people[4].id',
    reason: /^duplicate id [0-9a-f-]{36}, first used at \$\.people\[0\]\.id$/,
  },
  {
    kind: 'a headcount with the id of a person',
    bytes: () => broken((f) => Object.assign(f.headcounts[0]!, { id: f.people[0]!.id })),
    path: '$.headcounts[0].id',
    reason: /^duplicate id [0-9a-f-]{36}, first used at \$\.people\[0\]\.id$/,
  },
  {
    kind: 'two points with the same code',
    bytes: () => broken((f) => Object.assign(f.points[1]!, { code: 'S1' })),
    path: '$.points[1].code',
    reason: /^duplicate code S1, first used at \$\.points\[0\]\.code$/,
  },
  {
    kind: 'a negative capacity',
    bytes: () => broken((f) => Object.assign(f.points[1]!, { capacity: -5 })),
    path: '$.points[1].capacity',
    reason: /^must be >= 0$/,
  },
  {
    kind: 'a capacity on an exit',
    bytes: () => broken((f) => Object.assign(f.points[2]!, { capacity: 10 })),
    path: '$.points[2].capacity',
    reason: /^is given only for a shelter, not for this exit$/,
  },
  {
    kind: 'a passage from a point to itself',
    bytes: () => broken((f) => Object.assign(f.passages[0]!, { to: f.passages[0]!.from })),
    path: '$.passages[0].to',
    reason: /^a passage must join two different points$/,
  },
  {
    kind: 'a blocked passage without a clearance estimate',
    bytes: () => broken((f) => delete f.passages[1]!.clearancePersonHours),
    path: '$.passages[1].clearancePersonHours',
    reason: /^a blocked passage needs clearancePersonHours/,
  },
  {
    kind: 'an unknown time zone',
    bytes: () => broken((f) => Object.assign(f.site, { timeZone: 'Europe/Mariupol' })),
    path: '$.site.timeZone',
    reason: /^Europe\/Mariupol is not an IANA time zone$/,
  },
  {
    kind: 'a wounded person without a triage category',
    bytes: () => broken((f) => delete f.people[1]!.triage),
    path: '$.people[1].triage',
    reason: /^a wounded person needs a triage category \(T1, T2 or T3\)$/,
  },
  {
    kind: 'a birth date in the future',
    bytes: () => broken((f) => Object.assign(f.people[0]!, { birthDate: '2999-01-01' })),
    path: '$.people[0].birthDate',
    reason: /^the birth date is in the future$/,
  },
  {
    kind: 'a birth date that is not a calendar date',
    bytes: () => broken((f) => Object.assign(f.people[0]!, { birthDate: '2021-02-30' })),
    path: '$.people[0].birthDate',
    reason: /^must be a calendar date written YYYY-MM-DD, not the string "2021-02-30"$/,
  },
  {
    kind: 'a report time that cannot be stored (a leap second)',
    bytes: () => broken((f) => Object.assign(f.headcounts[0]!, { reportedAt: '2016-12-31T23:59:60Z' })),
    path: '$.headcounts[0].reportedAt',
    reason: /^2016-12-31T23:59:60Z is not a time Corridor can store/,
  },
  {
    kind: 'another kind of file',
    bytes: () => broken((f) => Object.assign(f, { format: 'corridor-people' })),
    path: '$.format',
    reason: /^must be "corridor-site"$/,
  },
  {
    kind: 'a format version this Corridor does not know',
    bytes: () => broken((f) => Object.assign(f, { formatVersion: 2 })),
    path: '$.formatVersion',
    reason: /^must be 1$/,
  },
  {
    kind: 'a list instead of a site file',
    bytes: () => Buffer.from('[]'),
    path: '$',
    reason: /^must be object, not a list$/,
  },
  {
    kind: 'a file truncated in the middle',
    bytes: () => {
      const bytes = bytesOf(validFile());
      return bytes.subarray(0, bytes.indexOf('"households"') + 4);
    },
    path: '$',
    reason: /^the file is not valid JSON \(.*position \d+/,
  },
  {
    kind: 'a file truncated inside a Cyrillic letter',
    bytes: () => {
      const bytes = bytesOf(validFile());
      return bytes.subarray(0, bytes.indexOf('Ірина') + 1);
    },
    path: '$',
    reason: /^the file ends in the middle of a character at offset \d+: it is truncated$/,
  },
  {
    kind: 'a file in Latin-1',
    bytes: () => latin1File().bytes,
    path: '$',
    reason: new RegExp(
      `^the file is not UTF-8 \\(invalid byte at offset ${latin1File().offset}\\); save it as UTF-8$`,
    ),
  },
  {
    kind: 'a file in UTF-16 with a byte order mark',
    bytes: () => Buffer.from(`\ufeff${JSON.stringify(validFile())}`, 'utf16le'),
    path: '$',
    reason: /^the file is UTF-16; save it as UTF-8$/,
  },
  {
    kind: 'an empty file',
    bytes: () => Buffer.alloc(0),
    path: '$',
    reason: /^the file is empty$/,
  },
  {
    kind: 'a file of blank lines',
    bytes: () => Buffer.from('\n\n  \n'),
    path: '$',
    reason: /^the file is empty$/,
  },
  {
    kind: 'a person id that belongs to another site',
    bytes: () => broken((f) => Object.assign(f.people[4]!, { id: base.people[4]!.id })),
    path: '$.people[4].id',
    reason: new RegExp(`^id ${base.people[4]!.id} already belongs to another site$`),
  },
  {
    kind: 'a passage id that belongs to another site',
    bytes: () => broken((f) => Object.assign(f.passages[2]!, { id: base.passages[2]!.id })),
    path: '$.passages[2].id',
    reason: /^id [0-9a-f-]{36} already belongs to another site$/,
  },
];

/** The path `corridor import` takes once it has the bytes, minus the file system. */
async function importBytes(bytes: Buffer): Promise<unknown> {
  return importSiteFile(t.db, actor, parseSiteFileBytes(bytes));
}

const postImport = (payload: Buffer | Readable, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/import',
    headers: { ...t.as('coordinator'), 'content-type': 'application/json', ...headers },
    payload,
  });

interface Problem {
  path: string;
  reason: string;
}

describe('a malformed site file is refused with its JSONPath and nothing is written', () => {
  it('covers at least 15 kinds of bad input', () => {
    expect(new Set(cases.map((c) => c.kind)).size).toBeGreaterThanOrEqual(15);
  });

  it.each(cases)('$kind', async ({ bytes, path, reason }) => {
    const before = await snapshot(t.db);
    const expected = [{ path, reason: expect.stringMatching(reason) }];

    const error = await importBytes(bytes()).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(CorridorError);
    const refused = error as CorridorError;
    expect(refused.code).toBe('validation_failed');
    expect((refused.details as { problems: Problem[] }).problems).toEqual(expected);
    expect(refused.message).toContain(`${path}: `);
    expect(await snapshot(t.db)).toBe(before);

    const response = await postImport(bytes());
    expect(response.statusCode, response.body).toBe(400);
    const body = response.json() as {
      error: { code: string; message: string; details: { problems: Problem[] } };
    };
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.problems).toEqual(expected);
    expect(body.error.message).toContain(`${path}: `);
    expect(await snapshot(t.db)).toBe(before);
  });

  it('lists every problem of a file with several, each at its own path', async () => {
    const before = await snapshot(t.db);
    const file = validFile();
    Object.assign(file.people[0]!, { shelterId: file.points[2]!.id });
    Object.assign(file.people[3]!, { householdId: newId() });
    Object.assign(file.passages[1]!, { state: 'open' });
    const response = await postImport(bytesOf(file));
    expect(response.statusCode).toBe(400);
    const paths = (response.json().error.details.problems as Problem[]).map((p) => p.path);
    expect(paths).toEqual([
      '$.passages[1].clearancePersonHours',
      '$.people[0].shelterId',
      '$.people[3].householdId',
    ]);
    expect(await snapshot(t.db)).toBe(before);
  });

  it('refuses a point code already held by a point of the same site that the file leaves out', async () => {
    const extra = await t.app.inject({
      method: 'POST',
      url: `/api/sites/${base.site.id}/points`,
      headers: t.as('coordinator'),
      payload: { kind: 'exit', code: 'E9' },
    });
    expect(extra.statusCode, extra.body).toBe(201);
    const before = await snapshot(t.db);
    const file = structuredClone(base);
    file.site.name = 'Renamed works';
    file.points.push({ id: newId(), kind: 'exit', code: 'E9' });
    const response = await postImport(bytesOf(file));
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.details.problems).toEqual([
      {
        path: '$.points[4].code',
        reason: `code E9 already belongs to point ${extra.json().id} of this site, which is not in the file`,
      },
    ]);
    expect(await snapshot(t.db)).toBe(before);
  });

  it('accepts only application/json', async () => {
    const before = await snapshot(t.db);
    const response = await postImport(bytesOf(validFile()), { 'content-type': 'text/plain' });
    expect(response.statusCode).toBe(415);
    expect(response.json().error).toEqual({
      code: 'unsupported_media_type',
      message: 'send the site file as application/json, not text/plain',
    });
    expect(await snapshot(t.db)).toBe(before);
  });
});

describe('a 100 MB upload', () => {
  /** 100 MB of people, one line each, generated as it is read: the test never holds the whole body. */
  function hundredMegabytes(): { stream: Readable; pulled: () => number } {
    let pulled = 0;
    const line = (i: number) =>
      `{"id":"01900000-0000-7000-8000-${String(i).padStart(12, '0')}","names":[{"family":"Коваленко","given":"Олексій"}],"sex":"male"},\n`;
    function* chunks(): Generator<Buffer> {
      yield Buffer.from(`{"format":"corridor-site","formatVersion":1,"people":[\n`);
      let i = 0;
      while (pulled < 100 * MiB) {
        const lines: string[] = [];
        for (let n = 0; n < 5000; n++) lines.push(line(i++));
        const chunk = Buffer.from(lines.join(''));
        pulled += chunk.length;
        yield chunk;
      }
    }
    return { stream: Readable.from(chunks()), pulled: () => pulled };
  }

  it('is refused with 413 when it announces its length, before a byte is read', async () => {
    const before = await snapshot(t.db);
    const body = hundredMegabytes();
    const response = await postImport(body.stream, { 'content-length': String(100 * MiB) });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
    expect(response.json().error.message).toMatch(
      /larger than the 64 MiB this route accepts.*corridor import FILE/,
    );
    expect(body.pulled()).toBe(0);
    expect(await snapshot(t.db)).toBe(before);
  });

  it('is refused with 413 when it is sent without a length', async () => {
    const before = await snapshot(t.db);
    const response = await postImport(hundredMegabytes().stream);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('payload_too_large');
    expect(await snapshot(t.db)).toBe(before);
  });
});

describe('all or nothing, and no duplicates', () => {
  // More people than one write batch (2,000) and one export page (5,000).
  const size = 5200;
  let big: SiteFile;

  beforeAll(() => {
    big = validFile();
    const shelter = big.points[0]!.id;
    const people: FilePerson[] = [];
    for (let i = 0; i < size; i++)
      people.push({
        id: newId(),
        shelterId: shelter,
        names: [{ script: 'Latn', family: `Family${i}`, given: 'Test' }],
        sex: i % 2 ? 'female' : 'male',
        status: 'sheltering',
      });
    big.people = people;
  });

  it('writes nothing when only the last person is wrong', async () => {
    const before = await snapshot(t.db);
    const file = structuredClone(big);
    Object.assign(file.people[size - 1]!, { shelterId: newId() });
    await expect(importSiteFile(t.db, actor, file)).rejects.toMatchObject({
      code: 'validation_failed',
      details: { problems: [{ path: `$.people[${size - 1}].shelterId`, reason: expect.any(String) }] },
    });
    expect(await snapshot(t.db)).toBe(before);
  });

  it('writes nothing when only the last person clashes with the database', async () => {
    const before = await snapshot(t.db);
    const file = structuredClone(big);
    Object.assign(file.people[size - 1]!, { id: base.people[0]!.id });
    await expect(importSiteFile(t.db, actor, file)).rejects.toMatchObject({
      code: 'validation_failed',
      details: {
        problems: [
          {
            path: `$.people[${size - 1}].id`,
            reason: `id ${base.people[0]!.id} already belongs to another site`,
          },
        ],
      },
    });
    expect(await snapshot(t.db)).toBe(before);
  });

  it('imports the corrected file, and importing it again creates nothing', async () => {
    const first = await importSiteFile(t.db, actor, big);
    expect(first.created.person).toBe(size);
    const countOf = async (sql: string) => (await t.db.query<{ n: number }>(sql)).rows[0]!.n;
    const people = await countOf(`SELECT count(*)::int AS n FROM person`);
    const operations = await countOf(`SELECT count(*)::int AS n FROM operation`);
    const before = await snapshot(t.db);

    const second = await importSiteFile(t.db, actor, structuredClone(big));
    expect(second.created).toEqual({
      site: 0,
      site_point: 0,
      passage: 0,
      household: 0,
      person: 0,
      headcount: 0,
    });
    expect(second.unchanged.person).toBe(size);
    expect(await countOf(`SELECT count(*)::int AS n FROM person`)).toBe(people);
    expect(await countOf(`SELECT count(*)::int AS n FROM operation`)).toBe(operations);
    expect(await snapshot(t.db)).toBe(before);
  });

  it('exports the same records, across export pages', async () => {
    const exported = JSON.parse(await exportSiteFileText(t.db, big.site.id)) as SiteFile;
    const byId = <T extends { id: string }>(records: T[]) =>
      [...records].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(exported.people).toHaveLength(size);
    expect(byId(exported.people)).toEqual(byId(big.people));
  });
});

interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

async function runCli(args: string[], env: NodeJS.ProcessEnv, nodeOptions: string[] = []): Promise<CliRun> {
  const child = spawn(process.execPath, [...nodeOptions, cliPath, ...args], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  return { code, signal, stderr };
}

describe('corridor import FILE', () => {
  // The CLI runs against the backend under test: a data directory for PGlite, the test database
  // (DATABASE_URL) for PostgreSQL. The malformed file is imported in this process
  // (test/support/cli.ts); the 100 MB one by a real process with a small heap, the data directory
  // released to it while it runs.
  let target: { args: string[]; env: NodeJS.ProcessEnv; snapshot(): Promise<string> };

  beforeAll(async () => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    if (t.url) {
      storage = { databaseUrl: t.url };
      target = { args: [], env: { ...env, DATABASE_URL: t.url }, snapshot: () => snapshot(t.db) };
      return;
    }
    const dataDir = join(scratch, 'data');
    const opened: Storage = { dataDir };
    storage = opened;
    await importSiteFile(await heldStore(opened), actor, validFile());
    target = {
      args: ['--data-dir', dataDir],
      env,
      snapshot: async () => snapshot(await heldStore(opened)),
    };
  });

  it('exits non-zero on a malformed file, prints the JSONPath problems and changes nothing', async () => {
    const before = await target.snapshot();
    const file = validFile();
    Object.assign(file.people[3]!, { shelterId: file.points[2]!.id });
    delete file.people[1]!.triage;
    const path = join(scratch, 'malformed.json');
    writeFileSync(path, JSON.stringify(file));
    const run = await runCommand(['import', path], storage!);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('$.people[1].triage: a wounded person needs a triage category');
    expect(run.stderr).toMatch(
      /\$\.people\[3\]\.shelterId: refers to exit E1 \([0-9a-f-]{36}\), which is not a shelter/,
    );
    expect(run.stderr).not.toContain('unexpected error');
    expect(await target.snapshot()).toBe(before);
  });

  it('refuses 100 MB of broken JSON with a clear message, within a 512 MB heap', async () => {
    const before = await target.snapshot();
    const path = join(scratch, 'huge.json');
    const handle = await open(path, 'w');
    try {
      await handle.write(
        `{"format":"corridor-site","formatVersion":1,"site":{"id":"${newId()}","name":"Huge","timeZone":"Europe/Kyiv"},"points":[],"passages":[],"households":[],"people":[\n`,
      );
      let written = 0;
      for (let i = 0; written < 100 * MiB; ) {
        const lines: string[] = [];
        for (let n = 0; n < 5000; n++, i++)
          lines.push(
            `{"id":"01900000-0000-7000-8000-${String(i).padStart(12, '0')}","names":[{"script":"Cyrl","family":"Коваленко","given":"Олексій"}],"sex":"male"},\n`,
          );
        const { bytesWritten } = await handle.write(lines.join(''));
        written += bytesWritten;
      }
      // The last record breaks the JSON, as a hand edit or a bad converter would.
      await handle.write('{"id": 01900000-broken}],"headcounts":[]}\n');
    } finally {
      await handle.close();
    }
    try {
      await releaseStorage(storage!);
      const run = await runCli(['import', path, ...target.args], target.env, ['--max-old-space-size=512']);
      expect(run.signal).toBeNull();
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^corridor: the site file is not valid: \$: the file is not valid JSON/);
      expect(run.stderr).not.toContain('unexpected error');
    } finally {
      rmSync(path, { force: true });
    }
    expect(await target.snapshot()).toBe(before);
    // Writing and parsing 100 MB takes a minute or more when the machine is busy: the limit only
    // guards against a hang, it is not a speed target.
  }, 240_000);
});
