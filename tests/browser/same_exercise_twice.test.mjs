// The same exercise twice on one page (a blog index showing whole posts; an embed at the top
// and the bottom of a post): the two widgets share one session, live. Neither ever writes over
// words it has not seen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const TOP = '#tend-top', BOTTOM = '#tend-bottom';

async function twice(page) {
  await page.route(h.base + '/demo/', async (route) => {
    const response = await route.fetch();
    const body = (await response.text())
      .replace('<div data-tend-exercise', '<div id="tend-top" data-tend-exercise')
      .replace('</footer>', '<div id="tend-bottom" data-tend-exercise="self-compassion-impossible"></div></footer>');
    await route.fulfill({ response, body });
  });
  await H.openPage(page, h.base + '/demo/', [TOP, BOTTOM]);
}

test('words given in one widget show in the other at once, and Continue in the other keeps them', async () => {
  const page = await h.newPage({ width: 1024, height: 900 });
  await twice(page);
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page, TOP), TOP, { stopAt: 'reach_notice' });
  await H.typeReply(page, H.WORDS.body, TOP);
  await page.waitForFunction(([s, w]) => (document.querySelector(s).__tend.state().answers.reach_notice || {}).text === w, [BOTTOM, H.WORDS.body],
    { timeout: 5000 }).catch(() => {});
  const bottom = await H.state(page, BOTTOM);
  assert.equal(bottom.stepId, 'reach_notice', 'the other widget followed to the same step');
  assert.equal(bottom.answers.reach_notice.text, H.WORDS.body, 'and has the words');
  await H.waitStable(page, BOTTOM);
  assert.equal(await H.fieldValue(page, BOTTOM), H.WORDS.body, 'its reply box shows them');

  await H.clickTarget(page, '##continue', H.SAY.continue_button, BOTTOM);
  await page.waitForFunction((s) => document.querySelector(s).__tend.state().stepId === 'distress_first', TOP, { timeout: 5000 }).catch(() => {});
  assert.equal((await H.state(page, BOTTOM)).answers.reach_notice.text, H.WORDS.body, 'Continue there kept the words');
  assert.equal((await H.state(page, TOP)).stepId, 'distress_first', 'and the first widget moved on with it');

  await page.reload();
  await H.waitReady(page, TOP);
  await H.waitReady(page, BOTTOM);
  for (const s of [TOP, BOTTOM]) {
    const st = await H.state(page, s);
    assert.equal(st.answers.reach_notice.text, H.WORDS.body, `${s} has the words after a reload`);
    assert.equal(st.stepId, 'distress_first');
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});
