import type { Queryable } from '../database.ts';

export const partyKinds = [
  'government',
  'armed_force',
  'humanitarian_organisation',
  'city_authority',
  'other',
] as const;
export const sourceKinds = [
  'statement',
  'video',
  'press_report',
  'field_report',
  'document',
  'other',
] as const;

export interface Party {
  id: string;
  name: string;
  shortName: string | null;
  kind: (typeof partyKinds)[number];
  note: string | null;
}

export interface Source {
  id: string;
  kind: (typeof sourceKinds)[number];
  title: string;
  partyId: string | null;
  channel: string | null;
  publishedAt: string | null;
  url: string | null;
  reference: string | null;
  contentHash: string | null;
  note: string | null;
}

export interface PartyRow {
  id: string;
  name: string;
  short_name: string | null;
  kind: Party['kind'];
  note: string | null;
}

export interface SourceRow {
  id: string;
  kind: Source['kind'];
  title: string;
  party_id: string | null;
  channel: string | null;
  published_at: Date | null;
  url: string | null;
  reference: string | null;
  content_hash: string | null;
  note: string | null;
}

export const toParty = (r: PartyRow): Party => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  kind: r.kind,
  note: r.note,
});

export const toSource = (r: SourceRow): Source => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  partyId: r.party_id,
  channel: r.channel,
  publishedAt: r.published_at ? r.published_at.toISOString() : null,
  url: r.url,
  reference: r.reference,
  contentHash: r.content_hash,
  note: r.note,
});

export async function insertParty(tx: Queryable, p: Party): Promise<void> {
  await tx.query('INSERT INTO party (id, name, short_name, kind, note) VALUES ($1, $2, $3, $4, $5)', [
    p.id,
    p.name,
    p.shortName,
    p.kind,
    p.note,
  ]);
}

export async function findParty(db: Queryable, id: string): Promise<Party | undefined> {
  const { rows } = await db.query<PartyRow>('SELECT * FROM party WHERE id = $1', [id]);
  return rows[0] ? toParty(rows[0]) : undefined;
}

export async function findPartyByName(db: Queryable, name: string): Promise<Party | undefined> {
  const { rows } = await db.query<PartyRow>('SELECT * FROM party WHERE name = $1', [name]);
  return rows[0] ? toParty(rows[0]) : undefined;
}

export async function listParties(db: Queryable): Promise<Party[]> {
  const { rows } = await db.query<PartyRow>('SELECT * FROM party ORDER BY name');
  return rows.map(toParty);
}

export async function insertSource(tx: Queryable, s: Source): Promise<void> {
  await tx.query(
    `INSERT INTO source (id, kind, title, party_id, channel, published_at, url, reference, content_hash, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [s.id, s.kind, s.title, s.partyId, s.channel, s.publishedAt, s.url, s.reference, s.contentHash, s.note],
  );
}

export async function findSource(db: Queryable, id: string): Promise<Source | undefined> {
  const { rows } = await db.query<SourceRow>('SELECT * FROM source WHERE id = $1', [id]);
  return rows[0] ? toSource(rows[0]) : undefined;
}

export async function listSources(db: Queryable): Promise<Source[]> {
  const { rows } = await db.query<SourceRow>('SELECT * FROM source ORDER BY published_at NULLS LAST, id');
  return rows.map(toSource);
}
