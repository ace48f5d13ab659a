import { edgesCost, type Graph } from './graph.ts';

// A Steiner tree under local search: its edges, each node's degree in it, and its key paths (the
// chains between terminals and branching nodes). The moves in local-search.ts and
// vertex-insertion.ts take edges out and put edges in; this keeps the counts that they test.

export interface KeyPath {
  edges: number[];
  /** Nodes inside the path (degree 2, not terminals). */
  inner: number[];
  from: number;
  to: number;
  cost: number;
}

export class TreeState {
  readonly inTree: Uint8Array;
  readonly degree: Int32Array;
  readonly edges = new Set<number>();
  /** 1 for the nodes that some tree edge touches. */
  readonly nodeInTree: Uint8Array;

  constructor(
    readonly graph: Graph,
    readonly isTerminal: Uint8Array,
    edges: readonly number[],
  ) {
    this.inTree = new Uint8Array(graph.edgeCount);
    this.degree = new Int32Array(graph.nodeCount);
    this.nodeInTree = new Uint8Array(graph.nodeCount);
    for (const e of edges) this.add(e);
  }

  add(e: number): void {
    if (this.inTree[e] === 1) return;
    this.inTree[e] = 1;
    this.edges.add(e);
    for (const v of [this.graph.tail[e]!, this.graph.head[e]!]) {
      this.degree[v]!++;
      this.nodeInTree[v] = 1;
    }
  }

  remove(e: number): void {
    if (this.inTree[e] === 0) return;
    this.inTree[e] = 0;
    this.edges.delete(e);
    for (const v of [this.graph.tail[e]!, this.graph.head[e]!]) {
      if (--this.degree[v]! === 0) this.nodeInTree[v] = 0;
    }
  }

  replaceAll(edges: readonly number[]): void {
    for (const e of [...this.edges]) this.remove(e);
    for (const e of edges) this.add(e);
  }

  cost(): number {
    return edgesCost(this.graph, [...this.edges]);
  }

  isKey(v: number): boolean {
    return this.isTerminal[v] === 1 || this.degree[v] !== 2;
  }

  nodes(): number[] {
    const seen = new Set<number>();
    for (const e of this.edges) {
      seen.add(this.graph.tail[e]!);
      seen.add(this.graph.head[e]!);
    }
    return [...seen];
  }

  keyPaths(): KeyPath[] {
    const { graph, inTree } = this;
    const walked = new Set<number>();
    const paths: KeyPath[] = [];
    for (const start of this.nodes()) {
      if (!this.isKey(start)) continue;
      for (let i = graph.adjStart[start]!; i < graph.adjStart[start + 1]!; i++) {
        let e = graph.adjEdge[i]!;
        if (inTree[e] === 0 || walked.has(e)) continue;
        const path: KeyPath = { edges: [], inner: [], from: start, to: start, cost: 0 };
        let v = start;
        for (;;) {
          walked.add(e);
          path.edges.push(e);
          path.cost += graph.weight[e]!;
          v = graph.tail[e] === v ? graph.head[e]! : graph.tail[e]!;
          if (this.isKey(v)) break;
          path.inner.push(v);
          let next = -1;
          for (let j = graph.adjStart[v]!; j < graph.adjStart[v + 1]!; j++) {
            const f = graph.adjEdge[j]!;
            if (inTree[f] === 1 && f !== e) {
              next = f;
              break;
            }
          }
          e = next;
        }
        path.to = v;
        paths.push(path);
      }
    }
    return paths;
  }
}
