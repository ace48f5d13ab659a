import { existsSync, renameSync, unlinkSync } from 'node:fs';
import { CorridorError } from '../../domain/errors.ts';
import { masterKeyId, readKeyFile, writeNewKeyFile } from '../../store/crypto/master-key.ts';
import { resealAll, rewrapKeys } from '../../store/crypto/rotate.ts';
import { masterKeyOf } from '../../store/open.ts';
import type { Command } from '../args.ts';
import { cliStoreOptions, dataDirOption } from '../store.ts';

export const keysRotateCommand: Command = {
  name: 'keys rotate',
  summary: 'rotate the master key and the data key, re-encrypting personal fields while the server runs',
  usage: 'corridor keys rotate [--new-key-file FILE] [--batch N] [--data-dir DIR]',
  options: {
    ...dataDirOption,
    'new-key-file': {
      type: 'string',
      placeholder: 'FILE',
      description:
        'the new master key (32 bytes in base64); without it a new key is made and written over the key file in use (needed when the key comes from CORRIDOR_MASTER_KEY)',
    },
    batch: {
      type: 'string',
      placeholder: 'N',
      description: 'rows re-encrypted per transaction (default 500)',
    },
  },
  async run(values, _positionals, cli) {
    const batch = Number(values.batch ?? 500);
    if (!Number.isInteger(batch) || batch < 1)
      throw new CorridorError('bad_request', `--batch ${values.batch} is not a positive whole number`);
    const options = cliStoreOptions(cli, values);
    const current = masterKeyOf(options, false);
    const given = typeof values['new-key-file'] === 'string' ? values['new-key-file'] : undefined;
    if (!given && !current.file)
      throw new CorridorError(
        'bad_request',
        `the master key comes from ${current.source}: give the new one with --new-key-file FILE`,
      );
    // A new key is written beside the key file before the database changes, and takes its place
    // once the keys are wrapped with it: at no moment is the only copy of the key in use lost.
    const pending = given ? undefined : `${current.file}.new`;
    if (pending && existsSync(pending)) unlinkSync(pending);
    const next = given ? readKeyFile(given) : writeNewKeyFile(pending as string);
    if (masterKeyId(next) === current.id)
      throw new CorridorError('bad_request', 'the new master key is the key in use');
    const db = await cli.openDatabase(options);
    try {
      const { id, retired } = await rewrapKeys(db, current, next);
      if (pending) renameSync(pending, current.file as string);
      cli.stdout.write(
        `Wrapped the keys with the new master key ${masterKeyId(next)}${pending ? ` (written to ${current.file})` : ''}; new data key ${id}, retired ${retired.join(', ') || 'none'}.\n` +
          `${given ? `Use ${given} as the master key from now on (CORRIDOR_KEY_FILE); the old key no longer opens this database.\n` : ''}`,
      );
      const { resealed, rows } = await resealAll(db, { ...current, key: next, id: masterKeyId(next) }, batch);
      cli.stdout.write(`Re-encrypted ${resealed} values in ${rows} rows with data key ${id}.\n`);
    } finally {
      await db.close();
    }
    return 0;
  },
};
