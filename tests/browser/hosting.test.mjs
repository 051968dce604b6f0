// Tend on the sites practices really use: the published package (what `npm pack` made, as
// scripts/pack unpacked it) served from a second site like a CDN (CORS, application/wasm, a
// year's immutable cache), the articles from the first, and every form of the snippet as the
// snippet page writes it: script + element, the custom element (also from a script URL
// alone, as Wix's Custom Element takes it), the iframe with and without its resizer, and
// Wix's Embed HTML box (the script form in a fixed-height sandboxed frame on a third site).
//
// Sites are told apart by loopback address (127.0.0.1 the blog, 127.0.0.2 the files,
// 127.0.0.3 Wix's frames): other ports of one address are the same site, and third-party
// rules would never show. The reader's browser is a profile like most readers' (third-party
// storage allowed, partitioned by the top site); a second, incognito, browser is one that
// blocks it (localStorage throws SecurityError in a cross-site frame).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import * as A from './a11y_kit.mjs';
import * as H from './harness.mjs';
import { PLACE_STYLE } from '../../web/src/place.js';

const PKG = path.join(H.root, 'build-web/packed/package');
const EX = H.FLAGSHIP_ID;
const NOTICE_BLOCKED = /isn’t letting the page save anything/;
const WIX_SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-presentation';

let tmp, blogDir, wixDir, servers = [], reader, blocker, blockerBrowser;
let BLOG, FILES, FILES_ORIGIN, WIX, TAMPERED, CSP_WITHOUT_HASH;
const filesLog = [];
let snip; // what the snippet page wrote

// The CSP source that allows the inline script of a snippet: its text's sha256.
const inlineSource = (html) => `'sha256-${crypto.createHash('sha256').update(html.match(/<script>([\s\S]*?)<\/script>/)[1]).digest('base64')}'`;
// The snippet's script asking for a tend.js that isn't there.
const withoutTendJs = (html) => html.replace(`(document, "${FILES}tend.js"`, `(document, "${FILES}gone/tend.js"`);
const sha = (algo, file) => `${algo}-${crypto.createHash(algo).update(fs.readFileSync(file)).digest('base64')}`;

// An article of the practice's blog, with a snippet in it, at /<name>/ (so each test's
// answers are kept apart: the section is the path's first part). Its referrer policy is the
// old default that sends the full address, so only the widget's own policy keeps the
// article's address (and so its topic) from the files' host.
function article(name, snippet, { head = '', body = '' } = {}) {
  fs.mkdirSync(path.join(blogDir, name), { recursive: true });
  fs.writeFileSync(path.join(blogDir, name, 'index.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer-when-downgrade"><link rel="icon" href="data:,">
<title>When kindness toward yourself feels impossible</title>
<style>body { margin: 0; font: 19px/1.7 Georgia, serif; background: #f6f1ea; } main { max-width: 40rem; margin: 0 auto; padding: 2rem 1.25rem; }</style>
${head}</head><body><main><h1>When kindness toward yourself feels impossible</h1>
<p>Many people who come to see us have already read about self-compassion.</p>
${snippet}
<p>If something difficult comes up, please be kind to yourself about that too.</p>${body}
</main></body></html>`);
  return `${BLOG}/${name}/`;
}
const inFolder = (name, file, text) => { fs.mkdirSync(path.join(blogDir, name), { recursive: true }); fs.writeFileSync(path.join(blogDir, name, file), text); };
// The iframe snippet with a section of its own (the frames all share one origin, and one
// partition under this blog).
const iframeFor = (section) => snip.iframe.replace(/(embed\.html\?[^"]*)"/, `$1&amp;section=${section}"`);

// A page's errors, from every frame in it.
function watch(page) {
  page.errors = [];
  page.requests = [];
  page.on('pageerror', (e) => page.errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') page.errors.push(m.text()); });
  page.on('request', (r) => page.requests.push(r.url()));
  return page;
}

async function readerPage() {
  return watch(await reader.newPage());
}

// The frame whose URL starts with `prefix` (and holds `part`, if given), once it is there.
async function frameOf(page, prefix, part = '') {
  for (let i = 0; i < 200; i++) {
    const f = page.frames().find((x) => x.url().startsWith(prefix) && x.url().includes(part));
    if (f) return f;
    await H.sleep(25);
  }
  throw new Error(`no frame from ${prefix}: ${page.frames().map((f) => f.url()).join(', ')}`);
}

// A frame as the harness's helpers drive a page: evaluate and waitForFunction run in the
// frame, locators find its elements, and the mouse is the page's, moved by where the frame
// is (the page scrolled first if that point is out of its view).
function inFrame(page, frame) {
  const at = async (x, y) => {
    let b = await (await frame.frameElement()).boundingBox();
    const vh = page.viewportSize().height;
    if (b.y + y < 10 || b.y + y > vh - 10) {
      await page.evaluate((dy) => window.scrollBy({ top: dy, behavior: 'instant' }), b.y + y - vh / 2);
      b = await (await frame.frameElement()).boundingBox();
    }
    return { x: b.x + x, y: b.y + y };
  };
  return {
    evaluate: (...a) => frame.evaluate(...a),
    waitForFunction: (...a) => frame.waitForFunction(...a),
    locator: (s) => frame.locator(s),
    keyboard: page.keyboard,
    errors: page.errors,
    mouse: {
      move: async (x, y, o) => { const p = await at(x, y); return page.mouse.move(p.x, p.y, o); },
      click: async (x, y, o) => { const p = await at(x, y); return page.mouse.click(p.x, p.y, o); },
      down: (o) => page.mouse.down(o),
      up: (o) => page.mouse.up(o),
      wheel: (dx, dy) => page.mouse.wheel(dx, dy),
    },
  };
}

const widgetText = (p, sel) => p.evaluate((s) => { const el = document.querySelector(s); return (el.shadowRoot || el).textContent; }, sel);
const drawsOnCanvas = (p, sel) => p.evaluate((s) => {
  const el = document.querySelector(s), r = el.shadowRoot || el, c = r.querySelector('canvas');
  return !r.querySelector('.tend-frame').classList.contains('tend-dom') && el.__tend._debug.frames >= 2 && c.getBoundingClientRect().height > 200;
}, sel);
const errorsBut = (errors, ...allowed) => errors.filter((e) => !allowed.some((a) => a.test(e)));

before(async () => {
  if (!fs.existsSync(path.join(PKG, 'dist/tend.js'))) throw new Error(`no unpacked package in ${PKG}: run scripts/build-web, then scripts/pack`);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-hosting-'));
  blogDir = path.join(tmp, 'blog-site');
  wixDir = path.join(tmp, 'wix-site');
  fs.mkdirSync(blogDir, { recursive: true });
  fs.mkdirSync(wixDir, { recursive: true });

  // The files, as a CDN serves the unpacked package (and, at another port of that site, the
  // same package with one file changed in each of three folders).
  const files = await serve(PKG, 0, { host: '127.0.0.2', cdn: true, log: filesLog });
  FILES_ORIGIN = `http://127.0.0.2:${files.address().port}`;
  FILES = `${FILES_ORIGIN}/dist/`;
  const tamperedDir = path.join(tmp, 'tampered');
  for (const kind of ['wasm', 'exercise', 'css']) fs.cpSync(path.join(PKG, 'dist'), path.join(tamperedDir, kind), { recursive: true });
  // The wasm with a custom section appended: still a valid module that would run as before.
  const wasm = fs.readFileSync(path.join(PKG, 'dist/tend-engine.wasm'));
  const name = Buffer.from('x'), payload = Buffer.from('tampered');
  const section = Buffer.concat([Buffer.from([0, 1 + name.length + payload.length, name.length]), name, payload]);
  const bad = Buffer.concat([wasm, section]);
  assert.ok(WebAssembly.validate(bad), 'the tampered wasm is still a valid module (so only the check can refuse it)');
  fs.writeFileSync(path.join(tamperedDir, 'wasm/tend-engine.wasm'), bad);
  const exFile = path.join(tamperedDir, 'exercise/exercises', EX + '.json');
  const ex = JSON.parse(fs.readFileSync(exFile, 'utf8'));
  ex.intro = 'Please enter your bank details to begin.';
  fs.writeFileSync(exFile, JSON.stringify(ex));
  fs.appendFileSync(path.join(tamperedDir, 'css/tend.css'), '.tend-frame{outline:9px solid red}\n');
  const tampered = await serve(tamperedDir, 0, { host: '127.0.0.2', cdn: true });
  TAMPERED = `http://127.0.0.2:${tampered.address().port}`;


  // The reader's browser: a profile with third-party storage allowed (it is partitioned by
  // the top site), as most readers have it; and one that blocks it.
  const profile = path.join(tmp, 'profile');
  fs.mkdirSync(path.join(profile, 'Default'), { recursive: true });
  fs.writeFileSync(path.join(profile, 'Default/Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  reader = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.TEND_CHROMIUM || '/usr/bin/chromium', args: H.CHROMIUM_ARGS, headless: true,
    viewport: { width: 1024, height: 900 }, acceptDownloads: true, hasTouch: true,
  });
  blockerBrowser = await chromium.launch({ executablePath: process.env.TEND_CHROMIUM || '/usr/bin/chromium', args: H.CHROMIUM_ARGS, headless: true });
  blocker = await blockerBrowser.newContext({ viewport: { width: 1024, height: 900 }, acceptDownloads: true });

  // The snippets, as the snippet page writes them for files on this "CDN" (a practice's own
  // host: the other choices write jsDelivr's and unpkg's addresses of the same files).
  const page = await readerPage();
  await page.goto(FILES + 'snippet.html');
  await page.locator('input[name=host][value=own]').check();
  await page.fill('#own-base', FILES);
  await page.fill('#frame-base', FILES);
  await page.fill('#practice-name', 'Willow Street Counselling');
  await page.fill('#cta-link', 'https://example.org/contact');
  await page.fill('#accent', '#3f7a6b');
  snip = await page.evaluate(() => ({
    script: document.getElementById('script').value, element: document.getElementById('element').value,
    iframe: document.getElementById('iframe').value, wix: document.getElementById('wix-element').textContent,
  }));
  snip.wixUrl = snip.wix.match(/(http\S+tend\.js\?\S+)/)[1];
  snip.csp = await page.getAttribute('#csp', 'data-source');
  snip.styleCsp = await page.getAttribute('#csp', 'data-style-source');
  await page.close();

  // The blog allows scripts, styles, connections and frames from the files' site only (and
  // Wix's frames), as a careful practice's Content-Security-Policy would, and the snippet's
  // script by the hash the snippet page printed (and those of the tampered copies' snippets).
  const late = [snip.script, withoutTendJs(snip.script), ...['wasm', 'exercise', 'css'].map((k) => snip.script.replace(FILES, `${TAMPERED}/${k}/`))].map(inlineSource);
  const policy = (script) => ["default-src 'self'", script, "style-src 'self' http://127.0.0.2:* 'unsafe-inline'",
    "connect-src 'self' http://127.0.0.2:*", "frame-src 'self' http://127.0.0.2:* http://127.0.0.3:*", "img-src 'self' data: blob:", "object-src 'none'", "base-uri 'none'"].join('; ');
  const CSP = policy(`script-src 'self' http://127.0.0.2:* 'wasm-unsafe-eval' ${late.join(' ')}`);
  CSP_WITHOUT_HASH = policy("script-src 'self' http://127.0.0.2:* 'wasm-unsafe-eval'");
  const blog = await serve(blogDir, 0, { host: '127.0.0.1', csp: CSP });
  BLOG = `http://127.0.0.1:${blog.address().port}`;
  const wix = await serve(wixDir, 0, { host: '127.0.0.3', csp: CSP });
  WIX = `http://127.0.0.3:${wix.address().port}`;
  servers = [files, tampered, blog, wix];
});

after(async () => {
  await reader?.close().catch(() => {});
  await blockerBrowser?.close().catch(() => {});
  for (const s of servers) await new Promise((r) => s.close(r));
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the snippet page: runs from the package alone, shows the widget live, and writes the integrity hashes of the files it loads', async () => {
  // Harm prevented: a practice copies a snippet whose hash doesn't match (the widget never
  // loads), or the page itself phones a CDN.
  const page = await readerPage();
  await page.goto(FILES + 'snippet.html');
  await H.waitReady(page, '#preview');
  assert.ok(await drawsOnCanvas(page, '#preview'), 'the live preview draws');
  // A practice who uses a screen reader or the keyboard can use it too.
  assert.deepEqual(await A.axe(page, 'snippet page', { inPage: true }), []);
  assert.deepEqual(page.requests.filter((u) => !u.startsWith(FILES_ORIGIN + '/')), [], 'nothing asked of anyone but the package itself');
  // The hashes are those of the files in the package: tend.js's in the script that adds it
  // after the article has painted, tend-frame.js's on its tag.
  for (const s of [snip.script, snip.element]) {
    assert.ok(s.includes(`(document, "${FILES}tend.js", "${sha('sha384', path.join(PKG, 'dist/tend.js'))}")`), `the snippet adds tend.js with its hash: ${s}`);
    assert.match(s, /s\.crossOrigin = 'anonymous'; s\.referrerPolicy = 'no-referrer';/, 'with CORS and no referrer');
    assert.doesNotMatch(s, /<script src=/, 'no script tag the article fetches before it paints');
  }
  assert.ok(snip.iframe.includes(`src="${FILES}tend-frame.js" integrity="${sha('sha384', path.join(PKG, 'dist/tend-frame.js'))}" crossorigin="anonymous" referrerpolicy="no-referrer"`),
    `the iframe snippet loads tend-frame.js with its hash, CORS and no referrer: ${snip.iframe}`);
  // What a strict Content-Security-Policy needs for it is printed: the script's own hash.
  assert.equal(snip.csp, inlineSource(snip.script), 'the CSP source printed is the sha256 of the snippet\'s script');
  for (const s of [snip.script, snip.element]) assert.ok(s.includes(`\n    style="${PLACE_STYLE}"></`), `the element holds the exercise's place: ${s}`);
  const style = snip.script.match(/ style="([^"]*)"/)[1];
  assert.equal(snip.styleCsp, `'sha256-${crypto.createHash('sha256').update(style).digest('base64')}'`, "the CSP source printed for the element's style is its sha256");
  assert.ok((await page.textContent('#csp')).includes(`script-src needs ${inlineSource(await page.inputValue('#script'))} https://cdn.jsdelivr.net 'wasm-unsafe-eval'`),
    'for the CDN chosen, with its host');
  // The CDN choice writes the package's own address there.
  const manifest = JSON.parse(fs.readFileSync(path.join(PKG, 'package.json'), 'utf8'));
  await page.locator('input[name=host][value=jsdelivr]').check();
  assert.ok((await page.inputValue('#script')).includes(`https://cdn.jsdelivr.net/npm/${manifest.name}@${manifest.version}/dist/tend.js`));
  // A choice reaches the preview: the accent, live.
  const accent = () => page.evaluate(() => {
    const f = document.getElementById('preview').shadowRoot.querySelector('.tend-frame');
    return f.style.getPropertyValue('--tend-accent');
  });
  const before = await accent();
  await page.fill('#accent', '#3f7a6b');
  await page.waitForFunction(() => document.getElementById('preview').getAttribute('accent') === '#3f7a6b');
  await H.waitReady(page, '#preview');
  assert.notEqual(await accent(), before, 'the preview took the new accent');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('script + element from a CDN: draws, keeps answers across a reload, asks nothing of anyone else, tells the CDN no article', async () => {
  // Harm prevented: the widget failing cross-origin (CORS, base URL), or telling the files'
  // host which article (and so which topic) the reader is reading.
  const url = article('script', snip.script);
  const page = await readerPage();
  await page.addInitScript(() => {
    const real = WebAssembly.compileStreaming;
    window.__streamed = 0;
    WebAssembly.compileStreaming = function (...a) { window.__streamed++; return real.apply(this, a); };
  });
  filesLog.length = 0;
  await page.goto(url);
  await H.waitReady(page);
  assert.ok(await drawsOnCanvas(page, H.WIDGET), 'the canvas draws (not the DOM-only fallback)');
  assert.equal(await page.evaluate(() => window.__streamed), 1, 'the wasm was compiled while it streamed');
  await H.clickTarget(page, '##continue', 'Continue');
  await H.waitForStep(page, 'kind_phrase');
  await page.reload();
  await H.waitReady(page);
  assert.equal((await H.state(page)).stepId, 'kind_phrase', 'the answers were kept across the reload');

  const own = new Set(['tend.js', 'tend.css', 'tend-engine.wasm', `exercises/${EX}.json`].map((f) => FILES + f));
  const others = page.requests.filter((u) => !u.startsWith(BLOG + '/') && !own.has(u));
  assert.deepEqual(others, [], 'no request beyond the blog and the widget\'s own files');
  const told = filesLog.filter((r) => r.headers.referer);
  assert.deepEqual(told.map((r) => `${r.url} ← ${r.headers.referer}`), [], 'no request for the files carries a referrer');
  assert.ok(filesLog.length >= 4, `the files came from the CDN (${filesLog.length} requests)`);
  assert.deepEqual(await reader.cookies(), [], 'no cookies');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test("the snippet's script: tend.js only once the article has loaded and painted, once however often it is pasted, also when added after load; a strict policy without its hash refuses it", async () => {
  // Harm prevented: the widget's script on the way of the article's first paint (the post
  // ranks lower), two copies of Tend in one post, or a snippet that silently never loads.
  const second = snip.script.replace('data-tend-exercise=', 'id="second" data-tend-section="second" data-tend-exercise=');
  const page = await readerPage();
  await page.goto(article('late-twice', `${snip.script}\n${second}`));
  await H.waitReady(page);
  await H.waitReady(page, '#second');
  const when = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0], fcp = performance.getEntriesByName('first-contentful-paint')[0];
    const js = performance.getEntriesByType('resource').filter((e) => /\/tend\.js$/.test(e.name));
    return { loadEnd: nav.loadEventEnd, fcp: fcp ? fcp.startTime : Infinity, starts: js.map((e) => e.startTime), tags: document.querySelectorAll('script[data-tend]').length };
  });
  assert.equal(when.starts.length, 1, 'tend.js fetched once for two snippets');
  assert.equal(when.tags, 1, 'one script element added');
  assert.ok(when.starts[0] >= when.loadEnd && when.starts[0] > when.fcp, `tend.js asked for after load (${when.loadEnd} ms) and the first paint (${when.fcp} ms): ${when.starts[0]} ms`);
  assert.deepEqual(page.errors, []);
  await page.close();

  // Added after the page has loaded (a builder that inserts its blocks late): it still starts.
  const late = await readerPage();
  await late.goto(article('late-added', '<div id="slot"></div>'));
  await late.waitForFunction(() => document.readyState === 'complete');
  await late.evaluate((html) => {
    const slot = document.getElementById('slot'), t = document.createElement('template');
    t.innerHTML = html;
    for (const n of [...t.content.childNodes]) {
      if (n.nodeName !== 'SCRIPT') { slot.appendChild(n); continue; }
      const s = document.createElement('script'); // as a builder's own loader runs what it inserts
      s.textContent = n.textContent;
      slot.appendChild(s);
    }
  }, snip.script);
  await H.waitReady(late);
  assert.ok(await drawsOnCanvas(late, H.WIDGET), 'the widget draws');
  assert.deepEqual(late.errors, []);
  await late.close();

  // The same article under a policy that lacks the printed hash: the browser refuses the
  // script, so the hash is what lets it run.
  const strict = await serve(blogDir, 0, { host: '127.0.0.1', csp: CSP_WITHOUT_HASH });
  const refused = await readerPage();
  await refused.addInitScript(() => { window.__refused = []; document.addEventListener('securitypolicyviolation', (e) => window.__refused.push(e.effectiveDirective)); });
  await refused.goto(`http://127.0.0.1:${strict.address().port}/late-twice/`);
  await refused.waitForFunction(() => document.readyState === 'complete');
  await H.sleep(500);
  assert.deepEqual(await refused.evaluate(() => [window.__refused.includes('script-src-elem'), !!document.querySelector('[data-tend-exercise]').__tend]), [true, false],
    'refused by the policy, and so no widget');
  await refused.close();
  await new Promise((r) => strict.close(r));
});

test("the snippet holds the exercise's place: on the article's first screen nothing moves when it appears, and then the card's own height holds it", async () => {
  // Harm prevented: tend.js arrives after the article has painted (the snippet's script), and
  // the box it builds then pushes the article's text down under the reader's eyes: a layout
  // shift, which Core Web Vitals count against the post (0.145 here without the place).
  for (const [name, snippet, sel] of [['place-script', snip.script, H.WIDGET], ['place-element', snip.element, 'tend-exercise']]) {
    const page = await readerPage();
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((l) => window.__shifts.push(...l.getEntries().filter((e) => !e.hadRecentInput)
        .map((e) => `${e.value.toFixed(4)} at ${Math.round(e.startTime)} ms`))).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(article(name, snippet));
    await page.waitForFunction((s) => { const el = document.querySelector(s); return !!(el && el.__tend && el.__tend.ready); }, sel);
    assert.ok(await page.evaluate((s) => document.querySelector(s).__tend.ready.then((h) => !!h), sel), `${name}: the widget started on the first screen`);
    await H.sleep(800);
    const after = await page.evaluate((s) => {
      const el = document.querySelector(s), frame = (el.shadowRoot || el).querySelector('.tend-frame');
      return { shifts: window.__shifts, minHeight: el.style.minHeight, el: el.getBoundingClientRect().height, frame: frame.getBoundingClientRect().height };
    }, sel);
    assert.deepEqual(after.shifts, [], `${name}: nothing on the first screen moved`);
    assert.equal(after.minHeight, '', `${name}: the snippet's place was let go once the card was drawn`);
    assert.ok(Math.abs(after.el - after.frame) < 1 && after.frame > 300, `${name}: the element is the card's height (${after.el} vs ${after.frame})`);
    assert.deepEqual(page.errors, []);
    await page.close();
  }
});

test("the snippet's place goes if tend.js doesn't come: no empty hole in the article", async () => {
  // Harm prevented: a blocked or missing tend.js leaving a screen of nothing in the post.
  const page = await readerPage();
  const snippet = withoutTendJs(snip.script);
  assert.notEqual(snippet, snip.script);
  await page.goto(article('place-gone', snippet));
  await page.waitForFunction(() => document.readyState === 'complete');
  await page.waitForFunction((s) => document.querySelector(s).style.minHeight === '', H.WIDGET, { timeout: 5000 });
  const got = await page.evaluate((s) => ({ h: document.querySelector(s).getBoundingClientRect().height, tend: !!window.Tend }), H.WIDGET);
  assert.deepEqual(got, { h: 0, tend: false }, 'no widget, and no room held for it');
  await page.close();
});

test("the custom element from a script URL alone (Wix's Custom Element): before or after the script, removed, re-added, moved; the page's CSS and the widget's kept apart", async () => {
  // Harm prevented: a site builder that gives only a script URL and a tag name gets an empty
  // box; the blog's theme breaks the widget, or the widget's CSS restyles the blog.
  inFolder('wix-element', 'wix-element.js', `
    const s = document.createElement('script'); s.src = ${JSON.stringify(snip.wixUrl)}; document.head.appendChild(s);`);
  const url = article('wix-element', '<tend-exercise id="a"></tend-exercise><div id="later"></div><p class="tend-t tend-frame" id="own">The blog’s own words.</p>', {
    // A theme with heavy hands: every element spaced out, canvases hidden, every paragraph red.
    head: `<style>* { letter-spacing: 3px !important; } canvas { display: none !important; } p { color: rgb(200, 0, 0); }
      button, textarea { display: none !important; }</style><script src="wix-element.js" defer></script>`,
  });
  const page = await readerPage();
  await page.goto(url);
  await H.waitReady(page, '#a');
  assert.ok(await drawsOnCanvas(page, '#a'), 'the element that was there before the script draws on its canvas, inside its shadow root');
  const look = await page.evaluate(() => {
    const a = document.getElementById('a'), r = a.shadowRoot, frame = r.querySelector('.tend-frame');
    const t = r.querySelector('.tend-t'), own = document.getElementById('own');
    return {
      accent: frame.style.getPropertyValue('--tend-accent'), exercise: a.__tend.state().exerciseId,
      spacing: getComputedStyle(t).letterSpacing, canvas: getComputedStyle(r.querySelector('canvas')).display,
      hiddenText: getComputedStyle(t).position, ownPosition: getComputedStyle(own).position, ownWidth: own.getBoundingClientRect().width,
      pageLinks: document.querySelectorAll('link[data-tend-css]').length,
    };
  });
  assert.equal(look.exercise, EX, 'the exercise came from the script URL');
  assert.equal(look.accent, '#3f7a6b', 'the accent came from the script URL');
  assert.equal(look.canvas, 'block', "the page's `canvas { display: none !important }` doesn't reach the widget");
  assert.equal(look.spacing, 'normal', "the page's letter-spacing isn't inherited into the widget");
  assert.equal(look.hiddenText, 'absolute', "the mirror's text is still visually hidden (tend.css applies inside)");
  assert.equal(look.pageLinks, 0, 'tend.css is not added to the page');
  assert.ok(look.ownPosition === 'static' && look.ownWidth > 100, "the blog's own .tend-t/.tend-frame element is untouched by tend.css");

  // The keyboard reaches the widget in its shadow root, and the canvas rings what has focus.
  const focusedKey = () => page.evaluate(() => { const a = document.getElementById('a').shadowRoot.activeElement; return a && a.getAttribute('data-k'); });
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  for (let i = 0; i < 30 && (await focusedKey()) !== 'continue'; i++) await page.keyboard.press('Tab');
  assert.equal(await focusedKey(), 'continue', 'Tab reaches Continue inside the shadow root');
  const f0 = await H.frames(page, '#a');
  await H.waitFrame(page, f0, '#a');
  const ring = await page.evaluate(() => {
    const a = document.getElementById('a');
    return { focused: a.shadowRoot.activeElement.getAttribute('data-k'), ringed: a.__tend._debug.targets().filter((t) => t.focused).map((t) => t.key) };
  });
  assert.deepEqual(ring.ringed, [ring.focused], 'the focus ring is drawn on the control the keyboard is on');
  await page.keyboard.press('Enter');
  await H.waitForStep(page, 'kind_phrase', '#a');

  // After the script: a second element mounts too.
  await page.evaluate(() => {
    const b = document.createElement('tend-exercise');
    b.id = 'b';
    b.setAttribute('exercise', 'pause-for-self-compassion');
    document.getElementById('later').appendChild(b);
  });
  await H.waitReady(page, '#b');
  assert.equal((await H.state(page, '#b')).exerciseId, 'pause-for-self-compassion');

  // Moved (removed and re-added at once): the same widget, not a new one.
  const moved = await page.evaluate(() => {
    const a = document.getElementById('a'), handle = a.__tend;
    document.getElementById('later').appendChild(a);
    return new Promise((r) => setTimeout(() => r(a.__tend === handle), 50));
  });
  assert.ok(moved, 'a move keeps the mounted widget');
  // Removed: unmounted (its handle and frame gone). Re-added: mounted again, where it was.
  const removed = await page.evaluate(() => new Promise((r) => {
    const a = document.getElementById('a');
    window.__kept = a;
    a.remove();
    setTimeout(() => r({ handle: !!a.__tend, frame: !!a.shadowRoot.querySelector('.tend-frame') }), 50);
  }));
  assert.deepEqual(removed, { handle: false, frame: false }, 'removed, it unmounts');
  await page.evaluate(() => document.querySelector('main').appendChild(window.__kept));
  await H.waitReady(page, '#a');
  assert.equal((await H.state(page, '#a')).stepId, 'kind_phrase', 're-added, it mounts again where the reader was');

  await page.reload();
  await H.waitReady(page, '#a');
  assert.equal((await H.state(page, '#a')).stepId, 'kind_phrase', 'the answers were kept across the reload');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the iframe embed with its resizer: as tall as what it shows, taking sizes only from its own frame and origin; answers kept', async () => {
  // Harm prevented: a cut-off or half-empty box; another frame or site resizing it.
  inFolder('evil', 'evil.js', 'parent.postMessage({ tend: 1, type: "size", height: 77 }, "*");');
  article('evil', '<script src="evil.js"></script>');
  const url = article('iframe', iframeFor('resized'));
  const page = await readerPage();
  await page.goto(url);
  const frame = await frameOf(page, FILES + 'embed.html');
  const F = inFrame(page, frame);
  await H.waitReady(F, '#tend');
  assert.ok(await drawsOnCanvas(F, '#tend'), 'the widget draws in the iframe');
  const sizes = async () => ({
    iframe: await page.evaluate(() => document.querySelector('iframe[data-tend-frame]').getBoundingClientRect().height),
    inside: await frame.evaluate(() => ({ body: Math.ceil(document.body.getBoundingClientRect().height), scroll: document.documentElement.scrollHeight, view: innerHeight })),
  });
  const fitted = async (why) => {
    await page.waitForFunction(() => document.querySelector('iframe[data-tend-frame]').style.height !== '640px', null, { timeout: 5000 });
    let s;
    for (let i = 0; i < 100; i++) {
      s = await sizes();
      if (Math.abs(s.iframe - s.inside.body) <= 1) break;
      await H.sleep(30);
    }
    assert.ok(Math.abs(s.iframe - s.inside.body) <= 1, `${why}: the iframe (${s.iframe} px) is as tall as its page (${s.inside.body} px)`);
    assert.ok(s.inside.scroll <= s.inside.view + 1, `${why}: nothing to scroll inside the frame`);
    return s.iframe;
  };
  const h1 = await fitted('first step');
  await H.clickTarget(F, '##continue', 'Continue', '#tend');
  await H.waitForStep(F, 'kind_phrase', '#tend');
  const h2 = await fitted('second step');
  assert.notEqual(h1, h2, 'the height followed the step');
  assert.equal(await frame.evaluate(() => document.documentElement.lang), 'en', "the frame's page takes the exercise's language");

  // Messages from anywhere else change nothing: the page itself, and a frame marked as
  // Tend's whose page has since gone to another site. (A listener of the test's, added after
  // the resizer's, says when each message has been handled.)
  await page.evaluate(() => {
    window.__got = [];
    window.addEventListener('message', (e) => { if (e.data && e.data.tend) window.__got.push(e.data.height); });
    window.postMessage({ tend: 1, type: 'size', height: 55 }, '*');
  });
  await page.evaluate((src) => {
    const f = document.createElement('iframe');
    f.setAttribute('data-tend-frame', '');
    f.src = src;
    f.id = 'other';
    document.querySelector('main').appendChild(f);
    f.scrollIntoView(); // (a cross-origin frame out of view gets no animation frames)
  }, iframeFor('other').match(/src="([^"]+)"/)[1].replace(/&amp;/g, '&'));
  const other = await frameOf(page, FILES + 'embed.html', 'section=other');
  await H.waitReady(inFrame(page, other), '#tend');
  await page.waitForFunction(() => window.__got.length > 2);
  const fittedOther = await page.evaluate(() => document.getElementById('other').getBoundingClientRect().height);
  await other.evaluate((u) => { location.href = u; }, `${BLOG}/evil/`);
  await page.waitForFunction(() => window.__got.includes(77) && window.__got.includes(55));
  const heights = await page.evaluate(() => Array.prototype.map.call(document.querySelectorAll('iframe'), (f) => f.getBoundingClientRect().height));
  assert.deepEqual(heights, [h2, fittedOther], 'no frame took a size from the page, or from a page of another site in a Tend frame');

  await page.reload();
  const again = await frameOf(page, FILES + 'embed.html');
  await H.waitReady(inFrame(page, again), '#tend');
  assert.equal((await H.state(inFrame(page, again), '#tend')).stepId, 'kind_phrase', 'the answers were kept across the reload (in the frame\'s storage)');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('the iframe embed in a fixed-height box (no resizer): the widget scrolls inside it, every control reachable by wheel, touch and keyboard, nothing clipped', async () => {
  // Harm prevented: a builder's fixed box that cuts the exercise off (a Continue button no one
  // can reach), or a page that scrolls sideways.
  const fixed = iframeFor('fixed').replace(/<script[^>]*tend-frame\.js[^>]*><\/script>/, '').replace('height:640px', 'height:420px');
  assert.ok(!fixed.includes('tend-frame.js'));
  const url = article('iframe-fixed', fixed);
  const page = await readerPage();
  await page.goto(url);
  const frame = await frameOf(page, FILES + 'embed.html');
  const F = inFrame(page, frame);
  await H.waitReady(F, '#tend');
  const box = () => frame.evaluate(() => ({ y: scrollY, h: innerHeight, sh: document.documentElement.scrollHeight, w: innerWidth, sw: document.documentElement.scrollWidth }));
  let b = await box();
  assert.equal(await page.evaluate(() => document.querySelector('iframe').getBoundingClientRect().height), 420, 'the box keeps its height');
  assert.ok(b.sh > b.h + 50, `the exercise is taller than the box (${b.sh} in ${b.h})`);
  assert.ok(b.sw <= b.w, `nothing sticks out sideways (${b.sw} in ${b.w})`);

  // The wheel over the canvas scrolls inside the box.
  const canvas = await frame.evaluate(() => { const r = document.querySelector('canvas').getBoundingClientRect(); return { x: r.left + r.width / 2, y: 100 }; });
  await F.mouse.move(canvas.x, canvas.y);
  await page.mouse.wheel(0, 150);
  await frame.waitForFunction((y) => scrollY > y, b.y, { timeout: 3000 }).catch(() => assert.fail('the wheel over the canvas did not scroll the box'));
  await H.waitScrollStill(F);
  // A finger drawn up over the canvas scrolls it further.
  b = await box();
  const fb = await (await frame.frameElement()).boundingBox();
  const cdp = await reader.newCDPSession(page);
  const x = fb.x + canvas.x, y = fb.y + 300;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  for (let i = 1; i <= 8; i++) { await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - i * 20 }] }); await H.sleep(16); }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await frame.waitForFunction((y0) => scrollY > y0, b.y, { timeout: 3000 }).catch(() => assert.fail('a swipe over the canvas did not scroll the box'));
  await H.waitScrollStill(F);
  await cdp.detach();

  // The keyboard: every control of the step, focused in turn, is brought into the box's view.
  await frame.evaluate(() => window.scrollTo(0, 0));
  await frame.locator('body').click({ position: { x: 2, y: 2 } });
  const keys = await frame.evaluate(() => Array.prototype.map.call(document.querySelectorAll('#tend [data-k]'), (e) => e.getAttribute('data-k')));
  const seen = [];
  for (let i = 0; i < keys.length + 5 && seen.length < keys.length; i++) {
    await page.keyboard.press('Tab');
    const f = await frame.evaluate(() => {
      const a = document.activeElement, r = a.getBoundingClientRect();
      return { key: a.getAttribute('data-k'), top: r.top, bottom: r.bottom, h: innerHeight };
    });
    if (!f.key) continue;
    assert.ok(f.top >= -1 && f.bottom <= f.h + 1, `${f.key}, focused, is in view in the box (${f.top}–${f.bottom} of ${f.h})`);
    seen.push(f.key);
  }
  assert.deepEqual(seen.sort(), [...keys].sort(), 'Tab reached every control');

  // The pointer reaches the last control: Continue, at the bottom.
  await H.clickTarget(F, '##continue', 'Continue', '#tend');
  await H.waitForStep(F, 'kind_phrase', '#tend');
  await page.reload();
  const again = inFrame(page, await frameOf(page, FILES + 'embed.html'));
  await H.waitReady(again, '#tend');
  assert.equal((await H.state(again, '#tend')).stepId, 'kind_phrase', 'the answers were kept across the reload');
  assert.deepEqual(page.errors, []);
  await page.close();
});

// Wix's Embed HTML box: what the practice pasted (the script form), in a fixed-height,
// sandboxed frame on Wix's own user-content site.
function wixBox(name) {
  fs.writeFileSync(path.join(wixDir, name), `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"></head><body>\n${snip.script}\n</body></html>`);
  return article(`wix-${name.replace('.html', '')}`, `<iframe title="Embedded content" sandbox="${WIX_SANDBOX}" src="${WIX}/${name}" style="width:100%;height:520px;border:0"></iframe>`);
}

test("Wix's Embed HTML box (the script form in a fixed-height sandboxed frame on a third site): draws, scrolls inside, keeps answers", async () => {
  // Harm prevented: the most common therapist site builder showing nothing, or losing words.
  const url = wixBox('box.html');
  const page = await readerPage();
  await page.goto(url);
  const F = inFrame(page, await frameOf(page, WIX + '/box.html'));
  await H.waitReady(F);
  assert.ok(await drawsOnCanvas(F, H.WIDGET), 'the widget draws in the box');
  assert.doesNotMatch(await widgetText(F, H.WIDGET), NOTICE_BLOCKED, 'storage works there (no notice)');
  await H.clickTarget(F, '##continue', 'Continue');
  await H.waitForStep(F, 'kind_phrase');
  await page.reload();
  const again = inFrame(page, await frameOf(page, WIX + '/box.html'));
  await H.waitReady(again);
  assert.equal((await H.state(again)).stepId, 'kind_phrase', 'the answers were kept across the reload');
  assert.deepEqual(page.errors, []);
  await page.close();
});

// The shortest walk to the end, one typed reply (as in storage.test.mjs).
const QUICK = {
  arrive: [], kind_phrase: [['skip']], reach_offer: [],
  reach_notice: [['type', H.WORDS.body]], distress_first: [['skip']],
  which_part: [['choose', 'nothing']], savour: [], savour_notice: [['skip']],
};

test("a browser that blocks third-party storage, in Wix's box: storage asked for at the first tap, the truth told, words kept to the end and handed over as text when the frame can't download", async () => {
  // Harm prevented: a reader who believes their words are saved when they aren't, or who
  // reaches the end and can't take them away.
  const url = wixBox('blocked.html');
  const page = watch(await blocker.newPage());
  await page.addInitScript((wix) => {
    if (location.origin !== wix || !document.requestStorageAccess) return;
    const real = document.requestStorageAccess.bind(document);
    window.__asked = [];
    document.requestStorageAccess = (o) => { window.__asked.push(navigator.userActivation.isActive); return real(o); };
  }, WIX);
  await page.goto(url);
  const frame = await frameOf(page, WIX + '/blocked.html');
  const F = inFrame(page, frame);
  await H.waitReady(F);
  assert.equal(await frame.evaluate(() => { try { localStorage.length; return 'open'; } catch (e) { return e.name; } }), 'SecurityError', 'this browser blocks storage in the frame');
  assert.match(await widgetText(F, H.WIDGET), NOTICE_BLOCKED, 'the reader is told their answers are not being saved');
  assert.deepEqual(await frame.evaluate(() => window.__asked), [], 'nothing is asked before the reader taps');
  await H.clickTarget(F, '##continue', 'Continue');
  await H.waitForStep(F, 'kind_phrase');
  assert.deepEqual(await frame.evaluate(() => window.__asked), [true], 'storage access was asked for once, on the first tap (with its user activation)');

  await H.runPlan(F, QUICK, H.pointerDriver(F));
  const st = await H.state(F);
  assert.equal(st.finished, true);
  assert.equal(st.answers.reach_notice.text, H.WORDS.body, 'the typed reply was kept in memory to the end');
  assert.match(await widgetText(F, H.WIDGET), NOTICE_BLOCKED, 'still told the truth at the end');
  // The sandbox has no allow-downloads: the download goes nowhere, so the words are also
  // written out under the card, selected, to copy by hand.
  await H.clickTarget(F, '##txt', 'Download .txt');
  await frame.waitForFunction(() => !!document.querySelector('.tend-keep textarea'), null, { timeout: 3000 })
    .catch(() => assert.fail('no words to select after the download'));
  const kept = await frame.evaluate(() => {
    const t = document.querySelector('.tend-keep textarea');
    return { text: t.value, focused: document.activeElement === t, selected: t.selectionEnd - t.selectionStart, label: t.getAttribute('aria-label'), lead: t.previousSibling.textContent };
  });
  assert.ok(kept.text.includes(H.WORDS.body), 'the words to select hold what the reader typed');
  assert.ok(kept.focused && kept.selected === kept.text.length, 'they are focused and selected, ready to copy');
  assert.match(kept.lead, /select them and copy them/);
  assert.ok(kept.label, 'the box has a name');
  // (The browser's own words on the refusals: storage access in a sandbox, the download.)
  assert.deepEqual(errorsBut(page.errors, /allow-storage-access-by-user-activation/, /Download is disallowed|allow-downloads/), []);
  await page.close();
});

test('storage access granted at the first tap: the words go to the storage the browser handed over, and the notice goes', async () => {
  // Harm prevented: a reader whose browser would let the frame keep their words, told they
  // can't be kept (and losing them on reload).
  const url = wixBox('granted.html');
  const page = watch(await blocker.newPage());
  await page.addInitScript((wix) => {
    if (location.origin !== wix) return;
    // What Chrome hands over: a Storage of the frame's own (here one in memory, to look into).
    const data = new Map();
    window.__granted = {
      get length() { return data.size; }, key: (i) => [...data.keys()][i] ?? null,
      getItem: (k) => (data.has(k) ? data.get(k) : null), setItem: (k, v) => { data.set(k, String(v)); }, removeItem: (k) => { data.delete(k); },
    };
    window.__asked = 0;
    // Granted at once (as for a site granted before): the hardest case for the tap that asked.
    document.requestStorageAccess = () => { window.__asked++; return Promise.resolve({ localStorage: window.__granted }); };
  }, WIX);
  await page.goto(url);
  const frame = await frameOf(page, WIX + '/granted.html');
  const F = inFrame(page, frame);
  await H.waitReady(F);
  assert.match(await widgetText(F, H.WIDGET), NOTICE_BLOCKED);
  await H.clickTarget(F, '##continue', 'Continue');
  await H.waitForStep(F, 'kind_phrase');
  await frame.waitForFunction((re) => !new RegExp(re).test(document.querySelector('[data-tend-exercise]').textContent), NOTICE_BLOCKED.source, { timeout: 5000 })
    .catch(() => assert.fail('the notice stayed after storage was granted'));
  await H.clickTarget(F, '##continue', 'Continue');
  await H.waitForStep(F, 'reach_offer');
  const stored = await frame.evaluate(() => {
    const g = window.__granted, keys = [];
    for (let i = 0; i < g.length; i++) keys.push(g.key(i));
    const k = keys.find((x) => x.endsWith('/session'));
    return { asked: window.__asked, keys, current: k ? JSON.parse(g.getItem(k)).current : null };
  });
  assert.equal(stored.asked, 1);
  assert.equal(stored.current, 'reach_offer', `the session is in the granted storage (${stored.keys.join(', ')})`);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a tampered copy on the CDN is refused: the wasm, a shipped exercise, tend.css', async () => {
  // Harm prevented: a compromised CDN running its own engine, words or styles in a
  // therapist's page.
  for (const kind of ['wasm', 'exercise', 'css']) {
    const url = article(`tampered-${kind}`, snip.script.replace(FILES, `${TAMPERED}/${kind}/`));
    const page = await readerPage();
    await page.goto(url);
    await page.waitForFunction((s) => { const el = document.querySelector(s); return !!(el && el.__tend && el.__tend.ready); }, H.WIDGET);
    const ready = await page.evaluate((s) => document.querySelector(s).__tend.ready.then((h) => !!h), H.WIDGET);
    assert.equal(ready, false, `${kind}: the widget did not start`);
    const shown = await page.evaluate((s) => {
      const el = document.querySelector(s), m = el.querySelector('.tend-message'), c = el.querySelector('canvas');
      return { message: m && !m.hidden ? m.textContent : '', canvas: !c.hidden, frames: el.__tend._debug.frames };
    }, H.WIDGET);
    assert.match(shown.message, /can’t be shown right now/, `${kind}: the reader gets the kind message`);
    assert.equal(shown.canvas, false, `${kind}: no canvas`);
    assert.equal(shown.frames, 0, `${kind}: nothing drawn`);
    assert.ok(page.errors.some((e) => /Tend: .*refused/.test(e)), `${kind}: the console says it was refused: ${JSON.stringify(page.errors)}`);
    await page.close();
  }
});
