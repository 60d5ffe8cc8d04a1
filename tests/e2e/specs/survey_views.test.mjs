// Seeing the survey (issue #12, part 5) at 800×1280 in Thai with the network off: the
// fictional survey loaded, then from the menu the survey of every region, down by links to
// a region, a city and a community, each with its coverage, tables and charts; the city's
// household list filtered, sorted and paged, names shown only on request; the printable
// community profile; the households CSV without names. Axe on each screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup } from '../lib/browser.mjs';
import { Screens } from '../lib/screens.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

/** The number on a coverage card (`data-figure`), as shown. */
async function card(page, figure) {
  return (await page.locator(`[data-testid="survey-coverage"] [data-figure="${figure}"] .card-number`).innerText()).trim();
}

test('region → city → community, household list, profile and CSV, offline in Thai', async () => {
  const app = await env.newApp({ width: 800, height: 1280 });
  const page = app.page;
  const r = new Screens(app);
  await app.goto('/');
  await page.getByTestId('load-demo-survey').click();
  await r.toast('โหลดข้อมูลสมมติแล้ว');
  await app.waitForOffline();
  await app.context.setOffline(true);
  const problems = [];
  const axe = async (where) => { for (const v of await r.axe()) problems.push(`${where}: ${v}`); };

  // From the menu: every region.
  await page.getByTestId('nav-group-places').click();
  await page.getByTestId('nav-panel-places').locator('a[href="/survey"]').click();
  await page.getByTestId('survey-view').waitFor();
  await page.getByTestId('survey-coverage').waitFor();
  assert.match(await card(page, 'households-surveyed'), /^300/);
  assert.match(await page.locator('main h1').first().innerText(), /ผลการสำรวจข้อมูลทั้งเมือง · ทุกภาค/);
  await axe('/survey');

  // Down to the region that has the survey: its bar in the coverage chart links there.
  const region = page.locator('[data-testid="chart-coverage"] li', { hasText: 'ภาคเหนือ' }).locator('a');
  await region.click();
  await page.waitForURL(/\/survey\/region\/north$/);
  await page.locator('[data-testid="chart-condition"] li').first().waitFor();
  const cities = await page.locator('[data-testid="chart-condition"] li').count();
  assert.equal(cities, 12, 'the example has 12 cities in the North');
  assert.match(await card(page, 'households-surveyed'), /^300/);
  // Each chart has its table: the same places, the same counts.
  const table = page.locator('.stacked-chart', { has: page.getByTestId('chart-condition') }).locator('tbody tr');
  assert.equal(await table.count(), cities);
  const bar = page.locator('[data-testid="chart-condition"] svg').first();
  assert.match(await bar.getAttribute('aria-label'), /ดี \d+, ต้องซ่อมแซม \d+, ทรุดโทรม \d+, ไม่ได้ระบุ 0/);
  await app.screenshot('survey-region.png');
  await axe('/survey/region/north');

  // A city: the sum of its communities.
  await page.locator('[data-testid="chart-coverage"] li a').first().click();
  await page.waitForURL(/\/survey\/city\/[0-9a-f-]{36}$/);
  const cityUrl = page.url();
  await page.locator('[data-testid="chart-need"] li').first().waitFor();
  const households = Number((await card(page, 'households-surveyed')).split(' ')[0]);
  assert.equal(households, 25, '300 households over 12 cities');
  const perCommunity = await page.locator('.stacked-chart', { has: page.getByTestId('chart-need') })
    .locator('tbody tr').evaluateAll((rows) => rows.map((tr) => [...tr.querySelectorAll('td')].reduce((s, td) => s + Number(td.textContent.replace(/,/g, '')), 0)));
  assert.equal(perCommunity.reduce((a, b) => a + b, 0), households);
  await app.screenshot('survey-city.png');
  await axe('/survey/city/:id');

  // The city's household list: filter, sort, names only on request.
  await page.getByRole('link', { name: 'รายการครัวเรือนทั้งเมือง' }).click();
  await page.getByTestId('survey-households').waitFor();
  await page.getByTestId('household-line').first().waitFor();
  const found = async () => (await page.getByTestId('households-found').innerText()).replace(/\s+/g, ' ');
  assert.match(await found(), /ครัวเรือนที่ตรงเงื่อนไข 25 จาก 25/);
  assert.equal(await page.locator('[data-testid="city-households"] thead th', { hasText: 'หัวหน้าครัวเรือน' }).count(), 0, 'names hidden');
  await page.locator('#hh-condition').selectOption({ label: 'ทรุดโทรม' });
  await page.waitForFunction(() => !/25 จาก 25/.test(document.querySelector('[data-testid="households-found"]').textContent));
  const conditions = await page.locator('[data-testid="household-line"] td:nth-child(4)').allInnerTexts();
  assert.ok(conditions.length > 0 && conditions.every((c) => c.trim() === 'ทรุดโทรม'), conditions.join('|'));
  await page.locator('#hh-condition').selectOption({ label: 'ทั้งหมด' });
  await page.locator('#hh-sort').selectOption('members');
  await page.waitForFunction(() => /25 จาก 25/.test(document.querySelector('[data-testid="households-found"]').textContent));
  const members = (await page.locator('[data-testid="household-line"] td:nth-child(3)').allInnerTexts()).map(Number);
  assert.deepEqual(members, [...members].sort((a, b) => b - a), 'most members first');
  await page.getByTestId('show-personal').check();
  await page.locator('[data-testid="city-households"] thead th', { hasText: 'หัวหน้าครัวเรือน' }).waitFor();
  const head = (await page.locator('[data-testid="household-line"]').first().locator('td').nth(2).innerText()).trim();
  assert.match(head, /\(สมมติ\)/, 'the head of household, shown on request');
  await app.screenshot('survey-households.png');
  await axe('/survey/city/:id/households');

  // CSV: the households file leaves names out unless its own button says otherwise.
  await app.navigate(new URL(cityUrl).pathname);
  await page.getByTestId('survey-downloads').waitFor();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-csv="households"]').click(),
  ]);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mueang-survey-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const csv = await readFile(file, 'utf8');
  assert.equal(csv.split('\r\n').filter(Boolean).length, 26, 'a header and 25 households');
  assert.ok(!csv.includes(head), `no name in the file: ${head}`);
  assert.ok(!csv.includes('หัวหน้าครัวเรือน'));
  assert.match(await page.locator('[data-csv="households-personal"]').innerText(), /รวมชื่อและเบอร์โทร/);

  // A community, and its printable profile.
  await page.locator('[data-testid="chart-coverage"] li a').first().click();
  await page.waitForURL(/\/survey\/community\/[0-9a-f-]{36}$/);
  await page.getByTestId('survey-coverage').waitFor();
  assert.equal(await page.locator('[data-figure="communities-surveyed"]').count(), 0);
  await axe('/survey/community/:id');
  await page.getByRole('link', { name: 'พิมพ์ข้อมูลชุมชน (A4)' }).click();
  await page.getByTestId('community-sheet').waitFor();
  const sheet = await page.getByTestId('community-sheet').innerText();
  assert.match(sheet, /ข้อมูลชุมชน/);
  assert.match(sheet, /สภาพบ้าน/);
  assert.match(sheet, /ยังไม่มีโครงการที่ระบุชุมชนนี้/);
  assert.ok(!sheet.includes(head), 'no name on the profile');
  await page.emulateMedia({ media: 'print' });
  await app.screenshot('survey-profile-print.png');
  await page.emulateMedia({ media: 'screen' });
  await axe('/print/community/:id');

  // A project of the city, approved, serving its first community and reaching 12 households.
  const cityId = new URL(cityUrl).pathname.split('/').pop();
  await app.goto(`/projects/new?city=${cityId}`);
  await page.getByTestId('project-editor').waitFor();
  await r.fill('title', 'ซ่อมบ้านชุมชน (สมมติ)');
  await r.fill('proposer', 'ชุมชน (สมมติ)');
  await r.choose('category', 'ที่อยู่อาศัย');
  await r.fill('amount_requested', '40,000');
  await r.fill('amount_approved', '40,000');
  await page.getByTestId('served-community').first().check();
  await r.fill('households_reached', '12');
  await r.saveAndWait(/\/projects\/[0-9a-f-]{36}$/);
  await r.fill('next-step-date', '10/2/2561');
  await page.getByTestId('to-approved').click();
  await r.field('status_history[1].date').waitFor();
  await page.getByTestId('save-state').filter({ hasText: 'บันทึกครบแล้ว' }).waitFor();

  // Beneficiaries where officers look: the dashboard by region and province, the city sheet.
  await app.goto('/reports?fy=2561');
  const benef = page.getByTestId('beneficiaries-table');
  await benef.locator('tr[data-level="total"]').waitFor();
  const total = async (col) => (await benef.locator(`tr[data-level="total"] [data-col="${col}"]`).innerText()).trim();
  assert.equal(await total('households-surveyed'), '300');
  assert.equal(await total('households-reached'), '12', 'the approved project');
  assert.equal(await total('projects'), '1');
  assert.equal(await total('communities-reached'), '1');
  const [surveyed, all] = (await total('communities-surveyed')).split(' / ').map((n) => Number(n.replace(/,/g, '')));
  assert.ok(surveyed > 0 && surveyed <= all, `${surveyed} / ${all}`);
  assert.equal(await benef.locator('tr[data-level="region"]').count(), 1, 'the North');
  assert.equal(await benef.locator('tr[data-level="province"]').count(), 9, 'its 9 provinces');
  const provinceSum = (await benef.locator('tr[data-level="province"] [data-col="households-surveyed"]').allInnerTexts())
    .reduce((s, n) => s + Number(n.replace(/,/g, '')), 0);
  assert.equal(provinceSum, 300, 'the provinces add up to the total');
  await benef.scrollIntoViewIfNeeded();
  await app.screenshot('beneficiaries-dashboard.png');
  await axe('/reports (beneficiaries)');
  await app.goto(`/print/city/${cityId}?fy=2561`);
  const sheetFigures = page.getByTestId('sheet-beneficiaries');
  await sheetFigures.waitFor();
  const sheetFigure = async (k) => (await sheetFigures.locator(`[data-figure="${k}"] td`).innerText()).trim();
  assert.equal(await sheetFigure('households-surveyed'), '25');
  assert.equal(await sheetFigure('households-reached'), '12');
  assert.match(await page.getByTestId('project-communities').innerText(), /ชุมชน: /, 'the project names its community');
  assert.match(await sheetFigure('communities-surveyed'), /^\d+ \/ \d+$/);
  await sheetFigures.scrollIntoViewIfNeeded();
  await app.screenshot('beneficiaries-city-sheet.png');
  await axe('/print/city/:id (beneficiaries)');

  assert.deepEqual(problems, [], 'axe on the survey views');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
