// Shared set-up for the browser tests: the built site served on 127.0.0.1 with a strict
// CSP (scripts/serve.mjs), and Debian's Chromium, headless, driven by playwright-core.
//
// Chromium runs with its background networking off, so the only requests a page makes are
// the ones it asks for; `watchRequests` records them so tests can prove the widget loads
// only its own files.
//
// The widget is reached only through what tend.js (web/src/loader.js) hands the page: the element's
// `__tend` handle (state(), on(), ready), its test-only `_debug` (frames, steps, targets():
// every control of the last frame as { id, label, key, focused, x, y, w, h } in CSS px of
// the canvas) and its DOM mirror ([data-k] elements, keyed like the targets); a
// <tend-exercise>'s are in its shadow root, where the helpers look too. Pointer input
// goes to the drawn rectangles with real mouse events, keyboard input with real key presses;
// nothing calls into the engine behind the reader's back.
//
// TEND_SITE=dir serves another copy of the built site (e.g. a snapshot, so a rebuild that
// runs at the same time can't pull files out from under a test); TEND_CHROMIUM=path picks
// another Chromium.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const siteDir = path.resolve(process.env.TEND_SITE || path.join(root, 'build-web/site'));
export const artifactsDir = path.join(here, 'artifacts');

// Chromium 156 (Debian bookworm), headless, with the flags the project brief gives for this
// machine: --disable-gpu, so the page itself is composited in software as on a computer
// without a GPU, while WebGL still runs, through ANGLE on SwiftShader (--use-angle pins that
// software renderer, so a machine with a GPU draws and times the same way). Without
// --disable-gpu Chromium also rasterises and composites the whole page through SwiftShader,
// in the same GPU process as the widget's context: a reader's browser composites on a real
// GPU, or without one in software. The benchmark times the first frame that way too
// (GPU_COMPOSITING_ARGS) and reports both.
// --no-sandbox: the tests may run as root. The rest keep Chromium from talking to anyone but
// the test server.
const QUIET_ARGS = [
  '--no-sandbox', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-default-apps', '--disable-domain-reliability', '--metrics-recording-only',
];
export const CHROMIUM_ARGS = ['--disable-gpu', '--use-angle=swiftshader', ...QUIET_ARGS];
export const GPU_COMPOSITING_ARGS = ['--use-angle=swiftshader', ...QUIET_ARGS];

export const WIDGET = '[data-tend-exercise]';

// Starts the server and the browser. Returns { base, browser, newPage, close }.
export async function start({ extraArgs = [], site = siteDir, args = CHROMIUM_ARGS, csp } = {}) {
  if (!fs.existsSync(path.join(site, 'tend.js'))) throw new Error(`no built site in ${site}: run scripts/build-web`);
  const server = await serve(site, 0, csp ? { csp } : {});
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.TEND_CHROMIUM || '/usr/bin/chromium',
    args: [...args, ...extraArgs],
    headless: true,
  });
  fs.mkdirSync(artifactsDir, { recursive: true });

  // A fresh context per page: its own localStorage unless the test shares a context.
  async function newPage({ width = 1024, height = 900, dpr = 1, reducedMotion = 'no-preference', context } = {}) {
    const ctx = context || await browser.newContext({
      viewport: { width, height }, deviceScaleFactor: dpr, reducedMotion, acceptDownloads: true,
    });
    // Pages without a <link rel=icon> (a plain file opened to seed localStorage) make Chromium
    // ask for /favicon.ico; answer it, so its 404 isn't taken for the widget's console error.
    if (!context) await ctx.route('**/favicon.ico', (r) => r.fulfill({ status: 204, body: '' }));
    const page = await ctx.newPage();
    page.errors = [];
    page.on('pageerror', (e) => page.errors.push(String(e)));
    page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
    return page;
  }

  async function close() {
    await browser.close().catch(() => {});
    await new Promise((r) => server.close(r));
  }
  return { base, browser, newPage, close, server };
}

// Records every request a page makes (URL), for the privacy checks.
export function watchRequests(page) {
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

export function artifact(name) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  return path.join(artifactsDir, name);
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// An init script for start-up measurements: performance marks 'tend-start' when tend.js
// starts (its first statement reads window.Tend) and 'tend-ready' when the first widget's
// handle.ready settles (right after mount, which draws the first frame). They show in
// Chrome's trace too (category blink.user_timing).
export function markStartup() {
  let value;
  Object.defineProperty(window, 'Tend', {
    configurable: true,
    get() { if (!performance.getEntriesByName('tend-start').length) performance.mark('tend-start'); return value; },
    set(v) { value = v; },
  });
  document.addEventListener('DOMContentLoaded', () => {
    const el = document.querySelector('[data-tend-exercise]');
    if (el && el.__tend) el.__tend.ready.then(() => performance.mark('tend-ready'));
  });
}

// ---- the widget, from the page's side ---------------------------------------------------

// A widget starts only when the reader comes near it (web/src/schedule.js). A test that
// needs one mounted brings it into view, waits for it to start, and puts the page back where
// it was (instantly both ways), so the test goes on from the same place as before.
export async function bringNear(page, sel = WIDGET) {
  await page.evaluate(async (s) => {
    const el = document.querySelector(s), d = el.__tend._debug;
    if (!d.waiting) return;
    const x = window.scrollX, y = window.scrollY;
    el.scrollIntoView({ block: 'center', behavior: 'instant' });
    for (let i = 0; i < 600 && d.waiting; i++) await new Promise((r) => requestAnimationFrame(() => r()));
    window.scrollTo({ left: x, top: y, behavior: 'instant' });
  }, sel);
}

// Waits until the widget in `sel` has mounted (handle.ready resolved to the handle), bringing
// it near first if it is waiting for the reader. Fails with what the page showed instead (the
// loader's kind message, console errors).
export async function waitReady(page, sel = WIDGET, timeout = 20000) {
  await page.waitForFunction((s) => { const el = document.querySelector(s); return !!(el && el.__tend && el.__tend.ready); },
    sel, { timeout });
  await bringNear(page, sel);
  const ok = await page.evaluate(async (s) => !!(await document.querySelector(s).__tend.ready), sel);
  if (!ok) {
    const msg = await page.evaluate((s) => { const el = document.querySelector(s), m = (el.shadowRoot || el).querySelector('.tend-message'); return m ? m.textContent : ''; }, sel);
    const errors = page.collectErrors ? await page.collectErrors() : page.errors; // engines.mjs: what the page kept
    throw new Error(`the widget in ${sel} did not mount: "${msg}" errors=${JSON.stringify(errors)}`);
  }
  // Two frames are always drawn; by then the targets and the height are known. (Without
  // WebGL the DOM mirror is the widget: no frames.)
  await page.waitForFunction((s) => {
    const el = document.querySelector(s);
    return el.__tend._debug.frames >= 2 || (el.shadowRoot || el).querySelector('.tend-frame').classList.contains('tend-dom');
  }, sel, { timeout });
  await waitStable(page, sel);
}

// Clicks and types on the DOM mirror's real elements (the widget without WebGL).
export function domDriver(page, sel = WIDGET) {
  const key = (id) => id.replace(/^##/, '');
  const clickKey = async (k) => {
    const el = page.locator(`${sel} [data-k="${k}"]`);
    // A choice is clicked on its words, as a reader would (the <label> around the input).
    const label = page.locator(`${sel} label:has(> [data-k="${k}"])`);
    await ((await label.count()) ? label : el).click();
    await waitStable(page, sel);
  };
  return {
    name: 'DOM',
    start: async () => {},
    continue: () => clickKey('continue'),
    skip: () => clickKey('skip'),
    choose: (stepId, id) => clickKey(id === '@other' ? 'other' : `option:${id}`),
    scale: (n) => clickKey(`scale:${n}`),
    type: async (text) => { await page.locator(`${sel} .tend-field`).click(); await typeText(page, text); await waitStable(page, sel); },
    target: (id) => clickKey(key(id)),
    stepped: async () => {},
  };
}

export async function openPage(page, url, sels = [WIDGET]) {
  await page.goto(url);
  for (const s of sels) await waitReady(page, s);
}

export const state = (page, sel = WIDGET) => page.evaluate((s) => document.querySelector(s).__tend.state(), sel);
export const targets = (page, sel = WIDGET) => page.evaluate((s) => document.querySelector(s).__tend._debug.targets(), sel);
export const frames = (page, sel = WIDGET) => page.evaluate((s) => document.querySelector(s).__tend._debug.frames, sel);

// Records every event the handle emits into window.__tendEvents[sel] (in the page).
export async function recordEvents(page, sel = WIDGET) {
  await page.evaluate((s) => {
    const log = (window.__tendEvents = window.__tendEvents || {})[s] = [];
    const t = document.querySelector(s).__tend;
    for (const name of ['step', 'complete']) t.on(name, (v) => log.push({ name, value: JSON.parse(JSON.stringify(v)) }));
  }, sel);
}
export const events = (page, sel = WIDGET) => page.evaluate((s) => (window.__tendEvents || {})[s] || [], sel);

// Until what the widget shows has stopped moving: the last frame's targets, the canvas
// height and the textarea's place unchanged for a few polls, with frames drawn since the
// call or none waiting to be drawn (so the targets belong to the current step). Animations
// (the pacer) keep drawing but don't move controls, so this returns during them too.
export async function waitStable(page, sel = WIDGET, { timeout = 8000 } = {}) {
  const snap = () => page.evaluate((s) => {
    const el = document.querySelector(s), t = el.__tend, r = el.shadowRoot || el, c = r.querySelector('canvas'), f = r.querySelector('.tend-field');
    // Mounted again by its page (a <tend-exercise> whose attributes changed) and not built yet: not settled.
    if (!t || !c || !f) return { frames: -1, pending: true, key: 'being built ' + Math.random() };
    return { frames: t._debug.frames, pending: t._debug.framePending,
      key: JSON.stringify([t._debug.targets(), c.style.height, f.hidden, f.style.cssText, t.state()]) };
  }, sel);
  const start = await snap();
  const deadline = Date.now() + timeout;
  let last = start, same = 0;
  while (Date.now() < deadline) {
    await sleep(40);
    const now = await snap();
    // Unchanged, and drawn: a frame since the call, or none asked for (where frames are slow,
    // as in WebKitGTK here, the state can be a step ahead of the last frame's targets).
    if (now.key === last.key && (now.frames > start.frames || !now.pending)) same++;
    else same = 0;
    last = now;
    if (same >= 2) return;
  }
  throw new Error(`the widget in ${sel} did not settle within ${timeout} ms`);
}

// Waits for the widget to draw a frame after `since` (a frame count), up to `timeout` ms,
// then for it to settle. For input that must show (a focus ring, a press): waitStable alone
// can't tell "nothing changes" from "the change isn't drawn yet" on a busy machine.
export async function waitFrame(page, since, sel = WIDGET, timeout = 3000) {
  await page.waitForFunction(([s, f]) => {
    const el = document.querySelector(s);
    return el.__tend._debug.frames > f || (el.shadowRoot || el).querySelector('.tend-frame').classList.contains('tend-dom');
  }, [sel, since], { timeout }).catch(() => { if (process.env.TEND_DEBUG) console.log(`waitFrame: no frame within ${timeout} ms`, new Error().stack.split('\n')[3]); });
  await waitStable(page, sel);
}

// A key press the widget should answer with a frame.
export async function pressKey(page, key, sel = WIDGET) {
  const f0 = await frames(page, sel);
  await page.keyboard.press(key);
  await waitFrame(page, f0, sel);
}

// Waits until the page has stopped scrolling (smooth scrolls from the widget's scrollIntoView):
// the same scrollY over 50 ms, and over three animation frames (where frames are slow, as in
// WebKitGTK here, a smooth scroll can stand still for longer than 50 ms between two).
export async function waitScrollStill(page) {
  let last = await page.evaluate(() => window.scrollY), same = 0;
  for (let i = 0; i < 100 && same < 2; i++) {
    await sleep(25);
    const y = await page.evaluate(() => window.scrollY);
    same = y === last ? same + 1 : 0;
    last = y;
  }
  await page.evaluate(() => new Promise((resolve) => {
    let y0 = window.scrollY, still = 0, n = 0;
    const tick = () => {
      still = window.scrollY === y0 ? still + 1 : 0;
      y0 = window.scrollY;
      if (still >= 3 || ++n > 300) resolve(); else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
}

// Resizes the viewport and waits for the widget to redraw at its new size (the
// ResizeObserver's frame), then to settle.
export async function resizeViewport(page, width, height, sel = WIDGET) {
  const before = await page.evaluate((s) => {
    const el = document.querySelector(s), c = (el.shadowRoot || el).querySelector('canvas');
    return { frames: el.__tend._debug.frames, w: c.getBoundingClientRect().width };
  }, sel);
  await page.setViewportSize({ width, height });
  const w = await page.evaluate((s) => { const el = document.querySelector(s); return (el.shadowRoot || el).querySelector('canvas').getBoundingClientRect().width; }, sel);
  if (w !== before.w) {
    await page.waitForFunction(([s, f]) => document.querySelector(s).__tend._debug.frames > f, [sel, before.frames], { timeout: 5000 })
      .catch(() => { throw new Error(`the widget drew nothing after the viewport became ${width} px wide`); });
  }
  await waitStable(page, sel);
}

export async function waitForStep(page, stepId, sel = WIDGET, timeout = 8000) {
  try {
    await page.waitForFunction(([s, id]) => { const st = document.querySelector(s).__tend.state(); return st && st.stepId === id; },
      [sel, stepId], { timeout });
  } catch (e) {
    const st = await state(page, sel);
    throw new Error(`expected step "${stepId}", the widget is on "${st && st.stepId}"`);
  }
  await waitStable(page, sel);
}

export async function findTarget(page, id, label, sel = WIDGET) {
  const all = await targets(page, sel);
  const hit = all.find((t) => t.id === id && (label === undefined || t.label === label));
  if (!hit) throw new Error(`no control ${id}${label !== undefined ? ` "${label}"` : ''} on screen; there are: ` +
    all.map((t) => `${t.id} "${t.label}"`).join(', '));
  return hit;
}

// Scrolls a rectangle of the canvas (CSS px) into the middle of the viewport, instantly,
// and returns its centre in viewport coordinates.
async function bringIntoView(page, rect, sel) {
  await waitScrollStill(page);
  return page.evaluate(async ([s, r]) => {
    const el = document.querySelector(s), c = (el.shadowRoot || el).querySelector('canvas');
    const frame = () => new Promise((res) => requestAnimationFrame(() => res()));
    let box = c.getBoundingClientRect();
    const cy = box.top + r.y + r.h / 2;
    if (cy < 60 || cy > innerHeight - 60) {
      window.scrollTo({ top: window.scrollY + cy - innerHeight / 2, behavior: 'instant' });
      await frame(); await frame();
      box = c.getBoundingClientRect();
    }
    return { x: box.left + r.x + r.w / 2, y: box.top + r.y + r.h / 2 };
  }, [sel, rect]);
}

// A real mouse click on the middle of a control the widget drew.
export async function clickTarget(page, id, label, sel = WIDGET) {
  const t = await findTarget(page, id, label, sel);
  const p = await bringIntoView(page, t, sel);
  const f0 = await frames(page, sel);
  await page.mouse.move(p.x, p.y, { steps: 2 });
  await page.mouse.down();
  await sleep(30);
  await page.mouse.up();
  await waitFrame(page, f0, sel);
  return t;
}

// Clicks into the reply <textarea> the widget placed over the canvas, and types.
export async function typeReply(page, text, sel = WIDGET, { click = true } = {}) {
  const field = page.locator(`${sel} .tend-field`);
  await field.waitFor({ state: 'visible' });
  if (click) {
    const r = await page.evaluate((s) => {
      const el = document.querySelector(s), r = el.shadowRoot || el, f = r.querySelector('.tend-field').getBoundingClientRect(), c = r.querySelector('canvas').getBoundingClientRect();
      return { x: f.left - c.left, y: f.top - c.top, w: f.width, h: f.height };
    }, sel);
    const p = await bringIntoView(page, r, sel);
    await page.mouse.click(p.x, p.y);
  }
  await typeText(page, text);
}

// Real key presses for the first few characters, then the rest as one text insertion (as an
// IME, dictation or a paste delivers it): both are 'input' events the widget must follow, and
// typing every character through software WebGL on two cores would take seconds per reply.
export async function typeText(page, text, keyed = 8) {
  const chars = [...text];
  await page.keyboard.type(chars.slice(0, keyed).join(''), { delay: 5 });
  if (chars.length > keyed) await page.keyboard.insertText(chars.slice(keyed).join(''));
}

export const fieldValue = (page, sel = WIDGET) => page.evaluate((s) => { const el = document.querySelector(s); return (el.shadowRoot || el).querySelector('.tend-field').value; }, sel);

// ---- pictures -----------------------------------------------------------------------------

// Decodes a PNG (8-bit RGB/RGBA, non-interlaced: what Chromium's screenshots are) into
// { width, height, channels, data } with zlib only.
export function decodePng(buf) {
  const sig = '89504e470d0a1a0a';
  if (buf.subarray(0, 8).toString('hex') !== sig) throw new Error('not a PNG');
  let off = 8, width = 0, height = 0, depth = 0, type = 0, interlace = 0;
  const idat = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off), kind = buf.toString('ascii', off + 4, off + 8);
    const body = buf.subarray(off + 8, off + 8 + len);
    if (kind === 'IHDR') { width = body.readUInt32BE(0); height = body.readUInt32BE(4); depth = body[8]; type = body[9]; interlace = body[12]; }
    if (kind === 'IDAT') idat.push(body);
    if (kind === 'IEND') break;
    off += 12 + len;
  }
  if (depth !== 8 || interlace !== 0 || (type !== 2 && type !== 6)) throw new Error(`unsupported PNG (depth ${depth}, type ${type})`);
  const channels = type === 6 ? 4 : 3, stride = width * channels;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const data = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)], line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = data.subarray(y * stride, (y + 1) * stride), prev = y ? data.subarray((y - 1) * stride, y * stride) : null;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? out[x - channels] : 0, b = prev ? prev[x] : 0, c = prev && x >= channels ? prev[x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) { const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c); v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c; }
      out[x] = v & 255;
    }
  }
  return { width, height, channels, data };
}

// Luma statistics of a decoded image (or of a rectangle of it, in image pixels).
export function lumaStats(img, rect = { x: 0, y: 0, w: img.width, h: img.height }) {
  let n = 0, sum = 0, sum2 = 0, min = 255, max = 0;
  const x0 = Math.max(0, Math.floor(rect.x)), y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(img.width, Math.ceil(rect.x + rect.w)), y1 = Math.min(img.height, Math.ceil(rect.y + rect.h));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * img.width + x) * img.channels;
      const l = 0.2126 * img.data[i] + 0.7152 * img.data[i + 1] + 0.0722 * img.data[i + 2];
      n++; sum += l; sum2 += l * l; if (l < min) min = l; if (l > max) max = l;
    }
  }
  const mean = n ? sum / n : 0;
  return { n, mean, variance: n ? sum2 / n - mean * mean : 0, min, max };
}

// Mean absolute RGB difference of the same rectangle in two decoded images of equal size.
export function meanDiff(a, b, rect) {
  let n = 0, d = 0;
  const x0 = Math.max(0, Math.floor(rect.x)), y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(a.width, Math.ceil(rect.x + rect.w)), y1 = Math.min(a.height, Math.ceil(rect.y + rect.h));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * a.width + x) * a.channels, j = (y * b.width + x) * b.channels;
      d += Math.abs(a.data[i] - b.data[j]) + Math.abs(a.data[i + 1] - b.data[j + 1]) + Math.abs(a.data[i + 2] - b.data[j + 2]);
      n++;
    }
  }
  return n ? d / (3 * n) : 0;
}

// ---- walking the flagship ------------------------------------------------------------------

// The widget's own words, as a reader of an English exercise meets them (src/screen/words/).
export const SAY = JSON.parse(fs.readFileSync(path.join(root, 'src/screen/words/en.json'), 'utf8')).words;

// The smallest exercise a test can give Tend.mount inline: one question, an end, a grounding step.
export const oneQuestion = (id) => ({ format: 'tend.exercise/1', id, version: '1', language: 'en', title: 'One question', minutes: 2,
  intro: 'One question, at your own pace.', disclaimer: 'A practice, not therapy.',
  safety: { step: 'ground', resources: [] },
  steps: [{ id: 'ask', kind: 'text', prompt: 'What do you notice right now?' },
    { id: 'done', kind: 'end', text: ['Thank you.'] },
    { id: 'ground', kind: 'say', text: ['Feet on the floor.'], next: '@return' }] });

export const FLAGSHIP_ID = 'self-compassion-impossible';
export const FLAGSHIP = JSON.parse(fs.readFileSync(path.join(root, 'exercises', FLAGSHIP_ID + '.json'), 'utf8'));
export function optionLabel(stepId, optionId, exercise = FLAGSHIP) {
  const step = exercise.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`no step ${stepId} in ${exercise.id}`);
  if (optionId === '@other') return step.other.label;
  const o = step.options.find((x) => x.id === optionId);
  if (!o) throw new Error(`no option ${optionId} in ${stepId}`);
  return o.label;
}

// What a reader does on each step, by step id: the path a test walks is whatever the
// widget's branching makes of these answers. Actions: ['continue'] ['skip'] ['choose', id]
// ['other', text] ['scale', n] ['type', text]. 'continue' is implied at the end unless the
// list ends in 'skip'; an end step takes none.
export const WORDS = {
  body: 'A tightness in my chest — then, oddly, a little warmth.',
  partSays: 'It says “don’t get soft, you’ll stop trying”…',
  fear: 'That I’d stop trying, and let everyone down.',
  savour: 'Warm, a bit strange, my breath slowed down.',
};
// The main path: curious toward the part, willing, keep going at the check-in (16 screens).
export const LONG_PATH = {
  arrive: [],
  kind_phrase: [['choose', 'go_gently']],
  reach_offer: [],
  reach_notice: [['type', WORDS.body]],
  distress_first: [['scale', 4]],
  which_part: [['choose', 'critic'], ['choose', 'protector']],
  part_permission: [['choose', 'yes']],
  feel_toward: [['choose', 'curious']],
  part_speaks: [['type', WORDS.partSays]],
  checkin_first: [['choose', 'keep_going']],
  part_fear: [['type', WORDS.fear]],
  part_hopes: [['skip']],
  distress_mid: [['scale', 3]],
  acknowledge: [['choose', 'see_you']],
  acknowledge_offer: [],
};
// Nothing pushed back: the savouring branch, shorter (for the keyboard).
export const SHORT_PATH = {
  arrive: [],
  kind_phrase: [['other', 'May I go slowly.']],
  reach_offer: [],
  reach_notice: [['skip']],
  distress_first: [['skip']],
  which_part: [['choose', 'nothing']],
  savour: [],
  savour_notice: [['type', WORDS.savour]],
};

// The flagship's only breathing pacer is on its grounding path (ground_breathe, "offered"):
// a reader reaches it by "Pause and get help", then Continue through the grounding screens.
// Where the pacer is offered rather than started, the reader chooses to breathe with it
// (the widget's "Breathe with the pacer"); returns the pause step's id.
export const PACER_STEP = (() => {
  const from = FLAGSHIP.steps.findIndex((s) => s.id === FLAGSHIP.safety.step);
  return FLAGSHIP.steps.slice(from).find((s) => s.kind === 'pause').id;
})();
// `keys`: a keyboard driver (a11y_kit's keyboardOnly, whose target() takes a control's key
// and works the DOM mirror); without one, the pointer on the canvas.
export async function toGroundingPacer(page, keys = null, sel = WIDGET) {
  const press = async (key, label) => (keys ? keys.target(key) : clickTarget(page, '##' + key, label, sel));
  await press('need_pause', SAY.need_pause);
  await waitForStep(page, FLAGSHIP.safety.step, sel);
  for (let guard = 0; guard < 10 && (await state(page, sel)).stepId !== PACER_STEP; guard++) {
    const at = (await state(page, sel)).stepId;
    await press('continue', SAY.continue_button);
    await page.waitForFunction(([s, id]) => document.querySelector(s).__tend.state().stepId !== id, [sel, at], { timeout: 8000 });
    await waitStable(page, sel);
  }
  await waitForStep(page, PACER_STEP, sel);
  const start = await page.evaluate(([s, label]) => {
    const b = [...document.querySelectorAll(s + ' [data-k]')].find((e) => e.textContent.trim() === label);
    return b ? b.getAttribute('data-k') : null;
  }, [sel, SAY.pacer_start]);
  if (start) {
    await press(start, SAY.pacer_start);
    await waitStable(page, sel);
  }
  return PACER_STEP;
}

export function pointerDriver(page, sel = WIDGET) {
  return {
    name: 'pointer',
    start: async () => {},
    continue: () => clickTarget(page, '##continue', 'Continue', sel),
    skip: () => clickTarget(page, '##skip', 'Skip', sel),
    choose: (stepId, id) => clickTarget(page, id === '@other' ? '##other' : '##option', optionLabel(stepId, id), sel),
    scale: (n) => clickTarget(page, '##scale', String(n), sel),
    type: (text) => typeReply(page, text, sel),
    target: (id, label) => clickTarget(page, id, label, sel),
    stepped: async () => {},
  };
}

// The keyboard works real elements: the widget's DOM mirror of the step (buttons, radios,
// checkboxes, the reply box), in the page's tab order, each laid over the control the canvas
// drew for it ([data-k] = the target's key). Tab/Shift+Tab move between controls, arrows
// within a radio group (which, natively, also selects). Each move also checks that the canvas
// draws the focus ring on the control the page has focused (targets()[i].focused).
export function keyboardDriver(page, sel = WIDGET) {
  let presses = 0;
  const info = () => page.evaluate((s) => {
    const el = document.querySelector(s), a = document.activeElement;
    const order = Array.prototype.map.call(el.querySelectorAll('[data-k]'), (e) => e.getAttribute('data-k'));
    return {
      inside: !!(a && el.contains(a)), tag: a ? a.tagName : '', type: a && a.type ? a.type : '', name: a && a.name ? a.name : '',
      key: a && a.getAttribute ? a.getAttribute('data-k') : null, order, targets: el.__tend._debug.targets(),
      groups: Array.prototype.map.call(el.querySelectorAll('[data-k]'), (e) => e.name || ''),
    };
  }, sel);
  const press = (key) => pressKey(page, key, sel);
  // The ring is drawn where the focus is (a frame late: waitStable has let it come).
  const checkRing = (f) => {
    const ringed = f.targets.filter((t) => t.focused).map((t) => t.key);
    const expect = f.inside && f.key && f.targets.some((t) => t.key === f.key) ? [f.key] : [];
    if (JSON.stringify(ringed) !== JSON.stringify(expect)) {
      throw new Error(`focus ring on [${ringed.join(', ')}] but the page's focus is on ${f.inside ? f.key || f.tag : 'something outside the widget'}`);
    }
  };
  const moveTo = async (match, what) => {
    const path = [];
    for (let i = 0; i < 40; i++) {
      const f = await info();
      checkRing(f);
      const want = f.targets.find(match);
      if (!want) throw new Error(`no control ${what} on screen: ${f.targets.map((t) => `${t.key} "${t.label}"`).join(', ')}`);
      if (f.inside && f.key === want.key) return want;
      path.push(f.inside ? f.key || f.tag.toLowerCase() : 'outside');
      const from = f.inside && f.key ? f.order.indexOf(f.key) : -1, to = f.order.indexOf(want.key);
      if (to < 0) throw new Error(`the control ${what} (key ${want.key}) has no element in the DOM mirror`);
      const sameGroup = from >= 0 && f.type === 'radio' && f.groups[from] && f.groups[from] === f.groups[to];
      if (sameGroup) await press(to > from ? 'ArrowDown' : 'ArrowUp');
      else await press(from > to ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`the keyboard never reached ${what}; focus went ${path.join(' → ')}`);
  };
  const activate = async (id, label) => {
    const want = await moveTo((t) => t.id === id && (label === undefined || t.label === label), `${id} "${label}"`);
    const f = await info();
    // Buttons take Space and Enter (use both); a radio reached by arrows is chosen already,
    // Space chooses it when it was reached by Tab; a checkbox toggles with Space.
    if (f.type === 'radio' || f.type === 'checkbox') await press('Space');
    else await press(presses++ % 2 === 0 ? 'Space' : 'Enter');
    return want;
  };
  return {
    name: 'keyboard',
    start: async () => {
      await page.evaluate(() => { if (document.activeElement) document.activeElement.blur(); window.scrollTo(0, 0); });
      for (let i = 0; i < 40; i++) {
        const f0 = await frames(page, sel);
        await page.keyboard.press('Tab'); // (through the page's own links first: no frames for those)
        if ((await info()).inside) { await waitFrame(page, f0, sel); return; }
      }
      throw new Error('Tab never entered the widget');
    },
    continue: () => activate('##continue', 'Continue'),
    skip: () => activate('##skip', 'Skip'),
    choose: (stepId, id) => activate(id === '@other' ? '##other' : '##option', optionLabel(stepId, id)),
    scale: (n) => activate('##scale', String(n)),
    type: async (text) => {
      const path = [];
      for (let i = 0; i < 40; i++) {
        const f = await info();
        if (f.inside && f.tag === 'TEXTAREA') { await typeText(page, text); await waitStable(page, sel); return; }
        path.push(f.inside ? f.key || f.tag.toLowerCase() : 'outside');
        // The reply box comes after the question's controls and before Back/Skip/Continue.
        const from = f.inside && f.key ? f.order.indexOf(f.key) : -1;
        const navFirst = f.order.findIndex((k) => k === 'back' || k === 'skip' || k === 'continue');
        await press(from >= 0 && navFirst >= 0 && from >= navFirst ? 'Shift+Tab' : 'Tab');
      }
      throw new Error(`the keyboard never reached the reply box; focus went ${path.join(' → ')}`);
    },
    target: (id, label) => activate(id, label),
    stepped: async () => { await waitStable(page, sel); },
  };
}

// Walks the widget from wherever it is to an end step, following `plan`; checks on the way
// that each typed reply reached the engine. Returns the step ids visited, in order.
// `exercise` (the parsed JSON; the flagship unless given) tells which steps are ends.
export async function runPlan(page, plan, driver, sel = WIDGET, { stopAt, exercise = FLAGSHIP } = {}) {
  const visited = [];
  await driver.start();
  for (let guard = 0; guard < 60; guard++) {
    const st = await state(page, sel);
    visited.push(st.stepId);
    if (stopAt && st.stepId === stopAt) return visited;
    const step = exercise.steps.find((s) => s.id === st.stepId);
    if (step && step.kind === 'end') return visited;
    const actions = plan[st.stepId];
    if (!actions) throw new Error(`the walk reached step "${st.stepId}", which the plan doesn't cover (visited: ${visited.join(' → ')})`);
    let skipped = false;
    for (const [what, arg] of actions) {
      if (what === 'skip') { await driver.skip(); skipped = true; }
      else if (what === 'choose') await driver.choose(st.stepId, arg);
      else if (what === 'other') {
        await driver.choose(st.stepId, '@other');
        await waitStable(page, sel);
        await driver.type(arg);
      } else if (what === 'scale') await driver.scale(arg);
      else if (what === 'type') await driver.type(arg);
      else throw new Error('unknown action ' + what);
      if (what === 'type' || what === 'other') {
        await page.waitForFunction(([s, id, text, key]) => {
          const a = document.querySelector(s).__tend.state().answers[id];
          return a && a[key] === text;
        }, [sel, st.stepId, arg, what === 'type' ? 'text' : 'other'], { timeout: 5000 })
          .catch(() => { throw new Error(`typed "${arg}" on ${st.stepId}, but the widget's state doesn't have it`); });
      }
      await waitStable(page, sel);
    }
    if (!skipped) await driver.continue();
    await page.waitForFunction(([s, id]) => document.querySelector(s).__tend.state().stepId !== id, [sel, st.stepId], { timeout: 8000 })
      .catch(() => { throw new Error(`${driver.name}: still on "${st.stepId}" after ${JSON.stringify(actions)} and ${skipped ? 'Skip' : 'Continue'}`); });
    await waitStable(page, sel);
    await driver.stepped();
  }
  throw new Error('the walk never reached an end step: ' + visited.join(' → '));
}
