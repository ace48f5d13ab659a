// Disjoint sets with path halving and union by size, over the integers 0 .. size - 1.
export class UnionFind {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(count: number) {
    this.parent = new Int32Array(count);
    this.size = new Int32Array(count).fill(1);
    for (let i = 0; i < count; i++) this.parent[i] = i;
  }

  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  }

  /** Joins the sets of a and b; false when they were already one set. */
  union(a: number, b: number): boolean {
    let ra = this.find(a);
    let rb = this.find(b);
    if (ra === rb) return false;
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    return true;
  }

  same(a: number, b: number): boolean {
    return this.find(a) === this.find(b);
  }
}

/**
 * Disjoint sets that also list their members: each set is a linked list headed by its root, so
 * joining two sets is constant work and a set's members can be walked. The planner's decoder
 * walks the members of the two sets a cleared passage joins, and copies a start state per run.
 */
export class MemberSets {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;
  /** The next member after x in its set's list, or -1. */
  readonly next: Int32Array;
  private readonly last: Int32Array;

  constructor(readonly count: number) {
    this.parent = new Int32Array(count);
    this.size = new Int32Array(count);
    this.next = new Int32Array(count);
    this.last = new Int32Array(count);
    this.clear();
  }

  /** Every element alone again. */
  clear(): void {
    for (let i = 0; i < this.count; i++) {
      this.parent[i] = i;
      this.size[i] = 1;
      this.next[i] = -1;
      this.last[i] = i;
    }
  }

  copyFrom(other: MemberSets): void {
    this.parent.set(other.parent);
    this.size.set(other.size);
    this.next.set(other.next);
    this.last.set(other.last);
  }

  find(x: number): number {
    const parent = this.parent;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  }

  /** The number of members of the set whose root is r. */
  sizeOf(r: number): number {
    return this.size[r]!;
  }

  /** Joins the sets with roots ra and rb (different); returns the root of the joined set. */
  join(ra: number, rb: number): number {
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra];
    this.parent[rb] = ra;
    this.size[ra]! += this.size[rb]!;
    this.next[this.last[ra]!] = rb;
    this.last[ra] = this.last[rb]!;
    return ra;
  }
}
