// Signed bundles through the real screens: the first signed bundle from an office is kept
// (trust on first use) and later ones from the same device are recognised; a bundle from
// another device under the same office, or one that comes unsigned, is warned about before
// anything is saved (Cancel saves nothing, "Accept and save" keeps the new device); a bundle
// changed after it was signed is refused in Thai. Screenshots in Thai.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setup } from '../lib/browser.mjs';
import { Office } from '../lib/sync.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

const NORTH = 'ศูนย์ประสานงานภาคเหนือ';
const SETTINGS = 'mueang.settings.v1';

async function deviceCode(office) {
  await office.app.goto('/sync');
  const code = office.page.getByTestId('device-code');
  await code.waitFor();
  return (await code.locator('strong').innerText()).trim();
}

async function signedBy(office) {
  return office.importFile().getByTestId('manifest-signed-by').innerText();
}

async function scratch(name, text) {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'mueang-sign-')), name);
  await writeFile(file, text);
  return file;
}

test('keys are kept on first use; another device or no signature is warned about; a changed file is refused', async () => {
  const a = new Office(await env.newApp(), NORTH);
  const b = new Office(await env.newApp(), 'สำนักงานเมืองแม่สอด');
  await a.setOffice('สมศรี ใจดี');
  await b.setOffice('สมชาย รักเมือง');
  await a.loadExample();
  const codeA = await deviceCode(a);
  assert.match(codeA, /^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);

  // First signed bundle from the north: its device code, kept when saved.
  const first = await a.exportBundle();
  await b.choose(first.file);
  await b.previewTotals();
  assert.match(await signedBy(b), new RegExp(`เครื่อง ${codeA} .*จะจำเครื่องนี้ไว้`));
  assert.equal(await b.page.getByTestId('signature-warning').count(), 0);
  assert.match(await b.apply(), /นำเข้าเรียบร้อย/);

  // The same device again: recognised, no warning.
  const second = await a.exportBundle();
  await b.choose(second.file);
  await b.previewTotals();
  assert.match(await signedBy(b), /ตรงกับเครื่องที่จำไว้/);
  assert.equal(await b.page.getByTestId('signature-warning').count(), 0);
  await b.page.getByTestId('import-cancel').click();

  // A bundle changed after signing (the exporter's name): refused, nothing to save.
  const text = await readFile(second.file, 'utf8');
  const changed = await scratch('changed.json', text.replace('สมศรี ใจดี', 'คนอื่น'));
  await b.choose(changed);
  const refused = b.importFile().getByTestId('import-error');
  await refused.waitFor();
  assert.match(await refused.innerText(), /ลายเซ็นของไฟล์นี้ไม่ถูกต้อง/);
  assert.equal(await b.page.getByTestId('import-apply').count(), 0);
  await b.importFile().locator('.refused button').click();

  // The same bundle without its signature: warned, naming the kept device.
  const bundle = JSON.parse(text);
  delete bundle.signature;
  const unsigned = await scratch('unsigned.json', JSON.stringify(bundle));
  await b.choose(unsigned);
  await b.previewTotals();
  const warning = b.page.getByTestId('signature-warning');
  await warning.waitFor();
  assert.match(await warning.innerText(), new RegExp(`ลงชื่อโดยเครื่อง ${codeA} แต่ไฟล์นี้ไม่ได้ลงชื่อ`));
  assert.match(await b.page.getByTestId('import-apply').innerText(), /ยอมรับและบันทึกการนำเข้า/);
  await b.page.getByTestId('import-cancel').click();

  // Another device under the north's office id (a new computer): warned with both codes.
  const c = new Office(await env.newApp(), NORTH);
  const settingsA = await a.page.evaluate((k) => localStorage.getItem(k), SETTINGS);
  await c.app.goto('/settings');
  await c.page.evaluate(([k, v]) => localStorage.setItem(k, v), [SETTINGS, settingsA]);
  await c.reload();
  await c.loadExample();
  const codeC = await deviceCode(c);
  assert.notEqual(codeC, codeA);
  const fromC = await c.exportBundle();
  await b.choose(fromC.file);
  await b.previewTotals();
  await warning.waitFor();
  const said = await warning.innerText();
  assert.ok(said.includes(codeA) && said.includes(codeC), said);
  await warning.scrollIntoViewIfNeeded();
  await b.screenshot('sync-signature-warning-th.png');
  // Cancel: nothing saved, and the next try still warns.
  await b.page.getByTestId('import-cancel').click();
  await b.choose(fromC.file);
  await b.previewTotals();
  await warning.waitFor();
  // Accept: saved (the data is the same example; the new device is what changes), and the
  // new device is the one kept from now on.
  assert.match(await b.apply(), /นำเข้า/);
  const third = await c.exportBundle();
  await b.choose(third.file);
  await b.previewTotals();
  assert.match(await signedBy(b), new RegExp(`เครื่อง ${codeC} \\(ตรงกับเครื่องที่จำไว้`));
  assert.equal(await b.page.getByTestId('signature-warning').count(), 0);

  for (const o of [a, b, c]) {
    assert.deepEqual(o.app.errors, [], `page errors at ${o.name}`);
    await o.app.context.close();
  }
});
