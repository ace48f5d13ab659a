import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import type { Role } from '../src/domain/roles.ts';
import { chromiumPath } from './support/browser.ts';
import { type Account, startCorridor } from './support/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    corridor: { url: string; accounts: Record<Role, Account> };
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(fileURLToPath(new URL('../web/dist/index.html', import.meta.url))))
    throw new Error('the web app is not built: run npm run build:web first');
  if (!existsSync(chromiumPath))
    throw new Error(`no Chromium at ${chromiumPath}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  const server = await startCorridor();
  project.provide('corridor', { url: server.url, accounts: server.accounts });
  return () => server.stop();
}
