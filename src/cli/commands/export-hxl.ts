import { writeFileSync } from 'node:fs';
import { defaultK } from '../../domain/suppression.ts';
import { defaultCountProfile, defaultCountRecipient } from '../../services/aggregate-export.ts';
import { exportHxl, summaryText } from '../../services/hxl-export.ts';
import type { Command, OptionSpec } from '../args.ts';
import { chosenSite, integerOption, siteOption } from '../site-choice.ts';
import { dataDirOption, withStore } from '../store.ts';
import { cliActor } from './users.ts';

/** Count exports are made under the 'public' profile unless another is named (recorded in the audit trail). */
export const countExportOptions: Record<string, OptionSpec> = {
  profile: {
    type: 'string',
    placeholder: 'NAME',
    description: `the disclosure profile (default ${defaultCountProfile}; its smallest cell is the default k)`,
  },
  recipient: {
    type: 'string',
    placeholder: 'ORG',
    description: `who receives it (default ${defaultCountRecipient}; recorded in the audit trail)`,
  },
};

export const exportHxlCommand: Command = {
  name: 'export-hxl',
  summary: 'export registry counts by shelter, status and vulnerability as HXL CSV, small cells suppressed',
  usage:
    'corridor export-hxl [--site ID] [--k N] [--profile NAME --recipient ORG] [--out FILE] [--data-dir DIR]',
  options: {
    ...dataDirOption,
    ...siteOption,
    ...countExportOptions,
    k: {
      type: 'string',
      placeholder: 'N',
      description: `suppress counts from 1 to N-1, and cells that would reveal them (default the profile's smallest cell, ${defaultK} for public; 1 suppresses nothing)`,
    },
    out: {
      type: 'string',
      placeholder: 'FILE',
      description: 'write the CSV to FILE instead of standard output',
    },
  },
  async run(values, _positionals, cli) {
    const k = typeof values.k === 'string' ? integerOption(values, 'k', 0) : undefined;
    await withStore(cli, values, async (db) => {
      const result = await exportHxl(db, cliActor, await chosenSite(db, values), {
        k,
        profile: typeof values.profile === 'string' ? values.profile : undefined,
        recipient: typeof values.recipient === 'string' ? values.recipient : undefined,
      });
      // The summary goes beside the file, never into it: the CSV stays a clean HXL table.
      if (typeof values.out === 'string') {
        writeFileSync(values.out, result.csv);
        cli.stdout.write(`${summaryText(result.summary)}\nWrote ${values.out}\n`);
      } else {
        cli.stdout.write(result.csv);
        cli.stderr.write(`${summaryText(result.summary)}\n`);
      }
    });
    return 0;
  },
};
