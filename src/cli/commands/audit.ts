import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { CorridorError } from '../../domain/errors.ts';
import { auditCsvColumns, auditCsvLine, auditEntries, verifyAudit } from '../../services/audit.ts';
import { chainPending } from '../../services/audit-chainer.ts';
import { listProfiles } from '../../services/disclosure-profiles.ts';
import type { Command } from '../args.ts';
import { dataDirOption, withStore } from '../store.ts';
import { checkAnchorPath } from './audit-anchor.ts';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  summary:
    'check the audit chain (and anchors of it): exits 1 naming the first entry edited, deleted or moved',
  usage: 'corridor audit verify [--anchor FILE|DIR] [--data-dir DIR]',
  options: {
    ...dataDirOption,
    anchor: {
      type: 'string',
      placeholder: 'FILE|DIR',
      description:
        'also check this anchor (from corridor audit anchor), or every *.json anchor in DIR: exits 1 naming one the chain no longer matches',
    },
  },
  async run(values, _positionals, cli) {
    const anchorPath = typeof values.anchor === 'string' ? values.anchor : undefined;
    const { verdict, anchors } = await withStore(cli, values, async (db) => {
      const verdict = await verifyAudit(db);
      return { verdict, anchors: anchorPath ? await checkAnchorPath(db, anchorPath) : [] };
    });
    if (verdict.ok) {
      // The head's hash, written down elsewhere, later shows that the trail was not cut short.
      cli.stdout.write(
        `audit chain intact: ${verdict.entries} entries; head entry ${verdict.headPos} hash ${verdict.headHash}\n`,
      );
      if (verdict.pending > 0)
        cli.stdout.write(
          `${verdict.pending} entries recorded while verify ran are pending, well formed, for the next chaining\n`,
        );
    } else {
      const broken = verdict.broken!;
      cli.stderr.write(
        `audit chain broken at entry ${broken.pos}${broken.id ? ` (${broken.id})` : ''}: ${broken.message} [${broken.reason}]\n`,
      );
    }
    for (const check of anchors) (check.ok ? cli.stdout : cli.stderr).write(`${check.message}\n`);
    return verdict.ok && anchors.every((check) => check.ok) ? 0 : 1;
  },
};

export const auditExportCommand: Command = {
  name: 'audit export',
  summary: 'write the audit trail as CSV or JSON',
  usage: 'corridor audit export [--format csv|json] [--from TIME] [--to TIME] [--out FILE] [--data-dir DIR]',
  options: {
    ...dataDirOption,
    format: { type: 'string', placeholder: 'csv|json', description: 'the format (default csv)' },
    from: { type: 'string', placeholder: 'TIME', description: 'entries at or after this ISO time' },
    to: { type: 'string', placeholder: 'TIME', description: 'entries before this ISO time' },
    out: { type: 'string', placeholder: 'FILE', description: 'write to FILE instead of standard output' },
  },
  async run(values, _positionals, cli) {
    const format = values.format ?? 'csv';
    if (format !== 'csv' && format !== 'json')
      throw new CorridorError('bad_request', `--format is csv or json, not ${String(format).slice(0, 20)}`);
    const filter: { from?: string; to?: string } = {};
    for (const key of ['from', 'to'] as const) {
      const value = values[key];
      if (value === undefined) continue;
      if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
        throw new CorridorError('bad_request', `--${key} is an ISO time such as 2022-05-06T00:00:00Z`);
      filter[key] = new Date(value).toISOString();
    }
    await withStore(cli, values, async (db) => {
      const out = typeof values.out === 'string' ? createWriteStream(values.out) : cli.stdout;
      const write = async (text: string) => {
        if (!out.write(text)) await once(out, 'drain');
      };
      await chainPending(db);
      let first = true;
      await write(format === 'json' ? '[' : `${auditCsvColumns.join(',')}\n`);
      for await (const row of auditEntries(db, filter)) {
        await write(format === 'json' ? `${first ? '' : ','}\n${JSON.stringify(row)}` : auditCsvLine(row));
        first = false;
      }
      if (format === 'json') await write('\n]\n');
      if (out !== cli.stdout) {
        out.end();
        await once(out, 'finish');
      }
    });
    return 0;
  },
};

export const profilesListCommand: Command = {
  name: 'profiles list',
  summary: 'list the disclosure profiles: what each party may receive',
  usage: 'corridor profiles list [--data-dir DIR]',
  options: { ...dataDirOption },
  async run(values, _positionals, cli) {
    const profiles = await withStore(cli, values, listProfiles);
    for (const p of profiles)
      cli.stdout.write(
        `${p.name}\t${p.grants.join(',')}${p.consentRequired ? '\tconsent required' : ''}\tmin cell ${p.minCell}\t${
          p.recipients.length ? `for ${p.recipients.join('; ')}` : 'any recipient'
        }\t${p.purpose}\n`,
      );
    return 0;
  },
};
