// Dated progress reports (issue 13), at 800×1280 in Thai: a project of the example's city
// is approved; a report whose spending is above the approved amount shows
// progress.exceeds_approved at the field as it is typed; corrected and saved, it is in the
// project's history (newest first) after a reload, and its percent is the project's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setup, SCREENSHOTS } from '../lib/browser.mjs';
import { Screens } from '../lib/screens.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

const MAE_SOT = 'เทศบาลนครแม่สอด';

test('a progress report above the approved amount is flagged at the field, then kept in the history', async () => {
  const app = await env.newApp({ width: 800, height: 1280 });
  const page = app.page;
  const s = new Screens(app);
  await s.loadExample();

  // ---- a project of Mae Sot, approved for 50,000 on 10 Feb 2018
  const cityId = await s.openCity(MAE_SOT);
  await page.getByTestId('add-project').click();
  await page.getByTestId('project-editor').waitFor();
  await s.fill('title', 'ลานกีฬาชุมชนริมเมย');
  await s.fill('proposer', 'ชุมชนริมเมย');
  await s.choose('category', 'ที่อยู่อาศัย');
  await s.fill('amount_requested', '50,000');
  await s.fill('amount_approved', '50,000');
  await s.saveAndWait(/\/projects\/[0-9a-f-]{36}$/);
  const projectPath = new URL(page.url()).pathname;
  await s.fill('next-step-date', '10/2/2561');
  await page.getByTestId('to-approved').click();
  await s.field('status_history[1].date').waitFor();
  await page.getByTestId('save-state').filter({ hasText: 'บันทึกครบแล้ว' }).waitFor();

  // ---- the history is empty; the project's own percent stands until a report exists
  const history = page.getByTestId('progress-history');
  await history.getByText('ยังไม่มีรายงานความก้าวหน้า').waitFor();
  await s.field('progress_percent').waitFor();

  // ---- add a report: 60,000 spent is above the 50,000 approved
  await history.getByRole('link', { name: 'เพิ่มรายงานความก้าวหน้า' }).click();
  await page.getByTestId('progress-editor').waitFor();
  assert.match(await page.getByTestId('approved-amount').innerText(), /50,000/);
  await s.fill('date', '15/3/61');
  await s.fill('percent', '60');
  await s.fill('work_done', 'เทพื้นลานกีฬาเสร็จแล้ว');
  await s.fill('spent_to_date', '60,000');
  await s.marks('spent_to_date').filter({ hasText: 'progress.exceeds_approved' }).waitFor();
  assert.deepEqual(await s.rulesAt('spent_to_date'), ['progress.exceeds_approved']);
  assert.match(await s.marks('spent_to_date').first().innerText(), /เกินเงินที่อนุมัติ 50,000 บาท อยู่ 10,000 บาท/);
  const money = page.locator('fieldset', { has: s.field('spent_to_date') });
  await money.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(SCREENSHOTS, 'progress-exceeds-approved.png') });

  // ---- corrected to 45,000: the finding goes, and the report saves back to the project
  await s.fill('spent_to_date', '45,000');
  await page.waitForFunction(() => !document.querySelector('#f-spent_to_date-marks li[data-rule="progress.exceeds_approved"]'));
  assert.deepEqual(await s.findingRules(), []);
  await s.save();
  await s.toast('บันทึกแล้ว');
  await page.waitForURL((u) => u.pathname === projectPath);

  // ---- after a reload: the report in the history, its percent the project's
  await app.reload();
  const item = page.getByTestId('progress-report');
  await item.first().waitFor();
  assert.equal(await item.count(), 1);
  const text = await item.first().innerText();
  assert.match(text, /15 มี\.ค\. 2561/, text);
  assert.match(text, /60%/, text);
  assert.match(text, /45,000/, text);
  assert.match(text, /เทพื้นลานกีฬาเสร็จแล้ว/, text);
  assert.match(await page.getByTestId('latest-progress').innerText(), /60%/);
  assert.equal(await s.field('progress_percent').count(), 0, 'the latest report replaces the own field');
  await history.scrollIntoViewIfNeeded();
  await app.screenshot('progress-history.png');

  // ---- the city sheet and the dashboard use the latest report, as of 1 May 2018
  await app.goto(`/print/city/${cityId}?fy=2561&asof=2018-05-01`);
  const row = page.getByTestId('city-sheet').locator('tr', { hasText: 'ลานกีฬาชุมชนริมเมย' });
  await row.waitFor();
  const cells = await row.locator('td').allInnerTexts();
  assert.ok(cells.includes('60 %') || cells.includes('60%'), cells.join(' | '));
  assert.ok(cells.includes('45,000'), cells.join(' | '));
  assert.ok(cells.some((c) => /15 .*2561/.test(c)), cells.join(' | '));
  await row.scrollIntoViewIfNeeded();
  await app.screenshot('progress-city-sheet.png');
  await app.goto('/reports?fy=2561&region=north&asof=2018-05-01');
  const totals = page.getByTestId('progress-totals');
  await totals.waitFor();
  assert.match(await totals.locator('[data-figure="reported"]').innerText(), /1 \/ 1/);
  assert.match(await totals.locator('[data-figure="spent"]').innerText(), /45,000/);
  assert.match(await totals.locator('[data-figure="approved-reported"]').innerText(), /50,000/);
  await totals.scrollIntoViewIfNeeded();
  await app.screenshot('progress-dashboard.png');

  // ---- the report opens from the history, as saved
  await app.goto(projectPath);
  await item.first().getByRole('link').click();
  await page.getByTestId('progress-editor').waitFor();
  assert.equal(await s.value('spent_to_date'), '45,000');
  assert.equal(await s.value('percent'), '60');

  // ---- the city's instalment can rest on the report: it is offered, newest first
  await app.goto('/instalments');
  await page.locator('.record-link', { hasText: MAE_SOT }).first().click();
  await page.getByTestId('instalment-editor').waitFor();
  const options = await s.field('progress_report_id').locator('option').allInnerTexts();
  assert.ok(options.some((o) => /15 มี\.ค\. 2561 · ลานกีฬาชุมชนริมเมย · 60%/.test(o)), options.join(' | '));
  await s.choose('progress_report_id', options.find((o) => o.includes('ลานกีฬาชุมชนริมเมย')));
  await s.saveAndWait();
  await s.field('progress_report_id').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(SCREENSHOTS, 'progress-instalment.png') });
  assert.deepEqual(await s.rulesAt('progress_report_id'), []);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
