import type { Database } from '../database.ts';
import { type FieldCipher, isSealed } from './keyring.ts';
import { personalKeys } from './personal.ts';

// A migration that makes a column personal cannot seal what the column already holds: SQL has no
// key. It lists the column in `sealing_pending` instead, and the first start with the keys seals
// every clear value there before the store is used, then removes the entry — so an operator who
// upgrades keeps no clear value, and later starts cost one small read. Each value is written only
// if it is still the one read, so a server already serving the same PostgreSQL loses no write.

// Kinds: a column of clear text or integers; a logged document, whose personal keys are sealed; and
// 'verified-name', the adult's name in the operations log's child-case 'verify' entries (migration
// 019), under a key ('name') that is not personal elsewhere in the log.
export type PendingKind = 'text' | 'integer' | 'log' | 'verified-name';

interface Pending {
  table_name: string;
  column_name: string;
  kind: PendingKind;
}

const identifier = /^[a-z_][a-z0-9_]*$/;

/** A logged document with every value under a personal key sealed; counts what was still clear. */
export function sealClearDeep(cipher: FieldCipher, value: unknown): { value: unknown; sealed: number } {
  if (value === null || typeof value !== 'object') return { value, sealed: 0 };
  let sealed = 0;
  const walk = (item: unknown): unknown => {
    const result = sealClearDeep(cipher, item);
    sealed += result.sealed;
    return result.value;
  };
  if (Array.isArray(value)) return { value: value.map(walk), sealed };
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
    if (personalKeys.has(key) && item !== null && item !== undefined && !isSealed(item)) {
      out[key] = cipher.seal(item);
      sealed++;
    } else out[key] = walk(item);
  }
  return { value: out, sealed };
}

async function primaryKey(raw: Database, table: string): Promise<string[]> {
  const { rows } = await raw.query<{ name: string }>(
    `SELECT a.attname AS name FROM pg_index i
     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
     WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY a.attnum`,
    [table],
  );
  return rows.map((r) => r.name);
}

/** Seals the clear values of one pending column, `batch` rows per transaction; returns how many. */
async function sealColumn(
  raw: Database,
  cipher: FieldCipher,
  entry: Pending,
  batch: number,
): Promise<number> {
  const { table_name: table, column_name: column, kind } = entry;
  if (!identifier.test(table) || !identifier.test(column))
    throw new Error(`sealing_pending names ${table}.${column}, which is not a plain identifier`);
  const key = await primaryKey(raw, table);
  if (key.length === 0) throw new Error(`sealing_pending: ${table} has no primary key`);
  const keyList = key.join(', ');
  // The value read as text with a prefix, so no layer above takes it for a sealed value to open.
  // In a logged document, only rows with a personal key whose value is neither sealed nor null (a
  // sealed value starts with the control character, which jsonb's text escapes as \u0001).
  if (kind === 'verified-name' && table !== 'operation')
    throw new Error(`sealing_pending: only the operations log holds verified adults' names, not ${table}`);
  const clear = {
    log: `${column}::text ~ $1`,
    'verified-name': `entity = 'child_case' AND action = 'verify' AND left(${column}->>'name', 6) <> chr(1) || 'enc1:'`,
    text: `left(${column}, 6) <> chr(1) || 'enc1:'`,
    integer: `left(${column}, 6) <> chr(1) || 'enc1:'`,
  }[kind];
  const logPattern = `"(${[...personalKeys].join('|')})": (?!"\\\\u0001enc1:|null)`;
  let sealed = 0;
  let after: unknown[] | undefined;
  for (;;) {
    const params: unknown[] = kind === 'log' ? [logPattern] : [];
    const from = after ? `AND (${keyList}) > (${after.map((v) => `$${params.push(v)}`).join(', ')})` : '';
    const { rows } = await raw.query<Record<string, string>>(
      `SELECT ${key.map((k, i) => `${k}::text AS k${i}`).join(', ')}, '=' || ${column}::text AS v
       FROM ${table} WHERE ${column} IS NOT NULL AND ${clear} ${from} ORDER BY ${keyList} LIMIT ${batch}`,
      params,
    );
    if (rows.length === 0) return sealed;
    after = key.map((_, i) => rows.at(-1)?.[`k${i}`]);
    await raw.transaction(async (tx) => {
      for (const row of rows) {
        const text = (row.v as string).slice(1);
        let next: string;
        if (kind === 'log') {
          const result = sealClearDeep(cipher, JSON.parse(text));
          if (result.sealed === 0) continue;
          sealed += result.sealed;
          next = JSON.stringify(result.value);
        } else if (kind === 'verified-name') {
          const logged = JSON.parse(text) as Record<string, unknown>;
          next = JSON.stringify({ ...logged, name: cipher.seal(logged.name) });
          sealed++;
        } else {
          next = cipher.seal(kind === 'integer' ? Number(text) : text);
          sealed++;
        }
        const values: unknown[] = [...key.map((_, i) => row[`k${i}`]), next, text];
        const match = key.map((k, i) => `${k}::text = $${i + 1}`).join(' AND ');
        const n = key.length;
        const cast = kind === 'log' || kind === 'verified-name' ? '::jsonb' : '';
        await tx.query(
          `UPDATE ${table} SET ${column} = $${n + 1}${cast} WHERE ${match} AND ${column}::text = $${n + 2}`,
          values,
        );
      }
    });
  }
}

/**
 * Seals what the columns listed in `sealing_pending` still hold in clear, and empties the list.
 * `raw` is the database without the store's opening of sealed values, so it sees them as stored.
 */
export async function sealClearValues(
  raw: Database,
  cipher: FieldCipher,
  batch = 500,
): Promise<Array<{ table: string; column: string; sealed: number }>> {
  const { rows } = await raw.query<Pending>(
    'SELECT table_name, column_name, kind FROM sealing_pending ORDER BY table_name, column_name, kind',
  );
  const report: Array<{ table: string; column: string; sealed: number }> = [];
  for (const entry of rows) {
    const sealed = await sealColumn(raw, cipher, entry, batch);
    await raw.query('DELETE FROM sealing_pending WHERE table_name = $1 AND column_name = $2 AND kind = $3', [
      entry.table_name,
      entry.column_name,
      entry.kind,
    ]);
    report.push({ table: entry.table_name, column: entry.column_name, sealed });
  }
  return report;
}
