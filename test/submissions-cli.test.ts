// `corridor import-submissions` as an operator runs it: the KoboToolbox sample export applied as a
// field account's operations, the same file again changing nothing, a file with a bad row refused.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../src/services/accounts.ts';
import { createPassage, createPoint, createSite } from '../src/services/sites.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { heldStore, runCommand } from './support/cli.ts';
import { type Deployment, deploy } from './support/deployment.ts';
import { temporaryDirectory } from './support/server-process.ts';

let deployment: Deployment;
const dir = temporaryDirectory('corridor-submissions-');
const sample = 'test/data/submissions/kobo.csv';
const siteId = '0190a0a9-5173-7000-8000-0000000000a1';

beforeAll(async () => {
  deployment = await deploy();
  const db = await heldStore(deployment.storage);
  await createSite(db, systemActor, { id: siteId, name: 'Азовсталь', timeZone: 'Europe/Kyiv' });
  const shelter = (code: string) =>
    createPoint(db, systemActor, siteId, { kind: 'shelter', code, shelterKind: 'bunker', capacity: 300 });
  const s1 = await shelter('S1');
  const s2 = await shelter('S2');
  await createPassage(db, systemActor, siteId, { from: s1.id, to: s2.id, lengthM: 90, state: 'open' });
  await createUser(db, systemActor, {
    username: 'team-a',
    role: 'field',
    password: 'field-team-password-long',
  });
}, 300_000);

afterAll(async () => {
  await deployment?.dispose();
  dir.remove();
});

it('applies an export once, says so, and refuses a file with a bad row whole', async () => {
  const run = (file: string) =>
    runCommand(['import-submissions', file, '--user', 'team-a'], deployment.storage);
  const first = await run(sample);
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout).toContain(
    '5 submissions; 5 applied, 0 kept as conflicts, 0 refused, 0 imported before',
  );
  const again = await run(sample);
  expect(again.stdout).toContain('0 applied, 0 kept as conflicts, 0 refused, 5 imported before');

  const bad = join(dir.path, 'bad.csv');
  writeFileSync(bad, readFileSync(sample, 'utf8').replace(';S2;', ';S7;'));
  const refused = await run(bad);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('nothing was imported');
  expect(refused.stderr).toContain('shelter_code: no shelter with code S7 at this site');
  const db = await heldStore(deployment.storage);
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM sync_op');
  expect(rows[0]!.n).toBe(5);

  const stranger = await runCommand(['import-submissions', sample, '--user', 'nobody'], deployment.storage);
  expect(stranger.code).not.toBe(0);
  expect(stranger.stderr).toContain('no active account named nobody');
});
