// An undirected weighted graph in compressed adjacency arrays: every list is a typed array, so a
// graph of 100,000 edges costs a few megabytes and walking it never allocates.

export interface Graph {
  readonly nodeCount: number;
  readonly edgeCount: number;
  /** Endpoints of edge e: tail[e] and head[e] (the direction carries no meaning). */
  readonly tail: Int32Array;
  readonly head: Int32Array;
  readonly weight: Float64Array;
  /** The incidences of node v are adjStart[v] .. adjStart[v + 1] - 1 in adjEdge and adjNode. */
  readonly adjStart: Int32Array;
  readonly adjEdge: Int32Array;
  readonly adjNode: Int32Array;
}

/** Builds the adjacency arrays of the edges (tail[e], head[e], weight[e]); loops are not allowed. */
export function buildGraph(
  nodeCount: number,
  tail: ArrayLike<number>,
  head: ArrayLike<number>,
  weight: ArrayLike<number>,
): Graph {
  const edgeCount = tail.length;
  if (head.length !== edgeCount || weight.length !== edgeCount)
    throw new Error('tail, head and weight must have the same length');
  const t = Int32Array.from(tail);
  const h = Int32Array.from(head);
  const w = Float64Array.from(weight);
  const adjStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    const u = t[e]!;
    const v = h[e]!;
    if (!(u >= 0 && u < nodeCount && v >= 0 && v < nodeCount))
      throw new Error(`edge ${e} has an endpoint outside 0..${nodeCount - 1}`);
    if (u === v) throw new Error(`edge ${e} is a loop at node ${u}`);
    if (!(w[e]! >= 0) || !Number.isFinite(w[e]!)) throw new Error(`edge ${e} has weight ${w[e]}`);
    adjStart[u + 1]!++;
    adjStart[v + 1]!++;
  }
  for (let v = 0; v < nodeCount; v++) adjStart[v + 1]! += adjStart[v]!;
  const fill = adjStart.slice(0, nodeCount);
  const adjEdge = new Int32Array(2 * edgeCount);
  const adjNode = new Int32Array(2 * edgeCount);
  for (let e = 0; e < edgeCount; e++) {
    const u = t[e]!;
    const v = h[e]!;
    let i = fill[u]!++;
    adjEdge[i] = e;
    adjNode[i] = v;
    i = fill[v]!++;
    adjEdge[i] = e;
    adjNode[i] = u;
  }
  return { nodeCount, edgeCount, tail: t, head: h, weight: w, adjStart, adjEdge, adjNode };
}

/** The endpoint of edge e that is not v. */
export const otherEnd = (graph: Graph, e: number, v: number): number =>
  graph.tail[e] === v ? graph.head[e]! : graph.tail[e]!;

export const degree = (graph: Graph, v: number): number => graph.adjStart[v + 1]! - graph.adjStart[v]!;

/** The total weight of a list of edges. */
export function edgesCost(graph: Graph, edges: ArrayLike<number>): number {
  let cost = 0;
  for (let i = 0; i < edges.length; i++) cost += graph.weight[edges[i]!]!;
  return cost;
}
