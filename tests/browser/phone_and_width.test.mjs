// On a phone the widget sits in the middle of a post the reader is scrolling with a finger:
// a vertical swipe that starts on the canvas must scroll the article (and choose nothing),
// while a tap still chooses. And its width follows its container: in the narrowest column a
// phone gives (a 280 px screen) it fits without pushing the page sideways, and in a wide one
// it stops at 900 px, centred.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const canvasBox = (page) => page.evaluate(() => {
  const r = document.querySelector('.tend-canvas').getBoundingClientRect();
  return { x: r.left, y: r.top, w: r.width, h: r.height };
});

test('a phone: a vertical swipe over the canvas scrolls the article and chooses nothing; a tap chooses', async () => {
  const context = await h.browser.newContext({ viewport: { width: 375, height: 700 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const page = await h.newPage({ context });
  await H.openPage(page, h.base + '/demo/');
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'kind_phrase' });
  const label = H.optionLabel('kind_phrase', 'doing_best');
  const option = await H.findTarget(page, '##option', label);

  // The option in the middle of the screen, then a swipe up that starts on it.
  await page.evaluate((o) => {
    const c = document.querySelector('.tend-canvas').getBoundingClientRect();
    window.scrollTo({ top: window.scrollY + c.top + o.y + o.h / 2 - innerHeight / 2, behavior: 'instant' });
  }, option);
  await H.waitScrollStill(page);
  const y0 = await page.evaluate(() => window.scrollY);
  let box = await canvasBox(page);
  const cdp = await context.newCDPSession(page);
  // A finger put down on the option and drawn 240 px up, as real touch events.
  const x = box.x + option.x + option.w / 2, y = box.y + option.y + option.h / 2;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 10; i++) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - i * 24 }] });
    await H.sleep(16);
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await H.waitScrollStill(page);
  const y1 = await page.evaluate(() => window.scrollY);
  assert.ok(y1 - y0 > 120, `the article scrolled under the finger (scrollY ${y0} → ${y1})`);
  await H.sleep(300);
  assert.equal((await H.state(page)).answers.kind_phrase, undefined, 'the swipe chose nothing');

  // A tap on the option chooses it.
  await page.evaluate((o) => {
    const c = document.querySelector('.tend-canvas').getBoundingClientRect();
    window.scrollTo({ top: window.scrollY + c.top + o.y + o.h / 2 - innerHeight / 2, behavior: 'instant' });
  }, option);
  await H.waitScrollStill(page);
  box = await canvasBox(page);
  await page.touchscreen.tap(box.x + option.x + option.w / 2, box.y + option.y + option.h / 2);
  await page.waitForFunction(() => document.querySelector('[data-tend-exercise]').__tend.state().answers.kind_phrase?.chosen?.includes('doing_best'),
    null, { timeout: 5000 });
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('width follows the container: a 280 px phone without sideways scrolling, and at most 900 px in a wide column', async () => {
  const page = await h.newPage({ width: 280, height: 800, dpr: 2 });
  await H.openPage(page, h.base + '/demo/');
  const narrow = await page.evaluate(() => {
    const frame = document.querySelector('.tend-frame'), c = frame.querySelector('.tend-canvas');
    return { container: frame.parentElement.getBoundingClientRect().width, frame: frame.getBoundingClientRect().width,
      backing: c.width, css: c.getBoundingClientRect().width, docW: document.documentElement.scrollWidth, vw: innerWidth };
  });
  assert.ok(narrow.container < 280, `the demo's column is narrower than 280 px here (${narrow.container})`);
  assert.equal(narrow.frame, narrow.container, 'the widget is as wide as its column');
  assert.equal(narrow.docW, narrow.vw, 'the page does not scroll sideways');
  assert.equal(narrow.backing, Math.round(narrow.css * 2), 'backing store = CSS width × DPR');
  for (const t of await H.targets(page)) {
    assert.ok(t.x >= 0 && t.x + t.w <= narrow.css + 0.5, `${t.key} inside the canvas (${t.x}+${t.w} of ${narrow.css})`);
  }

  // A column wider than 900 px: the widget stops there, centred, and draws at that size.
  await page.setViewportSize({ width: 1400, height: 800 });
  const f0 = await H.frames(page);
  await page.evaluate(() => { document.querySelector('main').style.maxWidth = 'none'; });
  await H.waitFrame(page, f0);
  const wide = await page.evaluate(() => {
    const frame = document.querySelector('.tend-frame'), c = frame.querySelector('.tend-canvas');
    const col = frame.parentElement.getBoundingClientRect(), r = frame.getBoundingClientRect();
    return { container: col.width, frame: r.width, left: r.left - col.left, right: col.right - r.right, backing: c.width, dpr: devicePixelRatio };
  });
  assert.ok(wide.container > 1000, `the column is wide now (${wide.container})`);
  assert.equal(wide.frame, 900, 'the widget stops at 900 px');
  assert.ok(Math.abs(wide.left - wide.right) <= 1, `centred (${wide.left} | ${wide.right})`);
  assert.equal(wide.backing, Math.round(900 * wide.dpr), 'and draws at that size');
  assert.deepEqual(page.errors, []);
  await page.close();
});
