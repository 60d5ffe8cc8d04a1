// Launching Debian's Chromium through playwright-core (never `npx playwright install`:
// it downloads a browser, which cannot work here), and a page object for the app shell.
import { chromium } from 'playwright-core';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
// MUEANG_DIST lets several people test their own builds side by side.
export const DIST = path.resolve(process.env.MUEANG_DIST || path.resolve(here, '../../../dist'));
export const SCREENSHOTS = path.resolve(here, '../screenshots');

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Flags that keep Chromium quiet on a closed network (see docs/development.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/**
 * Everything one spec file needs: a server for dist/ on a free port and a browser.
 * Call in `before`, and `stop()` in `after`.
 */
export async function setup() {
  const server = await startServer({ root: DIST });
  const browser = await launch();
  return {
    server,
    browser,
    url: server.url,
    /**
     * A fresh context (own storage, own service worker) with a tablet viewport.
     * `serviceWorkers: 'block'` leaves the worker out (so `page.route` sees every request).
     */
    async newApp(viewport = { width: 800, height: 1280 }, { serviceWorkers = 'allow' } = {}) {
      const context = await browser.newContext({ viewport, serviceWorkers });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e));
      return new AppPage(page, context, server.url, errors);
    },
    async stop() {
      await browser.close();
      await server.close();
    },
  };
}

/** Page object for the app shell; screen-specific helpers go in their own files. */
export class AppPage {
  constructor(page, context, baseUrl, errors) {
    this.page = page;
    this.context = context;
    this.baseUrl = baseUrl;
    this.errors = errors;
  }

  /** Opens a path and waits until the app (not the boot line) is on screen. */
  async goto(p = '/') {
    await this.page.goto(this.baseUrl + p);
    await this.ready();
  }

  async ready() {
    await this.page.locator('header.topbar').waitFor({ timeout: 20_000 });
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  /**
   * Waits until the app has read the store: the overview shows its counts only then. Call
   * on `/` (after `goto('/')` or a reload there).
   */
  async loaded() {
    await this.page.getByTestId('counts').waitFor();
  }

  /**
   * Opens `p` (a fresh page load, as a shared link or a bookmark does) and waits until the
   * screen is the one asked for and has read the store: a heading, no "loading" line.
   */
  async navigate(p) {
    await this.page.goto(this.baseUrl + p);
    await this.ready();
    await this.page.waitForFunction(() => {
      const main = document.querySelector('main');
      if (!main || !main.querySelector('h1')) return false;
      return ![...main.querySelectorAll('p')].some((el) => /^(กำลังโหลด|Loading)/.test(el.textContent.trim()));
    }, null, { timeout: 15_000 }).catch(async (e) => {
      const seen = await this.page.evaluate(() => (document.querySelector('main')?.outerHTML || document.body.outerHTML).slice(0, 400));
      throw new Error(`navigate(${p}) did not settle at ${this.page.url()}: ${seen}\n${e.message}`);
    });
    const at = new URL(this.page.url());
    if (at.pathname + at.search !== p) throw new Error(`navigate(${p}) ended at ${at.pathname}${at.search}`);
  }

  /** Waits for the service worker to control the page and finish precaching. */
  async waitForOffline() {
    await this.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
      }
      return reg.active && reg.active.state;
    });
  }

  heading() {
    return this.page.locator('main h1').first();
  }

  nav(name) {
    return this.page.locator('nav.mainnav a', { hasText: name });
  }

  langSwitch() {
    return this.page.getByTestId('lang-switch');
  }

  async htmlLang() {
    return this.page.evaluate(() => document.documentElement.lang);
  }

  /** Visible text of the page's body. */
  async text() {
    return this.page.locator('body').innerText();
  }

  /**
   * Visible text that is in the page's language: text inside an element marked with another
   * `lang` (the switch naming the other language) is left out.
   */
  async textInPageLanguage() {
    return this.page.evaluate(() => {
      const pageLang = document.documentElement.lang;
      const out = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || !n.textContent.trim()) continue;
        if (!el.checkVisibility || !el.checkVisibility()) continue;
        const marked = el.closest('[lang]');
        if (marked && marked !== document.documentElement && marked.lang !== pageLang) continue;
        out.push(n.textContent.trim());
      }
      return out;
    });
  }

  async screenshot(name) {
    await this.page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: false });
  }
}
