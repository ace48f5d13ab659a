import { expect } from 'vitest';
import type { RescueInput, RescuePassage, RescuePlan, RescueProgress } from './plan-types.ts';
import { insideOneShift } from './shifts.ts';

// Test support: independent checks of a rescue plan against its input, written from the plan's
// promises rather than from the planner's code.

/** The passages as they stand after the progress (cleared ones open, changes applied). */
export function currentPassages(input: RescueInput, progress?: RescueProgress): RescuePassage[] {
  const passages = input.passages.map((p) => ({ ...p }));
  const byId = new Map(passages.map((p) => [p.id, p]));
  for (const id of progress?.cleared ?? [])
    Object.assign(byId.get(id)!, { state: 'open', clearancePersonHours: null });
  for (const c of progress?.changed ?? [])
    Object.assign(byId.get(c.passageId)!, {
      state: c.state,
      clearancePersonHours:
        c.state === 'blocked'
          ? (c.clearancePersonHours ?? byId.get(c.passageId)!.clearancePersonHours)
          : null,
    });
  return passages;
}

class Sets {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(ra, rb);
  }
}

/** Point connectivity through open passages and the given extra passages; exits joined if asked. */
export function connectivity(
  input: RescueInput,
  passages: readonly RescuePassage[],
  extra: Iterable<string>,
  exitsJoined: boolean,
): Sets {
  const sets = new Sets();
  const exits = input.points.filter((p) => p.kind === 'exit').map((p) => p.id);
  if (exitsJoined) for (const e of exits) sets.union(exits[0]!, e);
  const chosen = new Set(extra);
  for (const p of passages) if (p.state === 'open' || chosen.has(p.id)) sets.union(p.from, p.to);
  return sets;
}

const reachesExit = (input: RescueInput, sets: Sets, point: string): boolean =>
  input.points.some((p) => p.kind === 'exit' && sets.find(p.id) === sets.find(point));

export function checkPlan(input: RescueInput, plan: RescuePlan, progress?: RescueProgress): void {
  const passages = currentPassages(input, progress);
  const byId = new Map(passages.map((p) => [p.id, p]));
  const crews = new Map(
    input.crews.filter((c) => !(progress?.lostCrews ?? []).includes(c.id)).map((c) => [c.id, c]),
  );
  const now = progress?.now ?? 0;
  const eps = 1e-6;

  // The passages to clear are blocked ones, each on the way out of some shelter.
  const toClear = new Set(plan.passagesToClear.map((p) => p.passageId));
  expect(toClear.size).toBe(plan.passagesToClear.length);
  const needed = new Set(plan.shelters.flatMap((s) => s.needs));
  // A task under way is kept even when the site has changed so that no shelter needs it any more.
  const kept = new Set((progress?.inProgress ?? []).map((t) => t.passageId));
  for (const p of plan.passagesToClear) {
    expect(byId.get(p.passageId)!.state).toBe('blocked');
    if (kept.has(p.passageId)) continue;
    expect(needed.has(p.passageId)).toBe(true);
    expect(p.shelters.length).toBeGreaterThan(0);
  }
  for (const id of needed) expect(toClear.has(id)).toBe(true);
  const effort = plan.passagesToClear.reduce((sum, p) => sum + p.personHours, 0);
  expect(plan.effort.personHours).toBeCloseTo(effort, 6);
  expect(plan.effort.lowerBound).toBeLessThanOrEqual(plan.effort.personHours + eps);
  expect(plan.effort.gap).toBeGreaterThanOrEqual(0);

  // With all of them cleared, every shelter that is not cut off reaches an exit.
  const cleared = connectivity(input, passages, toClear, true);
  for (const s of plan.shelters) {
    if (s.reason?.startsWith('cut off:')) {
      expect(s.needs).toEqual([]);
      expect(s.reachableAt).toBeNull();
      expect(
        reachesExit(
          input,
          connectivity(
            input,
            passages.map((p) => (p.state === 'blocked' ? { ...p, state: 'open' } : p)),
            [],
            true,
          ),
          s.shelterId,
        ),
      ).toBe(false);
      continue;
    }
    expect(reachesExit(input, cleared, s.shelterId)).toBe(true);
    // Its own needs suffice.
    expect(reachesExit(input, connectivity(input, passages, s.needs, true), s.shelterId)).toBe(true);
  }

  // Crews: one task at a time, on shift only, the right amount of work, and only where they can get.
  const tasks = plan.crews.flatMap((c) => c.tasks);
  expect(new Set(tasks.map((t) => t.passageId)).size).toBe(tasks.length);
  for (const t of tasks) expect(toClear.has(t.passageId)).toBe(true);
  const endOf = new Map(tasks.map((t) => [t.passageId, t.endAt]));
  for (const { crewId, tasks: list } of plan.crews) {
    const crew = crews.get(crewId)!;
    expect(crew).toBeDefined();
    const pattern = {
      hoursPerShift: crew.hoursPerShift,
      restHours: crew.restHours,
      shiftStart: crew.shiftStartedAt ?? 0,
    };
    let position = crew.at;
    let free = now;
    for (const t of list) {
      expect(t.crewId).toBe(crewId);
      expect(t.departAt).toBeGreaterThanOrEqual(free - eps);
      expect(t.startAt).toBeGreaterThanOrEqual(t.departAt - eps);
      expect(t.endAt).toBeGreaterThanOrEqual(t.startAt - eps);
      const passage = byId.get(t.passageId)!;
      const remaining = passage.clearancePersonHours! * (1 - t.percentDoneAtStart / 100);
      expect(t.workHours).toBeCloseTo(remaining / crew.size, 6);
      let worked = 0;
      let last = t.departAt - eps;
      for (const seg of t.segments) {
        expect(seg.start).toBeGreaterThanOrEqual(last - eps);
        expect(seg.end).toBeGreaterThanOrEqual(seg.start - eps);
        expect(insideOneShift(pattern, seg.start, seg.end)).toBe(true);
        worked += seg.end - seg.start;
        last = seg.end;
      }
      expect(worked).toBeCloseTo(t.travelHours + t.workHours, 6);
      if (t.segments.length > 0) expect(t.segments.at(-1)!.end).toBeCloseTo(t.endAt, 6);
      expect([passage.from, passage.to]).toContain(t.enterAt);
      expect([passage.from, passage.to]).toContain(t.exitAt);
      expect(t.enterAt).not.toBe(t.exitAt);
      // The crew could walk from where it was to the passage through what was open by then.
      const doneBy = [...endOf].filter(([, end]) => end <= t.departAt + eps).map(([id]) => id);
      const open = connectivity(input, passages, doneBy, input.betweenExitsHours != null);
      expect(open.find(position)).toBe(open.find(t.enterAt));
      position = t.exitAt;
      free = t.endAt;
    }
  }

  // A shelter becomes reachable exactly when the passages cleared by then join it to an exit.
  for (const s of plan.shelters) {
    if (s.reachableAt === null) {
      if (s.needs.length > 0) {
        const all = connectivity(
          input,
          passages,
          tasks.map((t) => t.passageId),
          true,
        );
        expect(reachesExit(input, all, s.shelterId)).toBe(false);
        expect(s.reason).toBeTruthy();
      }
      continue;
    }
    const at = s.reachableAt;
    const by = (limit: number) =>
      connectivity(
        input,
        passages,
        tasks.filter((t) => t.endAt <= limit).map((t) => t.passageId),
        true,
      );
    expect(reachesExit(input, by(at + eps), s.shelterId)).toBe(true);
    if (at > now + eps) expect(reachesExit(input, by(at - eps), s.shelterId)).toBe(false);
  }
  const weighted = plan.shelters.reduce(
    (sum, s) => sum + (s.reachableAt === null ? 0 : s.weight * (s.reachableAt - now)),
    0,
  );
  expect(plan.objective.weightedHours).toBeCloseTo(weighted, 4);
  expect(plan.objective.lowerBound).toBeLessThanOrEqual(plan.objective.weightedHours + eps);
}

/** The least person-hours joining every shelter that can be joined, by trying every set of blocked passages. */
export function bruteForceEffort(input: RescueInput): number {
  const blocked = input.passages.filter((p) => p.state === 'blocked');
  if (blocked.length > 16) throw new Error('too many blocked passages for brute force');
  const all = connectivity(
    input,
    input.passages.map((p) => (p.state === 'blocked' ? { ...p, state: 'open' } : p)),
    [],
    true,
  );
  const targets = input.shelters.map((s) => s.shelterId).filter((id) => reachesExit(input, all, id));
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << blocked.length; mask++) {
    const chosen = blocked.filter((_, i) => mask & (1 << i));
    const cost = chosen.reduce((sum, p) => sum + p.clearancePersonHours!, 0);
    if (cost >= best) continue;
    const sets = connectivity(
      input,
      input.passages,
      chosen.map((p) => p.id),
      true,
    );
    if (targets.every((id) => reachesExit(input, sets, id))) best = cost;
  }
  return best;
}
