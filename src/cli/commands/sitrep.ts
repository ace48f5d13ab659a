import { writeFileSync } from 'node:fs';
import { CorridorError } from '../../domain/errors.ts';
import { renderSitrep, sitrepFormats } from '../../services/sitrep-render.ts';
import type { Command } from '../args.ts';
import { chosenSite, siteOption } from '../site-choice.ts';
import { dataDirOption, withStore } from '../store.ts';
import { countExportOptions } from './export-hxl.ts';
import { cliActor } from './users.ts';

export const sitrepCommand: Command = {
  name: 'sitrep',
  summary: 'write a situation report for a chosen time, as Markdown or PDF with charts',
  usage:
    'corridor sitrep [--at T] [--format md|pdf] [--public] [--profile NAME --recipient ORG] [--site ID] [--out FILE] [--data-dir DIR]',
  options: {
    ...dataDirOption,
    ...siteOption,
    ...countExportOptions,
    at: {
      type: 'string',
      placeholder: 'T',
      description: 'the time the report describes (ISO 8601; default now)',
    },
    format: { type: 'string', placeholder: 'md|pdf', description: 'Markdown (default) or PDF' },
    public: {
      type: 'boolean',
      description: 'the public version: small counts suppressed, published sources only, no convoy details',
    },
    out: {
      type: 'string',
      placeholder: 'FILE',
      description: 'write to FILE (a PDF needs it, or a redirect)',
    },
  },
  async run(values, _positionals, cli) {
    const format = typeof values.format === 'string' ? values.format : 'md';
    if (!(sitrepFormats as readonly string[]).includes(format))
      throw new CorridorError(
        'bad_request',
        `--format must be one of ${sitrepFormats.join(', ')}, not ${format}`,
      );
    const at = typeof values.at === 'string' ? new Date(values.at) : new Date();
    if (Number.isNaN(at.getTime()))
      throw new CorridorError('bad_request', `--at ${values.at} is not a date-time (e.g. 2022-05-06T12:00Z)`);
    await withStore(cli, values, async (db) => {
      const report = await renderSitrep(db, cliActor, await chosenSite(db, values), {
        at,
        format: format as (typeof sitrepFormats)[number],
        version: values.public ? 'public' : 'full',
        profile: typeof values.profile === 'string' ? values.profile : undefined,
        recipient: typeof values.recipient === 'string' ? values.recipient : undefined,
      });
      if (typeof values.out === 'string') writeFileSync(values.out, report.body);
      else cli.stdout.write(report.body);
    });
    return 0;
  },
};
