import { CorridorError } from '../../domain/errors.ts';
import { type KeyRow, unwrapKey } from '../crypto/keyring.ts';
import type { MasterKey } from '../crypto/master-key.ts';
import type { Database } from '../database.ts';
import { currentSchemaVersion } from '../migrate.ts';
import { type BackupHeader, readBackup } from './file-format.ts';
import { foreignKeys, sequenceColumns } from './tables.ts';

const rowsPerStatement = 1000;

/**
 * Restores a backup into a database that holds no users and no site yet (just made by `corridor
 * init`-less migration), in one transaction. Everything that can refuse — the backup key, the
 * file's integrity, the schema version, the master key the backup's fields are sealed with, an
 * occupied database — is checked before the first write, so a refused restore changes nothing.
 */
export async function restoreBackup(
  db: Database,
  master: MasterKey,
  file: Buffer,
  key: Buffer,
): Promise<BackupHeader> {
  const { header, body } = readBackup(file, key);
  const schemaVersion = await currentSchemaVersion(db);
  if (header.schemaVersion !== schemaVersion)
    throw new CorridorError(
      'bad_request',
      `the backup has schema version ${header.schemaVersion} and this database ${schemaVersion}: restore it with the Corridor that made it; nothing was restored`,
    );
  const keys = body.tables.find((t) => t.name === 'encryption_key')?.rows as KeyRow[] | undefined;
  // Throws "wrong master key" before anything is written when the key given is not the backup's.
  for (const row of keys ?? []) unwrapKey(master, row);
  const { rows } = await db.query<{ n: number }>(
    'SELECT (SELECT count(*) FROM app_user) + (SELECT count(*) FROM site) AS n',
  );
  if (Number(rows[0]?.n) > 0)
    throw new CorridorError(
      'conflict',
      'the database already holds users or sites: restore into a new, empty database; nothing was restored',
    );
  await db.transaction(async (tx) => {
    const names = body.tables.map((t) => t.name);
    // Rows go back as they were: the audit chain's and the operations log's triggers would stamp
    // them anew, so user triggers are off inside this transaction (foreign keys are checked at the end).
    for (const name of names) await tx.query(`ALTER TABLE ${name} DISABLE TRIGGER USER`);
    // Foreign keys are dropped and added again at the end, which checks every restored row at once
    // and lets the rows of tables that refer to each other go in at all.
    const foreign = await foreignKeys(tx);
    for (const k of foreign) await tx.query(`ALTER TABLE ${k.table} DROP CONSTRAINT ${k.name}`);
    // What the migrations seeded and the keys made when this database was opened give way to the backup's.
    for (const name of [...names].reverse()) await tx.query(`DELETE FROM ${name}`);
    for (const table of body.tables) {
      for (let start = 0; start < table.rows.length; start += rowsPerStatement) {
        await tx.query(
          `INSERT INTO ${table.name} SELECT * FROM json_populate_recordset(NULL::${table.name}, $1::json)`,
          [JSON.stringify(table.rows.slice(start, start + rowsPerStatement))],
        );
      }
    }
    for (const k of foreign)
      await tx.query(`ALTER TABLE ${k.table} ADD CONSTRAINT ${k.name} ${k.definition}`);
    for (const name of names) await tx.query(`ALTER TABLE ${name} ENABLE TRIGGER USER`);
    for (const { table, column } of await sequenceColumns(tx))
      await tx.query(
        `SELECT setval(pg_get_serial_sequence('${table}', '${column}'), coalesce(max(${column}), 0) + 1, false) FROM ${table}`,
      );
  });
  return header;
}
