import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorridorError } from '../domain/errors.ts';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes the data directory's lock file, or refuses if a live process holds it; returns the release. */
export function acquireDataDirLock(dataDir: string): () => void {
  const path = join(dataDir, 'corridor.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
        throw new CorridorError(
          'conflict',
          `the data directory ${dataDir} is in use by process ${holder}; stop it first (the embedded database allows one process)`,
        );
      }
      // A lock left by a process that died (kill -9, power loss): take it over.
      rmSync(path, { force: true });
    }
  }
  throw new CorridorError('conflict', `could not lock the data directory ${dataDir}`);
}
