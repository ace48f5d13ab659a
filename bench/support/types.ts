// The contract between bench/main.ts and each benchmark module: a module exports
// `run(options): Promise<BenchResult>`; main prints the table and writes every result to JSON.

export type BackendName = 'pglite' | 'postgresql';

export interface BenchOptions {
  /** Backends to measure on (benchmarks without a database ignore it). */
  backends: BackendName[];
  /** Seconds of load per measured phase. */
  durationSeconds: number;
  /** PostgreSQL server on which benchmarks create (and drop) their own databases. */
  postgresUrl: string;
}

export type Cell = string | number | null;

export interface BenchResult {
  name: string;
  title: string;
  /** The summary, one row per case; columns are the keys of the first row. */
  table: Array<Record<string, Cell>>;
  /** Lines printed under the table: targets, caveats, what was checked. */
  notes: string[];
  /** Every figure, for the JSON results file. */
  data: unknown;
}

export interface BenchModule {
  run(options: BenchOptions): Promise<BenchResult>;
}
