// Disclosure profiles, managed by the coordination cell, and the one gate every export and
// notification passes: authoriseExport checks what the export carries against the profile and the
// recipient, and records the export (profile, recipient, purpose) in the audit trail.
import {
  checkDisclosure,
  checkRecipient,
  type Disclosure,
  type DisclosureProfile,
  defaultPartyProfile,
  disclosures,
  profileNamePattern,
} from '../domain/disclosure.ts';
import { CorridorError, notFound, unknownReference } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { Database, Queryable } from '../store/database.ts';
import { translating } from '../store/db-errors.ts';
import { appendAudit } from '../store/repos/audit.ts';
import * as repo from '../store/repos/disclosure-profiles.ts';
import { type Actor, recordOperation } from '../store/repos/operations.ts';

export type { Disclosure, DisclosureProfile } from '../domain/disclosure.ts';
export { personAllowed } from '../domain/disclosure.ts';

export const listProfiles = (db: Queryable): Promise<DisclosureProfile[]> => repo.listProfiles(db);

export async function requireProfile(db: Queryable, name: string): Promise<DisclosureProfile> {
  const profile = await repo.findProfileByName(db, name);
  if (!profile)
    throw new CorridorError(
      'not_found',
      `there is no disclosure profile ${name.slice(0, 80)}; the cell lists them with GET /api/disclosure-profiles`,
      { profile: name.slice(0, 80) },
    );
  return profile;
}

export interface ProfileInput {
  purpose: string;
  grants: Disclosure[];
  consentRequired?: boolean | undefined;
  minCell?: number | undefined;
  recipients?: string[] | undefined;
}

function checkInput(input: ProfileInput): void {
  const problems: string[] = [];
  if (input.purpose.trim().length === 0 || input.purpose.length > 500)
    problems.push('purpose: 1 to 500 characters');
  if (input.grants.some((g) => !(disclosures as readonly string[]).includes(g)))
    problems.push(`grants: each one of ${disclosures.join(', ')}`);
  if (
    input.minCell !== undefined &&
    (!Number.isInteger(input.minCell) || input.minCell < 1 || input.minCell > 100)
  )
    problems.push('minCell: an integer from 1 to 100');
  for (const recipient of input.recipients ?? []) {
    try {
      checkRecipient(recipient);
    } catch {
      problems.push('recipients: each 1 to 200 printable characters');
    }
  }
  if (problems.length > 0)
    throw new CorridorError('validation_failed', `the profile is not valid: ${problems.join('; ')}`, {
      problems,
    });
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];

export async function createProfile(
  db: Database,
  actor: Actor,
  input: ProfileInput & { name: string },
): Promise<DisclosureProfile> {
  if (!profileNamePattern.test(input.name))
    throw new CorridorError('validation_failed', 'name: lower-case letters, digits and dashes, up to 64', {
      problems: ['name: lower-case letters, digits and dashes, up to 64'],
    });
  checkInput(input);
  const profile: DisclosureProfile = {
    id: newId(),
    name: input.name,
    purpose: input.purpose.trim(),
    grants: unique(input.grants),
    consentRequired: input.consentRequired ?? false,
    minCell: input.minCell ?? 5,
    recipients: unique((input.recipients ?? []).map(checkRecipient)),
    updatedAt: new Date().toISOString(),
  };
  return translating(() =>
    db.transaction(async (tx) => {
      if (await repo.findProfileByName(tx, profile.name))
        throw new CorridorError('conflict', `a disclosure profile named ${profile.name} already exists`, {
          name: profile.name,
        });
      await repo.insertProfile(tx, profile);
      await recordOperation(tx, actor, {
        entity: 'disclosure_profile',
        entityId: profile.id,
        action: 'create',
        before: null,
        after: profile,
      });
      return (await repo.findProfileById(tx, profile.id))!;
    }),
  );
}

export async function updateProfile(
  db: Database,
  actor: Actor,
  name: string,
  patch: Partial<ProfileInput>,
): Promise<DisclosureProfile> {
  return db.transaction(async (tx) => {
    const before = await repo.findProfileByName(tx, name, true);
    if (!before) throw notFound('disclosure profile', name.slice(0, 80));
    const next: DisclosureProfile = {
      ...before,
      ...(patch.purpose !== undefined ? { purpose: patch.purpose.trim() } : {}),
      ...(patch.grants !== undefined ? { grants: unique(patch.grants) } : {}),
      ...(patch.consentRequired !== undefined ? { consentRequired: patch.consentRequired } : {}),
      ...(patch.minCell !== undefined ? { minCell: patch.minCell } : {}),
      ...(patch.recipients !== undefined
        ? { recipients: unique(patch.recipients.map((r) => r.trim())) }
        : {}),
    };
    checkInput(next);
    const after = await repo.updateProfile(tx, next);
    await recordOperation(tx, actor, {
      entity: 'disclosure_profile',
      entityId: before.id,
      action: 'update',
      before,
      after,
    });
    return after;
  });
}

/** Gives a party its own profile for notifications (null: back to parties-to-the-conflict). */
export async function assignPartyProfile(
  db: Database,
  actor: Actor,
  partyId: string,
  profileName: string | null,
): Promise<void> {
  await db.transaction(async (tx) => {
    const profile = profileName === null ? null : await repo.findProfileByName(tx, profileName);
    if (profile === undefined) throw unknownReference('profile', String(profileName).slice(0, 80));
    const before = await repo.partyProfileId(tx, partyId);
    if (!(await repo.setPartyProfile(tx, partyId, profile?.id ?? null))) throw notFound('party', partyId);
    await recordOperation(tx, actor, {
      entity: 'party',
      entityId: partyId,
      action: 'disclosure_profile',
      before: { disclosureProfileId: before },
      after: { disclosureProfileId: profile?.id ?? null },
    });
  });
}

/** The profile a party is notified under. */
export async function profileForParty(db: Queryable, partyId: string): Promise<DisclosureProfile> {
  const id = await repo.partyProfileId(db, partyId);
  const own = id ? await repo.findProfileById(db, id) : undefined;
  return own ?? requireProfile(db, defaultPartyProfile);
}

export interface ExportRequest {
  /** What is exported: 'site-file', 'pfif', 'notification', 'hxl', 'sitrep', … */
  kind: string;
  /** What the export is about: a site or a convoy, by id. */
  entity: 'site' | 'convoy';
  entityId: string;
  /** The profile's name (--profile), or the profile itself when already read (a party's). */
  profile: string | DisclosureProfile;
  /** Who receives it (--recipient): an organisation or service, never a person. */
  recipient: string;
  /** What the export carries; each must be granted by the profile. */
  needs: readonly Disclosure[];
  /** Anything else worth keeping with the entry: ids and counts only. */
  detail?: Record<string, string | number | boolean | null>;
}

/**
 * The gate of every export: refuses (403) what the profile does not allow, and records in the
 * audit trail who exported what, for whom, under which profile and why (the profile's purpose).
 * Returns the profile, whose minCell and consentRequired the export then applies.
 */
export async function authoriseExport(
  db: Queryable,
  actor: Actor,
  request: ExportRequest,
): Promise<DisclosureProfile> {
  const recipient = checkRecipient(request.recipient);
  const profile =
    typeof request.profile === 'string' ? await requireProfile(db, request.profile) : request.profile;
  checkDisclosure(profile, recipient, request.needs);
  await appendAudit(db, {
    actorId: actor.userId,
    kind: 'export',
    action: request.kind,
    entity: request.entity,
    entityId: request.entityId,
    detail: {
      ...request.detail,
      profile: profile.name,
      profileId: profile.id,
      recipient,
      purpose: profile.purpose,
      carries: [...request.needs],
    },
  });
  return profile;
}
