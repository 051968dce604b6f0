// A widget on the article's first screen, as a practice might place it (right under the
// byline): nothing the reader sees moves when it appears, on a laptop, a tablet in either
// orientation or a phone, and then the card's own height holds its place.
//
// Harm prevented: the place the element holds (web/src/place.js) ends above the screen's
// bottom, and the card growing past it pushes the article's text down under the reader's
// eyes: a layout shift, which Core Web Vitals count against the post (0.040 on an 820 × 1180
// tablet and 0.056 on a 1024 × 1366 one with a place of 640 px).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as H from './harness.mjs';

let h;
before(async () => {
  const demo = fs.readFileSync(path.join(H.siteDir, 'demo/index.html'), 'utf8');
  const section = demo.match(/<section class="practice"[\s\S]*?<\/section>/);
  assert.ok(section, 'the demo article has the widget in its section');
  const top = demo.replace(section[0], '').replace(/(<div class="byline">[\s\S]*?<\/div>)/, `$1\n${section[0]}`);
  assert.notEqual(top, demo.replace(section[0], ''), 'the section moved under the byline');
  const site = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-first-screen-'));
  fs.cpSync(H.siteDir, site, { recursive: true });
  fs.writeFileSync(path.join(site, 'demo/index.html'), top);
  h = await H.start({ site });
});
after(() => h && h.close());

for (const [name, width, height] of [['laptop', 1024, 900], ['tablet, portrait', 820, 1180], ['large tablet, portrait', 1024, 1366],
  ['tablet, landscape', 1180, 820], ['phone', 390, 844]]) {
  test(`${name} (${width} × ${height}): nothing on the first screen moves when the widget appears, and its place goes once it is drawn`, async () => {
    const page = await h.newPage({ width, height });
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((l) => window.__shifts.push(...l.getEntries().filter((e) => !e.hadRecentInput).map((e) => `${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms: ` +
        e.sources.map((s) => `${s.node ? s.node.nodeName : '?'} ${Math.round(s.previousRect.y)} -> ${Math.round(s.currentRect.y)}`).join(', ')))).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(h.base + '/demo/');
    await page.waitForFunction((s) => { const el = document.querySelector(s); return !!(el && el.__tend && el.__tend.ready); }, H.WIDGET);
    const got = await page.evaluate(async (s) => {
      const el = document.querySelector(s), top = el.getBoundingClientRect().top;
      const mounted = !!(await el.__tend.ready);
      return { top, mounted, frames: el.__tend._debug.frames };
    }, H.WIDGET);
    assert.ok(got.mounted && got.frames > 0, 'the widget drew on the first screen');
    assert.ok(got.top < height, `the widget is on the first screen (its top at ${got.top} px)`);
    await H.sleep(800);
    const end = await page.evaluate((s) => ({ shifts: window.__shifts, place: document.querySelector(s).style.minHeight }), H.WIDGET);
    assert.deepEqual(end.shifts, [], 'nothing on the first screen moved');
    assert.equal(end.place, '', 'the place the element held was let go once the card was drawn');
    assert.deepEqual(page.errors, [], "nothing went wrong in the page");
    await page.close();
  });
}
