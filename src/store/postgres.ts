import pg from 'pg';
import type { Database, Queryable, QueryResult } from './database.ts';
import { keepString, OID, parseNumber } from './database.ts';

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === OID.int8 || oid === OID.numeric) return parseNumber;
    if (oid === OID.date) return keepString;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

// A hot statement opts into being prepared by starting with /* prepared: NAME */. Each connection
// then parses and plans it once instead of on every call, which for registration's one large
// statement is a third of the database's work. Only opted-in statements are prepared: a generic plan
// suits a fixed statement, not a search whose best plan depends on its values.
const preparedName = /^\/\* prepared: ([a-z_]+) \*\//;

function wrap(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const name = preparedName.exec(sql)?.[1];
      const result = await client.query({ text: sql, values: params as unknown[], types, name });
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
    },
  };
}

export async function openPostgres(connectionString: string, poolSize = 20): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client that loses its connection must not crash the server; the next query reconnects.
  pool.on('error', () => {});
  // Fail at start-up, with the driver's message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const outer = wrap(pool);
  return {
    backend: 'postgresql',
    query: outer.query,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(wrap(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(sql) {
      await pool.query(sql);
    },
    close: () => pool.end(),
  };
}
