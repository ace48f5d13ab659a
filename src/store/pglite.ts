import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { acquireDataDirLock } from './data-dir-lock.ts';
import type { Database, Queryable, QueryResult } from './database.ts';
import { keepString, OID, parseNumber } from './database.ts';

const parsers = { [OID.int8]: parseNumber, [OID.numeric]: parseNumber, [OID.date]: keepString };

type PGliteLike = Pick<PGlite, 'query'>;

export interface PgliteDatabase extends Database {
  /** The whole database as a file, to start others from (see `template` below). */
  dump(): Promise<Blob>;
}

function wrap(target: PGliteLike): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, params as unknown[]);
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
  };
}

/**
 * Opens the embedded database in dataDir, or in memory when dataDir is undefined (tests). An
 * in-memory database may start from `template`, a dump of another one (PGlite's dumpDataDir): the
 * tests open one migrated copy per file instead of running initdb and the migrations each time.
 */
export async function openPglite(dataDir?: string, template?: Blob): Promise<PgliteDatabase> {
  let releaseLock = () => {};
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true });
    // PGlite is one process's database: a second process on the same directory would corrupt it.
    releaseLock = acquireDataDirLock(dataDir);
  }
  let db: PGlite;
  try {
    db = await PGlite.create(dataDir ? { dataDir, parsers } : { parsers, loadDataDir: template });
  } catch (error) {
    releaseLock();
    throw error;
  }
  const outer = wrap(db);
  return {
    backend: 'pglite',
    query: outer.query,
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx))),
    exec: async (sql) => {
      await db.exec(sql);
    },
    close: async () => {
      await db.close();
      releaseLock();
    },
    dump: async () => db.dumpDataDir('none'),
  };
}
