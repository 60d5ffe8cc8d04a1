// Service worker: makes the app load and work with no network after one online visit.
//
// - Install: read index.html to learn Trunk's hashed file names (js, wasm, css), and
//   precache them with the other shell files under a cache named for this build.
// - Page (navigation): the cached index.html first. On a slow mobile connection one round
//   trip for the page is over half a second, and the cached shell always matches the cached
//   files of its build. New deploys are still seen on the next visit: the browser checks
//   sw.js on every navigation, and a changed one installs beside this one.
// - Everything else of ours: cache first (hashed names never change content).
// - A new build waits until the page asks it to take over ("update available — reload").
// - Precaching fetches hashed files with `force-cache`: the page has just downloaded them,
//   so they come from the HTTP cache instead of over the network a second time.
//
// __BUILD_ID__ is replaced at build time by a hash of the build's files (Trunk.toml hook),
// so each deploy has a different sw.js and the browser installs the new worker.
'use strict';

const BUILD_ID = '__BUILD_ID__';
const CACHE = 'mueang-shell-' + BUILD_ID;
const SHELL = '/index.html';
const STATIC = [
  '/',
  '/boot.js',
  '/manifest.webmanifest',
  '/icons/icon.svg',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/icons/maskable-512.png',
  '/examples/north-2561.json',
];
// The wasm chunks of the pages not needed first (src/ui/lazy.rs), listed from dist at build
// time by tools/post_build.sh: precached so every page opens offline after one visit.
const SPLIT = [/*__SPLIT_FILES__*/];

// Trunk's content-hashed names (`/mueang-app-0123456789abcdef_bg.wasm`), and the chunks'
// (`/split/reports-0123456789abcdef.wasm`). Trunk writes its 64-bit hash without leading
// zeros, so one build in 16 has 15 digits (`mueang-app-d9ab8577b33c1a5.js`): 8 to 16.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(wasm|js|css)$/;

// Local file references in index.html: href/src/content attribute values, quoted or not
// (Trunk minifies release HTML, which drops quotes).
function referencedFiles(html) {
  const found = new Set();
  const re = /\b(?:href|src|content)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi;
  let m;
  while ((m = re.exec(html)) !== null) {
    const v = m[1] || m[2] || m[3] || '';
    if (/^\/[^/]/.test(v) && /\.[a-z0-9]+$/i.test(v)) found.add(v);
  }
  return [...found];
}

async function precache() {
  const cache = await caches.open(CACHE);
  const res = await fetch(SHELL, { cache: 'no-cache' });
  if (!res.ok) throw new Error('index.html: HTTP ' + res.status);
  const html = await res.clone().text();
  await cache.put(SHELL, res);
  const files = new Set([...STATIC, ...SPLIT, ...referencedFiles(html)]);
  files.delete(SHELL);
  // One missing optional file (e.g. no example data in a build) must not stop offline use.
  await Promise.all([...files].map(async (url) => {
    try {
      const r = await fetch(url, { cache: HASHED.test(url) ? 'force-cache' : 'no-cache' });
      if (r.ok) await cache.put(url, r);
    } catch (e) {
      console.warn('precache failed', url, e);
    }
  }));
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
  // No skipWaiting here: the page shows "update available" and asks for it.
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((n) => n.startsWith('mueang-shell-') && n !== CACHE)
      .map((n) => caches.delete(n)));
    // Control the page of the very first visit too, so it works offline at once.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

async function pageRequest(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(SHELL);
  if (cached) return cached;
  // Not precached yet (the first visit's install is still running): the network.
  return fetch(request);
}

async function assetRequest(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request, { ignoreSearch: true });
  if (cached) return cached;
  const res = await fetch(request);
  if (res.ok && request.method === 'GET') cache.put(request, res.clone());
  return res;
}

self.addEventListener('fetch', (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== self.location.origin) return;
  if (req.mode === 'navigate') {
    event.respondWith(pageRequest(req));
  } else if (url.pathname !== '/sw.js') {
    event.respondWith(assetRequest(req));
  }
});
