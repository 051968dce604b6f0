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

// What the first frame drew, read from its drawing buffer right after the call that drew it
// (a microtask of the first clear's, so still in the task that drew it): the pixels that
// differ from the card's ground.
const READ_FIRST_FRAME = () => {
  const real = WebGL2RenderingContext.prototype.clear;
  WebGL2RenderingContext.prototype.clear = function (...args) {
    if (!window.__first) {
      window.__first = 'drawing';
      queueMicrotask(() => {
        const gl = this, w = gl.drawingBufferWidth, ht = gl.drawingBufferHeight, px = new Uint8Array(w * ht * 4);
        gl.readPixels(0, 0, w, ht, gl.RGBA, gl.UNSIGNED_BYTE, px);
        const g = ((ht - 1 - 6) * w + 6) * 4; // the ground, inside the padding at the top left
        let ink = 0;
        for (let i = 0; i < px.length; i += 4) {
          if (Math.max(Math.abs(px[i] - px[g]), Math.abs(px[i + 1] - px[g + 1]), Math.abs(px[i + 2] - px[g + 2])) > 48) ink++;
        }
        window.__first = { ink, w, ht };
      });
    }
    return real.apply(this, args);
  };
};

test("the card's first frame is its whole first step, not the start of a fade", async () => {
  // Harm prevented: the first frame (the one the start-up is timed by) showing a nearly blank
  // card, and the fade's frames after it each making the browser render and copy the whole
  // canvas while the reader's first tap waits.
  const page = await h.newPage({ width: 1024 });
  await page.addInitScript(READ_FIRST_FRAME);
  await page.goto(h.base + '/demo/');
  await H.waitReady(page);
  await page.waitForFunction(() => typeof window.__first === 'object');
  const first = await page.evaluate(() => window.__first);
  await page.mouse.move(2, 2);
  await H.waitStable(page);
  await H.sleep(800); // longer than any fade
  const img = H.decodePng(await page.locator('.tend-canvas').screenshot());
  const g = (6 * img.width + 6) * img.channels;
  let ink = 0;
  for (let i = 0; i < img.data.length; i += img.channels) {
    if (Math.max(Math.abs(img.data[i] - img.data[g]), Math.abs(img.data[i + 1] - img.data[g + 1]), Math.abs(img.data[i + 2] - img.data[g + 2])) > 48) ink++;
  }
  await page.context().close();

  assert.ok(first.w === img.width && Math.abs(first.ht - img.height) <= 1, `the same canvas (${first.w}×${first.ht}, shot ${img.width}×${img.height})`);
  assert.ok(ink > 5000, `the settled card has ink (${ink} pixels)`);
  assert.ok(first.ink >= 0.95 * ink, `the first frame drew the step as it stays (${first.ink} of ${ink} pixels of ink)`);
});
