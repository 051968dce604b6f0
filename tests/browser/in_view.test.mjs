// The widget keeps its place in the article: after every step change the reader makes (and
// "Return to where I was", and deleting), the top of the widget is in view, on a phone too;
// and a tab in the background, following another tab's answers, never scrolls its page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

// Until the page has stopped scrolling, then where the widget's top is in the viewport.
const topAfterScrolling = (page) => page.evaluate(async (s) => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  let last = -1, same = 0;
  for (let i = 0; i < 120 && same < 6; i++) { await frame(); same = scrollY === last ? same + 1 : 0; last = scrollY; }
  return { top: document.querySelector(s + ' .tend-frame').getBoundingClientRect().top, height: innerHeight };
}, H.WIDGET);

test('on a phone, after every step change, Return and Delete, the top of the widget is in view', async () => {
  const page = await h.newPage({ width: 375, height: 667, dpr: 2 });
  await H.openPage(page, h.base + '/demo/');
  const problems = [];
  const check = async (why) => {
    const { top, height } = await topAfterScrolling(page);
    if (top < -1 || top > height * 0.8) problems.push(`${why}: the widget's top is at ${Math.round(top)} px of ${height}`);
  };
  const base = H.pointerDriver(page);
  const driver = { ...base, stepped: async () => { await check((await H.state(page)).stepId); } };
  await H.runPlan(page, H.LONG_PATH, driver, H.WIDGET, { stopAt: 'reach_notice' });
  await H.clickTarget(page, '##need_pause', H.SAY.need_pause);
  await check('the pause');
  await H.clickTarget(page, '##return', H.SAY.return_button);
  await check('return to where I was');
  await H.clickTarget(page, '##delete', H.SAY.delete_answers);
  await H.clickTarget(page, '##delete_yes', H.SAY.delete_yes);
  await H.waitForStep(page, 'arrive');
  await check('after deleting');
  await page.close();
  assert.deepEqual(problems, []);
});

test('a tab in the background that follows another tab\'s answers never scrolls its page', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1024, height: 700 } });
  const a = await context.newPage(), b = await context.newPage();
  await H.openPage(a, h.base + '/demo/');
  await H.openPage(b, h.base + '/demo/');
  // Its reader scrolled on past the widget's top, into the exercise.
  await b.evaluate((s) => window.scrollTo(0, scrollY + document.querySelector(s).getBoundingClientRect().top + 200), H.WIDGET);
  const before = await b.evaluate(() => scrollY);
  assert.ok(before > 0);
  await a.bringToFront();
  // (To a step at least as tall as the first, so the page doesn't grow shorter under its reader.)
  await H.runPlan(a, H.LONG_PATH, H.pointerDriver(a), H.WIDGET, { stopAt: 'kind_phrase' });
  await b.waitForFunction((s) => document.querySelector(s).__tend.state().stepId === 'kind_phrase', H.WIDGET, { timeout: 5000 });
  await b.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  assert.equal(await b.evaluate(() => scrollY), before, 'the background tab stayed where its reader left it');
  await context.close();
});
