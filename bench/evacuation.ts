// The evacuation planner on generated instances of 200 to 200,000 ready people, and beside it, in
// the same run and under the same time limit, the same instance given whole to HiGHS as one MILP
// (the baseline). Also the Bus Evacuation Problem files under bench/data/bep.
// Run alone with `npx tsx bench/evacuation.ts`, or as part of `npm run bench`.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readBep } from '../src/planning/evacuation/bep/instance.ts';
import { solveBep } from '../src/planning/evacuation/bep/solve.ts';
import { generateInstance } from '../src/planning/evacuation/generate.ts';
import { solveWithHighs } from '../src/planning/evacuation/highs/run.ts';
import { buildExactModel, exactModelSize } from '../src/planning/evacuation/milp.ts';
import { normalize } from '../src/planning/evacuation/normalize.ts';
import { planEvacuation } from '../src/planning/evacuation/plan.ts';
import { evaluate } from '../src/planning/evacuation/schedule.ts';
import { load } from './support/machine.ts';
import { formatTable } from './support/table.ts';
import type { BenchResult, Cell } from './support/types.ts';

// The issue's sizes; 200 and 20,000 people get vehicles and windows in between.
export const cases = [
  { people: 200, vehicles: 5, windows: 2, seconds: 2, gapTarget: null },
  { people: 2_000, vehicles: 40, windows: 3, seconds: 2, gapTarget: 0.01 },
  { people: 20_000, vehicles: 200, windows: 5, seconds: 20, gapTarget: null },
  { people: 200_000, vehicles: 1_000, windows: 10, seconds: 60, gapTarget: 0.03 },
] as const;

// A whole-instance MILP past this many nonzeros would not fit in memory, let alone solve.
const baselineLimit = 30_000_000;

interface Baseline {
  status: string;
  weighted: number | null;
  weightedArrival: number | null;
  seconds: number;
  nonzeros: number;
}

async function baseline(input: ReturnType<typeof generateInstance>, seconds: number): Promise<Baseline> {
  const started = performance.now();
  const pr = normalize(input);
  const nonzeros = exactModelSize(pr, () => true);
  if (nonzeros > baselineLimit)
    return { status: 'too large to build', weighted: null, weightedArrival: null, seconds: 0, nonzeros };
  const exact = buildExactModel(pr);
  const left = Math.max(0.1, seconds - (performance.now() - started) / 1000);
  const result = await solveWithHighs(
    { model: exact.model, stages: exact.stages, timeLimitSeconds: left * 0.9 },
    { graceSeconds: left * 0.1 },
  );
  const took = (performance.now() - started) / 1000;
  if (!result.values)
    return {
      status: `${result.status}, no solution`,
      weighted: null,
      weightedArrival: null,
      seconds: took,
      nonzeros,
    };
  const e = evaluate(pr, exact.decode(result.values));
  if (e.violations.length > 0)
    return {
      status: `${result.status}, infeasible answer`,
      weighted: null,
      weightedArrival: null,
      seconds: took,
      nonzeros,
    };
  return {
    status: result.status,
    weighted: e.weighted,
    weightedArrival: e.weightedArrival,
    seconds: took,
    nonzeros,
  };
}

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

export async function run(): Promise<BenchResult> {
  const rows: Array<Record<string, Cell>> = [];
  const figures: unknown[] = [];
  const notes: string[] = [];
  const inputs = cases.map((c) =>
    generateInstance({ people: c.people, vehicles: c.vehicles, windows: c.windows, seed: 1 }),
  );
  // Every planner run first, smallest first, so that the process's peak memory after each is the
  // planner's own; the baselines (far hungrier) come afterwards.
  const plans = [];
  for (const [i, c] of cases.entries()) {
    const loadBefore = load();
    const plan = await planEvacuation(inputs[i]!, { timeLimitSeconds: c.seconds });
    plans.push({
      plan,
      peakMiB: Math.round(process.resourceUsage().maxRSS / 1024),
      loadBefore,
      loadAfter: load(),
    });
  }
  for (const [i, c] of cases.entries()) {
    const { plan, peakMiB, loadBefore, loadAfter } = plans[i]!;
    const base = await baseline(inputs[i]!, c.seconds);
    const value = plan.value.weightedEvacuated;
    const atLeast =
      base.weighted === null ||
      value > base.weighted + 1e-9 ||
      (Math.abs(value - base.weighted) <= 1e-9 &&
        plan.value.weightedArrivalMinutes <= (base.weightedArrival ?? 0) + 1e-6);
    rows.push({
      people: c.people,
      vehicles: c.vehicles,
      windows: c.windows,
      'limit s': c.seconds,
      'planner s': round(plan.seconds),
      'weighted evacuated': value,
      'upper bound': round(plan.bound.upperBound),
      'gap %': round(plan.bound.gap * 100, 3),
      bound: plan.bound.method,
      'peak RSS MiB': peakMiB,
      'MILP value': base.weighted,
      'MILP status': base.status,
      'planner ≥ MILP': atLeast ? 'yes' : 'NO',
    });
    figures.push({
      case: c,
      plan: {
        value: plan.value,
        bound: plan.bound,
        seconds: plan.seconds,
        source: plan.source,
        trips: plan.trips.length,
        leftOut: plan.leftOut.length,
      },
      baseline: base,
      peakMiB,
      loadBefore,
      loadAfter,
    });
    if (c.gapTarget !== null)
      notes.push(
        `${c.people.toLocaleString('en-US')} people: gap ${round(plan.bound.gap * 100, 3)} % in ${round(plan.seconds)} s (target ≤ ${c.gapTarget * 100} % in ≤ ${c.seconds} s${c.people === 200_000 ? `, ≤ 2 GB: peak ${peakMiB} MiB` : ''})`,
      );
    if (!atLeast)
      notes.push(`${c.people} people: the whole-instance MILP found a better plan than the planner`);
  }

  const bepDir = fileURLToPath(new URL('./data/bep/', import.meta.url));
  const bep: unknown[] = [];
  for (const file of readdirSync(bepDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const inst = readBep(readFileSync(`${bepDir}${file}`, 'utf8'));
    const r = await solveBep(inst, { timeLimitSeconds: 10 });
    bep.push({
      file,
      trips: inst.trips.reduce((a, b) => a + b, 0),
      buses: inst.busDepot.length,
      makespan: r.makespan,
      lowerBound: r.lowerBound,
      optimal: r.optimal,
      seconds: round(r.seconds),
      method: r.method,
    });
    notes.push(
      `BEP ${file}: makespan ${r.makespan}, lower bound ${round(r.lowerBound)}${r.optimal ? ' (optimal)' : ''}, ${round(r.seconds)} s`,
    );
  }
  notes.push(
    'Upper bounds are Lagrangian dual values of the aggregated relaxation recomputed by the planner (docs/evacuation-planner.md).',
  );
  return {
    name: 'evacuation',
    title:
      'Evacuation planner: value, certified bound and time, against the whole instance as one HiGHS MILP',
    table: rows,
    notes,
    data: { cases: figures, bep },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await run();
  process.stdout.write(`${result.title}\n${formatTable(result.table)}\n`);
  for (const note of result.notes) process.stdout.write(`  · ${note}\n`);
}
