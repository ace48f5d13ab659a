import { buildGraph } from './graph.ts';
import { ShortestPathSearch } from './paths.ts';

// Walking times between the points that matter to the crews (where they stand, the ends of the
// passages to clear, the exits): a matrix over these key points, first through open passages
// only, then widened whenever a passage is cleared. Widening by one passage (a, b) of length ℓ is
// D[i][j] = min(D[i][j], D[i][a] + ℓ + D[b][j], D[i][b] + ℓ + D[a][j]) — K² work for K key points.

export interface TravelMatrix {
  size: number;
  /** Hours from key point i to key point j (row-major), Infinity when no way is open. */
  hours: Float64Array;
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
  const graph = buildGraph(pointCount, openEdges.from, openEdges.to, openEdges.hours);
  const size = keyPoints.length + (outsideHours === null ? 0 : 1);
  const hours = new Float64Array(size * size).fill(Number.POSITIVE_INFINITY);
  const search = new ShortestPathSearch(graph);
  for (let i = 0; i < keyPoints.length; i++) {
    search.reset();
    search.addSource(keyPoints[i]!, 0);
    search.run();
    for (let j = 0; j < keyPoints.length; j++) hours[i * size + j] = search.dist[keyPoints[j]!]!;
  }
  if (outsideHours !== null) {
    const outside = size - 1;
    hours[outside * size + outside] = 0;
    // The way outside from each exit, as if it were one more passage.
    for (const k of exitKeys) widen({ size, hours }, k, outside, outsideHours / 2);
  }
  return { size, hours };
}

/** Opens a way between key points a and b taking `hours` (a cleared passage). */
export function widen(matrix: TravelMatrix, a: number, b: number, hours: number): void {
  const { size, hours: d } = matrix;
  const rowA = a * size;
  const rowB = b * size;
  for (let i = 0; i < size; i++) {
    const row = i * size;
    const toA = d[row + a]!;
    const toB = d[row + b]!;
    if (toA === Number.POSITIVE_INFINITY && toB === Number.POSITIVE_INFINITY) continue;
    const viaA = toA + hours;
    const viaB = toB + hours;
    for (let j = 0; j < size; j++) {
      const c1 = viaA + d[rowB + j]!;
      const c2 = viaB + d[rowA + j]!;
      const c = Math.min(c1, c2);
      if (c < d[row + j]!) d[row + j] = c;
    }
  }
}
