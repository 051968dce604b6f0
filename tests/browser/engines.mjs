// The three engines a reader's browser is built on, behind one page interface, so a browser
// test is written once and run in each: Chromium (Debian's, headless, playwright-core, as in
// harness.mjs), Firefox ESR (puppeteer-core over WebDriver BiDi) and WebKitGTK's MiniBrowser
// (selenium-webdriver and WebKitWebDriver). Firefox and WebKit run in a window on an Xvfb
// display this file starts (with no display they get no WebGL); notes on what each can and
// can't stand in for are in docs/browsers.md.
//
// A page here is the small part of Playwright's Page that harness.mjs and a11y_kit.mjs use:
// evaluate(fn, arg), waitForFunction(fn, arg, { timeout }), mouse.{move, down, up, click},
// keyboard.{press, type, insertText}, touchscreen.tap, locator(sel).{click, count, waitFor},
// reload(), close(), and `errors` (filled by errors()). So the harness's widget drivers
// (pointerDriver, keyboardDriver, domDriver, runPlan, …) drive every engine as they are.
// Chromium's page IS a Playwright page (nothing in between).
//
// What a test would do with init scripts or request routing goes through the test server
// instead, the same way in every engine (WebKit's classic WebDriver has neither): a page
// opened with open(path, { init: ['noStorage', …] }) is served with <script src> tags for
// those scripts (INIT below) first in its <head>, under the same strict CSP, and every page
// gets 'errors' (what went wrong, kept in the page: WebKit's driver sees no console) and
// 'downloads' (what the widget hands the browser to save, kept in the page: only Chromium's
// driver can catch a download).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import net from 'node:net';
import { chromium } from 'playwright-core';
import * as H from './harness.mjs';
import { serve, CSP } from '../../scripts/serve.mjs';
import { lateScriptBody, cspSource } from '../../web/embed/late_script.js';

export const ENGINES = ['chromium', 'firefox', 'webkit'];
const FIREFOX = process.env.TEND_FIREFOX || '/usr/bin/firefox-esr';
const MINIBROWSER = process.env.TEND_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const WEBKITDRIVER = process.env.TEND_WEBKITDRIVER || '/usr/bin/WebKitWebDriver';

// ---- scripts that run first in a test page ------------------------------------------------
// (Each is served as `(function <its source>)()`, so each is written as a method: name() {…}.)

export const INIT = {
  // Everything that goes wrong in the page, where any driver can read it.
  errors() {
    const list = window.__tendErrors = [];
    addEventListener('error', (e) => list.push('error: ' + (e.message || (e.target && e.target.src) || e.type)), true);
    addEventListener('unhandledrejection', (e) => list.push('unhandled rejection: ' + (e.reason && e.reason.message || e.reason)));
    document.addEventListener('securitypolicyviolation', (e) => list.push('CSP: ' + e.violatedDirective + ' ' + e.blockedURI));
    const error = console.error;
    console.error = function () { list.push(Array.prototype.map.call(arguments, String).join(' ')); return error.apply(this, arguments); };
  },
  // What the widget asks the browser to download: the <a download> it clicks, and the blob.
  // The file itself is not saved (only Chromium's driver could catch it; the others would
  // ask where to put it or write into the home folder).
  downloads() {
    const saved = window.__tendDownloads = [], blobs = new Map();
    const create = URL.createObjectURL;
    URL.createObjectURL = function (b) { const u = create.call(URL, b); blobs.set(u, b); return u; };
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      const blob = this.hasAttribute('download') && blobs.get(this.href);
      if (!blob) return click.call(this);
      const entry = { name: this.download, type: blob.type, text: null, inWidget: !!this.closest('.tend-frame') };
      saved.push(entry);
      blob.text().then((t) => { entry.text = t; });
    };
  },
  // WebGL as WebKit has it when switched off: the interfaces gone, no context.
  noWebGL() {
    delete window.WebGLRenderingContext;
    delete window.WebGL2RenderingContext;
    const get = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type) { return /webgl/i.test(String(type)) ? null : get.apply(this, arguments); };
  },
  // Cookies and site data blocked: window.localStorage throws.
  noStorage() {
    Object.defineProperty(window, 'localStorage', {
      configurable: true, get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  },
  // The site's storage full.
  fullStorage() {
    Storage.prototype.setItem = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  },
  // An on-screen keyboard, as iOS Safari has one: it covers the lower part of the page and
  // shrinks only the visual viewport (the layout viewport, and so the page, stay as they were).
  // window.__tendKeyboard(px) opens it over that many px (0 closes it), with visualViewport's
  // resize event. A stand-in: no engine here has an on-screen keyboard (docs/browsers.md).
  fakeKeyboard() {
    let covered = 0;
    const vv = new EventTarget(), root = () => document.documentElement;
    const get = (f) => ({ get: f, configurable: true });
    Object.defineProperties(vv, {
      width: get(() => root().clientWidth), height: get(() => root().clientHeight - covered),
      offsetTop: get(() => 0), offsetLeft: get(() => 0), pageTop: get(() => scrollY), pageLeft: get(() => scrollX), scale: get(() => 1),
    });
    Object.defineProperty(window, 'visualViewport', { configurable: true, get: () => vv });
    window.__tendKeyboard = (px) => { covered = px; vv.dispatchEvent(new Event('resize')); };
  },
  // What navigator.storage.persist() was asked and answered (the real one is still called).
  watchPersist() {
    const log = window.__tendPersist = [];
    if (!navigator.storage || !navigator.storage.persist) return;
    const persist = navigator.storage.persist.bind(navigator.storage);
    navigator.storage.persist = function () {
      const entry = { at: (document.querySelector('[data-tend-exercise]') || {}).__tend?.state()?.stepId ?? null, answer: null };
      log.push(entry);
      return persist().then((v) => { entry.answer = v; return v; });
    };
  },
};

// The test server: the built site (scripts/serve.mjs, strict CSP), plus /__test/: the init
// scripts, axe-core, and a page that holds another in a phone-sized frame. A page opened
// with ?late has the snippet's script in place of its <script src=".../tend.js" defer> tag
// (tend.js added after load and the first paint, with its integrity hash), and the CSP
// allows that script by its hash.
function testServer(site) {
  const axeSource = fs.readFileSync(path.join(H.root, 'node_modules/axe-core/axe.min.js'));
  return serve(site, 0, {
    before(req, res, urlPath, send) {
      const url = new URL(req.url, 'http://x');
      if (urlPath === '/__test/axe.js') { send(res, 200, 'text/javascript; charset=utf-8', axeSource); return true; }
      const m = /^\/__test\/init\/(\w+)\.js$/.exec(urlPath);
      if (m && INIT[m[1]]) { send(res, 200, 'text/javascript; charset=utf-8', `(function ${INIT[m[1]]})();\n`); return true; }
      if (urlPath === '/__test/phone.html') {
        const w = Number(url.searchParams.get('w')) || 390, h = Number(url.searchParams.get('h')) || 844;
        const src = url.searchParams.get('src') || '/demo/';
        const esc = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
        send(res, 200, 'text/html; charset=utf-8', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>phone</title></head>` +
          `<body style="margin:0"><iframe title="the article" src="${esc(src)}" style="position:absolute;left:0;top:0;width:${w}px;height:${h}px;border:0"></iframe></body></html>`);
        return true;
      }
      const init = url.searchParams.get('init');
      if (init !== null && (urlPath.endsWith('/') || urlPath.endsWith('.html'))) {
        const file = path.join(site, path.normalize(urlPath), urlPath.endsWith('/') ? 'index.html' : '');
        if (!file.startsWith(site) || !fs.existsSync(file)) return false;
        const tags = init.split(',').filter((n) => INIT[n]).map((n) => `<script src="/__test/init/${n}.js"></script>`).join('');
        const html = fs.readFileSync(file, 'utf8').replace(/<head>/i, (h) => h + tags);
        if (!url.searchParams.has('late')) { send(res, 200, 'text/html; charset=utf-8', html); return true; }
        const tag = /<script src="([^"]*tend\.js)" defer><\/script>/.exec(html);
        if (!tag) return false;
        const hash = 'sha384-' + crypto.createHash('sha384').update(fs.readFileSync(path.join(site, 'tend.js'))).digest('base64');
        const body = lateScriptBody(tag[1], hash);
        cspSource(body, (b) => crypto.webcrypto.subtle.digest('SHA-256', b)).then((source) => send(res, 200, 'text/html; charset=utf-8',
          html.replace(tag[0], () => `<script>${body}</script>`), { csp: CSP.replace("script-src 'self'", `script-src 'self' ${source}`) }));
        return true;
      }
      return false;
    },
  });
}

// ---- a display for the windowed engines ----------------------------------------------------

let display = null; // { name, proc, users }
async function useDisplay() {
  if (process.env.DISPLAY && !process.env.TEND_OWN_DISPLAY) return { name: process.env.DISPLAY, release() {} };
  if (!display) {
    const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x1100x24', '-nolisten', 'tcp', '-ac'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] });
    let err = '';
    proc.stderr.on('data', (d) => { err += d; });
    const name = await new Promise((resolve, reject) => {
      let out = '';
      proc.stdio[3].on('data', (d) => { out += d; if (out.includes('\n')) resolve(':' + out.trim()); });
      proc.on('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err.slice(-400)}`)));
    });
    display = { name, proc, users: 0 };
    process.on('exit', () => { try { proc.kill(); } catch { /* gone */ } });
  }
  display.users++;
  const d = display;
  return {
    name: d.name,
    release() {
      if (--d.users > 0) return;
      d.proc.kill();
      if (display === d) display = null;
    },
  };
}

const freePort = () => new Promise((resolve) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ---- one engine ------------------------------------------------------------------------------

// Starts the test server and `engine` ('chromium' | 'firefox' | 'webkit'). noWebGL: the
// browser itself has WebGL switched off (Firefox's webgl.disabled, MiniBrowser's
// --enable-webgl=false); Chromium has no switch that removes it the way WebKit does, so
// there it is the noWebGL init script, on every page.
// Returns { engine, base, newPage(options), close() }.
export async function start(engine, { noWebGL = false, site = H.siteDir } = {}) {
  if (!fs.existsSync(path.join(site, 'tend.js'))) throw new Error(`no built site in ${site}: run scripts/build-web`);
  const server = await testServer(path.resolve(site));
  const base = `http://127.0.0.1:${server.address().port}`;
  const impl = await ({ chromium: startChromium, firefox: startFirefox, webkit: startWebKit })[engine]({ noWebGL, base });
  const pages = new Set();
  return {
    engine, base,
    // Reads the browser's own switches (for a test to say what it ran with).
    noWebGL,
    // { width, height, dpr, phone, reducedMotion }: phone = a phone's width with touch (as far
    // as the engine's driver can: see docs/browsers.md).
    async newPage(options = {}) {
      const p = await impl.newPage({ width: 1024, height: 900, dpr: 1, ...options });
      p.engine = engine;
      p.base = base;
      p.errors = [];
      const extra = noWebGL && engine === 'chromium' ? ['noWebGL'] : [];
      // Opens `where` (a path on the test server) with the init scripts named.
      p.open = async (where, { init = [] } = {}) => {
        const names = ['errors', 'downloads', ...extra, ...init];
        const url = base + where + (where.includes('?') ? '&' : '?') + 'init=' + names.join(',');
        await p.load(url);
      };
      // The errors the page has kept, and the driver's own where it has any.
      p.collectErrors = async () => {
        const inPage = await p.evaluate(() => (window.__tendErrors || []).slice()).catch(() => []);
        p.errors = [...new Set([...(p.driverErrors || []), ...inPage])];
        return p.errors;
      };
      pages.add(p);
      const close = p.close.bind(p);
      p.close = async () => { pages.delete(p); await close(); };
      return p;
    },
    async closePages() { for (const p of [...pages]) await p.close().catch(() => {}); },
    async close() {
      for (const p of [...pages]) await p.close().catch(() => {});
      await impl.close().catch(() => {});
      await new Promise((r) => server.close(r));
    },
  };
}

// Chromium: a Playwright page, as in harness.mjs (same flags).
async function startChromium() {
  const browser = await chromium.launch({ executablePath: process.env.TEND_CHROMIUM || '/usr/bin/chromium', args: H.CHROMIUM_ARGS, headless: true });
  return {
    async newPage({ width, height, dpr, phone, reducedMotion = 'no-preference' }) {
      const ctx = await browser.newContext(phone
        ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, reducedMotion }
        : { viewport: { width, height }, deviceScaleFactor: dpr, reducedMotion });
      await ctx.route('**/favicon.ico', (r) => r.fulfill({ status: 204, body: '' }));
      const page = await ctx.newPage();
      page.driverErrors = [];
      page.on('pageerror', (e) => page.driverErrors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') page.driverErrors.push(m.text()); });
      page.load = (url) => page.goto(url);
      const close = page.close.bind(page);
      page.close = async () => { await close(); await ctx.close(); };
      return page;
    },
    close: () => browser.close(),
  };
}

// ---- Firefox, over WebDriver BiDi ------------------------------------------------------------

async function startFirefox({ noWebGL }) {
  const puppeteer = (await import('puppeteer-core')).default;
  const disp = await useDisplay();
  let browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox', executablePath: FIREFOX, headless: false, protocolTimeout: 300000,
      env: { ...process.env, DISPLAY: disp.name, MOZ_CRASHREPORTER_DISABLE: '1' },
      extraPrefsFirefox: {
        'webgl.disabled': noWebGL,
        // The page gets the pointer events a touch screen sends.
        'dom.w3c_touch_events.enabled': 1,
        'browser.shell.checkDefaultBrowser': false,
      },
    });
  } catch (e) { disp.release(); throw e; }
  return {
    async newPage({ width, height, dpr, phone }) {
      const ctx = await browser.createBrowserContext();
      const page = await ctx.newPage();
      // A phone here is its width, density and touch input: BiDi has no "mobile" emulation.
      await page.setViewport(phone ? { width: 390, height: 844, deviceScaleFactor: 3, hasTouch: true } : { width, height, deviceScaleFactor: dpr });
      return firefoxPage(page, ctx);
    },
    async close() { await browser.close(); disp.release(); },
  };
}

function firefoxPage(page, ctx) {
  const p = {
    driverErrors: [],
    load: (url) => page.goto(url, { waitUntil: 'load' }),
    reload: () => page.reload({ waitUntil: 'load' }),
    evaluate: (fn, arg) => page.evaluate(fn, arg),
    // Whether fn(arg) is truthy, judged in the page (an element isn't serialisable over BiDi).
    truthy: (fn, arg) => page.evaluate(`(async () => !!(await (${fn})(${JSON.stringify(arg === undefined ? null : arg)})))()`),
    waitForFunction: (fn, arg, o = {}) => poll(p, fn, arg, o.timeout),
    mouse: {
      // Without `steps`: with them the move starts from the last position, which after a
      // viewport change can be out of bounds (docs/browsers.md).
      move: (x, y) => page.mouse.move(x, y),
      down: () => page.mouse.down(),
      up: () => page.mouse.up(),
      click: (x, y) => page.mouse.click(x, y),
    },
    keyboard: {
      press: (combo) => pressCombo(page.keyboard, combo),
      type: (text, o = {}) => page.keyboard.type(text, { delay: o.delay || 0 }),
      insertText: (text) => insertText(p, text),
    },
    touchscreen: { tap: (x, y) => page.touchscreen.tap(x, y) },
    locator: (sel) => locator(p, sel),
    viewport: () => page.viewport(),
    close: async () => { await page.close().catch(() => {}); await ctx.close().catch(() => {}); },
  };
  page.on('pageerror', (e) => p.driverErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') p.driverErrors.push(m.text()); });
  return p;
}

async function pressCombo(kb, combo) {
  const keys = combo.split('+').map((k) => (k === 'Space' ? ' ' : k)), key = keys.pop(); // Playwright's name for it
  for (const m of keys) await kb.down(m);
  await kb.press(key);
  for (const m of keys.reverse()) await kb.up(m);
}

// ---- WebKitGTK, over WebKitWebDriver --------------------------------------------------------

async function startWebKit({ noWebGL, base }) {
  const { Builder, Key, Origin } = await import('selenium-webdriver');
  const disp = await useDisplay();
  const port = await freePort();
  const driverProc = spawn(WEBKITDRIVER, [`--port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, DISPLAY: disp.name } });
  let driverErr = '';
  driverProc.stderr.on('data', (d) => { driverErr = (driverErr + d).slice(-2000); });
  const up = Date.now() + 15000;
  for (;;) {
    const ok = await new Promise((r) => { const s = net.connect(port, '127.0.0.1', () => { s.end(); r(true); }); s.on('error', () => r(false)); });
    if (ok) break;
    if (Date.now() > up || driverProc.exitCode !== null) { driverProc.kill(); disp.release(); throw new Error('WebKitWebDriver did not start: ' + driverErr); }
    await sleep(50);
  }
  const args = ['--automation'];
  if (noWebGL) args.push('--enable-webgl=false');
  const caps = { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args } };
  return {
    async newPage({ width, height, phone }) {
      // One session, one browser, its own (ephemeral) storage.
      const driver = await new Builder().usingServer(`http://127.0.0.1:${port}`).withCapabilities(caps).build();
      await driver.manage().setTimeouts({ script: 120000, pageLoad: 60000 });
      const p = webkitPage(driver, { Key, Origin, base, phone });
      // A phone's width is narrower than a MiniBrowser window gets (~447 px): the page is
      // held in a 390×844 frame at the window's top left instead (see /__test/phone.html).
      await p.setWindow(phone ? 800 : width, phone ? 900 : height);
      return p;
    },
    async close() { driverProc.kill(); disp.release(); },
  };
}

function webkitPage(driver, { Key, Origin, base, phone }) {
  const KEYS = {
    Tab: Key.TAB, Shift: Key.SHIFT, Enter: Key.ENTER, Escape: Key.ESCAPE, Space: ' ', End: Key.END, Home: Key.HOME,
    ArrowDown: Key.ARROW_DOWN, ArrowUp: Key.ARROW_UP, ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT, Backspace: Key.BACK_SPACE,
  };
  const key = (k) => KEYS[k] || k;
  const act = () => driver.actions({ async: true });
  let at = { x: 0, y: 0 };
  const enterFrame = async () => { if (phone) await driver.switchTo().frame(0); };
  const p = {
    driverErrors: [],
    async load(url) {
      await driver.get(phone ? `${base}/__test/phone.html?src=${encodeURIComponent(url)}` : url);
      await enterFrame();
    },
    async reload() { await driver.navigate().refresh(); await enterFrame(); },
    // The function's source and its argument, run in the page; a promise is awaited there.
    async evaluate(fn, arg) {
      const r = await driver.executeAsyncScript(
        'var done = arguments[arguments.length - 1];' +
        'try { Promise.resolve((' + fn.toString() + ')(arguments[0])).then(function (v) { done({ ok: v === undefined ? null : v }); },' +
        ' function (e) { done({ err: String(e && e.stack || e) }); }); } catch (e) { done({ err: String(e && e.stack || e) }); }', arg === undefined ? null : arg);
      if (r && 'err' in r) throw new Error('in the page: ' + r.err);
      return r ? r.ok : r;
    },
    waitForFunction: (fn, arg, o = {}) => poll(p, fn, arg, o.timeout),
    mouse: {
      move: async (x, y) => { at = { x: Math.round(x), y: Math.round(y) }; await act().move({ ...at, origin: Origin.VIEWPORT }).perform(); },
      // Each action sequence starts from where the last one left the pointer.
      down: () => act().move({ ...at, origin: Origin.VIEWPORT }).press().perform(),
      up: () => act().move({ ...at, origin: Origin.VIEWPORT }).release().perform(),
      click: async (x, y) => { at = { x: Math.round(x), y: Math.round(y) }; await act().move({ ...at, origin: Origin.VIEWPORT }).press().pause(40).release().perform(); },
    },
    keyboard: {
      async press(combo) {
        const keys = combo.split('+').map(key), last = keys.pop();
        let a = act();
        for (const m of keys) a = a.keyDown(m);
        a = a.keyDown(last).keyUp(last);
        for (const m of keys.reverse()) a = a.keyUp(m);
        await a.perform();
      },
      async type(text, o = {}) {
        for (const ch of [...text]) {
          await act().keyDown(ch).keyUp(ch).perform();
          if (o.delay) await sleep(o.delay);
        }
      },
      insertText: (text) => insertText(p, text),
    },
    // WebKitGTK's driver delivers touch actions as mouse events (docs/browsers.md).
    touchscreen: { tap: (x, y) => p.mouse.click(x, y) },
    locator: (sel) => locator(p, sel),
    // The window's outer size corrected until the page's innerWidth is what was asked.
    async setWindow(width, height) {
      let w = width, h = height;
      for (let i = 0; i < 4; i++) {
        await driver.manage().window().setRect({ x: 0, y: 0, width: w, height: h });
        const inner = await driver.executeScript('return [innerWidth, innerHeight]');
        if (inner[0] === width && inner[1] === height) return;
        w += width - inner[0]; h += height - inner[1];
      }
    },
    close: () => driver.quit(),
  };
  return p;
}

// ---- the same in every engine --------------------------------------------------------------

// Polls fn(arg) in the page until it returns something truthy (as Playwright's
// waitForFunction does); throws after `timeout` ms.
async function poll(p, fn, arg, timeout = 30000) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try { const v = await (p.truthy || p.evaluate)(fn, arg); if (v) return v; } catch (e) { last = e; }
    if (Date.now() > deadline) throw new Error(`waitForFunction: not true within ${timeout} ms` + (last ? ` (${last.message})` : ''));
    await sleep(50);
  }
}

// Words arriving at once in the focused field, as an IME, dictation or a paste delivers them:
// the browser's own insertText command (beforeinput and input, inputType insertText).
async function insertText(p, text) {
  const ok = await p.evaluate((t) => document.execCommand('insertText', false, t), text);
  if (!ok) throw new Error('insertText: the browser refused the insertion');
}

// The element `sel` (first match): scrolled to the middle of the viewport, then clicked in
// its middle with the real mouse, like Playwright's locator.click().
function locator(p, sel) {
  const rect = () => p.evaluate((s) => {
    const e = document.querySelector(s);
    if (!e) return null;
    const r = e.getBoundingClientRect(), st = getComputedStyle(e);
    return { x: r.left, y: r.top, w: r.width, h: r.height, visible: r.width > 0 && r.height > 0 && st.visibility !== 'hidden' };
  }, sel);
  return {
    count: () => p.evaluate((s) => document.querySelectorAll(s).length, sel),
    async waitFor({ state = 'visible', timeout = 30000 } = {}) {
      await poll(p, ([s, want]) => {
        const e = document.querySelector(s);
        const shown = !!e && e.getBoundingClientRect().height > 0 && getComputedStyle(e).visibility !== 'hidden';
        return want === 'visible' ? shown : !shown;
      }, [sel, state], timeout);
    },
    async click() {
      await this.waitFor();
      await p.evaluate(async (s) => {
        const e = document.querySelector(s), r = e.getBoundingClientRect();
        if (r.top < 0 || r.bottom > innerHeight) {
          scrollTo({ top: scrollY + r.top + r.height / 2 - innerHeight / 2, behavior: 'instant' });
          await new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(res)));
        }
      }, sel);
      const r = await rect();
      await p.mouse.click(r.x + r.w / 2, r.y + r.h / 2);
    },
  };
}

// axe-core in the page (from the test server, so the page's CSP allows it), with the rules
// a11y_kit.mjs runs (WCAG 2.0/2.1/2.2 A and AA); one line per violation.
export async function axe(p, label) {
  await p.evaluate(() => window.axe ? true : new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = '/__test/axe.js';
    s.onload = () => resolve(true);
    s.onerror = () => reject(new Error('axe-core did not load'));
    document.head.appendChild(s);
  }));
  const violations = await p.evaluate((tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } })
    .then((r) => r.violations.map((x) => ({ id: x.id, impact: x.impact, help: x.help,
      nodes: x.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\s+/g, ' ')) }))),
  ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  return violations.map((v) => `${label}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.join(' | ')}`);
}

// What the widget handed the browser to save (the 'downloads' init script), once its text is read.
export async function downloads(p, count = 1, timeout = 10000) {
  await p.waitForFunction(([n]) => (window.__tendDownloads || []).filter((d) => d.text !== null).length >= n, [count], { timeout });
  return p.evaluate(() => window.__tendDownloads.slice());
}
