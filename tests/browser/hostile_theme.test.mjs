// A practice's theme that restyles every canvas, textarea and button on the page, with
// !important (themes do: "canvas { max-width: 100% !important; height: auto !important }",
// "textarea { min-height: 200px; padding: 2em }"). The widget's geometry must not depend on
// it: the reply box sits exactly on the box the canvas drew, Continue is where it was drawn
// and a tap there continues, and the canvas keeps the height the widget gave it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const EXERCISE = { format: 'tend.exercise/1', id: 'theme-proof', version: '1', language: 'en', title: 'One question', minutes: 2,
  intro: 'One question, at your own pace.', disclaimer: 'A practice, not therapy.',
  safety: { step: 'ground', resources: [] },
  steps: [{ id: 'ask', kind: 'text', prompt: 'What do you notice right now?' },
    { id: 'done', kind: 'end', text: ['Thank you.'] },
    { id: 'ground', kind: 'say', text: ['Feet on the floor.'], next: '@return' }] };

const THEME = `
  canvas, textarea, button { width: 60% !important; height: auto !important; min-height: 220px !important; max-width: 100% !important;
    padding: 2em !important; margin: 30px 10px !important; border: 6px solid red !important; box-sizing: content-box !important;
    position: static !important; transform: translateX(12px) !important; font-size: 11px !important; line-height: 3 !important;
    display: inline-block !important; float: right !important; }
  div { position: static !important; }`;

test("a theme that restyles canvas, textarea and button with !important: the reply box lies on the drawn box, Continue works where it is drawn", async () => {
  const page = await h.newPage({ width: 1024, reducedMotion: 'reduce' });
  await page.route(h.base + '/themed.html', (r) => r.fulfill({ contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><style>${THEME}</style></head><body><main><div id="w"></div></main>` +
      `<script src="${h.base}/tend.js"></script><script>Tend.mount(document.getElementById('w'), { exercise: ${JSON.stringify(EXERCISE)}, start: 'now' });</script></body></html>` }));
  await page.goto(h.base + '/themed.html');
  await H.waitReady(page, '#w');

  const geometry = await page.evaluate(() => {
    const w = document.getElementById('w'), c = w.querySelector('canvas'), f = w.querySelector('.tend-field');
    const cb = c.getBoundingClientRect(), fb = f.getBoundingClientRect(), t = w.__tend._debug.targets();
    return { canvas: { x: cb.left, y: cb.top, w: cb.width, h: cb.height, styleH: parseFloat(c.style.height) },
      frameW: w.querySelector('.tend-frame').getBoundingClientRect().width,
      field: { x: fb.left - cb.left, y: fb.top - cb.top, w: fb.width, h: fb.height }, drawn: t.find((x) => x.id === 'field') || null,
      fieldStyle: f.getAttribute('style'), fontSize: getComputedStyle(f).fontSize };
  });
  assert.ok(Math.abs(geometry.canvas.w - geometry.frameW) < 1, `the canvas is as wide as the widget (${JSON.stringify(geometry.canvas)}, frame ${geometry.frameW})`);
  assert.ok(Math.abs(geometry.canvas.h - geometry.canvas.styleH) < 1, `the canvas keeps the height the widget gave it (${JSON.stringify(geometry.canvas)})`);
  const place = /left:([\d.]+)px.*top:([\d.]+)px.*width:([\d.]+)px.*height:([\d.]+)px/.exec(geometry.fieldStyle.replace(/\s/g, ''));
  assert.ok(place, `the reply box is placed by the widget: ${geometry.fieldStyle}`);
  const [x, y, width, height] = place.slice(1).map(Number);
  for (const [name, got, want] of [['left', geometry.field.x, x], ['top', geometry.field.y, y], ['width', geometry.field.w, width], ['height', geometry.field.h, height]]) {
    assert.ok(Math.abs(got - want) < 1.5, `the reply box's ${name} is the drawn box's (${got} vs ${want})`);
  }
  assert.ok(parseFloat(geometry.fontSize) >= 16, `the reader's words stay readable, 16 px or more (${geometry.fontSize})`);

  await H.typeReply(page, 'the words stay where they were drawn', '#w');
  assert.equal((await H.state(page, '#w')).answers.ask.text, 'the words stay where they were drawn');
  await H.clickTarget(page, '##continue', 'Continue', '#w');
  await page.waitForFunction(() => document.getElementById('w').__tend.state().stepId === 'done');
  assert.deepEqual(page.errors, []);
  await page.close();
});
