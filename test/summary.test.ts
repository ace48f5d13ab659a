import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SiteFile } from '../src/scenario/format.ts';
import { generateSite } from '../src/scenario/generate/site.ts';
import { importSiteFile } from '../src/scenario/import.ts';
import { mergePeople } from '../src/services/merges.ts';
import { changeStatus, registerPerson } from '../src/services/people.ts';
import { createSite } from '../src/services/sites.ts';
import { siteSummary } from '../src/services/summary.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { openTestDatabase, type TestDatabase } from './support/database.ts';

// The overview's counts of a generated site after some of its people moved on, one registration
// was merged into another and one person was registered in no shelter: every count is checked
// against the people themselves, each kind of count on its own and never added across kinds.

describe('the site summary', () => {
  let t: TestDatabase;
  let file: SiteFile;
  const absorbed = new Set<string>();
  const statusOf = new Map<string, string>();

  beforeAll(async () => {
    t = await openTestDatabase();
    file = generateSite({ people: 240, shelters: 4, seed: 16 });
    await importSiteFile(t.db, systemActor, file);
    const [a, b, c, d, e] = file.people;
    await changeStatus(t.db, systemActor, a!.id, { status: 'ready' });
    await changeStatus(t.db, systemActor, b!.id, { status: 'ready' });
    await changeStatus(t.db, systemActor, c!.id, { status: 'missing' });
    for (const p of [a, b]) statusOf.set(p!.id, 'ready');
    statusOf.set(c!.id, 'missing');
    await mergePeople(t.db, systemActor, { survivorId: d!.id, absorbedId: e!.id });
    absorbed.add(e!.id);
    await registerPerson(t.db, systemActor, {
      siteId: file.site.id,
      names: [{ script: 'Cyrl', family: 'Савчук', given: 'Ірина' }],
      sex: 'female',
      vulnerabilities: ['pregnant', 'wounded'],
      triage: 'T2',
    });
  }, 120_000);
  afterAll(() => t?.close());

  it('counts the people by status, shelter, vulnerability and triage, merged registrations left out', async () => {
    const people = [
      ...file.people
        .filter((p) => !absorbed.has(p.id))
        .map((p) => ({
          status: statusOf.get(p.id) ?? 'sheltering',
          shelterId: p.shelterId ?? null,
          vulnerabilities: p.vulnerabilities ?? [],
          triage: p.triage ?? null,
        })),
      { status: 'sheltering', shelterId: null, vulnerabilities: ['pregnant', 'wounded'], triage: 'T2' },
    ];
    const tally = (keys: Array<string | null>) => {
      const counts: Record<string, number> = {};
      for (const key of keys) if (key !== null) counts[key] = (counts[key] ?? 0) + 1;
      return counts;
    };
    const shelters = file.points
      .filter((p) => p.kind === 'shelter')
      .sort((x, y) => (x.code! < y.code! ? -1 : 1))
      .map((p) => ({
        shelterId: p.id,
        code: p.code,
        count: people.filter((q) => q.shelterId === p.id).length,
      }))
      .filter((s) => s.count > 0);

    const summary = await siteSummary(t.db, file.site.id);
    expect(summary.registered).toStrictEqual({
      total: file.people.length,
      byStatus: tally(people.map((p) => p.status)),
      // By code, the people in no shelter last.
      byShelter: [...shelters, { shelterId: null, code: null, count: 1 }],
      byVulnerability: tally(people.flatMap((p) => p.vulnerabilities)),
      byTriage: tally(people.map((p) => p.triage)),
    });
    expect(summary.registered.byStatus).toMatchObject({
      sheltering: file.people.length - 3,
      ready: 2,
      missing: 1,
    });
    expect(summary.registered.byShelter.reduce((sum, s) => sum + s.count, 0)).toBe(file.people.length);
  });

  it('gives a site with no people empty counts', async () => {
    const empty = await createSite(t.db, systemActor, {
      name: 'Mariupol drama theatre',
      timeZone: 'Europe/Kyiv',
    });
    expect((await siteSummary(t.db, empty.id)).registered).toStrictEqual({
      total: 0,
      byStatus: {},
      byShelter: [],
      byVulnerability: {},
      byTriage: {},
    });
  });
});
