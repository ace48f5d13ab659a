// The server side of corridor-sync/1: what field devices push after working offline is applied once,
// in each device's order, however the deliveries fail; fields merge by clock and statuses by the
// lifecycle, and every write that lost is kept and listed for the cell.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName } from './support/database.ts';
import { call } from './support/fixtures.ts';
import { expectError } from './support/http.ts';
import {
  Device,
  flush,
  makeSyncSite,
  push,
  type SiteIds,
  stateHash,
  type WireOp,
} from './support/sync-device.ts';

let t: TestApp;
const hour = 3_600_000;
const base = Date.UTC(2022, 4, 6, 9, 0, 0);
const name = (family: string, given: string) => [{ script: 'Cyrl', family, given }];

beforeAll(async () => {
  t = await openTestApp();
});
afterAll(() => t.close());

/**
 * Two teams a day apart in the tunnels: registrations, corrections, a status change, headcounts and
 * passage reports. Returns the devices' operations in the order they were made and the id labels.
 */
function offlineDay(site: SiteIds) {
  const labels = new Map([
    [site.shelterId, 'S1'],
    [site.otherShelterId, 'S2'],
    [site.passageId, 'P1'],
  ]);
  const a = new Device(base);
  const b = new Device(base - 3 * hour);
  const person = (device: Device, label: string, family: string, given: string) => {
    const id = newId();
    labels.set(id, label);
    device.op('person.register', id, {
      siteId: site.siteId,
      shelterId: site.shelterId,
      names: name(family, given),
      sex: 'female',
    });
    return id;
  };
  const mother = person(a, 'mother', 'Мельник', 'Оксана');
  const daughter = person(a, 'daughter', 'Мельник', 'Дарина');
  a.wall += 60_000;
  a.op('person.update', daughter, {
    vulnerabilities: ['wounded'],
    triage: 'T2',
    note: 'shrapnel in the leg',
  });
  a.op('person.status', mother, { from: 'sheltering', status: 'ready' });
  const count = newId();
  labels.set(count, 'count-a');
  a.op('headcount.report', count, {
    siteId: site.siteId,
    shelterId: site.shelterId,
    category: 'total',
    count: 41,
    source: 'team A, shelter S1',
    reportedAt: new Date(base).toISOString(),
  });
  const grandfather = person(b, 'grandfather', 'Коваль', 'Петро');
  b.op('passage.report', site.passageId, { state: 'blocked', clearancePersonHours: 12 });
  b.wall += 60_000;
  b.op('person.update', grandfather, {
    shelterId: site.otherShelterId,
    vulnerabilities: ['elderly'],
  });
  return { a, b, labels };
}

describe(`sync push and pull (${backendName})`, () => {
  it('converges to the fault-free state whatever happens to the deliveries', async () => {
    const clean = await makeSyncSite(t, 'Азовсталь, без збоїв');
    const cleanRun = offlineDay(clean);
    for (const device of [cleanRun.a, cleanRun.b]) {
      const answer = await push(t, device.pending);
      expect(answer.results.map((r) => [r.outcome, r.error?.message])).toEqual(
        device.pending.map(() => ['applied', undefined]),
      );
    }
    const expected = await stateHash(t, clean.siteId, cleanRun.labels);

    const faulty = await makeSyncSite(t, 'Азовсталь, зі збоями');
    const { a, b, labels } = offlineDay(faulty);
    const opsA: WireOp[] = [...a.pending];
    // The connection drops after the first two operations were applied: the answer never arrives.
    await push(t, opsA.slice(0, 2));
    // The later half arrives before the earlier one, reversed: it waits for the missing operations.
    const early = await push(t, [...opsA.slice(3)].reverse());
    expect(early.results.every((r) => r.outcome === 'gap' && r.expectedSeq === 3)).toBe(true);
    // B's batch is delivered twice, and its operations reordered within the batch.
    const opsB = [...b.pending].reverse();
    await push(t, opsB);
    const again = await push(t, opsB);
    expect(again.results.every((r) => r.duplicate && r.outcome === 'applied')).toBe(true);
    b.acknowledge(again.results);
    await flush(t, a);
    await flush(t, b);
    // A late duplicate of everything changes nothing.
    await push(t, opsA);
    expect(await stateHash(t, faulty.siteId, labels)).toBe(expected);
    const pulled = await call<{ headcounts: unknown[]; people: unknown[] }>(
      t,
      'field',
      'GET',
      `/api/sync/pull?siteId=${faulty.siteId}&since=0`,
      undefined,
      200,
    );
    expect(pulled.headcounts).toHaveLength(1);
    expect(pulled.people).toHaveLength(3);
  });

  it('pulls what changed since a checkpoint, for the one site', async () => {
    const site = await makeSyncSite(t, 'Азовсталь, контрольна точка');
    const other = await makeSyncSite(t, 'Маріуполь');
    const device = new Device(base);
    const first = newId();
    device.op('person.register', first, {
      siteId: site.siteId,
      names: name('Бондар', 'Ірина'),
      sex: 'female',
    });
    await flush(t, device);
    const before = await call<{ checkpoint: number; people: { id: string }[] }>(
      t,
      'field',
      'GET',
      `/api/sync/pull?siteId=${site.siteId}&since=0`,
      undefined,
      200,
    );
    expect(before.people.map((p) => p.id)).toEqual([first]);
    const second = newId();
    device.op('person.register', second, { siteId: site.siteId, names: name('Бондар', 'Олег'), sex: 'male' });
    device.op('person.register', newId(), {
      siteId: other.siteId,
      names: name('Шевчук', 'Анна'),
      sex: 'female',
    });
    await flush(t, device);
    const after = await call<{ checkpoint: number; people: { id: string }[]; hlc: string }>(
      t,
      'field',
      'GET',
      `/api/sync/pull?siteId=${site.siteId}&since=${before.checkpoint}`,
      undefined,
      200,
    );
    expect(after.people.map((p) => p.id)).toEqual([second]);
    expect(after.checkpoint).toBeGreaterThan(before.checkpoint);
    expect(after.hlc).toMatch(/^\d{15}-/);
  });

  it('lets the later edit win by clock even when a device clock is hours wrong, and keeps the loser', async () => {
    const site = await makeSyncSite(t, 'Азовсталь, годинники');
    const registrar = new Device(base);
    const id = newId();
    registrar.op('person.register', id, {
      siteId: site.siteId,
      names: name('Ткаченко', 'Марія'),
      sex: 'female',
    });
    await flush(t, registrar);
    // Team A's phone runs five hours fast; team B's is right. Both edit the same woman offline.
    const fast = new Device(base + 5 * hour);
    const right = new Device(base + 60_000);
    fast.op('person.update', id, { note: 'needs a wheelchair' });
    right.op('person.update', id, { note: 'walks with a stick', languages: ['uk', 'ru'] });
    await flush(t, fast);
    await flush(t, right);
    // B's note lost to A's clock, five hours ahead; B's languages had no rival and stands.
    const person = await call<{ note: string; languages: string[] }>(
      t,
      'coordinator',
      'GET',
      `/api/people/${id}`,
      undefined,
      200,
    );
    expect(person).toMatchObject({ note: 'needs a wheelchair', languages: ['uk', 'ru'] });
    // B then pulls, taking in the server's clock, and corrects the note: made after seeing A's edit,
    // it wins although B's wall clock is still hours behind A's.
    const pulled = await call<{ hlc: string }>(
      t,
      'field',
      'GET',
      `/api/sync/pull?siteId=${site.siteId}&since=0`,
      undefined,
      200,
    );
    right.saw(pulled.hlc);
    right.op('person.update', id, { note: 'walks with a stick; wheelchair not needed' });
    await flush(t, right);
    const corrected = await call<{ note: string }>(
      t,
      'coordinator',
      'GET',
      `/api/people/${id}`,
      undefined,
      200,
    );
    expect(corrected.note).toBe('walks with a stick; wheelchair not needed');
    const conflicts = await call<{
      items: { entityId: string; field: string; reason: string; lost: unknown; kept: unknown }[];
    }>(t, 'coordinator', 'GET', `/api/sync/conflicts?siteId=${site.siteId}`, undefined, 200);
    expect(conflicts.items).toEqual([
      expect.objectContaining({
        entityId: id,
        field: 'note',
        reason: 'older_by_clock',
        lost: 'walks with a stick',
        kept: 'needs a wheelchair',
      }),
    ]);
  });

  it('does not pull a person who arrived at reception back by a stale field update, and shows it', async () => {
    const site = await makeSyncSite(t, 'Азовсталь, прибуття');
    const team = new Device(base);
    const id = newId();
    team.op('person.register', id, { siteId: site.siteId, names: name('Савчук', 'Людмила'), sex: 'female' });
    await flush(t, team);
    for (const status of ['ready', 'assigned', 'boarded', 'arrived'])
      await call(t, 'coordinator', 'POST', `/api/people/${id}/status`, { status }, 200);
    // The team, offline since the registration, marks her as declining to leave.
    team.op('person.status', id, { from: 'sheltering', status: 'declined', reason: 'said she will stay' });
    const answer = await push(t, team.pending);
    expect(answer.results[0]).toMatchObject({ outcome: 'conflict', duplicate: false });
    const person = await call<{ status: string }>(
      t,
      'coordinator',
      'GET',
      `/api/people/${id}`,
      undefined,
      200,
    );
    expect(person.status).toBe('arrived');
    const history = await call<{ items: { action: string; after: { lost?: unknown } }[] }>(
      t,
      'coordinator',
      'GET',
      `/api/people/${id}/history`,
      undefined,
      200,
    );
    expect(history.items.at(-1)).toMatchObject({
      action: 'sync_conflict',
      after: { lost: { status: 'declined' } },
    });
    const conflicts = await call<{ items: { reason: string; lost: unknown; kept: unknown }[] }>(
      t,
      'coordinator',
      'GET',
      `/api/sync/conflicts?siteId=${site.siteId}`,
      undefined,
      200,
    );
    expect(conflicts.items).toEqual([
      expect.objectContaining({ reason: 'status_superseded', lost: 'declined', kept: 'arrived' }),
    ]);
  });

  it('records an operation the rules refuse as rejected, moves on, and answers a repeat the same way', async () => {
    const site = await makeSyncSite(t, 'Азовсталь, відмова');
    const team = new Device(base);
    const bad = team.op('person.register', newId(), {
      siteId: site.siteId,
      shelterId: newId(),
      names: name('Гнатюк', 'Іван'),
      sex: 'male',
    });
    const good = team.op('person.register', newId(), {
      siteId: site.siteId,
      names: name('Гнатюк', 'Софія'),
      sex: 'female',
    });
    const first = await push(t, [bad, good]);
    expect(first.results.map((r) => r.outcome)).toEqual(['rejected', 'applied']);
    expect(first.results[0]!.error?.code).toBe('unknown_reference');
    const repeat = await push(t, [bad]);
    expect(repeat.results[0]).toMatchObject({ outcome: 'rejected', duplicate: true });
    expect(repeat.devices).toEqual([{ deviceId: team.id, lastSeq: 2 }]);
  });

  it('applies registrations in a row together, a child with the guardian registered just before', async () => {
    const site = await makeSyncSite(t, 'Азовсталь, родина');
    const team = new Device(base);
    const mother = newId();
    const child = newId();
    team.op('person.register', mother, {
      siteId: site.siteId,
      names: name('Кравець', 'Олена'),
      sex: 'female',
    });
    team.op('person.register', child, {
      siteId: site.siteId,
      names: name('Кравець', 'Марко'),
      sex: 'male',
      ageBand: '5-11',
      guardians: [{ personId: mother, relation: 'mother' }],
    });
    team.op('person.register', newId(), {
      siteId: site.siteId,
      names: name('Кравець', 'Іра'),
      sex: 'female',
    });
    const answer = await push(t, team.pending);
    expect(answer.results.map((r) => r.outcome)).toEqual(['applied', 'applied', 'applied']);
    const registered = await call<{ guardians: unknown[] }>(
      t,
      'coordinator',
      'GET',
      `/api/people/${child}`,
      undefined,
      200,
    );
    expect(registered.guardians).toEqual([{ personId: mother, relation: 'mother' }]);
  });

  it('applies a push delivered twice at the same moment once', async () => {
    const site = await makeSyncSite(t, 'Азовсталь, одночасно');
    const team = new Device(base);
    for (let i = 0; i < 12; i++)
      team.op('person.register', newId(), {
        siteId: site.siteId,
        names: name('Руденко', `Дитина ${i}`),
        sex: 'male',
      });
    const [first, second] = await Promise.all([push(t, team.pending), push(t, team.pending)]);
    for (let i = 0; i < team.pending.length; i++)
      expect([first.results[i]!.duplicate, second.results[i]!.duplicate].sort()).toEqual([false, true]);
    const pulled = await call<{ people: unknown[] }>(
      t,
      'field',
      'GET',
      `/api/sync/pull?siteId=${site.siteId}&since=0`,
      undefined,
      200,
    );
    expect(pulled.people).toHaveLength(12);
  });

  it('converges the same when a device is offline for a week as when it syncs every day', async () => {
    const day = 24 * hour;
    const week = async (label: string, daily: boolean) => {
      const site = await makeSyncSite(t, label);
      const labels = new Map([
        [site.shelterId, 'S1'],
        [site.otherShelterId, 'S2'],
        [site.passageId, 'P1'],
      ]);
      const team = new Device(base);
      const people: string[] = [];
      for (let d = 0; d < 7; d++) {
        team.wall = base + d * day;
        const id = newId();
        labels.set(id, `person-${d}`);
        people.push(id);
        team.op('person.register', id, {
          siteId: site.siteId,
          names: name('Кравченко', `День ${d}`),
          sex: 'female',
        });
        if (d > 0)
          team.op('person.update', people[d - 1]!, {
            shelterId: site.otherShelterId,
            note: `moved on day ${d}`,
          });
        team.op('passage.report', site.passageId, { state: d % 2 === 0 ? 'blocked' : 'open' });
        if (daily) await flush(t, team);
      }
      await flush(t, team);
      return stateHash(t, site.siteId, labels);
    };
    expect(await week('Азовсталь, тиждень офлайн', false)).toBe(await week('Азовсталь, щодня', true));
  });

  it('refuses a device that syncs for another account', async () => {
    const site = await makeSyncSite(t, 'Азовсталь, пристрій');
    const team = new Device(base);
    team.op('person.register', newId(), {
      siteId: site.siteId,
      names: name('Лисенко', 'Ганна'),
      sex: 'female',
    });
    await flush(t, team);
    team.op('person.register', newId(), { siteId: site.siteId, names: name('Лисенко', 'Юрій'), sex: 'male' });
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: t.as('coordinator'),
      payload: { protocol: 'corridor-sync/1', ops: team.pending },
    });
    expectError(response, 403, 'forbidden');
  });
});
