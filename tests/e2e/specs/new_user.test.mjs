// A new user enters one city of the Northern example by hand, in Thai, on a tablet:
// Mae Sot (เทศบาลนครแม่สอด) with its FY2561 ceiling, its committee of three, a meeting
// with three problems raised, three projects (one approved above the 50,000 per-project
// maximum), the MOU of 3 Feb 2018 with its signatories and witness, and the first
// instalment (70% = 350,000, blocked at 300,000 with the reason shown, then recorded as
// transferred on 15 Feb 2018). A reload in the middle of typing a project keeps the draft;
// a deleted meeting comes back with Undo; axe finds nothing on any screen.
//
// The findings expected, worked out from docs/rules.md for this data (today is after the
// FY2561 second-instalment deadline of 30 Apr 2018):
//   project.cap          — the third project, 60,000 approved > 50,000 (error)
//   instalment.overdue   — only 350,000 of 500,000 transferred by 30 Apr 2018 (warning)
// and nothing else: no grants were entered (the grant rules check only grants that exist),
// 350,000 is exactly 70% of 500,000 (instalment.first_share), the transfer came after the
// MOU (instalment.before_mou), 350,000 ≤ 500,000 (transfer.exceeds_approved), no project
// commits money (city.cap), every required name is filled (record.missing_field), no
// duplicates, no status history, every date is BE-typed (date.era_suspect), no stated total.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from '../lib/browser.mjs';
import { Screens, persistAnswer } from '../lib/screens.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

const EXPECTED = ['instalment.overdue', 'project.cap'];

test('a new user enters Mae Sot by hand and sees exactly the expected findings', async () => {
  const app = await env.newApp();
  await persistAnswer(app.context, true);
  const s = new Screens(app);
  const page = app.page;
  const shot = (name) => app.screenshot(`new-user-${name}.png`);
  const axe = (where) => s.expectNoAxeViolations(where);

  // ---- the city
  await app.goto('/cities');
  await page.getByTestId('add-city').click();
  await page.getByTestId('city-editor').waitFor();
  await s.fill('name_th', 'เทศบาลนครแม่สอด');
  await s.fill('name_en', 'Mae Sot City Municipality');
  await s.choose('unit_type', 'เทศบาลนคร');
  await s.choose('province_id', 'ตาก');
  await s.fill('budgets[0].fiscal_year', '2561');
  await s.fill('budgets[0].approved_ceiling', '500,000');
  // Where the money goes: a transfer is held back until the city has an account.
  await s.fill('district', 'แม่สอด');
  await s.fill('account.account_name', 'เครือข่ายองค์กรชุมชนเมืองแม่สอด');
  await s.fill('account.bank', 'ธนาคารออมสิน');
  await s.fill('account.number', '020-1-23456-7');
  await s.fill('account.signers', 'นางสาวหนึ่ง ใจดี\nนายสอง รักเมือง');
  await s.saveAndWait(/\/cities\/[0-9a-f-]{36}$/);
  const city = s.idInUrl();

  // ---- the committee with three members
  await app.goto(`/committees/new?city=${city}`);
  await page.getByTestId('committee-editor').waitFor();
  assert.equal(await s.value('city_id'), city, 'the city comes from the address');
  await s.fill('name', 'คณะกรรมการเมืองแม่สอด');
  const members = [
    ['นายสมชาย ใจดี', 'ชุมชน', 'ประธาน'],
    ['นางสาวมาลี รักถิ่น', 'ท้องถิ่น', 'เลขานุการ'],
    ['นางวันดี สุขใจ', 'สาธารณสุข', 'กรรมการ'],
  ];
  for (const [i, [name, sector, role]] of members.entries()) {
    await s.addLine('add-member', 'member', i);
    await s.fill(`members[${i}].name`, name);
    await s.choose(`members[${i}].sector`, sector);
    await s.choose(`members[${i}].role`, role);
  }
  assert.equal(await s.field('members[2].contact').getAttribute('inputmode'), 'tel');
  await shot('committee');
  await axe('the committee form');
  await s.saveAndWait(/\/committees\/[0-9a-f-]{36}$/);
  const committee = s.idInUrl();
  assert.deepEqual(await s.waitForFindings([]), [], 'a complete committee has no findings');

  // ---- a meeting with three problems raised
  await page.getByTestId('add-meeting').click();
  await page.getByTestId('meeting-editor').waitFor();
  assert.equal(await s.value('committee_id'), committee);
  await s.fill('date', '20 ม.ค. 2561');
  await s.fill('place', 'ศาลาประชาคมเทศบาลนครแม่สอด');
  assert.equal(await s.field('attendance[0].count').getAttribute('inputmode'), 'numeric');
  await s.fill('attendance[0].count', '๔๕');
  await s.fill('attendance[1].count', '4');
  await s.fill('attendance[3].count', '3');
  assert.match(await page.getByTestId('attendance-total').innerText(), /52/);
  const problems = [
    ['ที่อยู่อาศัย', 'บ้านริมห้วยทรุดโทรม น้ำท่วมทุกปี'],
    ['เยาวชน', 'เยาวชนไม่มีพื้นที่ทำกิจกรรม'],
    ['สุขภาพ', 'ผู้สูงอายุติดเตียงไม่มีผู้ดูแล'],
  ];
  for (const [i, [cat, text]] of problems.entries()) {
    await s.addLine('add-problem', 'problem', i);
    await s.choose(`problems[${i}].category`, cat);
    await s.fill(`problems[${i}].description`, text);
  }
  await s.fill('decisions', 'เห็นชอบส่งข้อเสนอโครงการ 3 โครงการ');
  await shot('meeting');
  await axe('the meeting form');
  await s.saveAndWait(/\/meetings\/[0-9a-f-]{36}$/);
  const meeting = s.idInUrl();

  // ---- three projects; the third is over the per-project cap, and is typed across a reload
  const projects = [
    ['ซ่อมแซมบ้านริมห้วย', 'ชุมชนริมห้วย', 'ที่อยู่อาศัย', '50,000'],
    ['ลานกีฬาเยาวชน', 'เครือข่ายเยาวชนแม่สอด', 'เยาวชน', '30,000'],
  ];
  for (const [title, proposer, cat, amount] of projects) {
    await app.goto(`/projects/new?city=${city}`);
    await page.getByTestId('project-editor').waitFor();
    await s.fill('title', title);
    await s.fill('proposer', proposer);
    await s.choose('category', cat);
    await s.fill('amount_requested', amount);
    await s.fill('amount_approved', amount);
    await s.saveAndWait(/\/projects\/[0-9a-f-]{36}$/);
  }
  await app.goto(`/projects/new?city=${city}`);
  await page.getByTestId('project-editor').waitFor();
  await s.fill('title', 'ดูแลผู้สูงอายุติดเตียง');
  await s.fill('proposer', 'อาสาสมัครสาธารณสุขชุมชน');
  // The draft is what survives the reload: wait until it holds the last field typed.
  await page.waitForFunction((typed) => Object.keys(localStorage)
    .some((k) => k.startsWith('mueang.draft.v1.') && localStorage.getItem(k).includes(typed)), 'อาสาสมัครสาธารณสุขชุมชน');
  await app.reload();
  await page.getByTestId('draft-restored').waitFor();
  assert.equal(await s.value('title'), 'ดูแลผู้สูงอายุติดเตียง', 'the half-typed title survived the reload');
  assert.equal(await s.value('proposer'), 'อาสาสมัครสาธารณสุขชุมชน');
  await s.choose('category', 'สุขภาพ');
  await s.fill('amount_requested', '๖๐,๐๐๐');
  await s.fill('amount_approved', '๖๐,๐๐๐');
  await page.locator(`#f-amount_approved-marks li[data-rule="project.cap"]`).waitFor();
  await s.saveAndWait(/\/projects\/[0-9a-f-]{36}$/);
  const overCap = s.idInUrl();
  assert.deepEqual(await s.waitForFindings(['project.cap']), ['project.cap']);

  // ---- the MOU with its signatories and witness
  await app.goto(`/mous/new?city=${city}`);
  await page.getByTestId('mou-editor').waitFor();
  assert.match(await page.getByTestId('covered-cities').innerText(), /เทศบาลนครแม่สอด/);
  await s.fill('title', 'บันทึกความร่วมมือด้านการพัฒนาชุมชน');
  await s.fill('date', '3 ก.พ. 2561');
  await s.fill('place', 'เทศบาลเมืองอรัญญิก จังหวัดพิษณุโลก');
  await page.getByTestId('add-standard-signatories').click();
  await page.getByTestId('signatory-4').waitFor();
  assert.equal(await page.locator('.signatory-line').count(), 5);
  // A new form does not scold before a save is tried; saved with blank names, the record is
  // kept and each blank name is a finding (record.missing_field) that goes as it is typed.
  // The live check runs shortly after typing stops; a date typed in the wrong era gives it
  // something to say, so once that shows, it has looked at the blank names too.
  await s.fill('date', '3 ก.พ. 1475');
  const era = s.findings().locator('li.finding[data-rule="date.era_suspect"]');
  await era.waitFor();
  assert.equal(await page.locator('#f-signatories-0-name-marks li').count(), 0, 'quiet before the first save');
  assert.ok(!(await s.findingRules()).includes('record.missing_field'), 'no missing name in the panel either');
  await s.fill('date', '3 ก.พ. 2561');
  await era.waitFor({ state: 'detached' });
  await s.saveAndWait(/\/mous\/[0-9a-f-]{36}$/);
  await page.locator('#f-signatories-0-name-marks li[data-rule="record.missing_field"]').waitFor();
  const names = ['นางมณีพรรณ โคตรบุตร', 'นายเมือง แม่สอด', 'นายกเทศมนตรีนครแม่สอด', 'นายประธาน โครงการ', 'ผู้แทน พอช.'];
  for (const [i, n] of names.entries()) await s.fill(`signatories[${i}].name`, n);
  await s.fill('witness.name', 'นายสยาม นนท์คำจันทร์');
  await s.fill('witness.position', 'ผู้ช่วยผู้อำนวยการภาคเหนือ พอช.');
  // Each name typed takes its finding away (before the save, from the live check).
  await page.locator('[id^="f-signatories-"][id$="-name-marks"] li[data-rule="record.missing_field"]').first().waitFor({ state: 'detached' });
  await shot('mou');
  await axe('the MOU form');
  await s.saveAndWait(/\/mous\/[0-9a-f-]{36}$/);
  assert.deepEqual(await s.waitForFindings([]), []);

  // ---- the first instalment: blocked at 300,000 with the reason, recorded at 350,000
  await app.goto(`/instalments/new?city=${city}`);
  await page.getByTestId('instalment-editor').waitFor();
  assert.equal(await s.value('fiscal_year'), '2561', 'the year of the city\'s ceiling');
  assert.equal(await s.field('amount').getAttribute('inputmode'), 'decimal');
  await s.fill('amount', '300,000');
  await s.fill('actual_date', '15 ก.พ. 2561');
  await page.locator('[data-testid="transfer-blocked"] li[data-rule="instalment.first_share"]').waitFor();
  assert.equal(await page.getByTestId('record-transfer').isDisabled(), true, 'an error blocks the transfer');
  assert.match(await page.getByTestId('expected-amount').innerText(), /350,000\.00/);
  await page.getByTestId('transfer').scrollIntoViewIfNeeded();
  await shot('instalment-blocked');
  await axe('the instalment form (blocked)');
  await page.getByTestId('use-expected').click();
  assert.equal(await s.value('amount'), '350,000');
  await page.getByTestId('transfer-ok').waitFor();
  await page.getByTestId('record-transfer').click();
  await s.toast('บันทึกแล้ว');
  await page.waitForURL(/\/instalments\/[0-9a-f-]{36}$/);
  await page.getByTestId('transferred-on').waitFor();
  assert.match(await page.getByTestId('transferred-on').innerText(), /15 ก\.พ\. 2561/);
  await shot('instalment');
  await axe('the instalment form (transferred)');

  // ---- the city page gathers it all and links to each record
  await app.goto(`/cities/${city}`);
  await page.getByTestId('city-page').waitFor();
  for (const [panel, text] of [['city-committee', 'คณะกรรมการเมืองแม่สอด'], ['city-meetings', 'ศาลาประชาคม'], ['city-mou', 'บันทึกความร่วมมือด้านการพัฒนาชุมชน'], ['city-instalments', '350,000.00']]) {
    await page.getByTestId(panel).locator('a', { hasText: text }).waitFor();
  }
  await shot('city');

  // ---- exactly the expected findings, on the Findings page and at the records
  await page.getByTestId('city-findings').click();
  await page.waitForURL(new RegExp(`/findings\\?city=${city}$`));
  await page.locator('.finding-row').nth(1).waitFor();
  assert.deepEqual((await s.findingsPageRules()).sort(), EXPECTED);
  await app.goto('/findings');
  await page.locator('.finding-row').nth(1).waitFor();
  assert.deepEqual((await s.findingsPageRules()).sort(), EXPECTED);
  await app.goto(`/findings?city=${city}`);
  await page.locator('.finding-row').nth(1).waitFor();
  assert.deepEqual((await s.findingsPageRules()).sort(), EXPECTED);
  await shot('findings');
  await axe('the Findings page');
  await page.locator('.finding-row[data-rule="project.cap"] a.open-record').click();
  await page.waitForURL(new RegExp(`/projects/${overCap}#f-amount_approved$`));
  await page.getByTestId('project-editor').waitFor();
  assert.deepEqual(await s.waitForFindings(['project.cap']), ['project.cap']);

  // ---- delete the meeting, then undo
  await app.goto(`/meetings/${meeting}`);
  await page.getByTestId('meeting-editor').waitFor();
  await page.getByTestId('delete').click();
  await page.getByTestId('confirm-delete').click();
  await s.toast('ลบแล้ว');
  await page.waitForURL(/\/meetings$/);
  assert.equal(await page.getByTestId('row-count').innerText().then((t) => parseInt(t, 10)), 0);
  await page.getByTestId('toast-undo').click();
  await s.toast('กู้คืนแล้ว');
  await page.locator('.record-link', { hasText: 'ศาลาประชาคมเทศบาลนครแม่สอด' }).waitFor();
  await app.reload();
  await page.locator('.record-link', { hasText: 'ศาลาประชาคมเทศบาลนครแม่สอด' }).waitFor();
  await shot('meetings');
  await axe('the meetings list');

  // Lists of each kind find the records.
  for (const [path, text] of [
    ['/committees', 'คณะกรรมการเมืองแม่สอด'],
    ['/mous', 'บันทึกความร่วมมือด้านการพัฒนาชุมชน'],
    ['/instalments', 'เทศบาลนครแม่สอด'],
  ]) {
    await app.goto(path);
    await page.locator('.record-link', { hasText: text }).waitFor();
    await axe(path);
  }
  await shot('instalments');
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
