// The bench page (`/sync?bench`, see src/ui/pages/sync/bench.rs) as both bench scripts use
// it: open it in a tablet-sized context, hand it the bundle, wait for its JSON report.
import { DIST, launch } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';

/**
 * Opens `/sync?<query>` on a server for the build in MUEANG_DIST. Returns
 * { server, browser, context, page, run(bundle), close() }; `run` gives the parsed report.
 */
export async function openBenchPage(query) {
  const server = await startServer({ root: DIST });
  const browser = await launch();
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e));
  await page.goto(`${server.url}/sync?${query}`);
  await page.locator('header.topbar').waitFor({ timeout: 30_000 });
  return {
    server,
    browser,
    context,
    page,
    async run(bundle) {
      await page.getByTestId('bench-input').setInputFiles(bundle);
      await page.waitForFunction(() => document.querySelector('[data-testid="bench-result"]')?.textContent.trim().length > 0,
        null, { timeout: 300_000, polling: 200 });
      const r = JSON.parse(await page.getByTestId('bench-result').textContent());
      if (r.error) throw new Error(r.error);
      return r;
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
}
