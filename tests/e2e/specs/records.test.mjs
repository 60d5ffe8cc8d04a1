// Record screens: a city and a project created by hand survive a reload; the example
// loads (and merges on a second load); delete with undo; a half-typed project survives a
// reload as a draft; a project over the per-project cap shows `project.cap` at its field
// and cannot be approved; BE dates and Thai-digit money; axe finds nothing; screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from '../lib/browser.mjs';
import { Records } from '../lib/records.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

const MAE_SOT = 'เทศบาลนครแม่สอด';

test('a city and a project created by hand are still there after a reload', async () => {
  const app = await env.newApp();
  const r = new Records(app);
  await app.goto('/cities');
  await app.page.getByTestId('add-city').click();
  await app.page.getByTestId('city-editor').waitFor();
  await r.fill('name_th', 'เทศบาลเมืองทดลองใจ');
  await r.fill('name_en', 'Thot Long Jai Town');
  await r.choose('unit_type', 'เทศบาลเมือง');
  await r.choose('province_id', 'ตาก');
  await r.fill('budgets[0].approved_ceiling', '๕๐๐,๐๐๐');
  await r.save();
  await r.toast('บันทึกแล้ว');
  await app.page.getByTestId('city-page').waitFor();
  const cityId = app.page.url().split('/cities/')[1];
  assert.match(cityId, /^[0-9a-f-]{36}$/);
  assert.match(await app.heading().innerText(), /เทศบาลเมืองทดลองใจ/);
  assert.match(await app.page.getByTestId('budget-bar').innerText(), /500,000\.00/);

  await app.page.getByTestId('add-project').click();
  await app.page.getByTestId('project-editor').waitFor();
  assert.equal(await r.field('city_id').inputValue(), cityId, 'the new project belongs to the city');
  await r.fill('title', 'ปรับปรุงทางเดินริมคลอง');
  await r.fill('proposer', 'ชุมชนริมคลอง');
  await r.choose('category', 'สิ่งแวดล้อม');
  await r.fill('amount_requested', '45,000 บาท');
  await r.save();
  await r.toast('บันทึกแล้ว');
  await app.page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);

  await app.reload();
  await app.page.locator('main h1', { hasText: 'ปรับปรุงทางเดินริมคลอง' }).waitFor();
  assert.equal(await r.field('amount_requested').inputValue(), '45,000');
  await app.goto(`/cities/${cityId}`);
  await app.page.getByTestId('city-project-list').locator('.record-link', { hasText: 'ปรับปรุงทางเดินริมคลอง' }).waitFor();
  // The audit trail names the change.
  await app.goto(`/cities/${cityId}/edit`);
  await app.page.getByTestId('audit-trail').locator('summary').click();
  const audit = await app.page.getByTestId('audit-trail').innerText();
  assert.match(audit, /สร้าง/);
  assert.match(audit, /name_th/);
  await app.screenshot('records-city-edit.png');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('the example loads into an empty store, and merges (asking first) into one with data', async () => {
  const app = await env.newApp();
  const r = new Records(app);
  await r.loadExample();
  await app.page.locator('[data-kind="cities"] .card-number', { hasText: '12' }).waitFor();
  await app.screenshot('records-home.png');
  await app.page.getByTestId('load-example').click();
  await app.page.getByTestId('example-confirm').waitFor();
  await app.page.getByTestId('example-merge').click();
  await r.toast('รวมข้อมูลตัวอย่างแล้ว');
  await app.goto('/cities');
  await app.page.getByTestId('city-list').waitFor();
  assert.equal(await app.page.locator('[data-testid="city-list"] .record-link').count(), 12);
  await app.screenshot('records-cities.png');
  await app.goto('/provinces');
  await app.page.locator('table.provinces tbody tr').nth(76).waitFor();
  assert.equal(await app.page.locator('table.provinces tbody tr').count(), 77);
  await app.screenshot('records-provinces.png');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test("a province's region is changed in its row, saved at once, and kept", async () => {
  const app = await env.newApp();
  const r = new Records(app);
  await r.loadExample();
  await app.goto('/provinces');
  const tak = app.page.locator('tr[data-code="TH-63"]');
  await tak.waitFor();
  assert.equal(await tak.locator('td.num').innerText(), '1', 'Tak has one example city');
  const krabi = app.page.locator('#region-TH-81');
  assert.equal(await krabi.locator('option:checked').innerText(), 'ภาคใต้');
  await krabi.selectOption({ label: 'ภาคเหนือ' });
  await r.toast('บันทึกแล้ว');
  await app.reload();
  await app.page.locator('#region-TH-81').waitFor();
  assert.equal(await app.page.locator('#region-TH-81 option:checked').innerText(), 'ภาคเหนือ');
  await r.choose('filter-region', 'ภาคเหนือ');
  await app.page.waitForFunction(() => document.querySelectorAll('table.provinces tbody tr').length < 77);
  await app.page.locator('tr[data-code="TH-81"]').waitFor();
  assert.equal(await app.page.locator('tr[data-code="TH-80"]').count(), 0, 'the rest of the south is not shown');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('delete with undo, and the audit trail records both', async () => {
  const app = await env.newApp();
  const r = new Records(app);
  await r.loadExample();
  const id = await r.openCity(MAE_SOT);
  await app.page.getByTestId('edit-city').click();
  await app.page.getByTestId('delete').click();
  await app.page.getByTestId('confirm-delete').click();
  await r.toast('ลบแล้ว');
  await app.page.waitForURL(/\/cities$/);
  await app.page.getByTestId('city-list').waitFor();
  assert.equal(await app.page.locator('[data-testid="city-list"] .record-link').count(), 11);
  await app.page.getByTestId('toast-undo').click();
  await r.toast('กู้คืนแล้ว');
  await app.page.locator('[data-testid="city-list"] .record-link', { hasText: MAE_SOT }).waitFor();
  assert.equal(await app.page.locator('[data-testid="city-list"] .record-link').count(), 12);

  await app.reload();
  await app.page.getByTestId('city-list').waitFor();
  assert.equal(await app.page.locator('[data-testid="city-list"] .record-link').count(), 12);
  await app.goto(`/cities/${id}/edit`);
  await app.page.getByTestId('audit-trail').locator('summary').click();
  const actions = await app.page.locator('.audit-entry').evaluateAll((es) => es.map((e) => e.dataset.action));
  assert.deepEqual(actions, ['restored', 'deleted']);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('a project half typed survives a reload as a draft, which can be discarded', async () => {
  const app = await env.newApp();
  const r = new Records(app);
  await r.loadExample();
  const id = await r.openCity(MAE_SOT);
  await app.page.getByTestId('add-project').click();
  await app.page.getByTestId('project-editor').waitFor();
  await r.fill('title', 'ตลาดนัดชุมชน');
  await r.fill('amount_requested', '12,34');
  await r.marks('amount_requested').first().waitFor();
  await app.reload();
  await app.page.getByTestId('draft-restored').waitFor();
  assert.equal(await r.field('title').inputValue(), 'ตลาดนัดชุมชน');
  assert.equal(await r.field('amount_requested').inputValue(), '12,34', 'unreadable text is kept as typed');
  assert.equal(await r.field('amount_requested').getAttribute('aria-invalid'), 'true');
  assert.equal(await r.field('city_id').inputValue(), id);
  await app.screenshot('records-draft.png');
  // Saving is refused while the amount cannot be read; the typing stays.
  await r.save();
  await r.toast('ยังบันทึกไม่ได้');
  assert.equal(await r.field('amount_requested').inputValue(), '12,34');
  await app.page.getByTestId('discard-draft').click();
  assert.equal(await r.field('title').inputValue(), '');
  await app.reload();
  await app.page.getByTestId('project-editor').waitFor();
  assert.equal(await app.page.getByTestId('draft-restored').count(), 0);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('a project over the per-project cap shows project.cap at the field and cannot be approved', async () => {
  const app = await env.newApp();
  const r = new Records(app);
  await r.loadExample();
  await r.openCity(MAE_SOT);
  await app.page.getByTestId('add-project').click();
  await app.page.getByTestId('project-editor').waitFor();
  await r.fill('title', 'บ้านมั่นคงริมเมย');
  await r.fill('proposer', 'เครือข่ายบ้านมั่นคงแม่สอด');
  await r.choose('category', 'ที่อยู่อาศัย');
  await r.fill('amount_requested', '๖๐,๐๐๐');
  await r.fill('amount_approved', '55,000');
  // As typed, before saving: the rule at the field and in the panel, in Thai.
  await r.marks('amount_approved').filter({ hasText: 'project.cap' }).waitFor();
  assert.deepEqual(await r.rulesAt('amount_approved'), ['project.cap']);
  assert.deepEqual(await r.findingRules(), ['project.cap']);
  assert.match(await app.page.locator('.money-shown').nth(1).innerText(), /55,000\.00.*ห้าหมื่นห้าพันบาทถ้วน/s);
  await app.screenshot('records-project-cap.png');

  // Findings never stop a save.
  await r.save();
  await r.toast('บันทึกแล้ว');
  await app.page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);

  await r.fill('next-step-date', '๑๐/๒/๒๕๖๑');
  // Approving is refused with the reason.
  await app.page.getByTestId('to-approved').click();
  const blocked = app.page.getByTestId('approval-blocked');
  await blocked.waitFor();
  assert.match(await blocked.innerText(), /project\.cap/);
  assert.equal(await r.field('status_history[0].date').count(), 0, 'no step was added');

  // Within the cap, approval goes through and is dated.
  await r.fill('amount_approved', '50,000');
  await app.page.waitForFunction(() => !document.querySelector('#f-amount_approved-marks li'));
  await app.page.getByTestId('to-approved').click();
  // The proposal and the approval, both dated as chosen (the proposal's date can be corrected).
  await r.field('status_history[1].date').waitFor();
  assert.equal(await blocked.count(), 0);
  assert.equal(await r.field('status_history[0].date').inputValue(), '10 ก.พ. 2561');
  assert.equal(await r.field('status_history[1].date').inputValue(), '10 ก.พ. 2561');
  await app.page.getByTestId('save-state').filter({ hasText: 'บันทึกครบแล้ว' }).waitFor();
  assert.equal(await app.page.locator('.pipeline-steps .step.current').innerText(), 'อนุมัติ');
  await app.reload();
  assert.equal(await app.page.locator('.pipeline-steps .step.current').innerText(), 'อนุมัติ');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('dates are typed and picked in the Buddhist Era; money takes Thai digits', async () => {
  const app = await env.newApp();
  const r = new Records(app);
  await r.loadExample();
  await r.openCity(MAE_SOT);
  await app.page.getByTestId('add-project').click();
  await app.page.getByTestId('project-editor').waitFor();
  assert.equal(await r.field('amount_requested').getAttribute('inputmode'), 'decimal');
  await r.fill('amount_requested', '๓๕๐,๐๐๐');
  assert.match(await app.page.getByTestId('money-shown').first().innerText(), /350,000\.00 บาท.*สามแสนห้าหมื่นบาทถ้วน/s);
  await r.fill('amount_requested', '35,0000');
  assert.equal(await r.marks('amount_requested').count(), 1);
  assert.equal(await r.field('amount_requested').getAttribute('aria-invalid'), 'true');

  await r.fill('next-step-date', '3 ก.พ. 61');
  assert.match(await app.page.locator('.date-shown').last().innerText(), /3 ก\.พ\. 2561/);
  await app.page.locator('.cal-open').last().click();
  const cal = app.page.locator('.calendar');
  await cal.waitFor();
  assert.match(await cal.locator('.cal-title').innerText(), /กุมภาพันธ์ 2561/);
  await app.screenshot('records-calendar.png');
  await cal.locator('button[aria-label="เดือนถัดไป"]').click();
  assert.match(await cal.locator('.cal-title').innerText(), /มีนาคม 2561/);
  await cal.locator('button.cal-day', { hasText: /^15$/ }).click();
  assert.equal(await r.field('next-step-date').inputValue(), '15 มี.ค. 2561');
  await r.fill('next-step-date', '15/3/1475');
  await r.marks('next-step-date').first().waitFor();
  assert.match(await r.marks('next-step-date').first().innerText(), /พ\.ศ\./);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('axe finds no violations on the record screens, in Thai and English', async () => {
  const app = await env.newApp();
  const r = new Records(app);
  await r.loadExample();
  const cityId = await r.openCity(MAE_SOT);
  await app.page.getByTestId('add-project').click();
  await app.page.getByTestId('project-editor').waitFor();
  await r.fill('title', 'ลานกีฬาเยาวชน');
  await r.fill('proposer', 'กลุ่มเยาวชนแม่สอด');
  await r.choose('category', 'เยาวชน');
  await r.fill('amount_approved', '60,000');
  await r.save();
  await app.page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
  const projectPath = new URL(app.page.url()).pathname;
  const screens = ['/', '/provinces', '/cities', `/cities/${cityId}`, `/cities/${cityId}/edit`, '/cities/new',
    '/projects', projectPath, `/projects/new?city=${cityId}`];
  for (const lang of ['th', 'en']) {
    if (lang === 'en') await app.langSwitch().click();
    for (const path of screens) {
      await app.navigate(path);
      if (path === projectPath) {
        await r.findings().locator('li.finding').first().waitFor();
        await app.page.locator('.cal-open').last().click();
        await app.page.getByTestId('audit-trail').locator('summary').click();
      }
      const violations = await r.axe();
      assert.deepEqual(violations, [], `${lang} ${path}`);
      if (lang === 'en') {
        // Interface text must be English; record data (Thai names) may be quoted inside
        // English sentences, so only text with no Latin letter at all counts as left over.
        const thai = (await app.textInPageLanguage()).filter((t) => /[\u0E00-\u0E7F]/.test(t) && !/[A-Za-z]/.test(t));
        assert.deepEqual(thai, [], `Thai left in English on ${path}`);
      }
    }
  }
  await app.screenshot('records-project-en.png');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});

test('screens at landscape and phone width', async () => {
  for (const [name, viewport] of [['landscape', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]]) {
    const app = await env.newApp(viewport);
    const r = new Records(app);
    await r.loadExample();
    const id = await r.openCity(MAE_SOT);
    await app.screenshot(`records-city-${name}.png`);
    await app.goto(`/projects/new?city=${id}`);
    await r.fill('amount_approved', '55,000');
    await r.marks('amount_approved').first().waitFor();
    await app.screenshot(`records-project-${name}.png`);
    const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: page scrolls sideways by ${overflow}px`);
    assert.deepEqual(app.errors, []);
    await app.context.close();
  }
});
