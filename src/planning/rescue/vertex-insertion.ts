import type { Graph } from './graph.ts';
import { pruneLeaves, type SteinerProblem, type SteinerTree, terminalMask } from './tree.ts';
import { TreeState } from './tree-state.ts';
import { UnionFind } from './union-find.ts';

// Vertex insertion, the third neighbourhood of Uchoa and Werneck (2010): add a node v that is not
// in the tree, take the minimum spanning tree of the subgraph induced by the tree's nodes and v,
// cut off the leaves that are not terminals, and keep the result if it is lighter.
//
// Recomputing that spanning tree from scratch costs the whole tree for every candidate. Instead the
// tree is first made the minimum spanning tree of its own nodes (pruned); then adding v and its
// edges to tree nodes w1 … wd only changes the tree on the cycles those edges close, which lie on
// the smallest subtree S joining w1 … wd. Every other tree edge is a bridge and stays; so the new
// spanning tree is the tree without S plus a minimum spanning tree of S and v's edges, found by
// Kruskal's algorithm on those few edges. The leaves it leaves behind are cut off by following the
// degrees from the removed edges' ends. Removing a leaf from a minimum spanning tree leaves a
// minimum spanning tree of the rest, so after a move the tree is again the minimum spanning tree of
// its nodes and the next candidate can be tested the same way.

const epsilon = 1e-9;

interface Insertion {
  /** Tree cost minus the cost after the insertion (positive: lighter). */
  gain: number;
  add: number[];
  remove: number[];
}

class Inserter {
  private readonly parent: Int32Array;
  private readonly parentEdge: Int32Array;
  private readonly depth: Int32Array;
  /** Per-node and per-edge marks, valid when equal to the current stamp (no clearing needed). */
  private readonly nodeMark: Int32Array;
  private readonly edgeMark: Int32Array;
  private readonly addedMark: Int32Array;
  private readonly localId: Int32Array;
  private readonly degreeDelta: Int32Array;
  private readonly lightest: Int32Array;
  private stamp = 0;

  constructor(
    private readonly state: TreeState,
    private readonly graph: Graph,
  ) {
    const n = graph.nodeCount;
    this.parent = new Int32Array(n).fill(-1);
    this.parentEdge = new Int32Array(n).fill(-1);
    this.depth = new Int32Array(n);
    this.nodeMark = new Int32Array(n);
    this.edgeMark = new Int32Array(graph.edgeCount);
    this.addedMark = new Int32Array(graph.edgeCount);
    this.localId = new Int32Array(n);
    this.degreeDelta = new Int32Array(n);
    this.lightest = new Int32Array(n);
  }

  private nextStamp(): number {
    return ++this.stamp;
  }

  /** Makes the tree the pruned minimum spanning tree of its nodes; true if that made it lighter. */
  respan(): boolean {
    const { graph, state } = this;
    const before = state.cost();
    const induced: number[] = [];
    for (const v of state.nodes())
      for (let i = graph.adjStart[v]!; i < graph.adjStart[v + 1]!; i++) {
        const u = graph.adjNode[i]!;
        if (u > v && state.nodeInTree[u] === 1) induced.push(graph.adjEdge[i]!);
      }
    // On equal weights the tree's own edges come first, so an equally light tree is left alone.
    induced.sort(
      (a, b) => graph.weight[a]! - graph.weight[b]! || state.inTree[b]! - state.inTree[a]! || a - b,
    );
    const sets = new UnionFind(graph.nodeCount);
    const spanning = induced.filter((e) => sets.union(graph.tail[e]!, graph.head[e]!));
    const pruned = pruneLeaves(graph, spanning, state.isTerminal);
    state.replaceAll(pruned.edges);
    this.root();
    return pruned.cost < before - epsilon;
  }

  /** Roots the tree at one of its nodes: parents, the edges to them, depths. */
  root(): void {
    const { graph, state, parent, parentEdge, depth } = this;
    const mark = this.nextStamp();
    const first = state.edges.values().next();
    if (first.done) return;
    const start = graph.tail[first.value]!;
    const queue = [start];
    this.nodeMark[start] = mark;
    parent[start] = -1;
    parentEdge[start] = -1;
    depth[start] = 0;
    for (let q = 0; q < queue.length; q++) {
      const v = queue[q]!;
      for (let i = graph.adjStart[v]!; i < graph.adjStart[v + 1]!; i++) {
        const e = graph.adjEdge[i]!;
        const u = graph.adjNode[i]!;
        if (state.inTree[e] === 0 || this.nodeMark[u] === mark) continue;
        this.nodeMark[u] = mark;
        parent[u] = v;
        parentEdge[u] = e;
        depth[u] = depth[v]! + 1;
        queue.push(u);
      }
    }
  }

  /** The tree nodes next to v, each with v's lightest edge to it. */
  private treeNeighbours(v: number): { nodes: number[]; edges: number[] } {
    const { graph, state, lightest } = this;
    const mark = this.nextStamp();
    const nodes: number[] = [];
    for (let i = graph.adjStart[v]!; i < graph.adjStart[v + 1]!; i++) {
      const u = graph.adjNode[i]!;
      if (state.nodeInTree[u] === 0) continue;
      const e = graph.adjEdge[i]!;
      if (this.nodeMark[u] !== mark) {
        this.nodeMark[u] = mark;
        nodes.push(u);
        lightest[u] = e;
      } else if (graph.weight[e]! < graph.weight[lightest[u]!]!) lightest[u] = e;
    }
    return { nodes, edges: nodes.map((u) => lightest[u]!) };
  }

  /** The edges of the smallest subtree that joins the given tree nodes (deepest first, upwards). */
  private joiningSubtree(nodes: number[]): number[] {
    const mark = this.nextStamp();
    const frontier = [...nodes];
    for (const v of frontier) this.nodeMark[v] = mark;
    const edges: number[] = [];
    while (frontier.length > 1) {
      let deepest = 0;
      for (let i = 1; i < frontier.length; i++)
        if (this.depth[frontier[i]!]! > this.depth[frontier[deepest]!]!) deepest = i;
      const x = frontier[deepest]!;
      frontier[deepest] = frontier[frontier.length - 1]!;
      frontier.pop();
      edges.push(this.parentEdge[x]!);
      const p = this.parent[x]!;
      if (this.nodeMark[p] !== mark) {
        this.nodeMark[p] = mark;
        frontier.push(p);
      }
    }
    return edges;
  }

  /**
   * The tree after inserting v (the pruned minimum spanning tree of the tree's nodes and v), as
   * the edges to add and remove and the weight saved; undefined when v touches fewer than two tree
   * nodes, where the insertion can only give the tree back.
   */
  evaluate(v: number): Insertion | undefined {
    const { graph, state } = this;
    const { weight, tail, head } = graph;
    const near = this.treeNeighbours(v);
    if (near.nodes.length < 2) return undefined;
    const subtree = this.joiningSubtree(near.nodes);
    // Kruskal on the subtree and v's edges; on equal weights the tree keeps its own edges.
    const candidates = [...subtree, ...near.edges].sort(
      (a, b) => weight[a]! - weight[b]! || state.inTree[b]! - state.inTree[a]! || a - b,
    );
    const idMark = this.nextStamp();
    let ids = 0;
    const local = (x: number): number => {
      if (this.nodeMark[x] !== idMark) {
        this.nodeMark[x] = idMark;
        this.localId[x] = ids++;
      }
      return this.localId[x]!;
    };
    for (const e of candidates) {
      local(tail[e]!);
      local(head[e]!);
    }
    const sets = new UnionFind(ids);
    const edgeStamp = this.nextStamp();
    const removed: number[] = [];
    const added: number[] = [];
    let gain = 0;
    for (const e of candidates) {
      const joined = sets.union(this.localId[tail[e]!]!, this.localId[head[e]!]!);
      if (state.inTree[e] === 1 && !joined) {
        removed.push(e);
        this.edgeMark[e] = edgeStamp;
        gain += weight[e]!;
      } else if (state.inTree[e] === 0 && joined) {
        added.push(e);
        this.addedMark[e] = edgeStamp;
        gain -= weight[e]!;
      }
    }
    if (removed.length === 0) return undefined;
    // Cut off the leaves that are not terminals, starting from the nodes that lost an edge.
    const degreeStamp = this.nextStamp();
    const degreeOf = (x: number): number =>
      state.degree[x]! + (this.nodeMark[x] === degreeStamp ? this.degreeDelta[x]! : 0);
    const shift = (x: number, by: number): void => {
      if (this.nodeMark[x] !== degreeStamp) {
        this.nodeMark[x] = degreeStamp;
        this.degreeDelta[x] = 0;
      }
      this.degreeDelta[x]! += by;
    };
    for (const e of removed) {
      shift(tail[e]!, -1);
      shift(head[e]!, -1);
    }
    for (const e of added) {
      shift(tail[e]!, 1);
      shift(head[e]!, 1);
    }
    const alive = (e: number): boolean =>
      this.edgeMark[e] !== edgeStamp && (state.inTree[e] === 1 || this.addedMark[e] === edgeStamp);
    const leaves = [v, ...removed.flatMap((e) => [tail[e]!, head[e]!])];
    const cut: number[] = [];
    while (leaves.length > 0) {
      const x = leaves.pop()!;
      if (state.isTerminal[x] === 1 || degreeOf(x) !== 1) continue;
      let e = -1;
      for (let i = graph.adjStart[x]!; i < graph.adjStart[x + 1]! && e < 0; i++)
        if (alive(graph.adjEdge[i]!)) e = graph.adjEdge[i]!;
      this.edgeMark[e] = edgeStamp;
      cut.push(e);
      gain += weight[e]!;
      shift(x, -1);
      const y = tail[e] === x ? head[e]! : tail[e]!;
      shift(y, -1);
      leaves.push(y);
    }
    return {
      gain,
      add: added.filter((e) => this.edgeMark[e] !== edgeStamp),
      remove: [...removed, ...cut.filter((e) => state.inTree[e] === 1)],
    };
  }

  apply(move: Insertion): void {
    for (const e of move.remove) this.state.remove(e);
    for (const e of move.add) this.state.add(e);
    this.root();
  }
}

/** Nodes outside the tree next to at least one tree node, in increasing order. */
function outsideNeighbours(state: TreeState): number[] {
  const { graph } = state;
  const seen = new Uint8Array(graph.nodeCount);
  const list: number[] = [];
  for (const v of state.nodes())
    for (let i = graph.adjStart[v]!; i < graph.adjStart[v + 1]!; i++) {
      const u = graph.adjNode[i]!;
      if (state.nodeInTree[u] === 0 && seen[u] === 0) {
        seen[u] = 1;
        list.push(u);
      }
    }
  return list.sort((a, b) => a - b);
}

/**
 * One pass of vertex insertion: the tree is made the pruned minimum spanning tree of its nodes,
 * then every node next to the tree is tried once (and the neighbours of a node that was inserted),
 * keeping each insertion that makes the tree lighter. Returns the number of improvements.
 */
export function vertexInsertionPass(state: TreeState, deadline: number): number {
  if (state.edges.size === 0) return 0;
  const inserter = new Inserter(state, state.graph);
  let moved = inserter.respan() ? 1 : 0;
  const candidates = outsideNeighbours(state);
  const queued = new Uint8Array(state.graph.nodeCount);
  for (const v of candidates) queued[v] = 1;
  const { graph } = state;
  for (let i = 0; i < candidates.length; i++) {
    if ((i & 15) === 0 && performance.now() > deadline) break;
    const v = candidates[i]!;
    if (state.nodeInTree[v] === 1) continue;
    const move = inserter.evaluate(v);
    if (!move || move.gain <= epsilon) continue;
    inserter.apply(move);
    moved++;
    for (let j = graph.adjStart[v]!; j < graph.adjStart[v + 1]!; j++) {
      const u = graph.adjNode[j]!;
      if (state.nodeInTree[u] === 0 && queued[u] === 0) {
        queued[u] = 1;
        candidates.push(u);
      }
    }
  }
  return moved;
}

/**
 * The tree that inserting v into `edges` gives — the pruned minimum spanning tree of the nodes of
 * the tree's own pruned minimum spanning tree and v — whether lighter or not. For tests, which
 * compare it with the spanning tree computed from scratch.
 */
export function insertVertex(problem: SteinerProblem, edges: readonly number[], v: number): SteinerTree {
  const state = new TreeState(problem.graph, terminalMask(problem), edges);
  const inserter = new Inserter(state, problem.graph);
  inserter.respan();
  if (state.nodeInTree[v] === 0) {
    const move = inserter.evaluate(v);
    if (move) inserter.apply(move);
  }
  const result = [...state.edges];
  return { edges: result, cost: state.cost() };
}
