import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { CorridorError } from '../../domain/errors.ts';
import { takeBackup } from '../../store/backup/backup.ts';
import { restoreBackup } from '../../store/backup/restore.ts';
import { parseKey, readKeyFile } from '../../store/crypto/master-key.ts';
import { describeStore, masterKeyOf } from '../../store/open.ts';
import type { Command, OptionSpec } from '../args.ts';
import { cliStoreOptions, dataDirOption, withStore } from '../store.ts';

const keyOption: Record<string, OptionSpec> = {
  'key-file': {
    type: 'string',
    placeholder: 'FILE',
    description:
      'the backup key: 32 bytes in base64 (`openssl rand -base64 32`); else env CORRIDOR_BACKUP_KEY_FILE or CORRIDOR_BACKUP_KEY',
  },
};

/** The backup key; there is none by default, and it is not the master key (a backup travels). */
function backupKey(values: Record<string, string | boolean | undefined>, env: NodeJS.ProcessEnv): Buffer {
  if (typeof values['key-file'] === 'string') return readKeyFile(values['key-file']);
  if (env.CORRIDOR_BACKUP_KEY_FILE) return readKeyFile(env.CORRIDOR_BACKUP_KEY_FILE);
  if (env.CORRIDOR_BACKUP_KEY) return parseKey(env.CORRIDOR_BACKUP_KEY, 'CORRIDOR_BACKUP_KEY');
  throw new CorridorError(
    'bad_request',
    'no backup key: give --key-file FILE (or set CORRIDOR_BACKUP_KEY_FILE or CORRIDOR_BACKUP_KEY)',
  );
}

const fileOf = (positionals: string[]): string => {
  const file = positionals[0];
  if (!file || positionals.length > 1) throw new CorridorError('bad_request', 'name one backup FILE');
  return file;
};

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

export const backupCommand: Command = {
  name: 'backup',
  summary: 'write an encrypted backup of the whole database to FILE',
  usage: 'corridor backup FILE [--key-file FILE] [--data-dir DIR]',
  positionals: 'FILE',
  options: { ...dataDirOption, ...keyOption },
  async run(values, positionals, cli) {
    const file = fileOf(positionals);
    const key = backupKey(values, cli.env);
    const { file: bytes, header } = await withStore(cli, values, (db) => takeBackup(db, key));
    // Written whole beside the target, then renamed: a crash never leaves half a backup under the name.
    writeFileSync(`${file}.partial`, bytes, { mode: 0o600 });
    renameSync(`${file}.partial`, file);
    cli.stdout.write(
      `Backed up ${total(header.counts)} rows of ${Object.keys(header.counts).length} tables (schema ${header.schemaVersion}) to ${file}, encrypted with backup key ${header.keyId}.\n`,
    );
    return 0;
  },
};

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'restore an encrypted backup into a new, empty database (embedded or PostgreSQL)',
  usage: 'corridor restore FILE [--key-file FILE] [--data-dir DIR]',
  positionals: 'FILE',
  options: { ...dataDirOption, ...keyOption },
  async run(values, positionals, cli) {
    const file = fileOf(positionals);
    const key = backupKey(values, cli.env);
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      throw new CorridorError('bad_request', `cannot read ${file}: ${(error as Error).message}`);
    }
    const options = cliStoreOptions(cli, values);
    // The backup's personal fields stay sealed by its own data keys: the master key that wraps them
    // must be given to the new database (it is never made here).
    const master = masterKeyOf(options, false);
    const db = await cli.openDatabase(options);
    try {
      const header = await restoreBackup(db, master, bytes, key);
      cli.stdout.write(
        `Restored ${total(header.counts)} rows of ${Object.keys(header.counts).length} tables from ${file} (taken ${header.createdAt} on ${header.backend}) into the ${describeStore(options)}.\n`,
      );
    } finally {
      await db.close();
    }
    return 0;
  },
};
