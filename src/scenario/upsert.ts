import { newId } from '../domain/ids.ts';
import type { FieldCipher } from '../store/crypto/keyring.ts';
import { sealPersonal } from '../store/crypto/personal.ts';
import { cipherOf } from '../store/crypto/sealed-store.ts';
import type { Queryable } from '../store/database.ts';
import type { Actor } from '../store/repos/operations.ts';

// The machinery every section of a site file is imported with: records are matched by id,
// compared in canonical form, and only what differs is written and logged.

export interface ImportSummary {
  siteId: string;
  created: Record<string, number>;
  updated: Record<string, number>;
  unchanged: Record<string, number>;
}

// Large files are written in batches of this many rows per statement: one round trip each.
export const batchSize = 2000;

export interface Table<FileRecord extends { id: string }, Row> {
  entity: string;
  table: string;
  /** The columns written, and how a file record fills them. */
  columns: (record: FileRecord, siteId: string) => Record<string, unknown>;
  /** Seals the personal columns of a row to write (and adds their blind index). */
  seal?: (columns: Record<string, unknown>, cipher: FieldCipher) => Record<string, unknown>;
  /** A stored row in the file's canonical form, to compare with. */
  canonical: (row: Row) => FileRecord;
  select: string;
  /** The id column in `select`, qualified when the query aliases its table. */
  idColumn?: string;
  /** Whether rows carry updated_at (and, for people, a version) to bump on update. */
  touchUpdatedAt?: boolean;
  bumpVersion?: boolean;
}

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

export async function upsert<FileRecord extends { id: string }, Row extends { id: string }>(
  tx: Queryable,
  actor: Actor,
  table: Table<FileRecord, Row>,
  records: FileRecord[],
  siteId: string,
  summary: ImportSummary,
): Promise<FileRecord[]> {
  const changed: FileRecord[] = [];
  const cipher = cipherOf(tx);
  let created = 0;
  let updated = 0;
  for (let start = 0; start < records.length; start += batchSize) {
    const batch = records.slice(start, start + batchSize);
    const { rows } = await tx.query<Row>(
      `${table.select} WHERE ${table.idColumn ?? 'id'} = ANY($1::uuid[])`,
      [batch.map((r) => r.id)],
    );
    const existing = new Map(rows.map((row) => [row.id, table.canonical(row)]));
    const writes: Record<string, unknown>[] = [];
    const operations: Record<string, unknown>[] = [];
    for (const record of batch) {
      const before = existing.get(record.id);
      if (before && stable(before) === stable(record)) continue;
      if (before) updated++;
      else created++;
      changed.push(record);
      const columns = table.columns(record, siteId);
      writes.push(table.seal ? table.seal(columns, cipher) : columns);
      operations.push({
        id: newId(),
        actor_id: actor.userId,
        actor: actor.name,
        entity: table.entity,
        entity_id: record.id,
        action: before ? 'import_update' : 'import',
        before: sealPersonal(cipher, before ?? null),
        after: sealPersonal(cipher, record),
      });
    }
    if (writes.length === 0) continue;
    const columns = Object.keys(writes[0]!);
    const assignments = columns
      .filter((c) => c !== 'id')
      .map((c) => `${c} = EXCLUDED.${c}`)
      .concat(table.touchUpdatedAt ? ['updated_at = now()'] : [])
      .concat(table.bumpVersion ? [`version = ${table.table}.version + 1`] : []);
    await tx.query(
      `INSERT INTO ${table.table} (${columns.join(', ')})
       SELECT ${columns.join(', ')} FROM json_populate_recordset(NULL::${table.table}, $1::json)
       ON CONFLICT (id) DO UPDATE SET ${assignments.join(', ')}`,
      [JSON.stringify(writes)],
    );
    await tx.query(
      `INSERT INTO operation (id, actor_id, actor, entity, entity_id, action, before, after)
       SELECT id, actor_id, actor, entity, entity_id, action, before, after
       FROM json_populate_recordset(NULL::operation, $1::json)`,
      [JSON.stringify(operations)],
    );
  }
  summary.created[table.entity] = created;
  summary.updated[table.entity] = updated;
  summary.unchanged[table.entity] = records.length - created - updated;
  return changed;
}
