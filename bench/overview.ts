// The web app's overview at scale: a generated site of 200,000 people imported into a fresh
// PostgreSQL database, then the API calls the overview screen makes, timed as the browser makes
// them (who am I and which sites, then the summary, the pause windows and the incidents at once).
// The site graph, which the site screen draws, is timed beside them. Target (issue 5): the overview loads in under 1 s. Baseline, in the same run
// and database: the same overview of a 2,000-person site. The registry's first page and a name
// search are timed too: lists are paginated, so they must not grow with the site.
// The cost of encryption (issue 10): everything is done twice, in two fresh databases with their
// own server — personal fields sealed, as always, and a plain baseline whose corridor processes
// (import and server) load bench/support/plain-cipher.ts, which leaves sealing and the blind
// index's keyed hash out. Rounds alternate between the two servers, so the machine's load falls
// on both alike; the figure is the ratio sealed ÷ plain of the median and of the p95.
// Timing starts once the databases are vacuumed and analysed and the servers have chained the
// import's audit entries, so that neither autovacuum nor the chainer works beside it.
// Run alone with `npx tsx bench/overview.ts`, or as part of `npm run bench`.
// OVERVIEW_PEOPLE sets another size.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { load } from './support/machine.ts';
import {
  type Accounts,
  api,
  type BenchStore,
  corridor,
  createAccounts,
  createStore,
  type RunningServer,
  startServer,
} from './support/server.ts';
import type { BenchOptions, BenchResult, Cell } from './support/types.ts';

const largePeople = Number(process.env.OVERVIEW_PEOPLE ?? 200_000);
const smallPeople = 2_000;
const rounds = 20;
const warmUp = 3;

type Variant = 'sealed' | 'plain';
const variants: Variant[] = ['sealed', 'plain'];
const plainCipher = fileURLToPath(new URL('./support/plain-cipher.ts', import.meta.url));
const nodeArgsOf: Record<Variant, string[]> = {
  sealed: [],
  plain: ['--import', import.meta.resolve('tsx/esm'), '--import', plainCipher],
};

interface Timing {
  encryption: Variant;
  site: string;
  people: number;
  what: string;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
}

interface Instance {
  store: BenchStore;
  accounts: Accounts;
  siteIds: Record<string, string>;
  server?: RunningServer;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const ms = (value: number) => Math.round(value * 10) / 10;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;

/**
 * Times each variant's fn over the rounds (after a warm-up), one call at a time, alternating
 * which variant goes first in each round so that neither always meets a warmer or busier machine.
 */
async function timeRounds(fns: Record<Variant, () => Promise<unknown>>): Promise<Record<Variant, number[]>> {
  for (let i = 0; i < warmUp; i++) for (const v of variants) await fns[v]();
  const times: Record<Variant, number[]> = { sealed: [], plain: [] };
  for (let i = 0; i < rounds; i++) {
    for (const v of i % 2 === 0 ? variants : [...variants].reverse()) {
      const started = performance.now();
      await fns[v]();
      times[v].push(performance.now() - started);
    }
  }
  for (const v of variants) times[v].sort((a, b) => a - b);
  return times;
}

/** Runs fn on a connection of its own to the store's database, closed afterwards. */
async function withClient<T>(store: BenchStore, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: store.databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * Vacuums and analyses the whole database, as autovacuum would soon after an import: otherwise its
 * work on the freshly written tables (the blind index has some fifty rows a person) runs during the
 * first timings, on one database more than the other.
 */
async function settle(store: BenchStore): Promise<void> {
  await withClient(store, (client) => client.query('VACUUM (ANALYZE)'));
}

/**
 * Waits until the server has chained the import's audit entries (one for every record imported):
 * until then its chainer works beside the timed calls. Returns the seconds waited.
 */
function chained(store: BenchStore): Promise<number> {
  return withClient(store, async (client) => {
    const started = performance.now();
    for (;;) {
      const { rows } = await client.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_pending');
      if (rows[0]!.n === 0) return (performance.now() - started) / 1000;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });
}

/** The comparison means nothing unless the plain database really holds names in clear and the other sealed. */
async function checkStored(v: Variant, store: BenchStore): Promise<void> {
  const { plain, sealed } = await withClient(store, async (client) => {
    const { rows } = await client.query<{ plain: number; sealed: number }>(
      `SELECT count(*) FILTER (WHERE names::text LIKE '"\\\\u0001enc1:plain:%')::int AS plain,
              count(*) FILTER (WHERE names::text NOT LIKE '"\\\\u0001enc1:plain:%')::int AS sealed FROM person`,
    );
    return rows[0]!;
  });
  if ((v === 'plain' ? sealed : plain) !== 0 || plain + sealed === 0)
    throw new Error(`the ${v} database holds ${plain} people with clear names and ${sealed} sealed`);
}

export async function run(options: BenchOptions): Promise<BenchResult> {
  const timings: Timing[] = [];
  const notes: string[] = [];
  const instances: Partial<Record<Variant, Instance>> = {};
  // Both variants' processes need the same kind of master key; one is made for the run if none is set.
  const masterKey = process.env.CORRIDOR_MASTER_KEY || randomBytes(32).toString('base64');
  try {
    for (const v of variants) {
      const store = await createStore('postgresql', options.postgresUrl, nodeArgsOf[v]);
      store.env.CORRIDOR_MASTER_KEY = masterKey;
      delete store.env.CORRIDOR_KEY_FILE;
      instances[v] = { store, accounts: await createAccounts(store), siteIds: {} };
    }
    const sealed = instances.sealed!;
    for (const [label, people] of [
      ['small', smallPeople],
      ['large', largePeople],
    ] as const) {
      // One generated file for both, so both databases hold the same people.
      const file = join(sealed.store.dir, `${label}.json`);
      await corridor(sealed.store, ['scenario', 'generate', '--people', String(people), '--out', file]);
      for (const v of variants) {
        const instance = instances[v]!;
        const started = performance.now();
        const printed = await corridor(instance.store, ['import', file]);
        notes.push(
          `${v}: ${people.toLocaleString('en')} people imported in ${Math.round((performance.now() - started) / 1000)} s`,
        );
        instance.siteIds[label] =
          /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/.exec(printed)?.[0] ?? '';
      }
    }
    for (const v of variants) await checkStored(v, instances[v]!.store);
    for (const v of variants) {
      const started = performance.now();
      await settle(instances[v]!.store);
      notes.push(
        `${v}: VACUUM (ANALYZE) after the imports took ${Math.round((performance.now() - started) / 1000)} s`,
      );
    }
    for (const v of variants) instances[v]!.server = await startServer(instances[v]!.store);
    for (const v of variants)
      notes.push(
        `${v}: the server chained the import's audit entries in ${Math.round(await chained(instances[v]!.store))} s`,
      );
    const getters = {} as Record<Variant, (path: string) => Promise<unknown>>;
    for (const v of variants) {
      const { server, accounts } = instances[v]!;
      getters[v] = (path: string) => api<unknown>(server!.url, accounts.coordinatorToken, 'GET', path);
    }
    for (const [label, people] of [
      ['small', smallPeople],
      ['large', largePeople],
    ] as const) {
      const paths = {} as Record<Variant, Record<string, string>>;
      for (const v of variants) {
        const get = getters[v];
        const sites = (await get('/api/sites')) as { items: Array<{ id: string; name: string }> };
        const siteId =
          sites.items.find((s) => s.id === instances[v]!.siteIds[label])?.id ??
          sites.items.find((s) => s.name.includes(`${people.toLocaleString('en')} people`))?.id;
        if (!siteId) throw new Error(`the ${label} site was not found after import (${v})`);
        paths[v] = {
          session: '/api/session',
          sites: '/api/sites',
          summary: `/api/sites/${siteId}/summary`,
          pauses: `/api/sites/${siteId}/pauses`,
          incidents: `/api/sites/${siteId}/incidents`,
          'site graph (site screen)': `/api/sites/${siteId}`,
          'registry, first page of 50': `/api/people?siteId=${siteId}&limit=50&offset=0`,
          'registry, name search': `/api/people?siteId=${siteId}&q=${encodeURIComponent('Шевч')}&limit=50`,
        };
      }
      const screenCalls = ['summary', 'pauses', 'incidents'];
      // The overview as the app loads it: session and sites first, then the screen's three reads at once.
      const overview = (v: Variant) => async () => {
        const get = getters[v];
        await Promise.all([get('/api/session'), get('/api/sites')]);
        await Promise.all(screenCalls.map((what) => get(paths[v][what]!)));
      };
      const record = (what: string, times: Record<Variant, number[]>) => {
        for (const v of variants)
          timings.push({
            encryption: v,
            site: label,
            people,
            what,
            medianMs: ms(percentile(times[v], 50)),
            p95Ms: ms(percentile(times[v], 95)),
            maxMs: ms(times[v][times[v].length - 1]!),
          });
      };
      record(
        'overview (all calls)',
        await timeRounds({ sealed: overview('sealed'), plain: overview('plain') }),
      );
      for (const what of Object.keys(paths.sealed))
        record(
          what,
          await timeRounds({
            sealed: () => getters.sealed(paths.sealed[what]!),
            plain: () => getters.plain(paths.plain[what]!),
          }),
        );
    }
  } finally {
    for (const v of variants) {
      await instances[v]?.server?.stop();
      await instances[v]?.store.remove();
    }
  }
  const find = (v: Variant, site: string, what: string) =>
    timings.find((t) => t.encryption === v && t.site === site && t.what === what);
  const large = find('sealed', 'large', 'overview (all calls)');
  const ratios = [...new Set(timings.map((t) => `${t.site}\u0000${t.what}`))].map((key) => {
    const [site, what] = key.split('\u0000') as [string, string];
    const s = find('sealed', site, what)!;
    const p = find('plain', site, what)!;
    return { site, what, median: ratio(s.medianMs, p.medianMs), p95: ratio(s.p95Ms, p.p95Ms) };
  });
  const overviewRatio = ratios.find((r) => r.site === 'large' && r.what === 'overview (all calls)');
  const plainLarge = find('plain', 'large', 'overview (all calls)');
  notes.unshift(
    `target: the overview loads in under 1 s with ${largePeople.toLocaleString('en')} people on PostgreSQL — ` +
      `measured p95 ${large?.p95Ms} ms with encryption (${large && large.p95Ms < 1000 ? 'met' : 'NOT met'})`,
    `cost of encryption on the ${largePeople.toLocaleString('en')}-person overview, sealed ÷ plain: ` +
      `median ${overviewRatio?.median} (${large?.medianMs} against ${plainLarge?.medianMs} ms), ` +
      `p95 ${overviewRatio?.p95} (${large?.p95Ms} against ${plainLarge?.p95Ms} ms)`,
    `${rounds} rounds after ${warmUp} warm-up rounds, one call at a time, the two servers alternating, ` +
      'over HTTP from this process to corridor serve',
    `machine load (1-minute average) when the timing ended: ${load()}`,
  );
  return {
    name: 'overview',
    title: 'The web overview at scale, with and without encryption (PostgreSQL)',
    table: timings.map((t) => ({ ...t }) as Record<string, Cell>),
    notes,
    data: { largePeople, smallPeople, rounds, warmUp, timings, ratios },
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
