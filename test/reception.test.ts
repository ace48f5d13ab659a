// Check-in at a reception point, through the API: by id, QR code or search; twice from one desk
// (same Idempotency-Key: one effect), from two desks at once (one check-in, one clear conflict);
// and the alerts a check-in raises — someone on no manifest, a child arriving without the adults
// responsible for them — which stay until a coordinator resolves them with a reason.
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import { personCode } from '../src/domain/person-code.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName, snapshot } from './support/database.ts';
import { call } from './support/fixtures.ts';
import { expectError } from './support/http.ts';

let t: TestApp;
let siteId: string;
let receptionId: string;
let otherReceptionId: string;
const people: Record<string, string> = {};

interface CheckIn {
  id: string;
  personId: string;
  method: string;
  desk: string | null;
  receptionPointName: string;
  checkedInAt: string;
  onManifest: boolean;
  person: { status: string };
  alerts: Array<{ id: string; kind: string }>;
}

const register = async (key: string, body: Record<string, unknown>) => {
  people[key] = (
    await call<{ id: string }>(t, 'field', 'POST', '/api/people', { siteId, sex: 'unknown', ...body }, 201)
  ).id;
};

beforeAll(async () => {
  t = await openTestApp();
  siteId = (
    await call<{ id: string }>(
      t,
      'coordinator',
      'POST',
      '/api/sites',
      { name: 'Azovstal', timeZone: 'Europe/Kyiv' },
      201,
    )
  ).id;
  const point = (name: string) =>
    call<{ id: string }>(
      t,
      'coordinator',
      'POST',
      `/api/sites/${siteId}/road-points`,
      { kind: 'reception_point', name },
      201,
    );
  receptionId = (await point('Zaporizhzhia reception centre')).id;
  otherReceptionId = (await point('Epicentr car park')).id;
  const household = await call<{ id: string }>(t, 'field', 'POST', '/api/households', { siteId }, 201);
  await register('mother', {
    householdId: household.id,
    names: [{ script: 'Cyrl', family: 'Коваленко', given: 'Олена', patronymic: 'Петрівна' }],
    sex: 'female',
    ageBand: '18-59',
  });
  await register('daughter', {
    householdId: household.id,
    names: [{ script: 'Cyrl', family: 'Коваленко', given: 'Марія' }],
    sex: 'female',
    ageBand: '5-11',
    guardians: [{ personId: people.mother, relation: 'mother' }],
  });
  const family = await call<{ id: string }>(t, 'field', 'POST', '/api/households', { siteId }, 201);
  await register('father', {
    householdId: family.id,
    names: [{ family: 'Bondarenko', given: 'Andrii' }],
    ageBand: '18-59',
  });
  await register('son', {
    householdId: family.id,
    names: [{ family: 'Bondarenko', given: 'Ostap' }],
    ageBand: '12-17',
  });
  for (const key of ['walker', 'twice', 'racer', 'keyed', 'scanned', 'other'])
    await register(key, { names: [{ family: 'Tkachenko', given: key }], ageBand: '18-59' });
  await register('deceased', { names: [{ family: 'Unknown', given: 'Unknown' }] });
  await call(t, 'field', 'POST', `/api/people/${people.deceased}/status`, { status: 'deceased' }, 200);
}, 300_000);
afterAll(() => t?.close());

const checkIn = (
  body: Record<string, unknown>,
  key?: string,
  role: 'reception' | 'coordinator' = 'reception',
) =>
  t.app.inject({
    method: 'POST',
    url: `/api/sites/${siteId}/check-ins`,
    headers: { ...t.as(role), ...(key ? { 'idempotency-key': key } : {}) },
    payload: { receptionPointId: receptionId, ...body },
  });

const count = async (sql: string, params: unknown[] = []) =>
  (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;

const statusOf = async (id: string) =>
  (await call<{ status: string }>(t, 'coordinator', 'GET', `/api/people/${id}`, undefined, 200)).status;

const alertsOf = async (personId: string) =>
  (
    await t.db.query<{ kind: string; details: Record<string, unknown> }>(
      'SELECT kind, details FROM reconciliation_alert WHERE person_id = $1 ORDER BY kind',
      [personId],
    )
  ).rows;

const body = (r: LightMyRequestResponse) => r.json() as CheckIn;

describe(`reception check-in (${backendName})`, () => {
  it('checks a person in by id: arrived, logged, and an alert because no convoy carried them', async () => {
    const response = await checkIn({ personId: people.walker, desk: '3' }, newId());
    expect(response.statusCode, response.body).toBe(201);
    const made = body(response);
    expect(made).toMatchObject({
      personId: people.walker,
      method: 'id',
      desk: '3',
      receptionPointName: 'Zaporizhzhia reception centre',
      onManifest: false,
      person: { status: 'arrived' },
    });
    expect(made.alerts.map((a) => a.kind)).toEqual(['arrived_not_on_manifest']);
    expect(await statusOf(people.walker!)).toBe('arrived');
    expect(await alertsOf(people.walker!)).toEqual([
      expect.objectContaining({
        kind: 'arrived_not_on_manifest',
        details: expect.objectContaining({ checkInId: made.id, statusBefore: 'sheltering', desk: '3' }),
      }),
    ]);
    const history = await call<{ items: Array<{ action: string; after: { status?: string } }> }>(
      t,
      'coordinator',
      'GET',
      `/api/people/${people.walker}/history`,
      undefined,
      200,
    );
    expect(history.items.at(-1)).toMatchObject({ action: 'status', after: { status: 'arrived' } });
  });

  it('refuses checking in a person twice, naming when and where, and writes nothing', async () => {
    const first = body(await checkIn({ personId: people.twice, desk: '1' }, newId()));
    const before = await snapshot(t.db);
    const again = await checkIn(
      { personId: people.twice, desk: '2', receptionPointId: otherReceptionId },
      newId(),
    );
    expectError(again, 409, 'conflict');
    const error = again.json().error;
    expect(error.message).toContain('already checked in');
    expect(error.message).toContain('Zaporizhzhia reception centre (desk 1)');
    expect(error.message).toContain(first.checkedInAt);
    expect(error.details).toMatchObject({ checkInId: first.id, desk: '1', checkedInBy: 'reception-user' });
    expect(await snapshot(t.db)).toBe(before);
  });

  it('answers a repeated request with the same Idempotency-Key with the same check-in, once', async () => {
    const key = newId();
    const first = await checkIn({ personId: people.keyed }, key);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const operations = await count('operation');
    const before = await snapshot(t.db);
    const second = await checkIn({ personId: people.keyed }, key);
    expect(second.statusCode, second.body).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json()).toEqual(first.json());
    expect(await snapshot(t.db)).toBe(before);
    expect(await count('operation')).toBe(operations);
    expect(await count('check_in WHERE person_id = $1', [people.keyed])).toBe(1);

    // The key belongs to that check-in: another person with it is refused.
    const misuse = await checkIn({ personId: people.other }, key);
    expectError(misuse, 409, 'conflict');
    expect(misuse.json().error.message).toContain('Idempotency-Key');
    expect(await snapshot(t.db)).toBe(before);
  });

  it('of two desks checking in the same person at once, one wins and the other gets a clear 409', async () => {
    const responses = await Promise.all([
      checkIn({ personId: people.racer, desk: 'A' }, newId()),
      checkIn({ personId: people.racer, desk: 'B' }, newId()),
    ]);
    const statuses = responses.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([201, 409]);
    const won = body(responses.find((r) => r.statusCode === 201)!);
    const lost = responses.find((r) => r.statusCode === 409)!;
    expectError(lost, 409, 'conflict');
    expect(lost.json().error.message).toContain(`(desk ${won.desk})`);
    expect(await count('check_in WHERE person_id = $1', [people.racer])).toBe(1);
    expect(
      await count(`operation WHERE entity = 'check_in' AND after->>'personId' = $1`, [people.racer]),
    ).toBe(1);
  });

  it('sends the same request twice at once with one key: one check-in, both answered with it', async () => {
    const key = newId();
    const [a, b] = await Promise.all([
      checkIn({ personId: people.other }, key),
      checkIn({ personId: people.other }, key),
    ]);
    expect([a.statusCode, b.statusCode], `${a.body} ${b.body}`).toEqual([201, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(await count('check_in WHERE person_id = $1', [people.other])).toBe(1);
  });

  it('checks in by the text of a QR code, as scanned; a misread code is refused naming qr', async () => {
    const made = await checkIn({ qr: personCode(people.scanned!) }, newId());
    expect(made.statusCode, made.body).toBe(201);
    expect(body(made)).toMatchObject({ personId: people.scanned, method: 'qr' });

    const before = await snapshot(t.db);
    const code = personCode(people.father!);
    const misread = await checkIn({ qr: `${code.slice(0, -1)}${code.endsWith('0') ? '1' : '0'}` }, newId());
    expectError(misread, 400, 'validation_failed');
    expect(misread.json().error.message).toMatch(/^qr: .*check digits/);
    const both = await checkIn({ qr: code, personId: people.father }, newId());
    expectError(both, 400, 'validation_failed');
    expect(both.json().error.message).toContain('exactly one');
    expect(await snapshot(t.db)).toBe(before);
  });

  it('raises an alert for a child whose mother has not arrived, and none for a boy whose father has', async () => {
    const alone = body(await checkIn({ personId: people.daughter }, newId()));
    expect(alone.alerts.map((a) => a.kind).sort()).toEqual([
      'arrived_not_on_manifest',
      'unaccompanied_child_arrived',
    ]);
    const [, childAlert] = await alertsOf(people.daughter!);
    expect(childAlert!.details).toMatchObject({
      guardians: [{ personId: people.mother, relation: 'mother', status: 'sheltering' }],
    });

    await checkIn({ personId: people.father }, newId());
    const son = body(await checkIn({ personId: people.son }, newId()));
    expect(son.alerts.map((a) => a.kind)).toEqual(['arrived_not_on_manifest']);
  });

  it('refuses a registration merged into another, naming the one to check in; the search shows only that one', async () => {
    await register('twiceRegistered', { names: [{ script: 'Cyrl', family: 'Гончаренко', given: 'Василь' }] });
    await register('duplicate', { names: [{ script: 'Latn', family: 'Honcharenko', given: 'Vasyl' }] });
    await call(
      t,
      'coordinator',
      'POST',
      '/api/merges',
      { survivorId: people.twiceRegistered, absorbedId: people.duplicate, reason: 'same man, two desks' },
      201,
    );
    const before = await snapshot(t.db);
    const refused = await checkIn({ qr: personCode(people.duplicate!) }, newId());
    expectError(refused, 409, 'conflict');
    expect(refused.json().error.message).toContain(`merged into ${people.twiceRegistered}`);
    expect(await snapshot(t.db)).toBe(before);
    const found = await call<{ items: Array<{ person: { id: string } }> }>(
      t,
      'reception',
      'GET',
      `/api/sites/${siteId}/reception/search?q=Honcharenko%20Vasyl`,
      undefined,
      200,
    );
    expect(found.items.map((i) => i.person.id)).toEqual([people.twiceRegistered]);
  });

  it('refuses to check in someone deceased, an unknown person, or at a point that is not a reception point', async () => {
    const before = await snapshot(t.db);
    const deceased = await checkIn({ personId: people.deceased }, newId());
    expectError(deceased, 409, 'illegal_transition');
    expect(deceased.json().error.message).toContain('deceased');
    const unknown = await checkIn({ personId: newId() });
    expectError(unknown, 422, 'unknown_reference');
    expect(unknown.json().error.message).toContain('personId');
    const nowhere = await checkIn({ personId: people.mother, receptionPointId: newId() });
    expectError(nowhere, 422, 'unknown_reference');
    expect(nowhere.json().error.message).toContain('receptionPointId');
    expect(await snapshot(t.db)).toBe(before);
  });
});

describe(`the reception desk's search (${backendName})`, () => {
  interface Found {
    items: Array<{
      person: { id: string };
      score: number;
      why: string;
      checkedIn: { receptionPointName: string } | null;
    }>;
  }
  const find = (q: string) =>
    call<Found>(
      t,
      'reception',
      'GET',
      `/api/sites/${siteId}/reception/search?q=${encodeURIComponent(q)}`,
      undefined,
      200,
    );

  it('finds a name registered in Cyrillic from its Latin spelling, and a Russian variant', async () => {
    const latin = await find('Kovalenko Olena');
    expect(latin.items[0]!.person.id).toBe(people.mother);
    expect(latin.items[0]!.why).toContain('Коваленко');
    const russian = await find('Коваленко Елена');
    expect(russian.items.map((i) => i.person.id)).toContain(people.mother);
  });

  it('finds a person by id or by QR code, and says where they were checked in', async () => {
    const byId = await find(people.walker!);
    expect(byId.items).toHaveLength(1);
    expect(byId.items[0]).toMatchObject({
      person: { id: people.walker },
      score: 1,
      checkedIn: { receptionPointName: 'Zaporizhzhia reception centre' },
    });
    const byCode = await find(personCode(people.mother!));
    expect(byCode.items.map((i) => i.person.id)).toEqual([people.mother]);
    expect(byCode.items[0]!.checkedIn).toBeNull();
  });

  it('finds someone no convoy expected by the name as typed', async () => {
    const found = await find('Tkachenko');
    expect(found.items.map((i) => i.person.id)).toEqual(
      expect.arrayContaining([people.walker, people.twice]),
    );
  });
});

describe(`alerts (${backendName})`, () => {
  interface Page {
    items: Array<{ id: string; kind: string; person: { id: string }; resolvedAt: string | null }>;
    total: number;
    open: number;
  }

  it('lists open alerts with the person, and resolves one only with a reason, once', async () => {
    const page = await call<Page>(t, 'coordinator', 'GET', `/api/sites/${siteId}/alerts`, undefined, 200);
    expect(page.open).toBe(page.total);
    const child = page.items.find((a) => a.kind === 'unaccompanied_child_arrived')!;
    expect(child.person.id).toBe(people.daughter);

    const url = `/api/alerts/${child.id}/resolve`;
    const before = await snapshot(t.db);
    const terse = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as('coordinator'),
      payload: { resolution: '  ' },
    });
    expectError(terse, 400, 'validation_failed');
    const asReception = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as('reception'),
      payload: { resolution: 'mother found' },
    });
    expectError(asReception, 403, 'forbidden');
    expect(await snapshot(t.db)).toBe(before);

    const resolved = await call<{ resolvedAt: string; resolution: string; resolvedBy: string }>(
      t,
      'coordinator',
      'POST',
      url,
      { resolution: 'mother arrived on the next bus; reunited at desk 2' },
      200,
    );
    expect(resolved).toMatchObject({ resolvedBy: 'coordinator-user' });
    const again = await t.app.inject({
      method: 'POST',
      url,
      headers: t.as('coordinator'),
      payload: { resolution: 'twice' },
    });
    expectError(again, 409, 'conflict');
    expect(again.json().error.message).toContain('mother arrived on the next bus');

    const open = await call<Page>(t, 'reception', 'GET', `/api/sites/${siteId}/alerts`, undefined, 200);
    expect(open.items.map((a) => a.id)).not.toContain(child.id);
    expect(open.open).toBe(page.open - 1);
    const all = await call<Page>(
      t,
      'reception',
      'GET',
      `/api/sites/${siteId}/alerts?state=resolved`,
      undefined,
      200,
    );
    expect(all.items.map((a) => a.id)).toEqual([child.id]);
  });

  it('shows in the reconciliation who arrived off every manifest, and the child alone with her mother still sheltering', async () => {
    const report = await call<{
      counts: Record<string, number>;
      arrivedNotOnManifest: Array<{ person: { id: string } }>;
      unaccompaniedChildren: Array<{
        person: { id: string };
        adults: Array<{ personId: string; status: string }>;
      }>;
    }>(t, 'reception', 'GET', `/api/sites/${siteId}/reconciliation`, undefined, 200);
    const checkedIn = await count('check_in');
    expect(report.counts.checkedIn).toBe(checkedIn);
    expect(report.arrivedNotOnManifest).toHaveLength(checkedIn);
    expect(report.unaccompaniedChildren).toEqual([
      expect.objectContaining({
        person: expect.objectContaining({ id: people.daughter }),
        adults: [expect.objectContaining({ personId: people.mother, status: 'sheltering' })],
      }),
    ]);
  });
});
