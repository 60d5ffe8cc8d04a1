// `make bench-csv-web`: the spreadsheet import's preview in headless Chromium against the
// release build in dist/ (issue #12, item 4: 20,000 rows in under 2 s). Prints, for each
// run, the time from handing the file to the page until the preview's summary is on
// screen (reading, decoding, headers, every row, and rendering the first rows); asserts
// nothing about time.
//
//   node bench/sheet.mjs SHEET.csv     (written by `mueang bench-csv -o SHEET.csv`)
import fs from 'node:fs';
import path from 'node:path';
import { setup } from '../lib/browser.mjs';
import { Survey } from '../lib/survey.mjs';

const file = path.resolve(process.argv[2] || '../../target/bench/sheet-20000.csv');
if (!fs.existsSync(file)) {
  console.error(`no sheet at ${file}: run \`mueang bench-csv -o ${file}\` first`);
  process.exit(2);
}
const RUNS = Number(process.env.BENCH_RUNS || 3);

const env = await setup();
try {
  const app = await env.newApp({ width: 800, height: 1280 });
  const s = new Survey(app);
  const page = s.page;
  await s.loadExample();
  const community = await s.newCommunity('ชุมชนทดลอง (สมมติ)', 20000);
  await app.navigate(`/import?community=${community}`);
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const start = Date.now();
    await page.getByTestId('sheet-input').setInputFiles(file);
    await page.getByTestId('import-summary').filter({ hasText: 'พร้อมบันทึก' }).waitFor({ timeout: 120_000 });
    times.push(Date.now() - start);
    const summary = await page.getByTestId('import-summary').innerText();
    if (i === 0) console.log(`sheet ${path.basename(file)} (${(fs.statSync(file).size / 1e6).toFixed(1)} MB): ${summary}`);
    await page.getByTestId('import-cancel').click();
    await page.getByTestId('import-summary').waitFor({ state: 'detached' });
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`preview in the browser (file handed over → summary shown), runs: ${times.join(', ')} ms; median ${sorted[Math.floor(sorted.length / 2)]} ms (target < 2000 ms)`);
} finally {
  await env.stop();
}
