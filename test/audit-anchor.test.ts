// Anchors: the chain's head kept outside the database. Someone with write access to the database
// can rewrite the whole trail and recompute every hash so that verify passes; an anchor made before
// shows it. An anchor whose MAC does not match (edited, or made under another key) is refused.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorridorError } from '../src/domain/errors.ts';
import { buildApp } from '../src/server/app.ts';
import { verifyAudit } from '../src/services/audit.ts';
import { type AuditAnchor, checkAnchor, makeAnchor, parseAnchor } from '../src/services/audit-anchor.ts';
import { auditAnchorOptions } from '../src/services/audit-anchor-writer.ts';
import { chainPending } from '../src/services/audit-chainer.ts';
import { FieldCipher, readKeyRows } from '../src/store/crypto/keyring.ts';
import { masterKeyId, parseKey } from '../src/store/crypto/master-key.ts';
import { rewrapKeys } from '../src/store/crypto/rotate.ts';
import { cipherOf } from '../src/store/crypto/sealed-store.ts';
import { recordOperation, systemActor } from '../src/store/repos/operations.ts';
import { rewriteChain } from './support/audit-rewrite.ts';
import { backendName, openTestDatabase, type TestDatabase } from './support/database.ts';

let t: TestDatabase;
let other: TestDatabase;

const change = (action: string) =>
  t.db.transaction((tx) =>
    recordOperation(tx, systemActor, {
      entity: 'test',
      entityId: crypto.randomUUID(),
      action,
      before: null,
      after: null,
    }),
  );

beforeAll(async () => {
  [t, other] = await Promise.all([openTestDatabase(), openTestDatabase()]);
}, 120_000);
afterAll(async () => {
  await t?.close();
  await other?.close();
});

describe(`audit anchors (${backendName})`, () => {
  it('refuses to anchor an empty trail', async () => {
    await expect(makeAnchor(t.db)).rejects.toThrow(/nothing to anchor/);
  });

  it('anchors the head, chaining what was pending first, and the anchor matches the chain', async () => {
    for (let i = 0; i < 5; i++) await change(`before-anchor-${i}`);
    const anchor = await makeAnchor(t.db, new Date('2026-11-30T04:00:00Z'));
    expect(anchor).toMatchObject({
      format: 'corridor-audit-anchor/1',
      pos: 5,
      anchoredAt: '2026-11-30T04:00:00.000Z',
    });
    expect(anchor.hash).toBe((await verifyAudit(t.db)).headHash);
    // Written to a file and read back, it is the same anchor and it matches.
    const read = parseAnchor(JSON.stringify(anchor, null, 2), 'a.json');
    expect(read).toEqual(anchor);
    expect(await checkAnchor(t.db, read, 'a.json')).toMatchObject({ ok: true });
    // Later entries do not disturb it.
    for (let i = 0; i < 3; i++) await change(`after-anchor-${i}`);
    expect(await checkAnchor(t.db, anchor, 'a.json')).toMatchObject({ ok: true });
  });

  it('fails, naming the anchor, once the chain was rewritten consistently — though verify alone passes', async () => {
    const anchor = await makeAnchor(t.db);
    const early = { ...anchor };
    await rewriteChain(t.db, 2);
    const verdict = await verifyAudit(t.db);
    expect(verdict.ok).toBe(true);
    expect(verdict.headHash).not.toBe(anchor.hash);
    const check = await checkAnchor(t.db, early, 'offsite/head.json');
    expect(check.ok).toBe(false);
    expect(check.message).toContain('anchor offsite/head.json (entry 8');
    expect(check.message).toContain('the trail was rewritten');
  });

  it('fails when the chain was cut short before the anchored entry', async () => {
    await chainPending(t.db);
    const anchor = await makeAnchor(t.db);
    await t.db.query('DELETE FROM audit_entry WHERE pos >= $1', [anchor.pos - 1]);
    await t.db.query(
      'UPDATE audit_head SET pos = $1, hash = (SELECT hash FROM audit_entry WHERE pos = $1) WHERE id = 1',
      [anchor.pos - 2],
    );
    expect((await verifyAudit(t.db)).ok).toBe(true);
    const check = await checkAnchor(t.db, anchor, 'cut.json');
    expect(check).toMatchObject({ ok: false });
    expect(check.message).toContain(`the chain has no entry ${anchor.pos}`);
  });

  it('refuses a forged anchor: fields changed without the key, or made under another database key', async () => {
    const anchor = await makeAnchor(t.db);
    expect(await checkAnchor(t.db, anchor, 'genuine.json')).toMatchObject({ ok: true });
    // The attacker puts the rewritten chain's head into an old anchor: the MAC no longer matches.
    const forged: AuditAnchor = { ...anchor, pos: anchor.pos - 1 };
    const { rows } = await t.db.query<{ hash: string; at: string }>(
      `SELECT hash, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
       FROM audit_entry WHERE pos = $1`,
      [forged.pos],
    );
    forged.hash = rows[0]!.hash;
    forged.entryAt = rows[0]!.at;
    const check = await checkAnchor(t.db, forged, 'forged.json');
    expect(check.ok).toBe(false);
    expect(check.message).toContain('anchor forged.json');
    expect(check.message).toContain('is not genuine');
    // An anchor made on another database (its own keys) is not this one's.
    await other.db.transaction((tx) =>
      recordOperation(tx, systemActor, {
        entity: 'test',
        entityId: crypto.randomUUID(),
        action: 'elsewhere',
        before: null,
        after: null,
      }),
    );
    const foreign = await makeAnchor(other.db);
    expect((await checkAnchor(t.db, foreign, 'foreign.json')).message).toContain('is not genuine');
  });

  it('the server writes an anchor of the head to its anchor directory as it starts and as it stops', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-anchors-'));
    try {
      const app = await buildApp({ db: t.db, logger: false, webRoot: '/nonexistent', auditAnchorDir: dir });
      await change('while-serving');
      await app.close();
      const files = readdirSync(dir).sort();
      expect(files.length).toBeGreaterThanOrEqual(1);
      expect(files.every((f) => /^audit-anchor-\d{12}\.json$/.test(f))).toBe(true);
      for (const file of files) {
        const anchor = parseAnchor(readFileSync(join(dir, file), 'utf8'), file);
        expect(await checkAnchor(t.db, anchor, file), file).toMatchObject({ ok: true });
      }
      const last = parseAnchor(readFileSync(join(dir, files.at(-1)!), 'utf8'), 'last');
      expect(last.pos).toBe((await verifyAudit(t.db)).headPos);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes the anchor directory and interval from the environment, refusing bad ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-anchors-'));
    try {
      expect(auditAnchorOptions({})).toBeUndefined();
      expect(auditAnchorOptions({ CORRIDOR_AUDIT_ANCHOR_DIR: dir })).toEqual({
        auditAnchorDir: dir,
        auditAnchorIntervalMs: 3_600_000,
      });
      expect(
        auditAnchorOptions({ CORRIDOR_AUDIT_ANCHOR_DIR: dir, CORRIDOR_AUDIT_ANCHOR_MINUTES: '5' }),
      ).toMatchObject({ auditAnchorIntervalMs: 300_000 });
      for (const minutes of ['0', '1.5', 'hourly', '20000'])
        expect(() =>
          auditAnchorOptions({ CORRIDOR_AUDIT_ANCHOR_DIR: dir, CORRIDOR_AUDIT_ANCHOR_MINUTES: minutes }),
        ).toThrow(/CORRIDOR_AUDIT_ANCHOR_MINUTES is a whole number/);
      const file = join(dir, 'a-file');
      writeFileSync(file, '');
      expect(() => auditAnchorOptions({ CORRIDOR_AUDIT_ANCHOR_DIR: file })).toThrow(/cannot be written/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps its key through a master-key rotation, so older anchors stay checkable', async () => {
    const before = cipherOf(other.db).derivedKey('audit anchor');
    const current = parseKey(process.env.CORRIDOR_MASTER_KEY!, 'CORRIDOR_MASTER_KEY');
    const next = randomBytes(32);
    await rewrapKeys(
      other.db,
      { key: current, id: masterKeyId(current), source: 'test', file: undefined },
      next,
    );
    // The keys as a server started with the new master key reads them.
    const reopened = new FieldCipher(
      { key: next, id: masterKeyId(next), source: 'test', file: undefined },
      await readKeyRows(other.db),
    );
    expect(reopened.derivedKey('audit anchor').equals(before)).toBe(true);
  });

  it('refuses a file that is not an anchor, saying what an anchor holds', () => {
    const good = {
      format: 'corridor-audit-anchor/1',
      pos: 3,
      hash: 'a'.repeat(64),
      entryAt: '2026-11-30T04:00:00.000000Z',
      anchoredAt: '2026-11-30T04:00:01.000Z',
      mac: 'b'.repeat(64),
    };
    expect(parseAnchor(JSON.stringify(good), 'ok.json')).toEqual(good);
    for (const bad of [
      'not json',
      '[]',
      'null',
      JSON.stringify({ ...good, format: 'other/1' }),
      JSON.stringify({ ...good, pos: 0 }),
      JSON.stringify({ ...good, pos: '3' }),
      JSON.stringify({ ...good, hash: 'xyz' }),
      JSON.stringify({ ...good, anchoredAt: 'yesterday' }),
      JSON.stringify({ ...good, mac: undefined }),
    ]) {
      let error: unknown;
      try {
        parseAnchor(bad, 'bad.json');
      } catch (caught) {
        error = caught;
      }
      expect(error, bad).toBeInstanceOf(CorridorError);
      expect((error as Error).message, bad).toMatch(/^bad\.json is not an audit anchor/);
    }
  });
});
