// The groups still waiting at each pickup point, best first (priority weight per person), split into
// those who need only seats and those who need a stretcher or wheelchair place, so that a bus with
// seats alone never scans past the stretcher cases.
import type { Problem } from './problem.ts';

export interface Loaded {
  groups: number[];
  weight: number;
  load: number;
}

export class Pools {
  readonly plain: Int32Array[];
  readonly special: Int32Array[];
  private readonly headPlain: Int32Array;
  private readonly headSpecial: Int32Array;
  readonly taken: Uint8Array;

  constructor(
    private readonly pr: Problem,
    waiting: (g: number) => boolean,
  ) {
    const P = pr.pickups.count;
    const plain: number[][] = Array.from({ length: P }, () => []);
    const special: number[][] = Array.from({ length: P }, () => []);
    for (let g = 0; g < pr.groups.count; g++) {
      const p = pr.groups.pickup[g]!;
      if (p < 0 || !waiting(g)) continue;
      (pr.groups.stretchers[g]! + pr.groups.wheelchairs[g]! > 0 ? special : plain)[p]!.push(g);
    }
    const density = (g: number) => pr.groups.weight[g]! / pr.groups.persons[g]!;
    const order = (a: number, b: number) =>
      density(b) - density(a) || pr.groups.weight[b]! - pr.groups.weight[a]! || a - b;
    this.plain = plain.map((list) => Int32Array.from(list.sort(order)));
    this.special = special.map((list) => Int32Array.from(list.sort(order)));
    this.headPlain = new Int32Array(P);
    this.headSpecial = new Int32Array(P);
    this.taken = new Uint8Array(pr.groups.count);
    for (let g = 0; g < pr.groups.count; g++) if (pr.groups.pickup[g]! < 0 || !waiting(g)) this.taken[g] = 1;
  }

  /** True when some group still waits at pickup p. */
  hasWaiting(p: number): boolean {
    this.advance(p);
    return this.headPlain[p]! < this.plain[p]!.length || this.headSpecial[p]! < this.special[p]!.length;
  }

  private advance(p: number): void {
    const plain = this.plain[p]!;
    let h = this.headPlain[p]!;
    while (h < plain.length && this.taken[plain[h]!]) h++;
    this.headPlain[p] = h;
    const special = this.special[p]!;
    h = this.headSpecial[p]!;
    while (h < special.length && this.taken[special[h]!]) h++;
    this.headSpecial[p] = h;
  }

  /**
   * Loads vehicle v at pickup p, best groups first, within its places and `maxLoad` minutes of
   * loading; looks at no more than `scanLimit` groups of each list. Marks them taken when `commit`.
   */
  fill(v: number, p: number, maxLoad: number, scanLimit: number, commit: boolean): Loaded {
    const pr = this.pr;
    this.advance(p);
    let seats = pr.vehicles.seats[v]!;
    let stretchers = pr.vehicles.stretchers[v]!;
    let wheelchairs = pr.vehicles.wheelchairs[v]!;
    let time = maxLoad;
    const minLoad = pr.loading.perPerson;
    const plain = this.plain[p]!;
    const special = this.special[p]!;
    let i = this.headPlain[p]!;
    let j = stretchers + wheelchairs > 0 ? this.headSpecial[p]! : special.length;
    const iEnd = Math.min(plain.length, i + scanLimit);
    const jEnd = Math.min(special.length, j + scanLimit);
    const fits = (g: number) =>
      !this.taken[g] &&
      pr.groups.seats[g]! <= seats &&
      pr.groups.stretchers[g]! <= stretchers &&
      pr.groups.wheelchairs[g]! <= wheelchairs &&
      pr.groups.load[g]! <= time + 1e-9;
    const out: Loaded = { groups: [], weight: 0, load: 0 };
    while (time + 1e-9 >= minLoad && seats + stretchers + wheelchairs > 0) {
      while (i < iEnd && !fits(plain[i]!)) i++;
      while (j < jEnd && !fits(special[j]!)) j++;
      if (i >= iEnd && j >= jEnd) break;
      let g: number;
      if (j >= jEnd) g = plain[i++]!;
      else if (i >= iEnd) g = special[j++]!;
      else {
        const a = plain[i]!;
        const b = special[j]!;
        const da = pr.groups.weight[a]! / pr.groups.persons[a]!;
        const db = pr.groups.weight[b]! / pr.groups.persons[b]!;
        if (db > da) {
          g = b;
          j++;
        } else {
          g = a;
          i++;
        }
      }
      seats -= pr.groups.seats[g]!;
      stretchers -= pr.groups.stretchers[g]!;
      wheelchairs -= pr.groups.wheelchairs[g]!;
      time -= pr.groups.load[g]!;
      out.groups.push(g);
      out.weight += pr.groups.weight[g]!;
      out.load += pr.groups.load[g]!;
    }
    if (commit) for (const g of out.groups) this.taken[g] = 1;
    return out;
  }

  release(groups: readonly number[]): void {
    for (const g of groups) this.taken[g] = 0;
    const ps = new Set(groups.map((g) => this.pr.groups.pickup[g]!));
    // A released group may sit before a list's head: restart those heads.
    for (const p of ps) {
      this.headPlain[p] = 0;
      this.headSpecial[p] = 0;
    }
  }
}
