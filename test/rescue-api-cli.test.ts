import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { azovstalSiteFile } from '../src/scenario/azovstal.ts';
import { heldStore, releaseStorage, runCommand, runCommandOk } from './support/cli.ts';
import { backendName, openTestDatabase, type TestDatabase } from './support/database.ts';
import type { PlanView } from './support/rescue-views.ts';
import { killChildren, runCli, type Storage, temporaryDirectory } from './support/server-process.ts';

// `corridor rescue plan | accept | progress` as an operator runs them on the Azovstal scenario, on
// storage of their own as the server would use (in this process, test/support/cli.ts; one refusal
// from a real process).

let storage: Storage;
let database: TestDatabase;
const dir = temporaryDirectory('corridor-rescue-');

beforeAll(async () => {
  database = await openTestDatabase();
  if (database.url) storage = { databaseUrl: database.url };
  else storage = { dataDir: `${dir.path}/data` };
  // The commands below use storage of their own, not this database.
  await database.disconnect();
  await runCommandOk(['import', azovstalSiteFile], storage);
}, 300_000);
afterAll(async () => {
  await killChildren();
  if (storage) await releaseStorage(storage);
  await database.close();
  dir.remove();
});

describe(`corridor rescue plan, accept and progress (${backendName})`, { timeout: 300_000 }, () => {
  let planId: string;
  let plan: PlanView;

  it('plans the site and says how to accept the plan', async () => {
    const text = await runCommandOk(['rescue', 'plan', '--time-limit', '3'], storage);
    expect(text).toMatch(/^Rescue plan \S+ \(draft\)/);
    expect(text).toMatch(/Least effort: [\d.]+ person-hours \(lower bound [\d.]+/);
    expect(text).toContain('S24    cannot be reached: cut off:');
    expect(text).toContain('Shelters (times in Europe/Kyiv):');
    planId = /Accept it with: corridor rescue accept (\S+)/.exec(text)![1]!;
  });

  it('accepts it', async () => {
    const accepted = JSON.parse(
      await runCommandOk(['rescue', 'accept', planId, '--json'], storage),
    ) as PlanView;
    expect(accepted).toMatchObject({ id: planId, status: 'accepted' });
    plan = accepted;
    const again = await runCommand(['rescue', 'accept', planId], storage);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('only a draft can be accepted; this plan is accepted');
  });

  it('records progress by crew name and passage code, and re-plans', async () => {
    const crew = plan.result.crews.find((c) => c.tasks.length > 0)!;
    const task = crew.tasks[0]!;
    // The codes of the passage's ends in the other order name the same passage.
    const reversed = task.code.split('-').reverse().join('-');
    const text = await runCommandOk(
      [
        'rescue',
        'progress',
        planId,
        '--crew',
        crew.name.toUpperCase(),
        '--passage',
        reversed,
        '--percent',
        '40',
      ],
      storage,
    );
    expect(text).toContain(`Recorded: ${crew.name} has cleared 40 % of ${task.code}.`);
    expect(text).toContain(`${task.code.padEnd(12)} `);
    expect(text).toContain('(40 % done)');

    const done = JSON.parse(
      await runCommandOk(
        [
          'rescue',
          'progress',
          planId,
          '--crew',
          crew.crewId,
          '--passage',
          task.passageId,
          '--percent',
          '100',
          '--json',
        ],
        storage,
      ),
    ) as { passageOpened: boolean; plan: PlanView; progress: { percent: number; reportedBy: string } };
    expect(done.passageOpened).toBe(true);
    expect(done.progress).toMatchObject({ percent: 100, reportedBy: 'cli' });
    expect(done.plan.estimate!.passagesToClear.map((p) => p.passageId)).not.toContain(task.passageId);
    expect(done.plan.progress.map((p) => p.percent)).toEqual([40, 100]);
  });

  it('refuses an unknown crew, a share over 100 % and a passage that is open, changing nothing', async () => {
    const crew = plan.result.crews[0]!;
    const task = plan.result.passagesToClear.at(-1)!;
    const unknown = await runCommand(
      ['rescue', 'progress', planId, '--crew', 'Crew 9', '--passage', task.code, '--percent', '40'],
      storage,
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no crew of this site is called Crew 9 (its crews: Crew 1 (north)');
    const over = await runCommand(
      ['rescue', 'progress', planId, '--crew', crew.name, '--passage', task.code, '--percent', '120'],
      storage,
    );
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('--percent must be a number from 0 to 100, not 120');
    const open = await runCli(
      ['rescue', 'progress', planId, '--crew', crew.name, '--passage', 'S01-J01', '--percent', '40'],
      storage,
    );
    expect(open.code).toBe(1);
    expect(open.stderr).toContain('passage S01-J01 is open; only a blocked passage is cleared');
    const { rows } = await (await heldStore(storage)).query<{ percent: number }>(
      'SELECT percent FROM clearance_progress ORDER BY at, created_at',
    );
    expect(rows.map((r) => r.percent)).toEqual([40, 100]);
  });
});
