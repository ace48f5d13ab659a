import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from './support/app.ts';
import { snapshot } from './support/database.ts';

let t: TestApp;
let siteId: string;
let moscow: string;
let kyiv: string;
let icrc: string;
let sourceId: string;

async function post(url: string, payload: object, role: 'coordinator' | 'field' = 'coordinator') {
  const response = await t.app.inject({ method: 'POST', url, headers: t.as(role), payload });
  return { status: response.statusCode, body: response.json() };
}

async function pause(overrides: Record<string, unknown> = {}) {
  const created = await post('/api/pauses', {
    siteId,
    name: 'Evacuation pause',
    kind: 'humanitarian_pause',
    announcedBy: moscow,
    announcedAt: '2022-05-04T12:00:00Z',
    announcementSourceId: sourceId,
    announcedZone: 'Europe/Moscow',
    announcedStart: '2022-05-05T08:00',
    announcedEnd: '2022-05-05T18:00',
    ...overrides,
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

const stateAt = async (id: string, at: string) =>
  (
    await t.app.inject({
      method: 'GET',
      url: `/api/pauses/${id}?at=${encodeURIComponent(at)}`,
      headers: t.as('coordinator'),
    })
  ).json();

beforeAll(async () => {
  t = await openTestApp();
  siteId = (await post('/api/sites', { name: 'Azovstal', timeZone: 'Europe/Kyiv' })).body.id;
  moscow = (
    await post('/api/parties', { name: 'Russian Federation Ministry of Defence', kind: 'armed_force' })
  ).body.id;
  kyiv = (await post('/api/parties', { name: 'Government of Ukraine', kind: 'government' })).body.id;
  icrc = (await post('/api/parties', { name: 'ICRC', kind: 'humanitarian_organisation' })).body.id;
  sourceId = (await post('/api/sources', { kind: 'statement', title: 'Announcement', partyId: moscow })).body
    .id;
});
afterAll(() => t.close());

describe('pause windows', () => {
  it('keeps the window as announced in the announcer’s zone and shows it in UTC and the site’s zone', async () => {
    const p = await pause();
    expect(p.times.announced).toEqual({
      start: '2022-05-05T08:00',
      end: '2022-05-05T18:00',
      zone: 'Europe/Moscow',
    });
    expect(p.times.utc).toEqual({ start: '2022-05-05T05:00:00.000Z', end: '2022-05-05T15:00:00.000Z' });
    expect(p.times.siteZone.start).toEqual({
      local: '2022-05-05T08:00',
      zone: 'Europe/Kyiv',
      offset: '+03:00',
    });
  });

  it('follows a daylight-saving change: announced in Moscow (no DST), observed in Kyiv (DST)', async () => {
    const before = await pause({
      announcedStart: '2022-03-26T08:00',
      announcedEnd: '2022-03-26T18:00',
      announcedAt: '2022-03-25T10:00:00Z',
    });
    const after = await pause({
      announcedStart: '2022-03-28T08:00',
      announcedEnd: '2022-03-28T18:00',
      announcedAt: '2022-03-25T10:00:00Z',
    });
    expect(before.times.siteZone.start.local).toBe('2022-03-26T07:00');
    expect(before.times.siteZone.start.offset).toBe('+02:00');
    expect(after.times.siteZone.start.local).toBe('2022-03-28T08:00');
    // The state follows the instants, not the wall clocks: at 07:30 Kyiv on the 26th the window is not over.
    const early = await stateAt(before.id, '2022-03-26T05:30:00Z');
    expect(early.derived.state).toBe('announced_unilaterally');
    const ended = await stateAt(before.id, '2022-03-26T15:00:00Z');
    expect(ended.derived.state).toBe('ended');
  });

  it('is announced by one party only until another accepts, then agreed, and rejection keeps it unilateral', async () => {
    const p = await pause();
    expect((await stateAt(p.id, '2022-05-04T13:00:00Z')).derived.state).toBe('announced_unilaterally');
    const accepted = await t.app.inject({
      method: 'PUT',
      url: `/api/pauses/${p.id}/acceptances/${icrc}`,
      headers: t.as('coordinator'),
      payload: { answer: 'accepted', answeredAt: '2022-05-04T14:00:00Z' },
    });
    expect(accepted.statusCode).toBe(200);
    expect((await stateAt(p.id, '2022-05-04T15:00:00Z')).derived.state).toBe('agreed');
    // Before the acceptance was given, the window was still unilateral.
    expect((await stateAt(p.id, '2022-05-04T13:30:00Z')).derived.state).toBe('announced_unilaterally');
    await t.app.inject({
      method: 'PUT',
      url: `/api/pauses/${p.id}/acceptances/${kyiv}`,
      headers: t.as('coordinator'),
      payload: { answer: 'rejected', answeredAt: '2022-05-04T16:00:00Z', sourceId },
    });
    const view = await stateAt(p.id, '2022-05-04T17:00:00Z');
    expect(view.derived.state).toBe('announced_unilaterally');
    expect(view.derived.acceptedBy.sort()).toEqual([moscow, icrc].sort());
    expect(view.derived.rejectedBy).toEqual([kyiv]);
  });

  it('starts late: due 06:00, observed at 11:00, active from then, with the delay given', async () => {
    const p = await pause({ announcedStart: '2022-05-06T06:00', announcedEnd: '2022-05-06T18:00' });
    await t.app.inject({
      method: 'PUT',
      url: `/api/pauses/${p.id}/acceptances/${kyiv}`,
      headers: t.as('coordinator'),
      payload: { answer: 'accepted', answeredAt: '2022-05-05T20:00:00Z' },
    });
    expect((await stateAt(p.id, '2022-05-06T04:00:00Z')).derived.state).toBe('agreed');
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/pauses/${p.id}`,
      headers: t.as('coordinator'),
      payload: { effectiveStart: '2022-05-06T08:00:00Z' },
    });
    expect(patched.statusCode).toBe(200);
    const due = await stateAt(p.id, '2022-05-06T05:00:00Z');
    expect(due.derived.state).toBe('agreed');
    const active = await stateAt(p.id, '2022-05-06T09:00:00Z');
    expect(active.derived.state).toBe('active');
    expect(active.derived.lateStartMinutes).toBe(300);
  });

  it('is violated when a breaching incident is linked inside it, and suspended while a suspension stands', async () => {
    const p = await pause({ announcedStart: '2022-05-07T08:00', announcedEnd: '2022-05-07T18:00' });
    await t.app.inject({
      method: 'PATCH',
      url: `/api/pauses/${p.id}`,
      headers: t.as('coordinator'),
      payload: {
        effectiveStart: '2022-05-07T05:00:00Z',
        suspendedAt: '2022-05-07T07:00:00Z',
        resumedAt: '2022-05-07T08:00:00Z',
      },
    });
    expect((await stateAt(p.id, '2022-05-07T07:30:00Z')).derived.state).toBe('suspended');
    expect((await stateAt(p.id, '2022-05-07T08:30:00Z')).derived.state).toBe('active');
    const incident = await post('/api/incidents', {
      siteId,
      occurredAt: '2022-05-07T09:00:00Z',
      type: 'shelling',
      placeKind: 'site',
      pauseWindowId: p.id,
      summary: 'Shelling reported near the plant',
    });
    expect(incident.status).toBe(201);
    expect((await stateAt(p.id, '2022-05-07T08:45:00Z')).derived.state).toBe('active');
    expect((await stateAt(p.id, '2022-05-07T09:30:00Z')).derived.state).toBe('violated');
  });
});

describe('claims', () => {
  it('keeps an accusation and a denial as two claims on one incident, neither changing the other', async () => {
    const incident = await post('/api/incidents', {
      siteId,
      occurredAt: '2022-05-05T10:00:00Z',
      type: 'breach_of_pause',
      placeKind: 'site',
      summary: 'Alleged breach of the pause',
    });
    const accuse = await post('/api/claims', {
      siteId,
      subject: 'incident',
      incidentId: incident.body.id,
      partyId: kyiv,
      sourceId,
      stance: 'asserts',
      words: 'The pause was violated',
      statedAt: '2022-05-05T12:00:00Z',
    });
    const deny = await post('/api/claims', {
      siteId,
      subject: 'incident',
      incidentId: incident.body.id,
      partyId: moscow,
      sourceId,
      stance: 'denies',
      words: 'The pause was respected',
      statedAt: '2022-05-05T13:00:00Z',
    });
    expect(accuse.status).toBe(201);
    expect(deny.status).toBe(201);
    const verified = await t.app.inject({
      method: 'POST',
      url: `/api/claims/${deny.body.id}/verification`,
      headers: t.as('coordinator'),
      payload: { status: 'disputed', reason: 'Contradicted by field reports' },
    });
    expect(verified.statusCode).toBe(200);
    const view = (
      await t.app.inject({
        method: 'GET',
        url: `/api/incidents/${incident.body.id}`,
        headers: t.as('coordinator'),
      })
    ).json();
    expect(
      view.claims.map((c: { stance: string; verification: string }) => [c.stance, c.verification]),
    ).toEqual([
      ['asserts', 'unverified'],
      ['denies', 'disputed'],
    ]);
    const history = (
      await t.app.inject({ method: 'GET', url: `/api/claims/${deny.body.id}`, headers: t.as('coordinator') })
    ).json().history;
    expect(history).toMatchObject([
      {
        from: 'unverified',
        to: 'disputed',
        reason: 'Contradicted by field reports',
        actor: 'coordinator-user',
      },
    ]);
  });

  it('lets only a coordinator change verification', async () => {
    const claim = await post(
      '/api/claims',
      {
        siteId,
        subject: 'situation',
        sourceId,
        stance: 'asserts',
        words: 'Heavy fighting around the plant',
        statedAt: '2022-05-06T08:00:00Z',
      },
      'field',
    );
    expect(claim.status).toBe(201);
    const refused = await t.app.inject({
      method: 'POST',
      url: `/api/claims/${claim.body.id}/verification`,
      headers: t.as('field'),
      payload: { status: 'verified', reason: 'seen' },
    });
    expect(refused.statusCode).toBe(403);
  });

  it('stands reported figures beside the registry’s own count', async () => {
    await post('/api/claims', {
      siteId,
      subject: 'figure',
      partyId: kyiv,
      sourceId,
      stance: 'asserts',
      words: '127 arrived',
      statedAt: '2022-05-08T10:00:00Z',
      figure: { metric: 'arrived', value: 127 },
    });
    await post('/api/claims', {
      siteId,
      subject: 'figure',
      partyId: moscow,
      sourceId,
      stance: 'asserts',
      words: '156 arrived',
      statedAt: '2022-05-08T11:00:00Z',
      figure: { metric: 'arrived', value: 156 },
    });
    const figures = (
      await t.app.inject({ method: 'GET', url: `/api/sites/${siteId}/figures`, headers: t.as('coordinator') })
    ).json();
    const arrived = figures.items.find((f: { metric: string }) => f.metric === 'arrived');
    expect(arrived.registry).toBe(0);
    expect(arrived.reported.map((r: { value: number; partyId: string }) => [r.value, r.partyId])).toEqual([
      [127, kyiv],
      [156, moscow],
    ]);
  });

  it('gives one timeline, filterable by party, kind and verification', async () => {
    const all = (
      await t.app.inject({
        method: 'GET',
        url: `/api/sites/${siteId}/timeline`,
        headers: t.as('coordinator'),
      })
    ).json().items;
    const times = all.map((e: { at: string }) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(new Set(all.map((e: { kind: string }) => e.kind))).toEqual(
      new Set([
        'pause_announced',
        'pause_acceptance',
        'pause_started',
        'pause_suspended',
        'pause_resumed',
        'incident',
        'claim',
      ]),
    );
    const disputed = (
      await t.app.inject({
        method: 'GET',
        url: `/api/sites/${siteId}/timeline?verification=disputed`,
        headers: t.as('coordinator'),
      })
    ).json().items;
    expect(disputed).toHaveLength(1);
    const byKyiv = (
      await t.app.inject({
        method: 'GET',
        url: `/api/sites/${siteId}/timeline?partyId=${kyiv}&kind=claim`,
        headers: t.as('coordinator'),
      })
    ).json().items;
    expect(
      byKyiv.every((e: { partyId: string; kind: string }) => e.partyId === kyiv && e.kind === 'claim'),
    ).toBe(true);
    expect(byKyiv.length).toBe(2);
  });
});

describe('bad input changes nothing', () => {
  const cases: Array<
    [
      string,
      () => Promise<{ method: 'POST' | 'PATCH' | 'PUT'; url: string; payload: object }>,
      number,
      RegExp,
    ]
  > = [
    [
      'a window that ends before it starts',
      async () => ({
        method: 'POST',
        url: '/api/pauses',
        payload: {
          siteId,
          name: 'x',
          kind: 'ceasefire',
          announcedBy: moscow,
          announcedAt: '2022-05-04T12:00:00Z',
          announcedZone: 'Europe/Moscow',
          announcedStart: '2022-05-05T18:00',
          announcedEnd: '2022-05-05T08:00',
        },
      }),
      400,
      /announcedEnd/,
    ],
    [
      'an unknown announcing party',
      async () => ({
        method: 'POST',
        url: '/api/pauses',
        payload: {
          siteId,
          name: 'x',
          kind: 'ceasefire',
          announcedBy: '0190a000-0000-7000-8000-000000000000',
          announcedAt: '2022-05-04T12:00:00Z',
          announcedZone: 'Europe/Moscow',
          announcedStart: '2022-05-05T08:00',
          announcedEnd: '2022-05-05T18:00',
        },
      }),
      422,
      /announcedBy/,
    ],
    [
      'an invalid time zone',
      async () => ({
        method: 'POST',
        url: '/api/pauses',
        payload: {
          siteId,
          name: 'x',
          kind: 'ceasefire',
          announcedBy: moscow,
          announcedAt: '2022-05-04T12:00:00Z',
          announcedZone: 'Moscow Time',
          announcedStart: '2022-05-05T08:00',
          announcedEnd: '2022-05-05T18:00',
        },
      }),
      400,
      /announcedZone/,
    ],
    [
      'a claim about a missing incident',
      async () => ({
        method: 'POST',
        url: '/api/claims',
        payload: {
          siteId,
          subject: 'incident',
          incidentId: '0190a000-0000-7000-8000-000000000001',
          sourceId,
          stance: 'asserts',
          words: 'x',
          statedAt: '2022-05-05T12:00:00Z',
        },
      }),
      422,
      /incidentId/,
    ],
    [
      'a verification change without a reason',
      async () => {
        const claim = (
          await t.app.inject({
            method: 'GET',
            url: `/api/sites/${siteId}/claims`,
            headers: t.as('coordinator'),
          })
        ).json().items[0];
        return {
          method: 'POST',
          url: `/api/claims/${claim.id}/verification`,
          payload: { status: 'verified' },
        };
      },
      400,
      /reason/,
    ],
    [
      'a blank reason',
      async () => {
        const claim = (
          await t.app.inject({
            method: 'GET',
            url: `/api/sites/${siteId}/claims`,
            headers: t.as('coordinator'),
          })
        ).json().items[0];
        return {
          method: 'POST',
          url: `/api/claims/${claim.id}/verification`,
          payload: { status: 'verified', reason: '     ' },
        };
      },
      400,
      /reason/,
    ],
    [
      'an observed end before the observed start',
      async () => {
        const p = (
          await t.app.inject({
            method: 'GET',
            url: `/api/sites/${siteId}/pauses`,
            headers: t.as('coordinator'),
          })
        ).json().items[0];
        return {
          method: 'PATCH',
          url: `/api/pauses/${p.id}`,
          payload: { effectiveStart: '2022-05-05T10:00:00Z', effectiveEnd: '2022-05-05T09:00:00Z' },
        };
      },
      400,
      /effectiveEnd/,
    ],
    [
      'an acceptance from an unknown party',
      async () => {
        const p = (
          await t.app.inject({
            method: 'GET',
            url: `/api/sites/${siteId}/pauses`,
            headers: t.as('coordinator'),
          })
        ).json().items[0];
        return {
          method: 'PUT',
          url: `/api/pauses/${p.id}/acceptances/0190a000-0000-7000-8000-000000000002`,
          payload: { answer: 'accepted' },
        };
      },
      422,
      /partyId/,
    ],
    [
      'a time skipped by a clock change',
      async () => ({
        method: 'POST',
        url: '/api/pauses',
        payload: {
          siteId,
          name: 'x',
          kind: 'ceasefire',
          announcedBy: kyiv,
          announcedAt: '2022-03-20T12:00:00Z',
          announcedZone: 'Europe/Kyiv',
          announcedStart: '2022-03-27T03:30',
          announcedEnd: '2022-03-27T18:00',
        },
      }),
      400,
      /does not exist/,
    ],
  ];

  for (const [name, request, status, message] of cases)
    it(`refuses ${name}`, async () => {
      const req = await request();
      const before = await snapshot(t.db);
      const response = await t.app.inject({ ...req, headers: t.as('coordinator') });
      expect(response.statusCode, response.body).toBe(status);
      expect(response.json().error.message).toMatch(message);
      expect(await snapshot(t.db)).toBe(before);
    });
});

describe('in the site file', () => {
  it('exports parties, sources, windows, incidents and claims, and imports them back unchanged', async () => {
    const { exportSiteFileText } = await import('../src/scenario/export.ts');
    const { importSiteFile } = await import('../src/scenario/import.ts');
    const { openTestDatabase } = await import('./support/database.ts');
    const { systemActor } = await import('../src/store/repos/operations.ts');
    const text = await exportSiteFileText(t.db, siteId);
    const file = JSON.parse(text);
    expect(file.pauses.length).toBeGreaterThan(0);
    expect(file.claims.some((c: { verificationHistory?: unknown[] }) => c.verificationHistory?.length)).toBe(
      true,
    );
    const fresh = await openTestDatabase();
    try {
      const first = await importSiteFile(fresh.db, systemActor, file);
      expect(first.created.claim).toBe(file.claims.length);
      expect(await exportSiteFileText(fresh.db, siteId)).toBe(text);
      const again = await importSiteFile(fresh.db, systemActor, file);
      expect(Object.values(again.created).every((n) => n === 0)).toBe(true);
      expect(Object.values(again.updated).every((n) => n === 0)).toBe(true);
      // The derived state is the same on both sides, since it is computed from the same data.
      const [original] = await (await import('../src/services/pauses.ts')).pauseViews(
        t.db,
        siteId,
        new Date('2022-05-07T09:30:00Z'),
      );
      const [copy] = await (await import('../src/services/pauses.ts')).pauseViews(
        fresh.db,
        siteId,
        new Date('2022-05-07T09:30:00Z'),
      );
      expect(copy?.derived).toEqual(original?.derived);
    } finally {
      await fresh.close();
    }
  });

  it('refuses a window whose announcer is not in the file, and a claim about an incident that is not', async () => {
    const { exportSiteFileText } = await import('../src/scenario/export.ts');
    const { checkSiteFile } = await import('../src/scenario/check.ts');
    const file = JSON.parse(await exportSiteFileText(t.db, siteId));
    file.pauses[0].announcedBy = '0190a000-0000-7000-8000-00000000aaaa';
    const claim = file.claims.findIndex((c: { subject: string }) => c.subject === 'incident');
    file.claims[claim].incidentId = '0190a000-0000-7000-8000-00000000bbbb';
    try {
      checkSiteFile(file);
      expect.unreachable();
    } catch (error) {
      const problems = (error as { details: { problems: Array<{ path: string }> } }).details.problems.map(
        (p) => p.path,
      );
      expect(problems).toContain('$.pauses[0].announcedBy');
      expect(problems).toContain(`$.claims[${claim}].incidentId`);
    }
  });
});
