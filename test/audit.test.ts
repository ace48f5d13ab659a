// The audit trail: reads of personal data and changes are recorded with ids only, chained so that an
// edited, deleted or reordered entry is found by verify, and only auditors and admins read it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../src/domain/audit.ts';
import { newId } from '../src/domain/ids.ts';
import { type Role, roles } from '../src/domain/roles.ts';
import { verifyAudit } from '../src/services/audit.ts';
import { chainPending } from '../src/services/audit-chainer.ts';
import { appendAudit } from '../src/store/repos/audit.ts';
import { recordOperation, systemActor } from '../src/store/repos/operations.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { backendName } from './support/database.ts';
import { call, type Fixtures, secretNames, seedSite } from './support/fixtures.ts';

let t: TestApp;
let f: Fixtures;

beforeAll(async () => {
  t = await openTestApp();
  f = await seedSite(t);
}, 120_000);
afterAll(() => t?.close());

const page = (role: Role, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/audit${query}`, headers: t.as(role) });

async function allEntries(): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for (let after = 0; ; ) {
    const body = (await page('auditor', `?afterPos=${after}&limit=1000`)).json();
    entries.push(...body.entries);
    if (body.nextAfterPos === null) return entries;
    after = body.nextAfterPos;
  }
}

describe(`audit trail (${backendName})`, () => {
  it('records a read of a person with who, when and which route, and no name', async () => {
    await call(t, 'field', 'GET', `/api/people/${f.personId}`, undefined, 200);
    const entries = await allEntries();
    const read = entries.filter((e) => e.kind === 'read' && e.entityId === f.personId).at(-1);
    expect(read).toMatchObject({
      actorId: t.users.field.id,
      entity: '/api/people/:id',
      detail: { permission: 'people:read', params: { id: f.personId }, status: 200 },
    });
    expect(Date.parse(read!.at)).toBeGreaterThan(Date.now() - 60_000);
    // The trail itself names no one in the registry.
    const text = JSON.stringify(entries);
    for (const name of Object.values(secretNames)) expect(text).not.toContain(name);
  });

  it("records every change, one entry per operation, written in the change's own transaction", async () => {
    const before = (await allEntries()).length;
    await call(
      t,
      'coordinator',
      'PATCH',
      `/api/people/${f.personId}`,
      { note: 'asthma, needs inhaler' },
      200,
    );
    const entries = await allEntries();
    const added = entries.slice(before);
    const change = added.find((e) => e.kind === 'change' && e.entityId === f.personId);
    expect(change).toMatchObject({ actorId: t.users.coordinator.id, entity: 'person', action: 'update' });
    const op = await t.db.query<{ id: string }>('SELECT id FROM operation WHERE id = $1', [
      change!.operationId,
    ]);
    expect(op.rows).toHaveLength(1);
    expect(JSON.stringify(added)).not.toContain('inhaler');
    // Counts and the site's shape are not personal data: reading them leaves no entry.
    const n = (await allEntries()).length;
    await call(t, 'observer', 'GET', `/api/sites/${f.siteId}/summary`, undefined, 200);
    expect((await allEntries()).length).toBe(n);
  });

  it('does not record a search word, only the route and the ids in its path', async () => {
    const before = (await allEntries()).length;
    await call(
      t,
      'coordinator',
      'GET',
      `/api/people?siteId=${f.siteId}&q=${encodeURIComponent(secretNames.familyLatin)}`,
      undefined,
      200,
    );
    const added = (await allEntries()).slice(before);
    expect(added.some((e) => e.kind === 'read' && e.entity === '/api/people')).toBe(true);
    expect(JSON.stringify(added)).not.toContain(secretNames.familyLatin);
  });

  it('is read by auditors and admins only; observers and the others get nothing', async () => {
    for (const role of roles) {
      const response = await page(role);
      expect(response.statusCode, role).toBe(role === 'auditor' || role === 'admin' ? 200 : 403);
    }
    const verdict = await call<{ ok: boolean }>(t, 'auditor', 'GET', '/api/audit/verify', undefined, 200);
    expect(verdict.ok).toBe(true);
  });

  it('exports as CSV and JSON, with the same entries', async () => {
    const csv = await t.app.inject({
      method: 'GET',
      url: '/api/audit/export?format=csv',
      headers: t.as('auditor'),
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\n');
    expect(lines[0]).toBe(
      'pos,at,actor_id,actor,kind,action,entity,entity_id,operation_id,detail,prev_hash,hash',
    );
    const json = await t.app.inject({
      method: 'GET',
      url: '/api/audit/export?format=json',
      headers: t.as('admin'),
    });
    const rows = json.json() as Array<{ pos: number; hash: string; actor: string | null }>;
    // The JSON export was made after the CSV one, and the CSV export read nothing personal.
    expect(rows.length).toBeGreaterThanOrEqual(lines.length - 1);
    expect(rows.slice(0, lines.length - 1).map((r) => String(r.pos))).toEqual(
      lines.slice(1).map((l) => l.split(',')[0]),
    );
    expect(rows.some((r) => r.actor === 'field-user')).toBe(true);
  });

  it('refuses bad paging and filters', async () => {
    for (const query of [
      '?limit=0',
      '?limit=5000',
      '?kind=write',
      '?afterPos=-1',
      '?actorId=nobody',
      '?from=yesterday',
      '?x=1',
    ])
      expect((await page('auditor', query)).statusCode, query).toBe(400);
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/audit/export?format=xml',
      headers: t.as('auditor'),
    });
    expect(bad.statusCode).toBe(400);
  });

  it('keeps one valid chain when many transactions write at once', async () => {
    const before = await verifyAudit(t.db);
    const writers = 12;
    const each = 15;
    await Promise.all(
      Array.from({ length: writers }, (_, w) =>
        (async () => {
          for (let i = 0; i < each; i++) {
            if (i % 2 === 0)
              await t.db.transaction(async (tx) => {
                await recordOperation(tx, systemActor, {
                  entity: 'test',
                  entityId: crypto.randomUUID(),
                  action: `writer-${w}`,
                  before: null,
                  after: { i },
                });
              });
            else
              await appendAudit(t.db, {
                actorId: null,
                kind: 'read',
                action: 'read',
                entity: `writer-${w}`,
                entityId: String(i),
                detail: null,
              });
          }
        })(),
      ),
    );
    // A transaction that rolls back leaves no entry and no hole.
    await expect(
      t.db.transaction(async (tx) => {
        await recordOperation(tx, systemActor, {
          entity: 'test',
          entityId: crypto.randomUUID(),
          action: 'undone',
          before: null,
          after: null,
        });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const after = await verifyAudit(t.db);
    // verify chains every entry pending before it checks.
    const pending = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_pending');
    expect(pending.rows[0]!.n).toBe(0);
    expect(after).toMatchObject({ ok: true, entries: before.entries + writers * each });
  }, 120_000);
});

describe(`recording is cheap and chaining is batched (${backendName})`, () => {
  const head = async () =>
    (await t.db.query<{ pos: number; hash: string }>('SELECT pos, hash FROM audit_head')).rows[0]!;
  const pendingIds = async () =>
    (await t.db.query<{ id: string }>('SELECT id FROM audit_pending ORDER BY seq')).rows.map((r) => r.id);

  it('a read and a change append to audit_pending and leave the head alone; the chainer links them in order', async () => {
    await chainPending(t.db);
    const before = await head();
    await call(t, 'field', 'GET', `/api/people/${f.personId}`, undefined, 200);
    await t.db.transaction((tx) =>
      recordOperation(tx, systemActor, {
        entity: 'test',
        entityId: crypto.randomUUID(),
        action: 'batched',
        before: null,
        after: null,
      }),
    );
    // The background chainer may have run meanwhile; what is not chained yet is still pending.
    const waiting = await pendingIds();
    const chained = (await head()).pos - before.pos;
    expect(waiting.length + chained).toBe(2);
    expect(await chainPending(t.db)).toBe(waiting.length);
    expect(await pendingIds()).toEqual([]);
    const entries = (await allEntries()).slice(before.pos);
    expect(entries.map((e) => [e.kind, e.action])).toEqual([
      ['read', 'read'],
      ['change', 'batched'],
    ]);
    expect(entries[0]!.prevHash).toBe(before.hash);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true, pending: 0 });
  });

  it('a replayed pending entry is not chained twice: verify names it', async () => {
    await chainPending(t.db);
    const { rows } = await t.db.query<{ id: string }>('SELECT id FROM audit_entry ORDER BY pos DESC LIMIT 1');
    const id = rows[0]!.id;
    await t.db.query(
      `INSERT INTO audit_pending (id, actor_id, kind, action, entity, entity_id, detail)
       VALUES ($1, NULL, 'read', 'read', '/api/people/:id', NULL, NULL)`,
      [id],
    );
    const verdict = await verifyAudit(t.db);
    expect(verdict).toMatchObject({
      ok: false,
      pending: 1,
      broken: { id, reason: 'pending_malformed' },
    });
    await t.db.query('DELETE FROM audit_pending WHERE id = $1', [id]);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true, pending: 0 });
  });

  it('two pending entries with one id in a batch: the first is chained, the second is left for verify to name', async () => {
    await chainPending(t.db);
    const [id, other] = [newId(), newId()];
    for (const [entry, entity] of [
      [id, '/api/people/:id'],
      [id, '/api/people'],
      [other, '/api/people'],
    ] as const)
      await t.db.query(
        `INSERT INTO audit_pending (id, actor_id, kind, action, entity, entity_id, detail)
         VALUES ($1, NULL, 'read', 'read', $2, NULL, NULL)`,
        [entry, entity],
      );
    expect(await chainPending(t.db)).toBe(2);
    const chained = await t.db.query<{ id: string; entity: string }>(
      'SELECT id, entity FROM audit_entry WHERE id = ANY ($1) ORDER BY pos',
      [[id, other]],
    );
    expect(chained.rows).toEqual([
      { id, entity: '/api/people/:id' },
      { id: other, entity: '/api/people' },
    ]);
    expect(await verifyAudit(t.db)).toMatchObject({
      ok: false,
      pending: 1,
      broken: { id, reason: 'pending_malformed' },
    });
    await t.db.query('DELETE FROM audit_pending WHERE id = $1', [id]);
    expect(await verifyAudit(t.db)).toMatchObject({ ok: true, pending: 0 });
  });
});

describe(`tampering is detected (${backendName})`, () => {
  // Each case saves the rows it tampers with, checks that verify names the entry, and puts them
  // back exactly (timestamps to the microsecond), past the trigger that chains only new rows.
  beforeAll(() => t.db.query('CREATE TABLE audit_saved AS SELECT * FROM audit_entry WHERE false'));
  const save = (pos: number) =>
    t.db.query('INSERT INTO audit_saved SELECT * FROM audit_entry WHERE pos = $1', [pos]);
  const restore = async (pos: number) => {
    await t.db.query('DELETE FROM audit_entry WHERE pos = $1', [pos]);
    await t.db.query('INSERT INTO audit_entry SELECT * FROM audit_saved WHERE pos = $1', [pos]);
    await t.db.query('DELETE FROM audit_saved WHERE pos = $1', [pos]);
  };
  const idAt = async (pos: number) =>
    (await t.db.query<{ id: string }>('SELECT id FROM audit_entry WHERE pos = $1', [pos])).rows[0]!.id;
  const middle = async () => Math.floor((await verifyAudit(t.db)).entries / 2);

  it('an edited entry', async () => {
    const pos = await middle();
    const id = await idAt(pos);
    await save(pos);
    await t.db.query('UPDATE audit_entry SET actor_id = $2 WHERE pos = $1', [pos, t.users.auditor.id]);
    expect((await verifyAudit(t.db)).broken).toMatchObject({ pos, id, reason: 'hash_mismatch' });
    await restore(pos);
    expect((await verifyAudit(t.db)).ok).toBe(true);
    // An edited detail given a new hash by hand breaks the link to the next entry instead.
    await save(pos);
    await t.db.query(
      `UPDATE audit_entry SET detail = '{"status": 404}', hash = repeat('a', 64) WHERE pos = $1`,
      [pos],
    );
    expect((await verifyAudit(t.db)).broken).toMatchObject({ pos });
    await restore(pos);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('a deleted entry, in the middle or at the end', async () => {
    const pos = await middle();
    await save(pos);
    await t.db.query('DELETE FROM audit_entry WHERE pos = $1', [pos]);
    expect((await verifyAudit(t.db)).broken).toMatchObject({ pos, reason: 'position_gap' });
    await restore(pos);
    const last = (await verifyAudit(t.db)).headPos;
    await save(last);
    await t.db.query('DELETE FROM audit_entry WHERE pos = $1', [last]);
    expect((await verifyAudit(t.db)).broken).toMatchObject({ pos: last, reason: 'head_mismatch' });
    await restore(last);
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('two entries swapped', async () => {
    const pos = await middle();
    const swap = async () => {
      await t.db.query('UPDATE audit_entry SET pos = -1 WHERE pos = $1', [pos]);
      await t.db.query('UPDATE audit_entry SET pos = $1 WHERE pos = $2', [pos, pos + 1]);
      await t.db.query('UPDATE audit_entry SET pos = $1 WHERE pos = -1', [pos + 1]);
    };
    await swap();
    expect((await verifyAudit(t.db)).broken).toMatchObject({ pos, reason: 'previous_hash_mismatch' });
    await swap();
    expect((await verifyAudit(t.db)).ok).toBe(true);
  });

  it('a deleted operation whose change was audited', async () => {
    const { rows } = await t.db.query<{ pos: number; operation_id: string }>(
      "SELECT pos, operation_id FROM audit_entry WHERE kind = 'change' AND action LIKE 'writer-%' ORDER BY pos LIMIT 1",
    );
    await t.db.query('DELETE FROM operation WHERE id = $1', [rows[0]!.operation_id]);
    expect((await verifyAudit(t.db)).broken).toMatchObject({
      pos: rows[0]!.pos,
      reason: 'operation_missing',
    });
  });
});
