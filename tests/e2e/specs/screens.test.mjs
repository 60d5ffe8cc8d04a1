// The other record screens on the Northern example: programme parameters per year, stated
// totals set beside the records, grants with the expected amounts, the Findings page and
// its filters (kept in the address), two tabs following each other, the banners for
// refused persistence and unexported changes, and the layouts at landscape and phone
// widths. Axe on every screen; screenshots in Thai.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setup, SCREENSHOTS } from '../lib/browser.mjs';
import { Screens, persistAnswer } from '../lib/screens.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

/** A fresh app with persistence granted (no banner) and the example loaded. */
async function withExample(viewport) {
  const app = await env.newApp(viewport);
  await persistAnswer(app.context, true);
  const s = new Screens(app);
  await s.loadExample();
  return { app, s, page: app.page };
}

test('programme parameters: the shipped year, a new year from its amounts, one set per year', async () => {
  const { app, s, page } = await withExample();
  await app.goto('/parameters');
  const row = page.getByTestId('parameters-2561');
  await row.waitFor();
  assert.match(await row.innerText(), /50,000\.00[\s\S]*500,000\.00[\s\S]*30,000\.00[\s\S]*20,000\.00[\s\S]*10,000\.00[\s\S]*70%[\s\S]*30 เม\.ย\. 2561/);
  await s.expectNoAxeViolations('the parameters list');
  await app.screenshot('screens-parameters.png');

  await page.getByTestId('add-parameters').click();
  await page.getByTestId('parameters-editor').waitFor();
  assert.equal(await s.value('fiscal_year'), '2562', 'the year after the latest');
  assert.equal(await s.value('project_max'), '50,000', 'amounts in force are the starting point');
  assert.equal(await s.value('second_instalment_deadline'), '', 'a deadline belongs to its year');
  await s.fill('fiscal_year', '2561');
  await page.getByTestId('same-year').waitFor();
  await s.fill('fiscal_year', '2562');
  await page.getByTestId('same-year').waitFor({ state: 'detached' });
  await s.fill('first_instalment_share', '๖๐');
  await s.fill('second_instalment_deadline', '30 เม.ย. 2562');
  await s.fill('project_max', '60,000');
  await s.expectNoAxeViolations('the parameters form');
  await app.screenshot('screens-parameters-new.png');
  await s.saveAndWait(/\/parameters\/[0-9a-f-]{36}$/);
  await app.goto('/parameters');
  const next = page.getByTestId('parameters-2562');
  await next.waitFor();
  assert.match(await next.innerText(), /60,000\.00[\s\S]*60%[\s\S]*30 เม\.ย\. 2562/);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('a stated total is set beside the records, and its finding follows what is typed', async () => {
  const { app, s, page } = await withExample();
  await app.goto('/stated-totals');
  await page.locator('.record-link', { hasText: '6.6 ล้านบาท' }).click();
  await page.getByTestId('stated-total-editor').waitFor();
  const table = page.getByTestId('comparison');
  await page.locator('tr.mismatch').waitFor();
  const text = await table.innerText();
  assert.match(text, /6,600,000\.00\s+6,410,000\.00\s+190,000\.00/);
  assert.match(text, /12\s+12\s+0/);
  assert.deepEqual(await s.waitForFindings(['total.stated_mismatch']), ['total.stated_mismatch']);
  await s.expectNoAxeViolations('the stated total');
  await app.screenshot('screens-stated-total.png');
  await s.fill('amount', '6,410,000');
  assert.deepEqual(await s.waitForFindings([]), [], 'typing the computed figure clears the finding before saving');
  await page.locator('tr.mismatch').waitFor({ state: 'detached' });
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('grants show the amount the year expects and flag one that differs', async () => {
  const { app, s, page } = await withExample();
  await app.goto('/grants');
  await page.getByTestId('committee-grants').locator('.record-link').nth(11).waitFor();
  assert.equal(await page.getByTestId('committee-grants').locator('.record-link').count(), 12);
  assert.equal(await page.getByTestId('province-grants').locator('.record-link').count(), 9);
  await s.expectNoAxeViolations('the grants list');
  await app.screenshot('screens-grants.png');
  await page.getByTestId('committee-grants').locator('.record-link', { hasText: 'เทศบาลนครแม่สอด' }).click();
  await page.getByTestId('committee-grant-editor').waitFor();
  assert.match(await page.getByTestId('expected-amount').innerText(), /30,000\.00/);
  await s.fill('amount', '25,000');
  await page.locator('#f-amount-marks li[data-rule="committee_grant.amount"]').waitFor();
  await s.expectNoAxeViolations('the committee grant form');
  await app.screenshot('screens-committee-grant.png');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('the Findings page filters by importance, rule and city, and links to the record', async () => {
  const { app, s, page } = await withExample();
  await app.goto('/findings');
  await page.locator('.finding-row').nth(12).waitFor();
  const all = await s.findingsPageRules();
  assert.equal(all.length, 13, '12 overdue cities and the stated-total mismatch');
  assert.equal(all.filter((r) => r === 'instalment.overdue').length, 12);
  await s.expectNoAxeViolations('the Findings page');
  await app.screenshot('screens-findings.png');

  await s.choose('filter-importance', 'ข้อผิดพลาด (0)');
  await page.getByTestId('findings-empty').waitFor();
  assert.match(page.url(), /\?importance=error$/);
  await s.choose('filter-importance', 'คำเตือน (13)');
  await page.locator('.finding-row').nth(12).waitFor();
  await s.field('filter-rule').selectOption('total.stated_mismatch');
  await page.waitForURL(/importance=warning&rule=total\.stated_mismatch$/);
  assert.deepEqual(await s.findingsPageRules(), ['total.stated_mismatch']);
  await s.field('filter-rule').selectOption('');
  await s.choose('filter-city', 'เทศบาลนครแม่สอด');
  await page.waitForURL(/city=[0-9a-f-]{36}$/);
  await page.waitForFunction(() => document.querySelectorAll('.finding-row').length === 1);
  assert.deepEqual(await s.findingsPageRules(), ['instalment.overdue']);
  // The filtered view is an address: opening it again shows the same.
  const url = page.url();
  await app.reload();
  await page.waitForFunction(() => document.querySelectorAll('.finding-row').length === 1);
  assert.equal(page.url(), url);
  await page.getByRole('button', { name: 'ล้างตัวกรอง' }).click();
  await page.locator('.finding-row').nth(12).waitFor();
  await page.locator('.finding-row[data-rule="total.stated_mismatch"] a.open-record').click();
  await page.waitForURL(/\/stated-totals\/[0-9a-f-]{36}#f-amount$/);
  await page.getByTestId('stated-total-editor').waitFor();
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('two tabs: the second follows the first; typed fields stay, the rest follow; nothing is lost', async () => {
  const app = await env.newApp();
  await persistAnswer(app.context, true);
  const a = new Screens(app);
  await a.loadExample();
  const second = await app.context.newPage();
  const errors = [];
  second.on('pageerror', (e) => errors.push(e));
  const b = new Screens({ page: second, context: app.context, baseUrl: app.baseUrl, errors });
  await second.goto(app.baseUrl + '/committees');
  await second.getByTestId('committees-page').waitFor();
  assert.equal(await second.getByTestId('row-count').innerText().then((t) => parseInt(t, 10)), 0);

  // Tab A records a committee; tab B's list shows it without a reload.
  await app.goto('/committees/new');
  await app.page.getByTestId('committee-editor').waitFor();
  await a.choose('city_id', 'เทศบาลนครแม่สอด');
  await a.fill('name', 'คณะกรรมการเมืองแม่สอด');
  await a.saveAndWait(/\/committees\/[0-9a-f-]{36}$/);
  const id = a.idInUrl();
  await second.locator('.record-link', { hasText: 'คณะกรรมการเมืองแม่สอด' }).waitFor();
  await second.getByTestId('tab-followed').waitFor();

  // Tab B opens it untouched; tab A renames it; B's form follows.
  await second.goto(`${app.baseUrl}/committees/${id}`);
  await second.getByTestId('committee-editor').waitFor();
  await a.fill('name', 'คณะกรรมการเมืองแม่สอด (ชุดใหม่)');
  await a.saveAndWait();
  await second.waitForFunction(() => document.querySelector('#f-name').value === 'คณะกรรมการเมืองแม่สอด (ชุดใหม่)');

  // Tab B types a new name; tab A adds a member and saves. B keeps what it typed and takes
  // the member it did not touch, so B's save loses neither change.
  await b.fill('name', 'ชื่อที่กำลังพิมพ์ในแท็บสอง');
  await a.addLine('add-member', 'member', 0);
  await a.fill('members[0].name', 'นายสมชาย ใจดี');
  await a.choose('members[0].sector', 'ชุมชน');
  await a.saveAndWait();
  await second.locator('[data-testid="member-0"]').waitFor();
  assert.equal(await b.value('name'), 'ชื่อที่กำลังพิมพ์ในแท็บสอง', 'typing in the second tab is kept');
  assert.equal(await b.value('members[0].name'), 'นายสมชาย ใจดี', 'the member added in the first tab arrives');
  await b.save();
  await b.toast('บันทึกแล้ว');
  await app.page.waitForFunction(() => document.querySelector('#f-name').value === 'ชื่อที่กำลังพิมพ์ในแท็บสอง');
  assert.equal(await a.value('members[0].name'), 'นายสมชาย ใจดี', 'both changes survive');
  await second.screenshot({ path: path.join(SCREENSHOTS, 'screens-two-tabs.png') });
  assert.deepEqual(app.errors, []);
  assert.deepEqual(errors, []);
  await app.context.close();
});

/**
 * Waits until the app has heard the browser refuse persistent storage (the settings screen,
 * reached by a link so nothing reloads, says so); the banners decide on that answer, so a
 * banner's absence means something only after it.
 */
async function storageRefused(app) {
  await app.navigate('/settings');
  await app.page.waitForFunction((checking) => {
    const p = document.querySelector('[data-testid="persistence"]');
    return p && p.textContent.trim() !== '' && p.textContent.trim() !== checking;
  }, 'กำลังตรวจสอบ…');
  assert.match(await app.page.getByTestId('persistence').innerText(), /อาจลบข้อมูล|may clear/);
}

/** Makes this device the office that typed the Northern example (in 2018). */
async function asNorthernOffice(context) {
  await context.addInitScript(() => {
    if (!localStorage.getItem('mueang.settings.v1')) {
      localStorage.setItem('mueang.settings.v1', JSON.stringify({ lang: 'th', office_name: 'สำนักงานภาคเหนือ พอช.', office_id: 'codi-north', person: '' }));
    }
  });
}

test('banners: refused persistence once there is data to lose, and changes not exported for a week', async () => {
  // Refused, but nothing typed on this device yet: no banner.
  const app = await env.newApp();
  await persistAnswer(app.context, false);
  await asNorthernOffice(app.context);
  await app.goto('/');
  await app.page.getByTestId('home-empty').waitFor();
  await storageRefused(app);
  const banner = app.page.getByTestId('persist-banner');
  assert.equal(await banner.count(), 0, 'an empty app has nothing to lose');
  // This office's records (typed in 2018, never exported): both banners.
  await new Screens(app).loadExample();
  await banner.waitFor();
  assert.match(await banner.innerText(), /ส่งออกข้อมูลเป็นประจำ/);
  const reminder = app.page.getByTestId('export-reminder');
  await reminder.waitFor();
  assert.ok(parseInt(await app.page.getByTestId('export-changed').innerText(), 10) >= 12);
  await new Screens(app).expectNoAxeViolations('the banners');
  await app.screenshot('screens-banners.png');
  // "Later" hides each, also after a reload.
  await app.page.getByTestId('persist-dismiss').click();
  await banner.waitFor({ state: 'detached' });
  await app.page.getByTestId('export-dismiss').click();
  await reminder.waitFor({ state: 'detached' });
  await app.reload();
  await app.loaded();
  await storageRefused(app);
  assert.equal(await banner.count(), 0);
  assert.equal(await reminder.count(), 0);
  assert.deepEqual(app.errors, []);
  await app.context.close();

  // Granted: no persistence banner even with this office's data.
  const ok = await env.newApp();
  await persistAnswer(ok.context, true);
  await asNorthernOffice(ok.context);
  await new Screens(ok).loadExample();
  await ok.page.getByTestId('export-reminder').waitFor();
  assert.equal(await ok.page.getByTestId('persist-banner').count(), 0);
  await ok.context.close();

  // Data from another office only (the example, loaded here): nothing to export.
  const other = await env.newApp();
  await persistAnswer(other.context, false);
  await new Screens(other).loadExample();
  await other.loaded();
  await storageRefused(other);
  assert.equal(await other.page.getByTestId('export-reminder').count(), 0);
  assert.equal(await other.page.getByTestId('persist-banner').count(), 0);
  await other.context.close();
});

for (const [name, viewport] of [['landscape', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
  test(`screens fit at ${name} width, with touch targets of 44 px`, async () => {
    const { app, s, page } = await withExample(viewport);
    for (const path of ['/committees/new', '/meetings/new', '/mous/new', '/instalments', '/grants', '/findings', '/parameters']) {
      await app.navigate(path);
      const overflow = await page.evaluate(() => document.scrollingElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at ${name} width`);
      const small = await page.evaluate(() => [...document.querySelectorAll('main button, main input, main select, main textarea, main .button')]
        .filter((el) => el.checkVisibility && el.checkVisibility())
        // A hidden file input is pressed through its label (the camera and file buttons):
        // the label is the touch target.
        .map((el) => (el.matches('.visually-hidden') && el.labels && el.labels[0]) || el)
        .map((el) => ({ el: el.outerHTML.slice(0, 80), h: el.getBoundingClientRect().height, w: el.getBoundingClientRect().width }))
        .filter((r) => r.h < 44 || r.w < 44));
      assert.deepEqual(small, [], `${path}: controls under 44 px`);
    }
    await app.goto('/meetings/new');
    await page.getByTestId('meeting-editor').waitFor();
    await app.screenshot(`screens-meeting-${name}.png`);
    await s.expectNoAxeViolations(`the meeting form at ${name} width`);
    await app.goto('/mous/new');
    await page.getByTestId('add-standard-signatories').waitFor();
    await s.choose('add-city', 'เทศบาลนครแม่สอด');
    await page.getByTestId('add-standard-signatories').click();
    await page.getByTestId('signatory-4').waitFor();
    await app.screenshot(`screens-mou-${name}.png`);
    await s.expectNoAxeViolations(`the MOU form at ${name} width`);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  });
}
