import { readFileSync } from 'node:fs';

// The Azovstal scenario the server loaded on its first run: the tests look people and passages up
// here, by what a user would type or click, never by what the app happens to show.
interface ScenarioName {
  script?: string;
  family: string;
  given: string;
  patronymic?: string;
}
interface ScenarioPerson {
  id: string;
  shelterId?: string;
  householdId?: string;
  names: ScenarioName[];
  status: string;
  ageBand?: string | null;
  vulnerabilities?: string[];
}
interface ScenarioPoint {
  id: string;
  code: string;
  kind: string;
}
interface ScenarioPassage {
  id: string;
  from: string;
  to: string;
  state: string;
  lengthM: number;
}
interface ScenarioPause {
  id: string;
  name: string;
  announcedStart: string;
}
interface ScenarioClaim {
  pauseWindowId?: string | null;
  incidentId?: string | null;
  words: string;
}

export const azovstal = JSON.parse(
  readFileSync(new URL('../../scenarios/azovstal/site.json', import.meta.url), 'utf8'),
) as {
  people: ScenarioPerson[];
  points: ScenarioPoint[];
  passages: ScenarioPassage[];
  pauses: ScenarioPause[];
  parties: Array<{ id: string; shortName?: string | null }>;
  claims: ScenarioClaim[];
  incidents: Array<{ id: string; pauseWindowId?: string | null }>;
};

export const nameIn = (person: ScenarioPerson, script: 'Cyrl' | 'Latn'): ScenarioName => {
  const name = person.names.find((n) => n.script === script);
  if (!name) throw new Error(`${person.id} has no ${script} name`);
  return name;
};

export const codeOf = (pointId: string): string => {
  const point = azovstal.points.find((p) => p.id === pointId);
  if (!point) throw new Error(`no point ${pointId}`);
  return point.code;
};

/** Every name of every registered person, in every script: what an observer must never see. */
export const everyRegisteredName = (): string[] =>
  azovstal.people.flatMap((p) => p.names.flatMap((n) => [`${n.family} ${n.given}`, n.family]));
