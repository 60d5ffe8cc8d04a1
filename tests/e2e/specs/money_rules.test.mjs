// Money rules as CODI applies them (issue 11), in the browser at 800×1280 in Thai:
//  (1) a dashboard "as of" a day counts only money that had moved by that day;
//  (3) a second instalment the city asked for before the deadline, transferred after it, is
//      not overdue, and waits on its own line until CODI transfers it;
//  (5) a date field shows the full date it understood before saving: "3/2/61" is
//      3 ก.พ. 2561, "3/2/18" reads as BE 2518 (1975) and is flagged, not silently kept.
// Also: where the money goes is shown with the account number masked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setup, SCREENSHOTS } from '../lib/browser.mjs';
import { loadExample, ReportsPage } from '../lib/reports.mjs';
import { Screens } from '../lib/screens.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

const MAE_SOT = 'เทศบาลนครแม่สอด';

/** The text under a date field: the date as the app understood it. */
function dateShown(page, field) {
  return page.locator('.field', { has: page.locator(`#f-${field}`) }).getByTestId('date-shown');
}

/** A picture of the instalment's dates panel, where the request date is typed. */
async function shotOf(page, name) {
  await page.locator('fieldset', { has: page.locator('#f-requested_date') }).screenshot({ path: path.join(SCREENSHOTS, name) });
}

test('as of a day, a request in time waiting for its transfer, and dates read before saving', async () => {
  const app = await env.newApp({ width: 800, height: 1280 });
  const page = app.page;
  const s = new Screens(app);
  await loadExample(app);

  // ---- Mae Sot's receiving account (the example states none): whole on the city's own
  // form, masked on its page.
  const city = await s.openCity(MAE_SOT);
  await page.getByTestId('edit-city').click();
  await page.getByTestId('city-editor').waitFor();
  await s.fill('account.account_name', 'เครือข่ายองค์กรชุมชนเมืองแม่สอด');
  await s.fill('account.bank', 'ธนาคารออมสิน');
  await s.fill('account.branch', 'แม่สอด');
  await s.fill('account.number', '020-1-23456-7');
  await s.saveAndWait(new RegExp(`/cities/${city}$`));
  await page.getByTestId('city-page').waitFor();
  const shownOnPage = await page.getByTestId('city-account').innerText();
  assert.match(shownOnPage, /xxx-x-xx456-7/, shownOnPage);
  assert.doesNotMatch(shownOnPage, /020-1-23456-7/, 'the whole number is only on the form');

  // ---- the first instalment (planned in the example) transferred on 15 Feb 2018
  await app.goto('/instalments');
  await page.locator('.record-link', { hasText: MAE_SOT }).first().click();
  await page.getByTestId('instalment-editor').waitFor();
  assert.match(await page.getByTestId('pays-into').innerText(), /ธนาคารออมสิน สาขาแม่สอด · เลขที่ xxx-x-xx456-7/);
  await s.fill('actual_date', '15/2/61');
  assert.match(await dateShown(page, 'actual_date').innerText(), /15 ก\.พ\. 2561/);
  await page.getByTestId('transfer-ok').waitFor();
  await page.getByTestId('record-transfer').click();
  await page.getByTestId('transferred-on').waitFor();

  // ---- the second instalment: the city asked to draw it on 20 Apr 2018
  await app.goto(`/instalments/new?city=${city}`);
  await page.getByTestId('instalment-editor').waitFor();
  await s.fill('number', '2');
  await s.fill('planned_share', '30');
  await s.fill('amount', '150,000');
  // (5) "3/2/18", meant as 2018, reads as BE 2518 = 1975 and is flagged before saving.
  await s.fill('requested_date', '3/2/18');
  await page.waitForFunction(() => {
    const p = document.querySelector('.field:has(#f-requested_date) [data-testid="date-shown"]');
    return p && p.textContent.includes('3 ก.พ. 2518 (ค.ศ. 1975)');
  });
  const doubt = page.locator('#f-requested_date-marks li', { hasText: 'ก่อนโครงการเริ่ม' });
  await doubt.first().waitFor();
  assert.match(await doubt.first().innerText(), /3 ก\.พ\. 2561/, 'says what to type for 2018');
  await shotOf(page, 'money-date-3-2-18.png');
  // (5) "3/2/61" is 3 ก.พ. 2561, shown before saving, with no warning.
  await s.fill('requested_date', '3/2/61');
  await page.waitForFunction(() => {
    const p = document.querySelector('.field:has(#f-requested_date) [data-testid="date-shown"]');
    return p && p.textContent.includes('3 ก.พ. 2561') && !p.textContent.includes('ค.ศ.');
  });
  await page.waitForFunction(() => !document.querySelector('#f-requested_date-marks li'));
  await shotOf(page, 'money-date-3-2-61.png');
  await s.fill('requested_date', '20 เมษา 61');
  assert.match(await dateShown(page, 'requested_date').innerText(), /20 เม\.ย\. 2561/);
  await s.saveAndWait(/\/instalments\/[0-9a-f-]{36}$/);
  const second = s.idInUrl();

  // ---- (1) as of 2 Feb 2018, the day before the MOU, nothing had been transferred
  const reports = new ReportsPage(app);
  await reports.open('?fy=2561&region=north');
  await reports.setAsOf('2 ก.พ. 2561', '2018-02-02');
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="totals"] [data-figure="transferred"] .card-number');
    return el && el.textContent.trim() === '0';
  });
  assert.equal(await reports.overdueRows().count(), 0);
  // ... and as of 1 Mar 2018 Mae Sot's 350,000 had.
  await reports.setAsOf('1/3/2561', '2018-03-01');
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="totals"] [data-figure="transferred"] .card-number');
    return el && el.textContent.trim() === '350,000';
  });

  // ---- (3) as of 1 May 2018: Mae Sot asked in time, so it waits for the transfer and
  // is not overdue; the other 11 cities are.
  await reports.setAsOf('1 พ.ค. 2561', '2018-05-01');
  const waiting = page.locator('[data-testid="waiting"] tbody tr');
  await waiting.first().waitFor();
  assert.equal(await waiting.count(), 1);
  assert.match(await waiting.first().innerText(), new RegExp(`${MAE_SOT}[\\s\\S]*20 เม\\.ย\\. 2561[\\s\\S]*150,000`));
  assert.match(await page.getByTestId('waiting-heading').innerText(), /ขอเบิกแล้ว รอโอน · 1 เมือง/);
  assert.equal(await reports.overdueRows().count(), 11);
  assert.equal(await reports.overdueRows().filter({ hasText: MAE_SOT }).count(), 0);
  await page.getByTestId('waiting').scrollIntoViewIfNeeded();
  await app.screenshot('money-dashboard-waiting.png');

  // CODI transfers it on 15 May 2018, after the deadline.
  await app.goto(`/instalments/${second}`);
  await page.getByTestId('instalment-editor').waitFor();
  await s.fill('actual_date', '15 พ.ค. 2561');
  await page.getByTestId('transfer-ok').waitFor();
  await page.getByTestId('record-transfer').click();
  await page.getByTestId('transferred-on').waitFor();

  // As of 1 May it was still waiting (the transfer came later) ...
  await reports.open('?fy=2561&region=north&asof=2018-05-01');
  await waiting.first().waitFor();
  assert.equal(await waiting.count(), 1);
  assert.equal(await reports.overdueRows().count(), 11);
  // ... and as of 1 Jun it is neither waiting nor overdue.
  await reports.setAsOf('1/6/2561', '2018-06-01');
  await page.waitForFunction(() => !document.querySelector('[data-testid="waiting"]'));
  assert.equal(await reports.overdueRows().count(), 11);
  assert.equal(await reports.overdueRows().filter({ hasText: MAE_SOT }).count(), 0);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
