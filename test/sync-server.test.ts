// The server side of sync, second step: edits made through the routes carry the server's clock,
// households are synced operations, a device's first push binds it atomically, and on PostgreSQL
// a pull never skips a change whose transaction commits after a later one was pulled.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName } from './support/database.ts';
import { call } from './support/fixtures.ts';
import { Device, flush, makeSyncSite, push } from './support/sync-device.ts';

let t: TestApp;
const hour = 3_600_000;
const name = (family: string, given: string) => [{ script: 'Cyrl', family, given }];

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

interface Pulled {
  checkpoint: number;
  more: boolean;
  hlc: string;
  people: { id: string; householdId: string | null; note: string | null }[];
  households: { id: string; label: string | null; note: string | null }[];
}
const pull = (siteId: string, since: number) =>
  call<Pulled>(t, 'field', 'GET', `/api/sync/pull?siteId=${siteId}&since=${since}`, undefined, 200);

describe(`sync with the connected routes and households (${backendName})`, () => {
  it('keeps a web edit against an offline write made before it, and lets a later one win', async () => {
    const site = await makeSyncSite(t, 'Азовсталь, форма');
    // The devices' clocks are an hour either side of the server's: ordering does not hang on timing.
    const before = new Device(Date.now() - hour);
    const id = newId();
    before.op('person.register', id, { siteId: site.siteId, names: name('Мороз', 'Віра'), sex: 'female' });
    await flush(t, before);
    // The team goes offline and writes a note; meanwhile the cell corrects it through the web form.
    before.op('person.update', id, { note: 'written offline an hour ago' });
    await call(t, 'coordinator', 'PATCH', `/api/people/${id}`, { note: 'corrected at the cell' }, 200);
    const answer = await push(t, before.pending);
    expect(answer.results[0]).toMatchObject({ outcome: 'conflict' });
    before.acknowledge(answer.results);
    const kept = await call<{ note: string }>(t, 'coordinator', 'GET', `/api/people/${id}`, undefined, 200);
    expect(kept.note).toBe('corrected at the cell');
    const conflicts = await call<{
      items: { field: string; lost: unknown; kept: unknown; keptHlc: string }[];
    }>(t, 'coordinator', 'GET', `/api/sync/conflicts?siteId=${site.siteId}`, undefined, 200);
    expect(conflicts.items).toEqual([
      expect.objectContaining({
        field: 'note',
        lost: 'written offline an hour ago',
        kept: 'corrected at the cell',
        // The server's own clock, with the nil UUID as its device.
        keptHlc: expect.stringMatching(/-00000000-0000-0000-0000-000000000000$/),
      }),
    ]);
    // A write made after the web edit wins: by its clock (an hour ahead) or, once the device has
    // pulled, by having seen the server's clock.
    const after = new Device(Date.now() + hour);
    after.op('person.update', id, { note: 'checked again later' });
    await flush(t, after);
    before.saw((await pull(site.siteId, 0)).hlc);
    before.op('person.update', id, { languages: ['uk'] });
    const seen = await push(t, before.pending);
    expect(seen.results[0]).toMatchObject({ outcome: 'applied' });
    const final = await call<{ note: string; languages: string[] }>(
      t,
      'coordinator',
      'GET',
      `/api/people/${id}`,
      undefined,
      200,
    );
    expect(final).toMatchObject({ note: 'checked again later', languages: ['uk'] });
  });

  it('syncs households: created offline, joined by registrations, labels merged by clock', async () => {
    const site = await makeSyncSite(t, 'Азовсталь, родини');
    const team = new Device(Date.now() - 2 * hour);
    // Ahead of every clock the server has seen in this file, which the team takes in as it syncs.
    const other = new Device(Date.now() + 3 * hour);
    const household = newId();
    const mother = newId();
    const son = newId();
    team.op('household.create', household, { siteId: site.siteId, label: 'Melnyk family' });
    team.op('person.register', mother, {
      siteId: site.siteId,
      householdId: household,
      names: name('Мельник', 'Оксана'),
      sex: 'female',
    });
    team.op('person.register', son, { siteId: site.siteId, names: name('Мельник', 'Іван'), sex: 'male' });
    team.op('person.update', son, { householdId: household });
    await flush(t, team);
    // Two devices relabel the household offline; the later clock wins, though it arrives first.
    other.op('household.update', household, { label: 'Melnyk family, 2 people', note: 'from block 4' });
    team.op('household.update', household, { label: 'Melnyk, mother and son' });
    await flush(t, other);
    const late = await push(t, team.pending);
    expect(late.results[0]).toMatchObject({ outcome: 'conflict' });
    const pulled = await pull(site.siteId, 0);
    expect(pulled.households).toEqual([
      expect.objectContaining({ id: household, label: 'Melnyk family, 2 people', note: 'from block 4' }),
    ]);
    expect(pulled.people.map((p) => p.householdId)).toEqual([household, household]);
    // A household of another site, or one that does not exist, is refused and nothing is written.
    const stray = new Device(Date.now());
    stray.op('household.update', newId(), { label: 'nobody' });
    const refused = await push(t, stray.pending);
    expect(refused.results[0]).toMatchObject({ outcome: 'rejected', error: { code: 'not_found' } });
  });

  it('binds a new device to one account when two accounts first push it at the same moment', async () => {
    const site = await makeSyncSite(t, 'Азовсталь, один пристрій');
    const device = new Device(Date.now());
    device.op('person.register', newId(), {
      siteId: site.siteId,
      names: name('Бойко', 'Яна'),
      sex: 'female',
    });
    const send = (role: 'field' | 'coordinator') =>
      t.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: t.as(role),
        payload: { protocol: 'corridor-sync/1', ops: device.pending },
      });
    const answers = await Promise.all([send('field'), send('coordinator')]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 403]);
    const winner = answers.find((a) => a.statusCode === 200)!.json<{ results: { duplicate: boolean }[] }>();
    expect(winner.results[0]).toMatchObject({ duplicate: false });
    const { rows } = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM sync_op WHERE device_id = $1',
      [device.id],
    );
    expect(rows[0]!.n).toBe(1);
  });
});

// PGlite has one connection: no transaction can be open while another commits. Only PostgreSQL can.
describe.runIf(backendName === 'postgresql')('a pull while a transaction is open (postgresql)', () => {
  it('does not skip a change whose transaction commits after a later one was pulled', async () => {
    const site = await makeSyncSite(t, 'Азовсталь, довга транзакція');
    const team = new Device(Date.now());
    const slow = newId();
    team.op('person.register', slow, { siteId: site.siteId, names: name('Савенко', 'Олена'), sex: 'female' });
    await flush(t, team);
    const first = await pull(site.siteId, 0);
    // Another connection logs a change to her and keeps its transaction open: its place in the
    // operations log is taken now, before the next change.
    const held = new pg.Client({ connectionString: t.url });
    await held.connect();
    try {
      await held.query('BEGIN');
      await held.query(
        `INSERT INTO operation (id, actor, entity, entity_id, action) VALUES ($1, 'held', 'person', $2, 'update')`,
        [newId(), slow],
      );
      const quick = newId();
      team.op('person.register', quick, { siteId: site.siteId, names: name('Савенко', 'Ігор'), sex: 'male' });
      await flush(t, team);
      const during = await pull(site.siteId, first.checkpoint);
      expect(during.people.map((p) => p.id)).toEqual([quick]);
      await held.query('COMMIT');
      const after = await pull(site.siteId, during.checkpoint);
      expect(after.people.map((p) => p.id)).toEqual([slow]);
    } finally {
      await held.end();
    }
  });
});
