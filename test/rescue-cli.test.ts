import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { bruteForceOptimum, randomProblem } from '../src/planning/rescue/steiner.test-support.ts';
import { writeStp } from '../src/planning/rescue/stp.ts';

// `corridor rescue steiner` as a user runs it: a separate process, a file, JSON on stdout.

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'corridor-stp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function corridor(...args: string[]) {
  try {
    const { stdout, stderr } = await run('node', ['bin/corridor.js', ...args], { timeout: 120_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('corridor rescue steiner', () => {
  it('solves the hand-made wheel and prints exactly the agreed JSON', async () => {
    const result = await corridor(
      'rescue',
      'steiner',
      'bench/data/steinlib/hand-tiny.stp',
      '--json',
      '--time-limit',
      '20',
    );
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout);
    expect(Object.keys(answer)).toEqual(['cost', 'lowerBound', 'optimal', 'seconds', 'edges']);
    expect(answer).toMatchObject({ cost: 6, lowerBound: 6, optimal: true });
    expect(answer.edges.map((e: number[]) => [...e].sort((a, b) => a - b))).toEqual(
      expect.arrayContaining([
        [1, 7],
        [3, 7],
        [5, 7],
      ]),
    );
    expect(answer.seconds).toBeGreaterThan(0);
  });

  it('finds the brute-force optimum of a random instance, in the file’s own node numbers', async () => {
    const problem = randomProblem(4242, 11, 14, 5);
    const file = join(dir, 'random.stp');
    writeFileSync(file, writeStp(problem, 'random'));
    const result = await corridor('rescue', 'steiner', file, '--json', '--time-limit', '20');
    expect(result.code).toBe(0);
    const answer = JSON.parse(result.stdout) as {
      cost: number;
      optimal: boolean;
      edges: Array<[number, number]>;
    };
    expect(answer.cost).toBe(bruteForceOptimum(problem));
    expect(answer.optimal).toBe(true);
    // The edges are pairs of the file's node numbers (1-based) joined by an edge of the file.
    const pairs = new Map<string, number>();
    for (let e = 0; e < problem.graph.edgeCount; e++) {
      const u = problem.graph.tail[e]! + 1;
      const v = problem.graph.head[e]! + 1;
      pairs.set(`${Math.min(u, v)}-${Math.max(u, v)}`, problem.graph.weight[e]!);
    }
    const total = answer.edges.reduce(
      (sum, [u, v]) => sum + pairs.get(`${Math.min(u, v)}-${Math.max(u, v)}`)!,
      0,
    );
    expect(total).toBe(answer.cost);
  });

  it('prints a readable summary without --json', async () => {
    const result = await corridor('rescue', 'steiner', 'bench/data/steinlib/hand-tiny.stp');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('tree cost 6');
    expect(result.stdout).toContain('optimal');
    expect(result.stdout).toContain('verified');
  });

  it('rejects a malformed file with the line that is wrong', async () => {
    const file = join(dir, 'bad.stp');
    writeFileSync(file, 'SECTION Graph\nE 1 2 one\nEND\nSECTION Terminals\nT 1\nEND\n');
    const result = await corridor('rescue', 'steiner', file, '--json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("line 2: an edge weight must be a number, not 'one'");
    expect(result.stdout).toBe('');
  });

  it('rejects terminals that no tree can join', async () => {
    const file = join(dir, 'apart.stp');
    writeFileSync(file, 'SECTION Graph\nE 1 2 1\nE 3 4 1\nEND\nSECTION Terminals\nT 1\nT 4\nEND\n');
    const result = await corridor('rescue', 'steiner', file, '--json');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('cannot be reached');
  });
});
