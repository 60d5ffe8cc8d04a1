// Personal data (PDPA) in exports, at 800×1280 in Thai. An office holding a fictional survey
// (tests/fixtures/privacy/demo-survey-30.json, made by `mueang demo-survey --households 30`
// then `mueang merge`; see the README beside it) exports: the panel asks how personal data
// goes, locked by default. Unlocked without ticking the acknowledgement is refused with a
// clear message and nothing is downloaded; the summary downloads a file with no names or
// phone numbers whose manifest says they were left out, and the receiving office's import
// preview says so. Axe on the export panel with the choice open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setup } from '../lib/browser.mjs';
import { Office } from '../lib/sync.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const SURVEY = path.resolve(here, '../../fixtures/privacy/demo-survey-30.json');

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

/** Every non-empty value of `field` in the file's households (conflict versions too). */
function values(bundle, field) {
  const r = bundle.records;
  return [...(r.households ?? []), ...(r.conflicts?.households ?? [])]
    .map((h) => h[field]).filter((v) => typeof v === 'string' && v !== '');
}

test('personal data leaves only locked, as a summary, or unlocked on purpose', async () => {
  const source = JSON.parse(await readFile(SURVEY, 'utf8'));
  assert.equal(values(source, 'head_name').length, 30, 'the fixture holds 30 named households');

  const a = new Office(await env.newApp(), 'สำนักงานภาคเหนือ');
  await a.setOffice('สมศรี ใจดี');
  const imported = await a.importBundle(SURVEY);
  assert.match(imported.done, /นำเข้าเรียบร้อย/);

  // The choice appears, locked by default, with the passphrase fields open.
  await a.app.goto('/sync');
  const panel = a.page.getByTestId('export-personal');
  await panel.waitFor();
  assert.match(await panel.innerText(), /ข้อมูลส่วนบุคคล/);
  assert.ok(await a.page.getByTestId('export-personal-lock').isChecked(), 'locked by default');
  assert.ok(!(await a.page.getByTestId('export-personal-unlocked').isChecked()));
  await a.page.getByTestId('export-pass').waitFor();
  assert.deepEqual(await a.axe(), [], 'axe on the export panel with the choice');

  // Unlocked without the tick: refused, saying why, and nothing is downloaded.
  await a.page.getByTestId('export-personal-unlocked').check();
  await a.page.getByTestId('export-personal-ack').waitFor();
  assert.equal(await a.page.getByTestId('export-pass').count(), 0, 'no passphrase asked when unlocked');
  let downloads = 0;
  a.page.on('download', () => { downloads += 1; });
  await a.page.getByTestId('export-button').click();
  const refusal = a.page.getByTestId('export-error');
  await refusal.waitFor();
  const said = await refusal.innerText();
  assert.match(said, /ข้อมูลส่วนบุคคล/);
  assert.match(said, /ยังไม่ได้ส่งออก/);
  assert.match(said, /รายการ/);
  assert.equal(await a.page.getByTestId('export-done').count(), 0);
  assert.deepEqual(await a.axe(), [], 'axe with the acknowledgement and the refusal');
  await a.screenshot('privacy-refused.png');

  // The summary: downloaded, no names or phones, the manifest says they were left out.
  await a.page.getByTestId('export-personal-summary').check();
  const [download] = await Promise.all([
    a.page.waitForEvent('download'),
    a.page.getByTestId('export-button').click(),
  ]);
  const done = a.page.getByTestId('export-done');
  await done.waitFor();
  assert.match(await done.innerText(), /ชื่อและเบอร์โทรไม่ได้รวมมา/);
  assert.equal(downloads, 1, 'only the summary was downloaded');
  const dir = await mkdtemp(path.join(os.tmpdir(), 'mueang-privacy-'));
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  const text = await readFile(file, 'utf8');
  const summary = JSON.parse(text);
  assert.equal(summary.manifest.personal_data, 'left_out');
  assert.equal(summary.records.households.length, 30, 'every household travels');
  assert.deepEqual(values(summary, 'head_name'), []);
  assert.deepEqual(values(summary, 'phone'), []);
  for (const name of values(source, 'head_name').slice(0, 5)) {
    assert.ok(!text.includes(name), `${name} is not in the summary`);
  }
  assert.ok(summary.records.households.every((h) => h.meta.left_out?.includes('head_name')));
  await a.screenshot('privacy-summary.png');

  // The receiving office sees, before importing, that names and phones are not included.
  const b = new Office(await env.newApp(), 'สำนักงานเมืองแม่สอด');
  await b.setOffice('สมชาย รักเมือง');
  await b.choose(file);
  const note = b.importFile().getByTestId('personal-left-out');
  await note.waitFor();
  assert.match(await note.innerText(), /ชื่อและเบอร์โทรไม่ได้รวมมา/);
  const totals = await b.previewTotals();
  assert.ok(totals.new >= 30, JSON.stringify(totals));
  await b.screenshot('privacy-import-preview.png');

  // Imported, a household of the summary says its name and phone were not included
  // rather than showing empty fields, and its page goes back to its community.
  await b.apply();
  const household = summary.records.households[0];
  await b.app.navigate(`/households/${household.meta.id}`);
  await b.page.getByTestId('household-editor').waitFor();
  const hint = b.page.locator('#f-head_name-hint');
  await hint.waitFor();
  assert.match(await hint.innerText(), /ไม่รวมในไฟล์/);
  assert.match(await b.page.locator('#f-phone-hint').innerText(), /ไม่รวมในไฟล์/);
  const back = b.page.getByTestId('back-to-owner');
  assert.equal(await back.getAttribute('href'), `/communities/${household.community_id}`);
  assert.match(await back.innerText(), /กลับไปที่ชุมชน/);
  assert.deepEqual(await b.axe(), [], 'axe on a household of a summary');

  for (const o of [a, b]) {
    assert.deepEqual(o.app.errors, [], `page errors at ${o.name}`);
    await o.app.context.close();
  }
});
