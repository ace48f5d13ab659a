// Registration throughput through the HTTP API: 50 concurrent clients POST /api/people to a
// `corridor serve` process, each request a different person. Beside it, in the same run, the raw
// single-row INSERT rate of the same database from this process, and the ratio of the two.
// Run alone with `npx tsx bench/registration.ts` (REGISTRATION_SECONDS of load, 10 by default),
// or as part of `npm run bench`.
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { newId } from '../src/domain/ids.ts';
import { startCpuMeter } from './support/cpu.ts';
import { load } from './support/machine.ts';
import { type Population, type Registration, registrations } from './support/people.ts';
import { type RateFigures, rawInsertPglite, rawInsertPostgres } from './support/raw-insert.ts';
import {
  type Accounts,
  api,
  type BenchStore,
  createAccounts,
  createStore,
  type RunningServer,
  startServer,
} from './support/server.ts';
import type { BackendName, BenchOptions, BenchResult } from './support/types.ts';

const connections = 50;
const warmUpSeconds = 3;

// The targets for PostgreSQL on a 2-core machine; reported, never asserted.
export const targets = { registrationsPerSecond: 2000, p99Ms: 50, apiOverRaw: 0.5 };

export interface HttpFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The latency distribution in more detail, for the JSON results. */
  latencyMs: { p90: number; p97_5: number; p99_9: number; max: number; mean: number };
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  seconds: number;
  connections: number;
  /** CPU milliseconds per registration, server process and database together (undefined without /proc). */
  cpuMsPerRequest: number | undefined;
}

export interface BackendFigures {
  backend: BackendName;
  http: HttpFigures;
  rawBefore: RateFigures;
  rawAfter: RateFigures;
  /** Mean of the raw rates before and after the HTTP run. */
  rawRowsPerSecond: number;
  apiOverRaw: number;
  /** CPU per raw row over CPU per registration: the ratio with the machine's other load taken out. */
  apiOverRawByCpu: number | undefined;
  /**
   * People in the registry after the run, and the 2xx answers it must hold. It may hold up to one
   * more per connection and load phase: requests still in flight when the load generator stops.
   */
  stored: number;
  answered2xx: number;
  inFlightAllowance: number;
  load: { beforeHttp: number; afterHttp: number };
}

async function setUpSite(url: string, accounts: Accounts): Promise<Population> {
  const as = accounts.coordinatorToken;
  const site = await api<{ id: string }>(url, as, 'POST', '/api/sites', {
    name: 'Азовсталь',
    place: 'Маріуполь',
    timeZone: 'Europe/Kyiv',
  });
  const shelterIds: string[] = [];
  for (const [index, kind] of ['bunker', 'bunker', 'basement', 'tunnel_section'].entries()) {
    const shelter = await api<{ id: string }>(url, as, 'POST', `/api/sites/${site.id}/points`, {
      kind: 'shelter',
      code: `S${index + 1}`,
      name: `Сховище ${index + 1}`,
      shelterKind: kind,
      capacity: 300,
    });
    shelterIds.push(shelter.id);
  }
  const householdIds: string[] = [];
  for (let index = 0; index < 20; index++) {
    const household = await api<{ id: string }>(url, as, 'POST', '/api/households', {
      siteId: site.id,
      label: `Родина ${index + 1}`,
    });
    householdIds.push(household.id);
  }
  // Adults registered first, so that children in the load can name them as guardians.
  const adults = registrations({ siteId: site.id, shelterIds, householdIds, guardianIds: [] }, 7);
  const guardianIds: string[] = [];
  while (guardianIds.length < 50) {
    const body = adults();
    if (body.guardians || body.vulnerabilities.includes('child')) continue;
    guardianIds.push((await api<{ id: string }>(url, accounts.fieldToken, 'POST', '/api/people', body)).id);
  }
  return { siteId: site.id, shelterIds, householdIds, guardianIds };
}

async function load50(
  server: RunningServer,
  store: BenchStore,
  token: string,
  next: () => Registration,
  seconds: number,
): Promise<HttpFigures> {
  const cpu = await startCpuMeter([server.pid], store.databaseUrl);
  const result = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        method: 'POST',
        path: '/api/people',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(next()) }),
      },
    ],
  });
  const cpuSeconds = await cpu.stop();
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, { count }]) => [code, count]),
  );
  return {
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    latencyMs: {
      p90: result.latency.p90,
      p97_5: result.latency.p97_5,
      p99_9: result.latency.p99_9,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    requests: result.requests.total,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    seconds: result.duration,
    connections,
    cpuMsPerRequest: cpuSeconds === undefined ? undefined : (cpuSeconds * 1000) / result.requests.total,
  };
}

const rawRate = (store: BenchStore, next: () => Registration, seconds: number): Promise<RateFigures> =>
  store.databaseUrl ? rawInsertPostgres(store.databaseUrl, next, seconds) : rawInsertPglite(next, seconds);

async function measureBackend(backend: BackendName, options: BenchOptions): Promise<BackendFigures> {
  const store = await createStore(backend, options.postgresUrl);
  try {
    const accounts = await createAccounts(store);
    // The raw rate is measured while the server is stopped, so the two never share the machine and
    // the PostgreSQL server never holds both connection pools at once.
    const rawSeconds = Math.max(2, options.durationSeconds / 2);
    const rawRows = registrations(
      { siteId: newId(), shelterIds: [newId()], householdIds: [newId()], guardianIds: [newId()] },
      9,
    );
    const rawBefore = await rawRate(store, rawRows, rawSeconds);
    const server = await startServer(store);
    let measured: Omit<BackendFigures, 'rawAfter' | 'rawRowsPerSecond' | 'apiOverRaw' | 'apiOverRawByCpu'>;
    try {
      const population = await setUpSite(server.url, accounts);
      const next = registrations(population, 42);
      // Warm-up: JIT, connection pool and caches; its registrations count in the stored check only.
      const warmUp = await load50(server, store, accounts.fieldToken, next, warmUpSeconds);
      const loadBefore = load();
      const http = await load50(server, store, accounts.fieldToken, next, options.durationSeconds);
      const loadAfter = load();
      const page = await api<{ total: number }>(
        server.url,
        accounts.coordinatorToken,
        'GET',
        `/api/people?siteId=${population.siteId}&limit=1`,
      );
      measured = {
        backend,
        http,
        rawBefore,
        stored: page.total,
        answered2xx: population.guardianIds.length + warmUp.ok + http.ok,
        inFlightAllowance: 2 * connections,
        load: { beforeHttp: loadBefore, afterHttp: loadAfter },
      };
    } finally {
      await server.stop();
    }
    const rawAfter = await rawRate(store, rawRows, rawSeconds);
    const rawRowsPerSecond = (rawBefore.rowsPerSecond + rawAfter.rowsPerSecond) / 2;
    return {
      ...measured,
      rawAfter,
      rawRowsPerSecond,
      apiOverRaw: measured.http.requestsPerSecond / rawRowsPerSecond,
      apiOverRawByCpu: ratioByCpu(measured.http, [rawBefore, rawAfter]),
    };
  } finally {
    await store.remove();
  }
}

function ratioByCpu(http: HttpFigures, raw: RateFigures[]): number | undefined {
  const rawCpu = raw.map((r) => r.cpuMsPerRow);
  if (http.cpuMsPerRequest === undefined || rawCpu.some((ms) => ms === undefined)) return undefined;
  const meanRaw = rawCpu.reduce((sum: number, ms) => sum + ms!, 0) / rawCpu.length;
  return meanRaw / http.cpuMsPerRequest;
}

const storedMatches = (f: BackendFigures): boolean =>
  f.stored >= f.answered2xx && f.stored <= f.answered2xx + f.inFlightAllowance;

const round = (value: number, digits = 0): number => Math.round(value * 10 ** digits) / 10 ** digits;

export async function run(options: BenchOptions): Promise<BenchResult> {
  const figures: BackendFigures[] = [];
  for (const backend of options.backends) figures.push(await measureBackend(backend, options));
  const notes = [
    `${connections} concurrent clients for ${options.durationSeconds} s after a ${warmUpSeconds} s warm-up; server: corridor serve in its own process.`,
    'raw INSERT/s: single-row autocommitted INSERTs into a table shaped like person, from the benchmark process, mean of runs before and after the API run, with the server stopped (PostgreSQL: 50 connections to the same database; PGlite: a data directory of its own, one statement at a time).',
    'CPU ms: user + system time per registration (server process and its database backends) or per raw row (benchmark process and its backends), from /proc; it depends far less than a rate on what else the machine runs.',
    `targets on PostgreSQL (2 cores): >= ${targets.registrationsPerSecond} registrations/s, p99 <= ${targets.p99Ms} ms, API/raw >= ${targets.apiOverRaw}.`,
  ];
  for (const f of figures) {
    if (!storedMatches(f))
      notes.push(
        `${f.backend}: the registry holds ${f.stored} people, but ${f.answered2xx} registrations were answered 2xx (up to ${f.inFlightAllowance} more may have been in flight)`,
      );
    if (f.backend !== 'postgresql') continue;
    const met = [
      f.http.requestsPerSecond >= targets.registrationsPerSecond,
      f.http.p99Ms <= targets.p99Ms,
      f.apiOverRaw >= targets.apiOverRaw,
    ];
    notes.push(
      `postgresql against the targets: throughput ${met[0] ? 'met' : 'NOT met'}, p99 ${met[1] ? 'met' : 'NOT met'}, ratio ${met[2] ? 'met' : 'NOT met'}.`,
    );
  }
  return {
    name: 'registration',
    title: 'Registration throughput through the HTTP API',
    table: figures.map((f) => ({
      backend: f.backend,
      'registrations/s': round(f.http.requestsPerSecond),
      'p50 ms': round(f.http.p50Ms, 1),
      'p99 ms': round(f.http.p99Ms, 1),
      'non-2xx': f.http.non2xx + f.http.errors,
      'raw INSERT/s': round(f.rawRowsPerSecond),
      'API/raw': round(f.apiOverRaw, 2),
      'CPU ms/reg': f.http.cpuMsPerRequest === undefined ? null : round(f.http.cpuMsPerRequest, 3),
      'CPU ms/raw':
        f.apiOverRawByCpu === undefined
          ? null
          : round((f.rawBefore.cpuMsPerRow! + f.rawAfter.cpuMsPerRow!) / 2, 3),
      'API/raw by CPU': f.apiOverRawByCpu === undefined ? null : round(f.apiOverRawByCpu, 2),
      'stored ok': storedMatches(f) ? 'yes' : 'NO',
      load: `${f.load.beforeHttp}→${f.load.afterHttp}`,
    })),
    notes,
    data: { connections, warmUpSeconds, targets, backends: figures },
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { formatTable } = await import('./support/table.ts');
  const result = await run({
    backends: ['pglite', 'postgresql'],
    durationSeconds: Number(process.env.REGISTRATION_SECONDS ?? 10),
    postgresUrl: process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  process.stdout.write(`${result.title}\n${formatTable(result.table)}\n`);
  for (const note of result.notes) process.stdout.write(`  · ${note}\n`);
}
