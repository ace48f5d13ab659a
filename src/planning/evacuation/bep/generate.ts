// A deterministic generator of BEP instances in the public text format, for tests and the files
// under bench/data/bep (nothing is downloaded). Points and shelters lie on a plane; travel times are
// rounded distances, so they are symmetric like the public instances'.
import { between, seededRandom } from '../random.ts';

export interface BepGenerateOptions {
  buses: number;
  capacity: number;
  depots: number;
  points: number;
  shelters: number;
  /** Bus-loads at each point, drawn from 0…maxLoads (at least one overall). */
  maxLoads: number;
  seed: number;
}

export function generateBepText(o: BepGenerateOptions): string {
  const random = seededRandom(o.seed);
  const place = () => ({ x: random() * 100, y: random() * 100 });
  const depots = Array.from({ length: o.depots }, place);
  const points = Array.from({ length: o.points }, place);
  const shelters = Array.from({ length: o.shelters }, place);
  const distance = (a: { x: number; y: number }, b: { x: number; y: number }) =>
    Math.max(1, Math.round(Math.hypot(a.x - b.x, a.y - b.y)));
  const loads = points.map(() => between(random, 0, o.maxLoads));
  if (!loads.some((l) => l > 0)) loads[0] = 1;
  const demand = loads.map((l) => l * o.capacity);
  const need = loads.reduce((a, b) => a + b, 0);
  // Shelters take every load with some to spare, unevenly.
  const shares = shelters.map(() => 1 + random());
  const sum = shares.reduce((a, b) => a + b, 0);
  const capacity = shares.map((s) => Math.ceil(((need + 1) * s) / sum) * o.capacity);
  const perDepot = depots.map((_, d) => Math.floor(o.buses / o.depots) + (d < o.buses % o.depots ? 1 : 0));
  const lines = [
    `${o.buses} ${o.capacity}`,
    `${o.depots} ${perDepot.join(' ')}`,
    `${o.points} ${demand.reduce((a, b) => a + b, 0)} ${demand.join(' ')}`,
    `${o.shelters} ${capacity.reduce((a, b) => a + b, 0)} ${capacity.join(' ')}`,
    '',
    ...depots.map((d, k) => `${k + 1} ${points.map((p) => distance(d, p)).join(' ')}`),
    '',
    ...points.map((p, k) => `${k + 1} ${shelters.map((s) => distance(p, s)).join(' ')}`),
  ];
  return `${lines.join('\n')}\n`;
}
