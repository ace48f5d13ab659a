import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import type { Role } from '../src/domain/roles.ts';
import { chromiumPath } from './support/browser.ts';
import { type Account, type CorridorTemplate, prepareCorridor, startCorridor } from './support/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server most files share: each keeps to its own people, passages and shelters. */
    corridor: { url: string; accounts: Record<Role, Account> };
    /** For the files whose changes others must not see: startCorridor(template) gives a server of their own. */
    corridorTemplate: CorridorTemplate;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(fileURLToPath(new URL('../web/dist/index.html', import.meta.url))))
    throw new Error('the web app is not built: run npm run build:web first');
  if (!existsSync(chromiumPath))
    throw new Error(`no Chromium at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const template = await prepareCorridor();
  const server = await startCorridor(template);
  project.provide('corridor', { url: server.url, accounts: server.accounts });
  project.provide('corridorTemplate', template);
  return async () => {
    await server.stop();
    rmSync(template.dataDir, { recursive: true, force: true });
  };
}
