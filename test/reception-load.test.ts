// Twenty reception desks checking in 5,000 people at once on PostgreSQL, as on the day a large
// convoy arrives: every person is also presented at a second desk (a family queueing twice), and
// some requests are sent again with the same Idempotency-Key (a desk's network dropped the answer).
// At the end every person has exactly one check-in — none lost, none doubled — and every answer
// the desks got agrees with it. PostgreSQL only: PGlite is one connection and serialises everything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import { generateSite } from '../src/scenario/generate/site.ts';
import { importSiteFile } from '../src/scenario/import.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { openTestApp, type TestApp } from './support/app.ts';
import { postgresUrl } from './support/database.ts';
import { call } from './support/fixtures.ts';

const people = 5_000;
const desks = 20;
// A limit for a shared two-core machine, not a measurement.
const timeout = 600_000;

interface Attempt {
  personId: string;
  key: string;
  desk: number;
}
interface Answer extends Attempt {
  status: number;
  checkInId?: string;
  replayed: boolean;
  message?: string;
}

describe.runIf(postgresUrl)('20 reception desks checking in 5,000 people concurrently (postgresql)', () => {
  let t: TestApp;
  let siteId: string;
  let receptionId: string;
  let personIds: string[];

  beforeAll(async () => {
    t = await openTestApp();
    const file = generateSite({ people, seed: 8 });
    await importSiteFile(t.db, systemActor, file);
    siteId = file.site.id;
    personIds = file.people.map((p) => p.id);
    expect(personIds).toHaveLength(people);
    receptionId = (
      await call<{ id: string }>(
        t,
        'coordinator',
        'POST',
        `/api/sites/${siteId}/road-points`,
        { kind: 'reception_point', name: 'Zaporizhzhia reception centre' },
        201,
      )
    ).id;
  }, timeout);
  afterAll(() => t?.close());

  it('loses none and doubles none', { timeout }, async () => {
    // Each person goes first to one desk and later to another; every tenth first request is sent
    // again by its desk with the same key.
    const queues: Attempt[][] = Array.from({ length: desks }, () => []);
    const firsts = new Map<string, Attempt>();
    // Pushed together, the two attempts for a person sit at about the same place in two desks'
    // queues, so they race.
    personIds.forEach((personId, i) => {
      const first = { personId, key: newId(), desk: i % desks };
      firsts.set(personId, first);
      queues[first.desk]!.push(first);
      queues[(i + 7) % desks]!.push({ personId, key: newId(), desk: (i + 7) % desks });
      if (i % 10 === 0) queues[i % desks]!.push(first);
    });

    const answers: Answer[] = [];
    await Promise.all(
      queues.map(async (queue) => {
        // A desk handles one person at a time.
        for (const attempt of queue) {
          const response = await t.app.inject({
            method: 'POST',
            url: `/api/sites/${siteId}/check-ins`,
            headers: { ...t.as('reception'), 'idempotency-key': attempt.key },
            payload: {
              personId: attempt.personId,
              receptionPointId: receptionId,
              desk: String(attempt.desk),
            },
          });
          const body = response.json();
          answers.push({
            ...attempt,
            status: response.statusCode,
            replayed: response.headers['idempotent-replayed'] === 'true',
            ...(response.statusCode === 201 ? { checkInId: body.id } : { message: body.error?.message }),
          });
        }
      }),
    );

    const unexpected = answers.filter((a) => a.status !== 201 && a.status !== 409);
    expect(unexpected.slice(0, 3)).toEqual([]);
    // Exactly one answer per person made a check-in; every other answer for them is a conflict
    // naming it, or the replay of the request that made it.
    const made = answers.filter((a) => a.status === 201 && !a.replayed);
    expect(made).toHaveLength(people);
    expect(new Set(made.map((a) => a.personId)).size).toBe(people);
    const checkInOf = new Map(made.map((a) => [a.personId, a]));
    for (const a of answers.filter((x) => x.status === 201 && x.replayed)) {
      expect(a.key).toBe(checkInOf.get(a.personId)!.key);
      expect(a.checkInId).toBe(checkInOf.get(a.personId)!.checkInId);
    }
    const conflicts = answers.filter((a) => a.status === 409);
    for (const a of conflicts) {
      expect(a.message).toContain('already checked in');
      expect(a.message).toContain(`(desk ${checkInOf.get(a.personId)!.desk})`);
    }
    expect(answers).toHaveLength(people * 2 + people / 10);

    // The count check, in the database.
    const row = async (sql: string) => (await t.db.query<{ n: number }>(sql, [siteId])).rows[0]!.n;
    expect(await row('SELECT count(*)::int AS n FROM check_in WHERE site_id = $1')).toBe(people);
    expect(await row('SELECT count(DISTINCT person_id)::int AS n FROM check_in WHERE site_id = $1')).toBe(
      people,
    );
    expect(await row(`SELECT count(*)::int AS n FROM person WHERE site_id = $1 AND status = 'arrived'`)).toBe(
      people,
    );
    expect(
      await row(
        `SELECT count(*)::int AS n FROM operation o JOIN check_in k ON k.id = o.entity_id
         WHERE o.entity = 'check_in' AND k.site_id = $1`,
      ),
    ).toBe(people);
    // Everyone arrived off any manifest: one such alert each, however many times they were presented.
    expect(
      await row(
        `SELECT count(*)::int AS n FROM reconciliation_alert WHERE site_id = $1 AND kind = 'arrived_not_on_manifest'`,
      ),
    ).toBe(people);
    const report = await call<{ counts: { checkedIn: number; arrivedNotOnManifest: number } }>(
      t,
      'coordinator',
      'GET',
      `/api/sites/${siteId}/reconciliation`,
      undefined,
      200,
    );
    expect(report.counts).toMatchObject({ checkedIn: people, arrivedNotOnManifest: people });
  });
});
