import { readFileSync } from 'node:fs';
import { CorridorError } from '../../domain/errors.ts';
import { importSubmissions, SubmissionsRefused } from '../../services/submissions.ts';
import { findUserByName } from '../../store/repos/users.ts';
import type { Command } from '../args.ts';
import { chosenSite, siteOption } from '../site-choice.ts';
import { dataDirOption, withStore } from '../store.ts';

// `corridor import-submissions FILE --user NAME`: a KoboToolbox (CSV or JSON) or ODK Central (CSV)
// export of Corridor's field form (docs/xlsform/), applied as the account's synced operations.

export const importSubmissionsCommand: Command = {
  name: 'import-submissions',
  summary:
    'apply a KoboToolbox (CSV, JSON) or ODK Central (CSV) export of the field form as synced operations; importing twice is harmless',
  usage: 'corridor import-submissions FILE --user NAME [--site ID] [--data-dir DIR]',
  positionals: 'FILE',
  options: {
    ...dataDirOption,
    ...siteOption,
    user: {
      type: 'string',
      placeholder: 'NAME',
      description: 'the account the submissions are made as (its role must allow each kind, as for a push)',
    },
  },
  async run(values, positionals, cli) {
    const path = positionals[0];
    if (!path || positionals.length > 1)
      throw new CorridorError('bad_request', 'give exactly one export FILE to import');
    if (typeof values.user !== 'string') throw new CorridorError('bad_request', '--user is required');
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new CorridorError(
        'bad_request',
        `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    const username = values.user;
    return withStore(cli, values, async (db) => {
      const user = await findUserByName(db, username);
      if (!user || user.disabled) throw new CorridorError('not_found', `no active account named ${username}`);
      try {
        const summary = await importSubmissions(
          db,
          { userId: user.id, name: user.username },
          user.role,
          await chosenSite(db, values),
          text,
        );
        cli.stdout.write(
          `${path} (${summary.shape}): ${summary.submissions} submissions; ${summary.applied} applied, ` +
            `${summary.conflict} kept as conflicts, ${summary.rejected} refused, ${summary.duplicate} imported before\n`,
        );
        for (const refusal of summary.refusals) cli.stdout.write(`  row ${refusal.row}: ${refusal.error}\n`);
        return 0;
      } catch (error) {
        if (!(error instanceof SubmissionsRefused)) throw error;
        cli.stderr.write(`${path}: ${error.message}\n`);
        return 1;
      }
    });
  },
};
