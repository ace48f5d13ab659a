// The shapes of the rescue API's answers that the tests read.

export interface Ref {
  id: string;
  code: string;
}

export interface PassageRef {
  passageId: string;
  code: string;
}

export interface TaskView {
  passageId: string;
  code: string;
  departAt: string;
  startAt: string;
  endAt: string;
  segments: Array<{ start: string; end: string }>;
  enterAt: Ref;
  exitAt: Ref;
  percentDoneAtStart: number;
}

export interface ResultView {
  at: string;
  effort: { personHours: number; lowerBound: number; gap: number; optimal: boolean };
  passagesToClear: Array<PassageRef & { personHours: number; shelters: Ref[] }>;
  crews: Array<{ crewId: string; name: string; tasks: TaskView[] }>;
  shelters: Array<
    Ref & { weight: number; reachableAt: string | null; reason: string | null; needs: PassageRef[] }
  >;
  warnings: string[];
}

export interface PlanView {
  id: string;
  siteId: string;
  status: string;
  planStart: string;
  basedOn: string | null;
  acceptedAt: string | null;
  result: ResultView;
  estimate: ResultView | null;
  stale: boolean;
  progress: Array<{ id: string; crewId: string; passageId: string; passageCode: string; percent: number }>;
}

export interface CrewView {
  id: string;
  name: string;
  size: number;
  positionId: string;
  status: string;
}

export const hoursAfter = (iso: string, hours: number): string =>
  new Date(new Date(iso).getTime() + hours * 3_600_000).toISOString();
