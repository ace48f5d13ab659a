import type { Database } from '../database.ts';
import { currentSchemaVersion } from '../migrate.ts';
import { type BackupBody, type BackupHeader, backupKeyId, writeBackup } from './file-format.ts';
import { tablesInKeyOrder } from './tables.ts';

/**
 * Every table's rows as stored (personal fields still sealed), in one read-only transaction so
 * the backup is one consistent moment even while the server writes; returned sealed with `key`.
 */
export async function takeBackup(db: Database, key: Buffer): Promise<{ file: Buffer; header: BackupHeader }> {
  const body: BackupBody = { tables: [] };
  const schemaVersion = await currentSchemaVersion(db);
  await db.transaction(async (tx) => {
    if (db.backend === 'postgresql')
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    for (const name of await tablesInKeyOrder(tx)) {
      // As text, so the store hands the row over exactly as stored rather than opening its fields.
      const { rows } = await tx.query<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${name} t`);
      body.tables.push({ name, rows: rows.map((r) => JSON.parse(r.row) as unknown) });
    }
  });
  const header: BackupHeader = {
    format: 'corridor-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    backend: db.backend,
    schemaVersion,
    keyId: backupKeyId(key),
    counts: Object.fromEntries(body.tables.map((t) => [t.name, t.rows.length])),
  };
  return { file: writeBackup(header, body, key), header };
}
