import type { Graph } from './graph.ts';
import { IndexedMinHeap } from './heap.ts';
import { distancesFrom } from './paths.ts';
import { cleanTree, type SteinerProblem, type SteinerTree, terminalMask } from './tree.ts';

// The exact dynamic programme of Dreyfus–Wagner in the form of Erickson, Monma and Veinott: for
// every subset S of the terminals but one (the root) and every node v, cost[S][v] is the least
// weight of a tree that joins S and v. A subset's row is first the best split of S into two
// smaller subsets meeting at v, then a Dijkstra run that lets the tree reach v along an edge.
// Time O(3^q n + 2^q m log n) and memory 2^q n for q = k − 1.
//
// With a known tree of weight U, a label cost[S][v] is dropped when cost[S][v] plus a lower bound
// on joining v to the other terminals — the distance from v to the farthest of them — exceeds U:
// no tree through that label can beat U. Splits then only look at the labels that survive, which
// on graphs with spread-out weights is a small share of them.

export interface ExactDpOptions {
  /** performance.now() after which the programme gives up (returns undefined). */
  deadline?: number;
  /** The weight of a known tree: labels that cannot lead below it are pruned. */
  upperBound?: number;
}

/** Rough operation count without pruning, to decide whether the programme fits a time budget. */
export function exactDpWork(graph: Graph, terminalCount: number): { operations: number; cells: number } {
  const q = Math.max(0, terminalCount - 1);
  const cells = 2 ** q * graph.nodeCount;
  const log = Math.log2(Math.max(2, graph.nodeCount));
  const operations = 0.5 * 3 ** q * graph.nodeCount + 2 ** q * (2 * graph.edgeCount + graph.nodeCount) * log;
  return { operations, cells };
}

/** Most table cells we agree to hold (two typed arrays of this length: 12 bytes each). */
export const exactDpCellLimit = 24_000_000;

export function exactSteinerDp(
  problem: SteinerProblem,
  options: ExactDpOptions = {},
): SteinerTree | undefined {
  const { graph, terminals } = problem;
  const k = terminals.length;
  if (k <= 1) return { edges: [], cost: 0 };
  const n = graph.nodeCount;
  const q = k - 1;
  const full = (1 << q) - 1;
  if (2 ** q * n > exactDpCellLimit) throw new Error(`the exact programme would need ${2 ** q * n} cells`);
  const root = terminals[q]!;
  const upper = options.upperBound ?? Number.POSITIVE_INFINITY;
  const limit = upper + 1e-9 * Math.max(1, Math.abs(upper));
  const fromTerminal = Array.from(terminals, (t) => distancesFrom(graph, [t]).dist);
  const cost = new Float64Array((full + 1) * n).fill(Number.POSITIVE_INFINITY);
  // How cost[S][v] was reached: -(e + 1) for an edge e from the other end, a subset S1 for a split
  // into S1 and S \ S1 at v, 0 for a terminal on its own.
  const how = new Int32Array((full + 1) * n);
  // The nodes with a finite label, per subset.
  const alive: Int32Array[] = new Array(full + 1);
  const heap = new IndexedMinHeap(n);
  const rest = new Float64Array(n);
  const scratch = new Int32Array(n);
  const deadline = options.deadline ?? Number.POSITIVE_INFINITY;
  const { adjStart, adjEdge, adjNode, weight } = graph;
  const pruning = Number.isFinite(limit);
  const outsideList = new Int32Array(k);
  // Distances between terminals, for the minimum spanning trees of the bound (Prim, k² each).
  const between = Array.from(terminals, (_, i) => Array.from(terminals, (t) => fromTerminal[i]![t]!));
  const key = new Float64Array(k);
  const inTree = new Uint8Array(k);
  const terminalMst = (list: Int32Array, count: number): number => {
    for (let j = 0; j < count; j++) {
      key[j] = Number.POSITIVE_INFINITY;
      inTree[j] = 0;
    }
    key[0] = 0;
    let total = 0;
    for (let step = 0; step < count; step++) {
      let best = -1;
      for (let j = 0; j < count; j++) if (inTree[j] === 0 && (best < 0 || key[j]! < key[best]!)) best = j;
      inTree[best] = 1;
      total += key[best]!;
      const row = between[list[best]!]!;
      for (let j = 0; j < count; j++) {
        const d = row[list[j]!]!;
        if (inTree[j] === 0 && d < key[j]!) key[j] = d;
      }
    }
    return total;
  };

  for (let set = 1; set <= full; set++) {
    const row = set * n;
    if (pruning) {
      // A lower bound on joining v to the terminals outside S (the root among them), R: the
      // distance to the farthest of them, and half a 1-tree of R ∪ {v} (a Steiner tree is at least
      // half a tour, a tour at least a 1-tree): (MST(R) + the two nearest of R to v) / 2.
      let outside = 0;
      for (let i = 0; i <= q; i++) if (i === q || !(set & (1 << i))) outsideList[outside++] = i;
      const mst = outside >= 2 ? terminalMst(outsideList, outside) : 0;
      for (let v = 0; v < n; v++) {
        let far = 0;
        let near1 = Number.POSITIVE_INFINITY;
        let near2 = Number.POSITIVE_INFINITY;
        for (let j = 0; j < outside; j++) {
          const d = fromTerminal[outsideList[j]!]![v]!;
          if (d > far) far = d;
          if (d < near1) {
            near2 = near1;
            near1 = d;
          } else if (d < near2) near2 = d;
        }
        const tour = outside >= 2 ? 0.5 * (mst + near1 + near2) : 0;
        rest[v] = Math.max(far, tour);
      }
    }
    if ((set & (set - 1)) === 0) {
      cost[row + terminals[31 - Math.clz32(set)]!] = 0;
    } else {
      // Splits: S1 runs over the proper subsets that hold S's lowest bit, so each pair once.
      const low = set & -set;
      const others = set ^ low;
      for (let sub = (others - 1) & others; ; sub = (sub - 1) & others) {
        const s1 = sub | low;
        const s2 = set ^ s1;
        const a = s1 * n;
        const b = s2 * n;
        const list = alive[s1]!.length <= alive[s2]!.length ? alive[s1]! : alive[s2]!;
        for (let i = 0; i < list.length; i++) {
          const v = list[i]!;
          const c = cost[a + v]! + cost[b + v]!;
          if (c < cost[row + v]!) {
            cost[row + v] = c;
            how[row + v] = s1;
          }
        }
        if (sub === 0) break;
      }
      if (pruning)
        for (let v = 0; v < n; v++)
          if (cost[row + v]! + rest[v]! > limit) cost[row + v] = Number.POSITIVE_INFINITY;
    }
    // Dijkstra seeded with the whole row.
    heap.fill(cost.subarray(row, row + n), n);
    let count = 0;
    while (heap.size > 0) {
      const u = heap.pop();
      scratch[count++] = u;
      const cu = cost[row + u]!;
      for (let i = adjStart[u]!, end = adjStart[u + 1]!; i < end; i++) {
        const v = adjNode[i]!;
        const e = adjEdge[i]!;
        const c = cu + weight[e]!;
        if (c < cost[row + v]! && (!pruning || c + rest[v]! <= limit)) {
          cost[row + v] = c;
          how[row + v] = -(e + 1);
          heap.push(v, c);
        }
      }
    }
    alive[set] = scratch.slice(0, count);
    if ((set & 7) === 0 && performance.now() > deadline) return undefined;
  }
  const best = cost[full * n + root]!;
  if (!Number.isFinite(best)) {
    if (pruning) return undefined;
    throw new Error('the terminals are not all connected');
  }
  const edges: number[] = [];
  const stack: Array<[number, number]> = [[full, root]];
  while (stack.length > 0) {
    let [set, v] = stack.pop()!;
    for (;;) {
      const h = how[set * n + v]!;
      if (h === 0) break;
      if (h > 0) {
        stack.push([set ^ h, v]);
        set = h;
        continue;
      }
      const e = -h - 1;
      edges.push(e);
      v = graph.tail[e] === v ? graph.head[e]! : graph.tail[e]!;
    }
  }
  // The backtracked edges may overlap; cleaning keeps a tree no heavier than the optimum.
  return cleanTree(graph, edges, terminalMask(problem));
}
