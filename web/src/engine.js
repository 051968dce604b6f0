// Tend: the engine (tend-engine.wasm), compiled once per page and run once per widget.
//
// Each widget gets its own instance (its own memory), so widgets never share state. Engine
// wraps one instance's entry points (src/web/exports.cpp) in calls that read like the page's
// side of them; strings cross as UTF-8 in the instance's memory.

// Emscripten's glue for the wasm (its factory instantiates one engine): scripts/build-web
// puts it into tend.js, so it costs no request of its own and adds no global.
import TendEngine from 'tend-engine-glue';
import { compileChecked } from './integrity.js';
import { storageArea, onStorageGranted } from './frame.js';

let compiled = null; // Promise<WebAssembly.Module>, shared by every widget on the page
const peers = new Set(); // every widget's storage watch: widgets on the same answers follow each other

// Asks for the engine (once); a failure lets a later widget try again. It compiles while it
// downloads, and is used only if its bytes are the ones this tend.js was built with
// (integrity.js). priority: 'low' for the idle-time prefetch (web/src/schedule.js), so it never
// competes with the article's own resources; the browser's default otherwise.
export function loadEngine(base, priority) {
  if (!compiled) {
    if (typeof TendEngine !== 'function') return Promise.reject(new Error('this tend.js has no engine glue: use the one scripts/build-web stages'));
    compiled = compileChecked(base + 'tend-engine.wasm', priority);
    compiled.catch(() => { compiled = null; });
  }
  return compiled;
}

function withString(M, text, fn) {
  const n = M.lengthBytesUTF8(text) + 1, p = M._malloc(n);
  M.stringToUTF8(text, p, n);
  try { return fn(p); } finally { M._free(p); }
}

function takeString(M, p) {
  const s = M.UTF8ToString(p);
  M._free(p);
  return s;
}

// One engine for one widget. host: its Host (host.js), which the engine's messages reach.
export function startEngine(module, base, host) {
  return new Promise((resolve, reject) => {
    TendEngine(Object.assign(Object.create(null), { // nothing a page added to Object.prototype reads as a setting
      tendHost: host,
      tendPeers: peers,
      tendStorage: storageArea,
      locateFile: (path) => base + path,
      // Compiled once for the page; each widget only instantiates it.
      instantiateWasm: (imports, done) => {
        WebAssembly.instantiate(module, imports).then((instance) => done(instance, module), reject);
        return {};
      },
    })).then((M) => {
      const e = Engine(M), off = onStorageGranted(() => e.storageChanged()), unmount = e.unmount;
      e.unmount = () => { off(); unmount(); };
      resolve(e);
    }, reject);
  });
}

// Mount's steps (src/web/widget.h), by name, for handle._debug.mountSteps.
const STEPS = ['exercise', 'content hash', 'session', 'screen', 'atlas', 'layout', 'context', 'first frame'];

// A new task, so the page's input, rendering and own work can run between mount's steps.
const nextTask = () => (window.scheduler && scheduler.yield ? scheduler.yield() : new Promise((r) => setTimeout(r, 0)));

function Engine(M) {
  let live = true;
  const steps = []; // [name, ms] of each of mount's steps
  const call = (fn, ...texts) => {
    if (!live) return undefined;
    const go = (i, ptrs) => (i === texts.length ? fn(...ptrs) : withString(M, texts[i], (p) => go(i + 1, [...ptrs, p])));
    return go(0, []);
  };
  return {
    // Mounts in steps, each a task of its own: a promise of what mount reports, 0 drawn on the
    // canvas, 3 without WebGL (the mirror is the widget), 1 a bad exercise (or unmounted meanwhile).
    mount(canvas, exercise, config) {
      M.specialHTMLTargets['!tend-canvas'] = canvas; // by element, wherever it lives (engine_library.js)
      const timed = (i, fn) => {
        const t0 = performance.now(), rc = fn();
        steps.push([STEPS[i] || String(i), performance.now() - t0]);
        return rc;
      };
      const next = (i, rc) => (rc !== 2 ? Promise.resolve(rc)
        : nextTask().then(() => next(i + 1, live ? timed(i, () => M._tend_mount_step()) : 1)));
      return next(1, timed(0, () => call(M._tend_mount, '!tend-canvas', exercise, config)));
    },
    mountSteps: () => steps.map(([name, ms]) => ({ name, ms })),
    unmount() { if (live) { live = false; M._tend_unmount(); } },
    press: (key) => call(M._tend_press, key),
    typed: (fieldKey, words) => call(M._tend_text_input, fieldKey, words),
    focus: (key) => call(M._tend_focus, key),
    copyResult: (ok) => live && M._tend_copy_result(ok ? 1 : 0),
    storageChanged: () => live && M._tend_web_storage(),
    state: () => (live ? JSON.parse(takeString(M, M._tend_state_json())) : null),
    // For tests: frames drawn, the last frame's controls and texts, glyphs the canvas would draw as "?".
    frames: () => (live ? M._tend_frames() : 0),
    framePending: () => live && M._tend_frame_pending() !== 0,
    targets: () => (live ? JSON.parse(takeString(M, M._tend_targets_json())) : []),
    missingGlyphs: (text) => (live ? call(M._tend_missing_glyphs, String(text)) : -1),
    recordText: (on) => live && M._tend_record_text(on ? 1 : 0),
    drawnText: () => (live ? JSON.parse(takeString(M, M._tend_drawn_text())) : []),
    memory: () => (live ? M.HEAPU8.length : 0), // the instance's wasm memory, in bytes
  };
}
