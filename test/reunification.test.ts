import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName } from './support/database.ts';
import { call, type Fixtures, seedSite } from './support/fixtures.ts';
import { expectError } from './support/http.ts';
import { seedTracing, type TracingFixtures } from './support/tracing-fixtures.ts';

interface Case {
  id: string;
  childId: string;
  kind: string;
  status: string;
  openedBy: string;
  handover: { verificationId: string; recordedBy: string; place: string | null } | null;
  verifications: Array<{ id: string; name: string; verifiedBy: string; method: string }>;
  child: { id: string; names: Array<{ family: string }> };
}

let t: TestApp;
let f: Fixtures;
let x: TracingFixtures;

beforeAll(async () => {
  t = await openTestApp();
  f = await seedSite(t);
  x = await seedTracing(t, f);
}, 300_000);
afterAll(() => t.close());

const casesOf = async (role: 'coordinator' | 'reception' = 'coordinator') =>
  (await call<{ items: Case[] }>(t, role, 'GET', `/api/sites/${f.siteId}/child-cases`, undefined, 200)).items;

describe(`children's cases (${backendName})`, () => {
  it('a child registered unaccompanied has a case, opened by itself, until the hand-over', async () => {
    const [found] = (await casesOf()).filter((c) => c.childId === x.unaccompaniedId);
    expect(found).toMatchObject({ kind: 'unaccompanied', status: 'open', openedBy: 'system' });
    expect(found!.child.names[0]!.family).toBe('Бойко');
    // The child of the fixtures has his mother: no case.
    expect((await casesOf()).map((c) => c.childId)).not.toContain(f.childId);
    // Reception desks see the cases, so no child leaves with an adult nobody verified.
    expect((await casesOf('reception')).map((c) => c.id)).toContain(x.caseId);
  });

  it('a separated child registered later gets a case too, at the next read', async () => {
    const girl = await call<{ id: string }>(
      t,
      'field',
      'POST',
      '/api/people',
      {
        siteId: f.siteId,
        names: [{ family: 'Савченко', given: 'Дарина' }],
        sex: 'female',
        ageBand: '12-17',
        vulnerabilities: ['separated_child'],
      },
      201,
    );
    const found = (await casesOf()).find((c) => c.childId === girl.id);
    expect(found).toMatchObject({ kind: 'separated', status: 'open' });
    // Reading again opens nothing more.
    expect((await casesOf()).filter((c) => c.childId === girl.id)).toHaveLength(1);
  });

  it('a hand-over needs a verification of this case; it records who verified and who handed over', async () => {
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/child-cases/${x.caseId}/handover`,
      headers: t.as('reception'),
      payload: { verificationId: x.caseId },
    });
    expectError(refused, 422, 'unknown_reference');
    const handed = await call<Case>(
      t,
      'reception',
      'POST',
      `/api/child-cases/${x.caseId}/handover`,
      { verificationId: x.verificationId, place: 'Zaporizhzhia reception centre' },
      200,
    );
    expect(handed.status).toBe('handed_over');
    expect(handed.handover).toMatchObject({
      verificationId: x.verificationId,
      recordedBy: 'reception-user',
      place: 'Zaporizhzhia reception centre',
    });
    expect(handed.verifications[0]).toMatchObject({ name: 'Бойко Лариса', verifiedBy: 'coordinator-user' });
    // The case is over: nothing more can be added, and it is not opened again by itself.
    expectError(
      await t.app.inject({
        method: 'POST',
        url: `/api/child-cases/${x.caseId}/handover`,
        headers: t.as('coordinator'),
        payload: { verificationId: x.verificationId },
      }),
      409,
      'illegal_transition',
    );
    expect((await casesOf()).filter((c) => c.childId === x.unaccompaniedId).map((c) => c.status)).toEqual([
      'handed_over',
    ]);
    const history = await call<{ items: Array<{ action: string; actor: string }> }>(
      t,
      'coordinator',
      'GET',
      `/api/operations?entity=child_case&entityId=${x.caseId}`,
      undefined,
      200,
    );
    expect(history.items.map((op) => [op.action, op.actor])).toEqual([
      ['open', 'system'],
      ['verify', 'coordinator-user'],
      ['hand_over', 'reception-user'],
    ]);
    // The history shows the verified adult, but the log stores them sealed.
    expect(history.items[1]).toMatchObject({ after: { name: 'Бойко Лариса', contact: '+380 66 765 43 21' } });
    const { rows: stored } = await t.db.query<{ after: string }>(
      "SELECT after::text AS after FROM operation WHERE entity = 'child_case' AND action = 'verify'",
    );
    expect(stored.length).toBeGreaterThan(0);
    for (const { after } of stored)
      for (const clear of ['Бойко', 'Лариса', '765 43 21', 'passport seen'])
        expect(after).not.toContain(clear);
  });

  it('reception records hand-overs but does not verify adults, open or close cases; field teams see no case', async () => {
    const open = await call<Case>(
      t,
      'coordinator',
      'POST',
      '/api/child-cases',
      { childId: f.childId, kind: 'separated', note: 'mother taken off the bus at the screening point' },
      201,
    );
    for (const [url, payload] of [
      [
        `/api/child-cases/${open.id}/verifications`,
        { name: 'X', relation: 'uncle', method: 'other', evidence: 'said so' },
      ],
      [`/api/child-cases/${open.id}/close`, { reason: 'opened in error' }],
      ['/api/child-cases', { childId: f.personId, kind: 'separated' }],
    ] as const)
      expectError(
        await t.app.inject({ method: 'POST', url, headers: t.as('reception'), payload }),
        403,
        'forbidden',
      );
    for (const role of ['field', 'observer'] as const) {
      const response = await t.app.inject({
        method: 'GET',
        url: `/api/sites/${f.siteId}/child-cases`,
        headers: t.as(role),
      });
      expectError(response, 403, 'forbidden');
      expect(response.body).not.toContain('Бойко');
    }
    expectError(
      await t.app.inject({
        method: 'POST',
        url: '/api/child-cases',
        headers: t.as('coordinator'),
        payload: { childId: f.childId, kind: 'separated' },
      }),
      409,
      'conflict',
    );
    const closed = await call<Case>(
      t,
      'coordinator',
      'POST',
      `/api/child-cases/${open.id}/close`,
      { reason: 'mother released and back with him' },
      200,
    );
    expect(closed.status).toBe('closed');
  });
});
