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

// The survey screens hold nothing with the example alone (it has no community), so they
// are swept again with a survey entered: a community with households (one house number
// twice, so the warnings show), its entry screen mid-way, a household, and a round.
test('axe finds nothing on the survey screens with households entered, in Thai and English', async () => {
  const { Survey } = await import('../lib/survey.mjs');
  const app = await env.newApp({ width: 800, height: 1280 });
  const s = new Survey(app);
  await s.loadExample();
  await app.loaded();
  const round = await s.newRound('รอบที่ 1', '1 มี.ค. 61');
  const community = await s.newCommunity('ชุมชนทดสอบ (สมมติ)', 4);
  await s.page.getByTestId('start-survey').click();
  await s.page.getByTestId('household-editor').waitFor();
  for (const [n, members] of [['1', '3'], ['2', '0']]) {
    await s.fill('house_number', n);
    await s.fill('members', members);
    await s.tap('condition', 'ดี');
    await s.saveAndNext(`สำรวจแล้ว ${n} จาก 4 ครัวเรือน`);
  }
  const problems = [];
  let visited = 0;
  for (const lang of ['th', 'en']) {
    if (lang === 'en') {
      await app.navigate('/');
      await app.langSwitch().click();
      await app.page.waitForFunction(() => document.documentElement.lang === 'en');
    }
    const rows = [`/communities/${community}`, `/survey-rounds/${round}`, '/survey-rounds'];
    for (const address of rows) {
      await app.navigate(address);
      visited += 1;
      for (const v of await s.axe(TAGS)) problems.push(`${lang} ${address}: ${v}`);
    }
    // The entry screen with a repeated house number typed (a warning at the field).
    await app.navigate(`/households/new?community=${community}`);
    await s.fill('house_number', '1');
    await s.fill('members', '2');
    await s.tap('land_tenure', lang === 'th' ? 'เช่า' : 'rented');
    await s.waitForMark('house_number', 'household.duplicate');
    visited += 1;
    for (const v of await s.axe(TAGS)) problems.push(`${lang} /households/new?community=… (entry): ${v}`);
    // A stored household with its finding (no members).
    await app.navigate(`/communities/${community}`);
    await s.page.locator('[data-testid="household-row"] td:first-child a', { hasText: /^2$/ }).click();
    await s.waitForMark('members', 'household.members');
    visited += 1;
    for (const v of await s.axe(TAGS)) problems.push(`${lang} household page: ${v}`);
  }
  assert.deepEqual(problems, [], `axe on ${visited} survey screens`);
  assert.deepEqual(app.errors, []);
  await app.context.close();
});
