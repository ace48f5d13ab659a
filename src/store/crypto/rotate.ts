import { randomBytes } from 'node:crypto';
import type { Database, Queryable } from '../database.ts';
import { FieldCipher, isSealed, newKeyId, readKeyRows, unwrapKey, wrapKey } from './keyring.ts';
import { type MasterKey, masterKeyId } from './master-key.ts';

// Key rotation without downtime. In one short transaction every key is unwrapped with the old
// master key and wrapped again with the new one, and a new data key becomes the one that seals;
// the old data keys are retired, not deleted, so nothing sealed by them becomes unreadable. Then
// every sealed value is sealed again with the new data key, a batch of rows per transaction, while
// the server goes on: a running server that meets the new key reads the keys again (and its key
// file, which the rotation rewrote), so it keeps reading everything throughout.

export interface RotationReport {
  newDataKey: string;
  retired: string[];
  resealed: number;
  rows: number;
}

/** Wraps every key with `next` and makes a new data key the current one; returns the new key's id. */
export async function rewrapKeys(
  db: Database,
  current: MasterKey,
  next: Buffer,
): Promise<{ id: string; retired: string[] }> {
  const nextMaster: MasterKey = {
    key: next,
    id: masterKeyId(next),
    source: 'the new master key',
    file: undefined,
  };
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(724020)');
    const rows = await readKeyRows(tx);
    for (const row of rows) {
      const key = unwrapKey(current, row);
      await tx.query('UPDATE encryption_key SET wrapped = $2, master_id = $3 WHERE id = $1', [
        row.id,
        wrapKey(nextMaster, row.id, row.purpose, key),
        nextMaster.id,
      ]);
    }
    const retired = rows.filter((r) => r.purpose === 'data' && r.retired_at === null).map((r) => r.id);
    await tx.query(
      "UPDATE encryption_key SET retired_at = clock_timestamp() WHERE purpose = 'data' AND retired_at IS NULL",
    );
    const id = newKeyId();
    await tx.query('INSERT INTO encryption_key (id, purpose, wrapped, master_id) VALUES ($1, $2, $3, $4)', [
      id,
      'data',
      wrapKey(nextMaster, id, 'data', randomBytes(32)),
      nextMaster.id,
    ]);
    return { id, retired };
  });
}

/** Text and JSON columns of every table, with the table's primary key: where sealed values can be. */
async function sealableColumns(
  db: Queryable,
): Promise<Array<{ table: string; key: string[]; columns: Array<{ name: string; json: boolean }> }>> {
  const { rows } = await db.query<{ table: string; column: string; type: string; is_key: boolean }>(
    `SELECT c.table_name AS table, c.column_name AS column, c.data_type AS type,
       EXISTS (SELECT 1 FROM information_schema.key_column_usage u JOIN information_schema.table_constraints t
               ON t.constraint_name = u.constraint_name AND t.table_name = u.table_name
               WHERE t.constraint_type = 'PRIMARY KEY' AND u.table_name = c.table_name AND u.column_name = c.column_name
                 AND t.table_schema = 'public') AS is_key
     FROM information_schema.columns c JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND c.table_name NOT IN ('encryption_key', 'schema_version')
     ORDER BY c.table_name, c.ordinal_position`,
  );
  const tables = new Map<
    string,
    { table: string; key: string[]; columns: Array<{ name: string; json: boolean }> }
  >();
  for (const row of rows) {
    const entry = tables.get(row.table) ?? { table: row.table, key: [], columns: [] };
    tables.set(row.table, entry);
    if (row.is_key) entry.key.push(row.column);
    if (row.type === 'text' || row.type === 'jsonb' || row.type === 'json')
      entry.columns.push({ name: row.column, json: row.type !== 'text' });
  }
  return [...tables.values()].filter((t) => t.key.length > 0 && t.columns.length > 0);
}

function resealDeep(cipher: FieldCipher, value: unknown): { value: unknown; changed: number } {
  if (isSealed(value)) {
    if (value.startsWith(`\u0001enc1:${cipher.currentKeyId}:`)) return { value, changed: 0 };
    return { value: cipher.seal(cipher.open(value)), changed: 1 };
  }
  if (value === null || typeof value !== 'object') return { value, changed: 0 };
  let changed = 0;
  const reseal = (item: unknown) => {
    const result = resealDeep(cipher, item);
    changed += result.changed;
    return result.value;
  };
  const out = Array.isArray(value)
    ? value.map(reseal)
    : Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, reseal(v)]));
  return { value: out, changed };
}

/**
 * Seals again, with the current data key, every value sealed by another, `batch` rows of a table per
 * transaction. Reads and writes the raw database (`raw`, opened without a cipher), so it sees the
 * values as stored.
 */
export async function resealAll(
  raw: Database,
  master: MasterKey,
  batch = 500,
): Promise<{ resealed: number; rows: number }> {
  const cipher = new FieldCipher(master, await readKeyRows(raw));
  let resealed = 0;
  let rowsChanged = 0;
  for (const { table, key, columns } of await sealableColumns(raw)) {
    const keyList = key.join(', ');
    // Each column as text, prefixed so no layer above mistakes it for a value to open.
    const select = columns.map((c, i) => `'=' || ${c.name}::text AS c${i}`).join(', ');
    let after: unknown[] | undefined;
    for (;;) {
      const params: unknown[] = [];
      const where = after
        ? `WHERE (${keyList}) > (${after.map((v) => `$${params.push(v)}`).join(', ')})`
        : '';
      const { rows } = await raw.query<Record<string, unknown>>(
        `SELECT ${key.map((k, i) => `${k}::text AS k${i}`).join(', ')}, ${select} FROM ${table} ${where}
         ORDER BY ${keyList} LIMIT ${batch}`,
        params,
      );
      if (rows.length === 0) break;
      after = key.map((_, i) => rows.at(-1)?.[`k${i}`]);
      await raw.transaction(async (tx) => {
        for (const row of rows) {
          const sets: string[] = [];
          const values: unknown[] = key.map((_, i) => row[`k${i}`]);
          columns.forEach((column, i) => {
            const text = row[`c${i}`];
            if (typeof text !== 'string' || !text.includes('enc1:')) return;
            const stored: unknown = column.json ? JSON.parse(text.slice(1)) : text.slice(1);
            const result = resealDeep(cipher, stored);
            if (result.changed === 0) return;
            resealed += result.changed;
            sets.push(
              `${column.name} = $${values.push(column.json ? JSON.stringify(result.value) : result.value)}`,
            );
          });
          if (sets.length === 0) continue;
          rowsChanged++;
          const match = key.map((k, i) => `${k}::text = $${i + 1}`).join(' AND ');
          await tx.query(`UPDATE ${table} SET ${sets.join(', ')} WHERE ${match}`, values);
        }
      });
    }
  }
  return { resealed, rows: rowsChanged };
}
