import type { PriorityWeights } from '../../../src/planning/rescue/plan-types.ts';
import { fromZoned } from '../plans/zone.ts';
import type { MakeRescuePlan } from './api.ts';

// The plan form's fields as typed, and the request they make: a blank field is left to the
// planner's default, so only what the coordinator changed is sent.

export const weightNames = [
  'person',
  'child',
  'elderly',
  'pregnant',
  'needsStretcher',
  'needsWheelchair',
  'needsMedication',
  'T1',
  'T2',
  'T3',
] as const satisfies ReadonlyArray<keyof PriorityWeights>;

export interface PlanDraft {
  timeLimitSeconds: string;
  /** A datetime-local value on the site's wall clock; blank: now. */
  at: string;
  walkingSpeedKmh: string;
  /** Blank: crews may not go round outside from one exit to another. */
  betweenExitsHours: string;
  weights: Partial<Record<(typeof weightNames)[number], string>>;
}

const numberOf = (text: string | undefined): number | undefined =>
  text === undefined || text.trim() === '' ? undefined : Number(text);

export function planRequest(draft: PlanDraft, timeZone: string): MakeRescuePlan {
  const request: MakeRescuePlan = {};
  const limit = numberOf(draft.timeLimitSeconds);
  if (limit !== undefined) request.timeLimitSeconds = limit;
  if (draft.at.trim() !== '') request.at = fromZoned(draft.at, timeZone);
  const speed = numberOf(draft.walkingSpeedKmh);
  if (speed !== undefined) request.walkingSpeedKmh = speed;
  const between = numberOf(draft.betweenExitsHours);
  if (between !== undefined) request.betweenExitsHours = between;
  const weights: NonNullable<MakeRescuePlan['weights']> = {};
  for (const name of weightNames) {
    const value = numberOf(draft.weights[name]);
    if (value !== undefined) weights[name] = value;
  }
  if (Object.keys(weights).length > 0) request.weights = weights;
  return request;
}
