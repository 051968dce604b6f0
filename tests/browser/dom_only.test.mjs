// Without WebGL2 (an old device, WebGL switched off, a blocked canvas) the widget's DOM mirror
// is the widget: the same exercise as plain, styled page content. It must be complete there
// too — every step, the choices, the reply box, the end with its export — just as quiet a
// guest (no errors, no frames), and laid out as a card with nothing empty around it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const NO_WEBGL = () => {
  const get = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type) {
    return /webgl/i.test(String(type)) ? null : get.apply(this, arguments);
  };
};

async function open(width) {
  const page = await h.newPage({ width, reducedMotion: 'reduce' });
  await page.addInitScript(NO_WEBGL);
  await H.openPage(page, h.base + '/demo/');
  return page;
}

// What takes room on the page: the canvas, the reply box, the card.
const layout = (page) => page.evaluate(() => {
  const el = document.querySelector('[data-tend-exercise]');
  const shown = (e) => !!e && e.getBoundingClientRect().height > 0 && getComputedStyle(e).visibility !== 'hidden';
  const card = el.querySelector('.tend-mirror').getBoundingClientRect();
  return {
    dom: el.querySelector('.tend-frame').classList.contains('tend-dom'),
    canvas: shown(el.querySelector('canvas')) ? el.querySelector('canvas').getBoundingClientRect().height : 0,
    field: shown(el.querySelector('.tend-field')), cardH: card.height,
    text: el.querySelector('.tend-mirror').innerText, docW: document.documentElement.scrollWidth, vw: innerWidth,
  };
});

test('no WebGL, 1024 px: the flagship completes in the DOM card, with its export; nothing empty or stray on the way', async () => {
  const page = await open(1024);
  await page.locator('.tend-frame').screenshot({ path: H.artifact('dom-only-intro-1024w.png') });
  const intro = await layout(page);
  assert.equal(intro.dom, true, 'the widget is in DOM-only mode');
  assert.match(intro.text, /When self-compassion feels impossible/, 'the title is visible text');
  assert.match(intro.text, /There’s nothing to get right here/, "the step's words are visible text");
  assert.ok(intro.cardH > 200, `the card has a height (${intro.cardH})`);

  await H.recordEvents(page);
  const driver = H.domDriver(page);
  await H.runPlan(page, H.SHORT_PATH, driver, H.WIDGET, { stopAt: 'savour_notice' });
  const text = await layout(page);
  const visited = await H.runPlan(page, H.SHORT_PATH, driver);
  assert.deepEqual(visited.slice(-2), ['savour_notice', 'savour_close']);
  const st = await H.state(page);
  assert.equal(st.finished, true);
  assert.equal(st.answers.kind_phrase.other, 'May I go slowly.');
  assert.equal(st.answers.savour_notice.text, H.WORDS.savour);
  assert.equal((await H.events(page)).filter((e) => e.name === 'complete').length, 1);
  await page.locator('.tend-frame').screenshot({ path: H.artifact('dom-only-end-1024w.png') });
  const end = await layout(page);
  assert.ok(end.text.includes(H.WORDS.savour), "the end shows the reader's words");

  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), driver.target('##txt')]);
  assert.ok(fs.readFileSync(await download.path(), 'utf8').includes(H.WORDS.savour), 'the .txt export has the words');
  assert.equal(await H.frames(page), 0, 'no frames drawn without a canvas');
  assert.deepEqual(page.errors, []);

  // The layout, judged last so the walk above runs whatever it finds.
  assert.equal(text.field, true, 'the reply box is there on a question that asks for words');
  assert.equal(intro.canvas, 0, `the unused canvas takes no room (${intro.canvas} px of empty card above the exercise)`);
  assert.equal(intro.field, false, 'no reply box on the opening step, which asks for none');
  assert.equal(end.field, false, 'no reply box on the end screen');
  await page.close();
});

test('no WebGL, 375 px: the card fits the phone, with no empty canvas above it and no stray reply box', async () => {
  const page = await open(375);
  await page.locator('.tend-frame').screenshot({ path: H.artifact('dom-only-intro-375w.png') });
  const l = await layout(page);
  assert.ok(l.docW <= l.vw, `nothing wider than the viewport (${l.docW} > ${l.vw})`);
  assert.ok(l.cardH > 200, `the card has a height (${l.cardH})`);
  assert.equal(l.canvas, 0, `the unused canvas takes no room (${l.canvas} px)`);
  assert.equal(l.field, false, 'no reply box on the opening step');
  assert.deepEqual(page.errors, []);
  await page.close();
});
