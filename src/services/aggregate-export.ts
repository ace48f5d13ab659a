import type { Disclosure } from '../domain/disclosure.ts';
import { CorridorError } from '../domain/errors.ts';
import type { Queryable } from '../store/database.ts';
import type { Actor } from '../store/repos/operations.ts';
import { authoriseExport, requireProfile } from './disclosure-profiles.ts';

// Count exports (HXL tables, situation reports) pass the disclosure profiles' gate like every other
// export: the profile must grant what the export carries, the export is recorded in the audit
// trail with its profile and recipient, and the profile's smallest cell is the k of the suppression.
// Without a profile named, a count export is made under 'public', for anyone.

export const defaultCountProfile = 'public';
export const defaultCountRecipient = 'public';

export interface CountExportRequest {
  kind: 'hxl' | 'sitrep';
  siteId: string;
  needs: readonly Disclosure[];
  /** The k asked for; by default the profile's smallest cell. */
  k?: number | undefined;
  profile?: string | undefined;
  recipient?: string | undefined;
  detail?: Record<string, string | number | boolean | null>;
}

/** Checks the export against its profile, records it, and gives the k to suppress with. */
export async function authoriseCountExport(
  db: Queryable,
  actor: Actor,
  request: CountExportRequest,
): Promise<number> {
  const profile = await requireProfile(db, request.profile ?? defaultCountProfile);
  const k = request.k ?? profile.minCell;
  if (k < profile.minCell)
    throw new CorridorError(
      'forbidden',
      `the disclosure profile ${profile.name} suppresses counts below ${profile.minCell}; ask for k of at least ${profile.minCell} or export under another profile`,
      { field: 'k', profile: profile.name, minCell: profile.minCell },
    );
  await authoriseExport(db, actor, {
    kind: request.kind,
    entity: 'site',
    entityId: request.siteId,
    profile,
    recipient: request.recipient ?? defaultCountRecipient,
    needs: request.needs,
    detail: { ...request.detail, k },
  });
  return k;
}
