// Page objects for the report screens and printable sheets (src/ui/pages/reports/).
import fs from 'node:fs/promises';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { SCREENSHOTS } from './browser.mjs';

/**
 * Loads the Northern example through the overview's "load example data" action (the app's
 * own path: no test hook). When the device already holds records the app asks first.
 */
export async function loadExample(app) {
  await app.goto('/');
  const button = app.page.getByTestId('load-example');
  await button.waitFor({ timeout: 20_000 });
  await button.click();
  const confirm = app.page.getByTestId('example-merge');
  if (await confirm.isVisible().catch(() => false)) await confirm.click();
  // Loaded when the overview counts the 12 cities.
  await app.page.waitForFunction(() => {
    const el = document.querySelector('[data-testid="counts"] [data-kind="cities"] .card-number');
    return el && el.textContent.trim() === '12';
  }, null, { timeout: 20_000 });
}

/** The dashboard at /reports. */
export class ReportsPage {
  constructor(app) {
    this.app = app;
    this.page = app.page;
  }

  async open(query = '') {
    await this.app.goto(`/reports${query}`);
    await this.ready();
  }

  /** From the overview, through its link to the reports. */
  async openFromHome() {
    await this.app.goto('/');
    await this.page.getByTestId('home-reports-link').getByRole('link').click();
    await this.ready();
  }

  async ready() {
    await this.page.getByTestId('reports-page').waitFor();
    await this.figure('cities').waitFor();
  }

  /** A headline figure's number, e.g. figure('approved') → "6,000,000". */
  figure(key) {
    return this.page.locator(`[data-testid="totals"] [data-figure="${key}"] .card-number`);
  }

  async figureText(key) {
    return (await this.figure(key).innerText()).trim();
  }

  overdueRows() {
    return this.page.locator('[data-testid="overdue"] tbody tr');
  }

  dueSoonRows() {
    return this.page.locator('[data-testid="due-soon"] tbody tr');
  }

  /** Cells of one reconciliation row ('cities', 'provinces', 'amount'). */
  async reconRow(figure) {
    const row = this.page.locator(`[data-testid="reconciliation"] tr[data-figure="${figure}"]`);
    const cell = async (col) => (await row.locator(`td[data-col="${col}"]`).innerText()).trim();
    return { stated: await cell('stated'), computed: await cell('computed'), difference: await cell('difference') };
  }

  async chooseRegion(label) {
    await this.page.getByTestId('report-region').selectOption({ label });
  }

  /** Types an "as of" date the way staff write it and waits for the address to follow. */
  async setAsOf(text, iso) {
    const input = this.page.getByTestId('report-as-of');
    await input.fill(text);
    await input.press('Enter');
    await this.page.waitForURL((u) => u.searchParams.get('asof') === iso);
  }

  /** Clicks a CSV button; resolves to { name, bytes }. */
  async downloadCsv(list) {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.locator(`[data-testid="csv-downloads"] button[data-csv="${list}"]`).click(),
    ]);
    const file = await download.path();
    return { name: download.suggestedFilename(), bytes: await fs.readFile(file) };
  }
}

/** Runs axe-core on the page; resolves to its violations (id, impact, targets). */
export async function axeViolations(page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
  }));
}

/** The number of pages of a PDF file (its /Type /Page objects). */
export function pdfPageCount(bytes) {
  const text = bytes.toString('latin1');
  return (text.match(/\/Type\s*\/Page(?!s)/g) || []).length;
}

export async function savePdf(page, name) {
  const bytes = await page.pdf({ format: 'A4', printBackground: true });
  await fs.mkdir(SCREENSHOTS, { recursive: true });
  await fs.writeFile(path.join(SCREENSHOTS, name), bytes);
  return bytes;
}
