/* Tend: a guided self-compassion exercise, embedded with one script tag.
 *
 *   <script src="https://example.org/tend/tend.js" defer></script>
 *   <div data-tend-exercise="self-compassion-impossible" data-tend-accent="#7a5c99"></div>
 *
 * Every element with data-tend-exercise is mounted when the page is ready; more can be
 * mounted later with Tend.mount(element, options). The engine (tend-engine.wasm) is fetched
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
 * The same widget is also <tend-exercise> (element.js), in a shadow root of its own. The files
 * beside this one are found from its own URL, so it runs the same from a CDN (cross-origin,
 * CORS) as from the practice's site, and each is checked against the hash it was built with
 * (integrity.js). In someone else's frame, see frame.js.
 *
 * The page-side code is in web/src/ (this file, options.js, engine.js, host.js, mirror.js,
 * element.js, integrity.js, frame.js, keep.js, and engine_library.js inside the engine);
 * scripts/build-web joins it into tend.js, with the version and the hashes (tend-build).
 */
import { CANT_SHOW } from 'tend-words';
import { VERSION } from 'tend-build';
import { defineElement } from './element.js';
import { loadEngine, startEngine } from './engine.js';
import { askOnFirstTap } from './frame.js';
import { Host } from './host.js';
import { hashOf } from './integrity.js';
import { setLang } from './mirror.js';
import { dataOptions, engineConfig, loadExercise } from './options.js';

// The kind words for a widget that can't be shown, in the exercise's language (or the page's).
function cantShow(language) {
  const primary = String(language || '').toLowerCase().split(/[-_]/)[0];
  return CANT_SHOW[primary] || CANT_SHOW.en;
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
        link.onerror = () => no(new Error(link.href + ' was refused (not the tend.css this tend.js was built with) or is missing'));
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
      for (const a in attrs || {}) e.setAttribute(a, attrs[a]);
      return e;
    };
    const dom = {
      uid,
      frame: make('div', 'tend-frame', { role: 'region' }),
      canvas: make('canvas', 'tend-canvas', { id: uid, 'aria-hidden': 'true' }), // never focused, never read: the mirror speaks for it
      live: make('div', 'tend-sr', { 'aria-live': 'polite' }),
      layer: make('div', 'tend-mirror'),
      field: make('textarea', 'tend-field', { autocomplete: 'off' }),
      message: make('div', 'tend-message', { role: 'status' }),
    };
    dom.canvas.style.height = '480px'; // reserved so the article doesn't jump when it loads
    dom.field.hidden = dom.message.hidden = true;
    [dom.canvas, dom.live, dom.layer, dom.message].forEach((e) => dom.frame.appendChild(e));
    (into || el).appendChild(dom.frame);
    return dom;
  }

  // into: a shadow root of el's to build the widget in (<tend-exercise>), or none.
  function mount(el, options, into) {
    if (!(el instanceof Element)) throw new TypeError('Tend.mount needs an element');
    if (el.__tend) return el.__tend;
    options = Object.assign({}, dataOptions(el), options || {});
    const styled = addStylesheet(into || document.head);

    const dom = build(el, 'tend-canvas-' + (++nextId), into);
    askOnFirstTap(dom.frame);
    const listeners = { step: [], complete: [], view: [] };
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
    // Escape, anywhere inside the widget, opens "I need a pause" (the mirror has it while it is offered).
    dom.frame.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || e.isComposing || !engine || !host.mirror.has('need_pause')) return;
      e.preventDefault();
      engine.press('need_pause');
    });

    const handle = {
      element: el,
      unmount() {
        if (engine) engine.unmount();
        engine = null;
        dom.frame.remove();
        delete el.__tend;
        Object.keys(listeners).forEach((k) => { listeners[k] = []; });
      },
      // A read-only copy: changing it changes nothing in the widget.
      state() { return engine ? freeze(publicState(engine.state())) : null; },
      on(name, fn) {
        if (!listeners[name]) throw new Error('Tend: unknown event ' + name + ' (step, complete, view)');
        listeners[name].push(fn);
        if (name === 'view' && lastView) fn(freeze(JSON.parse(JSON.stringify(lastView))));
        return function off() { listeners[name] = listeners[name].filter((f) => f !== fn); };
      },
      // Test-only: what the canvas drew (see engine.js).
      _debug: {
        get frames() { return engine ? engine.frames() : 0; },
        get steps() { return steps; },
        missingGlyphs: (text) => (engine ? engine.missingGlyphs(text) : -1),
        targets: () => (engine ? engine.targets() : []),
        messages: () => Object.assign({}, host.counts), // how many of each the engine sent the page
        // Every text the canvas drew in its last frame, once recordText(true) has been asked.
        recordText: (on) => engine && engine.recordText(on),
        drawnText: () => (engine ? engine.drawnText() : []),
      },
    };
    el.__tend = handle;

    handle.ready = Promise.all([loadEngine(base), loadExercise(options, base), styled]).then(([module, exerciseText]) => {
      try { language = String(JSON.parse(exerciseText).language || ''); } catch (e) { language = ''; }
      if (!el.__tend) return null; // unmounted while loading
      return startEngine(module, base, host).then((e) => {
        if (!el.__tend) return null;
        const rc = e.mount(dom.canvas, exerciseText, engineConfig(options));
        if (rc === 3) { // no WebGL: the mirror is the widget
          dom.canvas.hidden = true;
          dom.frame.classList.add('tend-dom');
          host.mirror.showAlone();
        }
        if (rc !== 0 && rc !== 3) { fail(); return null; }
        engine = e;
        host.attach(e);
        return handle;
      });
    }).catch((e) => { fail(e); return null; });
    return handle;
  }

  function mountAll(root) {
    const found = (root || document).querySelectorAll('[data-tend-exercise]');
    // Ask for the engine before building any widget's DOM (each mount reports a failure).
    if (found.length) loadEngine(base).catch(() => {});
    return Array.prototype.map.call(found, (el) => mount(el));
  }

  window.Tend = { version: VERSION, mount: (el, options) => mount(el, options), mountAll };
  defineElement(mount, self && self.src ? new URL(self.src).searchParams : new URLSearchParams());
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => mountAll(), { once: true });
  else mountAll();
}

start();
