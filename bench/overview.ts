// The web app's overview at scale: a generated site of 200,000 people imported into a fresh
// PostgreSQL database, then the API calls the overview screen makes, timed as the browser makes
// them (who am I and which sites, then the summary, the pause windows and the incidents at once).
// The site graph, which the site screen draws, is timed beside them. Target (issue 5): the overview loads in under 1 s. Baseline, in the same run
// and database: the same overview of a 2,000-person site. The registry's first page and a name
// search are timed too: lists are paginated, so they must not grow with the site.
// Run alone with `npx tsx bench/overview.ts`, or as part of `npm run bench`.
// OVERVIEW_PEOPLE sets another size.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from './support/machine.ts';
import { api, corridor, createAccounts, createStore, startServer } from './support/server.ts';
import type { BenchOptions, BenchResult, Cell } from './support/types.ts';

const largePeople = Number(process.env.OVERVIEW_PEOPLE ?? 200_000);
const smallPeople = 2_000;
const rounds = 20;
const warmUp = 3;

interface Timing {
  site: string;
  people: number;
  what: string;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (value: number) => Math.round(value * 10) / 10;

/** Times fn over the rounds (after a warm-up), one call at a time. */
async function timeRounds(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < warmUp; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

export async function run(options: BenchOptions): Promise<BenchResult> {
  const store = await createStore('postgresql', options.postgresUrl);
  const timings: Timing[] = [];
  const notes: string[] = [];
  try {
    const accounts = await createAccounts(store);
    const siteIds: Record<string, string> = {};
    for (const [label, people] of [
      ['small', smallPeople],
      ['large', largePeople],
    ] as const) {
      const file = join(store.dir, `${label}.json`);
      await corridor(store, ['scenario', 'generate', '--people', String(people), '--out', file]);
      const started = performance.now();
      const printed = await corridor(store, ['import', file]);
      notes.push(
        `${people.toLocaleString('en')} people imported in ${Math.round((performance.now() - started) / 1000)} s`,
      );
      siteIds[label] =
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(printed)?.[0] ?? '';
    }
    const server = await startServer(store);
    try {
      const token = accounts.coordinatorToken;
      const get = (path: string) => api<unknown>(server.url, token, 'GET', path);
      const sites = (await get('/api/sites')) as { items: Array<{ id: string; name: string }> };
      for (const [label, people] of [
        ['small', smallPeople],
        ['large', largePeople],
      ] as const) {
        const siteId =
          sites.items.find((s) => s.id === siteIds[label])?.id ??
          sites.items.find((s) => s.name.includes(`${people.toLocaleString('en')} people`))?.id;
        if (!siteId) throw new Error(`the ${label} site was not found after import`);
        const calls: Record<string, string> = {
          summary: `/api/sites/${siteId}/summary`,
          pauses: `/api/sites/${siteId}/pauses`,
          incidents: `/api/sites/${siteId}/incidents`,
        };
        // The overview as the app loads it: session and sites first, then the screen's three reads at once.
        const overview = async () => {
          await Promise.all([get('/api/session'), get('/api/sites')]);
          await Promise.all(Object.values(calls).map(get));
        };
        const record = (what: string, times: number[]) =>
          timings.push({
            site: label,
            people,
            what,
            medianMs: ms(percentile(times, 50)),
            p95Ms: ms(percentile(times, 95)),
            maxMs: ms(times[times.length - 1]!),
          });
        record('overview (all calls)', await timeRounds(overview));
        for (const [what, path] of Object.entries(calls)) record(what, await timeRounds(() => get(path)));
        record('site graph (site screen)', await timeRounds(() => get(`/api/sites/${siteId}`)));
        record(
          'registry, first page of 50',
          await timeRounds(() => get(`/api/people?siteId=${siteId}&limit=50&offset=0`)),
        );
        record(
          'registry, name search',
          await timeRounds(() =>
            get(`/api/people?siteId=${siteId}&q=${encodeURIComponent('Шевч')}&limit=50`),
          ),
        );
      }
    } finally {
      await server.stop();
    }
  } finally {
    await store.remove();
  }
  const large = timings.find((t) => t.site === 'large' && t.what === 'overview (all calls)');
  notes.unshift(
    `target: the overview loads in under 1 s with ${largePeople.toLocaleString('en')} people on PostgreSQL — ` +
      `measured p95 ${large?.p95Ms} ms (${large && large.p95Ms < 1000 ? 'met' : 'NOT met'})`,
    `${rounds} rounds after ${warmUp} warm-up rounds, one at a time, over HTTP from this process to corridor serve`,
    `machine load (1-minute average) when the timing ended: ${load()}`,
  );
  return {
    name: 'overview',
    title: 'The web overview at scale (PostgreSQL)',
    table: timings.map((t) => ({ ...t }) as Record<string, Cell>),
    notes,
    data: { largePeople, smallPeople, rounds, warmUp, timings },
  };
}

// Alone: `npx tsx bench/overview.ts`.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { formatTable } = await import('./support/table.ts');
  const result = await run({
    backends: ['postgresql'],
    durationSeconds: 10,
    postgresUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  process.stdout.write(`${result.title}\n${formatTable(result.table)}\n`);
  for (const note of result.notes) process.stdout.write(`  · ${note}\n`);
}
