// The widget is a guest in someone's article: the page's own inputs, keys, scrolling and
// layout stay the page's; it draws nothing while nothing changes; it is exactly as tall as
// what it shows; and it asks nobody but its own origin for anything, logs no errors and
// sets no cookies.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const scrollY = (page) => page.evaluate(() => window.scrollY);

// Waits until the page has stopped scrolling (scrollY the same for 6 animation frames in a row,
// and at least 200 ms) and returns scrollY. Space scrolls the page smoothly, over a few hundred
// ms on the compositor, and a later instant scrollTo doesn't cancel that animation: it carries
// on from the new place. So every scroll measure starts from a page that has stopped.
const scrollSettled = (page) => page.evaluate(async () => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  const t0 = performance.now();
  let last = window.scrollY, same = 0;
  while (same < 6 || performance.now() - t0 < 200) {
    await frame();
    if (performance.now() - t0 > 5000) throw new Error(`the page kept scrolling for 5 s (at ${window.scrollY})`);
    same = window.scrollY === last ? same + 1 : 0;
    last = window.scrollY;
  }
  return window.scrollY;
});

test("typing in the page's own input lands there, not in the widgets", async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/two-widgets.html', ['#first', '#second']);
  // The reader used a widget first (it has focus and a step behind it)…
  await H.clickTarget(page, '##continue', 'Continue', '#first');
  await H.waitForStep(page, 'kind_phrase', '#first');
  const a0 = await H.state(page, '#first'), b0 = await H.state(page, '#second');
  // …then goes to the site's search box and types, spaces, arrows, Backspace and all.
  await page.locator('#site-search').click();
  await page.keyboard.type('kind words', { delay: 10 });
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('R ');
  await page.keyboard.press('End');
  await page.keyboard.press('Space');
  await page.keyboard.type('x');
  assert.equal(await page.inputValue('#site-search'), 'kind woR ds x');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'site-search', 'focus stayed in the input');
  await H.waitStable(page, '#first');
  assert.deepEqual(await H.state(page, '#first'), a0, 'the first widget took none of it');
  assert.deepEqual(await H.state(page, '#second'), b0, 'the second widget took none of it');
  // A page input added later (say, a comment form) behaves the same.
  await page.evaluate(() => {
    const i = document.createElement('input');
    i.id = 'late'; document.querySelector('main').appendChild(i);
  });
  await page.locator('#late').click();
  await page.keyboard.type('hello there');
  assert.equal(await page.inputValue('#late'), 'hello there');
  assert.deepEqual(await H.state(page, '#first'), a0);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('Space on the page scrolls the page; the wheel over the canvas scrolls the page', async () => {
  const page = await h.newPage({ width: 1024, height: 800 });
  await H.openPage(page, h.base + '/demo/');
  const s0 = await H.state(page);

  // Body focused, at the top: Space scrolls.
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true);
  let y0 = await scrollSettled(page);
  await page.keyboard.press('Space');
  await page.waitForFunction((y) => window.scrollY > y, y0, { timeout: 3000 })
    .catch(() => assert.fail('Space with the body focused did not scroll the page'));
  await scrollSettled(page);

  // After using the widget and clicking back into the article, Space still scrolls the page.
  await H.clickTarget(page, '##continue', 'Continue');
  await H.waitForStep(page, 'kind_phrase');
  const s1 = await H.state(page);
  await scrollSettled(page); // (a new step may scroll the widget's top back into view, smoothly)
  await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
  assert.equal(await scrollSettled(page), 0);
  await page.locator('article p').first().click();
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'clicking the article leaves the widget');
  y0 = await scrollSettled(page);
  await page.keyboard.press('Space');
  await page.waitForFunction((y) => window.scrollY > y, y0, { timeout: 3000 })
    .catch(() => assert.fail('Space after leaving the widget did not scroll the page'));
  await scrollSettled(page);
  assert.deepEqual(await H.state(page), s1, 'the widget took no Space');

  // The wheel over the canvas scrolls the article (not swallowed by the widget): with the
  // focus on the page, and with the keyboard focus inside the widget. From a still page with
  // room to scroll on, one wheel notch of 200 px over the widget reaches the window's own
  // (passive) listener not default-prevented, and moves the page by itself.
  await page.evaluate(() => {
    window.__wheels = [];
    window.addEventListener('wheel', (e) => window.__wheels.push({
      prevented: e.defaultPrevented, overWidget: !!(e.target.closest && e.target.closest('[data-tend-exercise]')),
    }), { passive: true });
  });
  const wheelOverCanvas = async (why) => {
    await scrollSettled(page);
    const p = await page.evaluate(() => {
      const c = document.querySelector('.tend-canvas'), max = document.documentElement.scrollHeight - innerHeight;
      const top = c.getBoundingClientRect().top + window.scrollY;
      window.scrollTo({ top: Math.max(0, Math.min(max - 400, top - 100)), behavior: 'instant' });
      const r = c.getBoundingClientRect(), x = r.left + r.width / 2, y = Math.min(r.top + 60, innerHeight - 20);
      const hit = document.elementFromPoint(x, y);
      window.__wheels.length = 0;
      return { x, y, inCanvas: y > r.top && y < r.bottom, hitWidget: !!(hit && hit.closest('[data-tend-exercise]')), room: max - window.scrollY };
    });
    assert.ok(p.inCanvas && p.hitWidget, `the pointer is over the widget's canvas (${why})`);
    assert.ok(p.room >= 300, `room to scroll on (${p.room} px)`);
    await page.mouse.move(p.x, p.y);
    const before = await scrollSettled(page);
    await page.mouse.wheel(0, 200);
    await page.waitForFunction(() => window.__wheels.length > 0, null, { timeout: 3000 })
      .catch(() => assert.fail(`the wheel event never reached the window (${why}): stopped inside the widget?`));
    const moved = (await scrollSettled(page)) - before;
    const w = await page.evaluate(() => window.__wheels);
    assert.equal(w.length, 1, `one wheel event (${why})`);
    assert.equal(w[0].overWidget, true, `the wheel event was the widget's (${why})`);
    assert.equal(w[0].prevented, false, `the widget did not preventDefault the wheel (${why})`);
    assert.ok(moved >= 100 && moved <= 250, `the wheel over the canvas scrolled the page by ${moved} px (${why})`);
  };
  await wheelOverCanvas('focus on the page');
  await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo({ top: 0, behavior: 'instant' }); });
  let inside = false;
  for (let i = 0; i < 20 && !inside; i++) {
    await page.keyboard.press('Tab');
    inside = await page.evaluate(() => document.querySelector('[data-tend-exercise]').contains(document.activeElement));
  }
  assert.ok(inside, 'Tab reaches the widget');
  await wheelOverCanvas('keyboard focus in the widget');
  assert.ok(await page.evaluate(() => document.querySelector('[data-tend-exercise]').contains(document.activeElement)),
    'the keyboard focus stayed in the widget');
  assert.equal((await H.state(page)).stepId, 'kind_phrase');
  assert.notDeepEqual(s0.stepId, s1.stepId);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('no frames while idle; animations stop when scrolled away', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/');
  await page.mouse.move(5, 5); // not over the canvas
  await H.sleep(600);           // the fade-in of the first step is over
  const f0 = await H.frames(page);
  await H.sleep(3000);
  const f1 = await H.frames(page);
  assert.equal(f1 - f0, 0, `${f1 - f0} frames drawn in 3 s of idle`);

  // The breathing pacer (the grounding path's, by the pause button) animates while seen…
  await H.toGroundingPacer(page);
  const p0 = await H.frames(page);
  await H.sleep(2000);
  const p1 = await H.frames(page);
  // (Software WebGL on a busy machine draws slowly; any steady stream of frames will do.)
  assert.ok(p1 - p0 >= 6, `the pacer animates on screen (${p1 - p0} frames in 2 s)`);
  // …and stops when the widget is scrolled out of view.
  await page.evaluate(() => window.scrollTo(0, 0));
  await H.sleep(500);
  const q0 = await H.frames(page);
  await H.sleep(2000);
  const q1 = await H.frames(page);
  assert.ok(q1 - q0 <= 1, `${q1 - q0} frames drawn in 2 s while off-screen`);

  // After typing in a reply, frames stop again.
  await H.clickTarget(page, '##return', H.SAY.return_button);
  await H.waitForStep(page, 'arrive');
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'reach_notice' });
  await H.typeReply(page, 'a little warmth');
  await page.mouse.move(5, 5);
  await H.sleep(600);
  const t0 = await H.frames(page);
  await H.sleep(3000);
  assert.equal((await H.frames(page)) - t0, 0, 'frames drawn while idle after typing');
  assert.deepEqual(page.errors, []);
  await page.close();
});

// The widget's height is the height of what it shows: no inner scrollbar, nothing clipped,
// no empty band. Checked against the drawn pixels (the last row of ink), the controls'
// rectangles and the reply box, at a phone width and a desktop width, and across a resize.
async function checkHeight(page, label) {
  await H.waitStable(page);
  await H.sleep(450); // the fade-in
  const m = await page.evaluate(() => {
    const el = document.querySelector('[data-tend-exercise]'), c = el.querySelector('.tend-canvas');
    const frame = el.querySelector('.tend-frame'), f = el.querySelector('.tend-field');
    const r = c.getBoundingClientRect();
    return {
      styleH: parseFloat(c.style.height), cssH: r.height, cssW: r.width,
      canvasScroll: [c.scrollHeight, c.clientHeight],
      // An inner scrollbar needs a box that scrolls and something to scroll.
      frameScrolls: ['auto', 'scroll'].includes(getComputedStyle(frame).overflowY) && frame.scrollHeight > frame.clientHeight,
      // Anything visible (bigger than the 1 px screen-reader-only boxes) sticking out of the widget.
      spill: Array.from(frame.querySelectorAll('*')).filter((e) => {
        const b = e.getBoundingClientRect(), fr = frame.getBoundingClientRect();
        return b.width > 2 && b.height > 2 && getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e).display !== 'none' &&
          (b.bottom > fr.bottom + 0.5 || b.right > fr.right + 0.5 || b.left < fr.left - 0.5 || b.top < fr.top - 0.5);
      }).map((e) => `${e.tagName.toLowerCase()}.${e.className}${e.getAttribute('data-k') ? `[${e.getAttribute('data-k')}]` : ''}`),
      docW: document.documentElement.scrollWidth, vw: innerWidth,
      field: f.hidden ? null : { top: f.offsetTop, bottom: f.offsetTop + f.offsetHeight, left: f.offsetLeft, right: f.offsetLeft + f.offsetWidth },
      targets: el.__tend._debug.targets(),
    };
  });
  const at = `${label}:`;
  assert.ok(Math.abs(m.cssH - m.styleH) < 1, `${at} the canvas is as tall as the widget asked (${m.cssH} vs ${m.styleH})`);
  assert.equal(m.canvasScroll[0], m.canvasScroll[1], `${at} canvas scrollHeight = clientHeight`);
  assert.equal(m.frameScrolls, false, `${at} no inner scrollbar in the widget's box`);
  assert.deepEqual(m.spill, [], `${at} nothing visible sticks out of the widget`);
  assert.ok(m.docW <= m.vw, `${at} nothing wider than the viewport (${m.docW} > ${m.vw})`);
  for (const t of m.targets) {
    assert.ok(t.x >= 0 && t.y >= 0 && t.x + t.w <= m.cssW + 0.5 && t.y + t.h <= m.cssH + 0.5,
      `${at} control ${t.id} "${t.label}" inside the canvas (${JSON.stringify(t)}, canvas ${m.cssW}×${m.cssH})`);
  }
  if (m.field) assert.ok(m.field.bottom <= m.cssH && m.field.right <= m.cssW + 0.5, `${at} the reply box inside the canvas`);
  // Where the ink ends: the last row, away from the rounded corners, that isn't the card colour.
  const img = H.decodePng(await page.locator('.tend-canvas').screenshot());
  // (The outermost rows can be the page's: the canvas sits at a fractional y.)
  const bg = H.lumaStats(img, { x: img.width / 2 - 4, y: img.height - 8, w: 8, h: 4 }).mean;
  let last = -1, first = -1;
  for (let y = 2; y < img.height - 2; y++) {
    const row = H.lumaStats(img, { x: 30, y, w: img.width - 60, h: 1 });
    if (row.max - row.min > 12 || Math.abs(row.mean - bg) > 6) { if (first < 0) first = y; last = y; }
  }
  const bottomGap = img.height - 1 - last;
  assert.ok(last > 0, `${at} something is drawn`);
  assert.ok(bottomGap >= 8, `${at} content reaches the bottom edge (clipped?): ${bottomGap} px below the last ink`);
  assert.ok(bottomGap <= 80, `${at} ${bottomGap} px of empty card below the content`);
  assert.ok(first >= 8, `${at} content starts ${first} px from the top`);
  return { ...m, bottomGap };
}

test('canvas height = content height at 375 px and 1024 px, across steps and a resize', async () => {
  for (const width of [375, 1024]) {
    const page = await h.newPage({ width, height: 800 });
    await H.openPage(page, h.base + '/demo/');
    const intro = await checkHeight(page, `${width}px intro`);
    await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'kind_phrase' });
    const choice = await checkHeight(page, `${width}px choice`);
    await H.clickTarget(page, '##other', H.optionLabel('kind_phrase', '@other'));
    await page.waitForFunction(() => !document.querySelector('.tend-field').hidden);
    const withBox = await checkHeight(page, `${width}px choice + reply box`);
    assert.ok(withBox.styleH > choice.styleH + 60, `${width}px: the widget grew for the reply box (${choice.styleH} → ${withBox.styleH})`);
    assert.notEqual(intro.styleH, 480, 'the reserved height was replaced by a measured one');
    if (width === 1024) {
      // The reader narrows the window: the text rewraps, the widget grows to fit.
      await H.resizeViewport(page, 375, 800);
      const narrow = await checkHeight(page, '1024→375px');
      assert.ok(narrow.styleH > withBox.styleH, `taller when narrower (${withBox.styleH} → ${narrow.styleH})`);
      await H.resizeViewport(page, 1024, 800);
      const wide = await checkHeight(page, '375→1024px');
      assert.ok(Math.abs(wide.styleH - withBox.styleH) <= 2, `back to the same height (${withBox.styleH} vs ${wide.styleH})`);
    }
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test('only its own origin is asked for anything; no console errors; no cookies', async () => {
  const page = await h.newPage({ width: 1024 });
  const urls = H.watchRequests(page);
  const responses = [];
  page.on('response', (r) => responses.push({ url: r.url(), status: r.status() }));
  // What window holds before any of the page's scripts run, to compare with at the end.
  await page.addInitScript(() => { window.__keysBefore = Object.keys(window); });
  await H.openPage(page, h.base + '/demo/');
  // Use it a little: a step, a choice, a reply, a reload (resume), the pause path.
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'reach_notice' });
  await H.typeReply(page, 'nothing leaves this page');
  await page.reload();
  await H.waitReady(page);
  await H.clickTarget(page, '##need_pause', H.SAY.need_pause);
  await H.waitForStep(page, 'ground');

  const origin = new URL(h.base).origin;
  const foreign = urls.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:' + origin));
  assert.deepEqual(foreign, [], 'requests to other origins');
  const files = [...new Set(urls.filter((u) => u.startsWith(origin)).map((u) => new URL(u).pathname))].sort();
  assert.deepEqual(files, ['/demo/', '/exercises/self-compassion-impossible.json', '/tend-engine.wasm', '/tend.css', '/tend.js'],
    'exactly the page and the widget\'s own files');
  assert.deepEqual(responses.filter((r) => r.status >= 400), [], 'every request succeeded');
  assert.deepEqual(page.errors, [], 'console errors / uncaught exceptions');
  assert.equal(await page.evaluate(() => document.cookie), '', 'document.cookie');
  assert.deepEqual(await page.context().cookies(), [], 'cookies in the browser context');
  // Nothing of the widget's on window except Tend (the engine's glue lives inside tend.js).
  const added = await page.evaluate(() => Object.keys(window).filter((k) => k !== '__keysBefore' && !window.__keysBefore.includes(k)));
  assert.deepEqual(added, ['Tend'], 'globals the widget adds');
  await page.close();
});

test("an exercise that can't be loaded: the kind message in place of the widget, no empty card", async () => {
  const page = await h.newPage({ width: 1024 });
  await page.route('**/exercises/self-compassion-impossible.json', (r) => r.fulfill({ status: 404, body: 'not found' }));
  await page.goto(h.base + '/demo/');
  await page.waitForFunction(() => { const el = document.querySelector('[data-tend-exercise]'); return el && el.__tend && el.__tend.ready; });
  assert.equal(await page.evaluate(() => document.querySelector('[data-tend-exercise]').__tend.ready), null, 'ready resolves to null');
  const m = await page.evaluate(() => {
    const el = document.querySelector('[data-tend-exercise]'), msg = el.querySelector('.tend-message'), c = el.querySelector('canvas');
    return { msg: msg && !msg.hidden ? msg.textContent : '', canvasH: c && getComputedStyle(c).display !== 'none' ? c.getBoundingClientRect().height : 0 };
  });
  assert.match(m.msg, /can’t be shown right now/, 'the kind message is shown');
  assert.equal(m.canvasH, 0, `no empty canvas left above the message (${m.canvasH} px)`);
  // The page's author gets the reason in the console; the page itself keeps working.
  assert.ok(page.errors.some((e) => /Tend:/.test(e)), `a console message says why: ${JSON.stringify(page.errors)}`);
  await page.close();
});
