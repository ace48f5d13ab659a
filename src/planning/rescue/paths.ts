import type { Graph } from './graph.ts';
import { IndexedMinHeap } from './heap.ts';

// Dijkstra's algorithm from one or many sources. A search keeps its arrays between runs and resets
// only the nodes it touched, so the local searches can run thousands of small searches on a graph
// of 100,000 edges without paying for the whole graph each time.
export class ShortestPathSearch {
  readonly dist: Float64Array;
  /** The edge by which each node was reached, or -1 for a source or an unreached node. */
  readonly pred: Int32Array;
  /** The label of the source whose region each node lies in (a Voronoi partition), or -1. */
  readonly base: Int32Array;
  private readonly heap: IndexedMinHeap;
  private readonly touched: Int32Array;
  private touchedCount = 0;
  /** Nodes settled by the last run, in order of distance. */
  readonly settled: Int32Array;
  settledCount = 0;

  constructor(readonly graph: Graph) {
    const n = graph.nodeCount;
    this.dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    this.pred = new Int32Array(n).fill(-1);
    this.base = new Int32Array(n).fill(-1);
    this.heap = new IndexedMinHeap(n);
    this.touched = new Int32Array(n);
    this.settled = new Int32Array(n);
  }

  reset(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const v = this.touched[i]!;
      this.dist[v] = Number.POSITIVE_INFINITY;
      this.pred[v] = -1;
      this.base[v] = -1;
    }
    this.touchedCount = 0;
    this.settledCount = 0;
    this.heap.clear();
  }

  addSource(v: number, label: number, distance = 0): void {
    if (distance >= this.dist[v]!) return;
    if (this.dist[v] === Number.POSITIVE_INFINITY) this.touched[this.touchedCount++] = v;
    this.dist[v] = distance;
    this.pred[v] = -1;
    this.base[v] = label;
    this.heap.push(v, distance);
  }

  /**
   * Settles nodes in order of distance up to `bound` (inclusive). Nodes with blocked[v] = 1 are
   * never entered; edges with blockedEdge[e] = 1 are never used. Stops after settling `target`,
   * or `maxSettled` nodes. `tighten`, called on each settled node, may lower the bound (a caller
   * that has found a connection of some cost needs nothing farther). Returns the number settled.
   */
  run(
    bound = Number.POSITIVE_INFINITY,
    blocked?: Uint8Array,
    blockedEdge?: Uint8Array,
    target = -1,
    maxSettled = Number.POSITIVE_INFINITY,
    tighten?: (u: number, bound: number) => number,
  ): number {
    const { adjStart, adjEdge, adjNode, weight } = this.graph;
    const { dist, pred, base, heap, touched, settled } = this;
    this.settledCount = 0;
    while (heap.size > 0) {
      if (heap.peekKey() > bound || this.settledCount >= maxSettled) break;
      const u = heap.pop();
      settled[this.settledCount++] = u;
      if (u === target) break;
      if (tighten !== undefined) bound = tighten(u, bound);
      const du = dist[u]!;
      const bu = base[u]!;
      for (let i = adjStart[u]!, end = adjStart[u + 1]!; i < end; i++) {
        const v = adjNode[i]!;
        if (blocked !== undefined && blocked[v] === 1) continue;
        const e = adjEdge[i]!;
        if (blockedEdge !== undefined && blockedEdge[e] === 1) continue;
        const dv = du + weight[e]!;
        if (dv < dist[v]!) {
          if (dist[v] === Number.POSITIVE_INFINITY) touched[this.touchedCount++] = v;
          dist[v] = dv;
          pred[v] = e;
          base[v] = bu;
          heap.push(v, dv);
        }
      }
    }
    return this.settledCount;
  }

  /** Appends to `out` the edges of the path from v back to its source. */
  pathEdges(v: number, out: number[]): void {
    const { tail, head } = this.graph;
    for (let e = this.pred[v]!; e >= 0; e = this.pred[v]!) {
      out.push(e);
      v = tail[e] === v ? head[e]! : tail[e]!;
    }
  }
}

/** Distances from the sources to every node (Infinity where unreachable). */
export function distancesFrom(graph: Graph, sources: ArrayLike<number>): ShortestPathSearch {
  const search = new ShortestPathSearch(graph);
  for (let i = 0; i < sources.length; i++) search.addSource(sources[i]!, i);
  search.run();
  return search;
}
