// The canvas is invisible to assistive technology; the semantic DOM mirror tells the truth
// about each step. With WebGL on (the canvas draws):
// - axe-core (WCAG 2.0/2.1/2.2 A and AA) finds nothing on the demo page at any step of the
//   flagship, including the pause path and the end screen;
// - a reader using only the keyboard goes from the page into the widget, through the whole
//   flagship (Tab/Shift+Tab, arrows in radio groups, Enter and Space, typing) and out again;
// - after each step the live region says the current prompt, every control has a name, and
//   the canvas draws its focus ring exactly where the DOM focus is (the view's own report,
//   and the pixels);
// - the canvas is aria-hidden and not focusable; Escape opens "Pause and get help".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';
import * as A from './a11y_kit.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

test('axe: no WCAG 2.2 AA violations on the demo page at every step of the flagship, the pause path and the end', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/');
  const found = [];
  const seen = [];
  const check = async () => {
    const st = await H.state(page);
    const label = st.stepId + (st.inSafety ? ' (pause path)' : '');
    if (seen.includes(label)) return;
    seen.push(label);
    await A.mirrorSettled(page);
    found.push(...await A.axe(page, label));
  };
  // The pause path, from the first step, and back.
  await check();
  await H.clickTarget(page, '##need_pause', H.SAY.need_pause);
  await H.waitForStep(page, 'ground');
  await check();
  await H.clickTarget(page, '##return', 'Return to where I was');
  await H.waitForStep(page, 'arrive');
  // Every step of the long path, checked as it is reached (the plan's actions run after).
  const driver = H.pointerDriver(page);
  const stepped = driver.stepped;
  driver.stepped = async () => { await stepped(); await check(); };
  await H.runPlan(page, H.LONG_PATH, driver);
  await check();
  // The end's confirmation panel is a state of its own.
  await H.clickTarget(page, '##delete', 'Delete my answers');
  await H.waitStable(page);
  found.push(...await A.axe(page, 'closing (confirm delete)'));
  // Every step of the long path, its end, and the pause path's first step.
  assert.equal(seen.length, Object.keys(H.LONG_PATH).length + 2, `checked ${seen.length} steps: ${seen.join(', ')}`);
  assert.deepEqual(found, [], 'axe violations');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the canvas is hidden from assistive technology and never focusable', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/');
  const c = await page.evaluate(() => {
    const c = document.querySelector('.tend-canvas');
    c.focus();
    return { hidden: c.getAttribute('aria-hidden'), tabindex: c.getAttribute('tabindex'), focused: document.activeElement === c, tabIndex: c.tabIndex };
  });
  assert.equal(c.hidden, 'true');
  assert.equal(c.tabindex, null, 'no tabindex attribute');
  assert.equal(c.focused, false, 'focus() does not land on the canvas');
  assert.equal(c.tabIndex, -1);
  await page.close();
});

test('keyboard only: from the page into the widget, the whole flagship, and out again; live region, names and focus ring at each step', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/');
  await A.recordViews(page);
  await H.recordEvents(page);

  // From the top of the page, Tab reaches the widget's first control (the page's own links first).
  await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
  let tabs = 0;
  while (!(await A.activeKey(page)) && tabs < 30) { await page.keyboard.press('Tab'); tabs++; }
  assert.equal(await A.activeKey(page), 'need_pause', 'the first Tab stop in the widget is "Pause and get help"');
  assert.ok(tabs >= 2, 'the page\'s own links come first');

  const base = A.keyboardOnly(page);
  const problems = [];
  let ringChecks = 0;
  const afterStep = async () => {
    await base.stepped();
    const v = await A.lastView(page);
    const live = await page.evaluate(() => document.querySelector('.tend-sr').textContent);
    if (live !== A.announcement(v)) problems.push(`${v.step_id}: live region says "${live}", not "${A.announcement(v)}"`);
    // Every control has a name (as Chromium's accessibility tree has it).
    const { named } = await A.controlNames(page);
    for (const n of named) if (!n.name.trim()) problems.push(`${v.step_id}: a ${n.role} without a name`);
    // A new step puts the focus on its first words (the question, or what it says), so a screen
    // reader reads them; Tab goes on to its controls, where the ring is drawn with the focus.
    const onWords = await page.evaluate(() => {
      const a = document.activeElement, m = document.querySelector('.tend-mirror');
      return a === (m.querySelector('.tend-part-question .tend-prompt') || m.querySelector('.tend-part-body .tend-t'));
    });
    if (!onWords) problems.push(`${v.step_id}: after the step change the focus is on ${await A.activeKey(page)}, not the step's first words`);
    await page.keyboard.press('Tab');
    await A.mirrorSettled(page);
    const key = await A.activeKey(page);
    const drawn = (await H.targets(page)).filter((t) => t.focused).map((t) => t.key);
    if (key && key !== 'field') {
      if (JSON.stringify(drawn) !== JSON.stringify([key])) problems.push(`${v.step_id}: focus on ${key}, ring drawn on ${JSON.stringify(drawn)}`);
      else ringChecks++;
    }
  };
  const driver = { ...base, stepped: afterStep };
  const visited = await H.runPlan(page, H.SHORT_PATH, driver);
  assert.deepEqual(visited.slice(-2), ['savour_notice', 'savour_close']);
  assert.deepEqual(problems, []);
  // On every step reached but the two whose first control is the reply box.
  assert.ok(ringChecks >= 6, `the focus ring was checked on ${ringChecks} steps`);

  const st = await H.state(page);
  assert.equal(st.finished, true);
  assert.equal(st.answers.kind_phrase.other, 'May I go slowly.');
  assert.equal(st.answers.reach_notice.skipped, true);
  assert.deepEqual(st.answers.which_part.chosen, ['nothing']);
  assert.equal(st.answers.savour_notice.text, H.WORDS.savour);
  assert.equal((await H.events(page)).filter((e) => e.name === 'complete').length, 1);

  // The end screen's download, by keyboard.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), base.target('txt')]);
  assert.match(download.suggestedFilename(), /\.txt$/);

  // And out: Tab goes on past the widget into the page (no trap)…
  let out = 0;
  while ((await A.activeKey(page)) && out < 40) { await page.keyboard.press('Tab'); out++; }
  assert.equal(await A.activeKey(page), null, 'Tab leaves the widget');
  assert.ok(await page.evaluate(() => !document.querySelector('.tend-frame').contains(document.activeElement)));
  // …and Shift+Tab comes back in at its last control.
  await page.keyboard.press('Shift+Tab');
  assert.ok(await A.activeKey(page), 'Shift+Tab returns into the widget');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('focus ring pixels: drawn around the focused control on the canvas, gone when focus leaves', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/');
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'kind_phrase' });
  const shot = async () => H.decodePng(await page.locator('.tend-canvas').screenshot());
  const band = (img, t) => {
    // The 2–6 px just outside the control's left edge, along its middle half.
    return H.lumaStats(img, { x: t.x - 6, y: t.y + t.h / 4, w: 4, h: t.h / 2 });
  };
  await page.evaluate(() => document.querySelector('[data-k="option:doing_best"]').focus());
  await H.waitStable(page);
  const t = await H.findTarget(page, '##option', H.optionLabel('kind_phrase', 'doing_best'));
  assert.equal(t.focused, true, 'the view reports the ring on the focused option');
  const on = band(await shot(), t);
  await page.evaluate(() => document.activeElement.blur());
  await H.waitStable(page);
  assert.equal((await H.targets(page)).some((x) => x.focused), false, 'no ring once focus left the widget');
  const off = band(await shot(), t);
  assert.ok(off.mean - on.mean > 40, `the ring darkens the band beside the option (mean luma ${off.mean.toFixed(0)} → ${on.mean.toFixed(0)})`);
  await page.close();
});

test('Escape inside the widget opens "Pause and get help"; Escape on the page does nothing to it', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/');
  await page.keyboard.press('Escape');
  await H.sleep(200);
  assert.equal((await H.state(page)).inSafety, false, 'Escape with focus on the page');
  await page.evaluate(() => document.querySelector('[data-k=continue]').focus());
  await page.keyboard.press('Escape');
  await H.waitForStep(page, 'ground');
  assert.equal((await H.state(page)).inSafety, true);
  // Focus stayed in the widget (on a control of the pause path), not dropped to the page.
  await A.mirrorSettled(page);
  assert.ok(await A.activeKey(page), 'focus is still inside the widget');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('radio groups: arrows move and select within the choices and the 0–10 scale, without scrolling the page', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/');
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'distress_first' });
  await page.evaluate(() => document.querySelector('[data-k="scale:0"]').focus());
  await A.keyPress(page, 'Space');
  assert.equal((await H.state(page)).answers.distress_first.value, 0);
  const y0 = await page.evaluate(() => scrollY);
  for (let i = 0; i < 4; i++) await A.keyPress(page, 'ArrowRight');
  await A.keyPress(page, 'ArrowLeft');
  assert.equal((await H.state(page)).answers.distress_first.value, 3, 'four right, one left');
  assert.equal(await A.activeKey(page), 'scale:3');
  assert.equal(await page.evaluate(() => scrollY), y0, 'the arrows did not scroll the article');
  const drawn = (await H.targets(page)).filter((t) => t.focused);
  assert.deepEqual(drawn.map((t) => t.key), ['scale:3']);
  // The group is named by the question and described by what its ends mean.
  const desc = await page.evaluate(() => {
    const f = document.querySelector('[data-k="scale:3"]').closest('fieldset');
    return { legend: f.querySelector('legend').textContent, note: document.getElementById(f.getAttribute('aria-describedby')).textContent };
  });
  assert.ok(desc.legend.length > 10);
  assert.match(desc.note, /^0 means .+; 10 means .+\.$/);
  await page.close();
});
