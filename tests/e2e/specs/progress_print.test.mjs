// The printable progress report with photos (issue 13, part 5), at 800×1280 in Thai: a
// project of the example's city gets two photos (drawn in the test, chosen through the
// attachments panel) and a dated progress report; its A4 report, opened from the project's
// page, names the project, shows the report's Buddhist-era date and renders both photos;
// printed, the app's navigation and the toolbar are hidden. A photo this device does not
// hold (as when a bundle came without its files) is named as not included, not broken.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from '../lib/browser.mjs';
import { Screens } from '../lib/screens.mjs';
import { savePdf } from '../lib/reports.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

const MAE_SOT = 'เทศบาลนครแม่สอด';
const TITLE = 'ลานกีฬาชุมชนริมเมย';

/** A camera-sized PNG of `w` × `h` drawn in the page, its colours from `hue`, as bytes. */
async function drawPhoto(page, w, h, hue) {
  const b64 = await page.evaluate(async ([w, h, hue]) => {
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext('2d');
    const sky = g.createLinearGradient(0, 0, 0, h);
    sky.addColorStop(0, `hsl(${hue}, 60%, 70%)`);
    sky.addColorStop(1, '#e8d9b0');
    g.fillStyle = sky;
    g.fillRect(0, 0, w, h);
    for (let i = 0; i < 30; i += 1) {
      g.fillStyle = `hsl(${(hue + i * 11) % 360}, 50%, 45%)`;
      g.fillRect((i * w) / 30, h * 0.5, w / 40, h * 0.2);
    }
    const blob = await c.convertToBlob({ type: 'image/png' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, [w, h, hue]);
  return Buffer.from(b64, 'base64');
}

/** In the page: whether the sheet shows `n` photos, each loaded with a width. */
function photosRendered(n) {
  const imgs = [...document.querySelectorAll('[data-testid="sheet-photo"] img')];
  return imgs.length === n && imgs.every((i) => i.complete && i.naturalWidth > 0);
}

test('a project\'s A4 progress report shows its photos, dates in BE, and prints without the app around it', async () => {
  const app = await env.newApp({ width: 800, height: 1280 });
  const page = app.page;
  const s = new Screens(app);
  await s.loadExample();

  // ---- a project of Mae Sot with two photos, approved on 10 Feb 2018
  await s.openCity(MAE_SOT);
  await page.getByTestId('add-project').click();
  await page.getByTestId('project-editor').waitFor();
  await s.fill('title', TITLE);
  await s.fill('proposer', 'ชุมชนริมเมย');
  await s.choose('category', 'ที่อยู่อาศัย');
  await s.fill('amount_requested', '50,000');
  await s.fill('amount_approved', '50,000');
  const panel = page.getByTestId('attachments');
  const photos = [
    { name: 'เทพื้น.png', mimeType: 'image/png', buffer: await drawPhoto(page, 4000, 3000, 200) },
    { name: 'หลังคา.png', mimeType: 'image/png', buffer: await drawPhoto(page, 3264, 2448, 20) },
  ];
  await panel.getByTestId('attach-files').setInputFiles(photos);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="attachment"] img').length === 2);
  await s.saveAndWait(/\/projects\/[0-9a-f-]{36}$/);
  const projectPath = new URL(page.url()).pathname;
  await s.fill('next-step-date', '10/2/2561');
  await page.getByTestId('to-approved').click();
  await s.field('status_history[1].date').waitFor();
  await page.getByTestId('save-state').filter({ hasText: 'บันทึกครบแล้ว' }).waitFor();

  // ---- a progress report of 15 Mar 2018
  const history = page.getByTestId('progress-history');
  await history.getByRole('link', { name: 'เพิ่มรายงานความก้าวหน้า' }).click();
  await page.getByTestId('progress-editor').waitFor();
  await s.fill('date', '15/3/61');
  await s.fill('percent', '60');
  await s.fill('work_done', 'เทพื้นลานกีฬาเสร็จแล้ว');
  await s.fill('spent_to_date', '45,000');
  await s.save();
  await s.toast('บันทึกแล้ว');
  await page.waitForURL((u) => u.pathname === projectPath);

  // ---- the report opens from the project's page
  await page.getByTestId('print-progress').click();
  const sheet = page.getByTestId('progress-sheet');
  await sheet.waitFor();
  assert.equal(await page.getByTestId('sheet-project').innerText(), TITLE);
  const report = sheet.getByTestId('sheet-report');
  assert.equal(await report.count(), 1);
  const reportText = await report.innerText();
  assert.match(reportText, /15 มีนาคม พ\.ศ\. 2561/, reportText);
  assert.match(reportText, /60%/, reportText);
  assert.match(reportText, /เทพื้นลานกีฬาเสร็จแล้ว/, reportText);
  assert.match(await page.getByTestId('sheet-progress').innerText(), /60% \(จากรายงานวันที่ 15 มี\.ค\. 2561\)/);
  await page.waitForFunction(photosRendered, 2);
  const captions = await sheet.locator('[data-testid="sheet-photo"] figcaption').allInnerTexts();
  assert.match(captions[0], /เทพื้น\.jpg/, captions.join(' | '));
  assert.match(captions[1], /หลังคา\.jpg/, captions.join(' | '));
  assert.match(captions[0], /แนบกับโครงการ/, captions.join(' | '));
  assert.equal(await sheet.getByTestId('sheet-photo-missing').count(), 0);
  // The "saved" toasts of the editing above would cover the screenshots.
  while (await page.getByTestId('toast').count()) await page.locator('.toast-close').first().click();
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(sideways <= 0, `no sideways scroll (${sideways} px)`);
  await s.expectNoAxeViolations('the progress report');
  await app.screenshot('progress-print.png');
  // At phone width too, nothing makes the page scroll sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  const onPhone = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
  assert.ok(onPhone <= 0, `no sideways scroll at phone width (${onPhone} px)`);
  await sheet.getByTestId('sheet-instalments').scrollIntoViewIfNeeded();
  await app.screenshot('progress-print-phone.png');
  await page.setViewportSize({ width: 800, height: 1280 });
  await sheet.getByTestId('sheet-photos').scrollIntoViewIfNeeded();
  await app.screenshot('progress-print-photos.png');

  // ---- printed: no navigation, no toolbar; the photos stay
  const nav = page.locator('nav.mainnav');
  assert.ok(await nav.isVisible(), 'the navigation is there on screen');
  await page.emulateMedia({ media: 'print' });
  await nav.waitFor({ state: 'hidden' });
  await page.locator('.print-toolbar').waitFor({ state: 'hidden' });
  // Nor the banners (the browser has not promised to keep the data, not exported yet).
  assert.equal(await page.locator('.banners .banner').filter({ visible: true }).count(), 0);
  assert.ok(await sheet.locator('[data-testid="sheet-photo"] img').first().isVisible());
  await sheet.getByTestId('sheet-photos').scrollIntoViewIfNeeded();
  await app.screenshot('progress-print-media.png');
  const pdf = await savePdf(page, 'progress-report.pdf');
  assert.ok(pdf.length > 20_000, `an A4 PDF with the photos (${pdf.length} bytes)`);
  await page.emulateMedia({ media: 'screen' });
  await nav.waitFor({ state: 'visible' });

  // ---- a photo this device does not hold is named, not a broken image
  await page.evaluate(async (name) => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('mueang');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const keys = await new Promise((ok, fail) => {
      const r = db.transaction('blobs').objectStore('blobs').getAllKeys();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    if (keys.length !== 2) throw new Error(`expected two blobs, found ${keys.length}`);
    await new Promise((ok, fail) => {
      const tx = db.transaction('blobs', 'readwrite');
      tx.objectStore('blobs').delete(keys[0]);
      tx.oncomplete = ok;
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  });
  await app.reload();
  await sheet.getByTestId('sheet-photo-missing').waitFor();
  assert.match(await sheet.getByTestId('sheet-photo-missing').innerText(), /ไม่ได้ส่งมากับชุดข้อมูล/);
  await page.waitForFunction(photosRendered, 1);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
