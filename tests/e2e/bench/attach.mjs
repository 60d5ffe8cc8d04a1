// `make bench-attach`: 200 photos from the field, in headless Chromium against the release
// build in dist/ (issue #13: "a bundle with 200 photos (~60 MB) … prints its time and peak
// memory"). Prints numbers; asserts nothing about time.
//
//   1. Adds BENCH_PHOTOS camera photos (2,304 × 1,728 px = 4 MP JPEG, drawn in the page with texture and sensor-like noise so they compress like
//      photos) through the attachments panel of new projects, 50 to a project (a record
//      holds at most 100). The app scales each to 1,600 px JPEG, hashes and keeps it, as on
//      a tablet. Time per photo: from one thumbnail appearing to the next (median), and the
//      total from choosing the files to the last thumbnail.
//   2. Exports a bundle with attachments from /sync: time from "Export" to the download,
//      and the file's size.
//   3. Imports it into a fresh profile (a new browser context, empty storage), then again
//      with the CPU slowed 4× (a field tablet): time to the preview, and to "saved"; counts
//      the blobs kept and what the progress bar showed while the files were checked
//      ("กำลังตรวจไฟล์แนบ 37 / 200") and kept ("กำลังเก็บไฟล์แนบ 37 / 200").
//   Peak memory of each phase, sampled every 100 ms (see `heapSampler`): the JS heap and,
//   apart from it, the ArrayBuffers; then the wasm's linear memory at the phase's end (it
//   only grows). The blobs the browser keeps on disk are in none of them.
//
//   node bench/attach.mjs                (BENCH_PHOTOS=200, 50 per project)
import fs from 'node:fs';
import { setup } from '../lib/browser.mjs';
import { Screens } from '../lib/screens.mjs';

const PHOTOS = Number(process.env.BENCH_PHOTOS || 200);
const PER_RECORD = Number(process.env.BENCH_PER_RECORD || 50);
const [CAM_W, CAM_H] = [2304, 1728];
const MAE_SOT = 'เทศบาลนครแม่สอด';

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const mb = (bytes) => (bytes / 1e6).toFixed(1);

/**
 * Samples the page's memory every 100 ms until `stop()`, which resolves with the peaks in
 * bytes: `heap`, the JS heap (CDP Performance.getMetrics' JSHeapUsedSize), and `buffers`,
 * the ArrayBuffers' backing stores (Runtime.getHeapUsage's backingStorageSize: files and
 * bundles being read or written) — outside the JS heap, so counted apart. The wasm's
 * linear memory is in neither here: `wasmMemory` reads it.
 */
async function heapSampler(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  let buffers = 0;
  const read = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value || 0;
    peak = Math.max(peak, used);
    const usage = await cdp.send('Runtime.getHeapUsage').catch(() => ({}));
    buffers = Math.max(buffers, usage.backingStorageSize || 0);
  };
  // A sampling interval, not a wait: nothing is asserted after it.
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    read().catch(() => {}).finally(() => { busy = false; });
  }, 100);
  return {
    async stop() {
      clearInterval(timer);
      await read().catch(() => {});
      await cdp.detach().catch(() => {});
      return { heap: peak, buffers };
    },
  };
}

/** Draws `n` distinct camera-sized JPEGs in the page, for `handOver`. */
async function makePhotos(page, n, seed) {
  return page.evaluate(async ([n, seed, w, h]) => {
    const files = [];
    for (let k = 0; k < n; k += 1) {
      const c = new OffscreenCanvas(w, h);
      const g = c.getContext('2d');
      const hue = (seed * 37 + k * 13) % 360;
      const sky = g.createLinearGradient(0, 0, 0, h);
      sky.addColorStop(0, `hsl(${hue}, 55%, 72%)`);
      sky.addColorStop(1, `hsl(${(hue + 40) % 360}, 35%, 60%)`);
      g.fillStyle = sky;
      g.fillRect(0, 0, w, h);
      let r = seed * 1000 + k + 1;
      const rnd = () => { r = (r * 1103515245 + 12345) & 0x7fffffff; return r / 0x7fffffff; };
      for (let i = 0; i < 400; i += 1) {
        g.fillStyle = `hsla(${Math.floor(rnd() * 360)}, ${30 + rnd() * 40}%, ${25 + rnd() * 50}%, 0.8)`;
        const x = rnd() * w; const y = rnd() * h; const s = 20 + rnd() * 260;
        if (i % 2) g.fillRect(x, y, s, s * (0.3 + rnd()));
        else { g.beginPath(); g.ellipse(x, y, s / 2, s / 3, rnd() * 3, 0, 7); g.fill(); }
      }
      // Sensor noise, so the JPEG is as large as a camera's (a flat drawing compresses
      // to almost nothing).
      const img = g.getImageData(0, 0, w, h);
      const d = img.data;
      for (let i = 0; i < d.length; i += 4) {
        const v = ((rnd() * 24) | 0) - 12;
        d[i] += v; d[i + 1] += v; d[i + 2] += v;
      }
      g.putImageData(img, 0, 0);
      const blob = await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
      files.push(new File([blob], `IMG_${String(seed * 1000 + k).padStart(4, '0')}.jpg`, { type: 'image/jpeg' }));
    }
    window.benchFiles = files;
  }, [n, seed, CAM_W, CAM_H]);
}

/**
 * Hands the files drawn by `makePhotos` to the attachments panel's file input as one choice
 * (as a person picking from the gallery does); resolves with the times (performance.now())
 * at which each thumbnail appeared, when the files were handed over, and their bytes.
 */
async function handOver(page) {
  return page.evaluate(async () => {
    const files = window.benchFiles;
    window.benchFiles = null;
    const n = files.length;
    const input = document.querySelector('[data-testid="attachments"] [data-testid="attach-files"]');
    const list = document.querySelector('[data-testid="attachments"] ul.thumbs');
    const times = [];
    const done = new Promise((resolve) => {
      const seen = () => list.querySelectorAll('[data-testid="attachment"]').length;
      const obs = new MutationObserver(() => {
        while (times.length < seen()) times.push(performance.now());
        if (times.length >= n) { obs.disconnect(); resolve(); }
      });
      obs.observe(list, { childList: true, subtree: true });
    });
    const bytes = files.reduce((a, f) => a + f.size, 0);
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(f);
    const start = performance.now();
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await done;
    return { start, times, bytes };
  });
}

/** The wasm's linear memory now, in bytes (it only grows: the phase's peak). */
async function wasmMemory(page) {
  return page.evaluate(async () => {
    const js = document.querySelector('meta[name="mueang-js"]')?.content;
    if (!js) return NaN;
    // wasm-bindgen's init hands back the instance already made.
    const exports = await (await import(js)).default();
    return exports.memory?.buffer.byteLength ?? NaN;
  }).catch(() => NaN);
}

/**
 * Imports `file` into a fresh profile (a new browser context, empty storage), the CPU
 * slowed `cpu` times (4: a field tablet, as `make bench-load` assumes); prints the times,
 * the files kept, the memory and what the progress bar counted.
 */
async function importInto(env, file, cpu, earlier) {
  const fresh = await env.newApp({ width: 800, height: 1280 });
  const p2 = fresh.page;
  await fresh.goto('/sync');
  if (cpu > 1) {
    const cdp = await fresh.context.newCDPSession(p2);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  }
  // The bar's per-file counts as the person sees them move: while the files are checked
  // ("กำลังตรวจไฟล์แนบ 37 / 200", before the preview) and kept ("กำลังเก็บไฟล์แนบ 37 / 200").
  await p2.evaluate(() => {
    window.benchCounts = { checked: [], kept: [] };
    new MutationObserver(() => {
      const t = document.querySelector('[data-testid="sync-progress"]')?.textContent || '';
      const m = /(\d+) \/ (\d+)/.exec(t);
      const list = t.includes('ตรวจไฟล์แนบ') ? window.benchCounts.checked : window.benchCounts.kept;
      if (m && list[list.length - 1] !== m[0]) list.push(m[0]);
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  const heapImport = await heapSampler(p2);
  const t1 = Date.now();
  await p2.getByTestId('import-input').setInputFiles(file);
  await p2.getByTestId('import-preview').waitFor({ timeout: 600_000 });
  const previewMs = Date.now() - t1;
  const t2 = Date.now();
  await p2.getByTestId('import-apply').click();
  await p2.getByTestId('import-done').waitFor({ timeout: 600_000 });
  const applyMs = Date.now() - t2;
  const peakImport = await heapImport.stop();
  const counts = await p2.evaluate(() => window.benchCounts);
  const received = await p2.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('mueang');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const n = await new Promise((ok, fail) => {
      const r = db.transaction('blobs').objectStore('blobs').count();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    db.close();
    return n;
  });
  console.log(`import into a fresh profile${cpu > 1 ? ` (CPU ×${cpu})` : ''}: preview ${(previewMs / 1000).toFixed(1)} s, save ${(applyMs / 1000).toFixed(1)} s, `
    + `total ${((previewMs + applyMs) / 1000).toFixed(1)} s; ${received} files kept; peak JS heap ${mb(peakImport.heap)} MB, array buffers ${mb(peakImport.buffers)} MB; wasm memory ${mb(await wasmMemory(p2))} MB`);
  for (const [what, list] of Object.entries(counts)) {
    console.log(`  the bar counted the files ${what} ${list.length} times: ${list.slice(0, 3).join(', ')}`
      + `${list.length > 3 ? ` … ${list[list.length - 1]}` : ''}`);
  }
  if (fresh.errors.length || earlier.length) console.log('page errors:', [...earlier, ...fresh.errors].map(String));
  await fresh.context.close();
}

const env = await setup();
try {
  // ---- 1. add the photos, PER_RECORD to a new project
  const app = await env.newApp({ width: 800, height: 1280 });
  const page = app.page;
  const s = new Screens(app);
  await s.loadExample();
  await app.goto('/settings');
  await page.getByTestId('office-name-input').fill('สำนักงานภาคเหนือ (ทดสอบ)');
  await page.getByTestId('person-input').fill('ผู้ทดสอบ');
  await page.getByTestId('save-settings').click();
  await page.locator('.saved[role="status"]').waitFor();

  // Sampled only while the app works, not while the test draws the photos.
  const peakAdd = { heap: 0, buffers: 0 };
  const perPhoto = [];
  let addTotal = 0;
  let cameraBytes = 0;
  for (let done = 0, seed = 1; done < PHOTOS; seed += 1) {
    const n = Math.min(PER_RECORD, PHOTOS - done);
    await s.openCity(MAE_SOT);
    await page.getByTestId('add-project').click();
    await page.getByTestId('project-editor').waitFor();
    await s.fill('title', `งานปรับปรุงบ้าน ชุดที่ ${seed}`);
    await s.fill('proposer', 'ชุมชนริมเมย');
    await s.choose('category', 'ที่อยู่อาศัย');
    await page.getByTestId('attachments').getByTestId('no-attachments').waitFor();
    await makePhotos(page, n, seed);
    const heapAdd = await heapSampler(page);
    const { start, times, bytes } = await handOver(page);
    const peak = await heapAdd.stop();
    peakAdd.heap = Math.max(peakAdd.heap, peak.heap);
    peakAdd.buffers = Math.max(peakAdd.buffers, peak.buffers);
    cameraBytes += bytes;
    addTotal += times[times.length - 1] - start;
    times.forEach((t, i) => perPhoto.push(t - (i ? times[i - 1] : start)));
    await s.saveAndWait(/\/projects\/[0-9a-f-]{36}$/);
    done += n;
    console.log(`  project ${seed}: ${n} photos in ${((times[times.length - 1] - start) / 1000).toFixed(1)} s`);
  }
  const kept = await page.evaluate(async () => {
    const db = await new Promise((ok, fail) => {
      const r = indexedDB.open('mueang');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    const all = await new Promise((ok, fail) => {
      const r = db.transaction('blobs').objectStore('blobs').getAll();
      r.onsuccess = () => ok(r.result);
      r.onerror = () => fail(r.error);
    });
    db.close();
    return { files: all.length, bytes: all.reduce((a, b) => a + (b.size || b.blob?.size || 0), 0) };
  });
  console.log(`add ${PHOTOS} photos (${CAM_W} × ${CAM_H} JPEG, ${mb(cameraBytes / PHOTOS)} MB each on average, `
    + `scaled to 1,600 px): median ${median(perPhoto).toFixed(0)} ms a photo, total ${(addTotal / 1000).toFixed(1)} s; `
    + `kept ${kept.files} files, ${mb(kept.bytes)} MB; peak JS heap ${mb(peakAdd.heap)} MB, array buffers ${mb(peakAdd.buffers)} MB; wasm memory ${mb(await wasmMemory(page))} MB`);

  // ---- 2. export with attachments
  await app.goto('/sync');
  await page.getByTestId('export-attachments').check();
  const heapExport = await heapSampler(page);
  const t0 = Date.now();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 600_000 }),
    page.getByTestId('export-button').click(),
  ]);
  await page.getByTestId('export-done').waitFor({ timeout: 600_000 });
  const exportMs = Date.now() - t0;
  const peakExport = await heapExport.stop();
  const file = `${fs.mkdtempSync('/tmp/mueang-bench-attach-')}/${download.suggestedFilename()}`;
  await download.saveAs(file);
  const size = fs.statSync(file).size;
  console.log(`export with attachments: ${(exportMs / 1000).toFixed(1)} s, bundle ${mb(size)} MB `
    + `(${download.suggestedFilename()}); peak JS heap ${mb(peakExport.heap)} MB, array buffers ${mb(peakExport.buffers)} MB; wasm memory ${mb(await wasmMemory(page))} MB`);
  await app.context.close();

  // ---- 3. import into a fresh profile
  for (const cpu of [1, 4]) await importInto(env, file, cpu, app.errors);
  fs.rmSync(file, { force: true });
} finally {
  await env.stop();
}
