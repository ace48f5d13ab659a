// Hand crews and the words of rescue by hand: a crew clears blocked passages, a rescue plan says
// which and when, and crews report the share of a passage they have cleared.

export const crewStatuses = ['active', 'lost'] as const;
export type CrewStatus = (typeof crewStatuses)[number];

export const rescuePlanStatuses = ['draft', 'accepted', 'superseded', 'discarded'] as const;
export type RescuePlanStatus = (typeof rescuePlanStatuses)[number];

export interface Crew {
  id: string;
  siteId: string;
  name: string;
  /** People in the crew: a passage of P person-hours takes P / size hours. */
  size: number;
  /** The point of the site where the crew is. */
  positionId: string;
  hoursPerShift: number;
  restHours: number;
  /** When one of its shifts began (they repeat every hoursPerShift + restHours); null: at a plan's start. */
  shiftStartedAt: string | null;
  status: CrewStatus;
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ClearanceProgress {
  id: string;
  planId: string;
  crewId: string;
  passageId: string;
  /** Share of the passage cleared so far, 0–100. */
  percent: number;
  at: string;
  reportedBy: string;
  note: string | null;
}

/**
 * A passage's code for people and messages: the codes of its two ends (S06-J03). Passages have no
 * code of their own; their ends' codes are what field teams say.
 */
export const passageCode = (fromCode: string, toCode: string): string => `${fromCode}-${toCode}`;

/** Hours between two instants: the rescue planner's clock runs in hours from a plan's start. */
export const hoursBetween = (from: string | Date, to: string | Date): number =>
  (new Date(to).getTime() - new Date(from).getTime()) / 3_600_000;

/** The instant `hours` after `start`, as ISO 8601 (to the millisecond). */
export const instantAfter = (start: string | Date, hours: number): string =>
  new Date(new Date(start).getTime() + Math.round(hours * 3_600_000)).toISOString();
