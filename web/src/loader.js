/* Tend: a guided self-compassion exercise, embedded with one script tag.
 *
 *   <script src="https://example.org/tend/tend.js" defer></script>
 *   <div data-tend-exercise="self-compassion-impossible" data-tend-accent="#7a5c99"></div>
 *
 * Every element with data-tend-exercise gets its box when the page is ready, and starts when
 * the reader comes near it (schedule.js; data-tend-start="now" starts it at once); more can
 * be mounted later with Tend.mount(element, options). The engine (tend-engine.wasm) is fetched
 * and compiled once per page and instantiated once per widget, so widgets never share state.
 * This file asks the network only for the widget's own files: tend.css, tend-engine.wasm
 * and the exercise JSON. No cookies, no eval. On window: the global Tend, and one passive
 * `storage` listener per widget (see engine_library.js), and, while its reply box has the
 * focus, one on window.visualViewport (viewport.js). Every other listener is on the widget's
 * own elements.
 *
 * Each widget is a canvas (Dear ImGui draws it; aria-hidden, never focused) plus a DOM mirror
 * of the same screen (mirror.js) that screen readers and the keyboard use, and an aria-live
 * region that says each new step. Without WebGL the mirror is shown as the widget itself,
 * and everything still works.
 *
 * The same widget is also <tend-exercise> (element.js), in a shadow root of its own. The files
 * beside this one are found from its own URL, so it runs the same from a CDN (cross-origin,
 * CORS) as from the practice's site, and each is checked against the hash it was built with
 * (integrity.js). In someone else's frame, see frame.js.
 *
 * The page-side code is in web/src/ (this file, options.js, engine.js, host.js, mirror.js,
 * hold.js, room.js, viewport.js, persist.js, schedule.js, element.js, integrity.js, frame.js, by_hand.js, and
 * engine_library.js inside the engine);
 * scripts/build-web joins it into tend.js, with the version and the hashes (tend-build).
 */
import { CANT_SHOW, CANT_SHOW_HERE } from 'tend-words';
import { VERSION } from 'tend-build';
import { defineElement } from './element.js';
import { loadEngine, startEngine } from './engine.js';
import { askOnFirstTap } from './frame.js';
import { Host } from './host.js';
import { hold, holdEach } from './hold.js';
import { hashOf } from './integrity.js';
import { PLACE_HEIGHT, releasePlace } from './place.js';
import { askToKeep } from './persist.js';
import { has, setLang, table } from './mirror.js';
import { dataOptions, engineConfig, exerciseSource, loadExercise } from './options.js';
import { fitRoom } from './room.js';
import { prefetch, startOption, startWhen, stopWaiting, isWaiting, whenIdle } from './schedule.js';
import { keepInSight } from './viewport.js';

// The kind words for a widget that can't be shown, in the exercise's language (or the page's):
// "try again later" only when later might be different.
function cantShow(language, never) {
  const words = never ? CANT_SHOW_HERE : CANT_SHOW;
  const primary = String(language || '').toLowerCase().split(/[-_]/)[0];
  return has(words, primary) ? words[primary] : words.en;
}

// Why the widget's files couldn't run here, when it is something that will never change by
// itself: what the console says, for the practice. null for anything else.
function permanentCause(err) {
  const text = String((err && err.message) || err || '');
  if (/Content Security Policy|wasm-unsafe-eval|wasm-eval|disallowed by embedder/i.test(text)) {
    return 'this page\'s Content-Security-Policy doesn\'t allow WebAssembly: add \'wasm-unsafe-eval\' to its script-src';
  }
  if (self.origin === 'null' && err instanceof TypeError) {
    return 'this page is in a sandboxed frame (origin "null"), and the server of the widget\'s files (tend.css, ' +
      'tend-engine.wasm, the exercises) doesn\'t allow that origin (CORS): serve them with Access-Control-Allow-Origin, ' +
      'or give the frame allow-same-origin';
  }
  return null;
}

// Every file's outcome, not only the first failure's: the console then names a cause that will
// never change (a sandboxed frame, a CSP) even when another file happened to fail first.
function allOrWorst(promises) {
  return Promise.allSettled(promises).then((outcomes) => {
    const failed = outcomes.filter((o) => o.status === 'rejected').map((o) => o.reason);
    if (!failed.length) return outcomes.map((o) => o.value);
    throw failed.find((e) => permanentCause(e)) || failed[0];
  });
}

function freeze(o) {
  if (o && typeof o === 'object') { Object.keys(o).forEach((k) => freeze(o[k])); Object.freeze(o); }
  return o;
}

function publicState(s) {
  return { exerciseId: s.exercise_id, exerciseVersion: s.exercise_version, stepId: s.step_id,
    inSafety: s.in_safety, finished: s.finished, answers: s.answers };
}

function start() {
  if (window.Tend && window.Tend.version) return; // included twice: keep the first

  // document.currentScript is only set while this file first runs (null later, and for
  // modules), so the loader's own address is captured now; the widget's files sit beside it.
  // (A site builder that loads it some other way still leaves a <script src=".../tend.js">.)
  const self = document.currentScript || Array.prototype.filter.call(document.scripts, (s) => /\/tend\.js([?#]|$)/.test(s.src)).pop();
  const src = self && self.src ? self.src : location.href;
  const base = new URL('.', src).href;
  let nextId = 0;

  // Into the document's head, or a <tend-exercise>'s shadow root. Resolves once it applies;
  // refused (not the tend.css this file was built with, or missing), the widget isn't shown.
  function addStylesheet(into) {
    let link = into.querySelector('link[data-tend-css]');
    if (!link) {
      link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = base + 'tend.css';
      link.integrity = hashOf('tend.css');
      link.crossOrigin = 'anonymous';
      link.referrerPolicy = 'no-referrer';
      link.setAttribute('data-tend-css', '');
      link.__tendLoaded = new Promise((ok, no) => {
        link.onload = ok;
        // A TypeError, as fetch's own failures are: the file didn't arrive (missing, refused by
        // CORS, or not the tend.css this tend.js was built with).
        link.onerror = () => no(new TypeError(link.href + ' was refused (not the tend.css this tend.js was built with), is missing, or is not allowed by CORS'));
      });
      into.appendChild(link);
    }
    return link.__tendLoaded || Promise.resolve();
  }

  // The widget's elements: the card's canvas, the live region, the mirror, the reply box and
  // the place for a message when it can't be shown.
  function build(el, uid, into) {
    const make = (tag, cls, attrs) => {
      const e = document.createElement(tag);
      e.className = cls;
      for (const a of Object.keys(attrs || {})) e.setAttribute(a, attrs[a]);
      return e;
    };
    const dom = {
      uid,
      frame: make('div', 'tend-frame', { role: 'region' }),
      canvas: make('canvas', 'tend-canvas', { id: uid, 'aria-hidden': 'true' }), // never focused, never read: the mirror speaks for it
      live: make('div', 'tend-sr', { 'aria-live': 'polite' }),
      layer: make('div', 'tend-mirror'),
      field: make('textarea', 'tend-field', { autocomplete: 'off', dir: 'auto' }), // the reader's words go their own way
      message: make('div', 'tend-message', { role: 'status' }),
    };
    dom.field.hidden = dom.message.hidden = true;
    // Where each element is, inline and !important: no theme of the page can move it (hold.js).
    holdEach(dom.frame, 'frame');
    holdEach(dom.canvas, 'canvas');
    dom.canvas.style.setProperty('height', PLACE_HEIGHT, 'important'); // reserved so the article doesn't jump when it loads (place.js)
    hold(dom.live, 'unseen');
    [dom.canvas, dom.live, dom.layer, dom.message].forEach((e) => dom.frame.appendChild(e));
    (into || el).appendChild(dom.frame);
    return dom;
  }

  // into: a shadow root of el's to build the widget in (<tend-exercise>), or none.
  function mount(el, options, into) {
    if (!(el instanceof Element)) throw new TypeError('Tend.mount needs an element');
    if (el.__tend) return el.__tend;
    // A null prototype: what a page adds to Object.prototype is no option of ours.
    options = Object.assign(Object.create(null), dataOptions(el), options || {});

    // An id no element of the page has (for the page's own references; the engine is handed the canvas itself).
    let uid;
    do uid = 'tend-canvas-' + (++nextId); while (document.getElementById(uid));
    const dom = build(el, uid, into);
    askOnFirstTap(dom.frame);
    const listeners = table({ step: [], complete: [], view: [] });
    let engine = null, lastView = null, steps = 0, language = '';
    const emit = (name, value) => {
      if (name === 'view') { lastView = value; steps++; }
      const copy = name === 'complete' ? publicState(value) : value;
      listeners[name].slice().forEach((fn) => {
        try { fn(freeze(JSON.parse(JSON.stringify(copy)))); } catch (e) { console.error(e); }
      });
    };
    const fail = (err) => {
      const cause = permanentCause(err);
      if (err) console.error('Tend: ' + (err.message || err) + (cause ? ' — ' + cause : ''));
      dom.canvas.hidden = dom.layer.hidden = true;
      holdEach(dom.canvas, 'canvas');
      holdEach(dom.layer, 'layer');
      dom.message.textContent = cantShow(language || document.documentElement.lang, !!cause);
      setLang(dom.message, language || document.documentElement.lang);
      dom.message.hidden = false;
      releasePlace(el);
    };
    const host = Host(dom, emit);
    const stopKeepingInSight = keepInSight(dom.frame, dom.field); // the reply box above a phone's keyboard
    const stopFitting = fitRoom(dom.frame); // in a fixed-height box that clips, the widget scrolls within it

    // Which control has the page's focus, for the ring the canvas draws ("" when it leaves).
    dom.frame.addEventListener('focusin', (e) => engine && engine.focus(e.target.getAttribute('data-k') || ''));
    dom.frame.addEventListener('focusout', (e) => { if (engine && !dom.frame.contains(e.relatedTarget)) engine.focus(''); });
    // What the reader types in the widget's reply box is theirs: the page's own keyboard
    // shortcuts ("/" for search, "j"/"k") never see those keys.
    const typing = (e) => { if (e.target === dom.field) e.stopPropagation(); };
    ['keydown', 'keypress', 'keyup'].forEach((type) => dom.frame.addEventListener(type, typing));
    // Escape, anywhere inside the widget, opens "I need a pause" (the mirror has it while it is offered).
    dom.frame.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || e.isComposing || !engine || !host.mirror.has('need_pause')) return;
      e.preventDefault();
      engine.press('need_pause');
    });

    const handle = {
      element: el,
      unmount() {
        stopWaiting(el);
        if (engine) engine.unmount();
        engine = null;
        stopKeepingInSight();
        stopFitting();
        dom.frame.remove();
        delete el.__tend;
        Object.keys(listeners).forEach((k) => { listeners[k] = []; });
      },
      // A read-only copy: changing it changes nothing in the widget.
      state() { return engine ? freeze(publicState(engine.state())) : null; },
      on(name, fn) {
        if (!has(listeners, name)) throw new Error('Tend: unknown event ' + name + ' (step, complete, view)');
        listeners[name].push(fn);
        if (name === 'view' && lastView) fn(freeze(JSON.parse(JSON.stringify(lastView))));
        return function off() { listeners[name] = listeners[name].filter((f) => f !== fn); };
      },
      // Test-only: what the canvas drew (see engine.js).
      _debug: {
        get frames() { return engine ? engine.frames() : 0; },
        get framePending() { return !!engine && engine.framePending(); }, // the canvas isn't showing the latest yet
        get steps() { return steps; },
        get waiting() { return isWaiting(el); }, // not started yet: not near the viewport (schedule.js)
        mountSteps: () => (engine ? engine.mountSteps() : []), // each of mount's steps (engine.js), in ms
        missingGlyphs: (text) => (engine ? engine.missingGlyphs(text) : -1),
        targets: () => (engine ? engine.targets() : []),
        messages: () => Object.assign({}, host.counts), // how many of each the engine sent the page
        // Every text the canvas drew in its last frame, once recordText(true) has been asked.
        recordText: (on) => engine && engine.recordText(on),
        drawnText: () => (engine ? engine.drawnText() : []),
        // Bytes this widget holds: its wasm memory, and its canvas's backing store (4 per pixel).
        memory: () => ({ heap: engine ? engine.memory() : 0,
          canvas: dom.frame.classList.contains('tend-dom') ? 0 : dom.canvas.width * dom.canvas.height * 4 }),
      },
    };
    el.__tend = handle;
    askToKeep(handle); // navigator.storage.persist(), once the reader has words worth keeping

    // Started when the reader comes near (schedule.js); the engine and the exercise are
    // fetched before that, once the page is idle.
    const source = exerciseSource(options, base);
    const started = startWhen(el, options.start);
    if (startOption(options.start) !== 'now') prefetch(() => loadEngine(base, 'low').catch(() => {}));
    // Nothing is asked of the network before the article has painted: a stylesheet added
    // earlier holds the page's first paint until it arrives, and Lighthouse counts every
    // request made before the largest paint in that paint's time.
    const early = Promise.race([whenIdle(), started]);
    const exercise = early.then(() => loadExercise(options, base));
    const styled = early.then(() => addStylesheet(into || document.head));
    // The exercise and the stylesheet are known early, so a broken one shows before the reader
    // comes near; the engine is asked for once the widget starts.
    const engineReady = started.then((go) => (go ? loadEngine(base) : null));
    handle.ready = allOrWorst([exercise, styled]).then(([exerciseText]) => engineReady.then((module) => [module, exerciseText])).then(([module, exerciseText]) => {
      try { language = String(JSON.parse(exerciseText).language || ''); } catch (e) { language = ''; }
      if (!el.__tend || !module) return null; // unmounted while waiting or loading
      return startEngine(module, base, host).then((e) => {
        if (!el.__tend) return null;
        return e.mount(dom.canvas, exerciseText, engineConfig(options, source)).then((rc) => {
          if (!el.__tend) { e.unmount(); return null; } // unmounted between mount's steps
          if (rc === 3) host.showAlone(true); // no WebGL: the mirror is the widget
          if (rc !== 0 && rc !== 3) { fail(); return null; }
          engine = e;
          host.attach(e);
          releasePlace(el); // the card holds its place now
          return handle;
        });
      });
    }).catch((e) => { stopWaiting(el); fail(e); return null; });
    return handle;
  }

  function mountAll(root) {
    const found = (root || document).querySelectorAll('[data-tend-exercise]');
    // A widget that starts at once asks for the engine before any widget's DOM is built (each
    // mount reports a failure); the others wait for the page to be idle (schedule.js).
    if (Array.prototype.some.call(found, (el) => startOption(el.getAttribute('data-tend-start')) === 'now')) loadEngine(base).catch(() => {});
    return Array.prototype.map.call(found, (el) => mount(el));
  }

  window.Tend = { version: VERSION, mount: (el, options) => mount(el, options), mountAll };
  defineElement(mount, self && self.src ? new URL(self.src).searchParams : new URLSearchParams());
  // The page's widgets are built in a task after the one that runs this file: neither is a
  // long task of the page's (their places are held meanwhile: place.js).
  const mountPage = () => setTimeout(() => mountAll(), 0);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mountPage, { once: true });
  else mountPage();
}

start();
