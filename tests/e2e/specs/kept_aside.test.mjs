// Issue 10, part 3, end to end: stored data damaged in IndexedDB (one city this build cannot
// read, one chunk of instalments that is not JSON) is kept aside after a reload — a banner
// with the count, the rest readable, the example refused with the reason, Settings listing
// each entry and downloading them as stored — and nothing is wiped by any of it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup } from '../lib/browser.mjs';
import { Records } from '../lib/records.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

/** Damages the stored data the way a disk error or a crash mid-write would. */
function damage(page) {
  return page.evaluate(async () => {
    const req = (r) => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
    const db = await req(indexedDB.open('mueang'));
    const tx = db.transaction('chunks', 'readwrite');
    const chunks = tx.objectStore('chunks');
    const keys = await req(chunks.getAllKeys());
    const cityKey = keys.find((k) => k.startsWith('cities/'));
    const chunk = JSON.parse(new TextDecoder().decode(await req(chunks.get(cityKey))));
    const id = Object.keys(chunk)[0];
    chunk[id] = { meta: { id }, name_th: 17 };
    chunks.put(new TextEncoder().encode(JSON.stringify(chunk)), cityKey);
    const instalments = keys.find((k) => k.startsWith('instalments/'));
    chunks.put(new TextEncoder().encode('{"cut short'), instalments);
    await new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); });
    db.close();
    return { id, instalments };
  });
}

async function cityCount(app) {
  await app.goto('/cities');
  await app.page.getByTestId('city-list').waitFor();
  return app.page.locator('[data-testid="city-list"] .record-link').count();
}

test('damaged records are kept aside, shown, downloadable as stored, and never wiped', async () => {
  const app = await env.newApp();
  const r = new Records(app);
  await r.loadExample();
  await app.page.locator('[data-kind="cities"] .card-number', { hasText: '12' }).waitFor();
  const { id } = await damage(app.page);
  await app.reload();

  const banner = app.page.getByTestId('kept-aside-banner');
  await banner.waitFor();
  assert.equal(await app.page.getByTestId('kept-aside-count').getAttribute('data-count'), '2');
  assert.match(await banner.innerText(), /ข้อมูล 2 รายการในเครื่องนี้อ่านไม่ได้/);
  await app.screenshot('kept-aside-banner.png');
  assert.equal(await cityCount(app), 11, 'the other cities load');

  // The example would rewrite whole lists: refused, with the reason.
  await app.goto('/');
  await app.page.getByTestId('example-blocked').waitFor();
  assert.equal(await app.page.getByTestId('load-example').isDisabled(), true);
  assert.equal(await app.page.getByTestId('load-demo-survey').isDisabled(), true, 'the fictional survey too');
  // What needs doing starts with the records set aside, linking to where they are listed.
  const kept = app.page.locator('[data-testid="to-do"] li[data-kind="KeptAside"] a');
  assert.match(await kept.innerText(), /ข้อมูลที่อ่านไม่ได้ เก็บแยกไว้ ยังไม่ได้ลบ 2 รายการ/);
  assert.equal(await kept.getAttribute('href'), '/settings#kept-aside');

  // Settings lists each entry and downloads them as stored.
  await app.goto('/settings');
  const section = app.page.getByTestId('kept-aside');
  await section.waitFor();
  assert.equal(await section.locator('tbody tr').count(), 2);
  assert.match(await section.innerText(), new RegExp(id));
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByTestId('kept-aside-download').click(),
  ]);
  assert.match(download.suggestedFilename(), /^mueang-unreadable-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.equal(file.format, 'mueang-unreadable');
  assert.equal(file.count, 2);
  const city = file.entries.find((e) => e.kind === 'cities');
  assert.equal(city.id, id);
  assert.equal(city.text, JSON.stringify({ meta: { id }, name_th: 17 }), 'exactly as stored');
  assert.equal(file.entries.find((e) => e.kind === 'instalments').text, '{"cut short');
  await section.scrollIntoViewIfNeeded();
  await app.screenshot('kept-aside-settings.png');

  // Nothing was wiped: after another reload everything is where it was.
  await app.reload();
  await app.page.getByTestId('kept-aside-banner').waitFor();
  assert.equal(await app.page.getByTestId('kept-aside-count').getAttribute('data-count'), '2');
  assert.equal(await cityCount(app), 11);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('once downloaded, what is kept aside can be removed, and the rest stays', async () => {
  const app = await env.newApp();
  const r = new Records(app);
  await r.loadExample();
  await app.page.locator('[data-kind="cities"] .card-number', { hasText: '12' }).waitFor();
  await damage(app.page);
  await app.reload();
  await app.page.getByTestId('kept-aside-banner').waitFor();

  await app.goto('/settings');
  const remove = app.page.getByTestId('kept-aside-remove');
  await remove.waitFor();
  assert.equal(await remove.isDisabled(), true, 'not before the data is downloaded');
  await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByTestId('kept-aside-download').click(),
  ]);
  await app.page.waitForFunction(() => !document.querySelector('[data-testid="kept-aside-remove"]').disabled);
  await remove.click();
  const confirm = app.page.getByTestId('kept-aside-confirm');
  assert.match(await confirm.innerText(), /นำข้อมูลที่อ่านไม่ได้ทั้งหมดออกจากเครื่องนี้/);
  await app.page.getByTestId('kept-aside-remove-yes').click();
  await app.page.getByTestId('kept-aside-removed').waitFor();
  assert.equal(await app.page.getByTestId('kept-aside-banner').count(), 0);
  await app.screenshot('kept-aside-removed.png');

  // The rest stays, the damage does not come back, and the example loads again.
  await app.reload();
  assert.equal(await cityCount(app), 11);
  assert.equal(await app.page.getByTestId('kept-aside-banner').count(), 0);
  await app.goto('/');
  assert.equal(await app.page.getByTestId('load-example').isDisabled(), false);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
