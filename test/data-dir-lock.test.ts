import { existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../src/store/open.ts';
import { temporaryDirectory } from './support/server-process.ts';

// The embedded database is opened once per data directory: a second PGlite on the same files, even
// in the same process, would corrupt them. Another process is refused by the lock file's pid; this
// process by its own list, since the file cannot tell a second open here from a stale lock whose
// dead owner had this pid.

describe('the data directory lock within one process', () => {
  const scratch = temporaryDirectory('corridor-lock-');
  afterAll(() => scratch.remove());

  it('refuses a second open of an open data directory, by any path, and leaves the first working', {
    timeout: 120_000,
  }, async () => {
    const dataDir = join(scratch.path, 'data');
    const first = await openStore({ dataDir });
    try {
      await first.query('CREATE TABLE kept (n int)');
      await expect(openStore({ dataDir })).rejects.toThrow(
        `the data directory ${dataDir} is already open in this process`,
      );
      const alias = join(scratch.path, 'alias');
      symlinkSync(dataDir, alias);
      await expect(openStore({ dataDir: alias })).rejects.toThrow('is already open in this process');
      await first.query('INSERT INTO kept VALUES (1)');
      expect((await first.query<{ n: number }>('SELECT n FROM kept')).rows).toEqual([{ n: 1 }]);
      expect(existsSync(join(dataDir, 'corridor.lock'))).toBe(true);
    } finally {
      await first.close();
    }
    expect(existsSync(join(dataDir, 'corridor.lock'))).toBe(false);
    const again = await openStore({ dataDir });
    try {
      expect((await again.query<{ n: number }>('SELECT n FROM kept')).rows).toEqual([{ n: 1 }]);
    } finally {
      await again.close();
    }
  });

  it('takes over a lock left behind by a dead process that had this pid', { timeout: 120_000 }, async () => {
    const dataDir = join(scratch.path, 'data');
    writeFileSync(join(dataDir, 'corridor.lock'), String(process.pid));
    const db = await openStore({ dataDir });
    try {
      expect((await db.query<{ n: number }>('SELECT n FROM kept')).rows).toEqual([{ n: 1 }]);
    } finally {
      await db.close();
    }
  });
});
