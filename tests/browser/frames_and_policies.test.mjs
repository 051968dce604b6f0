// Where the page itself limits the widget: a Content-Security-Policy without WebAssembly, a
// sandboxed frame whose origin is "null" (no storage, no downloads, no clipboard). The console
// names the cause for the practice; the reader is never told "try again later" about something
// that won't change, and is offered only what works there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as H from './harness.mjs';

let h;
// A frame with an opaque origin counts as outside this machine, and Chromium keeps such pages
// from the loopback addresses the test site is on (Local Network Access); a practice's files
// come from a public host, where that check doesn't apply.
before(async () => { h = await H.start({ extraArgs: ['--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests'] }); });
after(async () => { await h.close(); });

const LOADER_WORDS = JSON.parse(fs.readFileSync(path.join(H.root, 'src/screen/words/en.json'), 'utf8')).words;
const TINY = { format: 'tend.exercise/1', id: 'tiny', version: '1', language: 'en', title: 'One breath', minutes: 1,
  intro: 'One breath.', disclaimer: 'A practice, not therapy.',
  safety: { step: 'ground', resources: [{ label: 'Emergency services', text: 'Call your local emergency number.' }] },
  steps: [{ id: 'ask', kind: 'text', prompt: 'What do you notice?' }, { id: 'done', kind: 'end', text: ['Thank you.'] },
    { id: 'ground', kind: 'say', text: ['Feet on the floor.'], next: '@return' }] };

test('a page whose Content-Security-Policy forbids WebAssembly: the console says so, the reader isn\'t asked to try later', async () => {
  const page = await h.newPage({ width: 1024 });
  await page.route(h.base + '/demo/', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers(), 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'" };
    await route.fulfill({ response, headers });
  });
  await page.goto(h.base + '/demo/');
  // The reader comes near the widget (it starts then, schedule.js), and the engine is refused.
  await page.evaluate(() => document.querySelector('[data-tend-exercise]').scrollIntoView());
  await page.waitForFunction(() => !document.querySelector('.tend-message').hidden, null, { timeout: 15000 });
  const message = await page.evaluate(() => document.querySelector('.tend-message').textContent);
  await page.close();
  assert.equal(message, LOADER_WORDS.cant_show_here);
  assert.ok(page.errors.some((e) => /Content-Security-Policy/.test(e) && /'wasm-unsafe-eval'/.test(e)),
    `the console names the cause: ${JSON.stringify(page.errors)}`);
});

// A page of the test site, not under the site's CSP, holding a sandboxed frame (allow-scripts
// only: an opaque origin) whose document loads tend.js from the site and mounts TINY.
async function sandboxed(page, { cors }) {
  await page.route(h.base + '/outer.html', (r) => r.fulfill({ contentType: 'text/html',
    body: '<!doctype html><html lang="en"><body><iframe sandbox="allow-scripts" src="/inner.html" style="width:800px;height:1400px"></iframe></body></html>' }));
  await page.route(h.base + '/inner.html', (r) => r.fulfill({ contentType: 'text/html',
    body: `<!doctype html><html lang="en"><body><div id="w"></div><script src="${h.base}/tend.js"></script>` +
      `<script>window.handle = Tend.mount(document.getElementById('w'), { exercise: ${JSON.stringify(TINY)} });</script></body></html>` }));
  if (cors) {
    await page.route(/\/(tend-engine\.wasm|tend\.css)$/, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'access-control-allow-origin': '*' } });
    });
  }
  await page.goto(h.base + '/outer.html');
  const frame = page.frames().find((f) => f.url().endsWith('/inner.html'));
  await frame.waitForFunction(() => window.handle && window.handle.ready);
  await frame.evaluate(() => window.handle.ready);
  return frame;
}

test('a sandboxed frame the widget\'s files can\'t reach: the console names the frame and CORS; the reader isn\'t asked to try later', async () => {
  const page = await h.newPage({ width: 1024 });
  const frame = await sandboxed(page, { cors: false });
  const message = await frame.evaluate(() => document.querySelector('.tend-message').textContent);
  await page.close();
  assert.equal(message, LOADER_WORDS.cant_show_here);
  assert.ok(page.errors.some((e) => /sandboxed frame/.test(e) && /tend-engine\.wasm/.test(e) && /Access-Control-Allow-Origin/.test(e)),
    `the console names the file and the cause: ${JSON.stringify(page.errors)}`);
});

test('a sandboxed frame that can load the widget: no storage, and the end offers the words as text to select, nothing that can\'t work', async () => {
  const page = await h.newPage({ width: 1024 });
  const frame = await sandboxed(page, { cors: true });
  const notice = await frame.evaluate(() => document.querySelector('.tend-notice').textContent);
  assert.equal(notice, LOADER_WORDS.storage_blocked_frame);
  const tick = () => frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await frame.evaluate(() => {
    const f = document.querySelector('.tend-field');
    f.value = 'a warmth, then quiet';
    f.dispatchEvent(new Event('input'));
  });
  await tick();
  await frame.evaluate(() => document.querySelector('[data-k=continue]').click());
  await tick();
  const end = await frame.evaluate(() => ({ step: window.handle.state().stepId,
    exports: [...document.querySelectorAll('.tend-part-ending [data-k]')].map((e) => e.getAttribute('data-k')) }));
  assert.equal(end.step, 'done');
  assert.ok(!end.exports.some((k) => ['copy', 'txt', 'json'].includes(k)), `no download or copy offered: ${end.exports}`);
  assert.ok(end.exports.includes('show_words'));
  await frame.evaluate(() => document.querySelector('[data-k=show_words]').click());
  await tick();
  const words = await frame.evaluate(() => {
    const box = document.querySelector('.tend-words');
    return box && { text: box.value, readonly: box.readOnly, shown: !!box.offsetParent };
  });
  await page.close();
  assert.ok(words && words.shown && words.readonly, 'the words are shown, to select');
  assert.match(words.text, /a warmth, then quiet/);
});
