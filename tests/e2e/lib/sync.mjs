// Page-object helpers for the sync screens: the office in settings, the export panel (a
// bundle downloaded as a real file), the import panel (files chosen, unlocked, previewed and
// saved) and the Conflicts page. Builds on Records (fields by path, save, toasts, axe).
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Records } from './records.mjs';

/** The preview's columns, in the order of the table. */
const COLUMNS = ['new', 'updated', 'unchanged', 'deleted', 'conflict', 'restored'];

export class Office extends Records {
  /**
   * @param {import('./browser.mjs').AppPage} app
   * @param {string} name the office name saved in settings
   */
  constructor(app, name) {
    super(app);
    this.name = name;
  }

  screenshot(name) {
    return this.app.screenshot(name);
  }

  reload() {
    return this.app.reload();
  }

  /** Saves the office and person in settings (the exporter named in every bundle). */
  async setOffice(person) {
    await this.app.goto('/settings');
    await this.page.getByTestId('office-name-input').fill(this.name);
    await this.page.getByTestId('person-input').fill(person);
    await this.page.getByTestId('save-settings').click();
    await this.page.locator('.saved[role="status"]').waitFor();
  }

  /**
   * Makes an export on /sync and returns the downloaded file, saved under the name the app
   * gave it. `to`: the office it is for (by its visible name); `onlyMissing`: "only what that
   * office lacks"; `passphrase`: lock it.
   */
  async exportBundle({ to, onlyMissing = false, passphrase } = {}) {
    await this.app.goto('/sync');
    if (to) await this.page.getByTestId('export-to').selectOption({ label: to });
    if (onlyMissing) await this.page.getByTestId('export-only-missing').check();
    if (passphrase) {
      await this.page.getByTestId('export-lock').check();
      await this.page.getByTestId('export-pass').fill(passphrase);
      await this.page.getByTestId('export-pass2').fill(passphrase);
    }
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('export-button').click(),
    ]);
    const done = this.page.getByTestId('export-done');
    await done.waitFor();
    const name = download.suggestedFilename();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'mueang-sync-'));
    const file = path.join(dir, name);
    await download.saveAs(file);
    // /sync opened by its address must not complain (it once said "storage not allowed",
    // asking for the office list before the database was open).
    const notices = await this.page.locator('.notices .notice-error').allInnerTexts();
    if (notices.length) throw new Error(`error notices on /sync: ${notices.join(' | ')}`);
    return { file, name, summary: await done.innerText() };
  }

  /** Chooses files in the import panel of /sync (opening the page first unless `stay`). */
  async choose(files, { stay = false } = {}) {
    if (!stay) await this.app.goto('/sync');
    await this.page.getByTestId('import-input').setInputFiles(files);
  }

  importFile(n = 0) {
    return this.page.getByTestId('import-file').nth(n);
  }

  /** Waits for the preview; returns its totals row as {new, updated, unchanged, deleted, conflict}. */
  async previewTotals() {
    await this.page.getByTestId('import-preview').waitFor();
    return this.previewRow(this.page.locator('[data-testid="import-preview"] tr.total'));
  }

  /** One kind's row of the preview, by its Thai label ("เมือง"…); zeros when the kind is absent. */
  async previewKind(label) {
    await this.page.getByTestId('import-preview').waitFor();
    const row = this.page.locator('[data-testid="import-preview"] tbody tr:not(.total)')
      .filter({ has: this.page.locator('th', { hasText: new RegExp(`^${label}$`) }) });
    if (await row.count() === 0) return Object.fromEntries(COLUMNS.map((c) => [c, 0]));
    return this.previewRow(row);
  }

  async previewRow(row) {
    const cells = await row.locator('td').allInnerTexts();
    return Object.fromEntries(COLUMNS.map((c, i) => [c, Number(cells[i])]));
  }

  /** Presses "Save the import"; returns the message shown afterwards. */
  async apply() {
    await this.page.getByTestId('import-apply').click();
    const done = this.page.getByTestId('import-done');
    await done.waitFor();
    return done.innerText();
  }

  /** Chooses `file`, checks the preview, saves; returns {totals, done}. */
  async importBundle(file) {
    await this.choose(file);
    const totals = await this.previewTotals();
    const done = await this.apply();
    return { totals, done };
  }

  /** The number on the header's conflicts badge (0 when the badge is not shown). */
  async badge() {
    const b = this.page.getByTestId('conflicts-badge');
    if (await b.count() === 0) return 0;
    return Number(await b.locator('.badge').innerText());
  }

  /** Waits until the header's badge shows `n` (0: gone). */
  async waitForBadge(n) {
    if (n === 0) {
      await this.page.getByTestId('conflicts-badge').waitFor({ state: 'detached' });
    } else {
      await this.page.getByTestId('conflicts-badge').locator('.badge', { hasText: new RegExp(`^${n}$`) }).waitFor();
    }
  }

  /** Edits a city's fields on its edit screen and saves. */
  async editCity(id, fields) {
    await this.app.goto(`/cities/${id}/edit`);
    await this.page.getByTestId('city-editor').waitFor();
    for (const [field, value] of Object.entries(fields)) await this.fill(field, value);
    await this.save();
    await this.toast('บันทึกแล้ว');
    await this.page.waitForURL(new RegExp(`/cities/${id}$`));
  }

  /** A city's two names as its page shows them (the page waits for the stored data). */
  async cityNames(id) {
    await this.app.goto(`/cities/${id}`);
    await this.page.getByTestId('city-page').waitFor();
    const th = await this.page.locator('main h1 [lang="th"]').innerText();
    const en = this.page.locator('main h1 .name-en');
    return { th, en: (await en.count()) ? await en.innerText() : '' };
  }

  /** The Thai names in the city list. */
  async cityList() {
    await this.app.goto('/cities');
    await this.page.getByTestId('city-list').waitFor();
    return this.page.locator('[data-testid="city-list"] .record-link').allInnerTexts();
  }

  /**
   * Everything this office's IndexedDB database holds (every store's keys and values), as
   * text: equal snapshots mean nothing was written in between.
   */
  async storeSnapshot() {
    return this.page.evaluate(async () => {
      const db = await new Promise((ok, fail) => {
        const req = indexedDB.open('mueang');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(req.error);
      });
      const names = [...db.objectStoreNames].sort();
      const tx = db.transaction(names, 'readonly');
      const all = (req) => new Promise((ok, fail) => { req.onsuccess = () => ok(req.result); req.onerror = () => fail(req.error); });
      // Every request is made before any is awaited, inside the one transaction.
      const pending = names.map((n) => {
        const store = tx.objectStore(n);
        return Promise.all([all(store.getAllKeys()), all(store.getAll())]);
      });
      const out = {};
      (await Promise.all(pending)).forEach(([keys, values], i) => { out[names[i]] = { keys, values }; });
      db.close();
      // Chunks are UTF-8 bytes: shown as their text (or hex if they are not text).
      const bytes = (v) => {
        v = ArrayBuffer.isView(v) ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength) : new Uint8Array(v);
        try {
          return { utf8: new TextDecoder('utf-8', { fatal: true }).decode(v) };
        } catch {
          return { hex: Array.from(v, (b) => b.toString(16).padStart(2, '0')).join('') };
        }
      };
      return JSON.stringify(out, (_, v) => (ArrayBuffer.isView(v) || v instanceof ArrayBuffer ? bytes(v) : v));
    });
  }

  /** The conflict table's column (0-based version) whose header names `office`. */
  async versionOf(office) {
    const heads = await this.page.getByTestId('version-head').allInnerTexts();
    const i = heads.findIndex((h) => h.includes(office));
    if (i < 0) throw new Error(`no version by ${office} among: ${heads.join(' | ')}`);
    return i;
  }
}
