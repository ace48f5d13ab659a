import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSiteFile } from '../../src/scenario/check.ts';
import {
  claimRecord,
  incidentRecord,
  partyRecord,
  pauseRecord,
  sourceRecord,
} from '../../src/scenario/events/records.ts';
import { type SiteFile, siteFileFormat, siteFileVersion } from '../../src/scenario/format.ts';
import {
  depotRecord,
  pickupRouteRecord,
  roadPointRecord,
  settingsRecord,
  travelTimeRecord,
  vehicleRecord,
} from '../../src/scenario/logistics/records.ts';
import {
  type FilePassage,
  type FilePoint,
  headcountRecord,
  householdRecord,
  passageRecord,
  personRecord,
  pointRecord,
  siteRecord,
} from '../../src/scenario/records.ts';
import { crewRecord } from '../../src/scenario/rescue/records.ts';
import { crews } from './crews.ts';
import { scenarioId } from './ids.ts';
import { depots, pickupRoutes, planningSettings, roadPoints, travelTimes, vehicles } from './logistics.ts';
import { otherPoints, passages } from './network.ts';
import { buildPeople } from './people.ts';
import { SeededRandom } from './random.ts';
import { claims, headcounts, incidents, parties, pauses, route, source, sources } from './report.ts';
import { conditionsProfiles, shelters } from './shelters.ts';

/** The seed of the invented details; change it and names and birth dates change, nothing else. */
export const seed = 20220506;

const here = dirname(fileURLToPath(import.meta.url));
export const siteJsonPath = join(here, 'site.json');

// Tunnels wind and climb stairs; a route across the wrecked surface winds more.
const winding = { tunnel: 1.15, surface: 1.3 } as const;

const levelOf = (depthM: number) => (depthM < 12 ? -1 : depthM < 18 ? -2 : -3);

/** Builds the Azovstal site file: the same file on every run. */
const by =
  <T>(key: (item: T) => string) =>
  (a: T, b: T): number =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

export function buildAzovstal(): SiteFile {
  const random = new SeededRandom(seed);
  const points: FilePoint[] = [
    ...shelters.map((s) => ({
      id: scenarioId(`point:${s.code}`),
      kind: 'shelter' as const,
      code: s.code,
      name: s.name,
      x: s.x,
      y: s.y,
      note: 'Soviet-era civil-defence shelter',
      shelterKind: s.kind,
      level: levelOf(s.depthM),
      depthM: s.depthM,
      capacity: s.capacity,
      conditions: { ...conditionsProfiles[s.conditions] },
    })),
    ...otherPoints.map((p) => ({
      id: scenarioId(`point:${p.code}`),
      kind: p.kind,
      code: p.code,
      name: p.name,
      x: p.x,
      y: p.y,
      ...(p.note ? { note: p.note } : {}),
    })),
  ];
  const byCode = new Map(points.map((p) => [p.code, p]));
  const at = (code: string) => {
    const point = byCode.get(code);
    if (!point) throw new Error(`passage to unknown point ${code}`);
    return point;
  };
  const filePassages: FilePassage[] = passages.map((p) => {
    const from = at(p.from);
    const to = at(p.to);
    const straight = Math.hypot((to.x ?? 0) - (from.x ?? 0), (to.y ?? 0) - (from.y ?? 0));
    return {
      id: scenarioId(`passage:${p.from}-${p.to}`),
      from: from.id,
      to: to.id,
      lengthM: Math.max(10, Math.round((straight * winding[p.route]) / 5) * 5),
      state: p.state,
      ...(p.clearancePersonHours ? { clearancePersonHours: p.clearancePersonHours } : {}),
      note: [p.route === 'surface' ? 'Surface route' : 'Tunnel', p.note].filter(Boolean).join(': '),
      ...(p.reported ? { stateReportedAt: p.reported.at, stateReportedBy: p.reported.by } : {}),
    };
  });
  const shelterIds = new Map(points.filter((p) => p.kind === 'shelter').map((p) => [p.code, p.id]));
  const { households, people } = buildPeople(shelterIds, random);

  const file: SiteFile = {
    format: siteFileFormat,
    formatVersion: siteFileVersion,
    site: siteRecord({
      id: scenarioId('site'),
      name: 'Azovstal Iron and Steel Works',
      place: 'Mariupol, Ukraine',
      timeZone: 'Europe/Kyiv',
    }),
    points: points.map(pointRecord),
    passages: filePassages.map(passageRecord),
    households: households.map(householdRecord),
    people: people.map(personRecord),
    headcounts: headcounts.map(headcountRecord),
    // In the order `corridor export` writes them, so that an export of the loaded scenario is this file.
    parties: [...parties].sort(by((p) => p.name)).map(partyRecord),
    sources: [...sources].sort(by((s) => `${s.publishedAt ?? '~'} ${s.id}`)).map(sourceRecord),
    pauses: [...pauses].sort(by((p) => `${p.announcedAt} ${p.id}`)).map(pauseRecord),
    incidents: [...incidents].sort(by((i) => `${i.occurredAt} ${i.id}`)).map(incidentRecord),
    claims: [...claims].sort(by((c) => `${c.statedAt} ${c.id}`)).map(claimRecord),
    depots: [...depots].sort(by((d) => `${d.name} ${d.id}`)).map(depotRecord),
    vehicles: [...vehicles].sort(by((v) => `${v.label} ${v.id}`)).map(vehicleRecord),
    roadPoints: [...roadPoints].sort(by((p) => `${p.kind} ${p.name} ${p.id}`)).map(roadPointRecord),
    pickupRoutes: [...pickupRoutes].sort(by((r) => `${r.pickupPointId} ${r.id}`)).map(pickupRouteRecord),
    travelTimes: [...travelTimes].sort(by((t) => `${t.fromId} ${t.toId}`)).map(travelTimeRecord),
    planningSettings: settingsRecord(planningSettings),
    crews: [...crews].sort(by((c) => `${c.name} ${c.id}`)).map(crewRecord),
    provenance: {
      scenario: 'Azovstal, Mariupol, as of 6 May 2022',
      builtBy: 'scenarios/azovstal/build.ts',
      seed,
      source,
      invented:
        'All names, households, birth dates, notes, shelter positions, depths, capacities and conditions, the ' +
        'tunnel layout, passage states and clearance estimates. See scenarios/azovstal/README.md.',
      route,
    },
  };
  // A scenario that does not pass the importer's own checks must fail here, not at `npm start`.
  return checkSiteFile(file);
}

// The file's text, laid out exactly as the project's formatter (Biome) lays out JSON, so that
// `biome check` leaves the generated file alone: objects one key per line, arrays of plain values
// on one line when they fit in the line width.
const lineWidth = 110;

function renderValue(value: unknown, indent: string, lineStart: number): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => item === null || typeof item !== 'object')) {
      const inline = `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
      // The trailing comma that may follow counts towards the line width.
      if (lineStart + inline.length + 1 <= lineWidth) return inline;
    }
    const items = value.map((item) => `${inner}${renderValue(item, inner, inner.length)}`);
    return `[\n${items.join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const lines = entries.map(([key, item]) => {
      const head = `${inner}${JSON.stringify(key)}: `;
      return `${head}${renderValue(item, inner, head.length)}`;
    });
    return `{\n${lines.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

export const renderSiteFile = (file: SiteFile): string => `${renderValue(file, '', 0)}\n`;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const file = buildAzovstal();
  writeFileSync(siteJsonPath, renderSiteFile(file));
  process.stdout.write(
    `wrote ${siteJsonPath}: ${file.points.length} points, ${file.passages.length} passages, ` +
      `${file.households.length} households, ${file.people.length} people, ${file.headcounts.length} headcounts\n`,
  );
}
