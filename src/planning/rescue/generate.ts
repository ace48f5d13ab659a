import { buildGraph } from './graph.ts';
import type {
  Crew,
  OccupiedShelter,
  PersonNeeds,
  RescueInput,
  RescuePassage,
  RescuePoint,
} from './plan-types.ts';
import { randomInt, seededRandom } from './random.ts';
import type { SteinerProblem } from './tree.ts';

// A deterministic generator of tunnel-like sites for tests and benchmarks: junctions on a jittered
// grid joined by tunnels (a share of grid links missing, so that many junctions have two or three
// tunnels, as underground), shelters hanging off junctions, and exits on the edge. Passages are
// open, blocked (with person-hours to clear), unsafe or impassable at random, in proportions that
// leave most shelters behind at least one blocked passage. The same seed gives the same site.

export interface GeneratedSiteOptions {
  seed: number;
  /** About how many passages (the result is within a few per cent). */
  passages: number;
  occupiedShelters: number;
  crews: number;
  /** Shares of open, blocked and unsafe passages (the rest impassable); default 0.55, 0.33, 0.06. */
  open?: number;
  blocked?: number;
  unsafe?: number;
}

export function generateSite(options: GeneratedSiteOptions): RescueInput {
  const random = seededRandom(options.seed);
  const openShare = options.open ?? 0.55;
  const blockedShare = options.blocked ?? 0.33;
  const unsafeShare = options.unsafe ?? 0.06;
  // About 1.75 passages per junction once shelters and exits are added.
  const junctions = Math.max(4, Math.round(options.passages / 1.75));
  const cols = Math.max(2, Math.round(Math.sqrt(junctions * 1.5)));
  const rows = Math.max(2, Math.round(junctions / cols));
  const points: RescuePoint[] = [];
  const passages: RescuePassage[] = [];
  const position: Array<[number, number]> = [];
  const spacing = 120;
  const addPoint = (kind: RescuePoint['kind'], code: string, x: number, y: number): string => {
    const id = `pt-${points.length}`;
    points.push({ id, kind, code });
    position.push([x, y]);
    return id;
  };
  const state = (): Pick<RescuePassage, 'state' | 'clearancePersonHours'> => {
    const r = random();
    if (r < openShare) return { state: 'open', clearancePersonHours: null };
    if (r < openShare + blockedShare) {
      // Mostly a day or two of work for a small crew, sometimes much more.
      const hours = Math.round(4 + 60 * random() ** 2 + (random() < 0.1 ? 150 * random() : 0));
      return { state: 'blocked', clearancePersonHours: hours };
    }
    if (r < openShare + blockedShare + unsafeShare) return { state: 'unsafe', clearancePersonHours: null };
    return { state: 'impassable', clearancePersonHours: null };
  };
  const link = (
    from: string,
    to: string,
    fixed?: Pick<RescuePassage, 'state' | 'clearancePersonHours'>,
  ): void => {
    const a = position[Number(from.slice(3))]!;
    const b = position[Number(to.slice(3))]!;
    const lengthM = Math.round(Math.hypot(a[0] - b[0], a[1] - b[1]) * (1 + 0.3 * random()));
    passages.push({
      id: `ps-${passages.length}`,
      code: `P${passages.length + 1}`,
      from,
      to,
      lengthM,
      ...(fixed ?? state()),
    });
  };
  const junctionId: string[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      junctionId.push(
        addPoint(
          'junction',
          `J${r + 1}-${c + 1}`,
          c * spacing + 40 * (random() - 0.5),
          r * spacing + 40 * (random() - 0.5),
        ),
      );
  const at = (r: number, c: number): string => junctionId[r * cols + c]!;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) {
      // Keep the first row and column whole so that the tunnels stay one network.
      if (c + 1 < cols && (r === 0 || random() < 0.78)) link(at(r, c), at(r, c + 1));
      if (r + 1 < rows && (c === 0 || random() < 0.78)) link(at(r, c), at(r + 1, c));
    }
  const exitCount = Math.max(1, Math.min(6, Math.round(Math.sqrt(junctions) / 6)));
  for (let i = 0; i < exitCount; i++) {
    const c = Math.floor(((i + 0.5) * cols) / exitCount);
    const id = addPoint('exit', `E${i + 1}`, c * spacing, -spacing);
    link(id, at(0, c), { state: 'open', clearancePersonHours: null });
  }
  const shelterCount = Math.max(options.occupiedShelters, Math.round(junctions / 6));
  const shelterIds: string[] = [];
  for (let i = 0; i < shelterCount; i++) {
    const r = randomInt(random, 0, rows - 1);
    const c = randomInt(random, 0, cols - 1);
    const [x, y] = position[Number(at(r, c).slice(3))]!;
    const id = addPoint('shelter', `S${i + 1}`, x + 30, y + 30);
    shelterIds.push(id);
    link(id, at(r, c));
    if (random() < 0.3) link(id, at(Math.min(rows - 1, r + 1), c));
  }
  // Occupied shelters: the deepest ones first would be too kind; take them at random.
  const chosen = shelterIds
    .map((id) => ({ id, key: random() }))
    .sort((a, b) => a.key - b.key)
    .slice(0, options.occupiedShelters)
    .map((s) => s.id);
  const shelters: OccupiedShelter[] = chosen.map((shelterId) => {
    const count = randomInt(random, 3, 60);
    const people: PersonNeeds[] = Array.from({ length: count }, () => {
      const r = random();
      if (r < 0.05) return { vulnerabilities: ['wounded'], triage: 'T1' };
      if (r < 0.12) return { vulnerabilities: ['wounded'], triage: random() < 0.5 ? 'T2' : 'T3' };
      if (r < 0.3) return { ageBand: random() < 0.5 ? '0-4' : '5-11', vulnerabilities: ['child'] };
      if (r < 0.42) return { ageBand: '60+', vulnerabilities: ['elderly'] };
      return { ageBand: '18-59' };
    });
    return { shelterId, people };
  });
  const exits = points.filter((p) => p.kind === 'exit');
  const crews: Crew[] = Array.from({ length: options.crews }, (_, i) => ({
    id: `crew-${i + 1}`,
    size: randomInt(random, 4, 8),
    at: exits[i % exits.length]!.id,
    hoursPerShift: 8,
    restHours: 4,
  }));
  return { points, passages, shelters, crews, betweenExitsHours: 1 };
}

/** A side × side grid with random edge weights 1–100 and k terminals at random nodes: a hard case. */
export function gridProblem(side: number, k: number, seed: number): SteinerProblem {
  const random = seededRandom(seed);
  const tail: number[] = [];
  const head: number[] = [];
  const weight: number[] = [];
  const link = (u: number, v: number): void => {
    tail.push(u);
    head.push(v);
    weight.push(randomInt(random, 1, 100));
  };
  for (let r = 0; r < side; r++)
    for (let c = 0; c < side; c++) {
      const v = r * side + c;
      if (c + 1 < side) link(v, v + 1);
      if (r + 1 < side) link(v, v + side);
    }
  const terminals = new Set<number>();
  while (terminals.size < Math.min(k, side * side)) terminals.add(randomInt(random, 0, side * side - 1));
  return { graph: buildGraph(side * side, tail, head, weight), terminals: Int32Array.from(terminals) };
}
