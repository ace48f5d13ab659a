import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import { loadAzovstal } from '../src/scenario/azovstal.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName, snapshot } from './support/database.ts';
import { call } from './support/fixtures.ts';
import { expectError } from './support/http.ts';
import { type CrewView, hoursAfter, type PlanView, type ResultView } from './support/rescue-views.ts';

// Rescue by hand on the Azovstal scenario, through the API as the coordination cell and the field
// teams use it: plan, accept, report progress, see the estimates move; a collapse reported on a
// passage counts in the next re-plan; bad input changes nothing. Times are given explicitly
// (the scenario's morning of 6 May 2022), so nothing depends on the clock.

const T0 = '2022-05-06T06:00:00.000Z';

interface Graph {
  points: Array<{ id: string; kind: string; code: string }>;
  passages: Array<{
    id: string;
    from: string;
    to: string;
    state: string;
    clearancePersonHours: number | null;
    stateReportedBy?: string | null;
  }>;
}

let t: TestApp;
let siteId: string;
let crews: CrewView[];

beforeAll(async () => {
  t = await openTestApp();
  siteId = (await loadAzovstal(t.db, systemActor)).siteId;
  crews = (await call<{ items: CrewView[] }>(t, 'field', 'GET', `/api/sites/${siteId}/crews`, undefined, 200))
    .items;
}, 300_000);
afterAll(() => t.close());

const graph = () => call<Graph>(t, 'coordinator', 'GET', `/api/sites/${siteId}`, undefined, 200);
const getPlan = (id: string) => call<PlanView>(t, 'field', 'GET', `/api/rescue-plans/${id}`, undefined, 200);
const passageState = async (id: string) => (await graph()).passages.find((p) => p.id === id)!;

/** The points an exit can be reached from through passages in the given states. */
function reachable(g: Graph, states: ReadonlySet<string>): Set<string> {
  const next = new Map<string, string[]>();
  for (const p of g.passages.filter((p) => states.has(p.state))) {
    next.set(p.from, [...(next.get(p.from) ?? []), p.to]);
    next.set(p.to, [...(next.get(p.to) ?? []), p.from]);
  }
  const seen = new Set(g.points.filter((p) => p.kind === 'exit').map((p) => p.id));
  const queue = [...seen];
  for (let id = queue.shift(); id !== undefined; id = queue.shift())
    for (const other of next.get(id) ?? [])
      if (!seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
  return seen;
}

/** Every crew works one passage at a time, in order, never before the answer's own time. */
function expectConsistentSchedule(view: ResultView): void {
  const toClear = new Set(view.passagesToClear.map((p) => p.passageId));
  const assigned = view.crews.flatMap((c) => c.tasks.map((task) => task.passageId));
  expect([...assigned].sort()).toEqual([...toClear].sort());
  for (const crew of view.crews)
    crew.tasks.forEach((task, i) => {
      expect(task.startAt >= view.at, `${crew.name} ${task.code}`).toBe(true);
      expect(task.endAt >= task.startAt).toBe(true);
      const next = crew.tasks[i + 1];
      if (next) expect(next.departAt >= task.endAt, `${crew.name} works one passage at a time`).toBe(true);
    });
  // A shelter is reachable once the last passage on its way out is cleared.
  const clearedAt = new Map(view.crews.flatMap((c) => c.tasks.map((task) => [task.passageId, task.endAt])));
  for (const s of view.shelters.filter((s) => s.reachableAt !== null && s.needs.length > 0))
    expect(s.reachableAt, s.code).toBe(
      s.needs
        .map((n) => clearedAt.get(n.passageId)!)
        .sort()
        .at(-1),
    );
}

describe(`rescue plans on the Azovstal scenario (${backendName})`, () => {
  let first: PlanView;
  let accepted: PlanView;

  it('plans: shelters behind rubble get times, those no clearing can reach get a reason, effort ≥ its bound', async () => {
    first = await call<PlanView>(
      t,
      'coordinator',
      'POST',
      `/api/sites/${siteId}/rescue-plans`,
      { at: T0 },
      201,
    );
    expect(first.status).toBe('draft');
    expect(first.planStart).toBe(T0);
    const r = first.result;
    expect(r.at).toBe(T0);

    const g = await graph();
    const { rows } = await t.db.query<{ shelter_id: string }>(
      'SELECT DISTINCT shelter_id FROM person WHERE site_id = $1',
      [siteId],
    );
    const occupied = new Set(rows.map((row) => row.shelter_id));
    expect(new Set(r.shelters.map((s) => s.id))).toEqual(occupied);
    const open = reachable(g, new Set(['open']));
    const afterClearing = reachable(g, new Set(['open', 'blocked']));
    const behindRubble = r.shelters.filter((s) => !open.has(s.id) && afterClearing.has(s.id));
    const cutOff = r.shelters.filter((s) => !afterClearing.has(s.id));
    expect(behindRubble.length).toBeGreaterThanOrEqual(2);
    expect(cutOff.map((s) => s.code)).toContain('S24');
    for (const s of r.shelters.filter((s) => open.has(s.id))) {
      expect(s.reachableAt, s.code).toBe(T0);
      expect(s.needs).toEqual([]);
    }
    const toClear = new Set(r.passagesToClear.map((p) => p.passageId));
    for (const s of behindRubble) {
      expect(s.reachableAt! > T0, s.code).toBe(true);
      expect(s.reason).toBeNull();
      expect(s.needs.length, s.code).toBeGreaterThan(0);
      for (const need of s.needs) expect(toClear.has(need.passageId), need.code).toBe(true);
    }
    for (const s of cutOff) {
      expect(s.reachableAt).toBeNull();
      expect(s.reason, s.code).toMatch(/^cut off: /);
    }
    expect(cutOff.find((s) => s.code === 'S24')!.reason).toContain('S24-J10 unsafe');

    const blocked = new Map(g.passages.filter((p) => p.state === 'blocked').map((p) => [p.id, p]));
    for (const id of toClear) expect(blocked.has(id)).toBe(true);
    const effort = r.effort;
    expect(effort.personHours).toBeGreaterThanOrEqual(effort.lowerBound);
    expect(effort.personHours).toBeCloseTo(
      r.passagesToClear.reduce((sum, p) => sum + p.personHours, 0),
      6,
    );
    expect(effort.gap).toBeCloseTo((effort.personHours - effort.lowerBound) / effort.personHours, 9);
    expectConsistentSchedule(r);

    expect(await getPlan(first.id)).toEqual(first);
    const list = await call<{ items: Array<{ id: string; status: string }> }>(
      t,
      'field',
      'GET',
      `/api/sites/${siteId}/rescue-plans`,
      undefined,
      200,
    );
    expect(list.items.map((p) => [p.id, p.status])).toEqual([[first.id, 'draft']]);
    const estimates = await call(t, 'field', 'GET', `/api/sites/${siteId}/rescue-estimates`, undefined, 200);
    expect(estimates).toMatchObject({ plan: null, estimate: null });
  });

  it('accepts a plan for the site diagram; accepting a newer one supersedes it', async () => {
    const acceptance = await call<{ plan: PlanView; supersededPlanId: string | null }>(
      t,
      'coordinator',
      'POST',
      `/api/rescue-plans/${first.id}/accept`,
      undefined,
      200,
    );
    expect(acceptance.plan.status).toBe('accepted');
    expect(acceptance.supersededPlanId).toBeNull();
    const estimates = await call<{
      plan: { id: string };
      source: string;
      stale: boolean;
      estimate: ResultView;
    }>(t, 'field', 'GET', `/api/sites/${siteId}/rescue-estimates`, undefined, 200);
    expect(estimates.plan.id).toBe(first.id);
    expect(estimates.source).toBe('plan');
    expect(estimates.stale).toBe(false);
    expect(estimates.estimate.shelters).toEqual(first.result.shelters);

    const second = await call<PlanView>(
      t,
      'coordinator',
      'POST',
      `/api/sites/${siteId}/rescue-plans`,
      { at: T0 },
      201,
    );
    expect(second.basedOn).toBe(first.id);
    const again = await call<{ plan: PlanView; supersededPlanId: string }>(
      t,
      'coordinator',
      'POST',
      `/api/rescue-plans/${second.id}/accept`,
      undefined,
      200,
    );
    expect(again.supersededPlanId).toBe(first.id);
    expect((await getPlan(first.id)).status).toBe('superseded');
    expectError(
      await t.app.inject({
        method: 'POST',
        url: `/api/rescue-plans/${first.id}/accept`,
        headers: t.as('coordinator'),
      }),
      409,
      'conflict',
    );
    accepted = again.plan;
  });

  it('records 40 % then 100 % of a passage: the estimates move, crews stay on their passages, at 100 % the passage is open', async () => {
    const firstTasks = accepted.result.crews.filter((c) => c.tasks.length > 0);
    expect(firstTasks.length).toBeGreaterThanOrEqual(2);
    // Crew a starts on a passage that is all some shelter still waits for; crew b on another.
    const soleNeeds = new Set(
      accepted.result.shelters.flatMap((s) => (s.needs.length === 1 ? [s.needs[0]!.passageId] : [])),
    );
    const a = firstTasks.find((c) => soleNeeds.has(c.tasks[0]!.passageId))!;
    const b = firstTasks.find((c) => c !== a)!;
    expect(a).toBeDefined();
    const p = a.tasks[0]!;
    const q = b.tasks[0]!;
    const report = (crewId: string, passageId: string, percent: number, at: string) =>
      call<{ progress: { percent: number; passageCode: string }; passageOpened: boolean; plan: PlanView }>(
        t,
        'field',
        'POST',
        `/api/rescue-plans/${accepted.id}/progress`,
        { crewId, passageId, percent, at, note: 'reported by radio' },
        201,
      );
    const firstTaskOf = (view: ResultView, crewId: string) =>
      view.crews.find((c) => c.crewId === crewId)!.tasks[0];

    const at1 = hoursAfter(T0, 3);
    const onQ = await report(b.crewId, q.passageId, 40, at1);
    expect(onQ.passageOpened).toBe(false);
    expect(onQ.progress).toMatchObject({ percent: 40, passageCode: q.code });
    const e1 = onQ.plan.estimate!;
    expect(e1.at).toBe(at1);
    expect(firstTaskOf(e1, b.crewId)).toMatchObject({ passageId: q.passageId, percentDoneAtStart: 40 });
    expect((await passageState(q.passageId)).state).toBe('blocked');
    const crewB = await call<CrewView>(t, 'field', 'GET', `/api/crews/${b.crewId}`, undefined, 200);
    expect([q.enterAt.id, q.exitAt.id]).toContain(crewB.positionId);
    expectConsistentSchedule(e1);

    const e2 = (await report(a.crewId, p.passageId, 40, hoursAfter(T0, 4))).plan.estimate!;
    expect(firstTaskOf(e2, a.crewId)).toMatchObject({ passageId: p.passageId, percentDoneAtStart: 40 });
    expect(firstTaskOf(e2, b.crewId)).toMatchObject({ passageId: q.passageId, percentDoneAtStart: 40 });
    const waitingOnP = e2.shelters.filter((s) => s.needs.length === 1 && s.needs[0]!.code === p.code);
    expect(waitingOnP.length).toBeGreaterThan(0);

    const at3 = hoursAfter(T0, 10);
    const done = await report(a.crewId, p.passageId, 100, at3);
    expect(done.passageOpened).toBe(true);
    const opened = await passageState(p.passageId);
    expect(opened.state).toBe('open');
    expect(opened.stateReportedBy).toBe('field-user');
    const operations = await call<{ items: Array<{ action: string; actor: string }> }>(
      t,
      'coordinator',
      'GET',
      `/api/operations?entity=passage&entityId=${p.passageId}`,
      undefined,
      200,
    );
    expect(operations.items.at(-1)).toMatchObject({ action: 'report', actor: 'field-user' });
    const e3 = done.plan.estimate!;
    expect(e3.at).toBe(at3);
    expect(e3.passagesToClear.map((x) => x.passageId)).not.toContain(p.passageId);
    expect(e3.effort.personHours).toBeLessThan(e2.effort.personHours);
    for (const s of waitingOnP) expect(e3.shelters.find((x) => x.id === s.id)!.reachableAt, s.code).toBe(at3);
    // Crew b is still on its passage; crew a stands at the far end of the one it cleared.
    expect(firstTaskOf(e3, b.crewId)).toMatchObject({ passageId: q.passageId, percentDoneAtStart: 40 });
    const crewA = await call<CrewView>(t, 'field', 'GET', `/api/crews/${a.crewId}`, undefined, 200);
    const entry = firstTaskOf(e2, a.crewId)!.enterAt.id;
    expect(crewA.positionId).toBe(opened.from === entry ? opened.to : opened.from);
    expectConsistentSchedule(e3);

    const estimates = await call<{ source: string; stale: boolean; estimate: ResultView }>(
      t,
      'coordinator',
      'GET',
      `/api/sites/${siteId}/rescue-estimates`,
      undefined,
      200,
    );
    expect(estimates).toMatchObject({ source: 'estimate', stale: false });
    expect(estimates.estimate).toEqual(e3);
    expect((await getPlan(accepted.id)).progress.map((r) => r.percent)).toEqual([40, 40, 100]);
    // The plan as accepted does not change; its estimate does.
    expect((await getPlan(accepted.id)).result).toEqual(accepted.result);

    // A new plan keeps the crew on the passage it is clearing, whatever plan it reported under.
    const next = await call<PlanView>(
      t,
      'coordinator',
      'POST',
      `/api/sites/${siteId}/rescue-plans`,
      { at: hoursAfter(T0, 11), timeLimitSeconds: 2 },
      201,
    );
    expect(next.basedOn).toBe(accepted.id);
    expect(firstTaskOf(next.result, b.crewId)).toMatchObject({
      passageId: q.passageId,
      percentDoneAtStart: 40,
    });
    expect(next.result.passagesToClear.map((x) => x.passageId)).not.toContain(p.passageId);
    const discarded = await call<PlanView>(
      t,
      'coordinator',
      'POST',
      `/api/rescue-plans/${next.id}/discard`,
      undefined,
      200,
    );
    expect(discarded.status).toBe('discarded');
  });

  it('counts a collapse reported through the field report route in the next re-plan', async () => {
    const current = (await getPlan(accepted.id)).estimate!;
    const inProgress = new Set(
      current.crews.flatMap((c) => c.tasks.filter((x) => x.percentDoneAtStart > 0).map((x) => x.passageId)),
    );
    const idle = current.passagesToClear.find((x) => !inProgress.has(x.passageId))!;
    const worked = current.passagesToClear.find((x) => inProgress.has(x.passageId))!;
    const worker = current.crews.find((c) => c.tasks[0]?.passageId === worked.passageId)!;
    for (const passage of [idle, worked])
      await call(
        t,
        'field',
        'POST',
        `/api/passages/${passage.passageId}/reports`,
        { state: 'impassable', note: 'collapsed again after shelling' },
        201,
      );
    const stale = await call<{ stale: boolean }>(
      t,
      'field',
      'GET',
      `/api/sites/${siteId}/rescue-estimates`,
      undefined,
      200,
    );
    expect(stale.stale).toBe(true);

    const replanned = await call<PlanView>(
      t,
      'field',
      'POST',
      `/api/rescue-plans/${accepted.id}/replan`,
      { at: hoursAfter(T0, 12) },
      200,
    );
    const e = replanned.estimate!;
    expect(replanned.stale).toBe(false);
    expect(e.at).toBe(hoursAfter(T0, 12));
    const cleared = e.passagesToClear.map((x) => x.passageId);
    expect(cleared).not.toContain(idle.passageId);
    expect(cleared).not.toContain(worked.passageId);
    const waitingOnIdle = current.shelters.filter((s) => s.needs.some((n) => n.code === idle.code));
    expect(waitingOnIdle.length).toBeGreaterThan(0);
    for (const s of waitingOnIdle) {
      const now = e.shelters.find((x) => x.id === s.id)!;
      if (now.reachableAt === null) expect(now.reason, s.code).toMatch(/^cut off: /);
      else
        expect(
          now.needs.map((n) => n.code),
          s.code,
        ).not.toContain(idle.code);
    }
    expect(e.warnings.join('\n')).toContain(
      `passage ${worked.code} is impassable now: crew ${worker.crewId} is free`,
    );
    expect(e.crews.find((c) => c.crewId === worker.crewId)!.tasks.map((x) => x.passageId)).not.toContain(
      worked.passageId,
    );
    expectConsistentSchedule(e);
  });

  let lostCrewId: string;

  it('plans without a crew marked lost, keeping the share of rubble it had cleared', async () => {
    const current = (await getPlan(accepted.id)).estimate!;
    const crew = current.crews.find((c) => c.tasks[0] && c.tasks[0].percentDoneAtStart === 0)!;
    const task = crew.tasks[0]!;
    await call(
      t,
      'field',
      'POST',
      `/api/rescue-plans/${accepted.id}/progress`,
      { crewId: crew.crewId, passageId: task.passageId, percent: 30, at: hoursAfter(T0, 12.5) },
      201,
    );
    const lost = await call<CrewView>(
      t,
      'coordinator',
      'PATCH',
      `/api/crews/${crew.crewId}`,
      { status: 'lost' },
      200,
    );
    expect(lost.status).toBe('lost');
    lostCrewId = crew.crewId;
    const e = (
      await call<PlanView>(
        t,
        'field',
        'POST',
        `/api/rescue-plans/${accepted.id}/replan`,
        { at: hoursAfter(T0, 13) },
        200,
      )
    ).estimate!;
    expect(e.crews.map((c) => c.crewId)).not.toContain(crew.crewId);
    expect(e.warnings).toContain(`crew ${crew.crewId} is lost: passage ${task.code} is left to the others`);
    const full = (await passageState(task.passageId)).clearancePersonHours!;
    expect(e.passagesToClear.find((p) => p.passageId === task.passageId)!.personHours).toBeCloseTo(
      0.7 * full,
      9,
    );
    expectConsistentSchedule(e);
    // A lost crew reports no progress.
    expectError(
      await t.app.inject({
        method: 'POST',
        url: `/api/rescue-plans/${accepted.id}/progress`,
        headers: t.as('field'),
        payload: { crewId: crew.crewId, passageId: task.passageId, percent: 50, at: hoursAfter(T0, 13) },
      }),
      409,
      'conflict',
    );
  });

  it('refuses bad input with a clear 4xx and writes nothing', async () => {
    const plan = await getPlan(accepted.id);
    const crew = crews.find((c) => c.id !== lostCrewId)!;
    const blocked = plan.estimate!.passagesToClear[0]!.passageId;
    const open = (await graph()).passages.find((p) => p.state === 'open')!.id;
    const discardedId = (
      await call<{ items: Array<{ id: string; status: string }> }>(
        t,
        'field',
        'GET',
        `/api/sites/${siteId}/rescue-plans`,
        undefined,
        200,
      )
    ).items.find((p) => p.status === 'discarded')!.id;
    const progress = (body: object, id = accepted.id) => ({
      url: `/api/rescue-plans/${id}/progress`,
      payload: { crewId: crew.id, passageId: blocked, percent: 50, at: hoursAfter(T0, 13), ...body },
    });
    const cases: Array<[string, { url: string; payload: object }, number, string, string]> = [
      ['percent 120', progress({ percent: 120 }), 400, 'validation_failed', 'percent'],
      ['an unknown crew', progress({ crewId: newId() }), 422, 'unknown_reference', 'crewId'],
      ['progress on a discarded plan', progress({}, discardedId), 409, 'conflict', 'discarded'],
      ['an open passage', progress({ passageId: open }), 409, 'conflict', 'open'],
      ['a report from before the plan', progress({ at: hoursAfter(T0, -1) }), 400, 'validation_failed', 'at'],
      [
        'a crew of size 0',
        {
          url: `/api/sites/${siteId}/crews`,
          payload: { name: 'Crew 4', size: 0, positionId: crew.positionId, hoursPerShift: 8, restHours: 4 },
        },
        400,
        'validation_failed',
        'size',
      ],
    ];
    const before = await snapshot(t.db);
    for (const [name, request, status, code, mentions] of cases) {
      const role = request.url.includes('/crews') ? 'coordinator' : 'field';
      const response = await t.app.inject({ method: 'POST', ...request, headers: t.as(role) });
      expectError(response, status, code);
      expect(response.json().error.message, name).toContain(mentions);
    }
    expect(await snapshot(t.db)).toBe(before);
  });
});
