// Pictures of the widget for people to look at (tests/browser/artifacts/shot-*.png): the demo
// page's widget at 375 and 1024 CSS px, DPR 1 and 2, on the opening screen, a choice, the
// 0–10 scale, a reply being written and the end screen. Each is checked for being a real
// picture (not blank) at the right size, and the canvas's backing store for being CSS size ×
// devicePixelRatio (crisp, not stretched).
//
// The steps are reached once, by walking the exercise with the pointer; what the widget
// saved at each is then put back into a fresh browser at each size, so every picture shows
// the widget resuming there (the same path a returning reader takes).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as H from './harness.mjs';

// A real device pixel ratio: Chromium started with --force-device-scale-factor (and the
// context's deviceScaleFactor the same). Emulating the ratio alone (Playwright's
// deviceScaleFactor, DevTools' device mode) leaves ResizeObserver's device-pixel-content-box
// at the machine's real ratio, which is a different situation, tested on its own below.
const browsers = {};
async function browserFor(dpr) {
  if (!browsers[dpr]) browsers[dpr] = await H.start({ extraArgs: [`--force-device-scale-factor=${dpr}`] });
  return browsers[dpr];
}
let h;
before(async () => { h = await browserFor(1); });
after(async () => { for (const b of Object.values(browsers)) await b.close(); });

const CONFIGS = [
  { width: 375, dpr: 1 }, { width: 375, dpr: 2 }, { width: 1024, dpr: 1 }, { width: 1024, dpr: 2 },
];
const TYPED = 'It’s a tightness — like a fist in my chest… and a quiet “not now”.';
const snapshot = (page) => page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)])));

async function captureSteps() {
  const page = await h.newPage({ width: 1024, reducedMotion: 'reduce' }); // (no fades or smooth scrolls to wait for)
  await H.openPage(page, h.base + '/demo/');
  const d = H.pointerDriver(page);
  const shots = [];
  shots.push({ name: 'intro', step: 'arrive', storage: await snapshot(page) });

  await H.runPlan(page, H.LONG_PATH, d, H.WIDGET, { stopAt: 'kind_phrase' });
  await d.choose('kind_phrase', 'go_gently');
  await page.waitForFunction(() => document.querySelector('[data-tend-exercise]').__tend.state().answers.kind_phrase);
  shots.push({ name: 'choice', step: 'kind_phrase', storage: await snapshot(page) });

  await d.continue();
  await H.runPlan(page, H.LONG_PATH, d, H.WIDGET, { stopAt: 'reach_notice' });
  await H.typeReply(page, TYPED);
  await page.waitForFunction((t) => (document.querySelector('[data-tend-exercise]').__tend.state().answers.reach_notice || {}).text === t, TYPED);
  shots.push({ name: 'text', step: 'reach_notice', storage: await snapshot(page) });

  await d.continue();
  await H.runPlan(page, H.LONG_PATH, d, H.WIDGET, { stopAt: 'distress_first' });
  await d.scale(4);
  await page.waitForFunction(() => document.querySelector('[data-tend-exercise]').__tend.state().answers.distress_first);
  shots.push({ name: 'scale', step: 'distress_first', storage: await snapshot(page) });

  // On, and the shorter way to the end: "Nothing pushed back".
  await d.continue();
  await H.waitForStep(page, 'which_part');
  const toEnd = { ...H.LONG_PATH, which_part: [['choose', 'nothing']], savour: [], savour_notice: [['skip']] };
  await H.runPlan(page, toEnd, d);
  assert.deepEqual((await H.state(page)).answers.which_part.chosen, ['nothing']);
  shots.push({ name: 'end', step: 'savour_close', storage: await snapshot(page) });
  assert.deepEqual(page.errors, []);
  await page.close();
  return shots;
}

// One picture: the widget as it is now, checked and saved.
async function shoot(page, label, name, dpr, report) {
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(1, 1);
  await H.waitStable(page);
  // Give a resize its frame (the backing store follows one frame late); then judge.
  await page.waitForFunction((d) => {
    const c = document.querySelector('.tend-canvas'), r = c.getBoundingClientRect();
    return Math.abs(c.width - r.width * d) <= 1 && Math.abs(c.height - r.height * d) <= 1;
  }, dpr, { timeout: 3000 }).catch(() => {});
  const m = await page.evaluate(() => {
    const c = document.querySelector('.tend-canvas'), r = c.getBoundingClientRect();
    const fr = document.querySelector('.tend-frame').getBoundingClientRect(), f = document.querySelector('.tend-field');
    return { cssW: r.width, cssH: r.height, bw: c.width, bh: c.height, dpr: devicePixelRatio, frameW: fr.width, frameH: fr.height,
      field: f.hidden ? null : f.value };
  });
  const file = H.artifact(name);
  const img = H.decodePng(await page.locator('.tend-frame').screenshot({ path: file }));

  assert.equal(m.dpr, dpr);
  assert.ok(Math.abs(m.bw - m.cssW * dpr) <= 1, `${label}: backing width ${m.bw} = ${m.cssW} × ${dpr}`);
  assert.ok(Math.abs(m.bh - m.cssH * dpr) <= 1, `${label}: backing height ${m.bh} = ${m.cssH} × ${dpr}`);
  assert.ok(Math.abs(img.width - m.frameW * dpr) <= 2 && Math.abs(img.height - m.frameH * dpr) <= 2,
    `${label}: the picture is ${img.width}×${img.height} for a ${m.frameW}×${m.frameH} widget`);
  const all = H.lumaStats(img);
  assert.ok(all.variance > 150 && all.max - all.min > 120, `${label}: not blank (variance ${all.variance.toFixed(0)}, range ${all.min.toFixed(0)}–${all.max.toFixed(0)})`);
  // Ink: the share of dark pixels (text) must be more than a speck and less than a flood.
  let dark = 0;
  for (let i = 0; i < img.width * img.height; i++) {
    const o = i * img.channels;
    if (0.2126 * img.data[o] + 0.7152 * img.data[o + 1] + 0.0722 * img.data[o + 2] < 110) dark++;
  }
  const inkShare = dark / (img.width * img.height);
  assert.ok(inkShare > 0.004 && inkShare < 0.4, `${label}: ${(inkShare * 100).toFixed(2)}% dark pixels`);
  report.push(`${name}  ${img.width}×${img.height}  canvas ${m.cssW}×${m.cssH} css → ${m.bw}×${m.bh}  ink ${(inkShare * 100).toFixed(1)}%`);
  return m;
}

test('screenshots at 375/1024 px, DPR 1/2: not blank, backing store = CSS size × DPR', async () => {
  const shots = await captureSteps();
  const report = [];
  const widths = [...new Set(CONFIGS.map((c) => c.width))];
  for (const dpr of [...new Set(CONFIGS.map((c) => c.dpr))]) {
    const b = await browserFor(dpr);
    // Reduced motion: the same pictures (none of these steps moves), without waiting for fades.
    const page = await b.newPage({ width: widths[0], height: 900, dpr, reducedMotion: 'reduce' });
    await H.openPage(page, b.base + '/demo/');
    for (const shot of shots) {
      // The widget resumes on the step at the first width, then the window is resized: each
      // picture after the first also shows the widget following a new width.
      await H.resizeViewport(page, widths[0], 900);
      await page.evaluate((st) => { localStorage.clear(); for (const k in st) localStorage.setItem(k, st[k]); }, shot.storage);
      await page.reload();
      await H.waitReady(page);
      assert.equal((await H.state(page)).stepId, shot.step, `${shot.name}: resumed on the step`);
      for (const width of widths) {
        if (width !== widths[0]) await H.resizeViewport(page, width, 900);
        const label = `${shot.name} at ${width}px DPR ${dpr}`, t0 = Date.now();
        const m = await shoot(page, label, `shot-${shot.name}-${width}w-dpr${dpr}.png`, dpr, report);
        if (shot.name === 'text') assert.equal(m.field, TYPED, `${label}: the reply box shows the typed words`);
        if (shot.name === 'scale') {
          // 0–10 on one row when the card is wide enough for 11 targets of 44 px; at phone
          // width two balanced rows (6 + 5), never a lone straggler.
          const rows = {};
          for (const t of (await H.targets(page)).filter((x) => x.key.startsWith('scale:'))) {
            assert.ok(t.w >= 44 && t.h >= 44, `${label}: scale target ${t.label} is ${t.w}×${t.h}`);
            rows[Math.round(t.y)] = (rows[Math.round(t.y)] || 0) + 1;
          }
          const counts = Object.values(rows);
          assert.deepEqual(counts, width >= 1024 ? [11] : [6, 5], `${label}: scale rows ${JSON.stringify(rows)}`);
        }
        if (shot.name === 'end') {
          // The call to action holds its whole label, however long the practice made it.
          const cta = (await H.targets(page)).find((x) => x.id === '##cta');
          assert.ok(cta, `${label}: the call to action is drawn`);
          const need = await page.evaluate(() => document.querySelector('[data-tend-exercise]').dataset.tendCtaText || '');
          assert.ok(cta.h >= 44, `${label}: the call to action is ${cta.h} px tall`);
          if (width <= 375 && need.length > 40) assert.ok(cta.h > 48, `${label}: a long call to action wraps inside a taller button (${cta.h} px)`);
        }
        if (process.env.TEND_TIMING) console.log(label, Date.now() - t0, 'ms');
      }
    }
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
  fs.writeFileSync(H.artifact('shots.txt'), report.sort().join('\n') + '\n');
});

test('DPR 2 emulated (DevTools device mode, Playwright deviceScaleFactor): backing store = CSS size × devicePixelRatio', async () => {
  // Here devicePixelRatio says 2 while ResizeObserver's device-pixel-content-box still counts
  // the machine's real pixels (1 per CSS px). The widget should notice the two disagree and
  // size by devicePixelRatio; otherwise developers previewing a phone get a blurry widget.
  const page = await h.newPage({ width: 375, height: 900, dpr: 2 });
  await H.openPage(page, h.base + '/demo/');
  const m = await page.evaluate(() => {
    const c = document.querySelector('.tend-canvas'), r = c.getBoundingClientRect();
    return { dpr: devicePixelRatio, cssW: r.width, cssH: r.height, bw: c.width, bh: c.height };
  });
  assert.equal(m.dpr, 2);
  assert.ok(Math.abs(m.bw - m.cssW * 2) <= 1 && Math.abs(m.bh - m.cssH * 2) <= 1,
    `backing store ${m.bw}×${m.bh} for ${m.cssW}×${m.cssH} CSS px at devicePixelRatio 2`);
  await page.context().close();
});
