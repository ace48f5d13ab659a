// Disclosure profiles: what a party may receive. Pure rules; the profiles are stored and managed by
// the coordination cell (src/services/disclosure-profiles.ts).
import { CorridorError } from './errors.ts';

/**
 * What an export can carry, from least to most revealing: counts (aggregate tables), movements
 * (convoy routes, times, vehicles and markings), records (a person's details without names) and
 * names (anything that identifies a person).
 */
export const disclosures = ['counts', 'movements', 'records', 'names'] as const;
export type Disclosure = (typeof disclosures)[number];

export interface DisclosureProfile {
  id: string;
  name: string;
  purpose: string;
  grants: Disclosure[];
  /** Person-level data (records, names) only of people who agreed to be found. */
  consentRequired: boolean;
  /** The smallest count a table under this profile may show; smaller cells are suppressed. */
  minCell: number;
  /** Who may receive under this profile; empty means any recipient. */
  recipients: string[];
  updatedAt: string;
}

/** Profile names are short slugs, used on the command line (--profile icrc-tracing). */
export const profileNamePattern = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The profile of a party that has none of its own: what the parties to the conflict may receive. */
export const defaultPartyProfile = 'parties-to-the-conflict';

/** Recipients are organisations or services, never people; a short printable name. */
export function checkRecipient(recipient: string): string {
  const trimmed = recipient.trim();
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (trimmed.length === 0 || trimmed.length > 200 || /[\u0000-\u001f\u007f]/.test(trimmed))
    throw new CorridorError(
      'validation_failed',
      'the recipient is the organisation or service that receives the export: 1 to 200 printable characters',
      { problems: ['recipient: 1 to 200 printable characters'] },
    );
  return trimmed;
}

/**
 * Refuses an export that would carry more than the profile grants, or go to a recipient the
 * profile does not name. `needs` lists what the export carries.
 */
export function checkDisclosure(
  profile: DisclosureProfile,
  recipient: string,
  needs: readonly Disclosure[],
): void {
  const missing = needs.filter((need) => !profile.grants.includes(need));
  if (missing.length > 0)
    throw new CorridorError(
      'forbidden',
      `the disclosure profile ${profile.name} does not allow ${missing.join(' or ')} (it allows ${profile.grants.join(', ') || 'nothing'})`,
      { profile: profile.name, missing, grants: profile.grants },
    );
  if (
    profile.recipients.length > 0 &&
    !profile.recipients.some((allowed) => allowed.toLowerCase() === recipient.toLowerCase())
  )
    throw new CorridorError(
      'forbidden',
      `the disclosure profile ${profile.name} is for ${profile.recipients.join(', ')}, not ${recipient}`,
      { profile: profile.name, recipients: profile.recipients },
    );
}

/** Whether a person may appear, person by person, in an export under this profile. */
export const personAllowed = (profile: DisclosureProfile, consent: 'agreed' | 'declined' | null): boolean =>
  consent !== 'declined' && (!profile.consentRequired || consent === 'agreed');
