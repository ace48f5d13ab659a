import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCommandOk } from './support/cli.ts';
import { type Deployment, deploy } from './support/deployment.ts';
import { killChildren, runCli } from './support/server-process.ts';

// `corridor timeline` on the Azovstal scenario, imported the way an operator does it.
let deployment: Deployment;

beforeAll(async () => {
  deployment = await deploy();
  await runCommandOk(['import', 'scenarios/azovstal/site.json'], deployment.storage);
}, 300_000);

afterAll(async () => {
  await killChildren();
  await deployment?.dispose();
});

it('prints the accusation and the denial, filtered by party and kind, in the site’s time zone', async () => {
  const text = await runCommandOk(['timeline', '--kind', 'claim', '--party', 'RU MoD'], deployment.storage);
  const lines = text.trim().split('\n');
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.every((line) => line.includes('[RU MoD]') && line.includes('claim'))).toBe(true);
  // The denial was made at 12:00 UTC on 5 May: 15:00 in Kyiv (UTC+3 in May 2022).
  expect(text).toContain('2022-05-05 15:00 +03:00');
  expect(text).toMatch(/denies: Denied disrespecting a ceasefire/);

  const json = await runCommandOk(
    ['timeline', '--json', '--from', '2022-05-04T00:00:00Z', '--to', '2022-05-05T23:59:59Z'],
    deployment.storage,
  );
  const entries = json
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { at: string; kind: string });
  expect(entries.map((e) => e.kind)).toEqual(
    expect.arrayContaining(['pause_announced', 'incident', 'claim']),
  );
  expect(entries.every((e) => e.at >= '2022-05-04' && e.at < '2022-05-06')).toBe(true);
}, 300_000);

it('refuses an unknown kind with the allowed values', async () => {
  const result = await runCli(['timeline', '--kind', 'rumour'], deployment.storage);
  expect(result.code).toBe(2);
  expect(result.stderr).toMatch(/--kind must be one of .*pause_announced/);
}, 120_000);
