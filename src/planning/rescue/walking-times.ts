import { TravelMatrix } from './travel.ts';
import { MemberSets } from './union-find.ts';

// Walking times between key points while one schedule is decoded: passages are cleared one after
// another, and a crew asks how far a passage is from where it stands.
//
// The open passages split the key points into groups (the travel matrix holds the times inside each
// group, and never changes). A cleared passage joins two groups; as long as every cleared passage
// joins two groups that could not reach each other before, the groups and the cleared passages form
// a forest, and a shortest walk follows the forest's one path between two groups: inside each group
// on the way, the open-passage time from where it entered to the passage it leaves by, then that
// passage. So a walking time is a climb to the two groups' common ancestor — a few steps — and
// clearing a passage links two trees (the smaller one re-rooted), with no matrix to copy or update.
//
// A cleared passage between two groups that can already reach each other (a crew kept on a
// passage parallel to another, say) closes a cycle, and the forest no longer tells the shortest
// walk. Then this run falls back to the full matrix: a copy of the open-passage times with every
// passage cleared so far applied to it (travel.ts), exact for any graph.

export class WalkingTimes {
  /** The open-passage group of each key point, numbered 0 .. groupCount - 1. */
  private readonly groupOf: Int32Array;
  private readonly trees: MemberSets;
  /** Per group: its parent in the forest, the key points the link joins, and the link's hours. */
  private readonly parent: Int32Array;
  private readonly childKey: Int32Array;
  private readonly parentKey: Int32Array;
  private readonly linkHours: Float64Array;
  private readonly depth: Int32Array;
  private readonly depthStamp: Int32Array;
  private stamp = 0;
  /** The passages cleared in this run, as (a, b, hours) triples, for a fallback to the matrix. */
  private readonly opened: number[] = [];
  private matrix: TravelMatrix | undefined;
  private useMatrix = false;

  constructor(private readonly base: TravelMatrix) {
    const { size, groups } = base;
    this.groupOf = new Int32Array(size);
    const idOfRoot = new Int32Array(size).fill(-1);
    let count = 0;
    for (let k = 0; k < size; k++) {
      const root = groups.find(k);
      if (idOfRoot[root] === -1) idOfRoot[root] = count++;
      this.groupOf[k] = idOfRoot[root]!;
    }
    this.trees = new MemberSets(count);
    this.parent = new Int32Array(count);
    this.childKey = new Int32Array(count);
    this.parentKey = new Int32Array(count);
    this.linkHours = new Float64Array(count);
    this.depth = new Int32Array(count);
    this.depthStamp = new Int32Array(count);
    this.reset();
  }

  /** Back to the open passages only. */
  reset(): void {
    this.trees.clear();
    this.parent.fill(-1);
    this.depth.fill(0);
    this.opened.length = 0;
    this.useMatrix = false;
  }

  /** Whether this run had to fall back to the full matrix (a cleared passage closed a cycle). */
  get fellBack(): boolean {
    return this.useMatrix;
  }

  /** Equal for two key points exactly when a crew can walk from one to the other. */
  region(x: number): number {
    return this.useMatrix ? this.matrix!.groups.find(x) : this.trees.find(this.groupOf[x]!);
  }

  /** Hours to walk from key point x to key point y, Infinity when there is no way. */
  hours(x: number, y: number): number {
    const { size, hours: d } = this.base;
    if (this.useMatrix) return this.matrix!.hours[x * size + y]!;
    let u = this.groupOf[x]!;
    let v = this.groupOf[y]!;
    if (this.trees.find(u) !== this.trees.find(v)) return Number.POSITIVE_INFINITY;
    let px = x;
    let py = y;
    let total = 0;
    while (u !== v) {
      if (this.depth[u]! >= this.depth[v]!) {
        total += d[px * size + this.childKey[u]!]! + this.linkHours[u]!;
        px = this.parentKey[u]!;
        u = this.parent[u]!;
      } else {
        total += d[py * size + this.childKey[v]!]! + this.linkHours[v]!;
        py = this.parentKey[v]!;
        v = this.parent[v]!;
      }
    }
    return total + d[px * size + py]!;
  }

  /** A passage between key points a and b is cleared; walking through it takes `hours`. */
  open(a: number, b: number, hours: number): void {
    this.opened.push(a, b, hours);
    if (this.useMatrix) {
      this.matrix!.open(a, b, hours);
      return;
    }
    let ga = this.groupOf[a]!;
    let gb = this.groupOf[b]!;
    let ra = this.trees.find(ga);
    let rb = this.trees.find(gb);
    if (ra === rb) {
      this.fallBack();
      return;
    }
    // The smaller tree is re-rooted at its end of the passage and hung below the other end.
    if (this.trees.sizeOf(ra) < this.trees.sizeOf(rb)) {
      [a, b, ga, gb, ra, rb] = [b, a, gb, ga, rb, ra];
    }
    this.evert(gb);
    this.parent[gb] = ga;
    this.childKey[gb] = b;
    this.parentKey[gb] = a;
    this.linkHours[gb] = hours;
    this.redepth(rb, gb);
    this.trees.join(ra, rb);
  }

  /** Makes g the root of its tree by turning round the links on its way to the old root. */
  private evert(g: number): void {
    let previous = -1;
    let previousChildKey = -1;
    let previousParentKey = -1;
    let previousHours = 0;
    for (let x = g; x >= 0; ) {
      const up = this.parent[x]!;
      const ck = this.childKey[x]!;
      const pk = this.parentKey[x]!;
      const h = this.linkHours[x]!;
      this.parent[x] = previous;
      this.childKey[x] = previousChildKey;
      this.parentKey[x] = previousParentKey;
      this.linkHours[x] = previousHours;
      previous = x;
      previousChildKey = pk;
      previousParentKey = ck;
      previousHours = h;
      x = up;
    }
  }

  /** New depths for the groups of the tree whose set root is r, now hanging from g. */
  private redepth(r: number, g: number): void {
    const stamp = ++this.stamp;
    this.depth[g] = this.depth[this.parent[g]!]! + 1;
    this.depthStamp[g] = stamp;
    const chain: number[] = [];
    for (let m = r; m >= 0; m = this.trees.next[m]!) {
      chain.length = 0;
      let x = m;
      while (this.depthStamp[x] !== stamp) {
        chain.push(x);
        x = this.parent[x]!;
      }
      for (let i = chain.length - 1; i >= 0; i--) {
        const y = chain[i]!;
        this.depth[y] = this.depth[this.parent[y]!]! + 1;
        this.depthStamp[y] = stamp;
      }
    }
  }

  private fallBack(): void {
    this.matrix ??= new TravelMatrix(this.base.size);
    this.matrix.copyFrom(this.base);
    for (let i = 0; i < this.opened.length; i += 3)
      this.matrix.open(this.opened[i]!, this.opened[i + 1]!, this.opened[i + 2]!);
    this.useMatrix = true;
  }
}
