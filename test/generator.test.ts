import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkSiteFile } from '../src/scenario/check.ts';
import { exportSiteFileText } from '../src/scenario/export.ts';
import { generateSite } from '../src/scenario/generate/site.ts';
import { importSiteFile } from '../src/scenario/import.ts';
import { releaseStorage, runCommand } from './support/cli.ts';
import { openTestDatabase, type TestDatabase } from './support/database.ts';
import { killChildren, runCli, type Storage, temporaryDirectory } from './support/server-process.ts';

const actor = { userId: null, name: 'generator-test' };

let t: TestDatabase;
beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => {
  await killChildren();
  await t.close();
});

/** What the database holds for one site: counts, and every child's guardians. */
async function stored(siteId: string) {
  const count = async (sql: string) => (await t.db.query<{ n: number }>(sql, [siteId])).rows[0]!.n;
  return {
    people: await count('SELECT count(*)::int AS n FROM person WHERE site_id = $1'),
    households: await count('SELECT count(*)::int AS n FROM household WHERE site_id = $1'),
    points: await count('SELECT count(*)::int AS n FROM site_point WHERE site_id = $1'),
    passages: await count('SELECT count(*)::int AS n FROM passage WHERE site_id = $1'),
    guardians: await count(
      'SELECT count(*)::int AS n FROM person_guardian g JOIN person p ON p.id = g.child_id WHERE p.site_id = $1',
    ),
    // A guardian in another household or shelter than the child would break the generator's promise.
    guardiansElsewhere: await count(
      `SELECT count(*)::int AS n FROM person_guardian g JOIN person c ON c.id = g.child_id JOIN person a ON a.id = g.guardian_id
       WHERE c.site_id = $1 AND (c.household_id <> a.household_id OR c.shelter_id <> a.shelter_id)`,
    ),
    splitHouseholds: await count(
      `SELECT count(*)::int AS n FROM (SELECT household_id FROM person WHERE site_id = $1
       GROUP BY household_id HAVING count(DISTINCT shelter_id) > 1) s`,
    ),
  };
}

describe('generated sites import', () => {
  it('every generated site imports completely, exports as it was generated, and importing it again changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          people: fc.integer({ min: 1, max: 300 }),
          shelters: fc.integer({ min: 1, max: 12 }),
          seed: fc.maxSafeInteger(),
        }),
        async (options) => {
          const file = generateSite(options);
          checkSiteFile(file);
          const first = await importSiteFile(t.db, actor, file);
          expect(first.created.person).toBe(options.people);
          expect(first.created.household).toBe(file.households.length);
          // Exporting gives the generated file back, record for record, in the same order.
          const { provenance: _provenance, ...records } = file;
          expect(JSON.parse(await exportSiteFileText(t.db, file.site.id))).toStrictEqual(records);
          const again = await importSiteFile(t.db, actor, file);
          expect(Object.values(again.created).every((n) => n === 0)).toBe(true);
          expect(Object.values(again.updated).every((n) => n === 0)).toBe(true);
          expect(await stored(file.site.id)).toEqual({
            people: options.people,
            households: file.households.length,
            points: file.points.length,
            passages: file.passages.length,
            guardians: file.people.reduce((n, p) => n + (p.guardians?.length ?? 0), 0),
            guardiansElsewhere: 0,
            splitHouseholds: 0,
          });
        },
      ),
      { numRuns: 25 },
    );
  });
});

// The commands run in this process (test/support/cli.ts); printing to standard output runs as a real
// process, as an operator's pipe gets it.
describe('corridor scenario generate', () => {
  it('writes the same file to --out and to standard output, and it imports', async () => {
    const dir = temporaryDirectory('corridor-generate-');
    const storage: Storage = t.url ? { databaseUrl: t.url } : { dataDir: join(dir.path, 'data') };
    try {
      const out = join(dir.path, 'site.json');
      const args = ['scenario', 'generate', '--people', '150', '--shelters', '4', '--seed', '42'];
      const written = await runCommand([...args, '--out', out], storage);
      expect(written.code, written.stderr).toBe(0);
      const printed = await runCli(args, storage);
      expect(printed.code, printed.stderr).toBe(0);
      const text = readFileSync(out, 'utf8');
      expect(printed.stdout).toBe(text);
      expect(JSON.parse(text)).toStrictEqual(generateSite({ people: 150, shelters: 4, seed: 42 }));

      // The embedded database allows one opening at a time; the test's own PGlite is another database.
      const imported = await runCommand(['import', out], storage);
      expect(imported.code, imported.stderr).toBe(0);
      expect(JSON.parse(imported.stdout).created.person).toBe(150);
    } finally {
      await releaseStorage(storage);
      dir.remove();
    }
  });

  it('refuses sizes it cannot make and a file it cannot write, with exit code 2 and no file', async () => {
    const dir = temporaryDirectory('corridor-generate-');
    const storage: Storage = { dataDir: join(dir.path, 'data') };
    try {
      const out = join(dir.path, 'site.json');
      for (const [flag, value, message] of [
        ['--people', 'many', "--people must be a whole number, not 'many'"],
        ['--shelters', '100001', 'the number of shelters must be a whole number from 1 to 100,000'],
      ] as const) {
        const args = ['scenario', 'generate', '--people', '10', '--out', out, flag, value];
        const run = await runCommand(args, storage);
        expect(run.code).toBe(2);
        expect(run.stderr).toBe(`corridor: ${message}\n`);
        expect(() => readFileSync(out)).toThrow();
      }
      const nowhere = join(dir.path, 'missing', 'site.json');
      const run = await runCommand(['scenario', 'generate', '--people', '10', '--out', nowhere], storage);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(`corridor: cannot write ${nowhere}: ENOENT\n`);
    } finally {
      await releaseStorage(storage);
      dir.remove();
    }
  });
});
