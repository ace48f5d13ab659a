// Sync of 10,000 offline operations on PostgreSQL (issue #11: under 10 s). Eight field devices
// each record a day's work offline — registrations, corrections, status changes, passage reports and
// headcounts — then push it in batches of 250, the devices at the same time, through the push
// service the route calls. The baseline, in the same run on a second fresh database, makes the same
// changes through the plain service calls a connected client's routes make, with the same
// concurrency: the ratio is the cost of sync's bookkeeping (the received-operations record, the
// device's sequence, the field clocks and the merge checks).
// Run alone with `npx tsx bench/sync.ts`, or as part of `npm run bench -- --only sync`.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { newId } from '../src/domain/ids.ts';
import { createUser } from '../src/services/accounts.ts';
import { recordHeadcount } from '../src/services/headcounts.ts';
import { changeStatus, createHousehold, registerPerson, updatePerson } from '../src/services/people.ts';
import { createPassage, createPoint, createSite, updatePassage } from '../src/services/sites.ts';
import { push } from '../src/services/sync.ts';
import type { SyncOp } from '../src/services/sync-apply.ts';
import type { Database } from '../src/store/database.ts';
import { openStore } from '../src/store/open.ts';
import { type Actor, systemActor } from '../src/store/repos/operations.ts';
import { formatHlc, type Hlc, tick } from '../src/sync/hlc.ts';
import { load } from './support/machine.ts';
import { type Registration, random, registrations } from './support/people.ts';
import type { BenchOptions, BenchResult } from './support/types.ts';

const total = 10_000;
const devices = 8;
const batch = 250;
const base = Date.UTC(2022, 4, 6, 6, 0, 0);

interface Site {
  siteId: string;
  shelterIds: string[];
  passageIds: string[];
}

async function freshDatabase(postgresUrl: string): Promise<{ db: Database; drop: () => Promise<void> }> {
  const name = `corridor_bench_sync_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl);
  url.pathname = `/${name}`;
  const db = await openStore({
    databaseUrl: url.toString(),
    env: { CORRIDOR_MASTER_KEY: Buffer.alloc(32, 9).toString('base64') },
  });
  return {
    db,
    drop: async () => {
      await db.close();
      await admin.query(`DROP DATABASE ${name}`);
      await admin.end();
    },
  };
}

/** The site the teams work in: four shelters in a row joined by passages, a few households. */
async function makeSite(db: Database): Promise<Site & { householdIds: string[]; guardianIds: string[] }> {
  const site = await createSite(db, systemActor, { name: 'Азовсталь', timeZone: 'Europe/Kyiv' });
  const shelterIds: string[] = [];
  for (let i = 1; i <= 4; i++)
    shelterIds.push(
      (
        await createPoint(db, systemActor, site.id, {
          kind: 'shelter',
          code: `S${i}`,
          shelterKind: 'bunker',
          capacity: 5000,
        })
      ).id,
    );
  const passageIds: string[] = [];
  for (let i = 1; i < shelterIds.length; i++)
    passageIds.push(
      (
        await createPassage(db, systemActor, site.id, {
          from: shelterIds[i - 1]!,
          to: shelterIds[i]!,
          lengthM: 150,
          state: 'open',
        })
      ).id,
    );
  const householdIds: string[] = [];
  for (let i = 0; i < 10; i++)
    householdIds.push((await createHousehold(db, systemActor, { siteId: site.id, label: `family ${i}` })).id);
  // Adults registered before the day, whom a child registered offline can name as a guardian.
  const guardianIds: string[] = [];
  for (let i = 0; i < 20; i++)
    guardianIds.push(
      (
        await registerPerson(db, systemActor, {
          siteId: site.id,
          names: [{ script: 'Cyrl', family: 'Коваленко', given: `Мати ${i}` }],
          sex: 'female',
          ageBand: '18-59',
        })
      ).id,
    );
  return { siteId: site.id, shelterIds, passageIds, householdIds, guardianIds };
}

type Change = Omit<SyncOp, 'opId' | 'deviceId' | 'seq' | 'hlc'>;

/**
 * Each device's day: about 45 % registrations, 25 % corrections of people it registered, 10 %
 * status changes, 10 % passage reports and 10 % headcounts. Deterministic for the seed.
 */
function day(site: Site, next: () => Registration, seed: number, count: number): Change[] {
  const roll = random(seed);
  const people: { id: string; ready: boolean }[] = [];
  const changes: Change[] = [];
  const pick = <T>(list: readonly T[]): T => list[Math.floor(roll() * list.length)]!;
  while (changes.length < count) {
    const r = roll();
    if (people.length < 5 || r < 0.45) {
      const { id: _ignored, ...body } = next();
      const id = newId();
      people.push({ id, ready: false });
      changes.push({
        kind: 'person.register',
        entity: 'person',
        entityId: id,
        payload: body as Extract<SyncOp, { kind: 'person.register' }>['payload'],
      });
    } else if (r < 0.7) {
      const person = pick(people);
      changes.push({
        kind: 'person.update',
        entity: 'person',
        entityId: person.id,
        payload:
          roll() < 0.5
            ? { shelterId: pick(site.shelterIds), note: `moved at ${changes.length}` }
            : { languages: ['uk', 'ru'], note: `checked at ${changes.length}` },
      });
    } else if (r < 0.8) {
      const person = people.find((p) => !p.ready);
      if (!person) continue;
      person.ready = true;
      changes.push({
        kind: 'person.status',
        entity: 'person',
        entityId: person.id,
        payload: { from: 'sheltering', status: 'ready' },
      });
    } else if (r < 0.9) {
      const blocked = roll() < 0.3;
      changes.push({
        kind: 'passage.report',
        entity: 'passage',
        entityId: pick(site.passageIds),
        payload: blocked ? { state: 'blocked', clearancePersonHours: 6 } : { state: 'open' },
      });
    } else
      changes.push({
        kind: 'headcount.report',
        entity: 'headcount',
        entityId: newId(),
        payload: {
          siteId: site.siteId,
          shelterId: pick(site.shelterIds),
          category: 'total',
          count: 100 + Math.floor(roll() * 400),
          source: `team ${seed}, round ${changes.length}`,
          reportedAt: new Date(base + changes.length * 60_000).toISOString(),
        },
      });
  }
  return changes;
}

/** The devices' days, each change stamped as the device would: its id, sequence and clock. */
function offlineOps(site: Site & { householdIds: string[]; guardianIds: string[] }): SyncOp[][] {
  return Array.from({ length: devices }, (_, d) => {
    const deviceId = newId();
    const next = registrations(site, 100 + d);
    let clock: Hlc | null = null;
    return day(site, next, d + 1, total / devices).map((change, i) => {
      clock = tick(clock, deviceId, base + d * 7 + i * 1000);
      return { ...change, opId: newId(), deviceId, seq: i + 1, hlc: formatHlc(clock) } as SyncOp;
    });
  });
}

/** The same change as a connected client makes it, through the service its route calls. */
async function applyPlain(db: Database, actor: Actor, op: SyncOp): Promise<void> {
  switch (op.kind) {
    case 'person.register':
      await registerPerson(db, actor, { ...op.payload, id: op.entityId });
      return;
    case 'person.update':
      await updatePerson(db, actor, op.entityId, op.payload);
      return;
    case 'person.status':
      await changeStatus(db, actor, op.entityId, {
        status: op.payload.status,
        expectedStatus: op.payload.from,
      });
      return;
    case 'passage.report':
      await updatePassage(
        db,
        actor,
        op.entityId,
        {
          ...op.payload,
          state: op.payload.state as 'open' | 'blocked',
          clearancePersonHours: op.payload.clearancePersonHours ?? null,
        },
        'report',
      );
      return;
    case 'headcount.report':
      await recordHeadcount(db, actor, { ...op.payload, id: op.entityId });
      return;
    default:
      throw new Error(`the bench makes no ${op.kind}`);
  }
}

async function prepare(postgresUrl: string) {
  const store = await freshDatabase(postgresUrl);
  const user = await createUser(store.db, systemActor, {
    username: 'team',
    role: 'field',
    password: 'field-team-password-long',
  });
  const site = await makeSite(store.db);
  return { ...store, actor: { userId: user.id, name: 'team' }, ops: offlineOps(site), siteId: site.siteId };
}

async function timed(fn: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

export async function run(options: BenchOptions): Promise<BenchResult> {
  const loadBefore = load();
  // Both databases are made first, so that neither run meets the other's setup.
  const synced = await prepare(options.postgresUrl);
  const plain = await prepare(options.postgresUrl);
  const outcomes: Record<string, number> = {};
  let pushes = 0;
  const syncMs = await timed(async () => {
    await Promise.all(
      synced.ops.map(async (ops) => {
        for (let i = 0; i < ops.length; i += batch) {
          const answer = await push(synced.db, synced.actor, 'field', ops.slice(i, i + batch));
          pushes++;
          for (const r of answer.results) outcomes[r.outcome] = (outcomes[r.outcome] ?? 0) + 1;
        }
      }),
    );
  });
  const plainMs = await timed(async () => {
    await Promise.all(
      plain.ops.map(async (ops) => {
        for (const op of ops) await applyPlain(plain.db, plain.actor, op);
      }),
    );
  });
  const count = async (db: Database, table: string) =>
    Number((await db.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]!.n);
  const check = {
    syncedPeople: await count(synced.db, 'person'),
    plainPeople: await count(plain.db, 'person'),
    syncedHeadcounts: await count(synced.db, 'headcount'),
    plainHeadcounts: await count(plain.db, 'headcount'),
    received: await count(synced.db, 'sync_op'),
  };
  await synced.drop();
  await plain.drop();
  if (check.syncedPeople !== check.plainPeople || check.syncedHeadcounts !== check.plainHeadcounts)
    throw new Error(`the synced and plain runs differ: ${JSON.stringify(check)}`);
  // Passage reports of several devices arrive out of their clocks' order: the older ones are kept
  // as conflicts. Nothing may be refused or left waiting.
  if ((outcomes.applied ?? 0) + (outcomes.conflict ?? 0) !== total)
    throw new Error(`not every operation applied: ${JSON.stringify(outcomes)}`);
  const rate = (ms: number) => Math.round((total / ms) * 1000);
  const table = [
    {
      what: `${total} offline operations, ${devices} devices pushing at once, batches of ${batch}`,
      seconds: Math.round(syncMs / 100) / 10,
      'ops/s': rate(syncMs),
    },
    {
      what: 'baseline: the same changes through the routes’ service calls, same concurrency',
      seconds: Math.round(plainMs / 100) / 10,
      'ops/s': rate(plainMs),
    },
    { what: 'sync ÷ baseline (time)', seconds: Math.round((syncMs / plainMs) * 100) / 100, 'ops/s': null },
  ];
  return {
    name: 'sync',
    title: 'Sync push: 10,000 offline operations applied on PostgreSQL, against the plain service calls',
    table,
    notes: [
      `Outcomes ${JSON.stringify(outcomes)} in ${pushes} pushes; ${check.syncedPeople} people, ${check.syncedHeadcounts} headcounts, ${check.received} operations recorded; both runs end with the same counts.`,
      `Load ${loadBefore} before, ${load()} after.`,
      'Target (issue 11): 10,000 operations in under 10 s on PostgreSQL.',
    ],
    data: { total, devices, batch, syncMs, plainMs, outcomes, pushes, check, table },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await run({
    backends: ['postgresql'],
    durationSeconds: 10,
    postgresUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
