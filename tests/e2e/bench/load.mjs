// `make bench-load`: the first visit and a repeat visit as a field tablet on mobile data sees
// them. Lighthouse's mobile profile is applied through DevTools (Slow 4G: 562.5 ms round
// trip, 1,474.56 kbit/s down, 675 kbit/s up; CPU slowed 4×) to a release build served the
// way the README's hosting section asks (brotli, hashed files immutable). Timed from the
// navigation until the main navigation is on screen and a click on it has opened another
// page. Prints numbers; asserts nothing.
//
// Usage: node bench/load.mjs [runs]   (MUEANG_DIST picks the build; default dist/)
import { DIST, launch } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';

const RUNS = Number(process.argv[2] || 3);
// Lighthouse's "mobile slow 4G" numbers, as DevTools wants them (bytes per second).
const NETWORK = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1474.56 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
};
const CPU_SLOWDOWN = 4;
const TARGET = '/cities';

async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

/** Opens `/` and clicks through to another page; times in ms from the navigation. */
async function visit(page, url) {
  const start = Date.now();
  await page.goto(url + '/', { waitUntil: 'commit' });
  // The cities are in the menu's "people and places" group: open it, then follow the link.
  const group = page.getByTestId('nav-group-places');
  await group.waitFor({ state: 'visible', timeout: 120_000 });
  const navShown = Date.now() - start;
  await group.click();
  await page.locator(`nav.mainnav a[href="${TARGET}"]`).click();
  await page.waitForFunction(
    (p) => location.pathname === p && document.querySelector('main h1, h1'),
    TARGET,
    { timeout: 60_000, polling: 50 },
  );
  const usable = Date.now() - start;
  const paint = await page.evaluate(() => {
    const e = performance.getEntriesByName('first-contentful-paint')[0];
    return e ? Math.round(e.startTime) : null;
  });
  return { navShown, usable, paint };
}

/** Waits until the service worker controls the page and has finished precaching. */
async function offlineReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const secs = (ms) => (ms / 1000).toFixed(2) + ' s';

const server = await startServer({ root: DIST, static: true });
const browser = await launch();
const first = [];
const repeat = [];
const bytes = [];
try {
  // Compress once before timing, as a host serving precompressed files would.
  {
    const warm = await browser.newContext();
    const p = await warm.newPage();
    await p.goto(server.url + '/');
    await p.locator('nav.mainnav').waitFor({ timeout: 120_000 });
    await offlineReady(p);
    await warm.close();
  }
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 800, height: 1280 }, serviceWorkers: 'allow' });
    const page = await context.newPage();
    await throttle(page);
    const before = server.bytes();
    first.push(await visit(page, server.url));
    await offlineReady(page);
    bytes.push(server.bytes() - before);
    // A repeat visit: a new tab of the same browser profile, the worker in charge.
    const again = await context.newPage();
    await throttle(again);
    await page.close();
    repeat.push(await visit(again, server.url));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const row = (label, runs, key) =>
  console.log(`${label.padEnd(44)}${secs(median(runs.map((r) => r[key]))).padStart(9)}   (runs: ${runs.map((r) => secs(r[key])).join(', ')})`);
console.log(`\nFirst visit and repeat visit, Slow 4G + CPU ×${CPU_SLOWDOWN}, brotli, ${DIST}`);
console.log(`median of ${RUNS}; "usable" = the navigation on screen and a click on it opened ${TARGET}\n`);
row('first visit: first paint', first, 'paint');
row('first visit: navigation on screen', first, 'navShown');
row('first visit: usable', first, 'usable');
row('repeat visit (service worker): usable', repeat, 'usable');
const kb = (n) => (n / 1000).toFixed(1) + ' kB';
console.log(`${'bytes on the first visit, precache included'.padEnd(44)}${kb(median(bytes)).padStart(9)}   (runs: ${bytes.map(kb).join(', ')})`);
