import type { SteinerProblem } from './tree.ts';

// Wong's dual ascent (1984) on the directed cut formulation: with the edges as pairs of arcs and a
// root terminal, every set W of nodes that holds a terminal but not the root must be entered by an
// arc of the tree. The dual gives each such cut a value y_W; raising y_W by the least reduced cost
// of the arcs entering W keeps the dual feasible, and the sum of the raises is a lower bound on
// every Steiner tree. W is the set of nodes that reach a terminal over arcs at reduced cost zero.
//
// The terminal whose cut has the fewest arcs goes first (the usual rule for a strong bound), and
// it keeps growing while its cut stays the smallest. During such a run the arcs entering W sit in
// a heap keyed by their reduced cost plus the total raise at the time they entered, so each raise
// costs a heap operation instead of a pass over the cut. Stopping early (deadline) leaves a valid,
// weaker bound.

export interface DualAscentResult {
  lowerBound: number;
  /** Reduced cost of arc 2e (tail → head) and arc 2e + 1 (head → tail). */
  reducedCosts: Float64Array;
  root: number;
  /** False when the deadline cut the ascent short. */
  complete: boolean;
}

const saturated = 1e-12;

class PairHeap {
  readonly keys: number[] = [];
  readonly items: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, item: number): void {
    const { keys, items } = this;
    let i = keys.length;
    keys.push(key);
    items.push(item);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (keys[p]! <= key) break;
      keys[i] = keys[p]!;
      items[i] = items[p]!;
      i = p;
    }
    keys[i] = key;
    items[i] = item;
  }

  pop(): number {
    const { keys, items } = this;
    const top = items[0]!;
    const lastKey = keys.pop()!;
    const lastItem = items.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && keys[c + 1]! < keys[c]!) c++;
        if (keys[c]! >= lastKey) break;
        keys[i] = keys[c]!;
        items[i] = items[c]!;
        i = c;
      }
      keys[i] = lastKey;
      items[i] = lastItem;
    }
    return top;
  }

  clear(): void {
    this.keys.length = 0;
    this.items.length = 0;
  }
}

export function dualAscent(
  problem: SteinerProblem,
  root: number,
  deadline = Number.POSITIVE_INFINITY,
): DualAscentResult {
  const { graph, terminals } = problem;
  const n = graph.nodeCount;
  const { adjStart, adjEdge, adjNode, tail } = graph;
  const rc = new Float64Array(2 * graph.edgeCount);
  for (let e = 0; e < graph.edgeCount; e++) {
    rc[2 * e] = graph.weight[e]!;
    rc[2 * e + 1] = graph.weight[e]!;
  }
  const active = new Uint8Array(n);
  const waiting = new PairHeap();
  for (const t of terminals)
    if (t !== root && active[t] === 0) {
      active[t] = 1;
      waiting.push(0, t);
    }
  const stamp = new Int32Array(n);
  let generation = 0;
  const cutHeap = new PairHeap();
  // The total raise when an arc entered the current cut: its reduced cost is rc − (raised − entered).
  const entered = new Float64Array(2 * graph.edgeCount);
  const inCut = new Uint8Array(2 * graph.edgeCount);
  const cutArcs: number[] = [];
  let lowerBound = 0;
  let complete = true;
  let steps = 0;
  // The arc u → v along edge e: 2e if u is the tail, else 2e + 1.
  const arcInto = (e: number, u: number): number => (tail[e] === u ? 2 * e : 2 * e + 1);

  while (waiting.size > 0) {
    const key = waiting.keys[0]!;
    const t = waiting.pop();
    if (active[t] === 0) continue;
    if (performance.now() > deadline) {
      complete = false;
      break;
    }
    generation++;
    let raised = 0;
    let cutSize = 0;
    let stop = false;
    cutHeap.clear();
    cutArcs.length = 0;
    const queue: number[] = [];
    // Adds v to W, and every node that reaches it over saturated arcs.
    const grow = (start: number): void => {
      stamp[start] = generation;
      queue.push(start);
      while (queue.length > 0) {
        const v = queue.pop()!;
        if (v === root || (v !== t && active[v] === 1)) stop = true;
        for (let j = adjStart[v]!, end = adjStart[v + 1]!; j < end; j++) {
          const u = adjNode[j]!;
          const e = adjEdge[j]!;
          if (stamp[u] === generation) {
            // The arc v → u now runs inside W: settle its reduced cost and take it off the cut.
            const a = arcInto(e, v);
            if (inCut[a] === 1) {
              rc[a]! -= raised - entered[a]!;
              inCut[a] = 0;
              cutSize--;
            }
            continue;
          }
          const a = arcInto(e, u);
          if (rc[a]! <= saturated) {
            stamp[u] = generation;
            queue.push(u);
            continue;
          }
          inCut[a] = 1;
          entered[a] = raised;
          cutArcs.push(a);
          cutHeap.push(rc[a]! + raised, a);
          cutSize++;
        }
      }
    };
    grow(t);
    if (stop) {
      // Joined to the root, or W holds another active terminal whose cut is the smaller one and
      // carries t along once it reaches the root.
      active[t] = 0;
    } else if (cutSize === 0) {
      throw new Error('the terminals are not all connected');
    } else if (cutSize > key && waiting.size > 0 && waiting.keys[0]! < cutSize) {
      waiting.push(cutSize, t);
    } else {
      while (!stop) {
        let a = -1;
        while (cutHeap.size > 0) {
          const candidate = cutHeap.pop();
          if (inCut[candidate] === 1) {
            a = candidate;
            break;
          }
        }
        if (a < 0) throw new Error('the terminals are not all connected');
        const delta = rc[a]! - (raised - entered[a]!);
        raised += Math.max(0, delta);
        lowerBound += Math.max(0, delta);
        rc[a] = 0;
        inCut[a] = 0;
        cutSize--;
        const u = a % 2 === 0 ? graph.tail[a >> 1]! : graph.head[a >> 1]!;
        if (stamp[u] !== generation) grow(u);
        if ((++steps & 255) === 0 && performance.now() > deadline) break;
        if (waiting.size > 0 && cutSize > waiting.keys[0]!) break;
      }
      if (stop) active[t] = 0;
      else waiting.push(cutSize, t);
    }
    // Settle the reduced costs of the arcs still in the cut.
    for (const a of cutArcs) {
      if (inCut[a] === 0) continue;
      rc[a]! -= raised - entered[a]!;
      inCut[a] = 0;
    }
  }
  for (const t of terminals) if (active[t] === 1) complete = false;
  return { lowerBound, reducedCosts: rc, root, complete };
}
