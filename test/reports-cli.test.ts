import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCommand, runCommandOk } from './support/cli.ts';
import { type Deployment, deploy } from './support/deployment.ts';
import { killChildren, runCli, temporaryDirectory } from './support/server-process.ts';

// `corridor export-hxl`, `corridor sitrep` and `corridor retention apply` on the Azovstal scenario,
// as an operator runs them.
let deployment: Deployment;
const dir = temporaryDirectory('corridor-reports-');

beforeAll(async () => {
  deployment = await deploy();
  await runCommandOk(['import', 'scenarios/azovstal/site.json'], deployment.storage);
}, 300_000);

afterAll(async () => {
  await killChildren();
  await deployment?.dispose();
  dir.remove();
});

it('writes the HXL file and prints its disclosure summary beside it', async () => {
  const out = join(dir.path, 'azovstal.csv');
  const printed = await runCommandOk(['export-hxl', '--out', out], deployment.storage);
  expect(printed).toMatch(/^Disclosure control: k = 5; \d+ count cells, [1-9]\d* suppressed below k/);
  const [, tags] = readFileSync(out, 'utf8').split('\r\n');
  expect(tags!.split(',').slice(0, 4)).toEqual(['#loc+code', '#loc+name', '#date', '#population+total']);
  const refused = await runCommand(['export-hxl', '--k', '1'], deployment.storage);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain('suppresses counts below 5');
  const everything = await runCommand(
    ['export-hxl', '--k', '1', '--profile', 'cell-transfer', '--recipient', 'coordination cell'],
    deployment.storage,
  );
  expect(everything.code).toBe(0);
  expect(everything.stderr).toContain('0 suppressed below k (primary)');
  // As an operator sees it, from the process: the exit status of a bad option.
  expect((await runCli(['export-hxl', '--k', 'five'], deployment.storage)).code).toBe(2);
}, 300_000);

it('writes the situation report of 6 May 2022 as Markdown and as PDF', async () => {
  const md = await runCommandOk(['sitrep', '--at', '2022-05-06T12:00Z', '--public'], deployment.storage);
  expect(md).toContain('# Situation report: Azovstal Iron and Steel Works');
  expect(md).toContain('Public version');
  const pdf = join(dir.path, 'sitrep.pdf');
  await runCommandOk(
    ['sitrep', '--at', '2022-05-06T12:00Z', '--format', 'pdf', '--out', pdf],
    deployment.storage,
  );
  expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  const bad = await runCommand(['sitrep', '--format', 'docx'], deployment.storage);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('--format must be one of md, pdf');
  expect((await runCli(['sitrep', '--at', 'soon'], deployment.storage)).code).toBe(2);
}, 300_000);

it('reports what retention would do, and refuses a period it cannot read', async () => {
  const report = await runCommandOk(
    ['retention', 'apply', '--older-than', '30d', '--dry-run'],
    deployment.storage,
  );
  expect(report).toContain('dry run: nothing changed');
  expect(report).toMatch(/due:\s+0/);
  const json = JSON.parse(await runCommandOk(['retention', 'apply', '--json'], deployment.storage));
  expect(json).toMatchObject({ dryRun: false, olderThanDays: 90, minimised: 0, runId: null });
  const bad = await runCli(['retention', 'apply', '--older-than', '90'], deployment.storage);
  expect(bad.code).toBe(2);
  expect(bad.stderr).toContain('such as 90d or 12w');
}, 300_000);
