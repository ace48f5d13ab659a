import { edgesCost } from './graph.ts';
import { ShortestPathSearch } from './paths.ts';
import { cleanTree, type SteinerProblem, type SteinerTree, terminalMask } from './tree.ts';
import { type KeyPath, TreeState } from './tree-state.ts';
import { UnionFind } from './union-find.ts';
import { vertexInsertionPass } from './vertex-insertion.ts';

// Local search on a Steiner tree, in the neighbourhoods of Uchoa and Werneck (2010):
// - key-path exchange: a key path runs between two key nodes (terminals or nodes of degree 3 or
//   more) through nodes of degree 2. Removing it splits the tree in two; if the shortest path
//   between the two parts is shorter, it replaces the key path.
// - key-vertex elimination: removing a non-terminal key node and its key paths splits the tree in
//   as many parts as it had paths; if a minimum spanning tree of the parts over shortest paths is
//   lighter than what was removed, it replaces them.
// Both reconnect parts with one multi-source Dijkstra (a Voronoi partition around the parts),
// bounded by the weight removed — an improving connection never reaches further — so each move
// costs what the neighbourhood of the removed piece costs, not the whole graph.
// - vertex insertion (vertex-insertion.ts): a node next to the tree joins it, the tree becomes the
//   minimum spanning tree of its nodes and that one, pruned; kept when lighter.

const epsilon = 1e-9;

export interface LocalSearchOptions {
  /** performance.now() after which the search stops with the best tree so far. */
  deadline: number;
  /** Stop after this many passes over the neighbourhoods (for deterministic runs). */
  maxPasses?: number;
  /** The neighbourhoods to search (default: all three). */
  neighbourhoods?: Partial<Record<Neighbourhood, boolean>>;
}

export type Neighbourhood = 'keyPath' | 'keyVertex' | 'vertexInsertion';

export type LocalSearchMoves = Record<Neighbourhood, number>;

export interface LocalSearchResult extends SteinerTree {
  moves: LocalSearchMoves;
}

export function improveTree(
  problem: SteinerProblem,
  start: SteinerTree,
  options: LocalSearchOptions,
  search = new ShortestPathSearch(problem.graph),
): LocalSearchResult {
  const { graph } = problem;
  const isTerminal = terminalMask(problem);
  const state = new TreeState(graph, isTerminal, start.edges);
  const moves: LocalSearchMoves = { keyPath: 0, keyVertex: 0, vertexInsertion: 0 };
  const label = new Int32Array(graph.nodeCount).fill(-1);
  const maxPasses = options.maxPasses ?? Number.POSITIVE_INFINITY;
  if (problem.terminals.length <= 2) {
    // One shortest path is optimal for two terminals; the exact methods take care of it.
    return { ...start, moves };
  }
  const use = { keyPath: true, keyVertex: true, vertexInsertion: true, ...options.neighbourhoods };
  const passes: Array<[Neighbourhood, () => number]> = [
    ['vertexInsertion', () => vertexInsertionPass(state, options.deadline)],
    ['keyVertex', () => keyVertexPass(state, search, label, options.deadline)],
    ['keyPath', () => keyPathPass(state, search, label, options.deadline)],
  ];
  for (let pass = 0; pass < maxPasses; pass++) {
    let improved = false;
    for (const [name, run] of passes) {
      if (!use[name] || performance.now() > options.deadline) continue;
      const moved = run();
      moves[name] += moved;
      improved ||= moved > 0;
    }
    if (!improved || performance.now() > options.deadline) break;
  }
  const edges = [...state.edges];
  return { edges, cost: edgesCost(graph, edges), moves };
}

/**
 * Labels the parts of the tree that remain once edges are taken out, one part per node of
 * `starts`, all but the largest: the parts are explored in turns and the last one still growing
 * is left unlabelled (its nodes are told apart as tree nodes without a label). Searching from the
 * smaller parts only is what keeps a move cheap on a large tree. Returns the labelled nodes and
 * the index of the unlabelled part.
 */
function labelParts(
  state: TreeState,
  starts: number[],
  label: Int32Array,
): { labelled: number[]; largest: number } {
  const { graph, inTree } = state;
  const labelled: number[] = [];
  const frontiers = starts.map((s, part) => {
    label[s] = part;
    labelled.push(s);
    return [s];
  });
  const members = starts.map((s) => [s]);
  let open = starts.length;
  const done = new Uint8Array(starts.length);
  while (open > 1) {
    for (let part = 0; part < starts.length && open > 1; part++) {
      if (done[part] === 1) continue;
      const frontier = frontiers[part]!;
      const v = frontier.pop();
      if (v === undefined) {
        done[part] = 1;
        open--;
        continue;
      }
      for (let i = graph.adjStart[v]!; i < graph.adjStart[v + 1]!; i++) {
        if (inTree[graph.adjEdge[i]!] === 0) continue;
        const u = graph.adjNode[i]!;
        if (label[u] !== -1) continue;
        label[u] = part;
        labelled.push(u);
        members[part]!.push(u);
        frontier.push(u);
      }
    }
  }
  const largest = done.indexOf(0);
  for (const v of members[largest]!) label[v] = -1;
  return { labelled: labelled.filter((v) => label[v] !== -1), largest };
}

/**
 * The cheapest way, below `bound`, to join the parts by shortest paths through nodes outside the
 * tree: the labelled parts grow Voronoi regions, which meet each other or touch the unlabelled
 * largest part; a spanning tree over those contacts joins everything. Returns its edges and cost,
 * or undefined when no connection below the bound exists.
 */
function reconnect(
  state: TreeState,
  search: ShortestPathSearch,
  labelled: number[],
  label: Int32Array,
  parts: number,
  largest: number,
  largestEnd: number,
  bound: number,
): { edges: number[]; cost: number } | undefined {
  const { graph } = state;
  search.reset();
  for (const v of labelled) search.addSource(v, label[v]!);
  // Tree nodes are never crossed: the labelled ones are sources, the others belong to the largest
  // part and are contacts. The end of the largest part may have lost its last edge: mark it too.
  const blocked = state.nodeInTree;
  const endWasMarked = blocked[largestEnd]!;
  blocked[largestEnd] = 1;
  // With two parts the first contact found bounds the rest of the search.
  const tighten =
    parts === 2
      ? (u: number, current: number): number => {
          let best = current;
          for (let j = graph.adjStart[u]!; j < graph.adjStart[u + 1]!; j++) {
            const y = graph.adjNode[j]!;
            if (label[y] === -1 && blocked[y] === 1)
              best = Math.min(best, search.dist[u]! + graph.weight[graph.adjEdge[j]!]!);
          }
          return best;
        }
      : undefined;
  search.run(bound, blocked, undefined, -1, Number.POSITIVE_INFINITY, tighten);
  const { dist, base } = search;
  const candidates: Array<[number, number, number, number]> = [];
  for (let i = 0; i < search.settledCount; i++) {
    const u = search.settled[i]!;
    const bu = base[u]!;
    for (let j = graph.adjStart[u]!; j < graph.adjStart[u + 1]!; j++) {
      const y = graph.adjNode[j]!;
      const e = graph.adjEdge[j]!;
      if (label[y] === -1 && blocked[y] === 1) {
        const cost = dist[u]! + graph.weight[e]!;
        if (cost < bound) candidates.push([cost, e, bu, largest]);
        continue;
      }
      const by = base[y]!;
      if (by < 0 || by === bu) continue;
      const cost = dist[u]! + graph.weight[e]! + dist[y]!;
      if (cost < bound) candidates.push([cost, e, bu, by]);
    }
  }
  blocked[largestEnd] = endWasMarked;
  candidates.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const joined = new UnionFind(parts);
  const edges: number[] = [];
  let cost = 0;
  let count = 1;
  for (const [c, e, pa, pb] of candidates) {
    if (count === parts) break;
    if (!joined.union(pa, pb)) continue;
    cost += c;
    if (cost >= bound) return undefined;
    count++;
    edges.push(e);
    search.pathEdges(graph.tail[e]!, edges);
    search.pathEdges(graph.head[e]!, edges);
  }
  return count === parts ? { edges, cost } : undefined;
}

function clearLabels(labelled: number[], label: Int32Array): void {
  for (const v of labelled) label[v] = -1;
}

function keyPathPass(
  state: TreeState,
  search: ShortestPathSearch,
  label: Int32Array,
  deadline: number,
): number {
  let moved = 0;
  // Paths tried in this pass, by their first edge and ends; after a move the rest are still tried.
  const tried = new Set<string>();
  let paths = state.keyPaths().sort((a, b) => b.cost - a.cost);
  for (let i = 0; i < paths.length; i++) {
    if (performance.now() > deadline) break;
    const path = paths[i]!;
    const signature = `${path.edges[0]}:${path.from}:${path.to}`;
    if (path.cost <= epsilon || tried.has(signature)) continue;
    tried.add(signature);
    for (const e of path.edges) state.remove(e);
    const ends = [path.from, path.to];
    const { labelled, largest } = labelParts(state, ends, label);
    const found = reconnect(state, search, labelled, label, 2, largest, ends[largest]!, path.cost - epsilon);
    clearLabels(labelled, label);
    if (found && found.cost < path.cost - epsilon) {
      for (const e of found.edges) state.add(e);
      moved++;
      // The tree changed shape: its key paths must be found again.
      paths = state.keyPaths().sort((a, b) => b.cost - a.cost);
      i = -1;
    } else {
      for (const e of path.edges) state.add(e);
    }
  }
  return moved;
}

function keyVertexPass(
  state: TreeState,
  search: ShortestPathSearch,
  label: Int32Array,
  deadline: number,
): number {
  let moved = 0;
  let paths = state.keyPaths();
  const byNode = (list: KeyPath[]): Map<number, KeyPath[]> => {
    const map = new Map<number, KeyPath[]>();
    for (const p of list) {
      for (const end of [p.from, p.to]) {
        if (state.isTerminal[end] === 1 || state.degree[end]! < 3) continue;
        const at = map.get(end);
        if (at) at.push(p);
        else map.set(end, [p]);
      }
    }
    return map;
  };
  let around = byNode(paths);
  let candidates = [...around.keys()];
  const tried = new Set<number>();
  for (let i = 0; i < candidates.length; i++) {
    if (performance.now() > deadline) break;
    const x = candidates[i]!;
    const incident = around.get(x);
    if (tried.has(x) || !incident || state.degree[x]! < 3 || incident.some((p) => p.from === p.to)) continue;
    tried.add(x);
    let removedCost = 0;
    for (const p of incident) {
      removedCost += p.cost;
      for (const e of p.edges) state.remove(e);
    }
    const ends = incident.map((p) => (p.from === x ? p.to : p.from));
    const { labelled, largest } = labelParts(state, ends, label);
    const found = reconnect(
      state,
      search,
      labelled,
      label,
      ends.length,
      largest,
      ends[largest]!,
      removedCost - epsilon,
    );
    clearLabels(labelled, label);
    if (found && found.cost < removedCost - epsilon) {
      const kept = [...state.edges, ...found.edges];
      const cleaned = cleanTree(state.graph, kept, state.isTerminal);
      state.replaceAll(cleaned.edges);
      moved++;
      paths = state.keyPaths();
      around = byNode(paths);
      candidates = [...around.keys()];
      i = -1;
    } else {
      for (const p of incident) for (const e of p.edges) state.add(e);
    }
  }
  return moved;
}
