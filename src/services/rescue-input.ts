// The rescue planner's input, built from what the database holds: the site graph with every
// passage's state and clearance estimate, the occupied shelters weighted by their people's needs
// (the registry only, never headcounts), the crews, the exits, and what crews are doing now (their
// latest progress reports). Built afresh for every plan and re-plan, so a collapse or a clearance
// reported on a passage counts in the next one.
import { CorridorError } from '../domain/errors.ts';
import { hoursBetween, passageCode } from '../domain/rescue.ts';
import type { OccupiedShelter, RescueInput, RescueProgress } from '../planning/rescue/index.ts';
import { personWeight, resolveWeights } from '../planning/rescue/weights.ts';
import type { Queryable } from '../store/database.ts';
import {
  lastOperationSeq,
  latestProgress,
  listCrews,
  type RescuePlanOptions,
  shelteredGroups,
} from '../store/repos/rescue.ts';
import { listPassages, listPoints } from '../store/repos/sites.ts';
import { requireSite } from './sites.ts';

export interface BuiltRescueInput {
  input: RescueInput;
  progress: RescueProgress;
  /** The last operation the input had seen (see saveEstimate). */
  basis: number;
}

/** The planner's priority weights, or a clear 400 naming the weight that is wrong. */
export function checkedWeights(weights: Record<string, number> | undefined) {
  try {
    return resolveWeights(weights);
  } catch (error) {
    throw new CorridorError('validation_failed', `weights: ${(error as Error).message}`, {
      field: 'weights',
    });
  }
}

/**
 * The site as it stands, on the clock of a plan that starts at `planStart`, at the instant `at`
 * (the plan's start for a new plan, later for a re-plan). A crew is on a task when its latest
 * report is the latest report on that passage, says less than 100 %, and the crew is still at one
 * end of it; lost crews are handed to the planner as lost, so the tasks they leave are named.
 * The share reported on a passage no crew is on any more is taken off its estimate. A share is of
 * the passage's estimate as it stands (a field report may have changed it since).
 */
export async function buildRescueInput(
  db: Queryable,
  siteId: string,
  planStart: Date,
  at: Date,
  options: RescuePlanOptions,
): Promise<BuiltRescueInput> {
  // Read first: the data below has seen at least this much of the log.
  const basis = await lastOperationSeq(db);
  await requireSite(db, siteId);
  const weights = checkedWeights(options.weights);
  const points = await listPoints(db, siteId);
  const passages = await listPassages(db, siteId);
  const crews = await listCrews(db, siteId);
  const groups = await shelteredGroups(db, siteId, at);
  const latest = await latestProgress(db, siteId);

  const code = new Map(points.map((p) => [p.id, p.code]));
  const shelters = new Map<string, { count: number; weight: number }>();
  for (const g of groups) {
    const s = shelters.get(g.shelterId) ?? { count: 0, weight: 0 };
    s.count += g.count;
    s.weight += g.count * personWeight(g, weights);
    shelters.set(g.shelterId, s);
  }
  const occupied: OccupiedShelter[] = [...shelters].map(([shelterId, s]) => ({
    shelterId,
    count: s.count,
    weight: s.weight,
  }));

  const passageById = new Map(passages.map((p) => [p.id, p]));
  const latestOnPassage = new Map(latest.byPassage.map((r) => [r.passageId, r.id]));
  const inProgress: NonNullable<RescueProgress['inProgress']>[number][] = [];
  for (const report of latest.byCrew) {
    const crew = crews.find((c) => c.id === report.crewId);
    const passage = passageById.get(report.passageId);
    if (!crew || !passage || report.percent >= 100) continue;
    if (latestOnPassage.get(passage.id) !== report.id) continue;
    if (crew.positionId !== passage.from && crew.positionId !== passage.to) continue;
    inProgress.push({ crewId: crew.id, passageId: passage.id, percentDone: report.percent });
  }

  // Rubble a crew has cleared stays cleared when no crew is on the passage any more (its crew is
  // lost, or has moved away): what is left of the estimate is what a new crew finds.
  const lost = new Set(crews.filter((c) => c.status === 'lost').map((c) => c.id));
  const kept = new Set(inProgress.filter((task) => !lost.has(task.crewId)).map((task) => task.passageId));
  const doneShare = new Map(
    latest.byPassage
      .filter((r) => r.percent < 100 && !kept.has(r.passageId) && !r.beforeStateChange)
      .map((r) => [r.passageId, r.percent]),
  );
  const remaining = (hours: number, passageId: string) => hours * (1 - (doneShare.get(passageId) ?? 0) / 100);

  const input: RescueInput = {
    points: points.map((p) => ({ id: p.id, kind: p.kind, code: p.code })),
    passages: passages.map((p) => ({
      id: p.id,
      from: p.from,
      to: p.to,
      lengthM: p.lengthM,
      state: p.state,
      clearancePersonHours:
        p.state === 'blocked' && p.clearancePersonHours !== null
          ? remaining(p.clearancePersonHours, p.id)
          : null,
      code: passageCode(code.get(p.from) ?? p.from, code.get(p.to) ?? p.to),
    })),
    shelters: occupied,
    crews: crews.map((c) => ({
      id: c.id,
      size: c.size,
      at: c.positionId,
      hoursPerShift: c.hoursPerShift,
      restHours: c.restHours,
      ...(c.shiftStartedAt ? { shiftStartedAt: hoursBetween(planStart, c.shiftStartedAt) } : {}),
    })),
    weights,
    ...(options.walkingSpeedKmh !== undefined ? { walkingSpeedKmh: options.walkingSpeedKmh } : {}),
    ...(options.betweenExitsHours !== undefined ? { betweenExitsHours: options.betweenExitsHours } : {}),
  };
  const progress: RescueProgress = {
    now: hoursBetween(planStart, at),
    inProgress,
    lostCrews: [...lost],
  };
  return { input, progress, basis };
}
