import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { azovstalSiteFile } from '../src/scenario/azovstal.ts';
import { importSiteFile } from '../src/scenario/import.ts';
import { checkIn } from '../src/services/check-in.ts';
import { voidCheckIn } from '../src/services/check-in-void.ts';
import { recordHeadcount } from '../src/services/headcounts.ts';
import { dismissPair } from '../src/services/merges.ts';
import { changeStatus } from '../src/services/people.ts';
import type { Database } from '../src/store/database.ts';
import { openStore, type StoreOptions } from '../src/store/open.ts';
import { listOperations, systemActor } from '../src/store/repos/operations.ts';
import { findPerson, listPeople } from '../src/store/repos/people.ts';
import { backendName, openTestDatabase, type TestDatabase } from './support/database.ts';
import { temporaryDirectory } from './support/server-process.ts';

// Encryption at rest: the scenario's names appear nowhere in the stored bytes, yet the registry
// reads and searches as before; a flipped bit or a wrong master key is an error, never a wrong name.

// One Azovstal family, written in both scripts in the scenario file.
const family = { cyrillic: 'Єрмоленко', latin: 'Yermolenko' };

// The scenario as a site file, with staff named beside their work: who reported passages' states
// and a headcount, a crew's note; a reception desk is named when someone is checked in below.
const scenario = JSON.parse(readFileSync(azovstalSiteFile, 'utf8'));
const staff = {
  passageReporter: 'Oksana Hnatiuk',
  headcountReporter: 'Taras Melnychuk',
  crewNote: 'Led by Mykola Bondarchuk',
  desk: 'Desk of Iryna Savchuk',
};
for (const passage of scenario.passages)
  if (passage.stateReportedBy) passage.stateReportedBy = staff.passageReporter;
scenario.headcounts[0].reportedBy = staff.headcountReporter;
scenario.crews[0].note = staff.crewNote;
// Family names of the staff (and so not of anyone in the registry): none may be in the bytes.
const staffNames = ['Hnatiuk', 'Melnychuk', 'Bondarchuk', 'Savchuk'];
// The scenario's birth dates as written in a site file, the registry and its history ('1947-09-30').
const birthDates = [
  ...new Set(
    (scenario.people as Array<{ birthDate?: string }>)
      .map((p) => p.birthDate)
      .filter((d): d is string => d !== undefined),
  ),
];
// Reasons given for changes to people say what befell them, and may name others: a status change
// (kept by the log alone), a voided check-in (and the alert it resolves), a pair found to be two people.
const reasons = {
  status: 'Missing since the shelling, last seen with Vdovychenko',
  voided: 'Scanned the card of Harasymiv by mistake',
  dismissed: 'Two people: Prokopchuk is her cousin',
};
// A remark on a headcount may name people in the shelter.
const headcountNote = 'Counted with Ostapenko, whose leg is broken';
const reasonNames = ['Vdovychenko', 'Harasymiv', 'Prokopchuk', 'Ostapenko'];
const clearValues = [family.cyrillic, family.latin, ...staffNames, ...birthDates, ...reasonNames];

/** Every row of every table as the database stores it, read without the store opening sealed fields. */
async function rawText(db: Database): Promise<string> {
  const { rows: tables } = await db.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const parts: string[] = [];
  for (const { table_name } of tables) {
    // Each row cast to one text: a sealed field inside it is not a value of its own, so it stays sealed.
    const { rows } = await db.query<{ row: string }>(`SELECT t::text AS row FROM ${table_name} t`);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join('\n');
}

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

describe(`personal fields encrypted at rest (${backendName})`, () => {
  let store: TestDatabase;
  let dir: ReturnType<typeof temporaryDirectory>;
  let options: StoreOptions;
  let db: Database;

  beforeAll(async () => {
    dir = temporaryDirectory('corridor-encryption-');
    store = await openTestDatabase({ migrate: false });
    await store.disconnect();
    // On PGlite, a data directory of its own, so its files can be searched after the test.
    options = store.url ? { databaseUrl: store.url } : { dataDir: join(dir.path, 'data') };
    db = await openStore(options);
    await importSiteFile(db, systemActor, scenario);
    const arrival = scenario.people.find((p: { birthDate?: string }) => p.birthDate);
    const checkedIn = await checkIn(db, systemActor, scenario.site.id, {
      personId: arrival.id,
      method: 'id',
      receptionPointId: scenario.roadPoints.find((r: { kind: string }) => r.kind === 'reception_point').id,
      desk: staff.desk,
    });
    await voidCheckIn(db, systemActor, checkedIn.checkIn.id, reasons.voided, { anyDesk: true });
    const others = scenario.people.filter((p: { id: string }) => p.id !== arrival.id);
    await changeStatus(db, systemActor, others[0].id, { status: 'missing', reason: reasons.status });
    await dismissPair(db, systemActor, {
      personA: others[1].id,
      personB: others[2].id,
      reason: reasons.dismissed,
    });
    await recordHeadcount(db, systemActor, {
      siteId: scenario.site.id,
      category: 'total',
      count: 40,
      source: 'field team',
      reportedAt: '2022-05-06T09:00:00Z',
      note: headcountNote,
    });
  });

  afterAll(async () => {
    await db?.close();
    await store?.close();
    dir?.remove();
  });

  it('stores no name, birth date or staff name in clear: not in the people, not in the operations log', async () => {
    expect(birthDates.length).toBeGreaterThan(100);
    const raw = await rawText(db);
    for (const value of clearValues) expect(raw, value).not.toContain(value);
    // Birth years are sealed too: no logged document holds one, no row keeps one in its old column.
    expect(raw).not.toMatch(/"birthYear": \d/);
    const { rows: oldColumns } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM person WHERE birth_date IS NOT NULL OR birth_year IS NOT NULL',
    );
    expect(oldColumns[0]?.n).toBe(0);
    const { items } = await listPeople(db, { q: family.cyrillic, limit: 50, offset: 0 });
    expect(items.length).toBeGreaterThan(0);
    // The service reads them whole, and so does the history.
    const names = items.flatMap((p) => p.names.map((n) => n.family));
    expect(names).toContain(family.cyrillic);
    expect(names).toContain(family.latin);
    const history = await listOperations(db, { entity: 'person', entityId: items[0]!.id, limit: 10 });
    expect(JSON.stringify(history)).toContain(family.cyrillic);
    // Birth dates and the staff's names read back whole.
    const person = scenario.people.find((p: { birthDate?: string; birthYear?: number }) => p.birthDate);
    expect(await findPerson(db, person.id)).toMatchObject({ birthDate: person.birthDate });
    const { rows: desks } = await db.query<{ desk: string }>('SELECT desk FROM check_in');
    expect(desks).toEqual([{ desk: staff.desk }]);
    const { rows: headcounts } = await db.query<{ reported_by: string }>(
      'SELECT reported_by FROM headcount WHERE id = $1',
      [scenario.headcounts[0].id],
    );
    expect(headcounts).toEqual([{ reported_by: staff.headcountReporter }]);
    // The reasons read back whole, from their rows and from the history.
    const { rows: voided } = await db.query<{ voided_reason: string }>('SELECT voided_reason FROM check_in');
    expect(voided).toEqual([{ voided_reason: reasons.voided }]);
    const { rows: dismissed } = await db.query<{ reason: string }>('SELECT reason FROM duplicate_dismissal');
    expect(dismissed).toEqual([{ reason: reasons.dismissed }]);
    const { rows: notes } = await db.query<{ note: string }>(
      'SELECT note FROM headcount WHERE note IS NOT NULL',
    );
    expect(notes).toContainEqual({ note: headcountNote });
    const missing = scenario.people.find((p: { id: string }) => p.id !== person.id);
    const statusHistory = await listOperations(db, { entity: 'person', entityId: missing.id, limit: 10 });
    expect(statusHistory.map((o) => o.after)).toContainEqual({ status: 'missing', reason: reasons.status });
  });

  it('finds people by a word, its start, or another spelling of it', async () => {
    const find = async (q: string) =>
      (await listPeople(db, { q, limit: 500, offset: 0 })).items.map((p) => p.id).sort();
    const byCyrillic = await find(family.cyrillic);
    expect(byCyrillic.length).toBeGreaterThan(0);
    expect(await find(family.latin)).toEqual(byCyrillic);
    expect(await find(family.cyrillic.slice(0, 5).toLowerCase())).toEqual(expect.arrayContaining(byCyrillic));
    // Transliterated another way (Russian-style, a doubled letter) and in capitals.
    expect(await find('JERMOLLENKO')).toEqual(byCyrillic);
    expect(await find(`${family.latin} zzzzqq`)).toEqual([]);
  });

  it('refuses a wrong master key with a clear error', async () => {
    const wrong = { CORRIDOR_MASTER_KEY: randomBytes(32).toString('base64') };
    await db.close();
    await expect(openStore({ ...options, env: wrong })).rejects.toThrow(/wrong master key/);
    db = await openStore(options);
  });

  it('detects a flipped bit in a sealed name', async () => {
    const { items } = await listPeople(db, { q: family.latin, limit: 1, offset: 0 });
    const id = items[0]!.id;
    await db
      .transaction(async (tx) => {
        // Flip one bit of the ciphertext, as damage or a hand edit would; the store must not read it.
        await tx.query(
          `UPDATE person SET names = to_jsonb(overlay(names #>> '{}' placing
           (CASE substr(names #>> '{}', 40, 1) WHEN 'A' THEN 'B' ELSE 'A' END) from 40 for 1)) WHERE id = $1`,
          [id],
        );
        await expect(findPerson(tx, id)).rejects.toThrow(/integrity check/);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect((await findPerson(db, id))?.names[0]?.family).toBeTruthy();
  });

  it('leaves no name in the database files or a pg_dump', async () => {
    if (store.url) {
      const dump = execFileSync('pg_dump', ['--no-owner', store.url], { maxBuffer: 1 << 28 }).toString();
      expect(dump).toContain('encryption_key');
      for (const value of clearValues) expect(dump, value).not.toContain(value);
      return;
    }
    await db.close();
    const data = options.dataDir as string;
    const searched = clearValues.map((value) => Buffer.from(value));
    for (const file of filesUnder(data)) {
      const bytes = readFileSync(file);
      for (const value of searched) expect(bytes.includes(value), `${value} in ${file}`).toBe(false);
    }
    db = await openStore(options);
  });
});
