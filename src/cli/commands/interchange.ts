import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { CorridorError } from '../../domain/errors.ts';
import { exportSiteFile } from '../../scenario/export.ts';
import { importSiteFile } from '../../scenario/import.ts';
import { readSiteFile } from '../../scenario/read.ts';
import { authoriseSiteFileExport } from '../../services/disclosure-exports.ts';
import { listSites } from '../../store/repos/sites.ts';
import type { Command } from '../args.ts';
import { exportTo, exportToOptions } from '../export-to.ts';
import { dataDirOption, withStore } from '../store.ts';
import { cliActor } from './users.ts';

export const importCommand: Command = {
  name: 'import',
  summary: 'import a site file (site, passages, households, people, headcounts) in one transaction',
  usage: 'corridor import FILE [--data-dir DIR]',
  positionals: 'FILE',
  options: { ...dataDirOption },
  async run(values, positionals, cli) {
    const path = positionals[0];
    if (!path || positionals.length > 1)
      throw new CorridorError('bad_request', 'give exactly one FILE to import');
    const data = readSiteFile(path);
    await withStore(cli, values, async (db) => {
      const summary = await importSiteFile(db, cliActor, data);
      cli.stdout.write(`${JSON.stringify(summary)}\n`);
    });
    return 0;
  },
};

export const exportCommand: Command = {
  name: 'export',
  summary: 'export a site as a site file (the import format)',
  usage: 'corridor export --profile NAME --recipient ORG [--site ID] [--out FILE] [--data-dir DIR]',
  options: {
    ...dataDirOption,
    site: {
      type: 'string',
      placeholder: 'ID',
      description: 'the site to export (required when there are several)',
    },
    out: { type: 'string', placeholder: 'FILE', description: 'write to FILE instead of standard output' },
    ...exportToOptions,
  },
  async run(values, _positionals, cli) {
    const to = exportTo(values);
    await withStore(cli, values, async (db) => {
      let siteId = typeof values.site === 'string' ? values.site : undefined;
      if (!siteId) {
        const sites = await listSites(db);
        if (sites.length !== 1)
          throw new CorridorError(
            'bad_request',
            sites.length === 0
              ? 'there is no site to export'
              : `there are ${sites.length} sites; choose one with --site (${sites.map((s) => s.id).join(', ')})`,
          );
        siteId = sites[0]!.id;
      }
      await authoriseSiteFileExport(db, cliActor, siteId, to);
      const out = typeof values.out === 'string' ? createWriteStream(values.out) : cli.stdout;
      for await (const chunk of exportSiteFile(db, siteId)) if (!out.write(chunk)) await once(out, 'drain');
      if (out !== cli.stdout) {
        out.end();
        await once(out, 'finish');
      }
    });
    return 0;
  },
};
