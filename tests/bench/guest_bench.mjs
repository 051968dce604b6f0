// What the widget costs the article it sits in (issue #13). Prints numbers, asserts nothing.
// Not a test, and not part of scripts/test.
//
//   node tests/bench/guest_bench.mjs [--lighthouse N] [--runs N] [--json FILE] [--traces N] [--dwell MS] [--no-lighthouse] [--no-start] [--no-bytes] [--tag]
//
// Against the built site (build-web/site, or TEND_SITE), served with the tests' strict CSP:
//
//   lighthouse  Lighthouse (npm) driving Debian's Chromium, its default mobile profile
//               (simulated slow 4G, 4× slower CPU), served gzipped as a practice's server
//               would, on the demo article with Tend as the snippet page writes it (tend.js
//               added after load and the first paint; --tag: the demo's <script defer> tag) and
//               on the same article without it, alternating, N runs of each (default 5):
//               medians and differences of the score, TBT, LCP, CLS, FCP, Speed Index, and
//               Lighthouse's own main-thread time for tend.js
//   start       N fresh page loads (default 9): wait for the page to load and go idle (the
//               engine is fetched and compiled then), scroll the widget into view (the
//               trigger), and time trigger → the end of the first frame (handle.ready settles
//               right after it), with mount's steps (handle._debug.mountSteps) and the WebGL
//               context's creation (getContext, timed from outside); Chrome's traces of more
//               loads (--traces, default 3) give the longest main-thread task of Tend's, load to first frame, and
//               what it held. Also a page with the widget on its first screen: navigation →
//               first contentful paint and → the widget's first frame
//   inp         interaction to next frame with Chromium's CPU throttled 4×: the Event Timing
//               API's duration (what INP is made of) for every click and key press over the
//               first steps of the flagship, and input → the new step drawn; twice: each
//               press at once on the pointer's arrival (a bot's), and after the pointer has
//               rested on the control (--dwell, default 150 ms, as a hand's click)
//   bytes       where each KB goes: tests/bench/bytes.mjs (relinks the wasm with names)
//
// Chromium runs with the brief's flags for this machine (--headless=new --no-sandbox
// --disable-gpu for Lighthouse; the harness's for the rest). Numbers from a loaded shared
// machine are noisy: read medians of enough runs, and the load printed with them.
import fs from 'node:fs';
import http from 'node:http';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import * as H from '../browser/harness.mjs';
import crypto from 'node:crypto';
import { serve, CSP } from '../../scripts/serve.mjs';
import { lateScriptBody, cspSource } from '../../web/embed/late_script.js';
import { byteBreakdown, printBreakdown } from './bytes.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) || dflt : dflt);
const LH_RUNS = opt('--lighthouse', 5);
const RUNS = opt('--runs', 9);
const TRACES = opt('--traces', 3);
const DWELL = opt('--dwell', 150);
const JSON_OUT = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;

const median = (xs) => { const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b); if (!s.length) return NaN; const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const f1 = (x) => (Number.isFinite(x) ? x.toFixed(1) : '–');
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');
const out = { machine: { cpus: os.cpus().length, model: os.cpus()[0].model, mem: os.totalmem() }, loadBefore: load() };
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0].model}; load average ${out.loadBefore}`);

// ---- the two sites: the article with Tend, and the same article without its script ------
const site = H.siteDir;
const without = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-without-'));
fs.cpSync(site, without, { recursive: true });
const demo = fs.readFileSync(path.join(site, 'demo/index.html'), 'utf8');
const SCRIPT = '<script src="../tend.js" defer></script>';
if (!demo.includes(SCRIPT)) throw new Error('the demo page has no ' + SCRIPT);
fs.writeFileSync(path.join(without, 'demo/index.html'), demo.replace(SCRIPT, ''));
// The article as the snippet page writes it (web/embed/late_script.js: tend.js added after
// load and the first paint), its script allowed by the hash the snippet page prints; with
// --tag, the plain <script defer> tag of the demo instead.
const TAG = args.includes('--tag');
const lateBody = lateScriptBody('../tend.js', `sha384-${crypto.createHash('sha384').update(fs.readFileSync(path.join(site, 'tend.js'))).digest('base64')}`);
const lateSite = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-late-'));
fs.cpSync(site, lateSite, { recursive: true });
fs.writeFileSync(path.join(lateSite, 'demo/index.html'), demo.replace(SCRIPT, `<script>${lateBody}</script>`));
const lateCsp = CSP.replace("script-src 'self'", `script-src 'self' ${await cspSource(lateBody, (b) => crypto.webcrypto.subtle.digest('SHA-256', b))}`);
// The widget on the article's first screen: its section moved up under the byline.
const section = demo.match(/<section class="practice"[\s\S]*?<\/section>/)[0];
const firstScreen = demo.replace(section, '').replace(/(<div class="byline">[\s\S]*?<\/div>)/, `$1\n${section}`);
const topSite = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-top-'));
fs.cpSync(site, topSite, { recursive: true });
fs.writeFileSync(path.join(topSite, 'demo/index.html'), firstScreen);
const topLateSite = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-top-late-'));
fs.cpSync(site, topLateSite, { recursive: true });
fs.writeFileSync(path.join(topLateSite, 'demo/index.html'), firstScreen.replace(SCRIPT, `<script>${lateBody}</script>`));

// ---- Lighthouse --------------------------------------------------------------------------
const LH = path.join(H.root, 'node_modules/lighthouse/cli/index.js');
function lighthouse(url) {
  return new Promise((resolve, reject) => {
    // Async: the server answering Lighthouse's Chromium lives in this process.
    // No full-page screenshot: Lighthouse makes it by resizing the window to the whole page,
    // which brings every widget "near" (a reader's window never does that).
    execFile(process.execPath, [LH, url, '--output=json', '--output-path=stdout', '--quiet', '--only-categories=performance', '--disable-full-page-screenshot',
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu'],
    { env: { ...process.env, CHROME_PATH: process.env.TEND_CHROMIUM || '/usr/bin/chromium' }, maxBuffer: 64 << 20 }, (err, stdout) => {
      if (err) return reject(err);
      if (process.env.TEND_LH_DUMP) fs.writeFileSync(path.join(process.env.TEND_LH_DUMP, `lh-${Date.now()}.json`), stdout);
      const r = JSON.parse(stdout), a = r.audits;
      const boot = ((a['bootup-time'].details || {}).items || []).find((i) => /tend\.js$/.test(i.url));
      const longTasks = ((a['long-tasks'] || {}).details || {}).items || [];
      resolve({
        score: r.categories.performance.score, tbt: a['total-blocking-time'].numericValue, lcp: a['largest-contentful-paint'].numericValue,
        cls: a['cumulative-layout-shift'].numericValue, fcp: a['first-contentful-paint'].numericValue, si: a['speed-index'].numericValue,
        tendScriptMs: boot ? boot.total : 0,
        tendLongTasks: longTasks.filter((t) => /tend/.test(t.url)).map((t) => t.duration),
        warnings: r.runWarnings || [],
      });
    });
  });
}

// The built site as a practice's server sends it: scripts/serve.mjs (the tests' CSP) behind
// a proxy that gzips what the browser accepts gzipped (Lighthouse counts bytes on the wire).
async function gzipServe(dir, csp = CSP) {
  const inner = await serve(dir, 0, { csp });
  const port = inner.address().port;
  const server = http.createServer((req, res) => {
    http.get({ host: '127.0.0.1', port, path: req.url, headers: req.headers }, (up) => {
      const headers = { ...up.headers };
      const zip = /\bgzip\b/.test(req.headers['accept-encoding'] || '') && up.statusCode === 200;
      if (zip) { delete headers['content-length']; headers['content-encoding'] = 'gzip'; }
      res.writeHead(up.statusCode, headers);
      (zip ? up.pipe(zlib.createGzip({ level: 9 })) : up).pipe(res);
    }).on('error', () => res.writeHead(502).end());
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { address: () => server.address(), close: () => { server.close(); inner.close(); } };
}

async function lighthouseAB() {
  const servers = { with: TAG ? await gzipServe(site) : await gzipServe(lateSite, lateCsp), without: await gzipServe(without) };
  const url = (k) => `http://127.0.0.1:${servers[k].address().port}/demo/`;
  const runs = { with: [], without: [] };
  for (let i = 0; i < LH_RUNS; i++) {
    for (const k of i % 2 ? ['without', 'with'] : ['with', 'without']) {
      try { runs[k].push(await lighthouse(url(k))); } catch (e) { console.log(`lighthouse ${k}: ${String(e).slice(0, 200)}`); }
      process.stdout.write('.');
    }
  }
  process.stdout.write('\n');
  for (const s of Object.values(servers)) s.close();
  const m = (k, key) => median(runs[k].map((r) => r[key]));
  const rows = [['performance score', 'score', (x) => x.toFixed(2)], ['total blocking time (ms)', 'tbt', f0], ['largest contentful paint (ms)', 'lcp', f0],
    ['cumulative layout shift', 'cls', (x) => x.toFixed(3)], ['first contentful paint (ms)', 'fcp', f0], ['speed index (ms)', 'si', f0]];
  console.log(`\nLighthouse ${JSON.parse(fs.readFileSync(path.join(H.root, 'node_modules/lighthouse/package.json'))).version}, mobile (simulated), ${runs.with.length} + ${runs.without.length} runs, medians; with Tend ${TAG ? 'by a <script defer> tag' : "by the snippet page's script (after load and the first paint)"}:`);
  console.log(`  ${''.padEnd(32)}${'with Tend'.padStart(12)}${'without'.padStart(12)}${'difference'.padStart(12)}`);
  for (const [label, key, fmt] of rows) {
    const a = m('with', key), b = m('without', key);
    console.log(`  ${label.padEnd(32)}${fmt(a).padStart(12)}${fmt(b).padStart(12)}${fmt(a - b).padStart(12)}`);
  }
  for (const k of ['with', 'without']) console.log(`  ${k}: scores ${runs[k].map((r) => r.score.toFixed(2)).join(' ')}; TBT ${runs[k].map((r) => f0(r.tbt)).join(' ')}; LCP ${runs[k].map((r) => f0(r.lcp)).join(' ')}`);
  console.log(`  tend.js main-thread time (Lighthouse's bootup-time, median): ${f1(m('with', 'tendScriptMs'))} ms; long tasks attributed to Tend: ${runs.with.flatMap((r) => r.tendLongTasks).map(f0).join(' ') || 'none'}`);
  return runs;
}

// ---- start-up, from the trigger ----------------------------------------------------------
const TIME_GL = () => {
  const gc = HTMLCanvasElement.prototype.getContext;
  window.__glMs = [];
  HTMLCanvasElement.prototype.getContext = function () {
    const t0 = performance.now();
    try { return gc.apply(this, arguments); } finally { window.__glMs.push(performance.now() - t0); }
  };
};

// Waits for the page's load, the engine's fetch and an idle moment: what a reader scrolling
// down after a few seconds' reading finds.
async function settle(page) {
  await page.waitForFunction(() => document.readyState === 'complete' &&
    performance.getEntriesByType('resource').some((e) => e.name.endsWith('tend-engine.wasm') && e.responseEnd > 0), null, { timeout: 20000 });
  await page.waitForTimeout(700);
}

const trigger = (page) => page.evaluate(async () => {
  const el = document.querySelector('[data-tend-exercise]');
  const waiting = el.__tend._debug.waiting, t0 = performance.now();
  el.scrollIntoView({ block: 'center', behavior: 'instant' });
  const ok = !!(await el.__tend.ready);
  return { ok, waiting, ms: performance.now() - t0, t0, steps: el.__tend._debug.mountSteps(), gl: window.__glMs, frames: el.__tend._debug.frames };
});

async function startRuns(h) {
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await h.newPage({ width: 1024 });
    await page.addInitScript(TIME_GL);
    await page.goto(h.base + '/demo/');
    await settle(page);
    runs.push(await trigger(page));
    await page.context().close();
  }
  const names = runs[0].steps.map((s) => s.name);
  console.log(`\nStart, ${runs.length} loads (1024 × 900; load average ${load()}): trigger (scrolled into view, engine already compiled) → first frame drawn`);
  console.log(`  median ${f1(median(runs.map((r) => r.ms)))} ms   (${runs.map((r) => f0(r.ms)).join(' ')}); waiting until then: ${runs.every((r) => r.waiting)}`);
  console.log(`  mount's steps, medians (max): ${names.map((n, j) => `${n} ${f1(median(runs.map((r) => r.steps[j] && r.steps[j].ms)))} (${f1(Math.max(...runs.map((r) => (r.steps[j] ? r.steps[j].ms : 0))))})`).join(', ')} ms`);
  console.log(`  of which WebGL getContext (one browser call): median ${f1(median(runs.map((r) => r.gl[0])))} ms (max ${f1(Math.max(...runs.map((r) => r.gl[0] || 0)))})`);
  return runs;
}

// One load traced: the longest main-thread task of Tend's, from tend.js to the first frame.
async function longestTask(h) {
  const page = await h.newPage({ width: 1024 });
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,v8,v8.wasm,blink.user_timing,toplevel,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await page.goto(h.base + '/demo/');
  await settle(page);
  await page.evaluate(() => performance.mark('bench-trigger'));
  const r = await trigger(page);
  await page.evaluate(() => performance.mark('bench-ready'));
  await page.waitForTimeout(300);
  await cdp.send('Tracing.end');
  await complete;
  await page.context().close();
  const mark = (n) => events.find((e) => e.name === n);
  const t0 = mark('bench-trigger'), t1 = mark('bench-ready');
  const main = events.filter((e) => e.pid === t0.pid && e.tid === t0.tid && e.ph === 'X');
  const tasks = main.filter((e) => e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask');
  const inside = (t) => main.filter((e) => e !== t && e.ts >= t.ts && e.ts + (e.dur || 0) <= t.ts + t.dur);
  const isTends = (t) => inside(t).some((e) => (e.args && e.args.data && /tend\.js/.test(e.args.data.url || '')) || e.name.startsWith('wasm.') || e.name.startsWith('v8.wasm'));
  const window = tasks.filter((t) => t.ts + t.dur >= t0.ts && t.ts <= t1.ts);   // trigger → first frame: all ours (the page is idle)
  const before = tasks.filter((t) => t.ts + t.dur < t0.ts && isTends(t));       // tend.js, the idle prefetch
  const describe = (t) => {
    const byName = new Map();
    for (const e of inside(t)) byName.set(e.name, (byName.get(e.name) || 0) + (e.dur || 0) / 1000);
    const lazy = inside(t).filter((e) => e.name === 'wasm.CompileLazy');
    // The compositor's Commit of a frame: with software compositing it reads a drawn canvas
    // back (GLES2::ReadPixels), waiting for the GPU process to render it: the browser's step.
    const commitMs = inside(t).filter((e) => e.name === 'Commit').reduce((a, e) => a + e.dur, 0) / 1000;
    return { ms: t.dur / 1000, commitMs, lazyFunctions: lazy.length, lazyMs: lazy.reduce((a, e) => a + e.dur, 0) / 1000,
      top: [...byName].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([n, ms]) => `${n} ${ms.toFixed(1)}`) };
  };
  const longest = (list) => list.reduce((a, t) => (!a || t.dur > a.dur ? t : a), null);
  // Tend's own longest: each task without the Commit in it.
  const ownMs = Math.max(...window.map((t) => t.dur / 1000 - inside(t).filter((e) => e.name === 'Commit').reduce((a, e) => a + e.dur, 0) / 1000));
  const res = { ownMs, mount: longest(window) && describe(longest(window)), before: longest(before) && describe(longest(before)),
    tasksInMount: window.length, triggerToReady: r.ms, steps: r.steps };
  console.log(`\nLongest main-thread task of Tend's (one traced load; load average ${load()}):`);
  if (res.before) console.log(`  before the trigger (tend.js, the idle prefetch): ${f1(res.before.ms)} ms — ${res.before.top.join(', ')}`);
  if (res.mount) {
    console.log(`  trigger → first frame (${f1(r.ms)} ms, ${window.length} tasks): longest ${f1(res.mount.ms)} ms (the compositor's Commit ${f1(res.mount.commitMs)} of it, the rest ${f1(res.mount.ms - res.mount.commitMs)}), with ${res.mount.lazyFunctions} wasm functions compiled on first call (${f1(res.mount.lazyMs)} ms)`);
    console.log(`    ${res.mount.top.join(', ')}`);
    console.log(`    mount's steps in this load: ${r.steps.map((s) => `${s.name} ${f1(s.ms)}`).join(', ')} ms; getContext ${f1(r.gl ? r.gl[0] : NaN)} ms`);
  }
  return res;
}

// The widget on the first screen: it starts at once, after the article's first paint; with
// the layout shift (CLS's sum) from navigation to a second after its first frame.
async function firstScreenRuns(late) {
  const h = await H.start(late ? { site: topLateSite, csp: lateCsp } : { site: topSite });
  const runs = [];
  for (let i = 0; i < Math.max(3, RUNS >> 1); i++) {
    const page = await h.newPage({ width: 1024 });
    await page.goto(h.base + '/demo/');
    runs.push(await page.evaluate(async () => {
      let el;
      while (!(el = document.querySelector('[data-tend-exercise]')) || !el.__tend) await new Promise((r) => setTimeout(r, 20));
      await el.__tend.ready;
      const ready = performance.now();
      await new Promise((r) => setTimeout(r, 1000));
      // Layout shifts reach an observer only (buffered), not performance.getEntriesByType.
      const shifts = (await new Promise((r) => {
        new PerformanceObserver((l, po) => { po.disconnect(); r(l.getEntries()); }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => r([]), 500);
      })).filter((e) => !e.hadRecentInput);
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const lcp = await new Promise((r) => new PerformanceObserver((l) => r(l.getEntries().pop())).observe({ type: 'largest-contentful-paint', buffered: true }));
      return { fcp: fcp ? fcp.startTime : NaN, ready, lcp: lcp ? lcp.startTime : NaN, lcpTag: lcp && lcp.element ? lcp.element.tagName : '',
        cls: shifts.reduce((a, e) => a + e.value, 0), shiftsAt: shifts.map((e) => Math.round(e.startTime)),
        whatMoved: shifts.map((e) => `${e.value.toFixed(3)}: ` + e.sources.map((s) => `${s.node ? s.node.nodeName + '.' + (s.node.className || '') : '?'} ${s.previousRect.y}+${s.previousRect.height}->${s.currentRect.y}+${s.currentRect.height}`).join('; ')) };
    }));
    await page.context().close();
  }
  await h.close();
  console.log(`\nThe widget on the first screen, ${late ? "by the snippet page's script" : 'by a <script defer> tag'} (${runs.length} loads): navigation → FCP median ${f1(median(runs.map((r) => r.fcp)))} ms, → LCP ${f1(median(runs.map((r) => r.lcp)))} ms (${runs[0].lcpTag}), → the widget's first frame ${f1(median(runs.map((r) => r.ready)))} ms`);
  console.log(`  layout shift: ${runs.map((r) => r.cls.toFixed(3)).join(' ')} (shifts at ${runs.map((r) => r.shiftsAt.join('/') || '–').join(' ')} ms)`);
  for (const d of runs[0].whatMoved) console.log(`    what moved in the first load: ${d}`);
  return runs;
}

// ---- interaction to next frame, CPU throttled 4× -----------------------------------------
const EVENT_TIMING = () => {
  window.__events = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.interactionId) window.__events.push({ name: e.name, id: e.interactionId, duration: e.duration, start: e.startTime, processing: e.processingEnd - e.processingStart, delay: e.processingStart - e.startTime });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
};

// dwell: ms the pointer rests on a control before it presses, as a hand's does (0: a bot's
// press at once, which lands while the browser is still showing the hover the pointer's
// arrival drew: with software compositing, a drawn frame holds the main thread tens of ms).
async function inp(h, dwell) {
  const page = await h.newPage({ width: 1024 });
  await page.addInitScript(EVENT_TIMING);
  await H.openPage(page, h.base + '/demo/');
  const press = page.mouse.down.bind(page.mouse);
  page.mouse.down = async (...a) => { if (dwell) await H.sleep(dwell); return press(...a); };
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.evaluate(() => { window.__events = []; });
  // Input → the new step drawn: the first frame after a step change.
  await page.evaluate(() => {
    const el = document.querySelector('[data-tend-exercise]'), t = el.__tend;
    window.__stepFrames = [];
    let steps = t._debug.steps, last = 0;
    for (const type of ['pointerdown', 'keydown']) el.addEventListener(type, (e) => { last = e.timeStamp; }, true);
    const tick = () => {
      if (t._debug.steps !== steps) { steps = t._debug.steps; requestAnimationFrame(() => window.__stepFrames.push(performance.now() - last)); }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const plan = { ...H.LONG_PATH };
  await H.runPlan(page, plan, H.pointerDriver(page), H.WIDGET, { stopAt: 'pushback_intro' });
  await H.sleep(500);
  const ev = await page.evaluate(() => ({ events: window.__events, stepFrames: window.__stepFrames }));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.context().close();
  const byId = new Map();
  for (const e of ev.events) { const x = byId.get(e.id); if (!x || e.duration > x.duration) byId.set(e.id, e); }
  const ds = [...byId.values()].map((e) => e.duration).sort((a, b) => a - b);
  const worst = [...byId.values()].sort((a, b) => b.duration - a.duration)[0];
  const res = { interactions: ds.length, max: ds[ds.length - 1], p75: ds[Math.floor(ds.length * 0.75)], median: median(ds), worst, stepFrames: ev.stepFrames };
  console.log(`\nInteraction to next frame, CPU throttled 4× (Event Timing; clicks and keys over the flagship's first 8 steps; ${dwell ? `the pointer rests ${dwell} ms on a control before it presses` : 'each press at once on the pointer\'s arrival'}; load average ${load()}):`);
  console.log(`  ${ds.length} interactions: median ${f0(res.median)} ms, p75 ${f0(res.p75)}, max ${f0(res.max)}${worst ? ` (${worst.name}: input delay ${f0(worst.delay)}, handlers ${f0(worst.processing)})` : ''}`);
  console.log(`  input → the new step drawn (the frame after a step change): median ${f0(median(ev.stepFrames))} ms, max ${f0(Math.max(...ev.stepFrames))} (${ev.stepFrames.map(f0).join(' ')})`);
  return res;
}

// ---- run ----------------------------------------------------------------------------------
if (!args.includes('--no-lighthouse')) out.lighthouse = await lighthouseAB();
if (!args.includes('--no-start')) {
  const h = await H.start();
  out.start = await startRuns(h);
  out.longestTask = [];
  for (let i = 0; i < TRACES; i++) out.longestTask.push(await longestTask(h));
  const ms = (k) => out.longestTask.map((r) => (r[k] ? r[k].ms : NaN));
  const own = out.longestTask.map((r) => r.ownMs);
  console.log(`\nLongest task over ${TRACES} traced loads: before the trigger ${ms('before').map(f1).join(' ')} ms; trigger → first frame ${ms('mount').map(f1).join(' ')} ms, ` +
    `and the longest of each without the compositor's Commit in it ${own.map(f1).join(' ')} ms`);
  out.inp = { atOnce: await inp(h, 0), hand: await inp(h, DWELL) };
  await h.close();
}
out.firstScreen = { tag: await firstScreenRuns(false), late: await firstScreenRuns(true) };
if (!args.includes('--no-bytes')) {
  out.bytes = await byteBreakdown();
  printBreakdown(out.bytes);
}
out.loadAfter = load();
console.log(`\nload average at the end: ${out.loadAfter}`);
for (const d of [without, topSite, topLateSite, lateSite]) fs.rmSync(d, { recursive: true, force: true });
if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify(out, null, 2));
