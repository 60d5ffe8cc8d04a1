// Page-object helpers for the committee, meeting, MOU, instalment, grant, parameter and
// stated-total screens, the Findings page, the banners and two tabs. Builds on Records
// (fields by record path, save, toasts, findings panel, axe).
import { Records, domId } from './records.mjs';

export { domId };

export class Screens extends Records {
  /** Saves and waits for the "saved" toast and the record's own address. */
  async saveAndWait(urlPattern) {
    await this.save();
    await this.toast('บันทึกแล้ว');
    if (urlPattern) await this.page.waitForURL(urlPattern);
  }

  /** The id at the end of the current address. */
  idInUrl() {
    return new URL(this.page.url()).pathname.split('/').pop();
  }

  /**
   * Waits until the live findings panel lists exactly `rules`; returns what it lists then
   * (sorted codes), or after `timeout` what it lists instead, for the caller's assertion.
   */
  async waitForFindings(rules, timeout = 5000) {
    const want = [...rules].sort().join(',');
    await this.page.waitForFunction((w) => {
      const lis = document.querySelectorAll('[data-testid="findings-panel"] li.finding');
      return [...lis].map((li) => li.dataset.rule).sort().join(',') === w;
    }, want, { timeout }).catch(() => {});
    return (await this.findingRules()).sort();
  }

  /** The rule codes listed on the Findings page, as shown (all pages of 50 are not needed here). */
  async findingsPageRules() {
    await this.page.getByTestId('findings-page').waitFor();
    return this.page.locator('.finding-row').evaluateAll((lis) => lis.map((li) => li.dataset.rule));
  }

  /** Adds a line with a button and waits for line `n` to exist. */
  async addLine(button, testIdPrefix, n) {
    await this.page.getByTestId(button).click();
    await this.page.getByTestId(`${testIdPrefix}-${n}`).waitFor();
  }

  /** The value shown in a field. */
  async value(path) {
    return this.field(path).inputValue();
  }

  /** Axe on the current screen; throws with the violations listed when there are any. */
  async expectNoAxeViolations(where) {
    const v = await this.axe();
    if (v.length) throw new Error(`axe on ${where}:\n${v.join('\n')}`);
  }
}

/**
 * Makes `navigator.storage.persist()` answer `answer` in every page of the context, so a
 * test decides whether the browser "refused" persistent storage.
 */
export async function persistAnswer(context, answer) {
  await context.addInitScript((a) => {
    if (navigator.storage) {
      navigator.storage.persist = () => Promise.resolve(a);
      navigator.storage.persisted = () => Promise.resolve(a);
    }
  }, answer);
}
