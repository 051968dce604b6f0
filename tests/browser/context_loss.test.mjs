// The browser can take a canvas's WebGL context away (the GPU process restarts, a driver
// resets, a phone reclaims memory) and give it back later. The widget has to live through
// that: no errors while it is gone, the reader's place and words kept, and once the context
// is restored, the step drawn again (its shaders and font texture made anew) and working.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

// The canvas's own context: getContext on a canvas that has one hands back the same object.
const loseContext = (page) => page.evaluate(() => {
  const gl = document.querySelector('.tend-canvas').getContext('webgl2');
  window.__loseExt = gl.getExtension('WEBGL_lose_context');
  window.__loseExt.loseContext();
});
const restoreContext = (page) => page.evaluate(() => window.__loseExt.restoreContext());
const isLost = (page) => page.evaluate(() => document.querySelector('.tend-canvas').getContext('webgl2').isContextLost());

test('WebGL context lost and restored: nothing thrown, answers kept, the step redrawn and still answerable', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/');
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'kind_phrase' });
  await H.waitStable(page);
  const shot = async () => H.decodePng(await page.locator('.tend-canvas').screenshot());
  const drawn = await shot();
  const stateBefore = await H.state(page);

  await loseContext(page);
  await page.waitForFunction(() => document.querySelector('.tend-canvas').getContext('webgl2').isContextLost());
  await H.sleep(500);
  assert.deepEqual(page.errors, [], 'no errors while the context is gone');
  assert.deepEqual(await H.state(page), stateBefore, 'the place and the answers are untouched');

  const f0 = await H.frames(page);
  await restoreContext(page);
  await page.waitForFunction(() => !document.querySelector('.tend-canvas').getContext('webgl2').isContextLost());
  await H.waitFrame(page, f0);
  assert.ok((await H.frames(page)) > f0, 'a frame was drawn after the context came back');
  assert.equal(await isLost(page), false);

  // The same step, drawn the same: text and all (a font texture that wasn't remade would
  // leave blank boxes; shaders that weren't, an empty canvas).
  const redrawn = await shot();
  assert.equal(redrawn.width, drawn.width);
  assert.equal(redrawn.height, drawn.height);
  const whole = { x: 0, y: 0, w: drawn.width, h: drawn.height };
  const diff = H.meanDiff(drawn, redrawn, whole);
  assert.ok(diff < 2, `the step looks as it did before the loss (mean difference ${diff.toFixed(2)} of 255)`);
  assert.ok(H.lumaStats(redrawn).variance > 100, 'the canvas is not blank');

  // And it still answers the reader: choosing an option is drawn and saved.
  const label = H.optionLabel('kind_phrase', 'doing_best');
  await H.clickTarget(page, '##option', label);
  await page.waitForFunction(() => document.querySelector('[data-tend-exercise]').__tend.state().answers.kind_phrase?.chosen?.includes('doing_best'),
    null, { timeout: 5000 });
  assert.deepEqual(page.errors, []);
  await page.close();
});
