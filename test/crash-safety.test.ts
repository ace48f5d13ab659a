import { afterAll, describe, expect, it } from 'vitest';
import { backendName } from './support/database.ts';
import { addUser, type Deployment, deploy } from './support/deployment.ts';
import { killChildren, request, startServer } from './support/server-process.ts';

// kill -9 of a real server while several clients register people: every registration the server
// answered with 201 must be there after a restart on the same storage, with its operation logged.
// The kill is triggered by a count of acknowledgements, never by a clock.

const clients = 8;
// Real processes on a shared two-core machine: starting PGlite under load can take a while. This is
// a limit, not a measurement.
const processTimeout = 300_000;
const killAfterAcknowledgements = 120;

let deployment: Deployment | undefined;

afterAll(async () => {
  await killChildren();
  await deployment?.dispose();
}, processTimeout);

interface Person {
  id: string;
  names: Array<{ family: string; given: string }>;
}

describe(`crash safety (${backendName})`, () => {
  it('keeps every acknowledged registration through kill -9 and a restart', {
    timeout: processTimeout,
  }, async () => {
    deployment = await deploy();
    const first = await startServer(deployment.storage);
    const { token } = await addUser(first, deployment.adminToken, 'coordinator', 'coordinator');
    const site = await request(first, 'POST', '/api/sites', {
      token,
      body: { name: 'Azovstal', timeZone: 'Europe/Kyiv' },
    });
    expect(site.status).toBe(201);
    const siteId = (site.body as { id: string }).id;
    const shelter = await request(first, 'POST', `/api/sites/${siteId}/points`, {
      token,
      body: { kind: 'shelter', code: 'S1', shelterKind: 'bunker' },
    });
    expect(shelter.status).toBe(201);
    const shelterId = (shelter.body as { id: string }).id;

    const acknowledged = new Map<string, string>();
    const refusals: string[] = [];
    let cutOff = 0;
    let killed = false;
    const client = async (c: number) => {
      for (let n = 0; ; n++) {
        const family = `Коваленко-${c}-${n}`;
        let response: Awaited<ReturnType<typeof request>>;
        try {
          response = await request(first, 'POST', '/api/people', {
            token,
            body: { siteId, shelterId, names: [{ script: 'Cyrl', family, given: 'Олена' }], sex: 'female' },
          });
        } catch {
          // The connection died with the server: this registration's fate is unknown, and it was
          // never acknowledged, so it is not counted either way.
          cutOff++;
          return;
        }
        if (response.status !== 201) {
          refusals.push(`${response.status} ${JSON.stringify(response.body)}`);
          return;
        }
        acknowledged.set((response.body as Person).id, family);
        if (acknowledged.size >= killAfterAcknowledgements && !killed) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: clients }, (_, c) => client(c)));
    expect(await first.exited).toBe('SIGKILL');
    expect(refusals).toEqual([]);
    expect(acknowledged.size).toBeGreaterThanOrEqual(killAfterAcknowledgements);
    // The kill really came mid-load: clients had requests in flight that were cut off.
    expect(cutOff).toBeGreaterThan(0);

    const second = await startServer(deployment.storage);
    for (const [id, family] of acknowledged) {
      const found = await request(second, 'GET', `/api/people/${id}`, { token });
      expect(found.status, `acknowledged registration ${id} after the restart`).toBe(200);
      expect((found.body as Person).names[0]!.family).toBe(family);
    }

    // The registry and the operations log agree: each stored person, acknowledged or caught in
    // flight, has exactly one registration in the log, written in the same transaction.
    const people = await request(second, 'GET', `/api/people?siteId=${siteId}&limit=1000`, { token });
    const stored = (people.body as { items: Person[]; total: number }).items.map((p) => p.id);
    const operations = await request(second, 'GET', '/api/operations?entity=person&limit=1000', { token });
    const registered = (operations.body as { items: Array<{ entityId: string; action: string }> }).items
      .filter((op) => op.action === 'register')
      .map((op) => op.entityId);
    expect(registered.sort()).toEqual([...stored].sort());
    expect(stored.length).toBeGreaterThanOrEqual(acknowledged.size);
    expect(stored.length).toBeLessThanOrEqual(acknowledged.size + clients);

    // And the restarted server takes new registrations.
    const after = await request(second, 'POST', '/api/people', {
      token,
      body: { siteId, names: [{ family: 'Lysenko', given: 'Taras' }], sex: 'male' },
    });
    expect(after.status).toBe(201);
    expect(await second.stop()).toBe(0);
  });
});
