// A new deploy (a different sw.js) is noticed: "update available — reload" appears, and
// reloading moves the page to the new build's cache.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, launch, AppPage } from '../lib/browser.mjs';
import { startServer } from '../lib/server.mjs';

let dir, server, browser;

before(async () => {
  // Our own copy of dist/, so the "deploy" does not touch the real one.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mueang-deploy-'));
  fs.cpSync(DIST, dir, { recursive: true });
  server = await startServer({ root: dir });
  browser = await launch();
});
after(async () => {
  await browser.close();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const cacheNames = (page) => page.evaluate(() => caches.keys());

test('a new deploy shows "update available" and reload switches to it', async () => {
  const context = await browser.newContext({ viewport: { width: 800, height: 1280 } });
  const app = new AppPage(await context.newPage(), context, server.url, []);
  await app.goto('/');
  await app.waitForOffline();
  const before = await cacheNames(app.page);
  assert.equal(before.length, 1, `one shell cache: ${before}`);

  // "Deploy": same files, new build id in sw.js.
  const sw = path.join(dir, 'sw.js');
  const text = fs.readFileSync(sw, 'utf8');
  const id = text.match(/const BUILD_ID = '([^']+)'/)[1];
  fs.writeFileSync(sw, text.replace(`'${id}'`, `'${id}-next'`));

  await app.reload();
  const notice = app.page.getByTestId('update-ready');
  await notice.waitFor({ timeout: 20_000 });
  await Promise.all([
    app.page.waitForEvent('load'),
    notice.getByRole('button').click(),
  ]);
  await app.ready();
  await app.page.waitForFunction(
    (newId) => caches.keys().then((k) => k.length === 1 && k[0].endsWith(newId)),
    `${id}-next`,
  );
  assert.equal(await app.page.getByTestId('update-ready').count(), 0);
  assert.deepEqual(app.errors, []);
  await context.close();
});
