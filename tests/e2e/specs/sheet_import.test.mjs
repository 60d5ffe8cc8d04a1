// Bringing a spreadsheet in (issue #12, item 4): 800×1280, Thai, the network off after
// the first load. From a community's page, the windows-874 CSV an office's Excel saved is
// read, its Thai headers matched, every row previewed with its problems, nothing stored
// before "confirm" (the community still counts 0), a changed column remembered for the
// same headers, then two households stored and two held back with the reasons counted;
// a picture renamed .csv is refused in Thai and English. Axe on the screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setup } from '../lib/browser.mjs';
import { Survey, MAE_SOT } from '../lib/survey.mjs';

const fixture = (name) => fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url));

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

test('a windows-874 CSV is previewed, stored on confirm only, offline', async () => {
  const app = await env.newApp({ width: 800, height: 1280 });
  const s = new Survey(app);
  const page = s.page;
  await s.loadExample();
  await app.waitForOffline();
  await app.context.setOffline(true);

  const community = await s.newCommunity('ชุมชนริมเมย (สมมติ)', 5);
  await s.waitForProgress('สำรวจแล้ว 0 จาก 5 ครัวเรือน');
  await page.getByTestId('import-link').click();
  await page.locator('main h1', { hasText: 'นำเข้าจากตาราง Excel' }).waitFor();
  assert.equal(await page.getByTestId('import-city').inputValue(), MAE_SOT);
  assert.equal(await page.getByTestId('import-community').inputValue(), community);

  const pick = async () => {
    await page.getByTestId('sheet-input').setInputFiles(fixture('households-874.csv'));
    await page.getByTestId('sheet-source').filter({ hasText: 'windows-874' }).waitFor();
  };
  await pick();
  const summary = page.getByTestId('import-summary');
  await summary.filter({ hasText: 'พร้อมบันทึก 2 ครัวเรือน · ไม่ได้บันทึก 2 แถว · มีข้อสังเกต 1 แถว' }).waitFor();
  // The Thai headers found their fields.
  const select = (i) => page.locator(`#import-column-${i}`);
  assert.equal(await select(0).inputValue(), '', 'ลำดับ is not brought in');
  assert.equal(await select(1).inputValue(), 'house_number');
  assert.equal(await select(2).inputValue(), 'head_name');
  assert.equal(await select(8).inputValue(), 'condition');
  assert.equal(await select(10).inputValue(), 'savings_member');
  // Every row, with its problems; the held-back ones say why.
  const rows = page.getByTestId('import-row');
  assert.equal(await rows.count(), 4);
  assert.equal(await page.locator('tr.row-held').count(), 2);
  const held = await page.locator('tr.row-held').allInnerTexts();
  assert.ok(held[0].includes('ต้องมีสมาชิกอย่างน้อย 1 คน'), held[0]);
  assert.ok(held[1].includes('ไม่มีบ้านเลขที่') && held[1].includes('"สวยงาม" ไม่ตรงกับตัวเลือก'), held[1]);
  await page.getByTestId('import-note').filter({ hasText: 'A ลำดับ' }).waitFor();
  await s.expectNoAxeViolations('the import screen');
  await app.screenshot('sheet-import-preview.png');

  // A column changed by hand is remembered for a file with the same headers.
  await select(0).selectOption('notes');
  await page.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('mueang.import.mapping.') && localStorage.getItem(k).includes('notes')));
  // Nothing is stored before confirming: the community still counts none.
  await app.navigate(`/communities/${community}`);
  await s.waitForProgress('สำรวจแล้ว 0 จาก 5 ครัวเรือน');
  // Opened afresh (a reload, a bookmark): the community's city is chosen once data loads.
  await app.goto(`/import?community=${community}`);
  await page.waitForFunction((c) => document.getElementById('import-city')?.value === c, MAE_SOT);
  await page.waitForFunction((c) => document.getElementById('import-community')?.value === c, community);
  await pick();
  await page.waitForFunction(() => document.getElementById('import-column-0')?.value === 'notes');
  await select(0).selectOption('');
  await page.waitForFunction(() => document.getElementById('import-column-0')?.value === '');

  await page.getByTestId('import-store').click();
  const done = page.getByTestId('import-done');
  await done.waitFor();
  const text = await done.innerText();
  assert.ok(text.includes('บันทึกแล้ว 2 ครัวเรือน') && text.includes('ไม่ได้บันทึก 2 แถว'), text);
  assert.ok(text.includes('จำนวนสมาชิกไม่ถูกต้อง 2 แถว'), text);
  await app.screenshot('sheet-import-done.png');

  // Stored, and still there after a reload.
  await app.navigate(`/communities/${community}`);
  await s.waitForProgress('สำรวจแล้ว 2 จาก 5 ครัวเรือน');
  await page.reload();
  await s.waitForProgress('สำรวจแล้ว 2 จาก 5 ครัวเรือน');
  const numbers = await page.getByTestId('household-row').locator('td:first-child a').allInnerTexts();
  assert.deepEqual(numbers, ['12/1', '12/2']);

  // A picture renamed .csv: refused in both languages, nothing read.
  await page.getByTestId('import-link').click();
  const png = readFileSync(fixture('../../../public/icons/icon-192.png'));
  await page.getByTestId('sheet-input').setInputFiles({ name: 'households.csv', mimeType: 'text/csv', buffer: png });
  const error = page.getByTestId('sheet-error');
  await error.waitFor();
  const why = await error.innerText();
  assert.ok(why.includes('ไม่ใช่ตารางข้อมูล') && why.includes('not a spreadsheet'), why);
  assert.equal(await rows.count(), 0);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
