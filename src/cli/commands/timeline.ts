import { CorridorError } from '../../domain/errors.ts';
import { showIn } from '../../domain/time.ts';
import { type TimelineKind, timeline, timelineKinds } from '../../services/timeline.ts';
import { verificationStatuses } from '../../store/repos/claims.ts';
import { listParties } from '../../store/repos/parties.ts';
import { findSite, listSites } from '../../store/repos/sites.ts';
import type { Command } from '../args.ts';
import { dataDirOption, withStore } from '../store.ts';

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T =>
  (values as readonly string[]).includes(value);

const instantOption = (
  values: Record<string, string | boolean | undefined>,
  name: string,
): string | undefined => {
  const value = values[name];
  if (typeof value !== 'string') return undefined;
  if (Number.isNaN(Date.parse(value)))
    throw new CorridorError('bad_request', `--${name} ${value} is not a date-time (e.g. 2022-05-05T08:00Z)`);
  return new Date(value).toISOString();
};

export const timelineCommand: Command = {
  name: 'timeline',
  summary: 'print the chronological feed of pauses, acceptances, incidents and claims',
  usage:
    'corridor timeline [--site ID] [--from T] [--to T] [--party NAME] [--kind K] [--verification V] [--json]',
  options: {
    ...dataDirOption,
    site: { type: 'string', placeholder: 'ID', description: 'the site (required when there are several)' },
    from: { type: 'string', placeholder: 'T', description: 'from this instant (ISO 8601)' },
    to: { type: 'string', placeholder: 'T', description: 'up to this instant (ISO 8601)' },
    party: {
      type: 'string',
      placeholder: 'NAME',
      description: 'only entries of this party (name, short name or id)',
    },
    kind: { type: 'string', placeholder: 'K', description: `one of ${timelineKinds.join(', ')}` },
    verification: {
      type: 'string',
      placeholder: 'V',
      description: `one of ${verificationStatuses.join(', ')}`,
    },
    json: { type: 'boolean', description: 'one JSON object per line instead of text' },
  },
  async run(values, _positionals, cli) {
    const kind = typeof values.kind === 'string' ? values.kind : undefined;
    if (kind && !isOneOf(timelineKinds, kind))
      throw new CorridorError('bad_request', `--kind must be one of ${timelineKinds.join(', ')}`);
    const verification = typeof values.verification === 'string' ? values.verification : undefined;
    if (verification && !isOneOf(verificationStatuses, verification))
      throw new CorridorError(
        'bad_request',
        `--verification must be one of ${verificationStatuses.join(', ')}`,
      );
    const from = instantOption(values, 'from');
    const to = instantOption(values, 'to');
    await withStore(cli, values, async (db) => {
      const sites = await listSites(db);
      const siteId =
        typeof values.site === 'string' ? values.site : sites.length === 1 ? sites[0]!.id : undefined;
      if (!siteId)
        throw new CorridorError(
          'bad_request',
          `choose a site with --site (${sites.map((s) => `${s.id} ${s.name}`).join('; ')})`,
        );
      const site = await findSite(db, siteId);
      if (!site) throw new CorridorError('not_found', `no site ${siteId}`);
      const parties = await listParties(db);
      const partyName = new Map(parties.map((p) => [p.id, p.shortName ?? p.name]));
      let partyId: string | undefined;
      if (typeof values.party === 'string') {
        const wanted = values.party.toLowerCase();
        partyId = parties.find((p) =>
          [p.id, p.name.toLowerCase(), p.shortName?.toLowerCase()].includes(wanted),
        )?.id;
        if (!partyId) throw new CorridorError('not_found', `no party named ${values.party}`);
      }
      const entries = await timeline(db, siteId, {
        from,
        to,
        partyId,
        kind: kind as TimelineKind | undefined,
        verification: verification as (typeof verificationStatuses)[number] | undefined,
      });
      for (const e of entries) {
        if (values.json) {
          cli.stdout.write(`${JSON.stringify(e)}\n`);
          continue;
        }
        const shown = showIn(new Date(e.at), site.timeZone);
        const who = e.partyId ? ` [${partyName.get(e.partyId) ?? e.partyId}]` : '';
        const checked = e.verification ? ` (${e.verification})` : '';
        cli.stdout.write(
          `${shown.local.replace('T', ' ')} ${shown.offset}  ${e.kind.padEnd(16)}${who} ${e.summary}${checked}\n`,
        );
      }
      if (!values.json && entries.length === 0) cli.stdout.write('(no entries)\n');
    });
    return 0;
  },
};
