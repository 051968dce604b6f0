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
 * `storage` listener per widget (see engine_library.js). Every other listener is on the
 * widget's own elements.
 *
 * Each widget is a canvas (Dear ImGui draws it; aria-hidden, never focused) plus a DOM mirror
 * of the same screen (mirror.js) that screen readers and the keyboard use, and an aria-live
 * region that says each new step. Without WebGL the mirror is shown as the widget itself,
 * and everything still works.
 *
 * The page-side code is in web/src/ (this file, options.js, engine.js, host.js, mirror.js,
 * and engine_library.js inside the engine); scripts/build-web joins it into tend.js.
 */
import { CANT_SHOW } from 'tend-words';
import { loadEngine, startEngine } from './engine.js';
import { Host } from './host.js';
import { has, setLang, table } from './mirror.js';
import { dataOptions, engineConfig, loadExercise } from './options.js';
import { prefetch, startOption, startWhen, stopWaiting, isWaiting, whenIdle } from './schedule.js';

const VERSION = '0.1.0';

// The kind words for a widget that can't be shown, in the exercise's language (or the page's).
function cantShow(language) {
  const primary = String(language || '').toLowerCase().split(/[-_]/)[0];
  return has(CANT_SHOW, primary) ? CANT_SHOW[primary] : CANT_SHOW.en;
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
  const self = document.currentScript;
  const base = new URL('.', self && self.src ? self.src : location.href).href;
  let nextId = 0;

  function addStylesheet() {
    if (document.querySelector('link[data-tend-css]')) return;
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = base + 'tend.css';
    link.setAttribute('data-tend-css', '');
    document.head.appendChild(link);
  }

  // The widget's elements: the card's canvas, the live region, the mirror, the reply box and
  // the place for a message when it can't be shown.
  function build(el, uid) {
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
    dom.canvas.style.height = '480px'; // reserved so the article doesn't jump when it loads
    dom.field.hidden = dom.message.hidden = true;
    [dom.canvas, dom.live, dom.layer, dom.message].forEach((e) => dom.frame.appendChild(e));
    el.appendChild(dom.frame);
    return dom;
  }

  function mount(el, options) {
    if (!(el instanceof Element)) throw new TypeError('Tend.mount needs an element');
    if (el.__tend) return el.__tend;
    // A null prototype: what a page adds to Object.prototype is no option of ours.
    options = Object.assign(Object.create(null), dataOptions(el), options || {});
    addStylesheet();

    const dom = build(el, 'tend-canvas-' + (++nextId));
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
      if (err) console.error('Tend: ' + (err.message || err));
      dom.canvas.hidden = dom.layer.hidden = true;
      dom.message.textContent = cantShow(language || document.documentElement.lang);
      setLang(dom.message, language || document.documentElement.lang);
      dom.message.hidden = false;
    };
    const host = Host(dom, emit);

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
        get steps() { return steps; },
        get waiting() { return isWaiting(el); }, // not started yet: not near the viewport (schedule.js)
        mountSteps: () => (engine ? engine.mountSteps() : []), // each of mount's steps (engine.js), in ms
        missingGlyphs: (text) => (engine ? engine.missingGlyphs(text) : -1),
        targets: () => (engine ? engine.targets() : []),
        messages: () => Object.assign({}, host.counts), // how many of each the engine sent the page
        // Every text the canvas drew in its last frame, once recordText(true) has been asked.
        recordText: (on) => engine && engine.recordText(on),
        drawnText: () => (engine ? engine.drawnText() : []),
      },
    };
    el.__tend = handle;

    // Started when the reader comes near (schedule.js); the engine and the exercise are
    // fetched before that, once the page is idle, so a broken exercise shows early.
    const started = startWhen(el, options.start);
    if (startOption(options.start) !== 'now') prefetch(() => loadEngine(base, 'low').catch(() => {}));
    const exercise = Promise.race([whenIdle(), started]).then(() => loadExercise(options, base));
    handle.ready = Promise.all([started.then((go) => (go ? loadEngine(base) : null)), exercise]).then(([module, exerciseText]) => {
      try { language = String(JSON.parse(exerciseText).language || ''); } catch (e) { language = ''; }
      if (!el.__tend || !module) return null; // unmounted while waiting or loading
      return startEngine(module, base, host).then((e) => {
        if (!el.__tend) return null;
        return e.mount('#' + dom.uid, exerciseText, engineConfig(options)).then((rc) => {
          if (!el.__tend) { e.unmount(); return null; } // unmounted between mount's steps
          if (rc === 3) host.showAlone(true); // no WebGL: the mirror is the widget
          if (rc !== 0 && rc !== 3) { fail(); return null; }
          engine = e;
          host.attach(e);
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

  window.Tend = { version: VERSION, mount, mountAll };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mountAll(), { once: true });
  else mountAll();
}

start();
