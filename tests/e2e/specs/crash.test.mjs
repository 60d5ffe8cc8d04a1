// A panic shows a message in Thai and English with "copy details", not a frozen screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup } from '../lib/browser.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env.stop(); });

test('a panic shows the crash page with copyable details', async () => {
  const app = await env.newApp();
  await app.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.url });
  await app.page.goto(env.url + '/_crash');
  const crash = app.page.locator('main.crash');
  await crash.waitFor({ timeout: 20_000 });
  assert.match(await crash.locator('h1').innerText(), /ขออภัย/);
  assert.match(await crash.innerText(), /Sorry, the app stopped/);
  const details = await crash.locator('textarea').inputValue();
  assert.match(details, /crash test: this panic is deliberate/);

  const copy = crash.locator('button[data-copy]');
  await copy.click();
  await app.page.locator('button[data-copy][data-copied]').waitFor();
  const clip = await app.page.evaluate(() => navigator.clipboard.readText());
  assert.match(clip, /crash test/);
  await app.screenshot('crash-800x1280.png');
  await app.context.close();
});
