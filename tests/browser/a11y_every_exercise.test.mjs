// Every exercise Tend ships (exercises/*.json but the schema), not just the flagship, as a
// keyboard and screen-reader user meets it in the demo article:
// - Tab from the page's own links into the widget, "Pause and get help" by Escape and back by
//   Return, then the whole exercise with the keyboard only (typing replies, arrows in the
//   choices and the 0–10 scale, Enter and Space on buttons), through its branches (the
//   grounding path and back, where the plan below leads there) to its end, and Tab on out
//   of the widget to the page's next link (one the test adds to the demo article's footer);
// - at every step reached (the grounding step and the end included) axe-core finds no
//   WCAG 2.0/2.1/2.2 A or AA violation on the page, the live region says exactly the step's
//   prompt (or its words), and the keyboard focus is still inside the widget;
// - the path taken is the one the exercise's branches make of the plan's answers, and the
//   answers typed and chosen by keyboard are the ones the widget saved;
// - and one exercise other than the flagship all over again without WebGL, where the DOM
//   mirror is the widget.
// And the Spanish exercise's words are marked lang="es" (the widget's own English words not).
// (axe runs in the page, @axe-core/playwright's legacy mode: see a11y_kit.axe.)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as H from './harness.mjs';
import * as A from './a11y_kit.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const REGIONS = JSON.parse(fs.readFileSync(path.join(H.root, 'src/screen/help/regions.json'), 'utf8'));
const load = (file) => JSON.parse(fs.readFileSync(path.join(H.root, 'exercises', file), 'utf8'));
const GROUND = [['ground', []], ['ground_feet', []], ['ground_look', []], ['ground_breathe', []], ['ground_support', []],
  ['ground_choice', [['choose', 'continue']]]];

// Per shipped file: how the widget is pointed at it (a built-in id, or a same-origin URL where
// the file name isn't an id), what the reader does on each step, the steps that makes the
// exercise walk through (its branches decide; `path` says what they should decide), and the
// answers that must be saved at the end.
const PLANS = {
  'self-compassion-impossible.json': {
    ref: 'self-compassion-impossible',
    // The "numb" branch, afraid of the part at first, and "this is a lot" at the check-in:
    // grounding, then the lighter way to the close (the other a11y tests walk the critic and
    // the savouring ones).
    plan: {
      arrive: [],
      kind_phrase: [['choose', 'makes_sense']],
      reach_offer: [],
      reach_notice: [['type', 'Nothing much. A bit of fog.']],
      distress_first: [['scale', 4]],
      which_part: [['choose', 'numb']],
      numb_honour: [],
      part_permission: [['choose', 'not_sure']],
      feel_toward: [['choose', 'afraid']],
      feel_acknowledge: [],
      step_back: [['choose', 'eased']],
      part_speaks: [['type', 'Maybe that it is tired.']],
      checkin_first: [['choose', 'a_lot']],
      ...Object.fromEntries(GROUND),
      acknowledge: [['choose', 'rest']],
      acknowledge_offer: [],
    },
    path: ['arrive', 'kind_phrase', 'reach_offer', 'reach_notice', 'distress_first', 'which_part', 'numb_honour', 'part_permission',
      'feel_toward', 'feel_acknowledge', 'step_back', 'part_speaks', 'checkin_first', ...GROUND.map(([id]) => id),
      'acknowledge', 'acknowledge_offer', 'closing'],
    saved: { kind_phrase: { chosen: ['makes_sense'] }, which_part: { chosen: ['numb'] }, distress_first: { value: 4 },
      feel_toward: { chosen: ['afraid'] }, step_back: { chosen: ['eased'] }, checkin_first: { chosen: ['a_lot'] },
      ground_choice: { chosen: ['continue'] }, part_speaks: { text: 'Maybe that it is tired.' } },
  },
  // Mounted by its built-in id, as a practice would.
  'self-compassion-impossible-es.json': {
    ref: 'self-compassion-impossible-es',
    plan: {
      arrive: [],
      kind_phrase: [['other', 'Que pueda ir despacio.']],
      reach_offer: [],
      reach_notice: [['type', 'Un nudo en la garganta, y algo de calor.']],
      distress_first: [['skip']],
      which_part: [['choose', 'nothing']],
      savour: [],
      savour_notice: [['type', 'Calma, y un poco de extrañeza.']],
    },
    path: ['arrive', 'kind_phrase', 'reach_offer', 'reach_notice', 'distress_first', 'which_part', 'savour', 'savour_notice',
      'savour_close'],
    saved: { kind_phrase: { other: 'Que pueda ir despacio.' }, reach_notice: { text: 'Un nudo en la garganta, y algo de calor.' },
      which_part: { chosen: ['nothing'] }, distress_first: { skipped: true } },
  },
  'pause-for-self-compassion.json': {
    ref: 'pause-for-self-compassion',
    // "It stirred things up" leads to the grounding path; "Continue gently" returns.
    plan: {
      arrive: [],
      hard_thing: [['type', 'A hard conversation with my sister.']],
      notice_hard: [], not_alone: [],
      kind_words: [['choose', 'okay_hard']],
      kind_pause: [],
      landing: [['choose', 'stirred']],
      ...Object.fromEntries(GROUND),
      take_with: [['type', 'It is okay that this is hard.']],
    },
    path: ['arrive', 'hard_thing', 'notice_hard', 'not_alone', 'kind_words', 'kind_pause', 'landing', ...GROUND.map(([id]) => id),
      'take_with', 'closing'],
    saved: { kind_words: { chosen: ['okay_hard'] }, landing: { chosen: ['stirred'] }, ground_choice: { chosen: ['continue'] },
      take_with: { text: 'It is okay that this is hard.' } },
  },
  'coming-back-to-the-room.json': {
    ref: 'coming-back-to-the-room',
    // Feeling more unsettled after than before leads to the extra breath, and back.
    plan: {
      arrive: [],
      unsettled_before: [['scale', 5]],
      feet: [],
      see: [['type', 'The lamp, a blue mug, the window.']],
      hear: [['skip']],
      touch: [['type', 'The wool of my jumper.']],
      breathe: [],
      unsettled_after: [['scale', 6]],
      extra_breath: [], extra_support: [],
      extra_choice: [['choose', 'continue']],
      anchor: [['type', 'The blue mug.']],
    },
    path: ['arrive', 'unsettled_before', 'feet', 'see', 'hear', 'touch', 'breathe', 'unsettled_after', 'extra_breath', 'extra_support',
      'extra_choice', 'anchor', 'closing'],
    saved: { unsettled_before: { value: 5 }, unsettled_after: { value: 6 }, hear: { skipped: true }, anchor: { text: 'The blue mug.' },
      extra_choice: { chosen: ['continue'] } },
  },
  'two-pulls.json': {
    ref: 'two-pulls',
    plan: {
      arrive: [], arrive_pause: [],
      wants_notice: [['type', 'A softness in my chest.']],
      wants_says: [['skip']],
      resists_notice: [['type', 'A tight jaw.']],
      resists_says: [['skip']], resists_fear: [['skip']],
      pull_before: [['scale', 5]],
      checkin: [['choose', 'keep_going']],
      dialogue_intro: [],
      wants_to_resists: [['type', 'You can rest a little.']],
      resists_reply: [['skip']], more_to_say: [['skip']],
      to_both: [['other', 'You both belong here.']],
      to_both_pause: [],
      pull_after: [['scale', 3]],
      remember: [['type', 'Both of them are tired.']],
    },
    path: ['arrive', 'arrive_pause', 'wants_notice', 'wants_says', 'resists_notice', 'resists_says', 'resists_fear', 'pull_before',
      'checkin', 'dialogue_intro', 'wants_to_resists', 'resists_reply', 'more_to_say', 'to_both', 'to_both_pause', 'pull_after',
      'remember', 'closing'],
    saved: { pull_before: { value: 5 }, pull_after: { value: 3 }, to_both: { other: 'You both belong here.' },
      checkin: { chosen: ['keep_going'] }, wants_notice: { text: 'A softness in my chest.' } },
  },
};

test('every shipped exercise has a plan here (a new exercise must be added to this file)', () => {
  const shipped = fs.readdirSync(path.join(H.root, 'exercises')).filter((f) => f.endsWith('.json') && f !== 'schema.json').sort();
  assert.deepEqual(Object.keys(PLANS).sort(), shipped);
  // The plans only name steps and options the exercises have (a renamed one must fail here,
  // not as a confusing timeout in the browser).
  for (const [file, p] of Object.entries(PLANS)) {
    const ex = load(file);
    for (const [stepId, actions] of Object.entries(p.plan)) {
      for (const [what, arg] of actions) if (what === 'choose') H.optionLabel(stepId, arg, ex);
    }
    for (const id of p.path) assert.ok(ex.steps.some((s) => s.id === id), `${file}: no step ${id}`);
    assert.equal(ex.steps.find((s) => s.id === p.path.at(-1)).kind, 'end', `${file}: the path ends on an end step`);
  }
});

// Where the focus is, from the page's side.
const focusInfo = (page) => page.evaluate((s) => {
  const w = document.querySelector(s), a = document.activeElement;
  return {
    inside: !!(a && w.contains(a)), key: a && a.getAttribute ? a.getAttribute('data-k') : null,
    id: a ? a.id : '', tag: a ? a.tagName.toLowerCase() : '', text: a ? (a.textContent || '').trim().slice(0, 40) : '',
    before: !!(a && a !== document.body && w.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_PRECEDING),
    after: !!(a && a !== document.body && w.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING),
  };
}, A.W);

async function playthrough(file, { webgl = true } = {}) {
  const p = PLANS[file], ex = load(file), W = A.W;
  const page = await h.newPage({ width: 1024, height: 900 });
  const rewritten = await A.exercisePage(page, h.base, p.ref);
  if (webgl) {
    await H.openPage(page, h.base + '/demo/');
  } else {
    await page.addInitScript(A.blockWebGL);
    await page.goto(h.base + '/demo/');
    await A.waitDomReady(page);
    assert.equal(await page.evaluate(() => document.querySelector('.tend-frame').classList.contains('tend-dom')), true,
      'without WebGL the DOM mirror is the widget');
  }
  assert.ok(rewritten(), 'the demo page was served pointing at this exercise');
  assert.equal((await H.state(page)).exerciseId, ex.id, 'the widget shows this exercise');
  await A.recordViews(page);
  await H.recordEvents(page);

  const problems = [], seen = [];
  // What must hold on every step reached.
  const check = async (why) => {
    const { v, stepId, live, f } = await page.evaluate((s) => {
      const w = document.querySelector(s), a = document.activeElement;
      return { v: window.__views[window.__views.length - 1], stepId: w.__tend.state().stepId, live: w.querySelector('.tend-sr').textContent,
        f: { inside: !!(a && w.contains(a)), tag: a ? a.tagName.toLowerCase() : '', text: a ? (a.textContent || '').trim().slice(0, 40) : '' } };
    }, W);
    const label = `${v.step_id}${why ? ` (${why})` : ''}`;
    seen.push(label);
    if (v.step_id !== stepId) problems.push(`${label}: the last view is of "${v.step_id}" but the widget is on "${stepId}"`);
    const expected = A.expectedAnnouncement(ex, v.step_id);
    if (live !== A.announcement(v)) problems.push(`${label}: the live region says "${live}", the step's prompt is "${A.announcement(v)}"`);
    if (expected !== null && live !== expected) problems.push(`${label}: the live region says "${live}", the exercise says "${expected}"`);
    if (!live.trim()) problems.push(`${label}: the live region is empty`);
    if (!f.inside) problems.push(`${label}: the keyboard focus fell out of the widget (onto ${f.tag} "${f.text}")`);
    problems.push(...await A.axe(page, label, { inPage: true }));
  };

  // Into the widget from the page, by Tab: the page's own links come first.
  await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
  let last = null, f = null, tabs = 0;
  for (; tabs < 40; tabs++) {
    await page.keyboard.press('Tab');
    f = await focusInfo(page);
    if (f.inside) break;
    last = f;
  }
  assert.ok(f.inside, 'Tab from the top of the page reaches the widget');
  assert.ok(last && last.before && last.tag === 'a', `the focus came from a link of the page before the widget (${JSON.stringify(last)})`);
  assert.equal(f.key, 'need_pause', 'the first Tab stop in the widget is "Pause and get help"');
  await A.mirrorSettled(page);
  await check('entered by Tab');

  // Escape opens the grounding path (its crisis resources shown); "Return to where I was" comes back.
  await A.keyPress(page, 'Escape');
  await H.waitForStep(page, ex.safety.step);
  assert.equal((await H.state(page)).inSafety, true);
  await A.mirrorSettled(page);
  await check('by Escape');
  // The reader's region's lines (this browser says en-US) and the exercise's own, every one.
  const shown = await page.evaluate((s) => [...document.querySelectorAll(s + ' .tend-panel .tend-strong')].map((e) => e.textContent), W);
  const lang = ex.language.split('-')[0] === 'es' ? 'es' : 'en', us = REGIONS.regions.US;
  const expected = [us.emergency, ...us.lines].map((l) => l.label[lang]).concat((ex.safety.resources || []).map((r) => r.label));
  assert.deepEqual(shown, expected, 'every crisis resource is in the mirror');
  // (Tabs without waiting for the canvas to redraw its focus ring, which a11y_mirror checks;
  // the first four characters of each reply typed key by key.)
  const keys = A.keyboardOnly(page, W, { quick: true, keyed: 4 });
  await keys.target('return');
  await H.waitForStep(page, ex.steps[0].id);
  assert.equal((await H.state(page)).inSafety, false);

  // The whole exercise, keyboard only, checked at every step.
  // (runPlan has waited for the new step to settle before it calls stepped.)
  const driver = { ...keys, stepped: () => check() };
  const visited = await H.runPlan(page, p.plan, driver, W, { exercise: ex });
  assert.deepEqual(visited, p.path, 'the path the branches made of the answers');
  assert.deepEqual(problems, [], `problems at ${seen.length} steps`);
  assert.equal(seen.length, p.path.length + 1, `every step was checked: ${seen.join(', ')}`);

  const st = await H.state(page);
  assert.equal(st.finished, true, 'the exercise is finished');
  for (const [id, want] of Object.entries(p.saved)) {
    for (const [k, v] of Object.entries(want)) assert.deepEqual(st.answers[id] && st.answers[id][k], v, `saved ${id}.${k}`);
  }
  for (const [id, actions] of Object.entries(p.plan)) {
    for (const [what, arg] of actions) if (what === 'type') assert.equal(st.answers[id].text, arg, `saved ${id}.text`);
  }
  assert.equal((await H.events(page)).filter((e) => e.name === 'complete').length, 1, 'one "complete" event');
  // One summary at the end: each reply the exercise reflects is shown there once (not on a
  // summary step and then again under "Your words today"), and one it keeps out isn't.
  const endText = await page.evaluate((s) => document.querySelector(s + ' .tend-mirror').textContent, W);
  for (const [id, actions] of Object.entries(p.plan)) {
    const step = ex.steps.find((s) => s.id === id);
    for (const [what, arg] of actions) {
      if (what !== 'type') continue;
      assert.equal(endText.split(arg).length - 1, step.reflect === false ? 0 : 1, `${id}'s words shown ${step.reflect === false ? 'not at all' : 'once'} at the end`);
    }
  }

  // And out: Tab goes on from the end's controls to the page's next link (no trap).
  await A.mirrorSettled(page);
  assert.ok((await focusInfo(page)).inside, 'the focus is in the widget at the end');
  let out = 0;
  for (; out < 40; out++) {
    await page.keyboard.press('Tab');
    f = await focusInfo(page);
    if (!f.inside) break;
  }
  assert.equal(f.inside, false, 'Tab leaves the widget');
  assert.ok(f.after && f.id === 'after-widget', `Tab goes on to the page's link after the widget, not to ${JSON.stringify(f)}`);
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focusInfo(page)).inside, true, 'Shift+Tab comes back into the widget');
  assert.deepEqual(page.errors, []);
  await page.close();
  return { steps: seen.length };
}

for (const file of Object.keys(PLANS)) {
  test(`${file}: axe clean at every step, keyboard only from the page through to the end and out, live region = prompt`, async () => {
    await playthrough(file);
  });
}

test('without WebGL: coming-back-to-the-room.json the same way, through the DOM mirror alone', async () => {
  await playthrough('coming-back-to-the-room.json', { webgl: false });
});

// WCAG 3.1.2 (Language of Parts, AA), which axe can't judge: a Spanish exercise on an English
// page must say it is Spanish, or a screen reader reads it with English pronunciation. The
// widget speaks its exercise's language, so its own words are Spanish too; where Tend has no
// words for the exercise's language, its own (English) ones say they are English.
async function languagesShown(page, words) {
  return page.evaluate(([s, first]) => {
    const w = document.querySelector(s), lang = (e) => { const l = e && e.closest('[lang]'); return l ? l.lang : '(none)'; };
    const para = [...w.querySelectorAll('.tend-mirror p')].find((e) => e.textContent === first);
    const pause = w.querySelector('[data-k=need_pause]');
    return { para: para ? lang(para) : '(the first paragraph is not in the mirror)', live: lang(w.querySelector('.tend-sr')),
      pause: lang(pause), pauseWords: pause && pause.textContent, page: document.documentElement.lang };
  }, [A.W, words]);
}

test('the Spanish exercise is Spanish for screen readers, the widget\'s own words too (lang="es" on both)', async () => {
    const page = await h.newPage({ width: 1024 });
    await A.exercisePage(page, h.base, PLANS['self-compassion-impossible-es.json'].ref);
    await H.openPage(page, h.base + '/demo/');
    const langs = await languagesShown(page, load('self-compassion-impossible-es.json').steps[0].text[0]);
    await page.close();
    assert.equal(langs.page, 'en');
    assert.match(langs.para, /^es\b/, `the exercise's words are under lang="${langs.para}"`);
    assert.match(langs.live, /^es\b/, `the live region is under lang="${langs.live}"`);
    assert.match(langs.pause, /^es\b/, `"${langs.pauseWords}" is under lang="${langs.pause}"`);
    assert.equal(langs.pauseWords, 'Pausa y ayuda');
  });

test('an exercise in a language Tend has no words for: its words keep their lang, the widget\'s English ones are lang="en"', async () => {
    const page = await h.newPage({ width: 1024 });
    const exercise = load('self-compassion-impossible.json');
    exercise.language = 'de';
    await page.route(h.base + '/demo/german.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(exercise) }));
    await A.exercisePage(page, h.base, '/demo/german.json');
    await H.openPage(page, h.base + '/demo/');
    const langs = await languagesShown(page, exercise.steps[0].text[0]);
    await page.close();
    assert.match(langs.para, /^de\b/, `the exercise's words are under lang="${langs.para}"`);
    assert.match(langs.pause, /^en\b/, `"${langs.pauseWords}" is under lang="${langs.pause}"`);
    assert.equal(langs.pauseWords, H.SAY.need_pause);
  });
