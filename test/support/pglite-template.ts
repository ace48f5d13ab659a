import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/store/migrate.ts';
import { openPglite } from '../../src/store/pglite.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A file holding a migrated in-memory PGlite (its dumpDataDir), for the suite's PGlite runs. */
    pgliteTemplate: string | undefined;
  }
}

// Starting PGlite in memory runs initdb, and every test database then runs all the migrations: some
// seconds of CPU for each of the suite's many databases. Done once here, each file's database starts
// from the dump instead, already migrated.
export default async function setup(project: TestProject) {
  if (process.env.TEST_DATABASE_URL) {
    project.provide('pgliteTemplate', undefined);
    return;
  }
  const db = await openPglite();
  let dump: Blob;
  try {
    await migrate(db);
    dump = await db.dump();
  } finally {
    await db.close();
  }
  const dir = mkdtempSync(join(tmpdir(), 'corridor-template-'));
  const file = join(dir, 'migrated.tar');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
