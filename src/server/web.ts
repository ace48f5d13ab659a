import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from './errors.ts';

/** Where `npm install` (the prepare script) or `npm run build:web` puts the built web app. */
export const defaultWebRoot = fileURLToPath(new URL('../../web/dist/', import.meta.url));

const notBuiltPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Corridor: the web app is not built</title></head>
<body><main><h1>Corridor</h1>
<p>The API is running (<a href="/api/docs">API reference</a>), but the web app has not been built.</p>
<p>Build it with <code>npm run build:web</code> (or <code>npm install</code>, which builds it), then reload this page.</p>
</main></body></html>
`;

// The built files' names carry a content hash, so they may be kept for good; index.html names
// them and must always be asked for again.
const immutable = 'public, max-age=31536000, immutable';

/**
 * Serves the single-page app on every path outside /api: a built file when the path names one,
 * index.html otherwise, so that a reload or a shared link lands on the right screen.
 */
export async function installWeb(app: FastifyInstance, webRoot = defaultWebRoot): Promise<void> {
  const root = resolve(webRoot);
  const built = existsSync(join(root, 'index.html'));
  if (built) await app.register(fastifyStatic, { root, serve: false, index: false, cacheControl: false });

  const fileFor = (path: string): string | undefined => {
    const relative = normalize(decodeURIComponent(path)).replace(/^[/\\]+/, '');
    if (!relative || !extname(relative) || relative.startsWith('..')) return undefined;
    const full = join(root, relative);
    return full.startsWith(root + sep) && existsSync(full) && statSync(full).isFile() ? relative : undefined;
  };

  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '/';
    // An unknown API path is an API error in the API's shape, never the app's page.
    if (path === '/api' || path.startsWith('/api/'))
      return reply.status(404).send({
        error: { code: 'not_found', message: `no route GET ${path}` },
      } satisfies ErrorBody);
    if (!built) return reply.type('text/html; charset=utf-8').send(notBuiltPage);
    let file: string | undefined;
    try {
      file = fileFor(path);
    } catch {
      file = undefined;
    }
    if (file)
      return reply
        .header('cache-control', file.startsWith('assets/') ? immutable : 'no-cache')
        .sendFile(file);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  };

  const config = { permission: 'public' as const };
  const schema = { hide: true };
  app.get('/', { config, schema }, handler);
  app.get('/*', { config, schema }, handler);
}
