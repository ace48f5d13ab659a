// Every BEP solution of a tiny instance, for tests: bus-loads are given out one at a time to every
// bus, collection point and shelter in turn; the smallest makespan wins.
import type { BepInstance } from './instance.ts';
import type { BepRoutes } from './solution.ts';

export function bruteForceBep(inst: BepInstance): number {
  const B = inst.busDepot.length;
  const left = [...inst.trips];
  const room = [...inst.shelterTrips];
  const routes: BepRoutes = Array.from({ length: B }, () => []);
  const time = new Float64Array(B);
  let best = Number.POSITIVE_INFINITY;
  const visit = (remaining: number, makespan: number) => {
    if (makespan >= best) return;
    if (remaining === 0) {
      best = makespan;
      return;
    }
    for (let b = 0; b < B; b++) {
      const last = routes[b]![routes[b]!.length - 1];
      for (let i = 0; i < left.length; i++) {
        if (left[i] === 0) continue;
        const reach = last ? inst.time[i]![last.shelter]! : inst.depotTime[inst.busDepot[b]!]![i]!;
        for (let j = 0; j < room.length; j++) {
          if (room[j] === 0) continue;
          const before = time[b]!;
          time[b] = before + reach + inst.time[i]![j]!;
          left[i]!--;
          room[j]!--;
          routes[b]!.push({ point: i, shelter: j });
          visit(remaining - 1, Math.max(makespan, time[b]!));
          routes[b]!.pop();
          left[i]!++;
          room[j]!++;
          time[b] = before;
        }
      }
    }
  };
  visit(
    left.reduce((a, b) => a + b, 0),
    0,
  );
  return best;
}
