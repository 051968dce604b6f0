// Without WebGL (context creation blocked by an init script, as on an old browser or with a
// canvas blocker) the DOM mirror is the widget: shown, styled as plain page content, and the
// whole flagship works through it — keyboard, storage, resume, export — with axe finding
// nothing. Pictures at 375 and 1024 px and at 320 px with 200% zoom are kept in
// artifacts/a11y-*.png; at 200% zoom in a 320 px column nothing scrolls sideways or clips.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';
import * as A from './a11y_kit.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

async function openWithoutWebGL(opts = {}) {
  const page = await h.newPage({ width: 1024, ...opts });
  await page.addInitScript(A.blockWebGL);
  await page.goto(h.base + '/demo/');
  await A.waitDomReady(page);
  return page;
}

// Nothing wider than the viewport, and no element of the widget cutting its own text off.
async function reflowProblems(page) {
  return page.evaluate(() => {
    const out = [];
    if (document.documentElement.scrollWidth > innerWidth) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${innerWidth}`);
    const frame = document.querySelector('.tend-frame'), fr = frame.getBoundingClientRect();
    for (const e of frame.querySelectorAll('.tend-mirror *')) {
      if (e.hidden || e.closest('[hidden]') || e.tagName === 'TEXTAREA' || e.tagName === 'INPUT') continue;
      const r = e.getBoundingClientRect();
      if (r.width === 0) continue;
      if (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible') out.push(`clipped: ${e.outerHTML.slice(0, 80)}`);
      if (r.right > fr.right + 1 || r.left < fr.left - 1) out.push(`outside the card: ${e.outerHTML.slice(0, 80)}`);
    }
    return out;
  });
}

test('no WebGL: the DOM layer is shown, and the flagship completes through it by keyboard, storage included', async () => {
  const page = await openWithoutWebGL();
  await A.recordViews(page);
  await H.recordEvents(page);
  const shown = await page.evaluate(() => {
    const f = document.querySelector('.tend-frame'), m = f.querySelector('.tend-mirror'), c = f.querySelector('canvas');
    const r = m.getBoundingClientRect();
    return { dom: f.classList.contains('tend-dom'), canvasShown: c.getBoundingClientRect().height > 0, w: r.width, h: r.height,
      message: !f.querySelector('.tend-message').hidden, frames: f.parentNode.__tend._debug.frames };
  });
  assert.equal(shown.dom, true, 'the widget knows it is in DOM-only mode');
  assert.equal(shown.canvasShown, false, 'the canvas takes no room');
  assert.equal(shown.message, false, 'no "can\'t be shown" message: the exercise is shown');
  assert.ok(shown.w > 500 && shown.h > 300, `the DOM layer is laid out visibly (${shown.w}×${shown.h})`);
  assert.equal(shown.frames, 0, 'no canvas frames');

  const problems = [];
  const base = A.keyboardOnly(page);
  const driver = {
    ...base,
    stepped: async () => {
      await base.stepped();
      const v = await A.lastView(page);
      const live = await page.evaluate(() => document.querySelector('.tend-sr').textContent);
      if (live !== A.announcement(v)) problems.push(`${v.step_id}: live region "${live}"`);
      problems.push(...await A.axe(page, v.step_id));
    },
  };
  await page.evaluate(() => document.querySelector('[data-k=continue]').focus());
  const visited = await H.runPlan(page, H.SHORT_PATH, driver);
  assert.deepEqual(visited.slice(-2), ['savour_notice', 'savour_close']);
  assert.deepEqual(problems, []);
  const st = await H.state(page);
  assert.equal(st.finished, true);
  assert.equal(st.answers.kind_phrase.other, 'May I go slowly.');
  assert.equal(st.answers.savour_notice.text, H.WORDS.savour);
  assert.deepEqual(st.answers.which_part.chosen, ['nothing']);
  assert.equal((await H.events(page)).filter((e) => e.name === 'complete').length, 1);
  // Storage: the journal is on this device, and the words can be taken away.
  const keys = await page.evaluate(() => Object.keys(localStorage));
  assert.ok(keys.some((k) => k.includes('/journal/')), `a journal entry: ${keys.join(', ')}`);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), base.target('txt')]);
  assert.match(download.suggestedFilename(), /\.txt$/);
  // The end's own controls: the confirmation to delete, kept or confirmed.
  await base.target('delete');
  assert.ok(await page.evaluate(() => !!document.querySelector('[data-k=delete_yes]')), 'asked to confirm');
  await base.target('delete_no');
  assert.ok(await page.evaluate(() => !!document.querySelector('[data-k=delete]')), 'kept');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('no WebGL: an answer survives a reload (resume from localStorage)', async () => {
  const page = await openWithoutWebGL();
  await H.runPlan(page, H.LONG_PATH, A.keyboardOnly(page), H.WIDGET, { stopAt: 'reach_notice' });
  await A.keyboardOnly(page).type('still here after a reload');
  await page.reload();
  await A.waitDomReady(page);
  const st = await H.state(page);
  assert.equal(st.stepId, 'reach_notice');
  assert.equal(st.answers.reach_notice.text, 'still here after a reload');
  assert.equal(await page.evaluate(() => document.querySelector('.tend-field').value), 'still here after a reload', 'the box shows the saved words');
  assert.equal(await page.evaluate(() => document.querySelector('.tend-field').hidden), false);
  await page.close();
});

test('no WebGL: pictures at 375 and 1024 px and 320 px at 200% zoom; no sideways scrolling or clipped text', async () => {
  const problems = [];
  for (const [width, dpr] of [[375, 1], [1024, 1], [320, 2]]) {
    const page = await openWithoutWebGL({ width, height: 900, dpr });
    const tag = `${width}px${dpr > 1 ? '@200%' : ''}`;
    const el = page.locator(H.WIDGET);
    // The pause is the grounding path's pacer, by "Pause and get help" from the scale; "Continue
    // gently" returns there for the rest of the walk.
    const shots = { intro: null, choice: 'kind_phrase', scale: 'distress_first', pause: 'pause', end: null };
    const plan = { ...H.LONG_PATH, ground_choice: [['choose', 'continue']], ground_support: [] };
    for (const [name, stop] of Object.entries(shots)) {
      if (name === 'pause') await H.toGroundingPacer(page, A.keyboardOnly(page));
      else if (stop) await H.runPlan(page, plan, A.keyboardOnly(page), H.WIDGET, { stopAt: stop });
      if (name === 'end') await H.runPlan(page, { ...plan, [H.PACER_STEP]: [] }, A.keyboardOnly(page));
      await A.mirrorSettled(page);
      await el.screenshot({ path: H.artifact(`a11y-nowebgl-${tag}-${name}.png`) });
      problems.push(...(await reflowProblems(page)).map((p) => `${tag} ${name}: ${p}`));
    }
    await page.close();
  }
  assert.deepEqual(problems, []);
});

test('canvas mode at 320 px with 200% zoom: no sideways scrolling; controls at least 24 px (44 for Continue)', async () => {
  const page = await h.newPage({ width: 320, height: 800, dpr: 2 });
  await H.openPage(page, h.base + '/demo/');
  const problems = [];
  for (const stop of ['arrive', 'kind_phrase', 'reach_notice', 'distress_first']) {
    if (stop !== 'arrive') await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: stop });
    const sw = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
    if (sw[0] > sw[1]) problems.push(`${stop}: ${sw[0]} > ${sw[1]}`);
    for (const t of await H.targets(page)) {
      const min = t.key === 'continue' ? 44 : 24;
      if (t.w < min || t.h < min) problems.push(`${stop}: ${t.key} is ${t.w}×${t.h}`);
    }
  }
  await page.locator(H.WIDGET).screenshot({ path: H.artifact('a11y-canvas-320px@200%-scale.png') });
  assert.deepEqual(problems, []);
  await page.close();
});
