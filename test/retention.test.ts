import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonStatus } from '../src/domain/lifecycle.ts';
import { changeStatus, createHousehold, registerPerson } from '../src/services/people.ts';
import { applyRetention } from '../src/services/retention.ts';
import { siteSummary } from '../src/services/summary.ts';
import { setRequestStatus } from '../src/services/tracing.ts';
import { findHousehold } from '../src/store/repos/households.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { findPerson } from '../src/store/repos/people.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName, snapshot } from './support/database.ts';
import { call, type Fixtures, seedSite } from './support/fixtures.ts';
import { seedTracing, type TracingFixtures } from './support/tracing-fixtures.ts';

// Retention on a small site: an adult who left reception long ago is minimised; a man a tracing
// request has found and an unaccompanied boy whose case is open are kept until the request and the
// case are closed; someone who left last week is not due; counts never change.
let t: TestApp;
let f: Fixtures;
let tracing: TracingFixtures;
let leftLongAgo: string;
let leftRecently: string;
let householdId: string;
const family = 'Гончаренко';
const later = (days: number) => new Date(Date.now() + days * 86_400_000);

const throughReception: PersonStatus[] = ['ready', 'assigned', 'boarded', 'arrived', 'left_reception'];
async function leaveReception(id: string): Promise<void> {
  for (const status of throughReception) await changeStatus(t.db, systemActor, id, { status });
}

beforeAll(async () => {
  t = await openTestApp();
  f = await seedSite(t);
  tracing = await seedTracing(t, f);
  const household = await createHousehold(t.db, systemActor, { siteId: f.siteId, label: `${family} family` });
  householdId = household.id;
  const adult = await registerPerson(t.db, systemActor, {
    siteId: f.siteId,
    householdId,
    shelterId: f.shelterId,
    names: [{ script: 'Cyrl', family, given: 'Віра' }],
    sex: 'female',
    birthDate: '1961-02-03',
    note: 'asthma; her son lives in Dnipro',
    vulnerabilities: ['elderly'],
  });
  leftLongAgo = adult.id;
  leftRecently = (
    await registerPerson(t.db, systemActor, {
      siteId: f.siteId,
      names: [{ script: 'Cyrl', family: 'Савчук', given: 'Ірина' }],
      sex: 'female',
    })
  ).id;
  // The tracing request found the man it seeks (the cell reads the request with its matches).
  const request = await call<{ matches: Array<{ person: { id: string } }> }>(
    t,
    'coordinator',
    'GET',
    `/api/tracing-requests/${tracing.requestId}`,
    undefined,
    200,
  );
  expect(request.matches.map((m) => m.person.id)).toContain(tracing.foundId);
  for (const id of [leftLongAgo, leftRecently, tracing.foundId, tracing.unaccompaniedId])
    await leaveReception(id);
}, 300_000);

afterAll(async () => {
  await t?.close();
});

describe(`retention (${backendName})`, () => {
  it('reports in a dry run what it would do and changes nothing', async () => {
    const before = await snapshot(t.db);
    const report = await applyRetention(t.db, systemActor, {
      olderThan: '90d',
      dryRun: true,
      now: later(100),
    });
    expect(report).toMatchObject({
      dryRun: true,
      olderThanDays: 90,
      due: 4,
      minimised: 2,
      keptOpenTracing: 1,
      keptOpenChildCase: 1,
      runId: null,
    });
    expect(await snapshot(t.db)).toBe(before);
  });

  it('leaves alone people who left reception within the period', async () => {
    const report = await applyRetention(t.db, systemActor, { olderThan: '90d', dryRun: true });
    expect(report.due).toBe(0);
  });

  it('refuses a period it cannot read, changing nothing', async () => {
    const before = await snapshot(t.db);
    for (const olderThan of ['90', '0d', 'abc', '-5d', '3m'])
      await expect(applyRetention(t.db, systemActor, { olderThan })).rejects.toMatchObject({
        code: 'bad_request',
      });
    expect(await snapshot(t.db)).toBe(before);
  });

  it('changes nothing at all when any part of the run fails', async () => {
    const before = await snapshot(t.db);
    // A real failure inside the transaction, after the people were minimised: the run's record is refused.
    await t.db.exec(`CREATE FUNCTION refuse_run() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$;
      CREATE TRIGGER refuse_run BEFORE INSERT ON retention_run FOR EACH ROW EXECUTE FUNCTION refuse_run();`);
    await expect(applyRetention(t.db, systemActor, { olderThan: '90d', now: later(100) })).rejects.toThrow();
    await t.db.exec('DROP TRIGGER refuse_run ON retention_run; DROP FUNCTION refuse_run();');
    expect(await snapshot(t.db)).toBe(before);
  });

  it('removes names, birth dates and notes but keeps every count, and keeps whoever an open request or case needs', async () => {
    const countsBefore = await siteSummary(t.db, f.siteId);
    const report = await applyRetention(t.db, systemActor, { olderThan: '90d', now: later(100) });
    expect(report).toMatchObject({ minimised: 2, keptOpenTracing: 1, keptOpenChildCase: 1 });
    expect(report.runId).not.toBeNull();
    const adult = (await findPerson(t.db, leftLongAgo))!;
    expect(adult).toMatchObject({ names: [], birthDate: null, birthYear: null, note: null, sex: 'female' });
    expect(adult.vulnerabilities).toEqual(['elderly']);
    expect(adult.status).toBe('left_reception');
    // Nowhere in the database, the operations log included, is her name, birth date or note left.
    const dump = await snapshot(t.db);
    for (const secret of [family, '1961-02-03', 'Dnipro']) expect(dump).not.toContain(secret);
    expect(await siteSummary(t.db, f.siteId)).toEqual(countsBefore);
    // Her household had no one else: its label, the family's name, is gone too.
    expect((await findHousehold(t.db, householdId))!.label).toBeNull();
    // The man the request found and the boy whose case is open keep their names.
    expect((await findPerson(t.db, tracing.foundId))!.names.length).toBeGreaterThan(0);
    expect((await findPerson(t.db, tracing.unaccompaniedId))!.names.length).toBeGreaterThan(0);
    const ops = await t.db.query<{ action: string }>(
      "SELECT action FROM operation WHERE entity = 'person' AND entity_id = $1 ORDER BY seq DESC LIMIT 1",
      [leftLongAgo],
    );
    expect(ops.rows[0]!.action).toBe('minimise');
    const runs = await t.db.query<{ minimised: number }>('SELECT minimised FROM retention_run');
    expect(runs.rows).toEqual([{ minimised: 2 }]);
  });

  it('minimises a person kept for a tracing request once the request is closed, and never twice', async () => {
    await setRequestStatus(t.db, systemActor, tracing.requestId, {
      status: 'closed',
      reason: 'found and told',
    });
    const report = await applyRetention(t.db, systemActor, { olderThan: '90d', now: later(100) });
    expect(report).toMatchObject({ due: 2, minimised: 1, keptOpenTracing: 0, keptOpenChildCase: 1 });
    expect((await findPerson(t.db, tracing.foundId))!.names).toEqual([]);
    const again = await applyRetention(t.db, systemActor, { olderThan: '90d', now: later(100) });
    expect(again).toMatchObject({ due: 1, minimised: 0, runId: null });
  });
});
