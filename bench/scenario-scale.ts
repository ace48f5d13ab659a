// The generator and the importer at scale, timed as an operator runs them: `corridor scenario
// generate --people 1000000` writing its file, then `corridor import` of that file into a fresh
// PostgreSQL database (one transaction, full validation, every record logged), then the same import
// again (which must find every record unchanged). Each step is the real bin/corridor.js in its own
// process; its peak memory is read from /proc. Baseline, in the same run and database: the same
// people written straight into a scratch copy of the person table in one transaction, with none of
// the import's validation, comparison or operation log, to show what those cost.
// Run alone with `npx tsx bench/scenario-scale.ts`, or as part of `npm run bench`.
// SCENARIO_SCALE_PEOPLE sets another size (PGlite imports a tenth of it, at most 100,000).
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { readJsonFile } from '../src/scenario/read-stream.ts';
import type { FilePerson } from '../src/scenario/records.ts';
import { load } from './support/machine.ts';
import { type BenchStore, createStore } from './support/server.ts';
import { formatTable } from './support/table.ts';
import type { BackendName, BenchOptions, BenchResult, Cell } from './support/types.ts';

const cli = fileURLToPath(new URL('../bin/corridor.js', import.meta.url));
const people = Number(process.env.SCENARIO_SCALE_PEOPLE ?? 1_000_000);
const pglitePeople = Math.min(100_000, Math.ceil(people / 10));

interface Step {
  step: string;
  backend: BackendName | null;
  people: number;
  seconds: number;
  peoplePerSecond: number;
  /** Peak resident memory of the corridor process, MiB (null without /proc). */
  peakMiB: number | null;
  load: number;
  output: string;
}

/** Peak resident memory so far (VmHWM) of a process, in MiB; undefined without /proc. */
function peakMiB(pid: number): number | undefined {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/** Runs one corridor command to its end, timing it and watching its memory. */
function timed(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ seconds: number; peak: number | null; stdout: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let peak: number | null = null;
    const watch = setInterval(() => {
      peak = peakMiB(child.pid!) ?? peak;
    }, 100);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(watch);
      const seconds = (performance.now() - started) / 1000;
      if (code !== 0) reject(new Error(`corridor ${args.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ seconds, peak, stdout });
    });
  });
}

async function step(
  name: string,
  backend: BackendName | null,
  count: number,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<Step> {
  const loadBefore = load();
  const { seconds, peak, stdout } = await timed(args, env);
  return {
    step: name,
    backend,
    people: count,
    seconds: Math.round(seconds * 10) / 10,
    peoplePerSecond: Math.round(count / seconds),
    peakMiB: peak,
    load: Math.max(loadBefore, load()),
    output: stdout.trim(),
  };
}

/** The baseline: the file's people straight into a scratch copy of the person table, one transaction. */
async function rawPeopleInsert(store: BenchStore, file: string, count: number): Promise<Step> {
  const data = readJsonFile(file) as { site: { id: string }; people: FilePerson[] };
  const client = new pg.Client({ connectionString: store.databaseUrl });
  await client.connect();
  try {
    await client.query(`CREATE TABLE bench_raw_person
      (LIKE person INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`);
    const loadBefore = load();
    const started = performance.now();
    await client.query('BEGIN');
    for (let start = 0; start < data.people.length; start += 2000) {
      const rows = data.people.slice(start, start + 2000).map((p) => ({
        id: p.id,
        site_id: data.site.id,
        household_id: p.householdId ?? null,
        shelter_id: p.shelterId ?? null,
        names: p.names,
        sex: p.sex,
        birth_date: p.birthDate ?? null,
        birth_year: p.birthYear ?? null,
        age_band: p.ageBand ?? null,
        vulnerabilities: p.vulnerabilities ?? [],
        triage: p.triage ?? null,
        languages: p.languages ?? [],
        note: p.note ?? null,
        status: 'sheltering',
      }));
      const columns = Object.keys(rows[0]!).join(', ');
      await client.query(
        `INSERT INTO bench_raw_person (${columns})
         SELECT ${columns} FROM json_populate_recordset(NULL::bench_raw_person, $1::json)`,
        [JSON.stringify(rows)],
      );
    }
    await client.query('COMMIT');
    const seconds = (performance.now() - started) / 1000;
    return {
      step: 'baseline: the same people, raw rows (no checks, no log)',
      backend: 'postgresql',
      people: count,
      seconds: Math.round(seconds * 10) / 10,
      peoplePerSecond: Math.round(count / seconds),
      peakMiB: null,
      load: Math.max(loadBefore, load()),
      output: '',
    };
  } finally {
    await client.end();
  }
}

export async function run(
  options: BenchOptions = {
    backends: ['pglite', 'postgresql'],
    durationSeconds: 10,
    postgresUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  },
): Promise<BenchResult> {
  const steps: Step[] = [];
  const notes: string[] = [];
  if (options.backends.includes('postgresql')) {
    const store = await createStore('postgresql', options.postgresUrl);
    try {
      const file = join(store.dir, 'site.json');
      const generate = ['scenario', 'generate', '--people', String(people), '--seed', '1', '--out', file];
      steps.push(await step('corridor scenario generate', null, people, generate, store.env));
      notes.push(
        `The generated file of ${people.toLocaleString('en-US')} people is ${Math.round(statSync(file).size / 2 ** 20)} MiB.`,
      );
      steps.push(await step('corridor import (new site)', 'postgresql', people, ['import', file], store.env));
      const again = await step(
        'corridor import (same file again)',
        'postgresql',
        people,
        ['import', file],
        store.env,
      );
      const summary = JSON.parse(again.output) as {
        created: Record<string, number>;
        updated: Record<string, number>;
      };
      const changed = [...Object.values(summary.created), ...Object.values(summary.updated)].reduce(
        (a, b) => a + b,
        0,
      );
      notes.push(`Importing the same file again created or updated ${changed} records (it must be 0).`);
      steps.push(again);
      steps.push(await rawPeopleInsert(store, file, people));
    } finally {
      await store.remove();
    }
  }
  if (options.backends.includes('pglite')) {
    const store = await createStore('pglite', options.postgresUrl);
    try {
      const file = join(store.dir, 'site.json');
      const generate = [
        'scenario',
        'generate',
        '--people',
        String(pglitePeople),
        '--seed',
        '1',
        '--out',
        file,
      ];
      await timed(generate, store.env);
      // A new data directory is created and migrated on first use; that is not the import's time.
      await timed(['users', 'list', ...store.storeArgs], store.env);
      steps.push(
        await step(
          'corridor import (new site)',
          'pglite',
          pglitePeople,
          ['import', file, ...store.storeArgs],
          store.env,
        ),
      );
    } finally {
      await store.remove();
    }
  }
  notes.push(
    'Times are wall-clock seconds of the whole command, Node start-up included; people/s is people over those seconds.',
    'The machine is shared: "load" is the 1-minute load average (2 cores) at the start or end of the step, whichever is higher.',
  );
  const table: Array<Record<string, Cell>> = steps.map((s) => ({
    step: s.step,
    backend: s.backend ?? '–',
    people: s.people,
    seconds: s.seconds,
    'people/s': s.peoplePerSecond,
    'peak MiB': s.peakMiB,
    load: s.load,
  }));
  return {
    name: 'scenario-scale',
    title: 'Scenario generator and site file import at scale',
    table,
    notes,
    data: { steps: steps.map(({ output: _output, ...rest }) => rest) },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const result = await run();
  process.stdout.write(`${result.title}\n${formatTable(result.table)}\n`);
  for (const note of result.notes) process.stdout.write(`  · ${note}\n`);
}
