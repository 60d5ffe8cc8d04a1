// Photos travel with a bundle (issue 13, item 3), through the screens. Office a attaches two
// photos to a new project and exports with its files: the downloaded file is the documented
// format (JSON, `attachments` before `records`, each entry's bytes hashing to its name) though
// the app writes it one photo at a time. Office b refuses a copy whose photo changed on the way
// (Thai message, nothing stored), then imports the file as sent, reading it one photo at a time,
// and shows both photos. A locked export carries them too and opens with its passphrase at c.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup } from '../lib/browser.mjs';
import { Office } from '../lib/sync.mjs';
import { Screens } from '../lib/screens.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

const MAE_SOT = 'เทศบาลนครแม่สอด';
const PASS = 'ลับเฉพาะ 2561 ภาพถ่าย';

/** A PNG of `w` × `h` drawn in the page, different for each `seed`, as bytes. */
async function drawPhoto(page, w, h, seed) {
  const b64 = await page.evaluate(async ([w, h, seed]) => {
    const c = new OffscreenCanvas(w, h);
    const g = c.getContext('2d');
    g.fillStyle = `hsl(${seed * 97 % 360}, 50%, 60%)`;
    g.fillRect(0, 0, w, h);
    for (let i = 0; i < 30; i += 1) {
      g.fillStyle = `hsl(${(i * 13 + seed * 41) % 360}, 55%, 40%)`;
      g.fillRect((i * w) / 30, h * (0.3 + (i % 5) / 10), w / 40, h / 5);
    }
    const blob = await c.convertToBlob({ type: 'image/png' });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(s);
  }, [w, h, seed]);
  return Buffer.from(b64, 'base64');
}

/** Waits until `n` photo thumbnails of the open record have loaded. */
async function photosShown(page, n) {
  const panel = page.getByTestId('attachments');
  await panel.scrollIntoViewIfNeeded();
  await page.waitForFunction((n) => {
    const imgs = [...document.querySelectorAll('[data-testid="attachment"] img')];
    return imgs.length === n && imgs.every((img) => img.complete && img.naturalWidth > 0);
  }, n);
}

test('photos travel in a bundle written and read one at a time; a changed one is refused; locked too', async () => {
  const a = new Office(await env.newApp(), 'ศูนย์ประสานงานภาคเหนือ');
  const b = new Office(await env.newApp(), 'สำนักงานเมืองแม่สอด');
  const c = new Office(await env.newApp(), 'สำนักงานเมืองน่าน');
  await a.setOffice('สมศรี ใจดี');
  await b.setOffice('สมชาย รักเมือง');
  await c.setOffice('สมหญิง ใจงาม');
  await a.loadExample();

  const s = new Screens(a.app);
  await s.openCity(MAE_SOT);
  await a.page.getByTestId('add-project').click();
  await a.page.getByTestId('project-editor').waitFor();
  await s.fill('title', 'ลานกีฬาชุมชนริมเมย');
  await s.fill('proposer', 'ชุมชนริมเมย');
  await s.choose('category', 'ที่อยู่อาศัย');
  const photos = [
    { name: 'ก่อนสร้าง.png', mimeType: 'image/png', buffer: await drawPhoto(a.page, 1200, 900, 1) },
    { name: 'หลังสร้าง.png', mimeType: 'image/png', buffer: await drawPhoto(a.page, 1200, 900, 2) },
  ];
  await a.page.getByTestId('attachments').getByTestId('attach-files').setInputFiles(photos);
  await photosShown(a.page, 2);
  await s.saveAndWait(/\/projects\/[0-9a-f-]{36}$/);
  const project = s.idInUrl();

  // The file as the README documents it.
  const sent = await a.exportBundle();
  const text = await readFile(sent.file, 'utf8');
  const doc = JSON.parse(text);
  assert.equal(doc.format, 'mueang-data');
  assert.deepEqual(doc.manifest.attachments, { mode: 'included', files: 2, not_carried: 0 });
  assert.equal(doc.attachments.length, 2);
  for (const f of doc.attachments) {
    assert.deepEqual(Object.keys(f), ['sha256', 'media_type', 'size', 'data']);
    const bytes = Buffer.from(f.data, 'base64');
    assert.equal(bytes.length, f.size);
    assert.equal(createHash('sha256').update(bytes).digest('hex'), f.sha256);
    assert.equal(f.media_type, 'image/jpeg');
  }
  assert.ok(text.indexOf('"attachments":[') < text.lastIndexOf('"records":'), 'records stay last');
  assert.deepEqual(Object.keys(doc).slice(-2), ['attachments', 'records']);

  // One photo changed on the way: refused in Thai, nothing stored.
  const changed = structuredClone(doc);
  const bytes = Buffer.from(changed.attachments[1].data, 'base64');
  bytes[bytes.length >> 1] ^= 1;
  changed.attachments[1].data = bytes.toString('base64');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mueang-photos-'));
  const bad = path.join(dir, 'changed.json');
  // Written compactly in the exporter's field order, so it is read one photo at a time too.
  await writeFile(bad, JSON.stringify(changed));
  await b.app.goto('/sync');
  const empty = await b.storeSnapshot();
  await b.choose(bad, { stay: true });
  const refusal = b.importFile().getByTestId('import-error');
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /ไม่ตรงกับรหัสตรวจสอบ/);
  assert.equal(await b.page.getByTestId('import-apply').count(), 0);
  assert.equal(await b.storeSnapshot(), empty, 'IndexedDB is exactly as it was');

  // As sent: both photos kept and shown at b.
  await b.choose(sent.file);
  assert.match(await b.apply(), /นำเข้าเรียบร้อย/);
  await b.app.goto(`/projects/${project}`);
  await b.page.getByTestId('project-editor').waitFor();
  await photosShown(b.page, 2);

  // Locked: the photos are encrypted with the rest and arrive the same.
  const locked = await a.exportBundle({ passphrase: PASS });
  const lockedText = await readFile(locked.file, 'utf8');
  assert.equal(JSON.parse(lockedText).format, 'mueang-encrypted');
  assert.ok(!lockedText.includes(doc.attachments[0].data.slice(0, 64)), 'no photo readable');
  await c.choose(locked.file);
  await c.importFile().getByTestId('unlock-pass').fill(PASS);
  await c.importFile().getByTestId('unlock-button').click();
  assert.match(await c.apply(), /นำเข้าเรียบร้อย/);
  await c.app.goto(`/projects/${project}`);
  await c.page.getByTestId('project-editor').waitFor();
  await photosShown(c.page, 2);

  for (const o of [a, b, c]) {
    assert.deepEqual(o.app.errors, [], `page errors at ${o.name}`);
    await o.app.context.close();
  }
});
