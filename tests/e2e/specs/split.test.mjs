// The split build (src/ui/lazy.rs): pages not needed first come in wasm chunks loaded on
// demand. A chunk that cannot be fetched shows a message in Thai and English with a way to
// try again, never a dead page; once it can be fetched, the page opens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from '../lib/browser.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

test('the build is split: the first screen names its chunks, the worker lists them', async () => {
  const res = await fetch(env.url + '/sw.js');
  const sw = await res.text();
  const listed = [...sw.matchAll(/"(\/split\/[^"]+)"/g)].map((m) => m[1]);
  assert.ok(listed.some((f) => f.endsWith('.wasm')), `sw.js lists no chunk: ${sw.slice(0, 2000)}`);
  for (const f of listed) {
    const r = await fetch(env.url + f);
    assert.equal(r.status, 200, `${f} is listed by sw.js but not served`);
  }
});

test('a chunk that fails to load shows a message, and opens once it loads', async () => {
  // No service worker: page.route then sees the chunk requests themselves.
  const app = await env.newApp(undefined, { serviceWorkers: 'block' });
  let blocked = 0;
  await app.page.route(/\/split\/.*\.wasm$/, (route) => { blocked += 1; return route.abort(); });
  await app.goto('/');
  // The cities are in the menu's "people and places" group.
  const openCities = async () => {
    await app.page.getByTestId('nav-group-places').click();
    await app.page.locator('nav.mainnav a[href="/cities"]').click();
  };
  await openCities();

  const failed = app.page.locator('main .chunk-failed');
  await failed.waitFor();
  assert.ok(blocked > 0, 'no chunk request was made');
  const text = await failed.innerText();
  assert.match(text, /เปิดหน้านี้ไม่ได้/);
  assert.match(text, /This page could not be opened/);
  // The shell stays: the navigation still works, to the overview of the main module.
  await app.page.locator('nav.mainnav a[href="/"]').first().click();
  await app.page.waitForURL((u) => new URL(u).pathname === '/');
  assert.equal(await app.heading().innerText(), 'ภาพรวม');

  // The overview's "load example" runs in the sync chunk: without it, the person is told
  // (in the app's language, Thai here) and nothing is stored.
  await app.page.getByTestId('load-example').click();
  const notice = app.page.locator('.notices .notice-error', { hasText: 'ส่วนนี้ของแอปยังไม่ได้ดาวน์โหลด' });
  await notice.waitFor();
  assert.match(await notice.innerText(), /กรุณาเชื่อมต่ออินเทอร์เน็ตแล้วลองอีกครั้ง/);
  await app.page.getByTestId('load-example').and(app.page.locator(':enabled')).waitFor();
  assert.equal(await app.page.locator('[data-kind="cities"] .card-number', { hasText: '12' }).count(), 0);

  // The network is back: the next visit to a page of that chunk loads it.
  await app.page.unroute(/\/split\/.*\.wasm$/);
  await openCities();
  await app.page.waitForURL('**/cities');
  await app.page.locator('main h1').filter({ hasNotText: 'เปิดหน้านี้ไม่ได้' }).waitFor();
  assert.equal(await app.page.locator('main .chunk-failed').count(), 0);
  // ... and the example loads from the overview.
  await app.goto('/');
  await app.page.getByTestId('load-example').click();
  await app.page.locator('[data-kind="cities"] .card-number', { hasText: '12' }).waitFor();
  // With workers blocked, the app's own update check finds no registration (an error that
  // only this test's setting causes); nothing else may have gone wrong.
  const errors = app.errors.map(String).filter((e) => !/reading 'waiting'/.test(e));
  assert.deepEqual(errors, []);
  await app.context.close();
});
