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

const EXERCISE = H.oneQuestion('theme-proof');

const THEME = `
  canvas, textarea, button { width: 60% !important; height: auto !important; min-height: 220px !important; max-width: 100% !important;
    padding: 2em !important; margin: 30px 10px !important; border: 6px solid red !important; box-sizing: content-box !important;
    position: static !important; transform: translateX(12px) !important; font-size: 11px !important; line-height: 3 !important;
    display: inline-block !important; float: right !important; }
  div { position: static !important; }`;

// Whether a themed page's widget keeps its geometry: the canvas as wide as the widget and as
// tall as it was made, the reply box on the drawn box, every control of the mirror on the
// control drawn for it, the reader's words readable, a typed reply kept and Continue working
// where it is drawn.
async function holdsUnder(theme) {
  const page = await h.newPage({ width: 1024, reducedMotion: 'reduce' });
  await page.route(h.base + '/themed.html', (r) => r.fulfill({ contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><style>${theme}</style></head><body><main id="content"><div id="w"></div></main>` +
      `<script src="${h.base}/tend.js"></script><script>Tend.mount(document.getElementById('w'), { exercise: ${JSON.stringify(EXERCISE)}, start: 'now' });</script></body></html>` }));
  await page.goto(h.base + '/themed.html');
  await H.waitReady(page, '#w');

  const geometry = await page.evaluate(() => {
    const w = document.getElementById('w'), c = w.querySelector('canvas'), f = w.querySelector('.tend-field');
    const cb = c.getBoundingClientRect(), fb = f.getBoundingClientRect(), t = w.__tend._debug.targets();
    const controls = Array.prototype.map.call(w.querySelectorAll('.tend-mirror [data-k]'), (e) => {
      const r = e.getBoundingClientRect(), d = t.find((x) => x.key === e.getAttribute('data-k'));
      return { key: e.getAttribute('data-k'), got: [r.left - cb.left, r.top - cb.top, r.width, r.height], want: d ? [d.x, d.y, d.w, d.h] : null,
        opacity: getComputedStyle(e).opacity };
    });
    return { canvas: { x: cb.left, y: cb.top, w: cb.width, h: cb.height, styleH: parseFloat(c.style.height) },
      frameW: w.querySelector('.tend-frame').getBoundingClientRect().width, controls,
      // Where the canvas drew the reply box: the box the widget gave the textarea (left, top, width, height in its style).
      field: { x: fb.left - cb.left, y: fb.top - cb.top, w: fb.width, h: fb.height },
      drawn: ['left', 'top', 'width', 'height'].map((k) => { const m = new RegExp('(?:^|;)\\s*' + k + ':\\s*([\\d.]+)px').exec(f.getAttribute('style') || ''); return m ? +m[1] : null; }),
      fieldStyle: f.getAttribute('style'), fontSize: getComputedStyle(f).fontSize };
  });
  assert.ok(Math.abs(geometry.canvas.w - geometry.frameW) < 1, `the canvas is as wide as the widget (${JSON.stringify(geometry.canvas)}, frame ${geometry.frameW})`);
  assert.ok(geometry.canvas.h > 100 && Math.abs(geometry.canvas.h - geometry.canvas.styleH) < 1, `the canvas keeps the height the widget gave it (${JSON.stringify(geometry.canvas)})`);
  const want = geometry.drawn;
  assert.ok(want.every((v) => v !== null), `the reply box is placed by the widget: ${geometry.fieldStyle}`);
  [geometry.field.x, geometry.field.y, geometry.field.w, geometry.field.h].forEach((got, i) => {
    assert.ok(Math.abs(got - want[i]) < 1.5, `the reply box lies on the drawn box (${JSON.stringify(geometry.field)} vs ${want}; style ${geometry.fieldStyle})`);
  });
  assert.ok(parseFloat(geometry.fontSize) >= 16, `the reader's words stay readable, 16 px or more (${geometry.fontSize})`);
  assert.ok(geometry.controls.length >= 2, 'the mirror has the step\'s controls');
  for (const c of geometry.controls) {
    if (!c.want) continue; // (a control the canvas doesn't draw on this screen)
    assert.equal(c.opacity, '0', `${c.key} stays unseen over the canvas (the canvas draws it)`);
    c.got.forEach((v, i) => assert.ok(Math.abs(v - c.want[i]) < 1.5, `${c.key} lies on the control drawn for it (${c.got.map(Math.round)} vs ${c.want.map(Math.round)})`));
  }

  await H.typeReply(page, 'the words stay where they were drawn', '#w');
  assert.equal((await H.state(page, '#w')).answers.ask.text, 'the words stay where they were drawn');
  await H.clickTarget(page, '##continue', 'Continue', '#w');
  await page.waitForFunction(() => document.getElementById('w').__tend.state().stepId === 'done', null, { timeout: 8000 })
    .catch(() => assert.fail('a click on the drawn Continue did not continue'));
  assert.deepEqual(page.errors, []);
  await page.close();
}

test("a theme that restyles canvas, textarea and button with !important: the reply box lies on the drawn box, Continue works where it is drawn", async () => {
  await holdsUnder(THEME);
});

// A theme scoped by an id (specificity 1,0,1: more than any class selector of tend.css) with
// !important, on the widget's own elements and every box between them.
const ID_THEME = `
  #content canvas { height: 3px !important; width: 40% !important; padding: 30px !important; margin: 20px !important;
    border: 9px solid red !important; box-sizing: content-box !important; position: relative !important; top: 40px !important;
    display: inline !important; float: right !important; }
  #content textarea { position: static !important; height: 300px !important; width: 90% !important; margin: 40px !important;
    padding: 3em !important; display: block !important; font-size: 10px !important; box-sizing: content-box !important; }
  #content button { position: relative !important; left: 100px !important; top: 100px !important; width: 300px !important;
    height: 100px !important; opacity: 1 !important; display: block !important; margin: 20px !important; padding: 20px !important; }
  #content div, #content p, #content fieldset, #content label { position: relative !important; padding: 25px !important;
    margin: 15px !important; border: 4px solid blue !important; transform: translateY(30px) !important; }`;

test('a theme rule with an id selector and !important (#content canvas, textarea, button, div) moves nothing of the widget', async () => {
  // Harm prevented: a practice's theme, scoped to its content area, that shrinks the canvas
  // to nothing, pulls the reply box off its place, or moves the controls under the reader's
  // finger away from where they are drawn.
  await holdsUnder(ID_THEME);
});

// The same in a cascade layer: an !important rule in a layer beats every unlayered
// !important rule, whatever its specificity; only what is set on the element itself wins.
test('the same theme inside an @layer, with !important, moves nothing of the widget', async () => {
  await holdsUnder(`@layer theme { ${ID_THEME.replace(/#content /g, '')} }`);
});
