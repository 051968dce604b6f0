// The widget follows what changes around it after it has loaded: the reader turning on
// "increase contrast", another tab of the same site answering the same exercise, and text
// in scripts beyond ASCII turning up on the canvas (the exercise's, the reader's own words).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const cssVar = (page, name) => page.evaluate((n) => getComputedStyle(document.querySelector('.tend-frame')).getPropertyValue(n).trim(), name);

test('prefers-contrast: more turned on after load switches to the high-contrast theme, and back', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/');
  const before = { text: await cssVar(page, '--tend-text'), outline: await cssVar(page, '--tend-outline') };
  assert.notEqual(before.text, '#000000', 'the default theme is not the high-contrast one');
  const f0 = await H.frames(page);

  await page.emulateMedia({ contrast: 'more' });
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.tend-frame')).getPropertyValue('--tend-text').trim() === '#000000',
    null, { timeout: 5000 });
  assert.equal(await cssVar(page, '--tend-outline'), '#000000', 'controls outlined in black');
  await H.waitFrame(page, f0);  // and the canvas redrew in it

  await page.emulateMedia({ contrast: 'no-preference' });
  await page.waitForFunction((t) => getComputedStyle(document.querySelector('.tend-frame')).getPropertyValue('--tend-text').trim() === t,
    before.text, { timeout: 5000 });
  assert.equal(await cssVar(page, '--tend-outline'), before.outline);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('another tab answers the same exercise: this tab follows (no reload), and both then idle', async () => {
  const context = await h.browser.newContext({ viewport: { width: 1024, height: 900 }, reducedMotion: 'reduce' });
  // Every localStorage write, counted per page.
  await context.addInitScript(() => {
    window.__writes = 0;
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (...args) { window.__writes++; return set.apply(this, args); };
  });
  const a = await h.newPage({ context });
  const b = await h.newPage({ context });
  await H.openPage(a, h.base + '/demo/');
  await H.openPage(b, h.base + '/demo/');
  assert.equal((await H.state(b)).stepId, 'arrive');

  // Tab A (brought to the front, as the reader would) moves on and types a reply.
  await a.bringToFront();
  await H.runPlan(a, H.LONG_PATH, H.pointerDriver(a), H.WIDGET, { stopAt: 'reach_notice' });
  await H.typeReply(a, H.WORDS.body);
  await a.waitForFunction((t) => document.querySelector('[data-tend-exercise]').__tend.state().answers.reach_notice?.text === t, H.WORDS.body);

  // Tab B shows the same place and words, without being touched.
  await b.waitForFunction((t) => {
    const s = document.querySelector('[data-tend-exercise]').__tend.state();
    return s.stepId === 'reach_notice' && s.answers.reach_notice?.text === t;
  }, H.WORDS.body, { timeout: 5000 });
  assert.equal(await H.fieldValue(b), H.WORDS.body, 'B\'s reply box holds A\'s words');
  assert.deepEqual((await H.state(b)).answers, (await H.state(a)).answers);

  // Nothing echoes back and forth: no tab writes again (a write would wake the other one),
  // and each tab, in front, draws nothing once settled. (A tab in the background gets its
  // last frames late, whenever the browser lets it: so each is judged in front.)
  const writes = () => Promise.all([a, b].map((p) => p.evaluate(() => window.__writes)));
  const w0 = await writes();
  for (const [name, p] of [['A', a], ['B', b]]) {
    await p.bringToFront();
    let f = await H.frames(p);
    for (let i = 0; i < 10; i++) { await H.sleep(500); const g = await H.frames(p); if (g === f) break; f = g; }
    await H.sleep(1500);
    assert.equal(await H.frames(p), f, `tab ${name} idles`);
  }
  assert.deepEqual(await writes(), w0, 'neither tab wrote again after following the other');
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await context.close();
});

const EXTENDED = {
  format: 'tend.exercise/1', id: 'glyphs', version: '1', language: 'es', title: 'Amabilidad contigo',
  minutes: 1, intro: 'Zoë’s “cœur” — ¿qué tal? ¡Ánimo! « été », naïve…', disclaimer: 'Una práctica, no una terapia.',
  safety: { step: 'ground', resources: [{ label: 'Ayuda', text: 'Llama al 112.' }] },
  steps: [
    { id: 'hello', kind: 'say', text: ['Ça va ; œuvre • señor, niño, über, façade · Ærø, Œdipe'] },
    { id: 'words', kind: 'text', prompt: 'Si quieres, escribe unas palabras.' },
    { id: 'done', kind: 'end', text: ['Gracias.'] },
    { id: 'ground', kind: 'say', text: ['Siente los pies en el suelo.'], next: '@return' },
  ],
};
const SHOWN = [EXTENDED.title, EXTENDED.intro, EXTENDED.steps[0].text[0]].join(' ');
// Latin Extended-A (Polish, Hungarian) isn't in the canvas's font: the page shows it.
const READER = 'Tęsknię za spokojem, ő és ű';

test('Latin-1\'s letters and typographic marks are drawn with real glyphs; words in Latin Extended-A are shown by the page, whole', async () => {
  const page = await h.newPage({ width: 1024, reducedMotion: 'reduce' });
  await page.goto(h.base + '/demo/');
  await page.evaluate((ex) => {
    const el = document.createElement('div');
    el.id = 'glyphs';
    document.querySelector('main').appendChild(el);
    window.Tend.mount(el, { exercise: ex, section: 'glyphs' });
  }, EXTENDED);
  const sel = '#glyphs';
  await H.waitReady(page, sel);
  const missing = (t) => page.evaluate(([s, x]) => document.querySelector(s).__tend._debug.missingGlyphs(x), [sel, t]);
  assert.equal(await missing('Жизнь'), 5, 'the check can fail: the font has no Cyrillic');
  assert.equal(await missing(SHOWN), 0, 'every character of the opening screen has its glyph');
  const onCanvas = () => page.evaluate((s) => !document.querySelector(s + ' .tend-frame').classList.contains('tend-dom'), sel);
  assert.ok(await onCanvas(), 'drawn on the canvas');

  await H.clickTarget(page, '##continue', 'Continuar', sel);
  await H.waitForStep(page, 'words', sel);
  await H.typeReply(page, READER, sel);
  await page.evaluate((s) => document.querySelector(s + ' [data-k=continue]').click(), sel);
  await H.waitForStep(page, 'done', sel);
  assert.equal((await H.state(page, sel)).answers.words.text, READER);
  assert.ok(!(await onCanvas()), 'the end, holding the reader\'s words, is shown by the page');
  const text = await page.evaluate((s) => document.querySelector(s + ' .tend-mirror').innerText, sel);
  assert.ok(text.includes(READER), `the reader's words, every character: ${text}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});
