import type { Disclosure, DisclosureProfile } from '../../domain/disclosure.ts';
import type { Queryable } from '../database.ts';

interface ProfileRow {
  id: string;
  name: string;
  purpose: string;
  grants: Disclosure[];
  consent_required: boolean;
  min_cell: number;
  recipients: string[];
  updated_at: Date;
}

const toProfile = (row: ProfileRow): DisclosureProfile => ({
  id: row.id,
  name: row.name,
  purpose: row.purpose,
  grants: row.grants,
  consentRequired: row.consent_required,
  minCell: row.min_cell,
  recipients: row.recipients,
  updatedAt: row.updated_at.toISOString(),
});

export async function listProfiles(db: Queryable): Promise<DisclosureProfile[]> {
  const { rows } = await db.query<ProfileRow>('SELECT * FROM disclosure_profile ORDER BY name');
  return rows.map(toProfile);
}

export async function findProfileByName(
  db: Queryable,
  name: string,
  forUpdate = false,
): Promise<DisclosureProfile | undefined> {
  const { rows } = await db.query<ProfileRow>(
    `SELECT * FROM disclosure_profile WHERE name = $1${forUpdate ? ' FOR UPDATE' : ''}`,
    [name],
  );
  return rows[0] && toProfile(rows[0]);
}

export async function findProfileById(db: Queryable, id: string): Promise<DisclosureProfile | undefined> {
  const { rows } = await db.query<ProfileRow>('SELECT * FROM disclosure_profile WHERE id = $1', [id]);
  return rows[0] && toProfile(rows[0]);
}

export async function insertProfile(db: Queryable, profile: DisclosureProfile): Promise<void> {
  await db.query(
    `INSERT INTO disclosure_profile (id, name, purpose, grants, consent_required, min_cell, recipients)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      profile.id,
      profile.name,
      profile.purpose,
      profile.grants,
      profile.consentRequired,
      profile.minCell,
      profile.recipients,
    ],
  );
}

export async function updateProfile(db: Queryable, profile: DisclosureProfile): Promise<DisclosureProfile> {
  const { rows } = await db.query<ProfileRow>(
    `UPDATE disclosure_profile SET purpose = $2, grants = $3, consent_required = $4, min_cell = $5,
       recipients = $6, updated_at = now() WHERE id = $1 RETURNING *`,
    [
      profile.id,
      profile.purpose,
      profile.grants,
      profile.consentRequired,
      profile.minCell,
      profile.recipients,
    ],
  );
  return toProfile(rows[0]!);
}

/** The profile a party is notified under: its own, when the cell gave it one. */
export async function partyProfileId(db: Queryable, partyId: string): Promise<string | null> {
  const { rows } = await db.query<{ disclosure_profile_id: string | null }>(
    'SELECT disclosure_profile_id FROM party WHERE id = $1',
    [partyId],
  );
  return rows[0]?.disclosure_profile_id ?? null;
}

export async function setPartyProfile(
  db: Queryable,
  partyId: string,
  profileId: string | null,
): Promise<boolean> {
  const result = await db.query('UPDATE party SET disclosure_profile_id = $2 WHERE id = $1', [
    partyId,
    profileId,
  ]);
  return result.rowCount > 0;
}
