import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import { isSealed } from '../src/store/crypto/keyring.ts';
import type { Database } from '../src/store/database.ts';
import { migrate } from '../src/store/migrate.ts';
import { withKeys } from '../src/store/open.ts';
import { listOperations } from '../src/store/repos/operations.ts';
import { findPerson } from '../src/store/repos/people.ts';
import { backendName, openTestDatabase, type TestDatabase } from './support/database.ts';

// A database from before migration 012 holds birth dates and staff names in clear, from before 017
// the reasons given for changes to people, and from before 019 the names of adults verified for
// children's cases in the operations log. Upgrading (migrating, then opening with the keys) must
// leave none of them in clear, and read them all back.

const siteId = newId();
const personId = newId();
const headcountId = newId();
const otherId = newId();
const birthDate = '1987-03-14';
const statusReason = 'Missing since the shelling, last seen with Vdovychenko';
const dismissalReason = 'Two people: Prokopchuk is her cousin';
const caseId = newId();
/** The adult verified for a child's case, as the log kept them before it sealed their name. */
const verified = {
  name: 'Halyna Ostapchuk',
  contact: '+380 67 555 0142',
  method: 'document',
  evidence: 'Passport seen, photo of the child with her',
};

/** The stored text of a table, read past the store's opening of sealed values. */
async function storedText(raw: Database, table: string): Promise<string> {
  const { rows } = await raw.query<{ row: string }>(`SELECT '=' || t::text AS row FROM ${table} t`);
  return rows.map((r) => r.row).join('\n');
}

describe(`upgrading a database with birth dates and staff names in clear (${backendName})`, () => {
  let t: TestDatabase;
  let raw: Database;
  let store: Database;

  beforeAll(async () => {
    t = await openTestDatabase({ migrate: false });
    raw = t.db;
    await migrate(raw, 11);
    // As Corridor before 012 wrote them: the date and year in their own columns, the reporter as
    // given, and the registration's logged document with its birth date.
    await raw.query("INSERT INTO site (id, name, time_zone) VALUES ($1, 'Azovstal', 'Europe/Kyiv')", [
      siteId,
    ]);
    await raw.query(
      `INSERT INTO person (id, site_id, names, sex, birth_date, birth_year, status)
       VALUES ($1, $2, '[]', 'female', $3, 1987, 'sheltering')`,
      [personId, siteId, birthDate],
    );
    await raw.query(
      `INSERT INTO person (id, site_id, names, sex, status) VALUES ($1, $2, '[]', 'male', 'sheltering')`,
      [otherId, siteId],
    );
    const [first, second] = personId < otherId ? [personId, otherId] : [otherId, personId];
    await raw.query(
      `INSERT INTO duplicate_dismissal (person_a, person_b, site_id, reason, dismissed_by)
       VALUES ($1, $2, $3, $4, 'system')`,
      [first, second, siteId, dismissalReason],
    );
    await raw.query(
      `INSERT INTO headcount (id, site_id, category, count, source, reported_by, reported_at)
       VALUES ($1, $2, 'civilians', 40, 'shelter count', 'Taras Melnychuk', now())`,
      [headcountId, siteId],
    );
    await raw.query(
      `INSERT INTO operation (id, actor, entity, entity_id, action, after)
       VALUES ($1, 'system', 'person', $2, 'register', $3)`,
      [newId(), personId, JSON.stringify({ id: personId, birthDate, birthYear: 1987, sex: 'female' })],
    );
    await raw.query(
      `INSERT INTO operation (id, actor, entity, entity_id, action, before, after)
       VALUES ($1, 'system', 'person', $2, 'status', $3, $4)`,
      [
        newId(),
        personId,
        JSON.stringify({ status: 'sheltering' }),
        JSON.stringify({ status: 'missing', reason: statusReason }),
      ],
    );
    await raw.query(
      `INSERT INTO operation (id, actor, entity, entity_id, action, after)
       VALUES ($1, 'system', 'child_case', $2, 'verify', $3)`,
      [newId(), caseId, JSON.stringify({ id: newId(), ...verified })],
    );
    // A site's name is logged under the same key and is not personal: it stays in clear.
    await raw.query(
      `INSERT INTO operation (id, actor, entity, entity_id, action, after)
       VALUES ($1, 'system', 'site', $2, 'create', $3)`,
      [newId(), siteId, JSON.stringify({ id: siteId, name: 'Azovstal' })],
    );
    await migrate(raw);
    store = await withKeys(raw, {});
  });

  afterAll(async () => {
    await t?.close();
  });

  it('keeps no clear value: the migration moves them, the first start with the keys seals them', async () => {
    const { rows } = await raw.query<Record<string, string | null>>(
      `SELECT '=' || birth_date_sealed AS date, '=' || birth_year_sealed AS year, birth_date::text AS old_date,
         birth_year::text AS old_year FROM person WHERE id = $1`,
      [personId],
    );
    expect(rows[0]?.old_date).toBeNull();
    expect(rows[0]?.old_year).toBeNull();
    expect(isSealed(rows[0]?.date?.slice(1))).toBe(true);
    expect(isSealed(rows[0]?.year?.slice(1))).toBe(true);
    for (const table of ['person', 'headcount', 'operation', 'duplicate_dismissal']) {
      const text = await storedText(raw, table);
      expect(text, table).not.toContain(birthDate);
      expect(text, table).not.toMatch(/"birthYear": \d/);
      expect(text, table).not.toContain('Melnychuk');
      expect(text, table).not.toContain('Vdovychenko');
      expect(text, table).not.toContain('Prokopchuk');
      expect(text, table).not.toContain('Ostapchuk');
      expect(text, table).not.toContain(verified.contact);
      expect(text, table).not.toContain('Passport seen');
    }
    const site = await raw.query("SELECT after->>'name' AS name FROM operation WHERE entity = 'site'");
    expect(site.rows).toEqual([{ name: 'Azovstal' }]);
    const pending = await raw.query('SELECT * FROM sealing_pending');
    expect(pending.rows).toEqual([]);
  });

  it('reads the sealed values back as they were', async () => {
    expect(await findPerson(store, personId)).toMatchObject({ birthDate, birthYear: 1987 });
    const { rows } = await store.query<{ reported_by: string }>(
      'SELECT reported_by FROM headcount WHERE id = $1',
      [headcountId],
    );
    expect(rows).toEqual([{ reported_by: 'Taras Melnychuk' }]);
    const history = await listOperations(store, { entity: 'person', entityId: personId, limit: 10 });
    expect(history.map((o) => o.after)).toContainEqual(
      expect.objectContaining({ birthDate, birthYear: 1987, sex: 'female' }),
    );
    expect(history.map((o) => o.after)).toContainEqual({ status: 'missing', reason: statusReason });
    const { rows: dismissals } = await store.query<{ reason: string }>(
      'SELECT reason FROM duplicate_dismissal',
    );
    expect(dismissals).toEqual([{ reason: dismissalReason }]);
    const verifications = await listOperations(store, { entity: 'child_case', entityId: caseId, limit: 10 });
    expect(verifications.map((o) => o.after)).toEqual([expect.objectContaining(verified)]);
  });

  it('opening again changes nothing', async () => {
    const before = await storedText(raw, 'person');
    await withKeys(raw, {});
    expect(await storedText(raw, 'person')).toBe(before);
  });
});
