// What the figures were measured on. The benchmark machines are shared, so the load average is
// recorded beside every measured phase: a figure taken under load is read with that in mind.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';

export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  commit: string | null;
  /** True when the working tree had uncommitted changes: the figures are not of `commit` alone. */
  dirty: boolean | null;
}

export function describeMachine(): Machine {
  const list = cpus();
  let commit: string | null = null;
  let dirty: boolean | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    dirty =
      execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim() !== '';
  } catch {
    // Not a git checkout (a tarball): the figures stand without a commit.
  }
  return {
    cpus: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    commit,
    dirty,
  };
}

/** The 1-minute load average, rounded. */
export const load = (): number => Math.round(loadavg()[0]! * 100) / 100;
