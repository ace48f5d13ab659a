import { CorridorError } from '../domain/errors.ts';
import type { Queryable } from '../store/database.ts';
import { listSites } from '../store/repos/sites.ts';
import type { OptionSpec } from './args.ts';

export const siteOption: Record<string, OptionSpec> = {
  site: { type: 'string', placeholder: 'ID', description: 'the site (required when there are several)' },
};

/** The site named by --site, or the only one there is. */
export async function chosenSite(db: Queryable, values: Record<string, unknown>): Promise<string> {
  if (typeof values.site === 'string') return values.site;
  const sites = await listSites(db);
  if (sites.length !== 1)
    throw new CorridorError(
      'bad_request',
      sites.length === 0
        ? 'there is no site'
        : `there are ${sites.length} sites; choose one with --site (${sites.map((s) => s.id).join(', ')})`,
    );
  return sites[0]!.id;
}

/** A whole-number option, or the default when it is not given. */
export function integerOption(values: Record<string, unknown>, name: string, fallback: number): number {
  const raw = values[name];
  if (typeof raw !== 'string') return fallback;
  if (!/^\d+$/.test(raw))
    throw new CorridorError('bad_request', `--${name} must be a whole number, not ${raw}`);
  return Number(raw);
}
