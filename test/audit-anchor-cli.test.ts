// `corridor audit anchor` and `corridor audit verify --anchor` as an operator runs them: an anchor
// written off to a file matches the intact chain; after the whole chain is rewritten consistently in
// the database, verify alone passes but verify with the anchor exits 1 naming it; a forged anchor and
// a file that is no anchor are refused.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { rewriteChain } from './support/audit-rewrite.ts';
import { heldStore, runCommand as runCli, runCommandOk as runCliOk } from './support/cli.ts';
import { type Deployment, deploy } from './support/deployment.ts';
import { killChildren, temporaryDirectory } from './support/server-process.ts';

let deployment: Deployment;
const dir = temporaryDirectory('corridor-anchor-');
const offsite = join(dir.path, 'offsite');
const anchorFile = join(offsite, 'head.json');

beforeAll(async () => {
  deployment = await deploy();
  mkdirSync(offsite);
}, 300_000);

afterAll(async () => {
  await killChildren();
  await deployment?.dispose();
  dir.remove();
});

it('writes an anchor that verify --anchor finds matching, and never overwrites one', async () => {
  const written = await runCli(['audit', 'anchor', '--out', anchorFile], deployment.storage);
  expect(written.code, written.stderr).toBe(0);
  const anchor = JSON.parse(readFileSync(anchorFile, 'utf8'));
  expect(anchor).toMatchObject({ format: 'corridor-audit-anchor/1', pos: expect.any(Number) });
  expect(written.stderr).toContain(`anchored entry ${anchor.pos} (hash ${anchor.hash}) in ${anchorFile}`);
  const verified = await runCliOk(['audit', 'verify', '--anchor', anchorFile], deployment.storage);
  expect(verified).toContain(
    `anchor ${anchorFile} (entry ${anchor.pos}, anchored ${anchor.anchoredAt}) matches`,
  );
  const again = await runCli(['audit', 'anchor', '--out', anchorFile], deployment.storage);
  expect(again.code).not.toBe(0);
  expect(again.stderr).toContain(`cannot write ${anchorFile}`);
  // Without --out the anchor goes to standard output.
  expect(JSON.parse(await runCliOk(['audit', 'anchor'], deployment.storage))).toMatchObject({
    pos: anchor.pos,
    hash: anchor.hash,
  });
}, 300_000);

it('fails naming the anchor once the chain was rewritten consistently, though verify alone passes', async () => {
  const anchor = JSON.parse(readFileSync(anchorFile, 'utf8'));
  // An attacker with the database alone: edit an entry, recompute every hash and the head.
  await rewriteChain(await heldStore(deployment.storage), 1);
  expect(await runCliOk(['audit', 'verify'], deployment.storage)).toMatch(/^audit chain intact/);
  const checked = await runCli(['audit', 'verify', '--anchor', anchorFile], deployment.storage);
  expect(checked.code).toBe(1);
  expect(checked.stdout).toMatch(/^audit chain intact/);
  expect(checked.stderr).toContain(`anchor ${anchorFile} (entry ${anchor.pos}`);
  expect(checked.stderr).toContain('the trail was rewritten');

  // The attacker cannot make an anchor for the rewritten head: without the key the MAC is wrong.
  const head = (await runCliOk(['audit', 'verify'], deployment.storage)).match(/hash ([0-9a-f]{64})/)![1];
  const forgedFile = join(offsite, 'forged.json');
  writeFileSync(forgedFile, JSON.stringify({ ...anchor, hash: head }));
  const forged = await runCli(['audit', 'verify', '--anchor', forgedFile], deployment.storage);
  expect(forged.code).toBe(1);
  expect(forged.stderr).toContain(`anchor ${forgedFile}`);
  expect(forged.stderr).toContain('is not genuine');

  // A directory: every anchor in it is checked, each named.
  const all = await runCli(['audit', 'verify', '--anchor', offsite], deployment.storage);
  expect(all.code).toBe(1);
  expect(all.stderr).toContain(`anchor ${anchorFile}`);
  expect(all.stderr).toContain(`anchor ${forgedFile}`);
}, 300_000);

it('refuses a file that is not an anchor, and a path that does not exist', async () => {
  const notAnchor = join(dir.path, 'notes.json');
  writeFileSync(notAnchor, '{"hello": "world"}');
  const bad = await runCli(['audit', 'verify', '--anchor', notAnchor], deployment.storage);
  expect(bad.code).not.toBe(0);
  expect(bad.stderr).toContain(`${notAnchor} is not an audit anchor`);
  const missing = await runCli(
    ['audit', 'verify', '--anchor', join(dir.path, 'nowhere')],
    deployment.storage,
  );
  expect(missing.code).not.toBe(0);
  expect(missing.stderr).toContain('cannot read the anchor');
}, 300_000);
