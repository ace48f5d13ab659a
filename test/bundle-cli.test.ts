import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newId } from '../src/domain/ids.ts';
import { formatHlc, type Hlc, tick } from '../src/sync/hlc.ts';
import { runCommandOk } from './support/cli.ts';
import { type Deployment, deployWithUser } from './support/deployment.ts';
import { killChildren, runCli, temporaryDirectory } from './support/server-process.ts';

// `corridor bundle enrol`, `export` and `import` as an operator and a scripted tool run them: a
// device file made against the storage, a bundle sealed from an operations file, imported twice,
// and an altered copy refused. The commands run in this process (test/support/cli.ts); the refusal
// runs as a real process, for its exit status and message as an operator sees them.
let deployment: Deployment;
const dir = temporaryDirectory('corridor-bundle-');
const siteId = 'aa461598-f3d4-5d42-9380-1dfe8bef63ca';

beforeAll(async () => {
  deployment = await deployWithUser('team-a', 'field', 'field-team-password');
  await runCommandOk(['import', 'scenarios/azovstal/site.json'], deployment.storage);
}, 300_000);

afterAll(async () => {
  await killChildren();
  await deployment?.dispose();
  dir.remove();
});

it('enrols a device, seals its operations, imports the bundle once however often, and refuses an altered one', async () => {
  const device = join(dir.path, 'device.json');
  const deviceId = (
    await runCommandOk(['bundle', 'enrol', '--user', 'team-a', '--out', device], deployment.storage)
  ).trim();
  expect(JSON.parse(readFileSync(device, 'utf8')).deviceId).toBe(deviceId);
  expect(statSync(device).mode & 0o077).toBe(0);

  let clock: Hlc | null = null;
  const ops = [1, 2].map((seq) => {
    clock = tick(clock, deviceId, Date.UTC(2022, 4, 6, 9, seq));
    return {
      opId: newId(),
      deviceId,
      seq,
      hlc: formatHlc(clock),
      entity: 'headcount',
      entityId: newId(),
      kind: 'headcount.report',
      payload: {
        siteId,
        category: 'total',
        count: 10 * seq,
        source: 'team A',
        reportedAt: '2022-05-06T09:00:00Z',
      },
    };
  });
  const opsFile = join(dir.path, 'ops.json');
  writeFileSync(opsFile, JSON.stringify(ops));
  const bundle = join(dir.path, 'bundle.json');
  await runCommandOk(
    ['bundle', 'export', '--device', device, '--ops', opsFile, '--out', bundle],
    deployment.storage,
  );

  const first = JSON.parse(await runCommandOk(['bundle', 'import', bundle], deployment.storage));
  expect(first.summary).toEqual({ applied: 2, conflict: 0, rejected: 0, duplicate: 0, gap: 0 });
  const again = JSON.parse(await runCommandOk(['bundle', 'import', bundle], deployment.storage));
  expect(again.summary).toEqual({ applied: 0, conflict: 0, rejected: 0, duplicate: 2, gap: 0 });

  const altered = join(dir.path, 'altered.json');
  const file = JSON.parse(readFileSync(bundle, 'utf8'));
  writeFileSync(altered, JSON.stringify({ ...file, lastSeq: 3 }));
  const refused = await runCli(['bundle', 'import', altered], deployment.storage);
  expect(refused.code).not.toBe(0);
  expect(refused.stderr).toContain('signature does not verify');
}, 300_000);
