// The reader decides what this device keeps: "Delete my answers" from any step (asked, then
// done, then said), and, before the first question, keeping nothing at all (a shared or family
// computer): the words live only in the page, nothing reaches localStorage, the end still
// offers them to save.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const PREFIX = 'tend/demo/self-compassion-impossible/';
const stored = (page) => page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(p)), PREFIX);

// Every localStorage write, counted in the page.
async function countWrites(page) {
  await page.addInitScript(() => {
    window.__writes = [];
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (k, v) { window.__writes.push(k); return set.call(this, k, v); };
  });
}

test('"Delete my answers" in the middle of the exercise: asked first, then everything goes, and the reader is told', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/');
  await page.evaluate((s) => document.querySelector(s).__tend._debug.recordText(true), H.WIDGET);
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'reach_notice' });
  await H.typeReply(page, H.WORDS.body);
  await page.waitForFunction((s) => (document.querySelector(s).__tend.state().answers.reach_notice || {}).text, H.WIDGET);
  assert.ok((await stored(page)).length > 0, 'the answers were saved');

  await H.clickTarget(page, '##delete', H.SAY.delete_answers);
  await H.waitStable(page);
  assert.equal((await H.state(page)).stepId, 'reach_notice', 'asking deletes nothing yet');
  assert.ok((await stored(page)).length > 0);
  assert.equal(await page.evaluate((s) => document.querySelector(s + ' [data-k=delete_no]') === document.activeElement ||
    !document.querySelector(s).contains(document.activeElement), H.WIDGET), true, 'focus, if in the widget, is on the gentle answer');
  await H.clickTarget(page, '##delete_yes', H.SAY.delete_yes);
  await H.waitForStep(page, 'arrive');

  assert.deepEqual(await stored(page), [], 'nothing of this exercise is left on the device');
  const said = await page.evaluate((s) => ({
    mirror: document.querySelector(s + ' .tend-part-head [role=status]').textContent,
    canvas: document.querySelector(s).__tend._debug.drawnText(),
  }), H.WIDGET);
  assert.equal(said.mirror, H.SAY.deleted, 'the confirmation is there to be heard');
  assert.ok(said.canvas.includes(H.SAY.deleted), 'and to be seen');
  assert.equal((await H.state(page)).answers.reach_notice, undefined);
  // The next step: the acknowledgement has said its piece.
  await H.clickTarget(page, '##continue', H.SAY.continue_button);
  await H.waitStable(page);
  assert.equal(await page.evaluate((s) => document.querySelector(s + ' .tend-part-head [role=status]').textContent, H.WIDGET), '');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('keeping nothing on this device: no write reaches localStorage, the words are gone after a reload, the end still offers them', async () => {
  const page = await h.newPage({ width: 1024 });
  await countWrites(page);
  await H.openPage(page, h.base + '/demo/');
  await H.clickTarget(page, '##keep_nothing', H.SAY.keep_nothing);
  await H.waitStable(page);
  assert.equal(await page.evaluate((s) => document.querySelector(s + ' [data-k=keep_nothing]').checked, H.WIDGET), true);
  assert.match(await page.evaluate((s) => document.querySelector(s + ' .tend-notice').textContent, H.WIDGET), /^Nothing is being kept on this device/);
  const writesBefore = (await page.evaluate(() => window.__writes)).length;
  assert.deepEqual(await stored(page), [], 'what was kept of the opening step went too');

  await H.runPlan(page, H.SHORT_PATH, H.pointerDriver(page));
  const end = await H.state(page);
  assert.equal(end.finished, true);
  assert.equal(end.answers.kind_phrase.other, 'May I go slowly.', 'the words are held while the page is open');
  assert.equal((await page.evaluate(() => window.__writes)).length, writesBefore, 'not one write to localStorage after the choice');
  assert.deepEqual(await stored(page), []);
  const exports = (await H.targets(page)).map((t) => t.key);
  assert.ok(['copy', 'txt', 'json'].every((k) => exports.includes(k)), 'the end still offers the words to save');

  await page.reload();
  await H.waitReady(page);
  const after = await H.state(page);
  assert.equal(after.stepId, 'arrive', 'after a reload the reader starts afresh');
  assert.deepEqual(after.answers, {});
  assert.equal(await page.evaluate((s) => document.querySelector(s + ' [data-k=keep_nothing]').checked, H.WIDGET), false,
    'the choice itself was not kept either');
  await page.close();
});
