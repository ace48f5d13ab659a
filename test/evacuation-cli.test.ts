import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { bruteForceBep } from '../src/planning/evacuation/bep/brute-force.ts';
import { readBep } from '../src/planning/evacuation/bep/instance.ts';

const exec = promisify(execFile);
// A child still running after two minutes is killed, so a failing test leaves nothing behind.
const run = (file: string, args: string[]) => exec(file, args, { timeout: 120_000, killSignal: 'SIGKILL' });
const corridor = join(import.meta.dirname, '..', 'bin', 'corridor.js');

describe('corridor plan bep', () => {
  it('prints the optimum of a small instance as the JSON the issue names, with trips that add up', async () => {
    const text = '2 10\n1 2\n2 30 20 10\n2 40 20 20\n\n1 12 20\n\n1 7 9\n2 5 11\n';
    const dir = mkdtempSync(join(tmpdir(), 'corridor-bep-'));
    const file = join(dir, 'small.txt');
    writeFileSync(file, text);
    const { stdout } = await run(process.execPath, [
      corridor,
      'plan',
      'bep',
      file,
      '--time-limit',
      '60',
      '--json',
    ]);
    const out = JSON.parse(stdout) as {
      makespan: number;
      lowerBound: number;
      optimal: boolean;
      seconds: number;
      trips: Array<{
        bus: number;
        collectionPoint: number;
        shelter: number;
        atShelter: number;
        people: number;
      }>;
    };
    expect(Object.keys(out)).toEqual(['makespan', 'lowerBound', 'optimal', 'seconds', 'trips']);
    expect(out.makespan).toBe(bruteForceBep(readBep(text)));
    expect(out.optimal).toBe(true);
    expect(out.lowerBound).toBe(out.makespan);
    expect(out.seconds).toBeGreaterThan(0);
    // Three bus-loads: two from point 1, one from point 2; shelters hold two loads each.
    const from = (cp: number) => out.trips.filter((t) => t.collectionPoint === cp).length;
    expect([from(1), from(2)]).toEqual([2, 1]);
    for (const s of [1, 2]) expect(out.trips.filter((t) => t.shelter === s).length).toBeLessThanOrEqual(2);
    expect(Math.max(...out.trips.map((t) => t.atShelter))).toBe(out.makespan);
  }, 180_000);

  it('refuses a malformed file with the line at fault and exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-bep-'));
    const file = join(dir, 'bad.txt');
    writeFileSync(file, '2 10\n1 2\n2 30 20 10\n');
    const failure = await run(process.execPath, [corridor, 'plan', 'bep', file]).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toContain('ends before the shelters');
  }, 180_000);
});
