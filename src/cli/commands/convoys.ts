import { writeFile } from 'node:fs/promises';
import { CorridorError } from '../../domain/errors.ts';
import { convoysFromAcceptedPlan } from '../../services/convoy-create.ts';
import { requireConvoy } from '../../services/convoy-lookup.ts';
import { notificationExport } from '../../services/notification-export.ts';
import { notificationPdf } from '../../services/notification-pdf.ts';
import { notifyParties } from '../../services/notifications.ts';
import { listConvoyVehicles, manifestCounts } from '../../store/repos/convoys.ts';
import { findParty } from '../../store/repos/parties.ts';
import type { Command } from '../args.ts';
import { dataDirOption, withStore } from '../store.ts';
import { cliActor } from './users.ts';

const shortTime = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}Z`;

function oneId(positionals: string[], what: string): string {
  const id = positionals[0];
  if (!id || positionals.length > 1) throw new CorridorError('bad_request', `give exactly one ${what}`);
  return id;
}

export const convoysCreateCommand: Command = {
  name: 'convoys create',
  summary: "make the convoys of the site's accepted evacuation plan (once: again, it shows them)",
  usage: 'corridor convoys create PLAN_ID [--json] [--data-dir DIR]',
  positionals: 'PLAN_ID',
  options: { ...dataDirOption, json: { type: 'boolean', description: 'print the convoys as JSON' } },
  async run(values, positionals, cli) {
    const planId = oneId(positionals, 'PLAN_ID');
    await withStore(cli, values, async (db) => {
      const made = await convoysFromAcceptedPlan(db, cliActor, planId);
      if (values.json) {
        cli.stdout.write(`${JSON.stringify(made)}\n`);
        return;
      }
      const ids = made.convoys.map((c) => c.id);
      const [vehicles, counts] = await Promise.all([listConvoyVehicles(db, ids), manifestCounts(db, ids)]);
      const lines = [
        made.created
          ? `made ${made.convoys.length} ${made.convoys.length === 1 ? 'convoy' : 'convoys'} of evacuation plan ${planId}:`
          : `the convoys of evacuation plan ${planId} were made already; nothing written:`,
        ...made.convoys.map((c) => {
          const own = vehicles.filter((v) => v.convoyId === c.id);
          const people = counts.filter((r) => r.convoyId === c.id).reduce((n, r) => n + r.n, 0);
          return `  ${c.code} ${c.id} · ${c.status} · leaves ${shortTime(c.plannedDeparture)} · arrives ${shortTime(c.plannedArrival)} · ${own.map((v) => v.label).join(', ')} · ${people} on the manifest`;
        }),
        ...made.notOnManifest.map((p) => `  not on any manifest: ${p.personId} (${p.status})`),
      ];
      cli.stdout.write(`${lines.join('\n')}\n`);
    });
    return 0;
  },
};

export const convoysNotifyCommand: Command = {
  name: 'convoys notify',
  summary: "notify a convoy to each of the site's parties: route, times, vehicles, counts, never names",
  usage: 'corridor convoys notify CONVOY_ID [--channel TEXT] [--sent-at T] [--data-dir DIR]',
  positionals: 'CONVOY_ID',
  options: {
    ...dataDirOption,
    channel: {
      type: 'string',
      placeholder: 'TEXT',
      description: 'how it is sent (e-mail, the OCHA system …)',
    },
    'sent-at': {
      type: 'string',
      placeholder: 'T',
      description: 'when it went out, ISO 8601 (default now)',
    },
  },
  async run(values, positionals, cli) {
    const convoyId = oneId(positionals, 'CONVOY_ID');
    const sentAt = typeof values['sent-at'] === 'string' ? values['sent-at'] : undefined;
    if (sentAt !== undefined && Number.isNaN(Date.parse(sentAt)))
      throw new CorridorError(
        'bad_request',
        `--sent-at ${sentAt} is not a date-time (e.g. 2022-05-05T20:00Z)`,
      );
    await withStore(cli, values, async (db) => {
      const convoy = await requireConvoy(db, convoyId);
      const result = await notifyParties(db, cliActor, convoyId, {
        channel: typeof values.channel === 'string' ? values.channel : undefined,
        sentAt: sentAt ? new Date(sentAt).toISOString() : undefined,
      });
      const name = async (id: string) => (await findParty(db, id))?.name ?? id;
      const lines = [
        `notified convoy ${convoy.code} to ${result.sent.length} ${result.sent.length === 1 ? 'party' : 'parties'}:`,
      ];
      for (const n of result.sent) lines.push(`  ${await name(n.partyId)}: version ${n.version}`);
      for (const u of result.unchanged)
        lines.push(`  ${await name(u.partyId)}: version ${u.version} already current, not sent again`);
      cli.stdout.write(`${lines.join('\n')}\n`);
    });
    return 0;
  },
};

export const convoysNotificationExportCommand: Command = {
  name: 'convoys notification-export',
  summary: "write a convoy's notifications and the parties' answers to a file, as PDF or JSON",
  usage: 'corridor convoys notification-export CONVOY_ID --format pdf|json --out FILE [--data-dir DIR]',
  positionals: 'CONVOY_ID',
  options: {
    ...dataDirOption,
    format: { type: 'string', placeholder: 'pdf|json', description: 'the file format' },
    out: { type: 'string', placeholder: 'FILE', description: 'the file to write' },
  },
  async run(values, positionals, cli) {
    const convoyId = oneId(positionals, 'CONVOY_ID');
    const format = values.format;
    if (format !== 'pdf' && format !== 'json')
      throw new CorridorError('bad_request', '--format is pdf or json');
    const out = values.out;
    if (typeof out !== 'string' || out.length === 0)
      throw new CorridorError('bad_request', '--out FILE is required');
    await withStore(cli, values, async (db) => {
      const data = await notificationExport(db, convoyId, new Date());
      const bytes =
        format === 'pdf' ? await notificationPdf(data) : Buffer.from(`${JSON.stringify(data, null, 2)}\n`);
      await writeFile(out, bytes);
      cli.stdout.write(
        `wrote the notifications of convoy ${data.convoy.code} to ${data.parties.length} parties to ${out} (${format})\n`,
      );
    });
    return 0;
  },
};
