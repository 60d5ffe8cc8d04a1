// Attachments (issue 13), at 800×1280 in Thai with the network off: a 4,000 × 3,000 photo
// (drawn in the test) chosen through the attachments panel's file input is scaled on the
// device to 1,600 px JPEG, kept, shown as a thumbnail and full size, saved with a new
// project and still there after a reload; removing it is an edit the audit trail names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from '../lib/browser.mjs';
import { Screens } from '../lib/screens.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

const MAE_SOT = 'เทศบาลนครแม่สอด';

/** A PNG photo of `w` × `h` drawn in the page (gradients, shapes, text), as bytes. */
async function drawPhoto(page, w, h) {
  const b64 = await page.evaluate(async ([w, h]) => {
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext('2d');
    const sky = g.createLinearGradient(0, 0, 0, h);
    sky.addColorStop(0, '#87b5e5');
    sky.addColorStop(1, '#e8d9b0');
    g.fillStyle = sky;
    g.fillRect(0, 0, w, h);
    g.fillStyle = '#6b6b6b';
    g.fillRect(0, h * 0.6, w, h * 0.4);
    for (let i = 0; i < 40; i += 1) {
      g.fillStyle = `hsl(${i * 9}, 50%, 45%)`;
      g.fillRect((i * w) / 40, h * 0.45, w / 50, h * 0.15);
    }
    g.fillStyle = '#222';
    g.font = `${Math.round(h / 12)}px sans-serif`;
    g.fillText('ลานกีฬาชุมชน 2561', w * 0.1, h * 0.2);
    const blob = await c.convertToBlob({ type: 'image/png' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, [w, h]);
  return Buffer.from(b64, 'base64');
}

test('a photo from the file input is scaled, kept with the project offline, and removable', async () => {
  const app = await env.newApp({ width: 800, height: 1280 });
  const page = app.page;
  const s = new Screens(app);
  await s.loadExample();
  await app.waitForOffline();
  await app.context.setOffline(true);

  await s.openCity(MAE_SOT);
  await page.getByTestId('add-project').click();
  await page.getByTestId('project-editor').waitFor();
  await s.fill('title', 'ลานกีฬาชุมชนริมเมย');
  await s.fill('proposer', 'ชุมชนริมเมย');
  await s.choose('category', 'ที่อยู่อาศัย');

  const panel = page.getByTestId('attachments');
  await panel.getByTestId('no-attachments').waitFor();
  assert.equal(await panel.getByTestId('attach-camera').getAttribute('capture'), 'environment');
  assert.match(await panel.getByTestId('attach-files').getAttribute('accept'), /application\/pdf/);

  const png = await drawPhoto(page, 4000, 3000);
  await panel.getByTestId('attach-files').setInputFiles({ name: 'งานเทพื้น.png', mimeType: 'image/png', buffer: png });
  const tile = panel.getByTestId('attachment');
  await tile.locator('img').waitFor();
  const text = await tile.innerText();
  assert.match(text, /งานเทพื้น\.jpg/, text);
  const kb = Number(/(\d+) kB/.exec(text)?.[1]);
  assert.ok(kb > 0 && kb <= 300, `kept ${kb} kB (the PNG was ${Math.round(png.length / 1024)} kB)`);
  assert.ok(kb * 1024 < png.length, 'smaller than what was chosen');

  await s.saveAndWait(/\/projects\/[0-9a-f-]{36}$/);
  await app.reload();
  await page.getByTestId('project-editor').waitFor();
  // Thumbnails load lazily: bring the panel on screen.
  await tile.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => document.querySelector('[data-testid="attachment"] img')?.naturalWidth > 0);
  assert.equal(await tile.count(), 1);

  // Full view: the kept photo is 1,600 px on its long side.
  await tile.locator('button.thumb-open').click();
  const viewer = page.getByTestId('attachment-viewer');
  await viewer.waitFor();
  const width = await viewer.locator('img').evaluate((img) => img.decode().then(() => img.naturalWidth));
  assert.equal(width, 1600);
  await app.screenshot('attachment-full-view.png');
  await viewer.getByRole('button', { name: 'ปิด' }).click();
  await viewer.waitFor({ state: 'detached' });
  await panel.scrollIntoViewIfNeeded();
  await app.screenshot('attachments-panel.png');

  // Removing it is an edit: saved, and named in the record's history.
  await tile.getByTestId('attachment-remove').click();
  await panel.getByTestId('no-attachments').waitFor();
  await s.save();
  await s.toast('บันทึกแล้ว');
  const trail = page.getByTestId('audit-trail');
  await trail.locator('summary').click();
  await trail.getByText('งานเทพื้น.jpg').first().waitFor();
  assert.deepEqual(app.errors, []);
});
