import { afterAll, describe, expect, it } from 'vitest';
import { gridProblem } from '../src/planning/rescue/generate.ts';
import {
  computeRescuePlan,
  planRescue,
  RescueInputError,
  replanRescue,
  solveSteinerWithDeadline,
} from '../src/planning/rescue/index.ts';
import type { RescueInput } from '../src/planning/rescue/plan-types.ts';
import { SolverThread } from '../src/planning/rescue/solver-thread.ts';
import { bruteForceOptimum, randomProblem } from '../src/planning/rescue/steiner.test-support.ts';
import { checkSteinerTree } from '../src/planning/rescue/tree.ts';

// The planner through its worker thread, as the API and the CLI call it.

const thread = new SolverThread();
afterAll(() => thread.close());

const site: RescueInput = {
  points: [
    { id: 'e1', kind: 'exit' },
    { id: 'j1', kind: 'junction' },
    { id: 's1', kind: 'shelter' },
    { id: 's2', kind: 'shelter' },
  ],
  passages: [
    { id: 'p1', from: 'e1', to: 'j1', lengthM: 100, state: 'open', clearancePersonHours: null },
    { id: 'p2', from: 'j1', to: 's1', lengthM: 50, state: 'blocked', clearancePersonHours: 12 },
    { id: 'p3', from: 'j1', to: 's2', lengthM: 50, state: 'blocked', clearancePersonHours: 30 },
    { id: 'p4', from: 's1', to: 's2', lengthM: 50, state: 'blocked', clearancePersonHours: 6 },
  ],
  shelters: [
    { shelterId: 's1', count: 10 },
    { shelterId: 's2', people: [{ vulnerabilities: ['wounded'], triage: 'T1' }] },
  ],
  crews: [{ id: 'c1', size: 3, at: 'e1', hoursPerShift: 10, restHours: 6 }],
};

describe('the solver worker', () => {
  it('plans as the calling thread would', async () => {
    const viaWorker = await planRescue(site, { thread, timeLimitSeconds: 20, maxScheduleEvaluations: 50 });
    const here = computeRescuePlan(site, undefined, { timeLimitSeconds: 20, maxScheduleEvaluations: 50 });
    expect(viaWorker.passagesToClear).toEqual(here.passagesToClear);
    expect(viaWorker.effort).toEqual(here.effort);
    expect(viaWorker.effort.personHours).toBe(18);
    expect(viaWorker.crews).toEqual(here.crews);
  });

  it('re-plans in the worker, keeping the crew on its passage', async () => {
    const progress = { now: 2, inProgress: [{ crewId: 'c1', passageId: 'p2', percentDone: 50 }] };
    const plan = await replanRescue({ ...site, crews: [{ ...site.crews[0]!, at: 'j1' }] }, progress, {
      thread,
      timeLimitSeconds: 20,
    });
    expect(plan.crews[0]!.tasks[0]).toMatchObject({
      passageId: 'p2',
      startAt: 2,
      endAt: 4,
      percentDoneAtStart: 50,
    });
  });

  it('passes input errors back as RescueInputError', async () => {
    const bad = { ...site, crews: [{ ...site.crews[0]!, at: 'nowhere' }] };
    await expect(planRescue(bad, { thread, timeLimitSeconds: 20 })).rejects.toThrow(RescueInputError);
    await expect(planRescue(bad, { thread, timeLimitSeconds: 20 })).rejects.toThrow(
      'crew c1 is at nowhere, which is not a point',
    );
  });

  it('solves a Steiner problem with HiGHS at hand', async () => {
    const problem = randomProblem(99, 12, 16, 6);
    const solved = await solveSteinerWithDeadline(problem, { timeLimitSeconds: 30, thread });
    expect(solved.timedOut).toBe(false);
    expect(solved.optimal).toBe(true);
    expect(checkSteinerTree(problem, solved.edges)).toMatchObject({
      ok: true,
      cost: bruteForceOptimum(problem),
    });
  });

  it('answers with a valid tree and bound even when the deadline stops the worker', async () => {
    // A large grid and a twentieth of a second: the worker is stopped (or barely starts); the
    // answer is the last tree it reported or one made here — a tree either way.
    const problem = gridProblem(150, 200, 3);
    const solved = await solveSteinerWithDeadline(problem, { timeLimitSeconds: 0.05, thread });
    expect(checkSteinerTree(problem, solved.edges)).toMatchObject({ ok: true });
    expect(solved.lowerBound).toBeLessThanOrEqual(solved.cost);
    // The thread still works afterwards.
    const small = randomProblem(5, 8, 8, 3);
    expect((await solveSteinerWithDeadline(small, { timeLimitSeconds: 30, thread })).cost).toBe(
      bruteForceOptimum(small),
    );
  });
});
