// The database's own single-row INSERT rate, measured from the benchmark process: the ceiling the
// API is compared with. Each row is its own autocommitted (durable) transaction, shaped like a person.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { newId } from '../../src/domain/ids.ts';
import { openStore } from '../../src/store/open.ts';
import { type CpuMeter, startCpuMeter } from './cpu.ts';
import type { Registration } from './people.ts';

export interface RateFigures {
  rowsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  rows: number;
  seconds: number;
  concurrency: number;
  /** CPU milliseconds per row, client and database together (undefined without /proc). */
  cpuMsPerRow: number | undefined;
}

const scratchTable = `CREATE TABLE IF NOT EXISTS bench_raw_person
  (LIKE person INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`;

const insertSql = `INSERT INTO bench_raw_person (id, site_id, household_id, shelter_id, names, sex, birth_date,
  birth_year, age_band, vulnerabilities, triage, languages, note, status)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'sheltering')`;

const rowOf = (p: Registration): unknown[] => [
  p.id ?? newId(),
  p.siteId,
  p.householdId ?? null,
  p.shelterId,
  JSON.stringify(p.names),
  p.sex,
  p.birthDate ?? null,
  p.birthYear ?? null,
  p.ageBand ?? null,
  p.vulnerabilities,
  p.triage ?? null,
  p.languages,
  p.note ?? null,
];

export const percentile = (sorted: readonly number[], q: number): number =>
  sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** Runs `concurrency` loops of insert(row) until the time is up and summarises their latencies. */
async function measure(
  insert: (row: unknown[]) => Promise<unknown>,
  next: () => Registration,
  seconds: number,
  concurrency: number,
  meter: () => Promise<CpuMeter>,
): Promise<RateFigures> {
  const latencies: number[] = [];
  const cpu = await meter();
  const started = performance.now();
  const end = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < end) {
      const row = rowOf(next());
      const t = performance.now();
      await insert(row);
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = (performance.now() - started) / 1000;
  const cpuSeconds = await cpu.stop();
  latencies.sort((a, b) => a - b);
  return {
    rowsPerSecond: latencies.length / elapsed,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    rows: latencies.length,
    seconds: elapsed,
    concurrency,
    cpuMsPerRow: cpuSeconds === undefined ? undefined : (cpuSeconds * 1000) / latencies.length,
  };
}

/** 50 concurrent connections (pg), each inserting one row per statement into the given database. */
export async function rawInsertPostgres(
  databaseUrl: string,
  next: () => Registration,
  seconds: number,
  concurrency = 50,
): Promise<RateFigures> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: concurrency });
  try {
    await pool.query(scratchTable);
    // Open every connection first, so the measurement does not include connecting.
    const clients = await Promise.all(Array.from({ length: concurrency }, () => pool.connect()));
    for (const client of clients) client.release();
    return await measure(
      (row) => pool.query(insertSql, row),
      next,
      seconds,
      concurrency,
      () => startCpuMeter([process.pid], databaseUrl),
    );
  } finally {
    await pool.end();
  }
}

/**
 * The embedded database is one connection held by the server process, so its raw rate is measured
 * on a data directory of its own, one statement after the other (PGlite serialises them anyway).
 */
export async function rawInsertPglite(next: () => Registration, seconds: number): Promise<RateFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-bench-raw-'));
  const db = await openStore({ dataDir: join(dir, 'data') });
  try {
    await db.exec(scratchTable);
    return await measure(
      (row) => db.query(insertSql, row),
      next,
      seconds,
      1,
      () => startCpuMeter([process.pid]),
    );
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
