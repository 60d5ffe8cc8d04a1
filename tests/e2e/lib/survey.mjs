// Page-object helpers for the survey screens: a community with its households, the
// household entry screen (one household per screen, choice buttons, save and next) and
// survey rounds. Builds on Screens (fields by record path, save, toasts, axe).
import { Screens, domId } from './screens.mjs';

/** เทศบาลนครแม่สอด, the example's first city. */
export const MAE_SOT = '6315ebf8-46dd-5cc6-903a-296457676d77';

export class Survey extends Screens {
  /** Makes a community of `city` stating `households`; returns its id. */
  async newCommunity(name, households, city = MAE_SOT) {
    await this.app.navigate(`/communities/new?city=${city}`);
    await this.fill('name', name);
    await this.fill('households', String(households));
    await this.saveAndWait(/\/communities\/[0-9a-f-]{36}$/);
    await this.page.getByTestId('start-survey').waitFor();
    return this.idInUrl();
  }

  /** Makes an open survey round of `city`; returns its id. */
  async newRound(title, date, city = MAE_SOT) {
    await this.app.navigate(`/survey-rounds/new?city=${city}`);
    await this.fill('title', title);
    await this.fill('date', date);
    await this.saveAndWait(/\/survey-rounds\/[0-9a-f-]{36}$/);
    return this.idInUrl();
  }

  /** Taps the choice button labelled exactly `label` in the choice field `path`. */
  async tap(path, label) {
    const exact = new RegExp(`^\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    await this.page.locator(`#${domId(path)} label.choice`).filter({ hasText: exact }).click();
    await this.page.locator(`#${domId(path)} label.choice.chosen`).filter({ hasText: exact }).waitFor();
  }

  progress() {
    return this.page.getByTestId('survey-progress');
  }

  /** Waits until the progress line reads `text`. */
  async waitForProgress(text) {
    await this.page.getByTestId('survey-progress').filter({ hasText: text }).waitFor();
  }

  /** Waits until the field `path` shows a message of rule `code`. */
  async waitForMark(path, code) {
    await this.page.locator(`#${domId(path)}-marks li[data-rule="${code}"]`).waitFor();
  }

  /** "Save and next household", then waits for the next blank household. */
  async saveAndNext(progressAfter) {
    await this.page.getByTestId('save-next').click();
    await this.waitForProgress(progressAfter);
    await this.page.waitForFunction((id) => document.getElementById(id)?.value === '', domId('house_number'));
  }
}
