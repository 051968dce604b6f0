// Half a reply typed, then the page reloads (a tab discarded, a phone call, a slip of the
// finger): the reader is back on the same step with the half-typed words in the reply box,
// and everything answered before is still there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const HALF = 'It wants me to know “not yet, but';

test('reload mid-reply: same step, the half-typed reply intact, earlier answers intact', async () => {
  const page = await h.newPage({ width: 1024, reducedMotion: 'reduce' });
  await H.openPage(page, h.base + '/demo/');
  const driver = H.pointerDriver(page);
  await H.runPlan(page, H.LONG_PATH, driver, H.WIDGET, { stopAt: 'part_speaks' });

  await H.typeReply(page, HALF);
  await page.waitForFunction((t) => {
    const a = document.querySelector('[data-tend-exercise]').__tend.state().answers.part_speaks;
    return a && a.text === t;
  }, HALF, { timeout: 5000 });
  const before = await H.state(page);
  assert.equal(before.stepId, 'part_speaks');

  // Saved as it was typed, not only on Continue.
  const saved = await page.evaluate((id) => localStorage.getItem(`tend/demo/${id}/session`), H.FLAGSHIP_ID);
  assert.ok(saved && saved.includes('not yet, but'), 'the session in localStorage already has the half reply');

  await page.reload();
  await H.waitReady(page);
  const after = await H.state(page);
  assert.equal(after.stepId, 'part_speaks', 'back on the same step');
  assert.equal(after.finished, false);
  assert.equal(after.answers.part_speaks.text, HALF, 'the half reply is in the state');
  assert.deepEqual(after.answers.kind_phrase.chosen, ['go_gently'], 'the earlier choice is intact');
  assert.equal(after.answers.reach_notice.text, H.WORDS.body, 'the earlier reply is intact');
  assert.deepEqual(after.answers, before.answers, 'every answer as it was before the reload');

  // What the reader sees: the reply box is back, over the canvas, holding the half reply.
  const box = await page.evaluate(() => {
    const f = document.querySelector('.tend-field'), c = document.querySelector('.tend-canvas');
    const fr = f.getBoundingClientRect(), cr = c.getBoundingClientRect();
    return { hidden: f.hidden, value: f.value, inside: fr.top >= cr.top && fr.bottom <= cr.bottom && fr.left >= cr.left && fr.right <= cr.right, h: fr.height };
  });
  assert.equal(box.hidden, false, 'the reply box is shown');
  assert.equal(box.value, HALF, 'the reply box holds the half-typed words');
  assert.ok(box.inside && box.h > 40, 'the reply box sits inside the canvas');

  // Carry on typing where they left off: the caret goes to the end, words join up.
  await page.locator('.tend-field').click();
  await page.keyboard.press('End');
  await H.typeText(page, '…”, and then it went quiet.');
  const full = HALF + '…”, and then it went quiet.';
  await page.waitForFunction((t) => document.querySelector('[data-tend-exercise]').__tend.state().answers.part_speaks.text === t, full, { timeout: 5000 });

  // Back, step by step, comes to the earlier reply in its box, unchanged.
  for (let i = 0; i < 8 && (await H.state(page)).stepId !== 'reach_notice'; i++) {
    const at = (await H.state(page)).stepId;
    await H.clickTarget(page, '##back', 'Back');
    await page.waitForFunction((id) => document.querySelector('[data-tend-exercise]').__tend.state().stepId !== id, at);
  }
  await H.waitForStep(page, 'reach_notice');
  assert.equal(await H.fieldValue(page), H.WORDS.body);
  assert.deepEqual(page.errors, []);
  await page.close();
});

// Every handle, hooked the moment the loader attaches it to its element (before the engine
// has even loaded), so an event fired while mounting can't slip past the test.
function hookHandles() {
  window.__early = [];
  Object.defineProperty(HTMLElement.prototype, '__tend', {
    configurable: true,
    get() { return undefined; },
    set(handle) {
      Object.defineProperty(this, '__tend', { value: handle, writable: true, configurable: true });
      if (handle) for (const name of ['step', 'complete']) handle.on(name, (v) => window.__early.push({ name, stepId: v.stepId }));
    },
  });
}

test('reload on the end screen: the summary is back, and "complete" does not fire a second time', async () => {
  const page = await h.newPage({ width: 1024, reducedMotion: 'reduce' });
  await page.addInitScript(hookHandles);
  await H.openPage(page, h.base + '/demo/');
  await H.runPlan(page, H.SHORT_PATH, H.pointerDriver(page));
  const done = await H.state(page);
  assert.equal(done.finished, true);
  assert.equal((await page.evaluate(() => window.__early)).filter((e) => e.name === 'complete').length, 1,
    "'complete' fired once on reaching the end");

  await page.reload();
  await H.waitReady(page);
  const again = await H.state(page);
  assert.equal(again.finished, true, 'still the finished session');
  assert.equal(again.stepId, done.stepId, 'on the end screen');
  assert.equal(again.answers.savour_notice.text, H.WORDS.savour);
  const early = await page.evaluate(() => window.__early);
  assert.ok(early.some((e) => e.name === 'step'), 'the hook saw the reopened widget\'s first step');
  assert.deepEqual(early.filter((e) => e.name === 'complete'), [], "no 'complete' for a session finished before the reload");
  assert.deepEqual(page.errors, []);
  await page.close();
});
