import { buildGraph } from './graph.ts';
import type { RescueInput, RescuePassage } from './plan-types.ts';
import type { SteinerProblem } from './tree.ts';
import { UnionFind } from './union-find.ts';
import { resolveWeights, shelterWeight } from './weights.ts';

// From the site to a Steiner problem. Open passages cost nothing, so the points they join are
// contracted into one node; all exits are joined into one root. Each blocked passage between two
// such nodes is an edge weighing its person-hours. Unsafe and impassable passages are left out:
// no one is sent through them. The terminals are the root and the nodes of the occupied shelters
// that are not already joined to it.

export class RescueInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RescueInputError';
  }
}

export interface ShelterInfo {
  shelterId: string;
  point: number;
  node: number;
  weight: number;
  /** reached: already joined to an exit; needs: blocked passages stand between; cut-off: no way. */
  status: 'reached' | 'needs' | 'cut-off';
  reason?: string;
}

export interface SiteModel {
  pointIndex: Map<string, number>;
  /** A short name per point (its code or id), for messages. */
  pointName: string[];
  /** The Steiner node of each point (its open-passage component, exits all one node). */
  nodeOfPoint: Int32Array;
  nodeCount: number;
  /** The node of the exits, or -1 when the site has none. */
  root: number;
  /** The Steiner problem over the reachable part; edge e stands for passages[edgePassage[e]]. */
  problem: SteinerProblem;
  edgePassage: number[];
  shelters: ShelterInfo[];
}

const name = (p: { id: string; code?: string }): string => p.code ?? p.id;

export function validateInput(input: RescueInput): void {
  const ids = new Set<string>();
  for (const p of input.points) {
    if (ids.has(p.id)) throw new RescueInputError(`point ${p.id} is listed twice`);
    ids.add(p.id);
  }
  const passageIds = new Set<string>();
  for (const p of input.passages) {
    if (passageIds.has(p.id)) throw new RescueInputError(`passage ${name(p)} is listed twice`);
    passageIds.add(p.id);
    if (!ids.has(p.from))
      throw new RescueInputError(`passage ${name(p)} starts at ${p.from}, which is not a point`);
    if (!ids.has(p.to))
      throw new RescueInputError(`passage ${name(p)} ends at ${p.to}, which is not a point`);
    if (!(Number.isFinite(p.lengthM) && p.lengthM >= 0))
      throw new RescueInputError(`passage ${name(p)} needs a length ≥ 0 m`);
    if (!['open', 'blocked', 'unsafe', 'impassable'].includes(p.state))
      throw new RescueInputError(`passage ${name(p)} has an unknown state ${p.state}`);
    if (p.state === 'blocked' && !(typeof p.clearancePersonHours === 'number' && p.clearancePersonHours > 0))
      throw new RescueInputError(`blocked passage ${name(p)} needs clearancePersonHours > 0`);
    if (p.state === 'blocked' && !Number.isFinite(p.clearancePersonHours))
      throw new RescueInputError(`blocked passage ${name(p)} needs a finite clearancePersonHours`);
  }
  const shelterIds = new Set<string>();
  const kindOf = new Map(input.points.map((p) => [p.id, p.kind]));
  for (const s of input.shelters) {
    if (kindOf.get(s.shelterId) !== 'shelter')
      throw new RescueInputError(`occupied shelter ${s.shelterId} is not a shelter of the site`);
    if (shelterIds.has(s.shelterId)) throw new RescueInputError(`shelter ${s.shelterId} is listed twice`);
    shelterIds.add(s.shelterId);
    for (const [field, value] of [
      ['count', s.count],
      ['weight', s.weight],
    ] as const)
      if (value !== undefined && !(Number.isFinite(value) && value >= 0))
        throw new RescueInputError(`shelter ${s.shelterId}: ${field} must be a number ≥ 0`);
  }
  const crewIds = new Set<string>();
  for (const c of input.crews) {
    if (crewIds.has(c.id)) throw new RescueInputError(`crew ${c.id} is listed twice`);
    crewIds.add(c.id);
    if (!ids.has(c.at)) throw new RescueInputError(`crew ${c.id} is at ${c.at}, which is not a point`);
    if (!(Number.isFinite(c.size) && c.size > 0)) throw new RescueInputError(`crew ${c.id} needs a size > 0`);
    if (!(Number.isFinite(c.hoursPerShift) && c.hoursPerShift > 0))
      throw new RescueInputError(`crew ${c.id} needs hoursPerShift > 0`);
    if (!(Number.isFinite(c.restHours) && c.restHours >= 0))
      throw new RescueInputError(`crew ${c.id} needs restHours ≥ 0`);
    if (c.shiftStartedAt !== undefined && !Number.isFinite(c.shiftStartedAt))
      throw new RescueInputError(`crew ${c.id}: shiftStartedAt must be a number of hours`);
  }
  if (input.walkingSpeedKmh !== undefined && !(input.walkingSpeedKmh > 0))
    throw new RescueInputError('walkingSpeedKmh must be > 0');
  if (input.betweenExitsHours != null && !(input.betweenExitsHours >= 0))
    throw new RescueInputError('betweenExitsHours must be ≥ 0 (or null)');
  try {
    resolveWeights(input.weights);
  } catch (error) {
    throw new RescueInputError((error as Error).message);
  }
}

/**
 * Builds the Steiner problem. `passable` says which passages count as open (open ones, and those
 * a crew is already finishing when re-planning); `cost` gives a blocked passage's person-hours.
 */
export function buildSiteModel(
  input: RescueInput,
  passable: (p: RescuePassage) => boolean,
  cost: (p: RescuePassage) => number,
): SiteModel {
  const pointIndex = new Map(input.points.map((p, i) => [p.id, i]));
  const pointName = input.points.map(name);
  const count = input.points.length;
  const joined = new UnionFind(count);
  const exits = input.points.flatMap((p, i) => (p.kind === 'exit' ? [i] : []));
  for (const e of exits) joined.union(exits[0]!, e);
  for (const p of input.passages)
    if (passable(p)) joined.union(pointIndex.get(p.from)!, pointIndex.get(p.to)!);
  const nodeOfPoint = new Int32Array(count);
  const nodeOfRep = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const rep = joined.find(i);
    let node = nodeOfRep.get(rep);
    if (node === undefined) {
      node = nodeOfRep.size;
      nodeOfRep.set(rep, node);
    }
    nodeOfPoint[i] = node;
  }
  const nodeCount = nodeOfRep.size;
  const root = exits.length > 0 ? nodeOfPoint[exits[0]!]! : -1;
  const tail: number[] = [];
  const head: number[] = [];
  const weight: number[] = [];
  const edgePassage: number[] = [];
  input.passages.forEach((p, i) => {
    if (p.state !== 'blocked' || passable(p)) return;
    const u = nodeOfPoint[pointIndex.get(p.from)!]!;
    const v = nodeOfPoint[pointIndex.get(p.to)!]!;
    if (u === v) return;
    tail.push(u);
    head.push(v);
    weight.push(cost(p));
    edgePassage.push(i);
  });
  const graph = buildGraph(nodeCount, tail, head, weight);
  // Which nodes the root reaches once every blocked passage is cleared.
  const reach = new Uint8Array(nodeCount);
  if (root >= 0) {
    const stack = [root];
    reach[root] = 1;
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (let i = graph.adjStart[v]!; i < graph.adjStart[v + 1]!; i++) {
        const u = graph.adjNode[i]!;
        if (reach[u] === 0) {
          reach[u] = 1;
          stack.push(u);
        }
      }
    }
  }
  const weights = resolveWeights(input.weights);
  const cutOff = cutOffReasons(input, pointIndex, pointName);
  const shelters: ShelterInfo[] = input.shelters.map((s) => {
    const point = pointIndex.get(s.shelterId)!;
    const node = nodeOfPoint[point]!;
    const info: ShelterInfo = {
      shelterId: s.shelterId,
      point,
      node,
      weight: shelterWeight(s, weights),
      status: 'needs',
    };
    if (node === root) info.status = 'reached';
    else if (root < 0 || reach[node] === 0) {
      info.status = 'cut-off';
      info.reason = root < 0 ? 'cut off: the site has no exit' : cutOff(point);
    }
    return info;
  });
  const terminals = new Set<number>();
  if (root >= 0 && shelters.some((s) => s.status === 'needs')) terminals.add(root);
  for (const s of shelters) if (s.status === 'needs') terminals.add(s.node);
  return {
    pointIndex,
    pointName,
    nodeOfPoint,
    nodeCount,
    root,
    problem: { graph, terminals: Int32Array.from(terminals) },
    edgePassage,
    shelters,
  };
}

/**
 * Names the unsafe and impassable passages that close off the part of the site around a point.
 * The passages' incidences are listed once, and each closed-off part is explored once however many
 * shelters lie in it: a site with thousands of cut-off shelters costs one walk of the site.
 */
function cutOffReasons(
  input: RescueInput,
  pointIndex: Map<string, number>,
  pointName: string[],
): (start: number) => string {
  let adjacent: number[][] | undefined;
  const region = new Int32Array(input.points.length).fill(-1);
  const closingOf: Array<Map<string, string>> = [];
  const explore = (start: number): Map<string, string> => {
    adjacent ??= incidences(input, pointIndex);
    const id = closingOf.length;
    const closing = new Map<string, string>();
    closingOf.push(closing);
    region[start] = id;
    const stack = [start];
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (const i of adjacent[v]!) {
        const p = input.passages[i]!;
        const u = pointIndex.get(p.from) === v ? pointIndex.get(p.to)! : pointIndex.get(p.from)!;
        if (p.state === 'unsafe' || p.state === 'impassable') {
          if (region[u] !== id) closing.set(name(p), p.state);
          continue;
        }
        if (region[u] === -1) {
          region[u] = id;
          stack.push(u);
        }
      }
    }
    return closing;
  };
  return (start) => {
    const closing = region[start] === -1 ? explore(start) : closingOf[region[start]!]!;
    if (closing.size === 0) return `cut off: no passage leads from ${pointName[start]} towards an exit`;
    const listed = [...closing].slice(0, 8).map(([passage, state]) => `${passage} ${state}`);
    const more = closing.size > 8 ? ` and ${closing.size - 8} more` : '';
    return `cut off: every way to an exit crosses a passage that is unsafe or impassable (${listed.join(', ')}${more})`;
  };
}

function incidences(input: RescueInput, pointIndex: Map<string, number>): number[][] {
  const adjacent: number[][] = input.points.map(() => []);
  input.passages.forEach((p, i) => {
    adjacent[pointIndex.get(p.from)!]!.push(i);
    adjacent[pointIndex.get(p.to)!]!.push(i);
  });
  return adjacent;
}
