// Every route the router knows, as a new user would meet it: the example loaded from the
// overview, each route's addresses (tests/e2e/routes.json, kept equal to src/ui/routes.rs
// and src/app.rs by tests/routes.rs) opened in Thai and then in English on a tablet
// (800×1280), and axe run on each with WCAG A/AA and its best practices (heading order,
// landmarks). A new route is swept without touching this file; a failure names the
// address, its route and the language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from '../lib/browser.mjs';
import { Records, WCAG_TAGS } from '../lib/records.mjs';
import { ROUTES } from '../lib/routes.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

const TAGS = [...WCAG_TAGS, 'best-practice'];

test('axe finds nothing on any route of the router, with the example, in Thai and English', async () => {
  const swept = ROUTES.filter((r) => r.examples.length);
  assert.ok(swept.length >= 30, `the route table was read: ${swept.length} routes`);
  const app = await env.newApp({ width: 800, height: 1280 });
  const r = new Records(app);
  await r.loadExample();
  await app.loaded();
  const problems = [];
  let visited = 0;
  for (const lang of ['th', 'en']) {
    if (lang === 'en') {
      await app.navigate('/');
      await app.langSwitch().click();
      await app.page.waitForFunction(() => document.documentElement.lang === 'en');
    }
    for (const route of swept) {
      for (const address of route.examples) {
        const where = `${lang} ${address} (route ${route.path})`;
        await app.navigate(address);
        visited += 1;
        if (await app.page.getByTestId('not-found').count()) {
          problems.push(`${where}: says "not found" with the example loaded`);
        }
        for (const v of await r.axe(TAGS)) problems.push(`${where}: ${v}`);
      }
    }
  }
  assert.deepEqual(problems, [], `axe on ${visited} screens`);
  assert.equal(visited, 2 * swept.reduce((n, r) => n + r.examples.length, 0));
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
