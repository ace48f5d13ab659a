// `corridor audit verify` and `corridor audit export` as an operator runs them: an intact trail
// passes; an entry edited or deleted in the database makes verify exit non-zero naming it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { heldStore, runCommand, runCommandOk } from './support/cli.ts';
import { type Deployment, deployWithUser } from './support/deployment.ts';
import { killChildren, runCli } from './support/server-process.ts';

let deployment: Deployment;

/** Runs SQL on the deployment's database, between commands. */
async function onDatabase(sql: string): Promise<void> {
  await (await heldStore(deployment.storage)).query(sql);
}

beforeAll(async () => {
  deployment = await deployWithUser('auditor1', 'auditor', 'auditor-password-long-enough');
}, 300_000);

afterAll(async () => {
  await killChildren();
  await deployment?.dispose();
});

it('passes an intact trail and exports it', async () => {
  const out = await runCommandOk(['audit', 'verify'], deployment.storage);
  expect(out).toMatch(/^audit chain intact: \d+ entries; head entry \d+ hash [0-9a-f]{64}\n$/);
  const entries = JSON.parse(await runCommandOk(['audit', 'export', '--format', 'json'], deployment.storage));
  expect(entries.length).toBeGreaterThanOrEqual(2);
  expect(entries.map((e: { pos: number }) => e.pos)).toEqual(entries.map((_: unknown, i: number) => i + 1));
  const csv = await runCommandOk(['audit', 'export'], deployment.storage);
  expect(csv.split('\n')[0]).toBe(
    'pos,at,actor_id,actor,kind,action,entity,entity_id,operation_id,detail,prev_hash,hash',
  );
  const bad = await runCommand(['audit', 'export', '--format', 'xml'], deployment.storage);
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toContain('csv or json');
}, 300_000);

it('exits non-zero naming an edited entry, then a deleted one', async () => {
  await onDatabase(`UPDATE audit_entry SET action = 'nothing to see' WHERE pos = 2`);
  const edited = await runCommand(['audit', 'verify'], deployment.storage);
  expect(edited.code).toBe(1);
  expect(edited.stderr).toContain('audit chain broken at entry 2');
  await onDatabase('DELETE FROM audit_entry WHERE pos = 1');
  const deleted = await runCli(['audit', 'verify'], deployment.storage);
  expect(deleted.code).toBe(1);
  expect(deleted.stderr).toContain('entry 1 is missing');
}, 300_000);
