// Shared by the a11y_*.test.mjs files: the widget through its semantic DOM mirror, as a
// keyboard or screen-reader user meets it. Everything goes through real key presses and
// clicks on the mirror's elements; state is read back through the handle (state(), on()).
import AxeBuilder from '@axe-core/playwright';
import * as H from './harness.mjs';

export const W = H.WIDGET;
export const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// Context creation for WebGL fails, as on a browser without it or with canvas blocked.
export function blockWebGL() {
  const real = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
    return /webgl/i.test(String(type)) ? null : real.call(this, type, ...rest);
  };
}

// Records every view (StepView JSON) the widget hands the page, in the page.
export async function recordViews(page, sel = W) {
  await page.evaluate((s) => {
    window.__views = [];
    document.querySelector(s).__tend.on('view', (v) => window.__views.push(JSON.parse(JSON.stringify(v))));
  }, sel);
}
export const lastView = (page) => page.evaluate(() => window.__views[window.__views.length - 1]);
export const announcement = (v) => v.prompt || v.paragraphs.join(' ');

// Ready without WebGL: mounted (handle.ready resolved) and the mirror drawn.
export async function waitDomReady(page, sel = W) {
  await page.waitForFunction((s) => { const el = document.querySelector(s); return !!(el && el.__tend && el.__tend.ready); }, sel);
  await H.bringNear(page, sel); // it starts when the reader comes near (web/src/schedule.js)
  const ok = await page.evaluate(async (s) => !!(await document.querySelector(s).__tend.ready), sel);
  if (!ok) throw new Error('the widget did not mount without WebGL: ' + JSON.stringify(page.errors));
  await page.waitForFunction((s) => document.querySelector(s + ' .tend-mirror [data-k=continue], ' + s + ' .tend-mirror [data-k]'), sel);
  await mirrorSettled(page, sel);
}

// The mirror re-renders in a microtask after each engine change; two animation frames later
// it is in its final shape.
export async function mirrorSettled(page, sel = W) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  if (await page.evaluate(() => !!document.querySelector('.tend-frame:not(.tend-dom)'))) await H.waitStable(page, sel);
}

export const activeKey = (page) => page.evaluate(() => {
  const a = document.activeElement;
  if (!a || !a.closest('.tend-frame')) return null;
  return a.getAttribute('data-k') || (a.classList.contains('tend-field') ? 'field' : '?');
});

// Moves the keyboard focus to the control `key` with Tab / Shift+Tab only (whichever way it
// lies in the reading order). Throws if the focus leaves the widget on the way.
// { quick: true }: don't wait for the widget to settle (the canvas to redraw its focus ring)
// between presses: the focus moves as each press is handled, and the mirror re-renders in a
// microtask of the press's own event.
export async function tabTo(page, key, sel = W, max = 40, { quick = false } = {}) {
  for (let i = 0; i < max; i++) {
    const where = await page.evaluate(([s, k]) => {
      const root = document.querySelector(s);
      const t = k === 'field' ? root.querySelector('.tend-field') : root.querySelector(`[data-k="${k}"]`);
      if (!t) return 'missing';
      const a = document.activeElement;
      if (a === t) return 'here';
      if (!root.contains(a)) return 'outside';
      // A radio group is one Tab stop: inside it, the arrows move.
      if (t.type === 'radio' && a.type === 'radio' && a.name === t.name) return 'group';
      return a.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
    }, [sel, key]);
    if (where === 'here') return;
    if (where === 'missing') throw new Error(`no control ${key} in the mirror`);
    if (where === 'outside') throw new Error(`the focus left the widget while looking for ${key}`);
    if (where === 'group') {
      const dir = await page.evaluate(([s, k]) => {
        const a = document.activeElement, all = [...document.querySelectorAll(`input[name="${a.name}"]`)];
        return all.indexOf(document.querySelector(s).querySelector(`[data-k="${k}"]`)) > all.indexOf(a) ? 'ArrowDown' : 'ArrowUp';
      }, [sel, key]);
      await page.keyboard.press(dir);
    } else {
      await page.keyboard.press(where === 'after' ? 'Tab' : 'Shift+Tab');
    }
    if (!quick) await mirrorSettled(page, sel);
  }
  throw new Error(`Tab never reached ${key}; focus is on ${await activeKey(page)}`);
}

export async function keyPress(page, key, sel = W) {
  await page.keyboard.press(key);
  await mirrorSettled(page, sel);
}

// A reader who uses only the keyboard: Tab/Shift+Tab to a control, Enter or Space on it,
// arrows inside a radio group, typing in the reply box. { quick: true }: no waiting for the
// widget to settle after a key (see tabTo): the caller waits, as runPlan does after each
// action and step. keyed: how many characters of a reply are real key presses (the rest
// arrive as one insertion, see typeText).
export function keyboardOnly(page, sel = W, { quick = false, keyed = 8 } = {}) {
  let n = 0;
  const go = (key) => tabTo(page, key, sel, 40, { quick });
  const hit = (key) => (quick ? page.keyboard.press(key) : keyPress(page, key, sel));
  const press = async (key) => { await go(key); await hit(n++ % 2 ? 'Enter' : 'Space'); };
  const pick = async (key) => {
    await go(key);
    // Arrows already selected it in a radio group; otherwise (first radio, a checkbox) Space.
    const on = await page.evaluate(() => document.activeElement.checked);
    if (!on) await hit('Space');
  };
  return {
    name: 'keyboard (DOM mirror)',
    // Into the widget as a reader comes: Tab from the top of the page (unless already in it).
    start: async () => {
      if (await activeKey(page)) return;
      await page.evaluate(() => { document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0); });
      for (let i = 0; i < 40 && !(await activeKey(page)); i++) await page.keyboard.press('Tab');
      if (!(await activeKey(page))) throw new Error('Tab from the top of the page never reached the widget');
    },
    continue: () => press('continue'),
    skip: () => press('skip'),
    choose: (stepId, id) => pick(id === '@other' ? 'other' : 'option:' + id),
    scale: (v) => pick('scale:' + v),
    type: async (text) => {
      await go('field');
      await H.typeText(page, text, keyed);
      if (!quick) await mirrorSettled(page, sel);
    },
    target: (key) => press(key),
    stepped: async () => { await mirrorSettled(page, sel); },
  };
}

// axe-core over the whole page with the WCAG 2.0/2.1/2.2 A and AA rules; returns one line per
// violation. { inPage: true } runs the same rules through axe.run in the page itself
// (@axe-core/playwright's legacy mode) instead of axe.runPartial plus a finishing run in a
// new blank tab: about three times faster, and the same results on a page without iframes
// (which is checked, since the frames are what the default mode adds).
export async function axe(page, label, { inPage = false } = {}) {
  if (inPage && page.frames().length !== 1) throw new Error(`${label}: the page has ${page.frames().length} frames; run axe without inPage`);
  const r = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(inPage).analyze();
  const v = r.violations.map((x) => `${label}: ${x.id} (${x.impact}): ${x.help} — ` +
    x.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' ')).join(' | '));
  return v;
}

// Every control in the mirror with its accessible name, as Chromium computes it.
export async function controlNames(page, sel = W) {
  const client = await page.context().newCDPSession(page);
  const { nodes } = await client.send('Accessibility.getFullAXTree');
  await client.detach();
  const roles = new Set(['button', 'link', 'radio', 'checkbox', 'textbox']);
  const inWidget = await page.evaluate((s) => {
    const root = document.querySelector(s + ' .tend-mirror');
    return [...root.querySelectorAll('[data-k], .tend-field')].filter((e) => !e.hidden).length;
  }, sel);
  const named = nodes.filter((n) => !n.ignored && n.role && roles.has(n.role.value))
    .map((n) => ({ role: n.role.value, name: (n.name && n.name.value) || '' }));
  return { named, inWidget };
}

// ---- any shipped exercise -------------------------------------------------------------------

// The demo article, as served (same headers, so the same strict CSP), with its widget showing
// `ref` (a built-in id or a same-origin URL, as data-tend-exercise takes them) and a link in
// the footer after the widget, for a keyboard reader to Tab on to. Returns a function that
// tells whether the page was served rewritten (so a test can't silently run the flagship).
export async function exercisePage(page, base, ref, { afterId = 'after-widget' } = {}) {
  let rewritten = false;
  await page.route(base + '/demo/', async (route) => {
    const response = await route.fetch();
    let body = await response.text();
    const attr = 'data-tend-exercise="self-compassion-impossible"';
    if (body.includes(attr)) {
      body = body.replace(attr, `data-tend-exercise="${ref}"`)
        .replace('</footer>', `<p><a id="${afterId}" href="#">Read more from the practice</a></p></footer>`);
      rewritten = body.includes(`id="${afterId}"`);
    }
    await route.fulfill({ response, body });
  });
  return () => rewritten;
}

// What the live region should say on `stepId` of the parsed exercise `ex`, straight from its
// JSON: the question's prompt, or the step's paragraphs joined. null when the words are
// filled in from earlier answers ({{…}}), which only the widget's own view can tell.
export function expectedAnnouncement(ex, stepId) {
  const s = ex.steps.find((x) => x.id === stepId);
  if (!s) throw new Error(`no step ${stepId} in ${ex.id}`);
  const words = s.prompt || (s.text || []).join(' ');
  return /\{\{/.test(words) ? null : words;
}
