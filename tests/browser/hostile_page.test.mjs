// Tend in a host page that doesn't mean it well: keyboard shortcuts that grab letters, scripts
// that add to Object.prototype, ancestors scaled or zoomed, dark and right-to-left themes, a
// call to action that points off the site. Each case names the harm it prevents.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import * as H from './harness.mjs';
import * as A from './a11y_kit.mjs';

let h;
before(async () => { h = await H.start(); });
after(async () => { await h.close(); });

// The demo article, changed: an init script run before any of it, the widget's attributes,
// markup around it (wrap: [before, after]), the <html> element's attributes.
async function article(page, { init, attrs = {}, wrap, html } = {}) {
  if (init) await page.addInitScript(init);
  await page.route(h.base + '/demo/', async (route) => {
    const response = await route.fetch();
    let body = await response.text();
    const added = Object.entries(attrs).map(([k, v]) => `${k}="${v}"`).join(' ');
    body = body.replace('<div data-tend-exercise', `<div ${added} data-tend-exercise`);
    if (wrap) body = body.replace(/(<div [^>]*data-tend-exercise[^>]*><\/div>)/, `${wrap[0]}$1${wrap[1]}`);
    if (html) body = body.replace(/<html[^>]*>/, `<html ${html}>`);
    await route.fulfill({ response, body });
  });
  await H.openPage(page, h.base + '/demo/');
}

test('letters typed into the reply box never reach the page\'s own shortcuts ("j", "k", "/" for search)', async () => {
  const page = await h.newPage({ width: 1024 });
  await article(page, {
    init: () => {
      window.__shortcuts = [];
      document.addEventListener('keydown', (e) => {
        if (e.key === 'j' || e.key === 'k') { e.preventDefault(); window.__shortcuts.push(e.key); }
        if (e.key === '/') { e.preventDefault(); window.__shortcuts.push('/'); document.querySelector('#site-search').focus(); }
      });
      addEventListener('DOMContentLoaded', () => {
        const s = document.createElement('input');
        s.id = 'site-search';
        document.body.prepend(s);
      });
    },
  });
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'reach_notice' });
  const words = 'just keep going / jokingly kind';
  await H.typeReply(page, words);
  await page.waitForFunction(([s, w]) => (document.querySelector(s).__tend.state().answers.reach_notice || {}).text === w,
    [H.WIDGET, words], { timeout: 5000 }).catch(() => {});
  const st = await H.state(page);
  const outside = await page.evaluate(() => ({ shortcuts: window.__shortcuts, search: document.querySelector('#site-search').value }));
  await page.close();
  assert.equal(st.answers.reach_notice.text, words, 'every letter reached the reader\'s answer');
  assert.deepEqual(outside, { shortcuts: [], search: '' });
});

test('a page that adds to Object.prototype: the widget mounts, draws in its own canvas and works', async () => {
  const page = await h.newPage({ width: 1024 });
  await article(page, {
    init: () => {
      for (const k of ['step', 'say', 'field', 'head', 'reveal', 'print', 'printErr', 'exercise', 'ctaLink', 'continue', 'delete', 'en', 'x'])
        Object.defineProperty(Object.prototype, k, { value: 'from the page', writable: true, configurable: true });
    },
  });
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'reach_notice' });
  const st = await H.state(page);
  assert.equal(st.stepId, 'reach_notice');
  assert.deepEqual(st.answers.kind_phrase.chosen, ['go_gently']);
  assert.deepEqual(page.errors, []);
  await page.close();
});

for (const [name, style, scale] of [['transform: scale(0.8)', 'transform: scale(0.8); transform-origin: 0 0', 0.8],
  ['zoom: 1.25', 'zoom: 1.25', 1.25]]) {
  test(`an ancestor with ${name}: a tap on a drawn option chooses that option`, async () => {
    const page = await h.newPage({ width: 1024, height: 900 });
    await article(page, { wrap: [`<div style="${style}">`, '</div>'] });
    await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'kind_phrase' }).catch(() => {});
    if ((await H.state(page)).stepId !== 'kind_phrase') {
      // Reach it without pointer arithmetic: the keyboard works the mirror, which is not affected.
      await H.runPlan(page, H.LONG_PATH, A.keyboardOnly(page), H.WIDGET, { stopAt: 'kind_phrase' });
    }
    const label = H.optionLabel('kind_phrase', 'doing_best');
    const t = (await H.targets(page)).find((x) => x.key === 'option:doing_best');
    assert.equal(t.label, label);
    const at = await page.evaluate(([s, r]) => {
      const c = document.querySelector(s + ' canvas');
      c.scrollIntoView({ block: 'center' });
      const box = c.getBoundingClientRect(), k = box.width / c.offsetWidth;
      return { x: box.left + (r.x + r.w / 2) * k, y: box.top + (r.y + r.h / 2) * k, k };
    }, [H.WIDGET, t]);
    assert.ok(Math.abs(at.k - scale) < 0.02, `the canvas is drawn at ${at.k}×`);
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction((s) => document.querySelector(s).__tend.state().answers.kind_phrase?.chosen?.includes('doing_best'),
      H.WIDGET, { timeout: 5000 }).catch(() => {});
    assert.deepEqual((await H.state(page)).answers.kind_phrase.chosen, ['doing_best'], 'the tap landed on the option under it');
    // The mirror's control lies over the same place, so focus and touch exploration find it there.
    const over = await page.evaluate(([s, x, y]) => {
      const r = document.querySelector(s + ' [data-k="option:doing_best"]').getBoundingClientRect();
      return x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
    }, [H.WIDGET, at.x, at.y]);
    assert.ok(over, 'the mirror\'s option lies under the same point');
    await page.close();
  });
}

test('a dark practice background: the reader\'s own words in the reply box keep 4.5:1', async () => {
  const page = await h.newPage({ width: 1024 });
  await article(page, { attrs: { 'data-tend-background': '#1f1d24' } });
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'reach_notice' });
  const ratio = await page.evaluate((s) => {
    // The box's fill is the theme's (drawn by the canvas under the box, or the box's own without one).
    const f = document.querySelector(s + ' .tend-field'), cs = getComputedStyle(f);
    const fill = getComputedStyle(document.querySelector(s + ' .tend-frame')).getPropertyValue('--tend-field').trim();
    const rgb = (c) => (c.startsWith('#') ? [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) : c.match(/[\d.]+/g).slice(0, 3).map(Number));
    const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
      .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
    const a = lum(rgb(cs.color)), b = lum(rgb(fill));
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  }, H.WIDGET);
  await page.close();
  assert.ok(ratio >= 4.5, `the reply box's text is ${ratio.toFixed(2)}:1 against its box`);
});

test('a right-to-left page: the English exercise stays left to right, the reply box follows what is typed', async () => {
  const page = await h.newPage({ width: 1024 });
  await article(page, { html: 'lang="ar" dir="rtl"' });
  const d = await page.evaluate((s) => ({
    frame: getComputedStyle(document.querySelector(s + ' .tend-frame')).direction,
    field: document.querySelector(s + ' .tend-field').getAttribute('dir'),
  }), H.WIDGET);
  await page.close();
  assert.deepEqual(d, { frame: 'ltr', field: 'auto' });
});

test('a call to action that starts with "//" is another site, not a path of this one: it is not offered', async () => {
  const page = await h.newPage({ width: 1024 });
  await article(page, { attrs: {} });
  const offered = await page.evaluate(async () => {
    const ex = { format: 'tend.exercise/1', id: 'tiny', version: '1', language: 'en', title: 'One breath', minutes: 1,
      intro: 'One breath.', disclaimer: 'A practice, not therapy.',
      safety: { step: 'ground', resources: [{ label: 'Emergency services', text: 'Call your local emergency number.' }] },
      steps: [{ id: 'done', kind: 'end', text: ['Thank you.'] }, { id: 'ground', kind: 'say', text: ['Feet on the floor.'], next: '@return' }] };
    const result = {};
    for (const link of ['//elsewhere.example/x', '/\\elsewhere.example', '/contact']) {
      const el = document.createElement('div');
      document.body.append(el);
      const handle = window.Tend.mount(el, { exercise: ex, ctaLink: link, section: 'cta-' + result.length, start: 'now' });
      await handle.ready;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      result[link] = !!el.querySelector('[data-k=cta]');
      handle.unmount();
    }
    return result;
  });
  await page.close();
  assert.deepEqual(offered, { '//elsewhere.example/x': false, '/\\elsewhere.example': false, '/contact': true });
});

test('a page that already has an element with the id the widget would give its canvas: the widget draws in its own', async () => {
  const page = await h.newPage({ width: 1024 });
  await article(page, { wrap: ['<canvas id="tend-canvas-1" width="10" height="10"></canvas>', ''] });
  const ids = await page.evaluate((s) => ({ own: document.querySelector(s + ' .tend-canvas').id, count: document.querySelectorAll('#tend-canvas-1').length }), H.WIDGET);
  assert.notEqual(ids.own, 'tend-canvas-1');
  assert.equal(ids.count, 1);
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'kind_phrase' });
  assert.ok((await H.frames(page)) > 2, 'it draws');
  await page.close();
});

test('an exercise file with a problem: the console names the file it came from, and the JSON path', async () => {
  const page = await h.newPage({ width: 1024 });
  const bad = JSON.parse(JSON.stringify(H.FLAGSHIP));
  bad.steps[3].next = 'nowhere';
  await page.route(h.base + '/demo/broken.json', (r) => r.fulfill({ contentType: 'application/json', body: JSON.stringify(bad) }));
  await article(page, { attrs: {} }).catch(() => {});
  await page.evaluate(async () => {
    const el = document.createElement('div');
    document.body.append(el);
    await window.Tend.mount(el, { exercise: '/demo/broken.json', section: 'broken', start: 'now' }).ready; // checked when it starts
  });
  await page.close();
  assert.ok(page.errors.some((e) => e.includes(h.base + '/demo/broken.json') && /can't be shown because of 1 problem/.test(e)), JSON.stringify(page.errors));
  assert.ok(page.errors.some((e) => e.includes('/steps/3/next')));
});
