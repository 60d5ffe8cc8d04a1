// Sync between two offices, each a fresh browser context with its own office in settings.
// Bundles travel as the files the export panel downloads, chosen in the other office's
// import panel. Edits on both sides travel both ways (a full bundle one way, "only what the
// office lacks" the other), and the same bundle twice changes nothing; the same fields edited
// at both offices become conflicts, shown in the header and on the Conflicts page, settled
// there (one side, or field by field) and settled at the other office by the next bundle; a
// deletion travels; a locked bundle opens with the right passphrase, and a wrong one is
// refused in Thai with nothing stored. Axe on /sync and /conflicts; screenshots in Thai.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setup } from '../lib/browser.mjs';
import { Office } from '../lib/sync.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

// Two offices: a regional coordination centre and a city office.
const NORTH = 'ศูนย์ประสานงานภาคเหนือ';
const MAE_SOT_OFFICE = 'สำนักงานเมืองแม่สอด';

// Example cities (their ids are fixed in public/examples/north-2561.json).
const MAE_SOT = { id: '6315ebf8-46dd-5cc6-903a-296457676d77', th: 'เทศบาลนครแม่สอด', en: 'Mae Sot City Municipality' };
const NAN = { id: '85792bc5-dcd0-5e70-94fe-e2281a392837', th: 'เทศบาลเมืองน่าน', en: 'Nan Town Municipality' };
const MAE_SOT_NAMES = { th: MAE_SOT.th, en: MAE_SOT.en };
const PHAYAO = { id: 'a1946b34-730f-58c3-a93c-250bb8630920', th: 'เทศบาลเมืองพะเยา', en: 'Phayao Town Municipality' };

/**
 * Two offices holding the same data: the north loads the example and sends everything; the
 * city office, empty until then, imports it.
 */
async function twoOffices() {
  const a = new Office(await env.newApp(), NORTH);
  const b = new Office(await env.newApp(), MAE_SOT_OFFICE);
  await a.setOffice('สมศรี ใจดี');
  await b.setOffice('สมชาย รักเมือง');
  await a.loadExample();
  const full = await a.exportBundle();
  assert.match(full.name, /^mueang-ศูนย์ประสานงานภาคเหนือ-\d{4}-\d{2}-\d{2}\.json$/);
  assert.match(full.summary, /ข้อมูลทั้งหมด/);
  await b.choose(full.file);
  assert.equal(await b.importFile().getByTestId('manifest-office').innerText(), NORTH);
  const totals = await b.previewTotals();
  assert.ok(totals.new > 12, `every record is new to the empty office (${JSON.stringify(totals)})`);
  assert.deepEqual([totals.updated, totals.deleted, totals.conflict], [0, 0, 0]);
  assert.deepEqual(await b.previewKind('เมือง'), { new: 12, updated: 0, unchanged: 0, deleted: 0, conflict: 0, restored: 0 });
  assert.match(await b.apply(), /นำเข้าเรียบร้อย/);
  assert.equal((await b.cityList()).length, 12);
  return { a, b };
}

async function close(...offices) {
  for (const o of offices) {
    assert.deepEqual(o.app.errors, [], `page errors at ${o.name}`);
    await o.app.context.close();
  }
}

test('edits on both sides travel both ways, and the same bundle twice changes nothing', async () => {
  const { a, b } = await twoOffices();
  // Each office edits a different city.
  await a.editCity(NAN.id, { name_en: 'Nan Town (edited at the north)' });
  await b.editCity(PHAYAO.id, { name_th: 'เทศบาลเมืองพะเยา (แก้ที่แม่สอด)' });

  // North → Mae Sot: a full bundle; one city is updated, nothing else moves.
  const fromA = await a.exportBundle();
  await b.choose(fromA.file);
  assert.equal(await b.importFile().getByTestId('already-imported').count(), 0);
  const t1 = await b.previewTotals();
  assert.equal(t1.updated, 1, JSON.stringify(t1));
  assert.deepEqual([t1.new, t1.deleted, t1.conflict], [0, 0, 0]);
  assert.deepEqual(await b.previewKind('เมือง'), { new: 0, updated: 1, unchanged: 11, deleted: 0, conflict: 0, restored: 0 });
  assert.match(await b.apply(), /นำเข้าเรียบร้อย/);
  assert.deepEqual(await b.cityNames(NAN.id), { th: NAN.th, en: 'Nan Town (edited at the north)' });
  // Mae Sot's own edit is untouched by the north's older version of Phayao.
  assert.equal((await b.cityNames(PHAYAO.id)).th, 'เทศบาลเมืองพะเยา (แก้ที่แม่สอด)');

  // The same file again: the panel says so, the preview says nothing changes, and it doesn't.
  await b.choose(fromA.file);
  await b.importFile().getByTestId('already-imported').waitFor();
  const again = await b.previewTotals();
  assert.deepEqual([again.new, again.updated, again.deleted, again.conflict], [0, 0, 0, 0]);
  await b.page.getByTestId('preview-nothing').waitFor();
  assert.match(await b.apply(), /ไม่มีข้อมูลเปลี่ยน/);
  assert.equal(await b.badge(), 0);
  assert.equal((await b.cityList()).length, 12);
  assert.equal((await b.cityNames(NAN.id)).en, 'Nan Town (edited at the north)');
  assert.equal((await b.cityNames(PHAYAO.id)).th, 'เทศบาลเมืองพะเยา (แก้ที่แม่สอด)');

  // Mae Sot → North: "only what the north lacks", which is the one city Mae Sot edited.
  const fromB = await b.exportBundle({ to: NORTH, onlyMissing: true });
  assert.match(fromB.name, /^mueang-สำนักงานเมืองแม่สอด-/);
  assert.match(fromB.summary, /เฉพาะที่เปลี่ยน/);
  assert.match(fromB.summary, /· 1 รายการ ·/, fromB.summary);
  await b.page.getByTestId('export-done').scrollIntoViewIfNeeded();
  await b.screenshot('sync-export-done.png');
  await a.choose(fromB.file);
  assert.equal(await a.importFile().getByTestId('manifest-office').innerText(), MAE_SOT_OFFICE);
  const t2 = await a.previewTotals();
  assert.deepEqual(t2, { new: 0, updated: 1, unchanged: 0, deleted: 0, conflict: 0, restored: 0 });
  await a.page.getByTestId('import-preview').scrollIntoViewIfNeeded();
  await a.screenshot('sync-preview.png');
  assert.match(await a.apply(), /นำเข้าเรียบร้อย/);
  assert.deepEqual(await a.cityNames(PHAYAO.id), { th: 'เทศบาลเมืองพะเยา (แก้ที่แม่สอด)', en: PHAYAO.en });
  assert.equal((await a.cityNames(NAN.id)).en, 'Nan Town (edited at the north)');
  assert.equal(await a.badge(), 0);
  await close(a, b);
});

test('the same record edited at both offices is a conflict, settled on the Conflicts page and then everywhere', async () => {
  const { a, b } = await twoOffices();
  // Mae Sot: the same field at both offices. Nan: a different field at each.
  await a.editCity(MAE_SOT.id, { name_en: 'Mae Sot City (north office spelling)' });
  await b.editCity(MAE_SOT.id, { name_en: 'Mae Sot City (city office spelling)' });
  await a.editCity(NAN.id, { name_en: 'Nan Town (north)' });
  await b.editCity(NAN.id, { name_th: 'เทศบาลเมืองน่าน (แม่สอด)' });

  const fromA = await a.exportBundle();
  await b.choose(fromA.file);
  const totals = await b.previewTotals();
  assert.equal(totals.conflict, 2, JSON.stringify(totals));
  assert.equal(totals.updated, 0, JSON.stringify(totals));
  const named = await b.page.getByTestId('preview-conflicts').locator('li').allInnerTexts();
  assert.deepEqual(named.sort(), [`เมือง ${MAE_SOT.th}`, 'เมือง เทศบาลเมืองน่าน (แม่สอด)'].sort());
  const axeSync = await b.axe();
  assert.deepEqual(axeSync, [], 'axe on /sync with a preview of conflicts');
  await b.page.getByTestId('import-preview').scrollIntoViewIfNeeded();
  await b.screenshot('sync-preview-conflicts.png');
  const done = await b.apply();
  assert.match(done, /นำเข้าเรียบร้อย/);
  assert.match(await b.page.getByTestId('import-goto-conflicts').innerText(), /\(2\)/);
  await b.waitForBadge(2);

  // Both versions are kept: the list, then Mae Sot's versions side by side.
  await b.page.getByTestId('import-goto-conflicts').click();
  await b.page.getByTestId('conflict-list').waitFor();
  assert.equal(await b.page.locator('.conflict-item').count(), 2);
  assert.deepEqual(await b.axe(), [], 'axe on the conflict list');
  await b.screenshot('conflicts-list.png');
  await b.page.locator('.conflict-item', { hasText: MAE_SOT.th }).getByTestId('conflict-open').click();
  await b.page.getByTestId('conflict-detail').waitFor();
  assert.equal(await b.page.getByTestId('version-head').count(), 2);
  const differs = await b.page.locator('tr.differs').evaluateAll((rows) => rows.map((r) => r.dataset.field));
  assert.deepEqual(differs, ['name_en']);
  const nameRow = await b.page.locator('tr.differs[data-field="name_en"] td').allInnerTexts();
  assert.deepEqual(nameRow.map((t) => t.trim()).sort(),
    ['Mae Sot City (city office spelling)', 'Mae Sot City (north office spelling)']);
  // Values as people read them: the unit type in words, the budget line's field named.
  const same = (await b.page.locator('tr.same').allInnerTexts()).join('\n');
  assert.match(same, /ประเภทท้องถิ่น\s+เทศบาลนคร/);
  assert.match(same, /เพดานงบที่อนุมัติ: 500,000\.00/);
  assert.doesNotMatch(same, /city_municipality|approved_ceiling/);
  assert.deepEqual(await b.axe(), [], 'axe on a conflict side by side');
  await b.screenshot('conflict-detail.png');

  // Take the north's side.
  const north = await b.versionOf(NORTH);
  await b.versionOf(MAE_SOT_OFFICE);
  await b.page.getByTestId('version-head').nth(north).getByTestId('take-version').click();
  await b.page.getByTestId('conflict-settled').waitFor();
  await b.waitForBadge(1);
  assert.deepEqual(await b.cityNames(MAE_SOT.id), { th: MAE_SOT.th, en: 'Mae Sot City (north office spelling)' });

  // Nan, field by field: Mae Sot's Thai name and the north's English name.
  await b.app.goto('/conflicts');
  await b.page.getByTestId('conflict-list').waitFor();
  assert.equal(await b.page.locator('.conflict-item').count(), 1);
  await b.page.locator('.conflict-item').getByTestId('conflict-open').click();
  await b.page.getByTestId('conflict-detail').waitFor();
  const nanDiffers = await b.page.locator('tr.differs').evaluateAll((rows) => rows.map((r) => r.dataset.field));
  assert.deepEqual(nanDiffers.sort(), ['name_en', 'name_th']);
  const vNorth = await b.versionOf(NORTH);
  const vCity = await b.versionOf(MAE_SOT_OFFICE);
  await b.page.locator('tr.differs[data-field="name_th"] td').nth(vCity).getByTestId('pick').check();
  await b.page.locator('tr.differs[data-field="name_en"] td').nth(vNorth).getByTestId('pick').check();
  await b.page.getByTestId('conflict-save').click();
  await b.page.getByTestId('conflict-settled').waitFor();
  await b.waitForBadge(0);
  await b.app.goto('/conflicts');
  await b.page.getByTestId('no-conflicts').waitFor();
  assert.deepEqual(await b.cityNames(NAN.id), { th: 'เทศบาลเมืองน่าน (แม่สอด)', en: 'Nan Town (north)' });
  await b.cityList();
  assert.equal(await b.badge(), 0, 'settled for good (after a reload)');

  // The settlement travels: the north, holding its own versions, takes it without a conflict.
  const fromB = await b.exportBundle({ to: NORTH });
  await a.choose(fromB.file);
  const back = await a.previewKind('เมือง');
  assert.equal(back.updated, 2, JSON.stringify(back));
  assert.equal(back.conflict, 0, JSON.stringify(back));
  await a.apply();
  assert.equal(await a.badge(), 0);
  assert.deepEqual(await a.cityNames(MAE_SOT.id), { th: MAE_SOT.th, en: 'Mae Sot City (north office spelling)' });
  assert.deepEqual(await a.cityNames(NAN.id), { th: 'เทศบาลเมืองน่าน (แม่สอด)', en: 'Nan Town (north)' });
  await close(a, b);
});

test('a city deleted at one office is gone at the other after the import', async () => {
  const { a, b } = await twoOffices();
  await a.app.goto(`/cities/${PHAYAO.id}/edit`);
  await a.page.getByTestId('delete').click();
  await a.page.getByTestId('confirm-delete').click();
  await a.toast('ลบแล้ว');
  await a.page.waitForURL(/\/cities$/);

  const fromA = await a.exportBundle();
  await b.choose(fromA.file);
  assert.deepEqual(await b.previewKind('เมือง'), { new: 0, updated: 0, unchanged: 11, deleted: 1, conflict: 0, restored: 0 });
  assert.match(await b.apply(), /นำเข้าเรียบร้อย/);
  const list = await b.cityList();
  assert.equal(list.length, 11);
  assert.ok(!list.some((t) => t.includes(PHAYAO.th)), list.join(', '));
  // Its own address says it was deleted, and it stays so after a reload.
  await b.app.goto(`/cities/${PHAYAO.id}`);
  await b.page.locator('main .notice-error').waitFor();
  assert.equal(await b.page.getByTestId('city-page').count(), 0);
  assert.equal((await b.cityList()).length, 11, 'still gone after a reload');
  assert.equal(await b.badge(), 0);
  await close(a, b);
});

test('a locked bundle opens with the right passphrase; a wrong one is refused in Thai and stores nothing', async () => {
  const { a, b } = await twoOffices();
  await a.editCity(MAE_SOT.id, { name_en: 'Mae Sot (sent locked)' });

  // The two passphrase boxes must agree.
  await a.app.goto('/sync');
  await a.page.getByTestId('export-lock').check();
  await a.page.getByTestId('export-pass').fill('ลับเฉพาะ 2561');
  await a.page.getByTestId('export-pass2').fill('ลับเฉพาะ 2562');
  await a.page.getByTestId('export-button').click();
  assert.match(await a.page.getByTestId('export-error').innerText(), /รหัสผ่านทั้งสองช่องไม่ตรงกัน/);
  assert.equal(await a.page.getByTestId('export-done').count(), 0);

  const locked = await a.exportBundle({ passphrase: 'ลับเฉพาะ 2561' });
  assert.match(locked.summary, /ล็อกด้วยรหัสผ่าน/);
  const bytes = await readFile(locked.file, 'utf8');
  assert.equal(JSON.parse(bytes).format, 'mueang-encrypted');
  assert.ok(!bytes.includes('Mae Sot') && !bytes.includes('แม่สอด') && !bytes.includes('สมศรี'),
    'no names readable in the locked file');

  // Wrong passphrase: a Thai message, no preview, nothing to save, nothing stored.
  await b.app.goto('/sync');
  const before = await b.storeSnapshot();
  assert.match(before, /Mae Sot City Municipality/, 'the snapshot holds the records');
  await b.choose(locked.file, { stay: true });
  const row = b.importFile();
  await row.getByTestId('unlock-pass').waitFor();
  await b.page.getByTestId('import-blocked').waitFor();
  await row.getByTestId('unlock-pass').fill('ลับเฉพาะ 2560');
  await row.getByTestId('unlock-button').click();
  const error = row.getByTestId('unlock-error');
  await error.waitFor();
  assert.match(await error.innerText(), /รหัสผ่านไม่ถูกต้อง หรือไฟล์เสียหาย/);
  assert.match(await error.innerText(), /ไม่ได้นำเข้าข้อมูลใด ๆ/);
  assert.equal(await b.page.getByTestId('import-preview').count(), 0);
  assert.equal(await b.page.getByTestId('import-apply').count(), 0);
  await row.getByTestId('unlock-pass').waitFor();
  assert.deepEqual(await b.axe(), [], 'axe on /sync with a wrong passphrase');
  await b.page.getByTestId('import-blocked').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await b.screenshot('sync-wrong-passphrase.png');
  assert.equal(await b.storeSnapshot(), before, 'IndexedDB is exactly as it was');
  assert.deepEqual(await b.cityNames(MAE_SOT.id), MAE_SOT_NAMES, 'the store is unchanged');
  assert.equal((await b.cityList()).length, 12);

  // The right one: verified, previewed, saved.
  await b.choose(locked.file);
  await b.importFile().getByTestId('unlock-pass').fill('ลับเฉพาะ 2561');
  await b.importFile().getByTestId('unlock-button').click();
  assert.equal(await b.importFile().getByTestId('manifest-office').innerText(), NORTH);
  assert.deepEqual(await b.previewKind('เมือง'), { new: 0, updated: 1, unchanged: 11, deleted: 0, conflict: 0, restored: 0 });
  assert.match(await b.apply(), /นำเข้าเรียบร้อย/);
  assert.deepEqual(await b.cityNames(MAE_SOT.id), { th: MAE_SOT.th, en: 'Mae Sot (sent locked)' });
  await close(a, b);
});
