// The script form of the snippet pasted into a site builder's "embed box": a box of fixed
// height with overflow hidden, in the page itself (no frame). The widget is taller than the
// box; without care, Continue and "Return to where I was" lie below the box's edge, where no
// wheel, finger or key can bring them. Here the reader reaches every control by wheel, by
// touch and by Tab, inside the box; a click or tap lands on the control drawn there; the reply
// box lies on the box the canvas drew while the widget is scrolled; and after every step
// change, "Return to where I was" and deleting, the top of the widget is in view again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const BOX = 320;
const SEL = '#w';

// An article with the snippet inside a site builder's fixed-height box, under its own heading.
// `box`: the box's style; `widget`: the snippet's element (the script form by default).
const SNIPPET = `<div id="w" data-tend-exercise="${H.FLAGSHIP_ID}" data-tend-start="now"></div>`;
async function boxedPage({ page, box = `height:${BOX}px;overflow:hidden;border:1px solid #ccc`, widget = SNIPPET, around = (b) => b } = {}) {
  page = page || await h.newPage({ width: 1024, height: 900, reducedMotion: 'reduce' });
  await page.route(h.base + '/boxed.html', (r) => r.fulfill({ contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1">
<style>body { margin: 0; font: 19px/1.7 Georgia, serif; } main { max-width: 40rem; margin: 0 auto; padding: 1rem; }</style></head>
<body>${around(`<main><h1>When kindness toward yourself feels impossible</h1><p>Many people have already read about self-compassion.</p>
<div id="box" style="${box}">
<h2 id="box-title" style="margin:0;font-size:18px">Try it now</h2>
<script src="${h.base}/tend.js" defer></script>
${widget}
</div><p>If something difficult comes up, please be kind to yourself about that too.</p>
<p style="height:1500px">More of the article.</p></main>`)}</body></html>` }));
  await page.goto(h.base + '/boxed.html');
  await H.waitReady(page, SEL);
  return page;
}

// Where a control the canvas drew is on screen, and whether the reader can see it: its middle
// is inside the view (the viewport, the box and any other clipping box around the widget) and
// a point there hits the canvas (so a click there goes to the widget, not to whatever is
// around the box).
async function where(page, key, label) {
  const t = key === 'field' ? await drawnField(page) : (await H.targets(page, SEL)).find((x) => x.key === key && (label === undefined || x.label === label));
  if (!t) throw new Error(`no control ${key} on screen: ${(await H.targets(page, SEL)).map((x) => x.key).join(', ')}`);
  return page.evaluate(([s, r]) => {
    const c = document.querySelector(s + ' canvas'), b = c.getBoundingClientRect();
    let view = { top: 0, bottom: innerHeight, left: 0, right: innerWidth };
    for (let e = c.parentElement; e; e = e.parentElement) {
      if (getComputedStyle(e).overflowY === 'visible') continue;
      const q = e.getBoundingClientRect();
      view = { top: Math.max(view.top, q.top + e.clientTop), bottom: Math.min(view.bottom, q.top + e.clientTop + e.clientHeight),
        left: Math.max(view.left, q.left + e.clientLeft), right: Math.min(view.right, q.left + e.clientLeft + e.clientWidth) };
    }
    const x = b.left + r.x + r.w / 2, y = b.top + r.y + r.h / 2;
    const inside = y > view.top + 2 && y < view.bottom - 2 && x > view.left && x < view.right;
    const hit = document.elementFromPoint(x, y);
    return { x, y, view, seen: inside && (hit === c || hit === document.querySelector(s + ' .tend-field')) };
  }, [SEL, t]);
}

// Where the canvas drew the reply box (CSS px of the canvas): the box the widget gave the
// textarea, in its style.
const drawnField = (page) => page.evaluate((s) => {
  const css = document.querySelector(s + ' .tend-field').getAttribute('style') || '';
  const [x, y, w, h] = ['left', 'top', 'width', 'height'].map((k) => { const m = new RegExp('(?:^|;)\\s*' + k + ':\\s*([\\d.]+)px').exec(css); return m ? +m[1] : NaN; });
  return [x, y, w, h].every((v) => v >= 0) ? { x, y, w, h } : null;
}, SEL);

// A point of the canvas the reader can see, to put the wheel or a finger on.
async function onCanvas(page) {
  return page.evaluate((s) => {
    const c = document.querySelector(s + ' canvas'), b = c.getBoundingClientRect(), box = document.getElementById('box').getBoundingClientRect();
    const top = Math.max(b.top, box.top, 0), bottom = Math.min(b.bottom, box.bottom, innerHeight);
    return { x: b.left + b.width / 2, y: (top + bottom) / 2 };
  }, SEL);
}

// The top of the widget is in view: a point just inside its top edge hits the canvas.
async function topInView(page, why) {
  await H.waitScrollStill(page);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const got = await page.evaluate((s) => {
    const c = document.querySelector(s + ' canvas'), b = c.getBoundingClientRect();
    return { top: b.top, seen: document.elementFromPoint(b.left + 40, b.top + 3) === c, boxScrolled: document.getElementById('box').scrollTop };
  }, SEL);
  assert.ok(got.seen, `${why}: the top of the widget is in view (its top is at ${Math.round(got.top)} px)`);
  assert.equal(got.boxScrolled, 0, `${why}: the practice's box keeps its own heading in view (it isn't scrolled)`);
}

// The wheel over the canvas, a notch at a time, until the control is in view.
async function wheelTo(page, key, label) {
  for (let i = 0; i < 40; i++) {
    const p = await where(page, key, label);
    if (p.seen) return p;
    const at = await onCanvas(page);
    await page.mouse.move(at.x, at.y);
    await page.mouse.wheel(0, p.y > p.view.bottom - 2 ? 100 : -100);
    await H.waitScrollStill(page);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  assert.fail(`the wheel over the widget never brought ${key} "${label}" into view inside the box`);
}

async function clickAt(page, p) {
  if (process.env.TEND_DEBUG) console.log('click', JSON.stringify(p), await page.evaluate(([x, y]) => { const e = document.elementFromPoint(x, y); return e && e.outerHTML.slice(0, 80); }, [p.x, p.y]));
  const f0 = await H.frames(page, SEL);
  await page.mouse.move(p.x, p.y, { steps: 2 });
  await page.mouse.down();
  await H.sleep(30);
  await page.mouse.up();
  await H.waitFrame(page, f0, SEL);
}

async function stepTo(page, from) {
  await page.waitForFunction(([s, id]) => document.querySelector(s).__tend.state().stepId !== id, [SEL, from], { timeout: 8000 })
    .catch(() => assert.fail(`still on ${from}: the click didn't reach the control`));
  await H.waitStable(page, SEL);
  return (await H.state(page, SEL)).stepId;
}

test('in a fixed-height box with overflow hidden, the wheel reaches every control inside the box, clicks land on them, the reply box lines up, the top shows after each step', async () => {
  // Harm prevented: a Continue no reader can reach (cut off by the box), a click that lands on
  // the wrong control or on the page, a reply box adrift from the box drawn for it.
  const page = await boxedPage();
  const sizes = await page.evaluate((s) => ({ box: document.getElementById('box').getBoundingClientRect().height,
    widget: parseFloat(document.querySelector(s + ' canvas').style.height) }), SEL);
  assert.equal(sizes.box, BOX + 2, 'the box keeps its fixed height');
  assert.ok(sizes.widget > BOX + 100, `the first step is taller than the box (${sizes.widget} px in ${BOX})`);
  assert.equal((await where(page, 'continue')).seen, false, 'Continue starts below the edge of the box');
  await topInView(page, 'at the start');
  // Fitted once, it stays put: no measuring and drawing over and over while the reader reads.
  const idle = () => page.evaluate((s) => ({ frames: document.querySelector(s).__tend._debug.frames, style: document.querySelector(s + ' .tend-frame').getAttribute('style') }), SEL);
  const still = await idle();
  await H.sleep(1000);
  assert.deepEqual(await idle(), still, 'idle in the box, the widget draws nothing and its fit doesn\'t change');

  await clickAt(page, await wheelTo(page, 'continue', 'Continue'));
  assert.equal(await stepTo(page, 'arrive'), 'kind_phrase', 'Continue, reached by the wheel, continued');
  await topInView(page, 'after Continue');

  await clickAt(page, await wheelTo(page, 'option:go_gently'));
  await page.waitForFunction((s) => { const a = document.querySelector(s).__tend.state().answers.kind_phrase; return a && a.chosen.length; }, SEL, { timeout: 5000 })
    .catch(() => assert.fail('the click on an answer, scrolled into view, chose nothing'));
  assert.deepEqual((await H.state(page, SEL)).answers.kind_phrase.chosen, ['go_gently'], 'the click chose the answer drawn under it');
  await clickAt(page, await wheelTo(page, 'continue', 'Continue'));
  assert.equal(await stepTo(page, 'kind_phrase'), 'reach_offer');
  await topInView(page, 'after the second step');
  await clickAt(page, await wheelTo(page, 'continue', 'Continue'));
  assert.equal(await stepTo(page, 'reach_offer'), 'reach_notice');
  await topInView(page, 'on the question with a reply box');

  // The reply box, scrolled to, lies on the box the canvas drew for it.
  await wheelTo(page, 'field');
  const fit = await page.evaluate((s) => {
    const el = document.querySelector(s), c = el.querySelector('canvas').getBoundingClientRect(), f = el.querySelector('.tend-field').getBoundingClientRect();
    return { got: [f.left - c.left, f.top - c.top, f.width, f.height],
      scrolled: el.querySelector('.tend-frame').scrollTop + document.getElementById('box').scrollTop };
  }, SEL);
  const drawn = await drawnField(page);
  fit.want = drawn && [drawn.x, drawn.y, drawn.w, drawn.h];
  assert.ok(fit.scrolled > 0, 'the widget is scrolled within the box');
  assert.ok(fit.want, 'the canvas drew a reply box');
  fit.got.forEach((v, i) => assert.ok(Math.abs(v - fit.want[i]) < 1.5, `the reply box lies on the drawn box while scrolled (${fit.got} vs ${fit.want})`));
  // A click on it, where it is seen, puts the caret in it.
  const into = await page.evaluate((s) => {
    const f = document.querySelector(s + ' .tend-field'), r = f.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + Math.min(r.height / 2, 20);
    return { x, y, hit: document.elementFromPoint(x, y) === f };
  }, SEL);
  assert.ok(into.hit, 'the reply box is in view and on top where it is drawn');
  await page.mouse.click(into.x, into.y);
  await H.typeText(page, H.WORDS.body);
  await page.waitForFunction(([s, w]) => { const a = document.querySelector(s).__tend.state().answers.reach_notice; return a && a.text === w; }, [SEL, H.WORDS.body], { timeout: 5000 });

  // The pause, then "Return to where I was" at the bottom of the grounding screen.
  await clickAt(page, await wheelTo(page, 'need_pause', H.SAY.need_pause));
  await stepTo(page, 'reach_notice');
  await topInView(page, 'the pause');
  const grounding = (await H.state(page, SEL)).stepId;
  await clickAt(page, await wheelTo(page, 'return', H.SAY.return_button));
  assert.equal(await stepTo(page, grounding), 'reach_notice', 'Return, reached by the wheel, returned');
  await topInView(page, 'return to where I was');
  assert.equal((await H.state(page, SEL)).answers.reach_notice.text, H.WORDS.body, 'the words are kept');

  // "Delete my answers", at the very bottom, then its confirmation.
  await clickAt(page, await wheelTo(page, 'delete', H.SAY.delete_answers));
  await clickAt(page, await wheelTo(page, 'delete_yes', H.SAY.delete_yes));
  await H.waitForStep(page, 'arrive', SEL);
  await topInView(page, 'after deleting');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('in the fixed-height box, a finger drawn up over the widget scrolls it within the box, and a tap on Continue continues', async () => {
  // Harm prevented: on a phone, a widget in an embed box that a swipe can't move, so Continue
  // stays cut off.
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const tab = await context.newPage();
  tab.errors = [];
  tab.on('pageerror', (e) => tab.errors.push(String(e)));
  tab.on('console', (m) => { if (m.type() === 'error') tab.errors.push(m.text()); });
  const page = await boxedPage({ page: tab });
  const cdp = await context.newCDPSession(page);
  let reached = null;
  for (let swipe = 0; swipe < 30 && !reached; swipe++) {
    const p = await where(page, 'continue', 'Continue');
    if (p.seen) { reached = p; break; }
    const at = await onCanvas(page), dy = p.y > p.view.bottom ? -1 : 1;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: at.x, y: at.y }] });
    for (let i = 1; i <= 8; i++) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: at.x, y: at.y + dy * i * 15 }] });
      await H.sleep(16);
    }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await H.waitScrollStill(page);
    await H.sleep(150); // a fling's last momentum
  }
  await cdp.detach();
  const scroller = await page.evaluate((s) => { const f = document.querySelector(s + ' .tend-frame'); return { scrollTop: f.scrollTop, maxHeight: f.style.maxHeight, box: document.getElementById('box').scrollTop }; }, SEL);
  assert.ok(reached, `swipes over the widget brought Continue into view inside the box (${JSON.stringify(scroller)})`);
  await page.touchscreen.tap(reached.x, reached.y);
  assert.equal(await stepTo(page, 'arrive'), 'kind_phrase', 'a tap on Continue, swiped into view, continued');
  await topInView(page, 'after the tap');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('in the fixed-height box, Tab brings every control into view inside the widget, and Continue by keyboard shows the next step from its top', async () => {
  // Harm prevented: a keyboard reader whose focus goes below the box's edge, or who, having
  // pressed Continue there, is left looking at the middle of the next step.
  const page = await boxedPage();
  await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
  const keys = await page.evaluate((s) => Array.prototype.map.call(document.querySelectorAll(s + ' [data-k]'), (e) => e.getAttribute('data-k')), SEL);
  const seen = [];
  for (let i = 0; i < keys.length + 20 && seen.length < keys.length; i++) {
    await page.keyboard.press('Tab');
    await H.waitScrollStill(page);
    const f = await page.evaluate((s) => {
      const a = document.activeElement;
      if (!a || !document.querySelector(s).contains(a) || !a.getAttribute('data-k')) return null;
      const r = a.getBoundingClientRect(), x = r.left + r.width / 2, y = r.top + r.height / 2;
      return { key: a.getAttribute('data-k'), hit: document.elementFromPoint(x, y) === document.querySelector(s + ' canvas') ||
        document.elementFromPoint(x, y) === a, y: Math.round(y) };
    }, SEL);
    if (!f) continue;
    assert.ok(f.hit, `${f.key}, focused, is in view inside the box (at ${f.y} px)`);
    seen.push(f.key);
    if (f.key === 'continue') break;
  }
  assert.ok(seen.includes('continue'), `Tab reached Continue (went ${seen.join(' → ')})`);
  await page.keyboard.press('Enter');
  assert.equal(await stepTo(page, 'arrive'), 'kind_phrase', 'Enter on Continue continued');
  await topInView(page, 'after Continue by keyboard');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('<tend-exercise> in the fixed-height box: its frame, in the shadow root, scrolls within the box and Continue is reached by the wheel', async () => {
  // Harm prevented: the custom element, cut off by the box as the script form was.
  const page = await boxedPage({ widget: `<tend-exercise id="w" exercise="${H.FLAGSHIP_ID}"></tend-exercise>` });
  const seen = async () => page.evaluate((s) => {
    const r = document.querySelector(s).shadowRoot, c = r.querySelector('canvas').getBoundingClientRect();
    const t = document.querySelector(s).__tend._debug.targets().find((x) => x.key === 'continue');
    const box = document.getElementById('box').getBoundingClientRect(), f = r.querySelector('.tend-frame').getBoundingClientRect();
    const x = c.left + t.x + t.w / 2, y = c.top + t.y + t.h / 2;
    return { x, y, seen: y > Math.max(box.top, f.top) + 2 && y < Math.min(box.bottom, f.bottom) - 2 && r.elementFromPoint(x, y) === r.querySelector('canvas') };
  }, SEL);
  assert.equal((await seen()).seen, false, 'Continue starts below the edge of the box');
  let p = null;
  for (let i = 0; i < 40 && !(p = await seen()).seen; i++) {
    await page.mouse.move(p.x, 500);
    await page.mouse.wheel(0, 100);
    await H.waitScrollStill(page);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  assert.ok(p.seen, 'the wheel brought Continue into view inside the box');
  await clickAt(page, p);
  assert.equal(await stepTo(page, 'arrive'), 'kind_phrase', 'Continue, reached by the wheel, continued');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a box that clips but grows with what it holds, and a page whose own column scrolls: the widget stays whole, with no scroller of its own', async () => {
  // Harm prevented: a widget squeezed into a small scroller of its own where nothing would
  // have cut it off (a card with overflow hidden for its rounded corners; an app-like page
  // whose main column scrolls inside a fixed, clipping shell).
  for (const [what, options] of [
    ['a card with overflow hidden', { box: 'overflow:hidden;border-radius:12px;border:1px solid #ccc' }],
    ['a scrolling column in a clipping shell', { box: 'overflow-x:hidden', around: (b) => `<div style="height:100vh;overflow:hidden"><div style="height:100%;overflow-y:auto">${b}</div></div>` }],
  ]) {
    const page = await boxedPage(options);
    const got = await page.evaluate((s) => {
      const f = document.querySelector(s + ' .tend-frame'), c = document.querySelector(s + ' canvas');
      return { overflow: getComputedStyle(f).overflowY, frame: f.getBoundingClientRect().height, canvas: c.getBoundingClientRect().height };
    }, SEL);
    assert.equal(got.overflow, 'visible', `${what}: the widget is no scroller (${JSON.stringify(got)})`);
    assert.ok(got.frame >= got.canvas - 1 && got.canvas > BOX, `${what}: the widget is whole (${JSON.stringify(got)})`);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});
