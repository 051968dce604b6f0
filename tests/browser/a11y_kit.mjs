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
export async function tabTo(page, key, sel = W, max = 40) {
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
    await mirrorSettled(page, sel);
  }
  throw new Error(`Tab never reached ${key}; focus is on ${await activeKey(page)}`);
}

export async function keyPress(page, key, sel = W) {
  await page.keyboard.press(key);
  await mirrorSettled(page, sel);
}

// A reader who uses only the keyboard: Tab/Shift+Tab to a control, Enter or Space on it,
// arrows inside a radio group, typing in the reply box.
export function keyboardOnly(page, sel = W) {
  let n = 0;
  const press = async (key) => { await tabTo(page, key, sel); await keyPress(page, n++ % 2 ? 'Enter' : 'Space', sel); };
  const pick = async (key) => {
    await tabTo(page, key, sel);
    // Arrows already selected it in a radio group; otherwise (first radio, a checkbox) Space.
    const on = await page.evaluate(() => document.activeElement.checked);
    if (!on) await keyPress(page, 'Space', sel);
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
      await tabTo(page, 'field', sel);
      await H.typeText(page, text);
      await mirrorSettled(page, sel);
    },
    target: (key) => press(key),
    stepped: async () => { await mirrorSettled(page, sel); },
  };
}

export async function axe(page, label) {
  const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
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
