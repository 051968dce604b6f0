// A reader's main paths, in one engine: what matters most to a reader, run the same way in
// Chromium, Firefox and WebKit (readers_paths.<engine>.test.mjs each call readersPaths()).
// Every step is driven through the harness's own drivers (real pointer and key events on the
// canvas's controls and the DOM mirror), over engines.mjs's one page interface:
//
// - the flagship start to end with the pointer, axe-core on every step, the words saved
//   part-way with one tap, exported at the end, the wasm memory not grown, and persistent
//   storage asked for once, after the first answer;
// - the same exercise with the keyboard only (the focus ring checked at every move), with a
//   pause and the way back;
// - a reload with a half-typed reply;
// - storage blocked, and storage full;
// - without WebGL (switched off in the browser itself where it can be): the DOM-only widget,
//   axe-core on every step, to the end and its export;
// - a phone's width with touch (as far as each driver can: docs/browsers.md): a tap lands at
//   the first touch, fields at 16 px or more, nothing wider than the screen, and the reply box
//   and Continue kept in sight above an on-screen keyboard.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';
import * as A from './a11y_kit.mjs';
import * as E from './engines.mjs';

const W = H.WIDGET;
const MiB = 1024 * 1024;

// The shortest kind walk to the end (as storage.test.mjs): skip what can be skipped, one reply.
const QUICK = {
  arrive: [],
  kind_phrase: [['skip']],
  reach_offer: [],
  reach_notice: [['type', H.WORDS.body]],
  distress_first: [['skip']],
  which_part: [['choose', 'nothing']],
  savour: [],
  savour_notice: [['skip']],
};
const NOTICE = { blocked: /isn’t letting the page save anything/, full: /storage for this site is full/ };

// A driver that also does `each(stepId)` on every step it arrives at.
function onEachStep(page, driver, each) {
  return { ...driver, stepped: async () => { await driver.stepped(); await each((await H.state(page)).stepId); } };
}

const widgetText = (page) => page.evaluate((s) => document.querySelector(s).textContent, W);

export function readersPaths(engine) {
  let e;
  before(async () => { e = await E.start(engine); });
  after(async () => { if (e) await e.close(); });
  // A test that failed leaves its page open: close it (WebKitWebDriver runs one session at a time).
  afterEach(async () => { if (e) await e.closePages(); });

  async function open(options = {}, init = []) {
    const page = await e.newPage({ reducedMotion: 'reduce', ...options });
    await page.open('/demo/', { init });
    await H.waitReady(page);
    return page;
  }
  async function noErrors(page) { assert.deepEqual(await page.collectErrors(), [], `${engine}: nothing went wrong in the page`); }

  test(`${engine}: pointer, the flagship start to end; axe-core on every step; words saved part-way and exported; memory bounded; persistence asked once`, async () => {
    const page = await open({ width: 1024, height: 900 }, ['watchPersist']);
    await H.recordEvents(page);
    const violations = await E.axe(page, 'arrive');
    assert.deepEqual(await page.evaluate(() => window.__tendPersist), [], 'nothing asked of the browser at load');
    const offered = {}; // step id → whether "Save my words so far" is there
    const seen = async (id) => {
      violations.push(...await E.axe(page, id));
      offered[id] = (await H.targets(page)).some((t) => t.key === 'save');
    };
    offered.arrive = (await H.targets(page)).some((t) => t.key === 'save');
    const driver = onEachStep(page, H.pointerDriver(page), seen);

    const first = await H.runPlan(page, H.LONG_PATH, driver, W, { stopAt: 'part_fear' });
    // One tap, part-way: this session's words so far, as text.
    await H.clickTarget(page, '##save', 'Save my words so far');
    const [mid] = await E.downloads(page, 1);
    assert.match(mid.name, /\.txt$/);
    assert.ok(mid.inWidget, 'the download link is the widget\'s own');
    for (const w of [H.WORDS.body, H.WORDS.partSays]) assert.ok(mid.text.includes(w), `the words so far have "${w}"`);
    assert.ok(!mid.text.includes(H.WORDS.fear), 'and nothing not yet written');

    const rest = await H.runPlan(page, H.LONG_PATH, driver);
    const visited = [...first, ...rest.slice(1)];
    assert.deepEqual(visited.slice(-3), ['acknowledge', 'acknowledge_offer', 'closing']);
    const st = await H.state(page);
    assert.equal(st.finished, true);
    const a = st.answers;
    assert.deepEqual(a.kind_phrase.chosen, ['go_gently']);
    assert.equal(a.reach_notice.text, H.WORDS.body);
    assert.deepEqual([...a.which_part.chosen].sort(), ['critic', 'protector']);
    assert.equal(a.distress_first.value, 4);
    assert.equal(a.part_speaks.text, H.WORDS.partSays);
    assert.equal(a.part_fear.text, H.WORDS.fear);
    assert.equal(a.distress_mid.value, 3);
    const completes = (await H.events(page)).filter((x) => x.name === 'complete');
    assert.equal(completes.length, 1, "'complete' fired once");

    await H.clickTarget(page, '##txt', 'Download .txt');
    const [, txt] = await E.downloads(page, 2);
    for (const w of [H.WORDS.body, H.WORDS.partSays, H.WORDS.fear]) assert.ok(txt.text.includes(w), `the .txt has "${w}"`);

    // Save is offered from the first step after a question, on every step before the end.
    const firstQuestion = visited.indexOf('kind_phrase');
    for (const [i, id] of visited.entries()) {
      if (id === 'closing') continue;
      assert.equal(offered[id], i > firstQuestion, `"Save my words so far" ${i > firstQuestion ? 'on' : 'not on'} ${id}`);
    }
    assert.equal(offered.closing, false, 'the end has its own exports');

    // Memory: the instance's wasm memory is what it started with (4 MiB), after every step,
    // typed reply and export; the canvas's backing store is its CSS size (DPR 1 here).
    const mem = await page.evaluate((s) => document.querySelector(s).__tend._debug.memory(), W);
    assert.equal(mem.heap, 4 * MiB, `wasm memory ${mem.heap / MiB} MiB`);
    assert.ok(mem.canvas > 0 && mem.canvas <= 900 * 4000 * 4, `canvas backing store ${(mem.canvas / MiB).toFixed(1)} MiB`);

    // Persistent storage: asked once, when the reader moved on from their first answer.
    const persist = await page.evaluate(() => window.__tendPersist);
    if (await page.evaluate(() => !!(navigator.storage && navigator.storage.persist))) {
      assert.equal(persist.length, 1, `asked once: ${JSON.stringify(persist)}`);
      assert.equal(persist[0].at, 'reach_offer', 'on the step after the first answer (kind_phrase)');
    }
    assert.deepEqual(violations, [], 'axe-core finds nothing on any step');
    await noErrors(page);
    await page.close();
  });

  test(`${engine}: the snippet's script: tend.js added once, after the page has loaded, and the widget draws when the reader comes near`, async () => {
    const page = await e.newPage({ width: 1024, height: 900 });
    await page.open('/demo/?late');
    await H.waitReady(page);
    const got = await page.evaluate((s) => {
      const nav = performance.getEntriesByType('navigation')[0], el = document.querySelector(s);
      const js = performance.getEntriesByType('resource').filter((r) => /\/tend\.js$/.test(r.name));
      return { loadEnd: nav.loadEventEnd, starts: js.map((r) => r.startTime), added: document.querySelectorAll('script[data-tend]').length,
        deferTags: document.querySelectorAll('script[src$="tend.js"]:not([data-tend])').length,
        frames: el.__tend._debug.frames, domOnly: el.querySelector('.tend-frame').classList.contains('tend-dom'), place: el.style.minHeight };
    }, W);
    assert.deepEqual([got.added, got.deferTags], [1, 0], `${engine}: the snippet's script added tend.js, and no tag did`);
    assert.equal(got.starts.length, 1, `${engine}: tend.js fetched once`);
    assert.ok(got.starts[0] >= got.loadEnd, `${engine}: tend.js asked for after load (${got.loadEnd} ms): ${got.starts[0]} ms`);
    assert.ok(got.frames > 0 && !got.domOnly, `${engine}: the canvas draws (${got.frames} frames)`);
    assert.equal(got.place, '', `${engine}: the place the element held (place.js) let go once the card is drawn`);
    await noErrors(page);
    await page.close();
  });

  test(`${engine}: keyboard only: Tab in, Escape for a pause and back, arrows, Space/Enter, the reply box; to the end`, async () => {
    const page = await open({ width: 1024, height: 900 });
    const driver = H.keyboardDriver(page);
    await driver.start();
    await H.pressKey(page, 'Escape');
    await H.waitForStep(page, 'ground');
    assert.equal((await H.state(page)).inSafety, true);
    await driver.target('##return');
    await H.waitForStep(page, 'arrive');
    const visited = await H.runPlan(page, H.SHORT_PATH, driver);
    assert.deepEqual(visited.slice(-2), ['savour_notice', 'savour_close']);
    const st = await H.state(page);
    assert.equal(st.finished, true);
    assert.equal(st.answers.kind_phrase.other, 'May I go slowly.');
    assert.deepEqual(st.answers.which_part.chosen, ['nothing']);
    assert.equal(st.answers.savour_notice.text, H.WORDS.savour);
    await driver.target('##txt', 'Download .txt');
    const [txt] = await E.downloads(page, 1);
    assert.ok(txt.text.includes(H.WORDS.savour) && txt.text.includes('May I go slowly.'), 'the .txt has the typed words');
    await noErrors(page);
    await page.close();
  });

  test(`${engine}: reload with a half-typed reply: the same step, the words in the box, earlier answers intact`, async () => {
    const HALF = 'It wants me to know “not yet, but';
    const page = await open({ width: 1024, height: 900 });
    await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), W, { stopAt: 'part_speaks' });
    await H.typeReply(page, HALF);
    await page.waitForFunction(([s, t]) => document.querySelector(s).__tend.state().answers.part_speaks?.text === t, [W, HALF], { timeout: 10000 });
    const before = await H.state(page);
    await page.reload();
    await H.waitReady(page);
    const again = await H.state(page);
    assert.equal(again.stepId, 'part_speaks', 'back on the same step');
    assert.deepEqual(again.answers, before.answers, 'every answer as it was');
    const box = await page.evaluate(() => { const f = document.querySelector('.tend-field'); return { hidden: f.hidden, value: f.value, h: f.getBoundingClientRect().height }; });
    assert.equal(box.hidden, false);
    assert.equal(box.value, HALF, 'the reply box holds the half-typed words');
    assert.ok(box.h > 40);
    await noErrors(page);
    await page.close();
  });

  for (const [kind, init] of [['blocked', 'noStorage'], ['full', 'fullStorage']]) {
    test(`${engine}: storage ${kind}: a kind notice, and it still completes in memory, with its export`, async () => {
      const page = await open({ width: 1024, height: 900 }, [init]);
      if (kind === 'blocked') assert.match(await widgetText(page), NOTICE.blocked, 'the notice, from the start');
      await H.runPlan(page, QUICK, H.pointerDriver(page));
      const st = await H.state(page);
      assert.equal(st.finished, true);
      assert.equal(st.answers.reach_notice.text, H.WORDS.body, 'the reply kept in memory');
      assert.match(await widgetText(page), NOTICE[kind], 'the notice is still there at the end');
      await H.clickTarget(page, '##txt', 'Download .txt');
      const [txt] = await E.downloads(page, 1);
      assert.ok(txt.text.includes(H.WORDS.body), 'the export has the words');
      await noErrors(page);
      await page.close();
    });
  }

  test(`${engine}: without WebGL: the DOM-only widget, axe-core on every step, to the end and its export; fields at 16 px or more`, async () => {
    // Switched off in the browser itself (Chromium: the interfaces removed, as WebKit does).
    const off = await E.start(engine, { noWebGL: true });
    try {
      const page = await off.newPage({ width: 1024, height: 900, reducedMotion: 'reduce' });
      await page.open('/demo/');
      await page.waitForFunction((s) => { const el = document.querySelector(s); return !!(el && el.__tend && el.__tend.ready); }, W);
      await H.bringNear(page, W); // it starts when the reader comes near (web/src/schedule.js)
      const mounted = await page.evaluate((s) => document.querySelector(s).__tend.ready.then((h) => !!h), W);
      const message = await page.evaluate((s) => { const m = document.querySelector(s + ' .tend-message'); return m && !m.hidden ? m.textContent : ''; }, W);
      assert.ok(mounted, `the widget mounted without WebGL (it showed "${message}"; errors: ${JSON.stringify(await page.collectErrors())})`);
      assert.equal(message, '', 'no "can\'t be shown" message');
      assert.equal(await page.evaluate(() => !!document.querySelector('.tend-frame.tend-dom')), true, 'the DOM mirror is the widget');
      await A.waitDomReady(page);
      const violations = await E.axe(page, 'arrive (DOM)');
      const sizes = [];
      const driver = onEachStep(page, H.domDriver(page), async (id) => {
        violations.push(...await E.axe(page, id + ' (DOM)'));
        sizes.push(...await page.evaluate(([s, step]) => [...document.querySelectorAll(s + ' input, ' + s + ' textarea, ' + s + ' button')]
          .filter((x) => x.getBoundingClientRect().height > 0)
          .map((x) => ({ step, k: x.getAttribute('data-k') || (x.localName === 'textarea' ? 'field' : x.className), px: parseFloat(getComputedStyle(x).fontSize) })), [W, id]));
      });
      const visited = await H.runPlan(page, H.SHORT_PATH, driver);
      assert.deepEqual(visited.slice(-2), ['savour_notice', 'savour_close']);
      const st = await H.state(page);
      assert.equal(st.finished, true);
      assert.equal(st.answers.savour_notice.text, H.WORDS.savour);
      await driver.target('##txt');
      const [txt] = await E.downloads(page, 1);
      assert.ok(txt.text.includes(H.WORDS.savour), 'the .txt export has the words');
      assert.equal(await H.frames(page), 0, 'no frames drawn without a canvas');
      assert.ok(sizes.some((x) => x.k === 'field'), 'the reply box was measured');
      assert.deepEqual(sizes.filter((x) => x.px < 16), [], 'every field and button at 16 px or more (iOS zooms into smaller ones)');
      assert.deepEqual(violations, [], 'axe-core finds nothing on any step');
      assert.deepEqual(await page.collectErrors(), []);
      await page.close();
    } finally { await off.close(); }
  });

  test(`${engine}: a phone: a tap chooses at the first touch; nothing wider than the screen; no hover-only styles; the reply box and Continue stay above the keyboard, and nothing jumps`, async () => {
    const page = await e.newPage({ phone: true, reducedMotion: 'reduce' });
    await page.open('/demo/', { init: ['fakeKeyboard'] });
    await H.waitReady(page);
    const wide = await page.evaluate(() => ({ docW: document.documentElement.scrollWidth, vw: innerWidth }));
    assert.ok(wide.vw <= 400, `a phone's width (${wide.vw} px)`);
    assert.ok(wide.docW <= wide.vw, `nothing wider than the screen (${wide.docW} > ${wide.vw})`);
    const hover = await page.evaluate(() => [...document.styleSheets].filter((s) => s.href && /tend\.css/.test(s.href))
      .flatMap((s) => [...s.cssRules].map((r) => r.cssText)).filter((t) => /:hover/.test(t)));
    assert.deepEqual(hover, [], 'tend.css has no :hover rule (a first tap on iOS would only hover)');

    await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), W, { stopAt: 'kind_phrase' });
    // One tap, no pointer move before it: the option is chosen.
    const label = H.optionLabel('kind_phrase', 'doing_best');
    const option = await H.findTarget(page, '##option', label);
    const at = await page.evaluate(async ([s, o]) => {
      const c = document.querySelector(s + ' canvas');
      let r = c.getBoundingClientRect();
      scrollTo({ top: scrollY + r.top + o.y + o.h / 2 - innerHeight / 2, behavior: 'instant' });
      await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
      r = c.getBoundingClientRect();
      return { x: r.left + o.x + o.w / 2, y: r.top + o.y + o.h / 2 };
    }, [W, option]);
    await page.touchscreen.tap(at.x, at.y);
    await page.waitForFunction((s) => document.querySelector(s).__tend.state().answers.kind_phrase?.chosen?.includes('doing_best'), W, { timeout: 10000 });
    await H.waitStable(page);

    // On to the first reply box; the keyboard comes up over the lower part of the screen.
    await H.runPlan(page, { ...H.LONG_PATH, kind_phrase: [] }, H.pointerDriver(page), W, { stopAt: 'reach_notice' });
    await H.typeReply(page, 'A tightness');
    const fieldPx = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.tend-field')).fontSize));
    assert.ok(fieldPx >= 16, `the reply box's text is ${fieldPx} px (iOS zooms into fields under 16 px)`);
    // The reader scrolled so that the box sits low on the screen, where the keyboard will be.
    await page.evaluate(async () => {
      const f = document.querySelector('.tend-field').getBoundingClientRect();
      scrollTo({ top: scrollY + f.top - innerHeight * 0.45, behavior: 'instant' });
      await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
    });
    const where = () => page.evaluate(() => {
      const f = document.querySelector('.tend-field').getBoundingClientRect();
      const c = document.querySelector('[data-k="continue"]').getBoundingClientRect();
      const vv = visualViewport, canvas = document.querySelector('.tend-canvas').getBoundingClientRect();
      return { scrollY, fieldTop: f.top, fieldBottom: f.bottom, contBottom: c.bottom, top: vv.offsetTop, bottom: vv.offsetTop + vv.height,
        canvasH: canvas.height, focused: document.activeElement === document.querySelector('.tend-field') };
    });
    const settle = () => page.evaluate(() => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(res)))));
    const shut = await where();
    assert.ok(shut.focused, 'the reply box has the focus');
    await page.evaluate(() => window.__tendKeyboard(Math.round(document.documentElement.clientHeight * 0.45)));
    await settle();
    await H.waitScrollStill(page);
    const up = await where();
    assert.ok(shut.contBottom > up.bottom, `Continue would have been under the keyboard (${shut.contBottom} > ${up.bottom})`);
    assert.ok(up.fieldTop >= up.top, `the top of the reply box in sight (${up.fieldTop} ≥ ${up.top})`);
    assert.ok(up.contBottom <= up.bottom, `Continue in sight above the keyboard (${up.contBottom} ≤ ${up.bottom})`);
    assert.equal(up.canvasH, shut.canvasH, 'the widget kept its size');
    await H.typeText(page, ' in my chest');
    await page.waitForFunction((s) => document.querySelector(s).__tend.state().answers.reach_notice?.text === 'A tightness in my chest', W, { timeout: 10000 });
    await H.waitStable(page);
    const typed = await where();
    await page.evaluate(() => window.__tendKeyboard(0));
    await settle();
    await H.waitScrollStill(page);
    const down = await where();
    assert.equal(down.scrollY, typed.scrollY, 'closing the keyboard scrolls nothing');
    assert.equal(down.canvasH, typed.canvasH, 'and resizes nothing');
    assert.equal(down.fieldTop, typed.fieldTop, 'the reply box stays where it was');
    await noErrors(page);
    await page.close();
  });
}
