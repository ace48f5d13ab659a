// The service worker (built to /sw.js by web/precache.ts): it keeps the app shell, the built files
// listed at build time, so that the app opens with no network after one online visit. The API is
// never cached here: the field screens read the device's own store (IndexedDB) instead.
// Written against a few declared types: the web app's TypeScript settings are for pages (DOM), and
// the worker's library types would clash with them.

interface ShellEvent extends Event {
  waitUntil(work: Promise<unknown>): void;
}
interface ShellFetchEvent extends ShellEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: 'install' | 'activate', listener: (event: ShellEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: ShellFetchEvent) => void): void;
}

// Replaced at build time with the built files' paths and a hash of them.
declare const __PRECACHE__: string[];
declare const __PRECACHE_VERSION__: string;

const scope = self as unknown as WorkerScope;
const prefix = 'corridor-shell-';
const cacheName = `${prefix}${__PRECACHE_VERSION__}`;
// On a link that answers nothing for long (a tunnel's edge), the kept shell rather than a blank page.
const navigationPatience = 5000;

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(__PRECACHE__))
      .then(() => scope.skipWaiting()),
  );
});

scope.addEventListener('activate', (event) => {
  // A new build's worker drops the shells of earlier builds.
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names.filter((n) => n.startsWith(prefix) && n !== cacheName).map((n) => caches.delete(n)),
        ),
      )
      .then(() => scope.clients.claim()),
  );
});

async function shell(): Promise<Response> {
  return (await caches.match('/', { cacheName })) ?? Response.error();
}

/** A page: from the server when it answers (a new build shows at once), else the kept shell. */
async function navigate(request: Request): Promise<Response> {
  const network = fetch(request);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), navigationPatience);
  });
  try {
    const first = await Promise.race([network, late]);
    return first === 'late' ? shell() : first;
  } catch {
    return shell();
  } finally {
    clearTimeout(timer);
  }
}

scope.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigate(request));
    return;
  }
  // Built files carry their content's hash: a kept copy is always right.
  event.respondWith(caches.match(request, { cacheName }).then((kept) => kept ?? fetch(request)));
});
