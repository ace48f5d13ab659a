// What each of Corridor's own exports carries, checked against the profile it is made under.
import { CorridorError } from '../domain/errors.ts';
import type { Queryable } from '../store/database.ts';
import type { Actor } from '../store/repos/operations.ts';
import { authoriseExport, requireProfile } from './disclosure-profiles.ts';
import { requireSite } from './sites.ts';

export interface ExportTo {
  profile: string;
  recipient: string;
}

/**
 * A site file is the whole registry: every person with names, birth dates and notes, the site and
 * the pauses. Only a profile that allows all of it, for everyone, may carry it.
 */
export async function authoriseSiteFileExport(
  db: Queryable,
  actor: Actor,
  siteId: string,
  to: ExportTo,
): Promise<void> {
  await requireSite(db, siteId);
  const profile = await requireProfile(db, to.profile);
  if (profile.consentRequired)
    throw new CorridorError(
      'forbidden',
      `the disclosure profile ${profile.name} allows only people who agreed to be found, and a site file holds everyone: use the PFIF export`,
      { profile: profile.name },
    );
  await authoriseExport(db, actor, {
    kind: 'site-file',
    entity: 'site',
    entityId: siteId,
    profile,
    recipient: to.recipient,
    needs: ['counts', 'movements', 'records', 'names'],
  });
}

/**
 * A PFIF export names the people sought and the people who agreed to be found (the export itself
 * leaves out everyone else), so its profile must allow names.
 */
export async function authorisePfifExport(
  db: Queryable,
  actor: Actor,
  siteId: string,
  to: ExportTo,
): Promise<void> {
  await requireSite(db, siteId);
  await authoriseExport(db, actor, {
    kind: 'pfif',
    entity: 'site',
    entityId: siteId,
    profile: to.profile,
    recipient: to.recipient,
    needs: ['records', 'names'],
  });
}
