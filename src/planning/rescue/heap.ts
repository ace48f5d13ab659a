// A binary min-heap of node indices keyed by float priorities, with decrease-key. Positions live in
// a typed array, so one heap serves many Dijkstra runs without allocating.
export class IndexedMinHeap {
  readonly key: Float64Array;
  private readonly items: Int32Array;
  /** Where node v sits in items, or -1 when it is not in the heap. */
  private readonly position: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.key = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.count;
  }

  has(v: number): boolean {
    return this.position[v]! >= 0;
  }

  /** Inserts v, or lowers its key; a higher key than the current one is ignored. */
  push(v: number, key: number): void {
    const at = this.position[v]!;
    if (at >= 0) {
      if (key < this.key[v]!) {
        this.key[v] = key;
        this.up(at);
      }
      return;
    }
    this.key[v] = key;
    this.items[this.count] = v;
    this.position[v] = this.count;
    this.up(this.count++);
  }

  /** Removes and returns the node with the least key (the heap must not be empty). */
  pop(): number {
    const top = this.items[0]!;
    this.position[top] = -1;
    const last = this.items[--this.count]!;
    if (this.count > 0) {
      this.items[0] = last;
      this.position[last] = 0;
      this.down(0);
    }
    return top;
  }

  peekKey(): number {
    return this.key[this.items[0]!]!;
  }

  clear(): void {
    for (let i = 0; i < this.count; i++) this.position[this.items[i]!] = -1;
    this.count = 0;
  }

  /** Replaces the contents by nodes 0 .. n - 1 with keys from `keys`, skipping infinite ones; O(n). */
  fill(keys: Float64Array, n: number): void {
    this.clear();
    for (let v = 0; v < n; v++) {
      const k = keys[v]!;
      if (k === Number.POSITIVE_INFINITY) continue;
      this.key[v] = k;
      this.items[this.count] = v;
      this.position[v] = this.count++;
    }
    for (let i = (this.count >> 1) - 1; i >= 0; i--) this.down(i);
  }

  private up(i: number): void {
    const items = this.items;
    const key = this.key;
    const v = items[i]!;
    const k = key[v]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pv = items[p]!;
      if (key[pv]! <= k) break;
      items[i] = pv;
      this.position[pv] = i;
      i = p;
    }
    items[i] = v;
    this.position[v] = i;
  }

  private down(i: number): void {
    const items = this.items;
    const key = this.key;
    const n = this.count;
    const v = items[i]!;
    const k = key[v]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && key[items[c + 1]!]! < key[items[c]!]!) c++;
      const cv = items[c]!;
      if (key[cv]! >= k) break;
      items[i] = cv;
      this.position[cv] = i;
      i = c;
    }
    items[i] = v;
    this.position[v] = i;
  }
}
