// `npm run bench`: runs the benchmarks, prints a table for each, and writes every figure to
// bench/results/latest.json. Each benchmark compares against a baseline measured in the same run.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { describeMachine, load } from './support/machine.ts';
import { formatTable } from './support/table.ts';
import type { BackendName, BenchModule, BenchOptions, BenchResult } from './support/types.ts';

// Every benchmark, by name: a module in bench/ exporting run(options). Add new ones here.
const benchmarks: Record<string, string> = {
  registration: './registration.ts',
  'scenario-scale': './scenario-scale.ts',
  evacuation: './evacuation.ts',
  rescue: './rescue.ts',
  overview: './overview.ts',
  matching: './matching.ts',
  audit: './audit.ts',
  encryption: './encryption.ts',
  sync: './sync.ts',
};

const usage = `npm run bench -- [options]

  --only NAME[,NAME]      run only these benchmarks (${Object.keys(benchmarks).join(', ')})
  --backend NAME          pglite or postgresql (default: both)
  --duration SECONDS      load per measured phase (default 10)
  --out FILE              where to write the JSON results (default bench/results/latest.json)
  --help                  show this help

PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres) names a server on
which the benchmarks create, and afterwards drop, databases of their own.`;

const isBenchModule = (value: unknown): value is BenchModule =>
  typeof value === 'object' && value !== null && typeof (value as BenchModule).run === 'function';

function parseOptions(): { names: string[]; options: BenchOptions; out: string } | undefined {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      backend: { type: 'string' },
      duration: { type: 'string' },
      out: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return undefined;
  const names = values.only
    ? values.only.flatMap((list) => list.split(',')).filter(Boolean)
    : Object.keys(benchmarks);
  const unknown = names.filter((name) => !(name in benchmarks));
  if (unknown.length > 0)
    throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(benchmarks).join(', ')}`);
  const backends: BackendName[] =
    values.backend === undefined ? ['pglite', 'postgresql'] : [values.backend as BackendName];
  if (!backends.every((b) => b === 'pglite' || b === 'postgresql'))
    throw new Error(`--backend must be pglite or postgresql, not ${values.backend}`);
  const durationSeconds = values.duration === undefined ? 10 : Number(values.duration);
  if (!(durationSeconds > 0)) throw new Error(`--duration must be a positive number of seconds`);
  return {
    names,
    out: values.out ?? fileURLToPath(new URL('./results/latest.json', import.meta.url)),
    options: {
      backends,
      durationSeconds,
      postgresUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
    },
  };
}

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions();
  } catch (error) {
    process.stderr.write(
      `${error instanceof Error ? error.message : String(error)}\n(npm run bench -- --help)\n`,
    );
    return 2;
  }
  if (!parsed) {
    process.stdout.write(`${usage}\n`);
    return 0;
  }
  const { names, options, out } = parsed;
  const machine = describeMachine();
  process.stdout.write(
    `Corridor benchmarks on ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}` +
      ` (commit ${machine.commit ?? 'unknown'}${machine.dirty ? ' with local changes' : ''}); load ${load()}\n\n`,
  );
  const results: BenchResult[] = [];
  const failures: Array<{ name: string; error: string }> = [];
  for (const name of names) {
    const started = performance.now();
    try {
      const module: unknown = await import(benchmarks[name]!);
      if (!isBenchModule(module)) throw new Error(`${benchmarks[name]} does not export run(options)`);
      const result = await module.run(options);
      results.push(result);
      process.stdout.write(
        `${result.title} (${name}, ${Math.round((performance.now() - started) / 1000)} s)\n`,
      );
      process.stdout.write(`${formatTable(result.table)}\n`);
      for (const note of result.notes) process.stdout.write(`  · ${note}\n`);
      process.stdout.write('\n');
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      failures.push({ name, error: message });
      process.stderr.write(`${name} failed: ${message}\n\n`);
    }
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `${JSON.stringify({ date: new Date().toISOString(), machine, options: { ...options, postgresUrl: undefined }, results, failures }, null, 2)}\n`,
  );
  process.stdout.write(`Results written to ${out}\n`);
  return failures.length > 0 ? 1 : 0;
}

process.exitCode = await main();
