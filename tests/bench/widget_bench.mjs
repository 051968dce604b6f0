// Tend widget benchmark: prints numbers, asserts nothing. Not a test.
//
//   node tests/bench/widget_bench.mjs [--runs N] [--json FILE]
//
// In headless Chromium (Debian's, through playwright-core; the same set-up as the browser
// tests, software WebGL), against the built site (build-web/site, or TEND_SITE):
//
//   bytes   everything the demo page requested for its one widget (loader with the engine's
//           glue inside, CSS, wasm with the embedded font, exercise JSON), each response
//           body gzipped at level 9
//   start   tend.js starting to run → the end of the widget's first frame (median of N
//           fresh browser contexts), with the steps between; then again in a Chromium that
//           also composites the page through SwiftShader (no --disable-gpu: see harness.mjs)
//   frame   CPU per interactive frame over ~50 interactions on a choice step: the main
//           thread's time in the widget's requestAnimationFrame callbacks (ImGui + the GL
//           calls), Chrome's TaskDuration per frame, and the CPU of every Chromium process
//           (which includes SwiftShader drawing what a GPU would draw)
//   idle    frames drawn in 3 s with nothing happening
//   heap    each widget's wasm memory (bytes), one and two widgets on a page
//
// and the same page-weight and time-to-first-render figures for SurveyJS (survey-core +
// survey-js-ui from node_modules, its fontless CSS) running a comparable 11-question
// exercise, one question per page, served the same way.
//
// Instrumentation is added from outside (an init script): a getter on window.Tend (the
// loader's first statement reads it), wrappers around requestAnimationFrame and
// WebAssembly.compile*/instantiate, and a look at the widget's handle.ready. Nothing in the
// widget is changed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import * as H from '../browser/harness.mjs';
import { serve } from '../../scripts/serve.mjs';

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf('--runs') + 1]) || (args.includes('--runs') ? 5 : 7);
const JSON_OUT = args.includes('--json') ? args[args.indexOf('--json') + 1] : null;

const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))]; };
const kb = (n) => (n / 1024).toFixed(1) + ' KB';
const ms = (n) => n.toFixed(1) + ' ms';

// ---- instrumentation (runs in the page before anything else) ---------------------------
const INSTRUMENT = (opts = {}) => {
  const B = (window.__bench = { tendStart: 0, firstFrameStart: 0, firstFrameEnd: 0, compiled: 0, instantiated: 0, ready: 0,
    frameMs: [], frameGlMs: [], callbackMs: [], memories: [], firstDom: 0, firstRender: 0, gl: { ms: 0, calls: 0, byName: {} } });
  if (opts.gl) {
    // Time spent inside WebGL calls (a synchronous call waits for the GPU process: with
    // SwiftShader, for the software drawing of the previous frame).
    const gc = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function () {
      const t0 = performance.now();
      try { return gc.apply(this, arguments); } finally {
        const dt = performance.now() - t0, e = B.gl.byName.getContext || (B.gl.byName.getContext = [0, 0]);
        B.gl.ms += dt; B.gl.calls++; e[0] += dt; e[1]++;
      }
    };
    const proto = WebGL2RenderingContext.prototype;
    for (const name of Object.getOwnPropertyNames(proto)) {
      const d = Object.getOwnPropertyDescriptor(proto, name);
      if (!d || typeof d.value !== 'function' || name === 'constructor') continue;
      const f = d.value;
      proto[name] = function (a0) {
        const t0 = performance.now();
        try { return f.apply(this, arguments); } finally {
          const key = name === 'getParameter' ? `getParameter(0x${Number(a0).toString(16)})` : name;
          const dt = performance.now() - t0, e = B.gl.byName[key] || (B.gl.byName[key] = [0, 0]);
          B.gl.ms += dt; B.gl.calls++; e[0] += dt; e[1]++;
        }
      };
    }
  }
  // The widget's first frame is drawn inside mount, which handle.ready settles right after:
  // when it resolves, and the widget has drawn a frame, that is the end of the first frame.
  // The engine's glue lives inside tend.js (no hook on it), so mount's own span is taken
  // from the module's instantiation to that point (the glue's start-up, then mount).
  document.addEventListener('DOMContentLoaded', () => {
    const el = document.querySelector('[data-tend-exercise]');
    if (!el || !el.__tend || !el.__tend.ready) return;
    el.__tend.ready.then(() => {
      B.ready = performance.now();
      if (!B.firstFrameEnd && el.__tend._debug && el.__tend._debug.frames > 0) {
        B.firstFrameEnd = B.ready; B.firstFrameStart = B.instantiated; B.firstFrameGlMs = B.gl.ms - B.glAtInstantiated; B.firstFrameInMount = true;
      }
    });
  });
  const comp = WebAssembly.compileStreaming, comp2 = WebAssembly.compile;
  if (comp) WebAssembly.compileStreaming = function () { return comp.apply(this, arguments).then((m) => { B.compiled = B.compiled || performance.now(); return m; }); };
  WebAssembly.compile = function () { return comp2.apply(this, arguments).then((m) => { B.compiled = B.compiled || performance.now(); return m; }); };
  let tendValue;
  Object.defineProperty(window, 'Tend', {
    configurable: true,
    get() { if (!B.tendStart) B.tendStart = performance.now(); return tendValue; },
    set(v) { tendValue = v; },
  });
  const totalFrames = () => {
    let n = 0;
    document.querySelectorAll('[data-tend-exercise]').forEach((el) => { if (el.__tend && el.__tend._debug) n += el.__tend._debug.frames; });
    return n;
  };
  const raf = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (cb) => raf((t) => {
    // The first animation frame after the first frame was drawn: when it is on screen.
    if (B.firstFrameEnd && !B.firstOnScreen) B.firstOnScreen = performance.now();
    const before = totalFrames(), t0 = performance.now(), g0 = B.gl.ms;
    try { cb(t); } finally {
      const t1 = performance.now(), drew = totalFrames() - before;
      B.callbackMs.push(t1 - t0);
      if (drew > 0) {
        B.frameMs.push((t1 - t0) / drew);
        B.frameGlMs.push((B.gl.ms - g0) / drew);
        if (!B.firstFrameEnd) { B.firstFrameEnd = t1; B.firstFrameStart = t0; B.firstFrameGlMs = B.gl.ms - g0; }
      }
    }
  });
  const inst = WebAssembly.instantiate;
  WebAssembly.instantiate = function (source, imports) {
    for (const ns of Object.values(imports || {})) for (const v of Object.values(ns || {})) if (v instanceof WebAssembly.Memory) B.memories.push(v);
    return inst.apply(this, arguments).then((r) => {
      if (!B.instantiated) { B.instantiated = performance.now(); B.glAtInstantiated = B.gl.ms; }
      const i = r instanceof WebAssembly.Instance ? r : r.instance;
      for (const v of Object.values(i.exports)) if (v instanceof WebAssembly.Memory && !B.memories.includes(v)) B.memories.push(v);
      return r;
    });
  };
  // SurveyJS: when its first question is in the DOM, and the frame after (its first paint).
  new MutationObserver((_, obs) => {
    if (!B.firstDom && document.querySelector('.sd-question, .sd-root-modern')) {
      B.firstDom = performance.now();
      raf(() => { B.firstRender = performance.now(); });
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

// ---- CPU of the whole browser (all Chromium processes under this node process) ----------
function cpuTicks() {
  const kids = new Map();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      kids.set(Number(pid), { ppid: Number(rest[1]), ticks: Number(rest[11]) + Number(rest[12]) });
    } catch { /* gone */ }
  }
  let total = 0;
  const walk = (p) => { for (const [pid, v] of kids) if (v.ppid === p) { total += v.ticks; walk(pid); } };
  walk(process.pid);
  return total; // clock ticks (1/100 s on Linux)
}
const TICK_MS = 1000 / Number(execFileSync('getconf', ['CLK_TCK']).toString().trim() || 100);

// ---- the page weight, from what the page actually asked for -------------------------------
function recordBodies(page) {
  const list = [];
  page.on('response', (r) => {
    list.push(r.body().then((b) => ({ url: r.url(), type: r.request().resourceType(), raw: b.length, gz: gz(b) })).catch(() => null));
  });
  return async () => (await Promise.all(list)).filter(Boolean);
}

// Time to the first frame (and the page's bytes, from the first run) in N fresh contexts.
async function startRuns(h, n) {
  const runs = [];
  let bodies = null;
  for (let i = 0; i < n; i++) {
    const page = await h.newPage({ width: 1024 });
    await page.addInitScript(INSTRUMENT);
    const got = recordBodies(page);
    await H.openPage(page, h.base + '/demo/');
    const r = await page.evaluate(async () => {
      const B = window.__bench, nav = performance.getEntriesByType('navigation')[0];
      const res = (name) => performance.getEntriesByType('resource').find((e) => e.name.endsWith(name));
      const ready = await document.querySelector('[data-tend-exercise]').__tend.ready;
      return {
        tendStart: B.tendStart, firstFrameEnd: B.firstFrameEnd, firstFrameStart: B.firstFrameStart, domContentLoaded: nav.domContentLoadedEventEnd,
        firstOnScreen: B.firstOnScreen, firstFrameInMount: !!B.firstFrameInMount,
        compiled: B.compiled, instantiated: B.instantiated, readyAt: B.ready,
        wasmFetched: res('tend-engine.wasm') ? res('tend-engine.wasm').responseEnd : 0,
        exerciseFetched: res('.json') ? res('.json').responseEnd : 0, ok: !!ready,
      };
    });
    if (!bodies) bodies = await got();
    runs.push(r);
    await page.context().close();
  }
  return { runs, bodies };
}

async function tendBench(h) {
  const out = {};
  const { runs, bodies } = await startRuns(h, RUNS);
  out.bytes = bodies.filter((b) => b.type !== 'document').map((b) => ({ file: new URL(b.url).pathname, raw: b.raw, gz: b.gz }));
  out.document = bodies.filter((b) => b.type === 'document').map((b) => ({ file: new URL(b.url).pathname, raw: b.raw, gz: b.gz }));
  out.totalGz = out.bytes.reduce((a, b) => a + b.gz, 0);
  out.totalRaw = out.bytes.reduce((a, b) => a + b.raw, 0);
  out.start = {
    runs: runs.length,
    scriptToFirstFrame: runs.map((r) => r.firstFrameEnd - r.tendStart),
    scriptToOnScreen: runs.map((r) => r.firstOnScreen - r.tendStart),
    inMount: runs.filter((r) => r.firstFrameInMount).length,
    navToFirstFrame: runs.map((r) => r.firstFrameEnd),
    scriptToWasmFetched: runs.map((r) => r.wasmFetched - r.tendStart),
    scriptToCompiled: runs.map((r) => r.compiled - r.tendStart),
    scriptToInstantiated: runs.map((r) => r.instantiated - r.tendStart),
    scriptToFirstFrameStart: runs.map((r) => r.firstFrameStart - r.tendStart),
    firstFrameMs: runs.map((r) => r.firstFrameEnd - r.firstFrameStart),
  };

  // Interactive frames, idle frames, heap.
  const page = await h.newPage({ width: 1024 });
  await page.addInitScript(INSTRUMENT);
  await H.openPage(page, h.base + '/demo/');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await H.runPlan(page, H.LONG_PATH, H.pointerDriver(page), H.WIDGET, { stopAt: 'kind_phrase' });
  await H.sleep(600);
  const ids = ['may_i', 'doing_best', 'go_gently', 'makes_sense'];
  const labels = ids.map((id) => H.optionLabel('kind_phrase', id));
  const ts = await H.targets(page);
  const rects = labels.map((l) => ts.find((t) => t.id === '##option' && t.label === l));
  const box = await page.evaluate(() => { const r = document.querySelector('.tend-canvas').getBoundingClientRect(); return { x: r.left, y: r.top }; });
  await page.evaluate(() => { window.__bench.frameMs = []; window.__bench.callbackMs = []; });
  const f0 = await H.frames(page), m0 = (await cdp.send('Performance.getMetrics')).metrics, c0 = cpuTicks(), w0 = Date.now();
  const INTERACTIONS = 50;
  for (let i = 0; i < INTERACTIONS; i++) {
    const r = rects[i % rects.length];
    const x = box.x + r.x + r.w / 2, y = box.y + r.y + r.h / 2;
    if (i % 2) { await page.mouse.move(x, y, { steps: 3 }); } // a hover
    else { await page.mouse.click(x, y); }                     // a choice (saved to storage)
    await H.sleep(120);
  }
  await H.sleep(400);
  const f1 = await H.frames(page), m1 = (await cdp.send('Performance.getMetrics')).metrics, c1 = cpuTicks(), w1 = Date.now();
  const metric = (m, name) => (m.find((x) => x.name === name) || { value: 0 }).value;
  const B = await page.evaluate(() => ({ frameMs: window.__bench.frameMs, callbackMs: window.__bench.callbackMs }));
  const frames = f1 - f0;
  out.frame = {
    interactions: INTERACTIONS, frames,
    callbackMeanMs: B.frameMs.reduce((a, b) => a + b, 0) / Math.max(1, B.frameMs.length),
    callbackP50Ms: median(B.frameMs), callbackP95Ms: pct(B.frameMs, 0.95), callbackMaxMs: Math.max(...B.frameMs),
    taskMsPerFrame: (metric(m1, 'TaskDuration') - metric(m0, 'TaskDuration')) * 1000 / Math.max(1, frames),
    scriptMsPerFrame: (metric(m1, 'ScriptDuration') - metric(m0, 'ScriptDuration')) * 1000 / Math.max(1, frames),
    browserCpuMsPerFrame: ((c1 - c0) * TICK_MS) / Math.max(1, frames),
    wallS: (w1 - w0) / 1000,
  };
  await page.mouse.move(1, 1);
  // Let the last interaction's frames finish (a busy machine draws them late): no new frame
  // for a full second, at most 10 s; then count 3 s.
  for (let t = 0, last = -1, still = 0; t < 10000 && still < 1000; t += 250) {
    const f = await H.frames(page);
    still = f === last ? still + 250 : 0;
    last = f;
    await H.sleep(250);
  }
  const i0 = await H.frames(page);
  await H.sleep(3000);
  out.idleFrames3s = (await H.frames(page)) - i0;
  out.heap = await page.evaluate(() => window.__bench.memories.map((m) => m.buffer.byteLength));
  out.jsHeapUsed = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  await page.context().close();

  // The same interactions, fewer, with every WebGL call timed: where a frame's time goes.
  const gp = await h.newPage({ width: 1024 });
  await gp.addInitScript(INSTRUMENT, { gl: true });
  await H.openPage(gp, h.base + '/demo/');
  const firstGl = await gp.evaluate(() => {
    const B = window.__bench;
    return { ms: B.firstFrameEnd - B.firstFrameStart, gl: B.firstFrameGlMs };
  });
  await H.runPlan(gp, H.LONG_PATH, H.pointerDriver(gp), H.WIDGET, { stopAt: 'kind_phrase' });
  await H.sleep(600);
  const gbox = await gp.evaluate(() => { const r = document.querySelector('.tend-canvas').getBoundingClientRect(); return { x: r.left, y: r.top }; });
  await gp.evaluate(() => { const B = window.__bench; B.frameMs = []; B.frameGlMs = []; B.gl = { ms: 0, calls: 0, byName: {} }; });
  const gf0 = await H.frames(gp);
  for (let i = 0; i < 20; i++) {
    const r = rects[i % rects.length];
    await gp.mouse.click(gbox.x + r.x + r.w / 2, gbox.y + r.y + r.h / 2);
    await H.sleep(120);
  }
  await H.sleep(400);
  const G = await gp.evaluate(() => { const B = window.__bench; return { frameMs: B.frameMs, frameGlMs: B.frameGlMs, gl: B.gl }; });
  const gframes = (await H.frames(gp)) - gf0;
  out.glBreakdown = {
    firstFrameMs: firstGl.ms, firstFrameGlMs: firstGl.gl,
    frames: gframes,
    callbackMeanMs: G.frameMs.reduce((a, b) => a + b, 0) / Math.max(1, G.frameMs.length),
    glMeanMs: G.frameGlMs.reduce((a, b) => a + b, 0) / Math.max(1, G.frameGlMs.length),
    callsPerFrame: G.gl.calls / Math.max(1, gframes),
    top: Object.entries(G.gl.byName).sort((a, b) => b[1][0] - a[1][0]).slice(0, 5)
      .map(([name, [t, n]]) => ({ name, msPerFrame: t / Math.max(1, gframes), callsPerFrame: n / Math.max(1, gframes) })),
  };
  await gp.context().close();

  // Two widgets on a page: a memory each.
  const two = await h.newPage({ width: 1024 });
  await two.addInitScript(INSTRUMENT);
  await H.openPage(two, h.base + '/demo/two-widgets.html', ['#first', '#second']);
  out.heapTwo = await two.evaluate(() => window.__bench.memories.map((m) => m.buffer.byteLength));
  await two.context().close();
  return out;
}

// ---- SurveyJS, a comparable page ----------------------------------------------------------
const SURVEY_JSON = {
  title: 'When self-compassion feels impossible',
  description: 'A ten-minute practice for the times when being kind to yourself feels out of reach.',
  questionsOnPageMode: 'questionPerPage', showProgressBar: 'top', showQuestionNumbers: 'off',
  pages: [{ elements: [
    { type: 'html', name: 'arrive', html: '<p>Welcome. There’s nothing to get right here — just a few minutes with yourself, at your own pace.</p><p>This is a gentle practice, not therapy. You can pause or stop at any time, and skip anything you’d rather not answer.</p>' },
    { type: 'radiogroup', name: 'kind_phrase', title: 'Which kind words would you like to try? Pick the one that feels closest, or use your own.', showOtherItem: true, otherText: 'My own words',
      choices: ['May I be kind to myself right now.', 'This is hard, and I’m doing my best.', 'I’m allowed to go gently with myself.', 'It makes sense that this is hard.'] },
    { type: 'comment', name: 'reach_body', title: 'What did you notice in your body as you offered yourself those words?', description: 'For example: a tightness, some warmth, a lump in the throat, wanting to look away…' },
    { type: 'comment', name: 'reach_thoughts', title: 'And in your thoughts? What came up when you tried?' },
    { type: 'radiogroup', name: 'checkin_reach', title: 'Before we go on: how is this for you right now?', choices: ['I’d like to keep going, gently', 'This is a lot right now'] },
    { type: 'checkbox', name: 'which_part', title: 'If it feels okay, notice what pushed back. Which of these come closest?', showOtherItem: true,
      choices: ['A critic: “you don’t deserve it”', 'A protector: “it isn’t safe to soften”', 'A worry that being kind to myself is selfish', 'Numbness — I felt numb or far away', 'Two parts at once', 'Nothing pushed back'] },
    { type: 'rating', name: 'intensity_before', title: 'How strong does it feel right now?', rateMin: 0, rateMax: 10, minRateDescription: 'barely there', maxRateDescription: 'very strong' },
    { type: 'comment', name: 'part_says', title: 'If it could speak, what would it say to you?' },
    { type: 'comment', name: 'part_fear', title: 'What is it afraid would happen if you were kind to yourself?' },
    { type: 'rating', name: 'intensity_after', title: 'And now, how strong does it feel?', rateMin: 0, rateMax: 10, minRateDescription: 'barely there', maxRateDescription: 'very strong' },
    { type: 'comment', name: 'remember', title: 'Is there anything from today you’d like to remember?' },
  ] }],
};

function surveySite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tend-bench-surveyjs-'));
  const nm = path.join(H.root, 'node_modules');
  fs.copyFileSync(path.join(nm, 'survey-core/survey.core.min.js'), path.join(dir, 'survey.core.min.js'));
  fs.copyFileSync(path.join(nm, 'survey-js-ui/survey-js-ui.min.js'), path.join(dir, 'survey-js-ui.min.js'));
  // The fontless theme: the default one fetches Open Sans from Google, which a strict CSP
  // (and the reader's privacy) refuses. So SurveyJS is measured without a web font.
  fs.copyFileSync(path.join(nm, 'survey-core/survey-core.fontless.min.css'), path.join(dir, 'survey-core.fontless.min.css'));
  fs.writeFileSync(path.join(dir, 'app.js'),
    `(function () {\n  var json = ${JSON.stringify(SURVEY_JSON)};\n` +
    '  var survey = new Survey.Model(json);\n' +
    '  survey.onComplete.add(function (s) { try { localStorage.setItem("survey", JSON.stringify(s.data)); } catch (e) {} });\n' +
    '  if (typeof survey.render === "function") survey.render(document.getElementById("survey"));\n' +
    '  else SurveyUI.renderSurvey(survey, document.getElementById("survey"));\n})();\n');
  fs.writeFileSync(path.join(dir, 'index.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>SurveyJS comparison</title>
<link rel="stylesheet" href="survey-core.fontless.min.css">
<script src="survey.core.min.js" defer></script><script src="survey-js-ui.min.js" defer></script><script src="app.js" defer></script>
</head><body><main style="max-width:40rem;margin:0 auto"><h1>A practice</h1><div id="survey"></div></main></body></html>`);
  return dir;
}

async function surveyBench(browser) {
  const dir = surveySite();
  const server = await serve(dir, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const runs = [];
  let bodies = null, errors = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await ctx.newPage();
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(INSTRUMENT);
    const got = recordBodies(page);
    await page.goto(base + '/');
    await page.waitForFunction(() => window.__bench.firstRender > 0, null, { timeout: 20000 });
    runs.push(await page.evaluate(() => {
      const res = performance.getEntriesByType('resource').find((e) => e.name.endsWith('survey.core.min.js'));
      return { firstDom: window.__bench.firstDom, firstRender: window.__bench.firstRender, scriptArrived: res ? res.responseEnd : 0 };
    }));
    if (!bodies) bodies = await got();
    await ctx.close();
  }
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
  const files = bodies.filter((b) => b.type !== 'document').map((b) => ({ file: new URL(b.url).pathname, raw: b.raw, gz: b.gz }));
  return {
    bytes: files, totalGz: files.reduce((a, b) => a + b.gz, 0), totalRaw: files.reduce((a, b) => a + b.raw, 0),
    navToFirstRender: runs.map((r) => r.firstRender), scriptToFirstRender: runs.map((r) => r.firstRender - r.scriptArrived),
    errors: [...new Set(errors)],
  };
}

function engineBench() {
  for (const p of ['build/tend_bench', 'build-perf/tend_bench']) {
    const exe = path.join(H.root, p);
    if (fs.existsSync(exe)) {
      try { return { exe: p, output: execFileSync(exe, { encoding: 'utf8', timeout: 120000 }) }; } catch (e) { return { exe: p, output: 'failed: ' + e.message }; }
    }
  }
  return null;
}

// ---- run --------------------------------------------------------------------------------
const h = await H.start();
const version = await h.browser.version();
const tend = await tendBench(h);
const survey = await surveyBench(h.browser);
await h.close();
// The same start-up with Chromium compositing the page through SwiftShader as well (no
// --disable-gpu): the widget's context is then made in a GPU process busy rasterising the page.
const hg = await H.start({ args: H.GPU_COMPOSITING_ARGS });
const gpuComposited = (await startRuns(hg, RUNS)).runs.map((r) => r.firstFrameEnd - r.tendStart);
await hg.close();
const engine = engineBench();

const cpu = os.cpus();
const machine = `${cpu.length} × ${cpu[0] ? cpu[0].model.trim() : 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ` +
  `${os.type()} ${os.release()}, load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}, Chromium ${version} headless (--disable-gpu: software compositing, SwiftShader WebGL), Node ${process.version}`;

const lines = [];
const say = (s = '') => { lines.push(s); console.log(s); };
say(`Tend widget benchmark — ${new Date().toISOString()}`);
say(`machine: ${machine}`);
say('');
say('Page weight for one widget (what the demo page requested, each body gzip -9):');
for (const b of tend.bytes) say(`  ${b.file.padEnd(44)} ${String(b.raw).padStart(9)} B  ${String(b.gz).padStart(8)} B gz`);
say(`  ${'total'.padEnd(44)} ${String(tend.totalRaw).padStart(9)} B  ${String(tend.totalGz).padStart(8)} B gz = ${kb(tend.totalGz)}   (target ≤ 200 KB)`);
say(`  (the article itself: ${tend.document.map((d) => `${d.file} ${d.gz} B gz`).join(', ')}, not counted)`);
say('');
say(`Start (median of ${tend.start.runs} fresh contexts, no HTTP cache):`);
say(`  tend.js starts → first frame drawn   ${ms(median(tend.start.scriptToFirstFrame))}  (min ${ms(Math.min(...tend.start.scriptToFirstFrame))}, max ${ms(Math.max(...tend.start.scriptToFirstFrame))})   (target ≤ 300 ms)`);
say(`    wasm downloaded ${ms(median(tend.start.scriptToWasmFetched))}, compiled ${ms(median(tend.start.scriptToCompiled))}, ` +
    `instantiated ${ms(median(tend.start.scriptToInstantiated))}, then ` +
    (tend.start.inMount === tend.start.runs ? `${ms(median(tend.start.firstFrameMs))} to the end of mount, which draws the first frame` :
      `first frame starts ${ms(median(tend.start.scriptToFirstFrameStart))} and takes ${ms(median(tend.start.firstFrameMs))}`));
say(`  tend.js starts → the next animation frame (the first frame on screen)   ${ms(median(tend.start.scriptToOnScreen))}`);
say(`    (with WebGL timed, one run: instantiated → first frame drawn ${ms(tend.glBreakdown.firstFrameMs)}, ${ms(tend.glBreakdown.firstFrameGlMs)} of it inside WebGL)`);
say(`  navigation → first frame            ${ms(median(tend.start.navToFirstFrame))}`);
say(`  tend.js starts → first frame drawn, the page composited through SwiftShader too (no --disable-gpu)   ` +
    `${ms(median(gpuComposited))}  (min ${ms(Math.min(...gpuComposited))}, max ${ms(Math.max(...gpuComposited))})`);
say('');
say(`Interactive frames (${tend.frame.interactions} interactions on a choice step: clicks and hovers; ${tend.frame.frames} frames in ${tend.frame.wallS.toFixed(1)} s):`);
say(`  widget rAF callback per frame      mean ${ms(tend.frame.callbackMeanMs)}, p50 ${ms(tend.frame.callbackP50Ms)}, p95 ${ms(tend.frame.callbackP95Ms)}, max ${ms(tend.frame.callbackMaxMs)}   (target ≤ 4 ms)`);
say(`  renderer main thread per frame     ${ms(tend.frame.taskMsPerFrame)} (TaskDuration), ${ms(tend.frame.scriptMsPerFrame)} of it script`);
say(`  all Chromium processes per frame   ${ms(tend.frame.browserCpuMsPerFrame)} (includes SwiftShader's software drawing and the test's input)`);
say(`  with every WebGL call timed (${tend.glBreakdown.frames} frames, ${tend.glBreakdown.callsPerFrame.toFixed(0)} GL calls/frame): ` +
    `callback ${ms(tend.glBreakdown.callbackMeanMs)}, of which inside WebGL ${ms(tend.glBreakdown.glMeanMs)}; ` +
    `the widget's own work (callback − WebGL) ${ms(tend.glBreakdown.callbackMeanMs - tend.glBreakdown.glMeanMs)}`);
say(`    slowest GL calls per frame: ${tend.glBreakdown.top.map((t) => `${t.name} ${ms(t.msPerFrame)} (${t.callsPerFrame.toFixed(1)}×)`).join(', ')}`);
say(`Idle: ${tend.idleFrames3s} frames in 3 s   (target 0)`);
say(`Heap: wasm memory per widget ${tend.heap.map(kb).join(', ')} after the interactions; two widgets on a page: ${tend.heapTwo.map(kb).join(' + ')}   (target ≤ 16 MB each)`);
say(`      JS heap of the page ${kb(tend.jsHeapUsed)}`);
say('');
say('SurveyJS 2.5.38 (survey-core + survey-js-ui + fontless CSS), 11 questions, one per page:');
for (const b of survey.bytes) say(`  ${b.file.padEnd(44)} ${String(b.raw).padStart(9)} B  ${String(b.gz).padStart(8)} B gz`);
say(`  ${'total'.padEnd(44)} ${String(survey.totalRaw).padStart(9)} B  ${String(survey.totalGz).padStart(8)} B gz = ${kb(survey.totalGz)}`);
say(`  navigation → first render (next frame after its DOM)   ${ms(median(survey.navToFirstRender))}`);
say(`  survey.core.min.js arrived → first render              ${ms(median(survey.scriptToFirstRender))}`);
if (survey.errors.length) say(`  console errors: ${survey.errors.join(' | ')}`);
say(`Size ratio SurveyJS / Tend (gzipped): ${(survey.totalGz / tend.totalGz).toFixed(2)}×`);
say('');
if (engine) { say(`Engine (${engine.exe}):`); for (const l of engine.output.trim().split('\n')) say('  ' + l); }
else say('Engine: build/tend_bench not built (run scripts/build), skipped.');

if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify({ date: new Date().toISOString(), machine, tend, gpuComposited, survey, engine }, null, 2));
