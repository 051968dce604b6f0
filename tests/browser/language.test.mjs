// The widget speaks its exercise's language: a reader of the Spanish exercise meets no word
// of the widget's own in English, on the canvas or in the DOM mirror, from the first screen
// to the last (the grounding path and deleting included).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as H from './harness.mjs';
import * as A from './a11y_kit.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const SPANISH = JSON.parse(fs.readFileSync(path.join(H.root, 'exercises/self-compassion-impossible-es.json'), 'utf8'));
const ENGLISH_WORDS = JSON.parse(fs.readFileSync(path.join(H.root, 'src/screen/words/en.json'), 'utf8')).words;

// Stretches of the widget's English, cut at their {slots}: "Step ", " of about ", "Continue".
const FRAGMENTS = Object.values(ENGLISH_WORDS).flatMap((t) => t.split(/\{\w+\}/)).filter((f) => f.length >= 4);

// Every step answered with its first option (or a few words, or a 3), so the walk is the
// same each time; the exercise's branches decide where it goes.
function plan(exercise) {
  const p = {};
  for (const s of exercise.steps) {
    if (s.kind === 'choice') p[s.id] = [['choose', s.options[0].id]];
    else if (s.kind === 'text') p[s.id] = [['type', 'algo de calma']];
    else if (s.kind === 'scale') p[s.id] = [['scale', 3]];
    else p[s.id] = [];
  }
  return p;
}

// What the reader can meet now: the canvas's text and controls, and the mirror's words,
// names and placeholder, and the live region.
const shown = (page) => page.evaluate((s) => {
  const el = document.querySelector(s), t = el.__tend._debug;
  const mirror = el.querySelector('.tend-mirror'), field = el.querySelector('.tend-field');
  const named = [...el.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'));
  return {
    step: el.__tend.state().stepId,
    canvas: [...t.drawnText(), ...t.targets().map((x) => x.label)],
    mirror: [mirror.innerText, mirror.textContent, field.placeholder, el.querySelector('.tend-sr').textContent, ...named],
  };
}, A.W);

test('the Spanish exercise is Spanish from the first screen to the last, on the canvas and in the mirror', async () => {
  const page = await h.newPage({ width: 1024 });
  // The demo's call to action is the practice's own (English) words: leave them out, so the
  // widget's Spanish default shows instead.
  await page.route(h.base + '/demo/', async (route) => {
    const response = await route.fetch();
    const body = (await response.text()).replace('data-tend-exercise="self-compassion-impossible"', 'data-tend-exercise="self-compassion-impossible-es"')
      .replace(/data-tend-cta-text="[^"]*"/, '');
    await route.fulfill({ response, body });
  });
  await H.openPage(page, h.base + '/demo/');
  await page.evaluate((s) => document.querySelector(s).__tend._debug.recordText(true), A.W);
  await H.waitStable(page);

  const problems = [], screens = new Set();
  const look = async (why = '') => {
    const s = await shown(page);
    assert.ok(s.canvas.length > 3, `the canvas drew its words on ${s.step}`);
    screens.add(s.step + why);
    for (const [where, texts] of [['canvas', s.canvas], ['mirror', s.mirror]]) {
      for (const text of texts) {
        for (const f of FRAGMENTS) if (text && text.includes(f)) problems.push(`${s.step}${why}, ${where}: "${f}" in "${text.slice(0, 80)}"`);
      }
    }
  };
  const keyboard = A.keyboardOnly(page);
  let paused = false;
  const driver = {
    ...keyboard,
    start: async () => { await keyboard.start(); await look(); },
    stepped: async () => {
      await keyboard.stepped();
      await H.waitStable(page);
      await look();
      // Once, the grounding path and its help: then back to where the reader was.
      if (!paused && (await H.state(page)).stepId === 'reach_notice') {
        paused = true;
        await keyboard.target('need_pause');
        await H.waitStable(page);
        await look(' (pause)');
        await keyboard.target('return');
        await H.waitStable(page);
      }
    },
  };
  await H.runPlan(page, plan(SPANISH), driver, A.W, { exercise: SPANISH });
  assert.equal((await H.state(page)).stepId, 'closing');
  await keyboard.target('delete');
  await H.waitStable(page);
  await look(' (deleting)');
  await page.close();

  assert.ok(screens.size >= 15, `walked ${screens.size} screens`);
  assert.ok(screens.has('ground (pause)') && screens.has('closing (deleting)'));
  assert.deepEqual(problems, []);
});
