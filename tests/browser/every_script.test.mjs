// Every script a reader writes in, shown as the browser would show it. The canvas's font has
// Latin only; a screen with words it can't draw (Cyrillic, Greek, Hebrew, Arabic, Chinese,
// Japanese, Vietnamese, emoji) is shown by the page itself, so nothing is ever drawn as "?",
// and the canvas comes back for the screens it can draw.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';
import * as A from './a11y_kit.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

const WORDS = 'Привет · Γειά σου · שלום · مرحبا · 你好 · こんにちは · Tiếng Việt · 🌱';

const showing = (page) => page.evaluate((s) => {
  const el = document.querySelector(s);
  return { canvas: !el.querySelector('canvas').hidden, page: el.querySelector('.tend-frame').classList.contains('tend-dom'),
    text: el.querySelector('.tend-mirror').innerText };
}, H.WIDGET);

test('the reader\'s own words in any script are shown right at the end; the canvas draws the screens it can', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/');
  const plan = { ...H.SHORT_PATH, kind_phrase: [['other', WORDS]] };
  assert.deepEqual(await showing(page).then((x) => [x.canvas, x.page]), [true, false], 'a Latin screen is drawn on the canvas');
  // (The screens that weave the reader's kind words in are the page's from then on.)
  // By keyboard: the mirror is there in both looks.
  await H.runPlan(page, plan, A.keyboardOnly(page));
  const end = await showing(page);
  assert.deepEqual([end.canvas, end.page], [false, true], 'the end, holding the reader\'s words, is shown by the page');
  assert.ok(end.text.includes(WORDS), 'the words are there, every character');
  assert.ok(!/\?{2,}/.test(end.text));
  // Back to a Latin screen: the canvas again, drawing, its controls over it.
  await page.evaluate((s) => document.querySelector(s + ' [data-k=again]').click(), H.WIDGET);
  await H.waitForStep(page, 'arrive');
  const start = await showing(page);
  assert.deepEqual([start.canvas, start.page], [true, false]);
  const f0 = await H.frames(page);
  await H.clickTarget(page, '##continue', H.SAY.continue_button);
  assert.ok((await H.frames(page)) > f0, 'the canvas draws again');
  assert.equal((await H.state(page)).stepId, 'kind_phrase', 'and its controls answer taps');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an exercise written in Greek is shown by the page from its first screen, and works there', async () => {
  const page = await h.newPage({ width: 1024 });
  await H.openPage(page, h.base + '/demo/');
  const result = await page.evaluate(async () => {
    const ex = { format: 'tend.exercise/1', id: 'greek', version: '1', language: 'el', title: 'Μια ανάσα', minutes: 1,
      intro: 'Μόνο μια ανάσα.', disclaimer: 'Μια άσκηση, όχι θεραπεία.',
      safety: { step: 'ground', resources: [{ label: 'Έκτακτη ανάγκη', text: 'Καλέστε το 112.', link: 'tel:112' }] },
      steps: [{ id: 'ask', kind: 'text', prompt: 'Τι νιώθεις;' }, { id: 'done', kind: 'end', text: ['Ευχαριστώ.'] },
        { id: 'ground', kind: 'say', text: ['Τα πόδια στο πάτωμα.'], next: '@return' }] };
    const el = document.createElement('div');
    document.body.append(el);
    const handle = window.Tend.mount(el, { exercise: ex, section: 'greek', start: 'now' });
    await handle.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const field = el.querySelector('.tend-field');
    const shown = { page: el.querySelector('.tend-frame').classList.contains('tend-dom'), prompt: el.querySelector('.tend-part-question .tend-prompt').textContent,
      fieldShown: !field.hidden, lang: el.querySelector('.tend-part-question .tend-prompt').closest('[lang]').lang };
    field.value = 'καλά';
    field.dispatchEvent(new Event('input'));
    el.querySelector('[data-k=continue]').click();
    await new Promise((r) => setTimeout(r, 50));
    return { ...shown, state: handle.state() };
  });
  await page.close();
  assert.equal(result.page, true);
  assert.equal(result.prompt, 'Τι νιώθεις;');
  assert.equal(result.fieldShown, true);
  assert.equal(result.lang, 'el');
  assert.equal(result.state.answers.ask.text, 'καλά');
  assert.equal(result.state.stepId, 'done');
});
