// Two tabs (or windows) open on the same question: the reader's words in one are never
// written over by the other without the reader seeing it. What each tab's reply box shows is
// what its widget holds, so the next keystroke in either carries both tabs' words on.
// (Writes made at the very same moment, before either tab heard of the other's, keep both
// words too: Session::sync(), in the engine's tests.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const EXERCISE = H.oneQuestion('two-tabs');

async function open(context) {
  const page = await h.newPage({ context });
  await page.route(h.base + '/tabs.html', (r) => r.fulfill({ contentType: 'text/html',
    body: `<!doctype html><html lang="en"><body><main><div id="w" data-tend-start="now"></div></main><script src="${h.base}/tend.js"></script>` +
      `<script>Tend.mount(document.getElementById('w'), { exercise: ${JSON.stringify(EXERCISE)}, start: 'now' });</script></body></html>` }));
  await page.goto(h.base + '/tabs.html');
  await H.waitReady(page, '#w');
  return page;
}
const reply = (page) => page.evaluate(() => (document.getElementById('w').__tend.state().answers.ask || {}).text || '');
const stored = (page) => page.evaluate(() => {
  const k = Object.keys(localStorage).find((key) => key.endsWith('/session'));
  return k ? JSON.parse(localStorage.getItem(k)).answers.ask.text : '';
});

test("typing in one tab while the other tab's reply box has the focus: that box shows the new words, and its next keystroke keeps them", async () => {
  const context = await h.browser.newContext({ viewport: { width: 1024, height: 900 }, reducedMotion: 'reduce' });
  const a = await open(context), b = await open(context);

  await a.bringToFront();
  await H.typeReply(a, 'first words', '#w');
  await b.waitForFunction(() => (document.getElementById('w').__tend.state().answers.ask || {}).text === 'first words');

  await b.bringToFront();
  await H.typeReply(b, ', then the second tab', '#w');
  assert.equal(await reply(b), 'first words, then the second tab');

  // Tab A's box still has the focus: it must show what tab A's widget now holds.
  await a.waitForFunction(() => (document.getElementById('w').__tend.state().answers.ask || {}).text === 'first words, then the second tab');
  await a.bringToFront();
  await a.waitForFunction(() => document.querySelector('#w .tend-field').value === 'first words, then the second tab', null, { timeout: 5000 });
  assert.ok(await a.evaluate(() => document.activeElement && document.activeElement.classList.contains('tend-field')), 'the reader is still in the box');
  await H.typeText(a, ' and more');
  assert.equal(await reply(a), 'first words, then the second tab and more', 'the keystroke went after both tabs\' words');

  // Continue in tab B keeps every word.
  await b.waitForFunction(() => document.querySelector('#w .tend-field').value === 'first words, then the second tab and more');
  await b.bringToFront();
  await H.clickTarget(b, '##continue', 'Continue', '#w');
  await b.waitForFunction(() => document.getElementById('w').__tend.state().stepId === 'done');
  assert.equal(await stored(b), 'first words, then the second tab and more');
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await context.close();
});
