// Page-object helpers for the record screens (provinces, cities, projects) and the
// editing machinery they share: fields by record path, save, toasts, findings, axe.
import AxeBuilder from '@axe-core/playwright';

/** The axe rule tags every screen must pass: WCAG 2.0 and 2.1, levels A and AA. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The DOM id of a field's input, as src/ui/forms/marks.rs builds it from the field path. */
export function domId(field) {
  return ('f-' + field.replace(/[^A-Za-z0-9_]+/g, '-')).replace(/-+$/, '');
}

export class Records {
  /** @param {import('./browser.mjs').AppPage} app */
  constructor(app) {
    this.app = app;
    this.page = app.page;
  }

  field(path) {
    return this.page.locator('#' + domId(path));
  }

  /** Types into a field the way a person does (replacing what is there). */
  async fill(path, text) {
    await this.field(path).fill(text);
  }

  /** Chooses an option of a select by its visible label. */
  async choose(path, label) {
    await this.field(path).selectOption({ label });
  }

  /** The messages shown at a field (each `li`, with its data-rule). */
  marks(path) {
    return this.page.locator(`#${domId(path)}-marks li`);
  }

  async rulesAt(path) {
    return this.marks(path).evaluateAll((lis) => lis.map((li) => li.dataset.rule).filter(Boolean));
  }

  findings() {
    return this.page.getByTestId('findings-panel');
  }

  async findingRules() {
    return this.findings().locator('li.finding').evaluateAll((lis) => lis.map((li) => li.dataset.rule));
  }

  /** Waits for the newest toast to contain `text`. */
  async toast(text) {
    await this.page.getByTestId('toast').filter({ hasText: text }).last().waitFor();
  }

  async save() {
    await this.page.getByTestId('save').click();
  }

  /** Loads the Northern example from the overview into an empty store. */
  async loadExample() {
    await this.app.goto('/');
    await this.page.getByTestId('load-example').click();
    await this.toast('โหลดข้อมูลตัวอย่างแล้ว');
  }

  /** Opens a city's page by its Thai name from the city list; returns its id. */
  async openCity(nameTh) {
    await this.app.goto('/cities');
    await this.page.locator('.record-link', { hasText: nameTh }).first().click();
    await this.page.getByTestId('city-page').waitFor();
    return this.page.url().split('/cities/')[1];
  }

  /**
   * Accessibility violations on the current screen (axe-core, WCAG 2.x A/AA; pass
   * `[...WCAG_TAGS, 'best-practice']` for axe's best practices too, e.g. heading order).
   */
  async axe(tags = WCAG_TAGS) {
    const result = await new AxeBuilder({ page: this.page })
      .withTags(tags)
      .analyze();
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  }
}
