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
import { CPU_SLOWDOWN, TARGET, offlineReady, throttle, visit } from './visit.mjs';

const RUNS = Number(process.argv[2] || 3);

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
