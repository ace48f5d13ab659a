import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../src/services/audit.ts';
import { postgresUrl } from './support/database.ts';
import { addUser, adminPassword, type Deployment, deploy, login } from './support/deployment.ts';
import { killChildren, request, type ServerProcess, startServer } from './support/server-process.ts';

// Two API instances on one PostgreSQL database, as in production: sessions live in the database, so
// either instance honours a login made through the other, and a status change is decided by a row
// lock, so two instances racing on one person produce exactly one winner.

const rounds = 20;
// Real processes on a shared two-core machine; a limit, not a measurement.
const processTimeout = 300_000;

describe.runIf(postgresUrl)('two instances on one PostgreSQL', () => {
  let deployment: Deployment;
  let a: ServerProcess;
  let b: ServerProcess;

  beforeAll(async () => {
    deployment = await deploy('postgresql');
    [a, b] = await Promise.all([startServer(deployment.storage), startServer(deployment.storage)]);
  }, processTimeout);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await killChildren();
    await deployment?.dispose();
  }, processTimeout);

  it('runs two separate processes on two ports', () => {
    expect(a.child.pid).not.toBe(b.child.pid);
    expect(a.url).not.toBe(b.url);
  });

  it('honours on B a session opened on A, and ends it on A when logged out on B', async () => {
    const cookie = await login(a, 'admin', adminPassword);
    const onB = await request(b, 'GET', '/api/session', { cookie });
    expect(onB.status).toBe(200);
    expect((onB.body as { user: { username: string } }).user.username).toBe('admin');
    expect((await request(a, 'GET', '/api/session', { cookie })).status).toBe(200);

    const logout = await request(b, 'DELETE', '/api/session', { cookie });
    expect(logout.status).toBe(204);
    const refused = await request(a, 'GET', '/api/session', { cookie });
    expect(refused.status).toBe(401);
    expect((refused.body as { error: { code: string } }).error.code).toBe('unauthenticated');
    expect((await request(b, 'GET', '/api/users', { cookie })).status).toBe(401);
  });

  it('lets exactly one of two simultaneous identical status changes win, every time', {
    timeout: processTimeout,
  }, async () => {
    const { token } = await addUser(a, deployment.adminToken, 'coordinator', 'coordinator');
    const site = await request(a, 'POST', '/api/sites', {
      token,
      body: { name: 'Azovstal', timeZone: 'Europe/Kyiv' },
    });
    const siteId = (site.body as { id: string }).id;
    const ids: string[] = [];
    for (let i = 0; i < rounds; i++) {
      const person = await request(i % 2 ? a : b, 'POST', '/api/people', {
        token,
        body: { siteId, names: [{ family: `Race-${i}`, given: 'Iryna' }], sex: 'female' },
      });
      expect(person.status).toBe(201);
      ids.push((person.body as { id: string }).id);
    }

    for (const id of ids) {
      const change = (server: ServerProcess) =>
        request(server, 'POST', `/api/people/${id}/status`, { token, body: { status: 'ready' } });
      const results = await Promise.all([change(a), change(b)]);
      expect(results.map((r) => r.status).sort(), JSON.stringify(results.map((r) => r.body))).toEqual([
        200, 409,
      ]);
      const loser = results.find((r) => r.status === 409)!;
      expect((loser.body as { error: { code: string } }).error.code).toBe('illegal_transition');
      const person = await request(b, 'GET', `/api/people/${id}`, { token });
      expect((person.body as { status: string; version: number }).status).toBe('ready');
      expect((person.body as { status: string; version: number }).version).toBe(2);
    }

    // The operations log, read straight from the shared database: one status change per person.
    const { rows } = await deployment.database!.db.query<{ entity_id: string; n: number }>(
      `SELECT entity_id, count(*)::int AS n FROM operation WHERE entity = 'person' AND action = 'status'
       GROUP BY entity_id`,
    );
    expect(rows.length).toBe(rounds);
    expect(new Set(rows.map((row) => row.entity_id))).toEqual(new Set(ids));
    for (const row of rows) expect(row.n, `status operations of ${row.entity_id}`).toBe(1);
  });

  it('keeps one valid audit chain while both instances chain their entries, each operation once', {
    timeout: processTimeout,
  }, async () => {
    const { token } = await addUser(a, deployment.adminToken, 'auditchain', 'coordinator');
    // Both instances record reads at once; each one's chainer links pending entries.
    await Promise.all(
      [a, b].flatMap((server) =>
        Array.from({ length: 10 }, async () => {
          expect((await request(server, 'GET', '/api/people', { token })).status).toBe(200);
        }),
      ),
    );
    const db = deployment.database!.db;
    const verdict = await verifyAudit(db);
    expect(verdict, JSON.stringify(verdict.broken)).toMatchObject({ ok: true });
    expect(verdict.entries).toBeGreaterThan(rounds * 3);
    const { rows } = await db.query<{ unaudited: number; twice: number }>(
      `SELECT
         (SELECT count(*)::int FROM operation o
          WHERE NOT EXISTS (SELECT 1 FROM audit_entry e WHERE e.operation_id = o.id)
            AND NOT EXISTS (SELECT 1 FROM audit_pending p WHERE p.operation_id = o.id)) AS unaudited,
         (SELECT count(*)::int FROM (SELECT operation_id FROM audit_entry WHERE operation_id IS NOT NULL
          GROUP BY operation_id HAVING count(*) > 1) d) AS twice`,
    );
    expect(rows[0]).toEqual({ unaudited: 0, twice: 0 });
  });
});
