import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from '../store/database.ts';
import type { Actor } from '../store/repos/operations.ts';
import { type ImportSummary, importSiteFile } from './import.ts';

export const azovstalSiteFile = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../scenarios/azovstal/site.json',
);

/** Loads the Azovstal scenario, the demo operation a new installation starts with. */
export async function loadAzovstal(db: Database, actor: Actor): Promise<ImportSummary> {
  return importSiteFile(db, actor, JSON.parse(readFileSync(azovstalSiteFile, 'utf8')));
}
