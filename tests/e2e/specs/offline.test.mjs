// After one online visit the app loads with the network off and the server gone,
// including a client-side route opened directly.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from '../lib/browser.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

test('works offline after one visit', async () => {
  const app = await env.newApp();
  await app.goto('/');
  await app.waitForOffline();

  // Both: the browser reports offline, and nothing is listening any more.
  await env.server.close();
  await app.context.setOffline(true);

  await app.reload();
  assert.equal(await app.heading().innerText(), 'ภาพรวม');
  await app.page.locator('.offline-badge').waitFor();

  await app.page.goto(env.url + '/settings');
  await app.ready();
  assert.equal(await app.heading().innerText(), 'ตั้งค่า');

  // A page of each chunk of the split build (src/ui/lazy.rs): precached by the worker, so
  // none of them shows the "could not be opened" message offline.
  for (const path of ['/cities', '/reports', '/communities', '/sync']) {
    await app.navigate(path);
    assert.equal(await app.page.locator('main .chunk-failed').count(), 0, `${path} did not load offline`);
  }
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
