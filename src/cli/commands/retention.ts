import { defaultRetentionPeriod } from '../../domain/retention.ts';
import { applyRetention, retentionReportText } from '../../services/retention.ts';
import type { Command } from '../args.ts';
import { dataDirOption, withStore } from '../store.ts';
import { cliActor } from './users.ts';

export const retentionApplyCommand: Command = {
  name: 'retention apply',
  summary: 'minimise the registrations of people who left reception longer ago than the retention period',
  usage: 'corridor retention apply [--older-than 90d] [--dry-run] [--site ID] [--json] [--data-dir DIR]',
  options: {
    ...dataDirOption,
    'older-than': {
      type: 'string',
      placeholder: 'PERIOD',
      description: `days (90d) or weeks (12w) since leaving reception (env CORRIDOR_RETENTION_PERIOD; default ${defaultRetentionPeriod})`,
    },
    'dry-run': { type: 'boolean', description: 'report what would be minimised and change nothing' },
    site: { type: 'string', placeholder: 'ID', description: 'only this site (default: every site)' },
    json: { type: 'boolean', description: 'print the report as JSON' },
  },
  async run(values, _positionals, cli) {
    const olderThan =
      typeof values['older-than'] === 'string'
        ? values['older-than']
        : (cli.env.CORRIDOR_RETENTION_PERIOD ?? defaultRetentionPeriod);
    await withStore(cli, values, async (db) => {
      const report = await applyRetention(db, cliActor, {
        olderThan,
        dryRun: values['dry-run'] === true,
        siteId: typeof values.site === 'string' ? values.site : null,
      });
      cli.stdout.write(values.json ? `${JSON.stringify(report)}\n` : retentionReportText(report));
    });
    return 0;
  },
};
