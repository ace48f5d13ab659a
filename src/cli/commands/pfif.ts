import { readFileSync, writeFileSync } from 'node:fs';
import { CorridorError } from '../../domain/errors.ts';
import { authorisePfifExport } from '../../services/disclosure-exports.ts';
import { defaultPfifDomain, exportPfif, importPfif } from '../../services/pfif.ts';
import type { Command, OptionSpec } from '../args.ts';
import { exportTo, exportToOptions } from '../export-to.ts';
import { chosenSite, siteOption } from '../site-choice.ts';
import { dataDirOption, withStore } from '../store.ts';
import { cliActor } from './users.ts';

const options: Record<string, OptionSpec> = {
  ...dataDirOption,
  ...siteOption,
  domain: {
    type: 'string',
    placeholder: 'DOMAIN',
    description: `the home domain of Corridor's own records (default ${defaultPfifDomain})`,
  },
};

const domainOf = (values: Record<string, unknown>) =>
  typeof values.domain === 'string' ? values.domain : defaultPfifDomain;

export const pfifExportCommand: Command = {
  name: 'pfif export',
  summary: 'export open tracing requests and people who agreed to be found as PFIF 1.4 XML',
  usage:
    'corridor pfif export --profile NAME --recipient ORG [--site ID] [--domain DOMAIN] [--out FILE] [--data-dir DIR]',
  options: {
    ...options,
    out: { type: 'string', placeholder: 'FILE', description: 'write to FILE instead of standard output' },
    ...exportToOptions,
  },
  async run(values, _positionals, cli) {
    const to = exportTo(values);
    await withStore(cli, values, async (db) => {
      const siteId = await chosenSite(db, values);
      await authorisePfifExport(db, cliActor, siteId, to);
      const xml = await exportPfif(db, siteId, domainOf(values));
      if (typeof values.out === 'string') writeFileSync(values.out, xml);
      else cli.stdout.write(xml);
    });
    return 0;
  },
};

export const pfifImportCommand: Command = {
  name: 'pfif import',
  summary: 'import PFIF 1.4 person and note records from another registry, all or nothing',
  usage: 'corridor pfif import FILE [--site ID] [--domain DOMAIN] [--data-dir DIR]',
  positionals: 'FILE',
  options,
  async run(values, positionals, cli) {
    const path = positionals[0];
    if (!path || positionals.length > 1)
      throw new CorridorError('bad_request', 'give exactly one PFIF FILE to import');
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (error) {
      throw new CorridorError(
        'bad_request',
        `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    await withStore(cli, values, async (db) => {
      const summary = await importPfif(db, cliActor, await chosenSite(db, values), text, domainOf(values));
      cli.stdout.write(`${JSON.stringify(summary)}\n`);
    });
    return 0;
  },
};
