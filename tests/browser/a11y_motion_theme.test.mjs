// Motion and colour, for readers who need them gentler or stronger:
// - the breathing pacer can be paused, resumed, lengthened and stopped from its controls
//   (WCAG 2.2.1, 2.2.2), and frames stop while it is paused or done;
// - under prefers-reduced-motion it shows a calm count: no animation frames, the circle
//   still, the count changing once a second;
// - a practice accent that can't meet 3:1 against the card (or 4.5:1 for its button text)
//   is corrected, with a console warning; prefers-contrast: more gets a high-contrast theme.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';
import * as A from './a11y_kit.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const framesIn = async (page, ms) => { const a = await H.frames(page); await H.sleep(ms); return (await H.frames(page)) - a; };
const cue = (page) => page.evaluate(() => document.querySelector('.tend-mirror .tend-muted.tend-center').textContent);

test('the pacer: pause, resume, 30 seconds more and stop, by keyboard; frames stop while paused and once stopped', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/');
  await H.toGroundingPacer(page);
  const kb = A.keyboardOnly(page);
  await kb.start();
  await H.sleep(300); // the focus scrolled the widget into view; the observer says so
  const running = await framesIn(page, 1000);
  assert.ok(running >= 5, `breathing animates (${running} frames/s)`);
  await kb.target('pacer_toggle');
  assert.equal(await A.activeKey(page), 'pacer_toggle');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Resume', 'the same button now resumes');
  assert.match(await cue(page), /^Paused/);
  await H.sleep(300);
  assert.ok(await framesIn(page, 1500) <= 1, 'no frames while paused');
  await kb.target('pacer_toggle');
  assert.ok(await framesIn(page, 1000) >= 5, 'breathing again after Resume');
  await kb.target('pacer_longer');
  await kb.target('pacer_stop');
  assert.match(await cue(page), /^Take your time/);
  assert.equal(await page.evaluate(() => !!document.querySelector('[data-k=pacer_toggle]')), false, 'its controls are gone once stopped');
  await H.sleep(500);
  assert.ok(await framesIn(page, 1500) <= 1, 'no frames once stopped');
  // Focus was on Stop, which went away: it moved to a control of the step, not to the page.
  assert.ok(await A.activeKey(page), 'focus stayed in the widget');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('reduced motion: a calm count, no pacer animation frames, the circle still', async () => {
  const page = await h.newPage({ width: 1024, reducedMotion: 'reduce' });
  await H.openPage(page, h.base + '/demo/');
  await H.toGroundingPacer(page);
  await page.mouse.move(2, 2);
  await H.sleep(400);
  const f = await framesIn(page, 3000);
  assert.ok(f <= 4, `${f} frames in 3 s: the count only (at most one a second)`);
  assert.ok(f >= 2, `${f} frames in 3 s: the count does move`);
  // The circle doesn't change size: the same picture a breath apart, outside the count.
  const all = await H.targets(page);
  const toggle = all.find((t) => t.key === 'pacer_toggle');
  const shot = async () => H.decodePng(await page.locator('.tend-canvas').screenshot());
  const a = await shot();
  await H.sleep(2200);
  const b = await shot();
  // The band across the circle's rim, left of the centred count.
  const rim = { x: toggle.x + toggle.w / 2 - 90, y: toggle.y - 160, w: 40, h: 120 };
  assert.ok(H.meanDiff(a, b, rim) < 0.5, `the circle's edge did not move (${H.meanDiff(a, b, rim).toFixed(2)})`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a practice accent below 3:1 is corrected, with a console warning; the default theme warns nothing', async () => {
  const page = await h.newPage({ width: 1024 });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await H.openPage(page, h.base + '/demo/');
  assert.deepEqual(warnings.filter((w) => w.startsWith('Tend')), [], 'the demo\'s own theme passes');
  const out = await page.evaluate(async () => {
    const el = document.createElement('div');
    el.id = 'pale';
    document.querySelector('main').appendChild(el);
    const t = Tend.mount(el, { exercise: 'self-compassion-impossible', accent: '#e8dff0', section: 'pale', start: 'now' });
    await t.ready;
    const css = getComputedStyle(el.querySelector('.tend-frame'));
    return { accent: css.getPropertyValue('--tend-accent').trim(), surface: css.getPropertyValue('--tend-surface').trim(),
      onAccent: css.getPropertyValue('--tend-on-accent').trim() };
  });
  const w = warnings.find((x) => x.includes('the accent #e8dff0'));
  assert.ok(w, `a warning names the colour: ${JSON.stringify(warnings)}`);
  assert.notEqual(out.accent, '#e8dff0', 'a corrected accent is used');
  const lum = (hex) => { const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)); return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; };
  const ratio = (x, y) => { const [a, b] = [lum(x), lum(y)].sort((p, q) => q - p); return (a + 0.05) / (b + 0.05); };
  assert.ok(ratio(out.accent, out.surface) >= 3, `accent ${out.accent} on ${out.surface}: ${ratio(out.accent, out.surface).toFixed(2)}:1`);
  assert.ok(ratio(out.onAccent, out.accent) >= 4.5, `button text ${out.onAccent} on ${out.accent}: ${ratio(out.onAccent, out.accent).toFixed(2)}:1`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('prefers-contrast: more gets the high-contrast theme (black on white, dark outlines)', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1024, height: 900 }, contrast: 'more' });
  const page = await h.newPage({ context });
  await H.openPage(page, h.base + '/demo/');
  const css = await page.evaluate(() => {
    const s = getComputedStyle(document.querySelector('.tend-frame'));
    return ['surface', 'text', 'muted', 'outline'].map((k) => s.getPropertyValue('--tend-' + k).trim());
  });
  assert.deepEqual(css.slice(0, 2), ['#ffffff', '#000000']);
  assert.notEqual(css[2], '#6b6373', 'muted text is darker than the default');
  assert.equal(css[3], '#000000', 'fields and markers outlined in black');
  await context.close();
});
