// A long reply that scrolls inside its box leaves the question and hint above it on screen.
// (Composited in software, Chromium once blanked them, all but their first letters, until
// the box stopped being repainted as part of the canvas's layer.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

// Dark pixels (the question's and hint's ink) in the band above the reply box, in the page's
// own screenshot.
async function inkAboveBox(page) {
  const r = await page.evaluate((s) => {
    const f = document.querySelector(s + ' .tend-field').getBoundingClientRect();
    return { x: Math.round(f.left), y: Math.round(f.top - 150), w: Math.round(f.width), h: 140, dpr: devicePixelRatio };
  }, H.WIDGET);
  const img = H.decodePng(await page.screenshot());
  let ink = 0;
  for (let y = r.y * r.dpr; y < (r.y + r.h) * r.dpr; y++) {
    for (let x = r.x * r.dpr; x < (r.x + r.w) * r.dpr; x++) {
      const i = (y * img.width + x) * img.channels;
      if (0.3 * img.data[i] + 0.59 * img.data[i + 1] + 0.11 * img.data[i + 2] < 150) ink++;
    }
  }
  return ink;
}

test('typing a reply long enough to scroll inside its box leaves the question and hint above it drawn', async () => {
  const page = await h.newPage({ width: 1024, height: 900 });
  await H.openPage(page, h.base + '/demo/');
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'reach_notice' });
  const before = await inkAboveBox(page);
  const long = Array.from({ length: 30 }, (_, i) => `Line ${i + 1}: a tightness, then something softer.`).join('\n');
  await H.typeReply(page, long);
  await H.waitStable(page);
  assert.ok(await page.evaluate((s) => { const f = document.querySelector(s + ' .tend-field'); return f.scrollHeight > f.clientHeight && f.scrollTop > 0; }, H.WIDGET),
    'the reply scrolls inside its box');
  await page.mouse.move(10, 10);
  await H.sleep(300);
  const afterTyping = await inkAboveBox(page);
  await page.close();
  assert.ok(before > 2000, `the question and hint are drawn (${before} dark pixels)`);
  assert.ok(afterTyping > before * 0.9, `still drawn after the reply scrolled: ${afterTyping} of ${before} dark pixels`);
});
