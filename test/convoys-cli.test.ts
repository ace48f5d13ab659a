import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { azovstalSiteFile } from '../src/scenario/azovstal.ts';
import type { SiteFile } from '../src/scenario/format.ts';
import { recordAcceptance } from '../src/services/pauses.ts';
import { changeStatus } from '../src/services/people.ts';
import { acceptPlan } from '../src/services/plan-accept.ts';
import { createPlan } from '../src/services/plans.ts';
import { systemActor } from '../src/store/repos/operations.ts';
import { heldStore, runCommand, runCommandOk } from './support/cli.ts';
import { type Deployment, deploy } from './support/deployment.ts';
import { pdfText } from './support/pdf-text.ts';
import { killChildren, runCli } from './support/server-process.ts';

// `corridor convoys create | notify | notification-export` on the Azovstal scenario, imported the
// way an operator does it: five people of shelter S01 ready, the 6 May window agreed by the ICRC,
// a plan made and accepted beforehand in the same storage (corridor plan is tested on its own).
const file = JSON.parse(readFileSync(azovstalSiteFile, 'utf8')) as SiteFile;
const s01 = file.points.find((p) => p.code === 'S01')!.id;
const ready = file.people.filter((p) => p.shelterId === s01).slice(0, 5);
let deployment: Deployment;
let dir: string;
let planId: string;

beforeAll(async () => {
  deployment = await deploy();
  dir = await mkdtemp(join(tmpdir(), 'corridor-convoys-cli-'));
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
    const plan = await createPlan(db, systemActor, file.site.id, {
      at: '2022-05-06T00:00:00Z',
      timeLimitSeconds: 4,
    });
    await acceptPlan(db, systemActor, plan.id);
    planId = plan.id;
  } finally {
    await db.close();
  }
}, 900_000);

afterAll(async () => {
  await killChildren();
  await deployment?.dispose();
  await rm(dir, { recursive: true, force: true });
});

it('makes the convoys of the accepted plan once, notifies them and exports the notifications', async () => {
  const storage = deployment.storage;
  const made = await runCommandOk(['convoys', 'create', planId], storage);
  expect(made).toMatch(/^made \d+ convoys? of evacuation plan /);
  const first = /^ {2}C-1 (\S+) · planned · leaves 2022-05-06 /m.exec(made);
  expect(first, made).not.toBeNull();
  const convoyId = first![1]!;
  const people = [...made.matchAll(/· (\d+) on the manifest/g)].reduce((n, m) => n + Number(m[1]), 0);
  expect(people).toBe(ready.length);
  const again = await runCommandOk(['convoys', 'create', planId, '--json'], storage);
  expect(JSON.parse(again)).toMatchObject({ created: false });

  const notified = await runCommandOk(
    ['convoys', 'notify', convoyId, '--channel', 'e-mail', '--sent-at', '2022-05-05T20:00Z'],
    storage,
  );
  expect(notified).toMatch(/^notified convoy C-1 to \d+ parties:/);
  expect(notified).toContain('International Committee of the Red Cross: version 1');
  const twice = await runCommand(['convoys', 'notify', convoyId], storage);
  expect(twice.code).toBe(1);
  expect(twice.stderr).toContain('already has the current notification');

  const json = join(dir, 'c1.json');
  await runCommandOk(
    ['convoys', 'notification-export', convoyId, '--format', 'json', '--out', json],
    storage,
  );
  const exported = JSON.parse(await readFile(json, 'utf8')) as {
    convoy: { code: string };
    parties: Array<{ state: string; versions: Array<{ version: number; channel: string }> }>;
  };
  expect(exported.convoy.code).toBe('C-1');
  expect(exported.parties.length).toBeGreaterThan(1);
  for (const p of exported.parties)
    expect(p).toMatchObject({ state: 'awaiting_answer', versions: [{ version: 1, channel: 'e-mail' }] });
  const text = await readFile(json, 'utf8');
  for (const person of ready) for (const name of person.names) expect(text).not.toContain(name.family);

  const pdf = join(dir, 'c1.pdf');
  const wrote = await runCommandOk(
    ['convoys', 'notification-export', convoyId, '--format', 'pdf', '--out', pdf],
    storage,
  );
  expect(wrote).toContain(`to ${pdf} (pdf)`);
  const printed = await pdfText(await readFile(pdf));
  expect(printed).toContain('Humanitarian notification: convoy C-1');
  expect(printed).toContain('International Committee of the Red Cross');
  for (const person of ready) for (const name of person.names) expect(printed).not.toContain(name.family);

  const wrong = await runCli(
    ['convoys', 'notification-export', convoyId, '--format', 'xml', '--out', pdf],
    storage,
  );
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toContain('--format is pdf or json');
}, 900_000);
