import { setTimeout as sleep } from 'node:timers/promises';
import { CorridorError } from '../../domain/errors.ts';
import { rotateBlindIndex } from '../../store/crypto/rotate-index.ts';
import { keyRefreshMs } from '../../store/crypto/sealed-store.ts';
import { masterKeyOf } from '../../store/open.ts';
import type { Command } from '../args.ts';
import { cliStoreOptions, dataDirOption } from '../store.ts';

const wholeNumber = (value: string | boolean | undefined, name: string, fallback: number, least: number) => {
  const n = value === undefined ? fallback : Number(value);
  if (!Number.isInteger(n) || n < least)
    throw new CorridorError(
      'bad_request',
      `--${name} ${String(value)} is not a whole number${least > 0 ? ' above 0' : ''}`,
    );
  return n;
};

export const keysRotateIndexCommand: Command = {
  name: 'keys rotate-index',
  summary:
    "rotate the blind-index key: every person's search entries computed again while searches keep working",
  usage: 'corridor keys rotate-index [--batch N] [--settle SECONDS] [--data-dir DIR]',
  options: {
    ...dataDirOption,
    batch: {
      type: 'string',
      placeholder: 'N',
      description: 'people whose entries are written per statement (default 500)',
    },
    settle: {
      type: 'string',
      placeholder: 'SECONDS',
      description: `how long running servers are given to start using the new key (default ${(2 * keyRefreshMs) / 1000} on PostgreSQL, 0 for the embedded database, which no server holds meanwhile)`,
    },
  },
  async run(values, _positionals, cli) {
    const batch = wholeNumber(values.batch, 'batch', 500, 1);
    const options = cliStoreOptions(cli, values);
    const settle = wholeNumber(
      values.settle,
      'settle',
      options.databaseUrl ? (2 * keyRefreshMs) / 1000 : 0,
      0,
    );
    const master = masterKeyOf(options, false);
    const db = await cli.openDatabase(options);
    try {
      const report = await rotateBlindIndex(db, master, {
        batch,
        settle: async () => {
          if (settle === 0) return;
          cli.stdout.write(`Waiting ${settle} s for running servers to start using the new index key…\n`);
          await sleep(settle * 1000);
        },
      });
      cli.stdout.write(
        `${report.resumed ? 'Finished the rotation under way' : 'Rotated the blind-index key'}: new index key ${report.newKey}; ` +
          `search entries of ${report.people} people computed again; removed index key ${report.removed.join(', ') || 'none'}.\n`,
      );
    } finally {
      await db.close();
    }
    return 0;
  },
};
