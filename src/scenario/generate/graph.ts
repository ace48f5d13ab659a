import type { FilePassage, FilePoint } from '../records.ts';
import { femaleGivenNames, maleGivenNames, surnameList } from './names.ts';
import { createRandom, type Random, weighted } from './random.ts';
import { generatedId, idEpochMs } from './uuid.ts';

// The site graph of a generated site: tunnel junctions on a jittered grid joined by tunnels,
// shelters hanging off the junctions, exits on the edge of the plant and pickup points beyond them.
// A random spanning tree of the tunnels is always passable, so every shelter whose own passage is
// open can reach an exit; the other tunnels may be blocked, unsafe or impassable. Some shelters are
// cut off: every passage they have is blocked or impassable, so no one reaches them until a crew
// clears the blocked one by hand.

export interface SiteGraph {
  points: FilePoint[];
  passages: FilePassage[];
  /** The shelters' ids, in the order of their codes. */
  shelterIds: string[];
  /** Relative sizes of the shelters: people are spread over them in this proportion. */
  shelterWeights: number[];
  /** Shelters that cannot be reached until a blocked passage is cleared. */
  cutOff: boolean[];
}

const junctionSpacingM = 220;

/** Whole metres; never −0, which a JSON file cannot keep. */
const metres = (value: number): number => Math.round(value) + 0;

const workshops = [
  'blast furnace shop',
  'coke plant',
  'sinter plant',
  'oxygen converter shop',
  'rolling mill',
  'plate mill',
  'rail and structural mill',
  'power plant',
  'central laboratory',
  'administration building',
  'plant hospital',
  'rail depot',
  'casting shop',
  'repair shop',
  'water treatment plant',
  'oxygen station',
];

const conditionChoices = {
  water: ['none left', 'rationed, about a litre a day', 'technical water only', 'enough for a week'],
  food: ['none left', 'one meal a day', 'enough for two or three days', 'enough for a week'],
  air: ['stale', 'adequate', 'ventilated by a generator', 'smoke when fires burn above'],
  medical: ['nothing', 'a first-aid kit', 'a nurse', 'a medic with some supplies'],
};

const blockedNotes = [
  'collapsed section; rubble to be cleared by hand',
  'debris after shelling',
  'fallen beams and concrete',
  'partly collapsed and flooded',
];
const unsafeNotes = [
  'exposed to shelling',
  'unstable ceiling',
  'smoke from fires above',
  'flooded to the knee',
];
const impassableNotes = [
  'fully collapsed; cannot be cleared by hand',
  'flooded to the ceiling',
  'sealed by a fallen slab',
];

type State = FilePassage['state'];

export function buildSiteGraph(seed: number, shelterCount: number, people: number): SiteGraph {
  const random = createRandom(seed, 1);
  let pointIndex = 0;
  let passageIndex = 0;
  const points: FilePoint[] = [];
  const passages: FilePassage[] = [];
  const position = new Map<string, { x: number; y: number }>();

  const addPoint = (point: Omit<FilePoint, 'id'>): string => {
    const id = generatedId('point', pointIndex++, random);
    points.push({ id, ...point });
    position.set(id, { x: point.x ?? 0, y: point.y ?? 0 });
    return id;
  };
  const addPassage = (from: string, to: string, state: State, winding: number): void => {
    const a = position.get(from)!;
    const b = position.get(to)!;
    const lengthM = Math.max(1, Math.round(Math.hypot(a.x - b.x, a.y - b.y) * winding));
    passages.push(
      passageRecord(random, generatedId('passage', passageIndex++, random), from, to, lengthM, state),
    );
  };

  // Tunnel junctions: about one for every three shelters, on a grid with some jitter.
  const junctionCount = Math.max(2, Math.ceil(shelterCount / 3));
  const columns = Math.ceil(Math.sqrt(junctionCount));
  const rows = Math.ceil(junctionCount / columns);
  const width = String(Math.max(junctionCount, shelterCount)).length;
  const code = (prefix: string, n: number) => `${prefix}-${String(n).padStart(Math.max(3, width), '0')}`;
  const junctions: string[] = [];
  for (let j = 0; j < junctionCount; j++) {
    const row = Math.floor(j / columns);
    const column = j % columns;
    junctions.push(
      addPoint({
        kind: 'junction',
        code: code('J', j + 1),
        name: `Junction ${j + 1}`,
        x: metres(column * junctionSpacingM + random.uniform(-50, 50)),
        y: metres(row * junctionSpacingM + random.uniform(-50, 50)),
      }),
    );
  }

  // Shelters: several to a junction, spread evenly, each a short passage away from it.
  const shelterIds: string[] = [];
  const shelterWeights = Array.from({ length: shelterCount }, () => Math.exp(0.5 * random.normal()));
  const totalWeight = shelterWeights.reduce((sum, w) => sum + w, 0);
  const home: number[] = [];
  for (let s = 0; s < shelterCount; s++) {
    const j = Math.floor((s * junctionCount) / shelterCount);
    const at = position.get(junctions[j]!)!;
    const angle = random.uniform(0, 2 * Math.PI);
    const distance = random.uniform(40, 100);
    const kind = weighted(random, [
      ['bunker', 45],
      ['basement', 30],
      ['tunnel_section', 15],
      ['building', 10],
    ] as const);
    const depth = { bunker: [8, 14], basement: [3, 6], tunnel_section: [6, 12], building: [0, 0] }[kind];
    // Built for roughly as many as shelter there now: some overcrowded, some with room to spare.
    const expected = (people * shelterWeights[s]!) / totalWeight;
    const capacity = Math.min(1_000_000, Math.max(10, Math.round(expected * random.uniform(0.7, 1.5))));
    home.push(j);
    shelterIds.push(
      addPoint({
        kind: 'shelter',
        code: code('S', s + 1),
        name: `${{ bunker: 'Bunker', basement: 'Basement', tunnel_section: 'Tunnel section', building: 'Building' }[kind]} ${s + 1} — ${random.pick(workshops)}`,
        x: metres(at.x + distance * Math.cos(angle)),
        y: metres(at.y + distance * Math.sin(angle)),
        shelterKind: kind,
        level: { bunker: -2, basement: -1, tunnel_section: -2, building: 0 }[kind],
        ...(kind === 'building' ? {} : { depthM: Math.round(random.uniform(depth[0]!, depth[1]!) * 2) / 2 }),
        capacity,
        // In the order PostgreSQL's jsonb keeps keys (shortest first), so an export reads the same.
        conditions: {
          air: random.pick(conditionChoices.air),
          food: random.pick(conditionChoices.food),
          water: random.pick(conditionChoices.water),
          medical: random.pick(conditionChoices.medical),
        },
        ...(random.chance(0.6) ? { supervisor: supervisorName(random) } : {}),
      }),
    );
  }

  // Exits on the edge of the plant, spread round it, and pickup points on the roads beyond.
  const centre = { x: ((columns - 1) * junctionSpacingM) / 2, y: ((rows - 1) * junctionSpacingM) / 2 };
  const edge = junctions
    .map((id, j) => ({ id, j, ...position.get(id)! }))
    .filter(({ j }) => {
      const row = Math.floor(j / columns);
      const column = j % columns;
      return (
        row === 0 ||
        row === rows - 1 ||
        column === 0 ||
        column === columns - 1 ||
        j + columns >= junctionCount
      );
    })
    .sort((a, b) => Math.atan2(a.y - centre.y, a.x - centre.x) - Math.atan2(b.y - centre.y, b.x - centre.x));
  const exitCount = Math.min(edge.length, 2 + Math.floor(Math.sqrt(shelterCount) / 3), 12);
  const offset = random.next();
  const exits: Array<{ id: string; junction: string; x: number; y: number }> = [];
  for (let e = 0; e < exitCount; e++) {
    const junction = edge[Math.floor(((e + offset) * edge.length) / exitCount) % edge.length]!;
    const outward = unit(junction.x - centre.x, junction.y - centre.y, random);
    const distance = random.uniform(100, 180);
    const x = metres(junction.x + outward.x * distance);
    const y = metres(junction.y + outward.y * distance);
    const id = addPoint({
      kind: 'exit',
      code: `E-${String(e + 1).padStart(2, '0')}`,
      name: `Exit ${e + 1}`,
      x,
      y,
    });
    exits.push({ id, junction: junction.id, x, y });
  }
  const pickups: string[] = [];
  for (let p = 0; p < Math.ceil(exitCount / 2); p++) {
    const served = exits.slice(p * 2, p * 2 + 2);
    const mx = served.reduce((sum, e) => sum + e.x, 0) / served.length;
    const my = served.reduce((sum, e) => sum + e.y, 0) / served.length;
    const outward = unit(mx - centre.x, my - centre.y, random);
    const distance = random.uniform(300, 800);
    pickups.push(
      addPoint({
        kind: 'pickup_point',
        code: `P-${String(p + 1).padStart(2, '0')}`,
        name: `Pickup point ${p + 1}`,
        x: metres(mx + outward.x * distance),
        y: metres(my + outward.y * distance),
      }),
    );
  }

  // Tunnels between neighbouring junctions; a random spanning tree of them stays passable.
  const edges: Array<[number, number]> = [];
  for (let j = 0; j < junctionCount; j++) {
    if ((j % columns) + 1 < columns && j + 1 < junctionCount) edges.push([j, j + 1]);
    if (j + columns < junctionCount) edges.push([j, j + columns]);
  }
  for (let i = edges.length - 1; i > 0; i--) {
    const k = random.int(0, i);
    [edges[i], edges[k]] = [edges[k]!, edges[i]!];
  }
  const parent = Array.from({ length: junctionCount }, (_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const [a, b] of edges) {
    const inTree = root(a) !== root(b);
    if (inTree) parent[root(a)] = root(b);
    const state: State = inTree
      ? random.chance(0.88)
        ? 'open'
        : 'unsafe'
      : weighted<State>(random, [
          ['open', 50],
          ['blocked', 30],
          ['unsafe', 8],
          ['impassable', 12],
        ]);
    addPassage(junctions[a]!, junctions[b]!, state, random.uniform(1.05, 1.4));
  }

  // Each shelter's own passage to its junction, and for some a second way out.
  const cutOff = shelterIds.map(() => random.chance(0.12));
  if (shelterCount >= 3 && !cutOff.includes(true)) cutOff[random.int(0, shelterCount - 1)] = true;
  shelterIds.forEach((shelter, s) => {
    const j = home[s]!;
    const other = neighbour(j, columns, junctionCount, random);
    if (cutOff[s]) {
      addPassage(shelter, junctions[j]!, 'blocked', random.uniform(1.1, 1.5));
      if (random.chance(0.3)) addPassage(shelter, junctions[other]!, 'impassable', random.uniform(1.1, 1.5));
    } else if (random.chance(0.3)) {
      const access = weighted<State>(random, [
        ['open', 80],
        ['unsafe', 10],
        ['blocked', 5],
        ['impassable', 5],
      ]);
      addPassage(shelter, junctions[j]!, access, random.uniform(1.1, 1.5));
      addPassage(
        shelter,
        junctions[other]!,
        random.chance(0.75) ? 'open' : 'unsafe',
        random.uniform(1.1, 1.5),
      );
    } else {
      addPassage(shelter, junctions[j]!, random.chance(0.88) ? 'open' : 'unsafe', random.uniform(1.1, 1.5));
    }
  });

  // Exits: the first always open, so the plant has a way out; the roads to the pickup points.
  exits.forEach((exit, e) => {
    const state: State =
      e === 0
        ? 'open'
        : weighted<State>(random, [
            ['open', 75],
            ['blocked', 20],
            ['unsafe', 5],
          ]);
    addPassage(exit.junction, exit.id, state, random.uniform(1.05, 1.3));
    addPassage(
      exit.id,
      pickups[Math.floor(e / 2)]!,
      random.chance(0.8) ? 'open' : 'unsafe',
      random.uniform(1.1, 1.4),
    );
  });

  // Points in the order `corridor export` lists them (by kind, then code), so that a generated file
  // and the export of its import are the same.
  points.sort((a, b) => (a.kind === b.kind ? (a.code < b.code ? -1 : 1) : a.kind < b.kind ? -1 : 1));
  return { points, passages, shelterIds, shelterWeights, cutOff };
}

function passageRecord(
  random: Random,
  id: string,
  from: string,
  to: string,
  lengthM: number,
  state: State,
): FilePassage {
  if (state === 'open') return { id, from, to, lengthM, state };
  // Clearance efforts spread over two orders of magnitude: a few hours of shovelling to weeks.
  const hours =
    state === 'blocked'
      ? Math.min(2000, Math.max(2, Math.round(Math.exp(3.5 + random.normal()))))
      : undefined;
  const notes = state === 'blocked' ? blockedNotes : state === 'unsafe' ? unsafeNotes : impassableNotes;
  return {
    id,
    from,
    to,
    lengthM,
    state,
    ...(hours === undefined ? {} : { clearancePersonHours: hours }),
    note: random.pick(notes),
    stateReportedAt: new Date(idEpochMs - random.int(1, 72) * 3_600_000).toISOString(),
    stateReportedBy: `field team ${random.int(1, 9)}`,
  };
}

function neighbour(j: number, columns: number, count: number, random: Random): number {
  const options = [j - 1, j + 1, j - columns, j + columns].filter(
    (k, i) => k >= 0 && k < count && (i > 1 || Math.floor(k / columns) === Math.floor(j / columns)),
  );
  return options.length > 0 ? random.pick(options) : j === 0 ? 1 : 0;
}

function unit(dx: number, dy: number, random: Random): { x: number; y: number } {
  const length = Math.hypot(dx, dy);
  if (length < 1) {
    const angle = random.uniform(0, 2 * Math.PI);
    return { x: Math.cos(angle), y: Math.sin(angle) };
  }
  return { x: dx / length, y: dy / length };
}

function supervisorName(random: Random): string {
  const female = random.chance(0.5);
  const surname = random.pick(surnameList)[female ? 'female' : 'male'];
  const given = female ? random.pick(femaleGivenNames.middle) : random.pick(maleGivenNames.middle).given;
  return `${given.cyrl} ${surname.cyrl} (${given.latn} ${surname.latn})`;
}
