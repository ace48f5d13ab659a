export const pointKinds = ['shelter', 'exit', 'pickup_point', 'junction'] as const;
export type PointKind = (typeof pointKinds)[number];

export const shelterKinds = ['bunker', 'basement', 'tunnel_section', 'building'] as const;
export type ShelterKind = (typeof shelterKinds)[number];

export const passageStates = ['open', 'blocked', 'unsafe', 'impassable'] as const;
export type PassageState = (typeof passageStates)[number];

export interface Site {
  id: string;
  name: string;
  place: string | null;
  timeZone: string;
  createdAt: string;
  updatedAt: string;
}

/** Water, food, air and medical notes as the field teams report them. */
export type ShelterConditions = Record<string, string>;

/** A point of the site graph: a shelter, an exit, a pickup point or a tunnel junction. */
export interface SitePoint {
  id: string;
  siteId: string;
  kind: PointKind;
  code: string;
  name: string | null;
  x: number | null;
  y: number | null;
  note: string | null;
  shelterKind: ShelterKind | null;
  level: number | null;
  depthM: number | null;
  capacity: number | null;
  conditions: ShelterConditions | null;
  supervisor: string | null;
}

export interface Passage {
  id: string;
  siteId: string;
  from: string;
  to: string;
  lengthM: number;
  state: PassageState;
  clearancePersonHours: number | null;
  stateReportedAt: string | null;
  stateReportedBy: string | null;
  note: string | null;
}

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** A blocked passage carries the estimated person-hours to clear it by hand; no other state does. */
export function passageStateProblem(
  state: PassageState,
  clearancePersonHours: number | null,
): string | undefined {
  if (state === 'blocked' && (clearancePersonHours === null || !(clearancePersonHours > 0)))
    return 'a blocked passage needs clearancePersonHours, the estimated person-hours to clear it by hand (> 0)';
  if (state !== 'blocked' && clearancePersonHours !== null)
    return `clearancePersonHours is given only for a blocked passage, not one that is ${state}`;
  return undefined;
}
