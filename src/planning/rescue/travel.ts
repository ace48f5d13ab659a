import { buildGraph, type Graph } from './graph.ts';
import { ShortestPathSearch } from './paths.ts';
import { MemberSets } from './union-find.ts';

// Walking times between the points that matter to the crews (where they stand, the ends of the
// passages to clear, the exits): a matrix over these key points, first through open passages
// only, then updated whenever a passage is cleared.
//
// The key points fall into groups that can walk to each other (the matrix is finite inside a group
// and infinite across). Clearing a passage (a, b) of length ℓ between two groups changes only the
// distances across them, which were infinite: D[i][j] = D[i][a] + ℓ + D[b][j] for i on a's side
// and j on b's — a shortest way crosses the new passage once, and no other way joins the groups.
// Summed over a whole schedule that is at most one update per pair of key points, K² in all, where
// updating every row for every cleared passage cost K² each time. A passage between two points of
// the same group is a shortcut: the group's pairs take the usual min(D[i][j], D[i][a] + ℓ + D[b][j],
// D[i][b] + ℓ + D[a][j]).

export class TravelMatrix {
  /** Hours from key point i to key point j (row-major), Infinity when no way is open. */
  readonly hours: Float64Array;
  /** The groups of key points that can walk to each other. */
  readonly groups: MemberSets;

  constructor(readonly size: number) {
    this.hours = new Float64Array(size * size).fill(Number.POSITIVE_INFINITY);
    for (let i = 0; i < size; i++) this.hours[i * size + i] = 0;
    this.groups = new MemberSets(size);
  }

  copyFrom(other: TravelMatrix): void {
    this.hours.set(other.hours);
    this.groups.copyFrom(other.groups);
  }

  /** Opens a way between key points a and b taking `hours` (a cleared passage). */
  open(a: number, b: number, hours: number): void {
    const { size, hours: d, groups } = this;
    const ra = groups.find(a);
    const rb = groups.find(b);
    const next = groups.next;
    if (ra !== rb) {
      const rowB = b * size;
      for (let i = ra; i >= 0; i = next[i]!) {
        const viaA = d[i * size + a]! + hours;
        const row = i * size;
        for (let j = rb; j >= 0; j = next[j]!) {
          const c = viaA + d[rowB + j]!;
          d[row + j] = c;
          d[j * size + i] = c;
        }
      }
      groups.join(ra, rb);
      return;
    }
    const members: number[] = [];
    for (let i = ra; i >= 0; i = next[i]!) members.push(i);
    const rowA = a * size;
    const rowB = b * size;
    for (const i of members) {
      const row = i * size;
      const viaA = d[row + a]! + hours;
      const viaB = d[row + b]! + hours;
      for (const j of members) {
        const c = Math.min(viaA + d[rowB + j]!, viaB + d[rowA + j]!);
        if (c < d[row + j]!) d[row + j] = c;
      }
    }
  }
}

/**
 * The open passages with what cannot change a walking time between key points taken out: dead
 * ends without a key point (a shelter no one needs, a blind tunnel) are cut back, repeatedly, and
 * a point without a key on a plain stretch (two passages) becomes one longer passage. On a site
 * that leaves about a third of the points, and each search from a key point costs that much less.
 */
function reducedOpenGraph(
  pointCount: number,
  openEdges: { from: number[]; to: number[]; hours: number[] },
  isKey: Uint8Array,
): Graph {
  const from = [...openEdges.from];
  const to = [...openEdges.to];
  const hours = [...openEdges.hours];
  const alive: boolean[] = from.map(() => true);
  const incident: number[][] = Array.from({ length: pointCount }, () => []);
  const degree = new Int32Array(pointCount);
  for (let e = 0; e < from.length; e++) {
    incident[from[e]!]!.push(e);
    incident[to[e]!]!.push(e);
    degree[from[e]!]!++;
    degree[to[e]!]!++;
  }
  const stack: number[] = [];
  for (let v = 0; v < pointCount; v++) if (isKey[v] === 0 && degree[v]! <= 2) stack.push(v);
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (degree[v]! > 2 || degree[v] === 0) continue;
    const live = incident[v]!.filter((e) => alive[e]);
    incident[v] = [];
    degree[v] = 0;
    for (const e of live) alive[e] = false;
    const ends = live.map((e) => (from[e] === v ? to[e]! : from[e]!));
    if (live.length === 2 && ends[0] !== ends[1]) {
      // A plain stretch: one passage of the two lengths, the ends' degrees unchanged.
      const e = from.length;
      from.push(ends[0]!);
      to.push(ends[1]!);
      hours.push(hours[live[0]!]! + hours[live[1]!]!);
      alive.push(true);
      incident[ends[0]!]!.push(e);
      incident[ends[1]!]!.push(e);
      continue;
    }
    // A dead end, or a loop back to the same point: nothing a shortest way would use.
    for (const u of ends) {
      degree[u]!--;
      if (isKey[u] === 0 && degree[u]! <= 2) stack.push(u);
    }
  }
  const kept: number[] = [];
  for (let e = 0; e < from.length; e++) if (alive[e]) kept.push(e);
  return buildGraph(
    pointCount,
    kept.map((e) => from[e]!),
    kept.map((e) => to[e]!),
    kept.map((e) => hours[e]!),
  );
}

/**
 * Hours between key points through the open passages. `outsideHours`, when given, joins every exit
 * key point to an extra key point (the outside, last) at half that many hours each way.
 */
export function openTravelMatrix(
  pointCount: number,
  openEdges: { from: number[]; to: number[]; hours: number[] },
  keyPoints: readonly number[],
  exitKeys: readonly number[],
  outsideHours: number | null,
): TravelMatrix {
  // The outside is one more point, joined to each exit by a passage of half the hours, and the
  // last key point: the searches find the ways round it like any other.
  const points = [...keyPoints];
  let edges = openEdges;
  let nodeCount = pointCount;
  if (outsideHours !== null) {
    const outside = nodeCount++;
    points.push(outside);
    const exitPoints = exitKeys.map((k) => keyPoints[k]!);
    edges = {
      from: [...openEdges.from, ...exitPoints],
      to: [...openEdges.to, ...exitPoints.map(() => outside)],
      hours: [...openEdges.hours, ...exitPoints.map(() => outsideHours / 2)],
    };
  }
  const keyCount = points.length;
  const keyIndex = new Int32Array(nodeCount).fill(-1);
  const isKey = new Uint8Array(nodeCount);
  points.forEach((p, i) => {
    keyIndex[p] = i;
    isKey[p] = 1;
  });
  const graph = reducedOpenGraph(nodeCount, edges, isKey);
  const matrix = new TravelMatrix(keyCount);
  const { size, hours } = matrix;
  // The groups of the open passages, and for each key point how many key points after it share
  // its group: a search from key i stops once it has found them (the earlier ones found i).
  const groupOf = new Int32Array(nodeCount).fill(-1);
  let groupCount = 0;
  for (const start of points) {
    if (groupOf[start] !== -1) continue;
    const stack = [start];
    groupOf[start] = groupCount;
    while (stack.length > 0) {
      const v = stack.pop()!;
      for (let i = graph.adjStart[v]!; i < graph.adjStart[v + 1]!; i++) {
        const u = graph.adjNode[i]!;
        if (groupOf[u] === -1) {
          groupOf[u] = groupCount;
          stack.push(u);
        }
      }
    }
    groupCount++;
  }
  const later = new Int32Array(keyCount);
  const seen = new Int32Array(groupCount);
  const rootOfGroup = new Int32Array(groupCount).fill(-1);
  for (let i = keyCount - 1; i >= 0; i--) later[i] = seen[groupOf[points[i]!]!]!++;
  for (let i = 0; i < keyCount; i++) {
    const g = groupOf[points[i]!]!;
    if (rootOfGroup[g] === -1) rootOfGroup[g] = i;
    else rootOfGroup[g] = matrix.groups.join(matrix.groups.find(rootOfGroup[g]!), i);
  }
  const search = new ShortestPathSearch(graph);
  for (let i = 0; i < keyCount; i++) {
    const wanted = later[i]!;
    if (wanted === 0) continue;
    let found = 0;
    search.reset();
    search.addSource(points[i]!, 0);
    search.run(Number.POSITIVE_INFINITY, undefined, undefined, -1, Number.POSITIVE_INFINITY, (u, bound) => {
      const j = keyIndex[u]!;
      if (j <= i) return bound;
      const h = search.dist[u]!;
      hours[i * size + j] = h;
      hours[j * size + i] = h;
      return ++found === wanted ? Number.NEGATIVE_INFINITY : bound;
    });
  }
  return matrix;
}
