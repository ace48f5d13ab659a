import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

// Builds the service worker (web/src/offline/service-worker.ts) to /sw.js with the list of what it
// keeps: every file of this build (their names carry a content hash, so the list changes with
// them), the public files, and "/" for the page itself. The worker's cache is named by a hash of the
// list: a new build gets a new cache and the browser installs the new worker. No dependency needed.

const workerSource = join(import.meta.dirname, 'src/offline/service-worker.ts');
const workerFile = 'sw.js';

/** What the worker keeps, as absolute paths, sorted; source maps and the worker itself left out. */
export function precacheList(builtFiles: string[], publicFiles: string[]): string[] {
  const files = [...builtFiles, ...publicFiles].filter((f) => f !== workerFile && !f.endsWith('.map'));
  return ['/', ...new Set(files.map((f) => `/${f.replace(/^\/+/, '')}`))].sort();
}

export const precacheVersion = (list: string[]): string =>
  createHash('sha256').update(list.join('\n')).digest('hex').slice(0, 16);

function publicFiles(dir: string, under = ''): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(join(dir, under), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) =>
    e.isDirectory() ? publicFiles(dir, join(under, e.name)) : [join(under, e.name).replaceAll('\\', '/')],
  );
}

export function precache(): Plugin {
  let publicDir = '';
  return {
    name: 'corridor-precache',
    apply: 'build',
    configResolved(config) {
      publicDir = config.publicDir;
    },
    buildStart() {
      this.emitFile({ type: 'chunk', id: workerSource, fileName: workerFile });
    },
    generateBundle(_options, bundle) {
      const worker = bundle[workerFile];
      if (worker?.type !== 'chunk') throw new Error('the service worker was not built');
      const list = precacheList(Object.keys(bundle), publicFiles(publicDir));
      worker.code = worker.code
        .replaceAll('__PRECACHE_VERSION__', JSON.stringify(precacheVersion(list)))
        .replaceAll('__PRECACHE__', JSON.stringify(list));
    },
  };
}
