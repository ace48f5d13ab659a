// Which pickup point each shelter can reach through open passages, and when it cannot, what stands
// in the way. Pure: the site graph in, distances and reasons out (Dijkstra on passage lengths).
import type { PassageState, PointKind } from '../../domain/site.ts';
import { MinHeap } from './heap.ts';

export interface ReachPoint {
  id: string;
  kind: PointKind;
  code: string;
}

export interface ReachPassage {
  from: string;
  to: string;
  lengthM: number;
  state: PassageState;
  clearancePersonHours?: number | null;
}

export interface ReachInput {
  points: readonly ReachPoint[];
  passages: readonly ReachPassage[];
  /** Pickup points (or exits used as pickup points) with a road out, in order of preference on ties. */
  pickupIds: readonly string[];
  /** Pickup points with no road out recorded: reaching only these is worth saying. */
  roadlessPickupIds?: readonly string[];
}

export type Reached = { pickupPointId: string; distanceM: number } | { pickupPointId: null; reason: string };

// Only open passages carry people. To explain a cut-off shelter, the way with the fewest obstacles
// is found by making each obstacle cost more than any real route could be long.
const obstacleCost: Record<PassageState, number> = { open: 0, blocked: 1e7, unsafe: 1e7, impassable: 1e10 };

interface Edge {
  to: number;
  passage: number;
}

export class SiteReach {
  private readonly index = new Map<string, number>();
  private readonly ids: string[];
  private readonly codes: string[];
  private readonly edges: Edge[][];
  private readonly passages: readonly ReachPassage[];
  private readonly pickups: number[];
  private readonly roadless: number[];
  /** Metres along open passages from every point to each pickup (Infinity: no way). */
  private readonly toPickup: Float64Array[];

  constructor(input: ReachInput) {
    input.points.forEach((p, i) => {
      this.index.set(p.id, i);
    });
    this.ids = input.points.map((p) => p.id);
    this.codes = input.points.map((p) => p.code);
    this.passages = input.passages;
    this.edges = input.points.map(() => []);
    input.passages.forEach((p, k) => {
      const a = this.index.get(p.from);
      const b = this.index.get(p.to);
      if (a === undefined || b === undefined || a === b) return;
      this.edges[a]!.push({ to: b, passage: k });
      this.edges[b]!.push({ to: a, passage: k });
    });
    const known = (id: string) => this.index.get(id);
    this.pickups = input.pickupIds.map(known).filter((i): i is number => i !== undefined);
    this.roadless = (input.roadlessPickupIds ?? []).map(known).filter((i): i is number => i !== undefined);
    this.toPickup = this.pickups.map((p) => this.dijkstra(p, true).dist);
  }

  private dijkstra(source: number, openOnly: boolean) {
    const n = this.codes.length;
    const dist = new Float64Array(n).fill(Number.POSITIVE_INFINITY);
    const via = new Int32Array(n).fill(-1);
    const heap = new MinHeap();
    dist[source] = 0;
    heap.push(source, 0);
    for (let u = heap.pop(); u !== undefined; u = heap.pop()) {
      for (const e of this.edges[u]!) {
        const passage = this.passages[e.passage]!;
        if (openOnly && passage.state !== 'open') continue;
        const d = dist[u]! + passage.lengthM + (openOnly ? 0 : obstacleCost[passage.state]);
        if (d < dist[e.to]!) {
          dist[e.to] = d;
          via[e.to] = e.passage;
          heap.push(e.to, d);
        }
      }
    }
    return { dist, via };
  }

  /** Metres through open passages from a point to a pickup point (Infinity when there is no way). */
  distance(pointId: string, pickupId: string): number {
    const p = this.index.get(pickupId);
    const i = this.index.get(pointId);
    const k = p === undefined ? -1 : this.pickups.indexOf(p);
    return i === undefined || k < 0 ? Number.POSITIVE_INFINITY : this.toPickup[k]![i]!;
  }

  /**
   * The pickup point that people from these points (one shelter, or the shelters of one household)
   * reach with the least walking in all, or why there is none.
   */
  nearest(pointIds: readonly string[]): Reached {
    const points = [...new Set(pointIds)];
    let best = -1;
    let bestSum = Number.POSITIVE_INFINITY;
    this.pickups.forEach((_, k) => {
      let sum = 0;
      for (const id of points) {
        const i = this.index.get(id);
        sum += i === undefined ? Number.POSITIVE_INFINITY : this.toPickup[k]![i]!;
      }
      if (sum < bestSum) {
        best = k;
        bestSum = sum;
      }
    });
    if (best >= 0) return { pickupPointId: this.ids[this.pickups[best]!]!, distanceM: bestSum };
    const cut = points.find((id) => !this.reachesAny(id));
    if (cut !== undefined) return { pickupPointId: null, reason: this.whyCutOff(cut) };
    return {
      pickupPointId: null,
      reason: `cut off: ${points.map((id) => this.codeOf(id)).join(', ')} reach no pickup point in common`,
    };
  }

  private codeOf(id: string): string {
    const i = this.index.get(id);
    return i === undefined ? id : this.codes[i]!;
  }

  private reachesAny(id: string): boolean {
    const i = this.index.get(id);
    return i !== undefined && this.toPickup.some((d) => Number.isFinite(d[i]!));
  }

  private passageName(k: number): string {
    const p = this.passages[k]!;
    const ends = `${this.codeOf(p.from)}–${this.codeOf(p.to)}`;
    if (p.state === 'blocked' && p.clearancePersonHours)
      return `${ends} (blocked: about ${p.clearancePersonHours} person-hours to clear by hand)`;
    return `${ends} (${p.state})`;
  }

  /** Why a point reaches no pickup point through open passages, naming what is in the way. */
  whyCutOff(pointId: string): string {
    const i = this.index.get(pointId);
    const code = this.codeOf(pointId);
    if (i === undefined) return `cut off: ${code} is not a point of the site`;
    if (this.pickups.length === 0)
      return 'cut off: no pickup point of the site has a road out recorded (a pickup route)';
    const open = this.dijkstra(i, true).dist;
    const roadless = this.roadless.filter((p) => Number.isFinite(open[p]!));
    if (roadless.length > 0)
      return `cut off: ${code} reaches only ${roadless.map((p) => this.codes[p]).join(', ')}, which has no road out recorded (a pickup route)`;
    const { dist, via } = this.dijkstra(i, false);
    let target = -1;
    for (const p of this.pickups) if (target < 0 || dist[p]! < dist[target]!) target = p;
    if (!Number.isFinite(dist[target]!))
      return `cut off: no passage, open or not, leads from ${code} to a pickup point`;
    const obstacles: number[] = [];
    for (let at = target; at !== i; ) {
      const k = via[at]!;
      const passage = this.passages[k]!;
      if (passage.state !== 'open') obstacles.unshift(k);
      const from = this.index.get(passage.from)!;
      at = from === at ? this.index.get(passage.to)! : from;
    }
    return `cut off: the way from ${code} to ${this.codes[target]} passes ${obstacles.map((k) => this.passageName(k)).join(', ')}`;
  }
}
