import { writeFileSync } from 'node:fs';
import { defaultK } from '../../domain/suppression.ts';
import { exportHxl, summaryText } from '../../services/hxl-export.ts';
import type { Command } from '../args.ts';
import { chosenSite, integerOption, siteOption } from '../site-choice.ts';
import { dataDirOption, withStore } from '../store.ts';

export const exportHxlCommand: Command = {
  name: 'export-hxl',
  summary: 'export registry counts by shelter, status and vulnerability as HXL CSV, small cells suppressed',
  usage: 'corridor export-hxl [--site ID] [--k N] [--out FILE] [--data-dir DIR]',
  options: {
    ...dataDirOption,
    ...siteOption,
    k: {
      type: 'string',
      placeholder: 'N',
      description: `suppress counts from 1 to N-1, and cells that would reveal them (default ${defaultK}; 1 suppresses nothing)`,
    },
    out: {
      type: 'string',
      placeholder: 'FILE',
      description: 'write the CSV to FILE instead of standard output',
    },
  },
  async run(values) {
    const k = integerOption(values, 'k', defaultK);
    await withStore(values, async (db) => {
      const result = await exportHxl(db, await chosenSite(db, values), { k });
      // The summary goes beside the file, never into it: the CSV stays a clean HXL table.
      if (typeof values.out === 'string') {
        writeFileSync(values.out, result.csv);
        process.stdout.write(`${summaryText(result.summary)}\nWrote ${values.out}\n`);
      } else {
        process.stdout.write(result.csv);
        process.stderr.write(`${summaryText(result.summary)}\n`);
      }
    });
    return 0;
  },
};
