import { readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
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

// Lock files this process holds, by real path. The file alone cannot tell a second open in this
// process from a stale lock that a dead process left with the same pid (a container's process is
// often pid 1 at every start), so the process keeps its own list.
const heldHere = new Set<string>();

/**
 * Takes the data directory's lock file, or refuses if a live process holds it, this one included;
 * returns the release. The directory must exist.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const path = join(realpathSync(dataDir), 'corridor.lock');
  if (heldHere.has(path))
    throw new CorridorError(
      'conflict',
      `the data directory ${dataDir} is already open in this process; use the store opened first (the embedded database allows one opening)`,
    );
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      heldHere.add(path);
      return () => {
        if (heldHere.delete(path)) rmSync(path, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number(readFileSync(path, 'utf8'));
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder)) {
        throw new CorridorError(
          'conflict',
          `the data directory ${dataDir} is in use by process ${holder}; stop it first (the embedded database allows one process)`,
        );
      }
      // A lock left by a process that died (kill -9, power loss), perhaps one that had this pid: take it over.
      rmSync(path, { force: true });
    }
  }
  throw new CorridorError('conflict', `could not lock the data directory ${dataDir}`);
}
