// The care round's screens (issue 11), in a real browser, on the canvas and in the DOM mirror:
// breathing offered rather than imposed, a quiet end after a stop, the reader's words without
// the check-ins (on screen and in what they keep, in their language), and "About this exercise".
//
// Each test mounts a small exercise of its own into the demo article, in place of the
// flagship's widget, so what is checked here doesn't move when the flagship is rewritten.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import * as H from './harness.mjs';
import * as A from './a11y_kit.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const SEL = '#care';
const SAY = H.SAY;

// The demo article with the flagship's widget taken out and `html` in its place.
async function articleWith(page, html) {
  await page.route(h.base + '/demo/', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace(/<div data-tend-exercise="self-compassion-impossible"[^>]*><\/div>/, html);
    await route.fulfill({ response, body });
  });
  await page.goto(h.base + '/demo/');
}

// An exercise given inline to Tend.mount, as a practice's own script would.
async function mountInline(page, exercise, options = {}) {
  await articleWith(page, '<div id="care"></div>');
  await page.waitForFunction(() => window.Tend && window.Tend.mount);
  await page.evaluate(([ex, o]) => { window.Tend.mount(document.getElementById('care'), { exercise: ex, section: 'care', ...o }); },
    [exercise, options]);
  await H.waitReady(page, SEL);
}

const base = (id, steps, extra = {}) => ({
  format: 'tend.exercise/1', id, version: '1.2.0', language: 'en', title: 'A gentle check', minutes: 2,
  intro: 'A few quiet moments.', disclaimer: 'A gentle practice, not therapy.', safety: { step: 'ground' },
  ...extra,
  steps: [...steps, { id: 'ground', kind: 'say', text: ['Feel your feet on the floor.'], next: '@return' }],
});

const mirror = (page, query) => page.evaluate(([s, q]) => {
  const e = document.querySelector(s).querySelector(q);
  return e ? e.textContent : null;
}, [SEL, query]);
const keysIn = (page, query) => page.evaluate(([s, q]) => [...document.querySelector(s).querySelectorAll(q + ' [data-k]')]
  .map((e) => e.getAttribute('data-k')), [SEL, query]);
const targetKeys = async (page) => (await H.targets(page, SEL)).map((t) => t.key);
const drawn = (page) => page.evaluate((s) => JSON.stringify(document.querySelector(s).__tend._debug.drawnText()), SEL);
const focusedKey = (page) => page.evaluate(() => document.activeElement && document.activeElement.getAttribute('data-k'));
// Nothing on the canvas is moving: in time, no frame is waiting to be drawn.
const still = (page) => page.waitForFunction((s) => !document.querySelector(s).__tend._debug.framePending, SEL, { timeout: 5000 })
  .then(() => true, () => false);
// Something is: over five animation frames, a frame is always waiting (each asks for the next).
const moving = (page) => page.evaluate(async (s) => {
  const d = document.querySelector(s).__tend._debug;
  let waiting = 0;
  for (let i = 0; i < 5; i++) {
    await new Promise((r) => requestAnimationFrame(r));
    if (d.framePending) waiting++;
  }
  return waiting === 5;
}, SEL);
// The widget in the middle of the viewport: a pacer moves only while it is seen, so "still"
// means something only there.
async function inView(page) {
  await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'center', behavior: 'instant' }), SEL);
  await H.waitStable(page, SEL);
}
// The cue of a pacer that runs (it may have turned to breathing out on a slow machine).
const breathing = (cue) => cue === SAY.breathe_in || cue === SAY.breathe_out;
// A control of the mirror, used as assistive technology uses it (its click), then settled.
async function use(page, key) {
  await page.evaluate(([s, k]) => document.querySelector(s + ` [data-k="${k}"]`).click(), [SEL, key]);
  await A.mirrorSettled(page, SEL);
}

// ---- breathing, offered ------------------------------------------------------------------

const BREATHING = base('care-breathing', [
  { id: 'rest', kind: 'pause', seconds: 30, breathing: 'offered', text: ['Let your breath be just as it is.'] },
  { id: 'quiet', kind: 'pause', seconds: 10, breathing: 'none', text: ['Rest here for a moment.'] },
  { id: 'done', kind: 'end', text: ['Thank you.'] },
]);

test('a pause that offers breathing: a still circle and its cue, until the reader chooses to breathe with it', async () => {
  const page = await h.newPage({ width: 1024 });
  await mountInline(page, BREATHING);
  await page.evaluate((s) => document.querySelector(s).__tend._debug.recordText(true), SEL);
  await inView(page);

  assert.deepEqual(await keysIn(page, '.tend-part-pacer'), ['pacer_start'], 'the mirror offers one way: to start');
  assert.equal(await mirror(page, '.tend-part-pacer .tend-muted'), SAY.pacer_offered);
  assert.equal(await mirror(page, '.tend-part-pacer .tend-count'), '', 'no count is running');
  const keys = await targetKeys(page);
  assert.ok(keys.includes('pacer_start') && !keys.includes('pacer_toggle'), `the canvas draws the same: ${keys}`);
  assert.ok((await drawn(page)).includes(SAY.pacer_offered.slice(0, 20)), 'and its cue');
  assert.equal(await still(page), true, 'nothing moves on the canvas');

  // By keyboard, as a reader of the mirror: the pacer starts, and focus goes to its pause button.
  await A.keyboardOnly(page, SEL).start();
  await A.tabTo(page, 'pacer_start', SEL);
  await A.keyPress(page, 'Enter', SEL);
  await H.waitStable(page, SEL);
  assert.deepEqual(await keysIn(page, '.tend-part-pacer'), ['pacer_toggle', 'pacer_longer', 'pacer_stop']);
  assert.equal(await focusedKey(page), 'pacer_toggle', 'focus stays in the pacer, on the control that pauses it');
  assert.ok(breathing(await mirror(page, '.tend-part-pacer .tend-muted')), 'the cue says to breathe');
  assert.match(await mirror(page, '.tend-part-pacer .tend-count'), /^\d$/, 'and a count runs');
  assert.equal(await moving(page), true, 'the circle breathes now');
  assert.equal((await H.state(page, SEL)).stepId, 'rest', 'starting the pacer is not moving on');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('under reduced motion an offered pacer, once started, counts without moving the circle', async () => {
  const page = await h.newPage({ width: 1024, reducedMotion: 'reduce' });
  await mountInline(page, BREATHING);
  await inView(page);
  await H.clickTarget(page, '##pacer_start', SAY.pacer_start, SEL);
  assert.ok(breathing(await mirror(page, '.tend-part-pacer .tend-muted')));
  assert.ok((await targetKeys(page)).includes('pacer_toggle'));
  assert.equal(await still(page), true, 'no frame after frame: only the count changes, once a second');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('without WebGL the mirror is the widget: the offered pacer waits, then counts once the reader starts it', async () => {
  const page = await h.newPage({ width: 1024 });
  await page.addInitScript(A.blockWebGL);
  await mountInline(page, BREATHING);
  assert.equal(await page.evaluate((s) => document.querySelector(s + ' .tend-frame').classList.contains('tend-dom'), SEL), true);
  assert.deepEqual(await keysIn(page, '.tend-part-pacer'), ['pacer_start']);
  assert.equal(await mirror(page, '.tend-part-pacer .tend-muted'), SAY.pacer_offered);
  await page.evaluate((s) => document.querySelector(s).scrollIntoView({ block: 'center', behavior: 'instant' }), SEL);
  await use(page, 'pacer_start');
  assert.deepEqual(await keysIn(page, '.tend-part-pacer'), ['pacer_toggle', 'pacer_longer', 'pacer_stop']);
  assert.ok(breathing(await mirror(page, '.tend-part-pacer .tend-muted')));
  // Without frames, the widget moves the count on by itself, once a second.
  const first = await mirror(page, '.tend-part-pacer .tend-count');
  await page.waitForFunction(([s, n]) => document.querySelector(s + ' .tend-part-pacer .tend-count').textContent !== n, [SEL, first],
    { timeout: 10000 });
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a pause without breathing has no pacer: its words and the ways on, nothing else', async () => {
  const page = await h.newPage({ width: 1024 });
  await mountInline(page, BREATHING);
  await H.clickTarget(page, '##continue', SAY.continue_button, SEL);
  await H.waitForStep(page, 'quiet', SEL);
  await inView(page);
  assert.equal(await page.evaluate((s) => document.querySelector(s + ' .tend-part-pacer').children.length, SEL), 0);
  const keys = await targetKeys(page);
  assert.ok(!keys.some((k) => k.startsWith('pacer_')), `no pacer controls on the canvas: ${keys}`);
  assert.equal(await mirror(page, '.tend-part-body .tend-t'), 'Rest here for a moment.');
  assert.equal(await still(page), true, 'and nothing moves');
  assert.deepEqual(page.errors, []);
  await page.close();
});

// ---- a quiet end, and the reader's words -------------------------------------------------

const STOPPING = base('care-stopping', [
  { id: 'notice', kind: 'text', prompt: 'What do you notice?', reflect_label: 'What you noticed' },
  { id: 'checkin', kind: 'choice', prompt: 'How is this for you right now?', reflect: false,
    options: [{ id: 'keep_going', label: 'Keep going' }, { id: 'stop', label: 'I would like to stop here' }],
    branches: [{ when: [{ step: 'checkin', equals: 'stop' }], next: 'rest_now' }] },
  { id: 'done', kind: 'end', text: ['Thank you.'] },
  { id: 'rest_now', kind: 'end', quiet: true, text: ['Stopping is a kind choice.'] },
]);
const NOTICED = 'A softness in my shoulders';

test('a quiet end after a stop: no invitation, the reader\'s words folded away behind one tap, help there', async () => {
  const page = await h.newPage({ width: 1024 });
  await mountInline(page, STOPPING, { practiceName: 'Willow Street', ctaLink: 'https://example.org/contact' });
  await page.evaluate((s) => document.querySelector(s).__tend._debug.recordText(true), SEL);
  const driver = H.pointerDriver(page, SEL);
  await H.typeReply(page, NOTICED, SEL);
  await driver.continue();
  await H.waitForStep(page, 'checkin', SEL);
  await H.clickTarget(page, '##option', 'I would like to stop here', SEL);
  await driver.continue();
  await H.waitForStep(page, 'rest_now', SEL);

  const end = await page.evaluate((s) => {
    const el = document.querySelector(s);
    return { text: el.querySelector('.tend-mirror').textContent, cta: !!el.querySelector('[data-k=cta]'),
      help: !!el.querySelector('.tend-part-help .tend-panel'),
      toggle: el.querySelector('[data-k=words_today]') && el.querySelector('[data-k=words_today]').getAttribute('aria-expanded') };
  }, SEL);
  assert.equal(end.cta, false, 'no call to action in the mirror');
  assert.ok(!(await targetKeys(page)).includes('cta'), 'nor on the canvas');
  const ending = await mirror(page, '.tend-part-ending');
  assert.ok(!ending.includes(SAY.cta_lead) && !ending.includes('Willow Street'), 'and no lead-in to one');
  assert.equal(end.help, true, 'the crisis lines are offered in full');
  assert.equal(end.toggle, 'false', 'the reader\'s words are folded, and the toggle says so');
  assert.ok(!end.text.includes(NOTICED), 'folded: not in the mirror');
  assert.ok(!(await drawn(page)).includes(NOTICED), 'nor drawn');
  assert.deepEqual(await A.axe(page, 'the quiet end'), []);

  await H.clickTarget(page, '##words_today', SAY.show_words_today, SEL);
  const open = await page.evaluate((s) => document.querySelector(s + ' .tend-part-ending').textContent, SEL);
  assert.ok(open.includes(NOTICED) && open.includes('What you noticed'), 'one tap shows them, under their own label');
  assert.ok(!open.includes('How is this for you right now?'), 'the check-in is not among the reader\'s words');
  assert.ok((await drawn(page)).includes(NOTICED), 'drawn too');
  assert.equal(await page.evaluate((s) => document.querySelector(s + ' [data-k=words_today]').getAttribute('aria-expanded'), SEL), 'true');
  assert.ok((await H.targets(page, SEL)).some((t) => t.key === 'words_today' && t.label === SAY.hide_words_today));
  assert.deepEqual(page.errors, []);
  await page.close();
});

// ---- a distress scale's own way to stop ---------------------------------------------------

const DISTRESS = base('care-distress', [
  { id: 'notice', kind: 'text', prompt: 'What do you notice?' },
  { id: 'distress', kind: 'scale', prompt: 'How are you doing right now?', min_label: 'steady', max_label: 'overwhelmed',
    stop: 'rest_now', reflect: false, branches: [{ when: [{ step: 'distress', at_least: 8 }], next: 'ground' }] },
  { id: 'done', kind: 'end', text: ['Thank you.'] },
  { id: 'rest_now', kind: 'end', quiet: true, text: ['Stopping is a kind choice.'] },
]);

test('a distress scale offers "I\'d like to stop here": one tap to its quiet end, no grounding screens, by pointer and by the mirror', async () => {
  const page = await h.newPage({ width: 1024 });
  await mountInline(page, DISTRESS);
  const driver = H.pointerDriver(page, SEL);
  await H.typeReply(page, NOTICED, SEL);
  assert.ok(!(await targetKeys(page)).includes('stop_here'), 'not offered on a question that isn\'t a check-in');
  await driver.continue();
  await H.waitForStep(page, 'distress', SEL);
  assert.deepEqual(await page.evaluate((s) => [...document.querySelectorAll(s + ' [data-k=stop_here]')].map((e) => e.textContent), SEL),
    [SAY.stop_here], 'in the mirror, once, in the widget\'s words');
  await H.clickTarget(page, '##stop_here', SAY.stop_here, SEL);
  await H.waitForStep(page, 'rest_now', SEL);
  let st = await H.state(page, SEL);
  assert.equal(st.inSafety, false, 'straight to the end, not into the grounding path');
  assert.equal(st.finished, true);
  assert.equal(st.answers.distress, undefined, 'stopping gave no number');
  assert.equal(st.answers.notice.text, NOTICED, 'and the reader\'s words are kept');

  assert.deepEqual(page.errors, []);
  await page.close();

  // The same through the mirror, as a screen reader would.
  const reader = await h.newPage({ width: 1024 });
  await mountInline(reader, DISTRESS);
  await H.typeReply(reader, NOTICED, SEL);
  await H.pointerDriver(reader, SEL).continue();
  await H.waitForStep(reader, 'distress', SEL);
  await A.mirrorSettled(reader, SEL);
  await use(reader, 'stop_here');
  await H.waitForStep(reader, 'rest_now', SEL);
  st = await H.state(reader, SEL);
  assert.equal(st.inSafety, false);
  assert.equal(st.finished, true);
  assert.deepEqual(reader.errors, []);
  await reader.close();
});

// ---- what the reader keeps, in their language ---------------------------------------------

const SPANISH = {
  ...base('care-es', [
    { id: 'notice', kind: 'text', prompt: '¿Qué notas?', reflect_label: 'Lo que notaste' },
    { id: 'checkin', kind: 'choice', prompt: '¿Cómo va esto para ti?', reflect: false,
      options: [{ id: 'keep_going', label: 'Seguir' }, { id: 'stop', label: 'Parar aquí' }] },
    { id: 'friend', kind: 'text', prompt: '¿Qué le dirías a alguien querido?' },
    { id: 'done', kind: 'end', text: ['Gracias.'] },
  ]),
  language: 'es', title: 'Un momento amable', intro: 'Unos momentos tranquilos.', disclaimer: 'Una práctica suave, no es terapia.',
};

test('"Save my words so far" and the download are in the reader\'s language, and leave the check-ins out', async () => {
  const page = await h.newPage({ width: 1024 });
  await mountInline(page, SPANISH);
  await H.typeReply(page, 'Calma', SEL);
  await use(page, 'continue');
  await H.waitForStep(page, 'checkin', SEL);
  await use(page, 'option:keep_going');
  await use(page, 'continue');
  await H.waitForStep(page, 'friend', SEL);
  await use(page, 'skip');
  await H.waitForStep(page, 'done', SEL);

  const download = async (key) => {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }),
      page.evaluate(([s, k]) => document.querySelector(s + ` [data-k="${k}"]`).click(), [SEL, key])]);
    return fs.readFileSync(await file.path(), 'utf8');
  };
  const text = await download('txt');
  assert.match(text, /### Lo que notaste\n\n> Calma/, 'the reader\'s words under their label');
  assert.ok(text.includes('¿Qué le dirías a alguien querido?\n\n(omitida)'), `a skipped question, said in Spanish:\n${text}`);
  assert.ok(!text.includes('(skipped)'), 'no English of the widget\'s own');
  assert.ok(!text.includes('¿Cómo va esto para ti?'), 'the check-in is left out');

  // "Save my words so far", on a step before the end.
  await use(page, 'again');
  await H.waitForStep(page, 'notice', SEL);
  await use(page, 'skip');
  await H.waitForStep(page, 'checkin', SEL);
  const soFar = await download('save');
  assert.ok(soFar.includes('### Lo que notaste\n\n(omitida)'), `so far, in Spanish:\n${soFar}`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

// ---- about this exercise ------------------------------------------------------------------

const ABOUT = base('care-about', [
  { id: 'arrive', kind: 'say', text: ['Welcome.'] },
  { id: 'done', kind: 'end', text: ['Thank you.'] },
], { sources: ['The Self-Compassion Break (Kristin Neff)', 'Parts work (Internal Family Systems)'] });

// The content hash as src/core/content_hash.h defines it: SHA-256 of the canonical JSON (keys
// sorted, no spaces). This exercise is plain ASCII, so JSON.stringify writes it the same way.
function canonical(v) {
  if (Array.isArray(v)) return '[' + v.map(canonical).join(',') + ']';
  if (v && typeof v === 'object') return '{' + Object.keys(v).sort().map((k) => JSON.stringify(k) + ':' + canonical(v[k])).join(',') + '}';
  return JSON.stringify(v);
}
const HASH = crypto.createHash('sha256').update(canonical(ABOUT)).digest('hex');

test('"About this exercise": its version and fingerprint, its sources, who reviewed it and when, and what it isn\'t', async () => {
  const page = await h.newPage({ width: 1024 });
  await page.route(h.base + '/demo/care-about.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(ABOUT, null, 2) }));
  // As a practice embeds it: data attributes, the reviewer's among them.
  await articleWith(page, '<div id="care" data-tend-exercise="/demo/care-about.json" data-tend-reviewed-by="Dr. Ana Ruiz, LMFT" ' +
    'data-tend-reviewed-on="March 2026"></div>');
  await H.waitReady(page, SEL);
  await page.evaluate((s) => document.querySelector(s).__tend._debug.recordText(true), SEL);
  assert.ok((await targetKeys(page)).includes('about'), 'a quiet control on the canvas');
  assert.equal(await page.evaluate((s) => document.querySelector(s + ' [data-k=about]').getAttribute('aria-expanded'), SEL), 'false');

  await A.keyboardOnly(page, SEL).start();
  await A.tabTo(page, 'about', SEL);
  await A.keyPress(page, 'Enter', SEL);
  await H.waitStable(page, SEL);
  const panel = await page.evaluate((s) => {
    const g = document.querySelector(s + ' .tend-part-footer [role=group][aria-labelledby]');
    if (!g) return null;
    return { name: document.getElementById(g.getAttribute('aria-labelledby')).textContent,
      lines: [...g.querySelectorAll('.tend-t')].map((e) => e.textContent),
      sourcesLang: g.querySelector('li') && g.querySelector('li').closest('[lang]') && g.querySelector('li').closest('[lang]').lang };
  }, SEL);
  assert.ok(panel, 'the panel is a group, named by its heading');
  assert.equal(panel.name, SAY.about);
  const version = `Version 1.2.0. Fingerprint of its text: ${HASH}.`;
  assert.deepEqual(panel.lines, [SAY.about, version, SAY.about_sources, ...ABOUT.sources,
    'Reviewed by Dr. Ana Ruiz, LMFT, March 2026.', SAY.about_not_therapy]);
  assert.equal(await focusedKey(page), 'about_close', 'focus goes into the panel');
  const canvas = await drawn(page);
  for (const line of [version, ...ABOUT.sources, SAY.about_not_therapy]) assert.ok(canvas.includes(line), `the canvas draws "${line}"`);
  assert.ok((await targetKeys(page)).includes('about_close'));
  assert.deepEqual(await A.axe(page, 'about this exercise, open'), []);

  await A.keyPress(page, 'Enter', SEL);
  await H.waitStable(page, SEL);
  assert.equal(await page.evaluate((s) => !!document.querySelector(s + ' .tend-part-footer [role=group]'), SEL), false, 'closed');
  assert.equal(await focusedKey(page), 'about', 'and focus is back where the reader opened it');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('who reviewed it is the practice\'s to say: without it there is no such line, and a long one is cut short', async () => {
  const page = await h.newPage({ width: 1024 });
  await mountInline(page, ABOUT, { reviewedBy: 'A'.repeat(300) + '\nB', reviewedOn: '2026-03-01' });
  await use(page, 'about');
  const reviewed = await page.evaluate((s) => [...document.querySelectorAll(s + ' .tend-part-footer .tend-t')]
    .map((e) => e.textContent).find((t) => t.startsWith('Reviewed by')), SEL);
  assert.equal(reviewed, `Reviewed by ${'A'.repeat(120)}, 2026-03-01.`);
  await page.close();

  const plain = await h.newPage({ width: 1024 });
  await mountInline(plain, ABOUT, { reviewedBy: 'Dr. Ana Ruiz' });  // no date: the line would say half of it
  await plain.evaluate((s) => document.querySelector(s + ' [data-k=about]').click(), SEL);
  await A.mirrorSettled(plain, SEL);
  const text = await plain.evaluate((s) => document.querySelector(s + ' .tend-part-footer').textContent, SEL);
  assert.ok(text.includes(SAY.about_not_therapy) && !text.includes('Reviewed by'), text);
  await plain.close();
});
