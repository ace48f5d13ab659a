import type { AgeBand, TriageCategory, Vulnerability } from '../../domain/person.ts';
import type { PassageState, PointKind } from '../../domain/site.ts';

// The rescue planner's input and output: plain data, so the API, the CLI, a worker thread and the
// tests all hand it over as it is. Times are hours from the plan's time zero (the moment the plan
// is made); a caller that needs clock times adds them to its own start instant.

export interface RescuePoint {
  id: string;
  kind: PointKind;
  /** A short name for messages (P7, S12); the id is used when it is missing. */
  code?: string;
}

export interface RescuePassage {
  id: string;
  from: string;
  to: string;
  lengthM: number;
  state: PassageState;
  /** Estimated person-hours to clear by hand; given for a blocked passage only. */
  clearancePersonHours: number | null;
  code?: string;
}

/** What the planner needs to know of one person: no names, only what sets their priority. */
export interface PersonNeeds {
  vulnerabilities?: readonly Vulnerability[];
  triage?: TriageCategory | null;
  ageBand?: AgeBand | null;
}

export interface OccupiedShelter {
  shelterId: string;
  /** The people in the shelter, or only their number (`count`), or a weight given directly. */
  people?: readonly PersonNeeds[];
  count?: number;
  weight?: number;
}

export interface Crew {
  id: string;
  /** People in the crew: a passage of P person-hours takes P / size hours. */
  size: number;
  /** The point where the crew is. */
  at: string;
  hoursPerShift: number;
  restHours: number;
  /**
   * When the crew's current shift began, in plan hours (≤ 0 when it began before time zero).
   * A crew rests after each shift, and its shifts repeat every hoursPerShift + restHours.
   * Default: a shift begins at time zero.
   */
  shiftStartedAt?: number;
}

/** Priority weights of a person, by what applies to them; a person weighs the most of these. */
export interface PriorityWeights {
  person: number;
  child: number;
  elderly: number;
  pregnant: number;
  needsStretcher: number;
  needsWheelchair: number;
  needsMedication: number;
  T1: number;
  T2: number;
  T3: number;
}

export interface RescueInput {
  points: readonly RescuePoint[];
  passages: readonly RescuePassage[];
  shelters: readonly OccupiedShelter[];
  crews: readonly Crew[];
  weights?: Partial<PriorityWeights>;
  /** Walking speed of a crew inside the site, km/h (default 2). */
  walkingSpeedKmh?: number;
  /**
   * Hours for a crew to go from one exit to another outside the site; null (the default) when
   * crews may not move outside, only through the site's own passages.
   */
  betweenExitsHours?: number | null;
}

/** What has happened since the plan was made, for re-planning. */
export interface RescueProgress {
  /** Plan hours now. */
  now: number;
  /** Passages reported cleared since (they are open now). */
  cleared?: readonly string[];
  /** Passages whose state changed otherwise (a collapse, a new estimate). */
  changed?: ReadonlyArray<{ passageId: string; state: PassageState; clearancePersonHours?: number | null }>;
  /** Tasks under way: the crew stays on them. */
  inProgress?: ReadonlyArray<{ crewId: string; passageId: string; percentDone: number }>;
  /** Crews that can no longer work. */
  lostCrews?: readonly string[];
  /**
   * The passages in the order the plan being followed clears them. The re-plan starts its search
   * from this order, so a re-plan that runs short of time still keeps to the plan rather than fall
   * back to a rougher order, and it changes the order only for one that scores better.
   */
  followed?: readonly string[];
}

export interface PlanOptions {
  /** Time budget in seconds for the whole plan (default 5; re-planning default 0.8). */
  timeLimitSeconds?: number;
  /** Improvement moves tried on the clearing order at most (for repeatable runs). */
  maxScheduleEvaluations?: number;
  /** Seed of the local search's random choices. */
  seed?: number;
}

export interface WorkSegment {
  start: number;
  end: number;
}

export interface ClearanceTask {
  passageId: string;
  crewId: string;
  /** The crew leaves for the passage; then travels, then clears it. */
  departAt: number;
  startAt: number;
  endAt: number;
  travelHours: number;
  workHours: number;
  /** Stretches of travel and work, all inside the crew's shifts. */
  segments: WorkSegment[];
  /** The endpoint where the crew starts clearing, and where it ends up. */
  enterAt: string;
  exitAt: string;
  /** Share of the passage already cleared when this task starts (a task carried over). */
  percentDoneAtStart: number;
}

export interface ShelterOutcome {
  shelterId: string;
  weight: number;
  /** Plan hours from which the shelter's people can reach an exit; null when not reachable. */
  reachableAt: number | null;
  /** Why it cannot be reached, when reachableAt is null. */
  reason?: string;
  /** The passages that must be cleared for this shelter (on its way out in the plan). */
  needs: string[];
}

export interface RescuePlan {
  /** The least total effort that connects every reachable occupied shelter to an exit. */
  effort: {
    personHours: number;
    lowerBound: number;
    /** (personHours − lowerBound) / personHours; 0 when proven optimal. */
    gap: number;
    optimal: boolean;
    method: string;
    boundMethod: string;
  };
  passagesToClear: Array<{ passageId: string; personHours: number; shelters: string[] }>;
  crews: Array<{ crewId: string; tasks: ClearanceTask[] }>;
  shelters: ShelterOutcome[];
  /** Σ weight × reachable time over the shelters that get reached, and a lower bound on it. */
  objective: { weightedHours: number; lowerBound: number };
  warnings: string[];
  /** The plan's time zero in the caller's clock (0 for a new plan, progress.now for a re-plan). */
  now: number;
  seconds: number;
  /**
   * The passages in the priority order the schedule was decoded from, those crews are already on
   * first: what a re-plan follows (see RescueProgress.followed). Plans stored before it was kept
   * lack it.
   */
  order?: string[];
}
