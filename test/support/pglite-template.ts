import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/store/migrate.ts';
import { openPglite } from '../../src/store/pglite.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A file holding a migrated PGlite (its dumpDataDir), for the suite's in-memory databases. */
    pgliteTemplate: string | undefined;
    /** A migrated PGlite data directory, closed, that the tests copy for each new data directory. */
    pgliteTemplateDir: string | undefined;
  }
}

// Starting PGlite in memory runs initdb, and every test database then runs all the migrations: some
// seconds of CPU for each of the suite's many databases. Done once here, each file's database starts
// from the dump instead, already migrated. A new data directory on disk costs more still (PGlite runs
// initdb in a second, in-memory instance and copies it over): the tests copy this one's files instead.
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgliteTemplate', undefined);
    project.provide('pgliteTemplateDir', undefined);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'corridor-template-'));
  const dataDir = join(dir, 'data');
  const db = await openPglite(dataDir);
  let dump: Blob;
  try {
    await migrate(db);
    dump = await db.dump();
  } finally {
    await db.close();
  }
  const file = join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('pgliteTemplateDir', dataDir);
  return () => rmSync(dir, { recursive: true, force: true });
}
