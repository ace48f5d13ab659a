// The cost of the audit trail. In one process and one fresh database per backend, desks register
// people (POST /api/people: a change, audited by the operations trigger) and read them
// (GET /api/people/:id: a read of personal data, audited by the onSend hook) for a few seconds each,
// alternately with the audit switched off and on. Off: the operations trigger disabled and a rule
// that drops every insert into audit_pending, so the request still makes its round trip but nothing is
// chained or written. The ratio on/off is the audit's overhead; the rounds alternate so that a
// machine shared with other work weighs on both alike. `npm run bench -- --only audit`.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp } from '../src/server/app.ts';
import { createToken, createUser } from '../src/services/accounts.ts';
import type { Database } from '../src/store/database.ts';
import { openStore } from '../src/store/open.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { load } from './support/machine.ts';
import type { BackendName, BenchOptions, BenchResult, Cell } from './support/types.ts';

const rounds = 4;

async function onServer(postgresUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function switchAudit(db: Database, on: boolean): Promise<void> {
  if (on) {
    await db.exec(
      'DROP RULE IF EXISTS audit_off ON audit_pending; ALTER TABLE operation ENABLE TRIGGER operation_audit',
    );
  } else {
    await db.exec(
      'DROP RULE IF EXISTS audit_off ON audit_pending; ALTER TABLE operation DISABLE TRIGGER operation_audit; CREATE RULE audit_off AS ON INSERT TO audit_pending DO INSTEAD NOTHING',
    );
  }
}

/** Requests per second that `clients` concurrent loops of `request` complete in `seconds`. */
async function rate(
  clients: number,
  seconds: number,
  request: (i: number) => Promise<void>,
): Promise<number> {
  const end = performance.now() + seconds * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (performance.now() < end) {
        await request(c * 1_000_000 + done);
        done += 1;
      }
    }),
  );
  return done / seconds;
}

async function measure(backend: BackendName, options: BenchOptions) {
  let url: string | undefined;
  let name: string | undefined;
  if (backend === 'postgresql') {
    name = `corridor_bench_${randomBytes(6).toString('hex')}`;
    await onServer(options.postgresUrl, `CREATE DATABASE ${name}`);
    const parsed = new URL(options.postgresUrl);
    parsed.pathname = `/${name}`;
    url = parsed.toString();
  }
  // A throwaway database: a throwaway master key for its encrypted fields, unless one is given.
  process.env.CORRIDOR_MASTER_KEY ??= randomBytes(32).toString('base64');
  const db = await openStore(url ? { databaseUrl: url } : {});
  const app = await buildApp({ db, logger: false, webRoot: '/nonexistent' });
  try {
    const user = await createUser(db, systemActor, {
      username: 'bench',
      role: 'coordinator',
      password: randomBytes(16).toString('hex'),
    });
    const headers = { authorization: `Bearer ${(await createToken(db, systemActor, user.id, null)).token}` };
    const site = (
      await app.inject({
        method: 'POST',
        url: '/api/sites',
        headers,
        payload: { name: 'Bench', timeZone: 'Europe/Kyiv' },
      })
    ).json<{ id: string }>().id;
    const people: string[] = [];
    const register = async (i: number) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/people',
        headers,
        payload: { siteId: site, names: [{ family: 'Bench', given: `P${i}` }], sex: 'unknown' },
      });
      if (response.statusCode !== 201) throw new Error(`registration failed: ${response.body}`);
      people.push(response.json<{ id: string }>().id);
    };
    const read = async (i: number) => {
      const response = await app.inject({
        method: 'GET',
        url: `/api/people/${people[i % people.length]}`,
        headers,
      });
      if (response.statusCode !== 200) throw new Error(`read failed: ${response.body}`);
    };
    const clients = backend === 'postgresql' ? 20 : 4;
    const seconds = Math.max(2, options.durationSeconds / 4);
    const figures = {
      registerOff: [] as number[],
      registerOn: [] as number[],
      readOff: [] as number[],
      readOn: [] as number[],
    };
    for (let r = 0; r < rounds; r++)
      for (const on of r % 2 === 0 ? [false, true] : [true, false]) {
        await switchAudit(db, on);
        figures[on ? 'registerOn' : 'registerOff'].push(await rate(clients, seconds, register));
        figures[on ? 'readOn' : 'readOff'].push(await rate(clients, seconds, read));
      }
    await switchAudit(db, true);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_entry');
    // The median of the rounds: one round slowed by other work on the machine does not move it.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return {
      backend,
      clients,
      seconds,
      entries: rows[0]!.n,
      ...Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, median(v)])),
      rounds: figures,
    } as {
      backend: BackendName;
      clients: number;
      seconds: number;
      entries: number;
      registerOff: number;
      registerOn: number;
      readOff: number;
      readOn: number;
      rounds: typeof figures;
    };
  } finally {
    await app.close();
    await db.close();
    if (name) await onServer(options.postgresUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

export async function run(options: BenchOptions): Promise<BenchResult> {
  const loadBefore = load();
  const results = [];
  for (const backend of options.backends) results.push(await measure(backend, options));
  const r1 = (x: number): Cell => Math.round(x * 10) / 10;
  const table = results.flatMap((r) => [
    {
      backend: r.backend,
      requests: 'POST /api/people (change)',
      clients: r.clients,
      'off/s': r1(r.registerOff),
      'on/s': r1(r.registerOn),
      'on/off': Math.round((r.registerOn / r.registerOff) * 100) / 100,
    },
    {
      backend: r.backend,
      requests: 'GET /api/people/:id (read)',
      clients: r.clients,
      'off/s': r1(r.readOff),
      'on/s': r1(r.readOn),
      'on/off': Math.round((r.readOn / r.readOff) * 100) / 100,
    },
  ]);
  return {
    name: 'audit',
    title: 'Audit trail overhead: requests per second with the audit off and on, same run and database',
    table,
    notes: [
      `Load average before: ${loadBefore}; after: ${load()}. Off and on alternate over ${rounds} rounds per backend; the median round is shown, every round is in the JSON.`,
      'Off: the operations trigger disabled and inserts into audit_pending dropped by a rule (the round trip stays).',
    ],
    data: results,
  };
}
