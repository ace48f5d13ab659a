// The small interface every repository talks to. Two adapters implement it: PGlite (embedded,
// the default) and PostgreSQL (production). SQL is written once, in the PostgreSQL dialect.
export interface QueryResult<Row> {
  rows: Row[];
  rowCount: number;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<Row>>;
}

export type Backend = 'pglite' | 'postgresql';

export interface Database extends Queryable {
  readonly backend: Backend;
  /** Runs fn in one transaction: committed when fn resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

// Both adapters return the same JavaScript values: dates as 'YYYY-MM-DD' strings (a birth date has
// no time zone), bigint counts and numerics as numbers, timestamps as Date.
export const OID = { int8: 20, numeric: 1700, date: 1082 } as const;
export const parseNumber = (value: string): number => Number(value);
export const keepString = (value: string): string => value;
