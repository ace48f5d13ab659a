// A push that PostgreSQL picks as the victim of a deadlock is tried again (src/services/sync.ts
// retries a run on 40P01 and 40001): the device's operations end applied, each once. The deadlock
// is made for real, by other connections taking the rows the push needs in the opposite order, and
// step by step: each step waits for the database to show the previous one, never for a time.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName } from './support/database.ts';
import { call } from './support/fixtures.ts';
import { Device, flush, makeSyncSite, type OpResult } from './support/sync-device.ts';

const name = (family: string, given: string) => [{ script: 'Cyrl', family, given }];

async function connect(url: string | undefined): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** Asks the database until the condition holds: a step taken, seen from outside. */
async function until(client: pg.Client, sql: string, params: unknown[]): Promise<void> {
  for (;;) {
    const { rows } = await client.query<{ yes: boolean }>(sql, params);
    if (rows[0]?.yes) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pidOf = async (client: pg.Client) =>
  (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;

// PGlite has one connection: nothing else can hold a lock while a push runs. Only PostgreSQL can.
describe.runIf(backendName === 'postgresql')('a push caught in a deadlock (postgresql)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await openTestApp();
  });
  afterAll(() => t.close());

  it('is tried again after PostgreSQL undoes it, and applies every operation once', async () => {
    const site = await makeSyncSite(t, 'Азовсталь, взаємне блокування');
    const team = new Device(Date.now());
    // Two people, the first by id locked first: a push locks the device's row, then the rows of
    // the people it changes, in the order of their ids.
    const [first, second] = [newId(), newId()].sort();
    team.op('person.register', first!, { siteId: site.siteId, names: name('Гнатюк', 'Іра'), sex: 'female' });
    team.op('person.register', second!, { siteId: site.siteId, names: name('Гнатюк', 'Павло'), sex: 'male' });
    await flush(t, team);
    const notes = [
      team.op('person.update', first!, { note: 'needs insulin' }),
      team.op('person.update', second!, { note: 'carries his mother' }),
    ];

    // `holder` takes the second person and, later, asks for the device's row; `gate` holds the
    // first person so that the push, holding the device's row, waits there until `holder` waits
    // for it. Only the push checks for a deadlock soon: holder's own check is put off, so the
    // push is the one PostgreSQL undoes.
    const holder = await connect(t.url);
    const gate = await connect(t.url);
    try {
      await holder.query('BEGIN');
      await holder.query("SET LOCAL deadlock_timeout = '10min'");
      await holder.query('SELECT 1 FROM person WHERE id = $1 FOR UPDATE', [second]);
      await gate.query('BEGIN');
      await gate.query('SELECT 1 FROM person WHERE id = $1 FOR UPDATE', [first]);
      const [holderPid, gatePid] = [await pidOf(holder), await pidOf(gate)];

      const pushing = t.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: t.as('field'),
        payload: { protocol: 'corridor-sync/1', ops: notes },
      });
      // The push holds the device's row and waits for the first person.
      const blockedBy =
        'SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))) AS yes';
      await until(gate, blockedBy, [gatePid]);
      // Holder asks for the device's row and waits for the push.
      const deviceRow = holder.query('SELECT 1 FROM sync_device WHERE id = $1 FOR UPDATE', [team.id]);
      await until(
        gate,
        "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = $1 AND wait_event_type = 'Lock') AS yes",
        [holderPid],
      );
      // The gate opens: the push takes the first person and asks for the second, which holder has.
      // Each waits for the other; PostgreSQL undoes the push, and holder gets the device's row.
      await gate.query('COMMIT');
      await deviceRow;
      await holder.query('ROLLBACK');

      // The first attempt could not have committed: it needed the second person, whom holder kept
      // until after it had the device's row. A push answered with its operations applied was tried again.
      const answer = await pushing;
      expect(answer.statusCode, answer.body).toBe(200);
      expect(answer.json<{ results: OpResult[] }>().results).toEqual([
        { opId: notes[0]!.opId, outcome: 'applied', duplicate: false },
        { opId: notes[1]!.opId, outcome: 'applied', duplicate: false },
      ]);
    } finally {
      await holder.end();
      await gate.end();
    }

    const person = (id: string) =>
      call<{ note: string }>(t, 'coordinator', 'GET', `/api/people/${id}`, undefined, 200);
    expect((await person(first!)).note).toBe('needs insulin');
    expect((await person(second!)).note).toBe('carries his mother');
    // Received once each, and each person changed once by them: the undone attempt left nothing.
    const { rows: received } = await t.db.query<{ seq: number }>(
      'SELECT seq FROM sync_op WHERE device_id = $1 ORDER BY seq',
      [team.id],
    );
    expect(received.map((r) => r.seq)).toEqual([1, 2, 3, 4]);
    const { rows: changes } = await t.db.query<{ entity_id: string; n: number }>(
      `SELECT entity_id, count(*)::int AS n FROM operation
        WHERE entity = 'person' AND action = 'update' AND entity_id = ANY ($1::uuid[])
        GROUP BY entity_id ORDER BY entity_id`,
      [[first, second]],
    );
    expect(changes).toEqual([
      { entity_id: first, n: 1 },
      { entity_id: second, n: 1 },
    ]);
    // A repeat of the push is answered from what was stored: nothing is applied a second time.
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: t.as('field'),
      payload: { protocol: 'corridor-sync/1', ops: notes },
    });
    expect(again.json<{ results: OpResult[] }>().results.map((r) => r.duplicate)).toEqual([true, true]);
  });
});
