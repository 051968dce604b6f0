// A frame costs the page only what changed. Drawing the canvas makes the browser render it and
// copy it into the page's next frame, which on a software renderer is tens of milliseconds the
// reader's next tap waits for; so a frame that would draw the very pixels on screen issues no
// WebGL call at all, and the picture stays as it was.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

// Every draw and clear the page's WebGL contexts are asked for, counted in window.__glCalls.
const COUNT_GL = () => {
  window.__glCalls = 0;
  for (const name of ['drawElements', 'clear']) {
    const real = WebGL2RenderingContext.prototype[name];
    WebGL2RenderingContext.prototype[name] = function (...args) { window.__glCalls++; return real.apply(this, args); };
  }
};

test('the pointer moving over the card where nothing answers it: frames are laid out, none is drawn, the picture stays', async () => {
  const page = await h.newPage({ width: 1024 });
  await page.addInitScript(COUNT_GL);
  await H.openPage(page, h.base + '/demo/');
  await H.waitStable(page);
  const box = await page.evaluate((s) => {
    const el = document.querySelector(s), c = (el.shadowRoot || el).querySelector('canvas');
    c.scrollIntoView({ block: 'start', behavior: 'instant' });
    const r = c.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: 300 };
  }, H.WIDGET);
  await H.waitStable(page);
  const before = await page.screenshot({ clip: box });
  const read = () => page.evaluate((s) => ({ gl: window.__glCalls, frames: document.querySelector(s).__tend._debug.frames }), H.WIDGET);
  const start = await read();
  // The card's top-left corner, inside its padding: no control is there.
  for (const [dx, dy] of [[6, 6], [10, 8], [8, 12]]) {
    await page.mouse.move(box.x + dx, box.y + dy);
    await H.waitStable(page);
  }
  const still = await read();
  const after = await page.screenshot({ clip: box });

  // Then a change the reader sees: the next step.
  await H.clickTarget(page, '##continue', 'Continue');
  await H.waitStable(page);
  const moved = await read();
  await page.context().close();

  assert.ok(still.frames > start.frames, `the moves were followed by frames (${start.frames} → ${still.frames})`);
  assert.equal(still.gl - start.gl, 0, 'none of those frames drew');
  assert.ok(after.equals(before), 'the canvas still shows the card as it was');
  assert.ok(moved.gl > still.gl, 'the next step is drawn');
});
