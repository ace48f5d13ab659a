import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { azovstalSiteFile } from '../src/scenario/azovstal.ts';
import type { SiteFile } from '../src/scenario/format.ts';
import { recordAcceptance } from '../src/services/pauses.ts';
import { changeStatus } from '../src/services/people.ts';
import type { PlanView } from '../src/services/plan-view.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { heldStore, runCommand, runCommandOk } from './support/cli.ts';
import { type Deployment, deploy } from './support/deployment.ts';
import { killChildren, runCli } from './support/server-process.ts';

// `corridor plan evacuation | show | accept` on the Azovstal scenario, imported the way an operator
// does it. Two households are made ready and the 6 May window agreed beforehand, in the same storage.
const file = JSON.parse(readFileSync(azovstalSiteFile, 'utf8')) as SiteFile;
const s01 = file.points.find((p) => p.code === 'S01')!.id;
const ready = file.people.filter((p) => p.shelterId === s01).slice(0, 5);
let deployment: Deployment;

beforeAll(async () => {
  deployment = await deploy();
  await runCommandOk(['import', 'scenarios/azovstal/site.json'], deployment.storage);
  const storage = deployment.storage;
  const db = await heldStore(storage);
  try {
    for (const p of ready) await changeStatus(db, systemActor, p.id, { status: 'ready' });
    const window = file.pauses!.find((p) => p.announcedStart === '2022-05-06T08:00')!;
    const icrc = file.parties!.find((p) => p.shortName === 'ICRC')!;
    await recordAcceptance(db, systemActor, window.id, icrc.id, {
      answer: 'accepted',
      answeredAt: '2022-05-05T18:00:00Z',
    });
  } finally {
    await db.close();
  }
}, 300_000);

afterAll(async () => {
  await killChildren();
  await deployment?.dispose();
});

it('plans, shows and accepts an evacuation plan, once', async () => {
  const storage = deployment.storage;
  const json = await runCommandOk(
    [
      'plan',
      'evacuation',
      '--site',
      file.site.id,
      '--at',
      '2022-05-06T00:00Z',
      '--time-limit',
      '4',
      '--json',
    ],
    storage,
  );
  const plan = JSON.parse(json) as PlanView;
  expect(plan.status).toBe('draft');
  expect(plan.counts).toMatchObject({ ready: ready.length, planned: ready.length, leftOut: 0 });
  expect(plan.bound.upperBound).toBeGreaterThanOrEqual(plan.value.weightedEvacuated - 1e-9);
  expect(plan.windowsLeftOut.map((w) => w.state).sort()).toEqual(['announced_unilaterally', 'ended']);

  const text = await runCommandOk(['plan', 'show', plan.id], storage);
  expect(text).toContain(`evacuation plan ${plan.id} (draft), starting 2022-05-06 00:00Z`);
  expect(text).toContain(`${ready.length} of ${ready.length} ready people planned`);
  expect(text).toMatch(
    /^ {2}\S.* · Ceasefire at Azovstal, 6 May · leaves .* · P1 Main gate bus stop \d\d:\d\d · Manhush/m,
  );
  expect(text).toMatch(
    /window not used: Ceasefire at Azovstal, 7 May \(announced unilaterally: no other party/,
  );

  const accepted = await runCommandOk(['plan', 'accept', plan.id], storage);
  expect(accepted).toBe(`accepted evacuation plan ${plan.id}: ${ready.length} people assigned\n`);
  const shown = JSON.parse(await runCommandOk(['plan', 'show', plan.id, '--json'], storage)) as PlanView;
  expect(shown).toMatchObject({ status: 'accepted', acceptedBy: 'cli' });

  const again = await runCommand(['plan', 'accept', plan.id], storage);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain('only a draft can be accepted; this plan is accepted');
}, 300_000);

it('refuses bad arguments and unknown plans with a clear message', async () => {
  const storage = deployment.storage;
  const limit = await runCommand(['plan', 'evacuation', '--time-limit', '0'], storage);
  expect(limit.code).toBe(2);
  expect(limit.stderr).toContain('--time-limit is a number of seconds');
  const unknown = '01890a5d-ac96-774b-bcce-b302099a8057';
  const show = await runCli(['plan', 'show', unknown], storage);
  expect(show.code).toBe(1);
  expect(show.stderr).toContain(`evacuation plan ${unknown} does not exist`);
}, 300_000);
