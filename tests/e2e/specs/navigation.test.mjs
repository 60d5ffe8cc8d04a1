// Finding one's way on a tablet (issue 12, item 8): the main menu's groups at 800×1280 in
// Thai and at a phone's 390×844 in English — every group opens, every link is inside the
// viewport and not cut off, nothing scrolls sideways, Escape closes and gives focus back,
// the page's group is marked; the overview starts with what needs doing; the fictional
// survey loads beside the example, saying what it is. Screenshots for review.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from '../lib/browser.mjs';
import { Records, WCAG_TAGS } from '../lib/records.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

const GROUPS = ['money', 'places', 'reports', 'exchange'];

/** Problems with `locator`'s box in a `width`×`height` viewport: outside it, or clipped text. */
async function outside(locator, width, height, what) {
  const box = await locator.boundingBox();
  if (!box) return [`${what}: not shown`];
  const problems = [];
  if (box.x < 0 || box.x + box.width > width + 0.5) problems.push(`${what}: x ${box.x}..${box.x + box.width} outside 0..${width}`);
  if (box.y < 0 || box.y + box.height > height + 0.5) problems.push(`${what}: y ${box.y}..${box.y + box.height} outside 0..${height}`);
  const clipped = await locator.evaluate((el) => el.scrollWidth > el.clientWidth + 1);
  if (clipped) problems.push(`${what}: text cut off`);
  return problems;
}

async function noSidewaysScroll(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

/** Opens every group in turn by touch and checks its button and links; returns problems. */
async function sweepMenu(app, width, height) {
  const page = app.page;
  const problems = [];
  let links = 0;
  for (const g of GROUPS) {
    const button = page.getByTestId(`nav-group-${g}`);
    const panel = page.getByTestId(`nav-panel-${g}`);
    problems.push(...await outside(button, width, height, `button ${g}`));
    assert.equal(await button.getAttribute('aria-expanded'), 'false');
    await button.click();
    await panel.waitFor({ state: 'visible' });
    assert.equal(await button.getAttribute('aria-expanded'), 'true', `${g} says it is open`);
    // One panel at a time.
    for (const other of GROUPS.filter((o) => o !== g)) {
      assert.equal(await page.getByTestId(`nav-panel-${other}`).isVisible(), false, `${other} closed when ${g} opens`);
    }
    const items = panel.getByRole('link');
    const n = await items.count();
    assert.ok(n >= 2, `${g} has links`);
    for (let i = 0; i < n; i += 1) {
      problems.push(...await outside(items.nth(i), width, height, `${g} link ${await items.nth(i).innerText()}`));
      links += 1;
    }
    if (!await noSidewaysScroll(page)) problems.push(`${g} open: the page scrolls sideways`);
    // A second touch closes it.
    await button.click();
    await panel.waitFor({ state: 'hidden' });
  }
  for (const top of ['/', '/settings']) {
    problems.push(...await outside(page.locator(`nav.mainnav .nav-bar > li > a[href="${top}"]`), width, height, `link ${top}`));
  }
  return { problems, links };
}

test('tablet 800×1280, Thai: every group opens, every link fits, Escape closes, the group is marked', async () => {
  const app = await env.newApp({ width: 800, height: 1280 });
  await app.goto('/');
  const page = app.page;
  assert.equal(await app.htmlLang(), 'th');
  assert.ok(await noSidewaysScroll(page), 'no sideways scroll on the overview');
  const { problems, links } = await sweepMenu(app, 800, 1280);
  assert.deepEqual(problems, []);
  assert.equal(links, 18, 'every screen of the groups');

  // Keyboard: Enter opens, Tab goes into the panel, Escape closes and gives focus back.
  const money = page.getByTestId('nav-group-money');
  await money.focus();
  await page.keyboard.press('Enter');
  await page.getByTestId('nav-panel-money').waitFor({ state: 'visible' });
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '/projects');
  await page.keyboard.press('Escape');
  await page.getByTestId('nav-panel-money').waitFor({ state: 'hidden' });
  assert.equal(await money.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'nav-button-money');

  // A touch outside closes it too.
  await money.click();
  await page.getByTestId('nav-panel-money').waitFor({ state: 'visible' });
  await page.mouse.click(400, 1250);
  await page.getByTestId('nav-panel-money').waitFor({ state: 'hidden' });

  // Following a link closes the panel and marks the group and the page.
  await page.getByTestId('nav-group-places').click();
  await page.getByTestId('nav-panel-places').getByRole('link', { name: 'ชุมชนและการสำรวจ' }).click();
  await page.waitForURL(/\/communities$/);
  await page.getByTestId('nav-panel-places').waitFor({ state: 'hidden' });
  assert.equal(await page.getByTestId('nav-group-places').getAttribute('aria-current'), 'true');
  assert.equal(await page.getByTestId('nav-group-money').getAttribute('aria-current'), null);
  await page.getByTestId('nav-group-places').click();
  assert.equal(
    await page.getByTestId('nav-panel-places').locator('a[aria-current="page"]').innerText(),
    'ชุมชนและการสำรวจ',
  );
  // An editor deeper in the section marks the same group.
  await app.navigate('/grants/province/new');
  assert.equal(await page.getByTestId('nav-group-money').getAttribute('aria-current'), 'true');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('phone 390×844, English: the bar wraps, nothing is cut off', async () => {
  const app = await env.newApp({ width: 390, height: 844 });
  await app.goto('/');
  await app.langSwitch().click();
  await app.page.locator('main h1', { hasText: 'Overview' }).waitFor();
  assert.ok(await noSidewaysScroll(app.page), 'no sideways scroll on the overview');
  const { problems, links } = await sweepMenu(app, 390, 844);
  assert.deepEqual(problems, []);
  assert.equal(links, 18);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('the overview starts with what needs doing: nothing, then the example\'s overdue instalments', async () => {
  const app = await env.newApp({ width: 800, height: 1280 });
  const page = app.page;
  await app.goto('/');
  await page.getByTestId('to-do-none').waitFor();
  assert.equal(await page.getByTestId('to-do-none').innerText(), 'ไม่มีงานค้าง');
  const r = new Records(app);
  await r.loadExample();
  // The example, read after 30 Apr 2018: no city drew its second instalment by the deadline.
  const overdue = page.locator('[data-testid="to-do"] li[data-kind="OverdueInstalments"] a');
  await overdue.waitFor();
  assert.equal(await overdue.innerText(), 'งวดที่ 2 ที่เมืองยังไม่ขอเบิกภายในกำหนด 12 งวด');
  // What needs doing comes before the counts.
  const order = await page.evaluate(() => {
    const todo = document.querySelector('[data-testid="to-do"]');
    const counts = document.querySelector('[data-testid="counts"]');
    return Boolean(todo.compareDocumentPosition(counts) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(order, 'to-do before the counts');
  assert.equal(await page.getByTestId('to-do-none').count(), 0);
  for (const v of await r.axe([...WCAG_TAGS, 'best-practice'])) assert.fail(`axe on the overview: ${v}`);
  await overdue.click();
  await page.waitForURL(/\/findings\?rule=instalment\.overdue/);
  // The findings it links to: the same 12, and only that rule.
  await page.getByTestId('shown-count').filter({ hasText: /^12$/ }).waitFor();
  const rules = await page.locator('li.finding').evaluateAll((lis) => [...new Set(lis.map((li) => li.dataset.rule))]);
  assert.deepEqual(rules, ['instalment.overdue']);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('fictional survey beside the example: says so, loads, and asks before merging', async () => {
  const app = await env.newApp({ width: 800, height: 1280 });
  const page = app.page;
  await app.goto('/');
  const demo = page.getByTestId('demo-survey');
  await demo.waitFor();
  assert.match(await demo.innerText(), /ข้อมูลสมมติ — ไม่ใช่ข้อมูลจริง/);
  await page.getByTestId('load-example').click();
  await new Records(app).toast('โหลดข้อมูลตัวอย่างแล้ว');
  // The device holds data now: the fictional survey asks first, saying it will travel.
  await page.getByTestId('load-demo-survey').click();
  const confirm = page.getByTestId('example-confirm');
  await confirm.waitFor();
  assert.match(await confirm.innerText(), /ข้อมูลสมมติจะถูกรวมเข้ากับข้อมูลเดิม/);
  await page.getByTestId('example-merge').click();
  await new Records(app).toast('รวมข้อมูลสมมติแล้ว');
  await page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="counts"] [data-kind="households"] .card-number');
    return el && el.textContent.trim() === '300';
  });
  assert.equal(await page.locator('[data-testid="counts"] [data-kind="cities"] .card-number').innerText(), '12');
  await app.navigate('/communities');
  assert.match(await app.text(), /ชุมชน/);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('axe with a group open, and screenshots for review (tablet and phone, Thai and English)', async () => {
  for (const [w, h] of [[800, 1280], [390, 844]]) {
    const app = await env.newApp({ width: w, height: h });
    const r = new Records(app);
    await r.loadExample();
    await app.loaded();
    for (const lang of ['th', 'en']) {
      if (lang === 'en') {
        await app.langSwitch().click();
        await app.page.waitForFunction(() => document.documentElement.lang === 'en');
      }
      await app.screenshot(`nav-home-${lang}-${w}x${h}.png`);
      await app.page.getByTestId('nav-group-places').click();
      await app.page.getByTestId('nav-panel-places').waitFor({ state: 'visible' });
      for (const v of await r.axe([...WCAG_TAGS, 'best-practice'])) assert.fail(`axe, ${lang} ${w}×${h}, menu open: ${v}`);
      await app.screenshot(`nav-places-open-${lang}-${w}x${h}.png`);
      await app.page.keyboard.press('Escape');
    }
    assert.deepEqual(app.errors, []);
    await app.context.close();
  }
});
