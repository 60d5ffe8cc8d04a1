// The visit `make bench-load` times and `make profile-load` traces, in one place so the
// trace is of exactly the visit the bench measures: Lighthouse's mobile profile applied
// through DevTools, `/` opened, the main navigation on screen, a click through to /cities.

// Lighthouse's "mobile slow 4G" numbers, as DevTools wants them (bytes per second).
export const NETWORK = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1474.56 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
};
export const CPU_SLOWDOWN = 4;
export const TARGET = '/cities';

export async function throttle(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return cdp;
}

/** Opens `/` and clicks through to TARGET; times in ms from the navigation. `at(what)` is
 *  awaited at the two moments timed ("navigation shown", "target shown"), for the trace. */
export async function visit(page, url, at = async () => {}) {
  const start = Date.now();
  await page.goto(url + '/', { waitUntil: 'commit' });
  // The cities are in the menu's "people and places" group: open it, then follow the link.
  const group = page.getByTestId('nav-group-places');
  await group.waitFor({ state: 'visible', timeout: 120_000 });
  const navShown = Date.now() - start;
  await at('navigation shown');
  await group.click();
  await page.locator(`nav.mainnav a[href="${TARGET}"]`).click();
  await page.waitForFunction(
    (p) => location.pathname === p && document.querySelector('main h1, h1'),
    TARGET,
    { timeout: 60_000, polling: 50 },
  );
  const usable = Date.now() - start;
  await at('target shown');
  const paint = await page.evaluate(() => {
    const e = performance.getEntriesByName('first-contentful-paint')[0];
    return e ? Math.round(e.startTime) : null;
  });
  return { navShown, usable, paint };
}

/** Waits until the service worker controls the page (it then serves every file). */
export async function offlineReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}
