// Surveying households at a community meeting on a tablet (issue #12, part 3): 800×1280,
// Thai, the network off after the first load. A community stating 5 households, a survey
// round, three households entered with "save and next" (the third repeating the first's
// house number in Thai digits: the warning shows at the field), a half-typed household
// kept through a reload, and after a reload the community lists the three and its progress.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from '../lib/browser.mjs';
import { Survey } from '../lib/survey.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

test('three households entered with save and next, offline, and listed after a reload', async () => {
  const app = await env.newApp({ width: 800, height: 1280 });
  const s = new Survey(app);
  await s.loadExample();
  await app.waitForOffline();
  await app.context.setOffline(true);

  const round = await s.newRound('สำรวจข้อมูลทั้งเมือง ปี 2561', '1 มี.ค. 61');
  const community = await s.newCommunity('ชุมชนริมเมย (สมมติ)', 5);
  await s.waitForProgress('สำรวจแล้ว 0 จาก 5 ครัวเรือน');
  assert.equal((await s.page.getByTestId('start-survey').innerText()).trim(), 'เริ่มสำรวจครัวเรือน');

  // Start surveying: the entry screen, in the city's open round.
  await s.page.getByTestId('start-survey').click();
  await s.page.getByTestId('household-editor').waitFor();
  assert.equal(new URL(s.page.url()).search, `?community=${community}`);
  await s.waitForProgress('สำรวจแล้ว 0 จาก 5 ครัวเรือน');
  assert.equal(await s.field('round_id').inputValue(), round, 'the open round is chosen');
  for (const path of ['members', 'vulnerable.elderly']) {
    assert.equal(await s.field(path).getAttribute('inputmode'), 'numeric', `${path}: number pad`);
  }
  await s.app.screenshot('survey-entry-blank.png');

  // Household 1, in the paper form's order.
  await s.fill('surveyor', 'นางแก้ว (สมมติ)');
  await s.fill('house_number', '12/3');
  await s.fill('head_name', 'นายสมชาย (สมมติ)');
  await s.fill('members', '4');
  await s.fill('vulnerable.elderly', '1');
  await s.tap('land_tenure', 'เช่า');
  await s.tap('house_tenure', 'เช่าบ้าน');
  await s.fill('monthly_rent', '1,500');
  await s.tap('condition', 'ต้องซ่อมแซม');
  await s.tap('income_band', '5,001–10,000 บาท/เดือน');
  await s.tap('savings_member', 'เป็น');
  await s.tap('need', 'ความมั่นคงในที่ดิน');
  await s.saveAndNext('สำรวจแล้ว 1 จาก 5 ครัวเรือน');
  // The "saved — undo" toast stays 12 s: it must not cover the button pressed next.
  const toast = s.page.locator('.toast').last();
  await toast.waitFor();
  const t = await toast.boundingBox();
  for (const [what, el] of [['save and next', s.page.getByTestId('save-next')], ['house number', s.field('house_number')]]) {
    const b = await el.boundingBox();
    assert.ok(t.y + t.height <= b.y || b.y + b.height <= t.y,
      `the toast (${t.y}–${t.y + t.height}) is clear of ${what} (${b.y}–${b.y + b.height})`);
  }
  await s.app.screenshot('survey-entry-saved.png');
  assert.equal(await s.field('surveyor').inputValue(), 'นางแก้ว (สมมติ)', 'the surveyor stays');
  assert.equal(await s.field('round_id').inputValue(), round, 'the round stays');
  assert.equal(await s.field('members').inputValue(), '', 'a blank household');
  assert.equal(await s.page.locator('#f-condition label.chosen').count(), 0, 'no choice carried over');

  // Household 2: no members is flagged at the field once typed, then corrected.
  await s.fill('house_number', '7');
  await s.fill('members', '0');
  await s.waitForMark('members', 'household.members');
  await s.fill('members', '2');
  await s.tap('condition', 'ดี');
  await s.tap('need', 'ซ่อมบ้าน');
  await s.saveAndNext('สำรวจแล้ว 2 จาก 5 ครัวเรือน');

  // Household 3 repeats household 1's number in Thai digits: a warning at the field.
  await s.fill('house_number', '๑๒/๓');
  await s.waitForMark('house_number', 'household.duplicate');
  await s.fill('members', '3');
  await s.tap('need', 'สร้างบ้านใหม่');
  // Half-typed, the tablet reloads: the household is still there as typed.
  await s.page.waitForFunction(() => Object.keys(localStorage).some((k) => k.includes('draft') && localStorage.getItem(k).includes('new_house')));
  await s.page.reload();
  await s.page.getByTestId('household-editor').waitFor();
  await s.page.getByTestId('draft-restored').waitFor();
  assert.equal(await s.field('house_number').inputValue(), '๑๒/๓');
  assert.equal(await s.field('members').inputValue(), '3');
  await s.page.locator('#f-need label.chosen', { hasText: 'สร้างบ้านใหม่' }).waitFor();
  await s.waitForMark('house_number', 'household.duplicate');
  await s.app.screenshot('survey-entry-duplicate.png');
  await s.saveAndNext('สำรวจแล้ว 3 จาก 5 ครัวเรือน');

  // After a reload the community lists the three, by house number, without names.
  await s.page.reload();
  await s.app.navigate(`/communities/${community}`);
  await s.waitForProgress('สำรวจแล้ว 3 จาก 5 ครัวเรือน');
  assert.equal((await s.page.getByTestId('start-survey').innerText()).trim(), 'สำรวจครัวเรือนต่อ');
  const rows = s.page.getByTestId('household-row');
  await rows.nth(2).waitFor();
  assert.equal(await rows.count(), 3);
  const numbers = await rows.locator('td:first-child a').allInnerTexts();
  // 7 first; 12/3 and ๑๒/๓ are the same number, in either order.
  assert.deepEqual([numbers[0], ...numbers.slice(1).sort()], ['7', '12/3', '๑๒/๓']);
  assert.equal(await rows.locator('.tag-warning').count(), 2, 'the repeated number is marked twice');
  const table = await s.page.getByTestId('households').innerText();
  assert.ok(!table.includes('สมชาย'), 'no head of household in the list');
  await s.app.screenshot('survey-community.png');

  // A household opens in the same form, and "save and next" from it goes on in the community.
  await rows.locator('td:first-child a', { hasText: '7' }).click();
  await s.page.getByTestId('household-editor').waitFor();
  await s.waitForProgress('สำรวจแล้ว 3 จาก 5 ครัวเรือน');
  assert.equal(await s.field('members').inputValue(), '2');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
