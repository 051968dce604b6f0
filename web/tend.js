/* Tend: a guided self-compassion exercise, embedded with one script tag.
 *
 *   <script src="https://example.org/tend/tend.js" defer></script>
 *   <div data-tend-exercise="self-compassion-impossible" data-tend-accent="#7a5c99"></div>
 *
 * Every element with data-tend-exercise is mounted when the page is ready; more can be
 * mounted later with Tend.mount(element, options). The engine (tend-engine.wasm) is fetched
 * and compiled once per page and instantiated once per widget, so widgets never share state.
 * This file asks the network only for the widget's own files: tend.css, tend-engine.js,
 * tend-engine.wasm and the exercise JSON. No cookies, no eval, nothing on window/document
 * except the global Tend object.
 */
(function () {
  "use strict";
  if (window.Tend && window.Tend.version) return; // included twice: keep the first

  // document.currentScript is only set while this file first runs (null later, and for
  // modules), so the loader's own address is captured now; the widget's files sit beside it.
  var self = document.currentScript;
  var base = new URL(".", self && self.src ? self.src : location.href).href;
  var nextId = 0;
  var engine = null; // Promise<{ factory, module }>, shared by every widget on the page
  var fontAdded = false;

  var KIND_MESSAGE = "This exercise can\u2019t be shown right now. Please try again later, " +
    "or contact the practice if it keeps happening.";
  var NO_WEBGL_MESSAGE = "This exercise needs a newer browser to be shown. Everything else on this page still works.";

  function addStylesheet() {
    if (document.querySelector("link[data-tend-css]")) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = base + "tend.css";
    link.setAttribute("data-tend-css", "");
    document.head.appendChild(link);
  }

  function loadGlue() {
    return new Promise(function (resolve, reject) {
      if (window.TendEngine) return resolve(window.TendEngine);
      var s = document.createElement("script");
      s.src = base + "tend-engine.js";
      s.async = true;
      s.onload = function () { window.TendEngine ? resolve(window.TendEngine) : reject(new Error("tend-engine.js did not define TendEngine")); };
      s.onerror = function () { reject(new Error("could not load " + s.src)); };
      document.head.appendChild(s);
    });
  }

  function compileWasm(url) {
    var viaBytes = function () {
      return fetch(url, { credentials: "same-origin" }).then(function (r) {
        if (!r.ok) throw new Error("could not load " + url + " (HTTP " + r.status + ")");
        return r.arrayBuffer();
      }).then(function (bytes) { return WebAssembly.compile(bytes); });
    };
    // Streaming needs the server to say application/wasm; fall back to bytes otherwise.
    if (WebAssembly.compileStreaming) {
      return WebAssembly.compileStreaming(fetch(url, { credentials: "same-origin" })).catch(viaBytes);
    }
    return viaBytes();
  }

  function loadEngine() {
    if (!engine) {
      engine = Promise.all([loadGlue(), compileWasm(base + "tend-engine.wasm")]).then(function (r) {
        return { factory: r[0], module: r[1] };
      });
      engine.catch(function () { engine = null; }); // a later mount may try again
    }
    return engine;
  }

  // Built-in ids ("self-compassion-impossible") live in exercises/ beside this loader;
  // anything else is a URL, which must be on the page's own origin unless allowed.
  function loadExercise(options) {
    var inline = options.exercise;
    if (inline && typeof inline === "object") return Promise.resolve(JSON.stringify(inline));
    if (typeof inline === "string" && /^\s*\{/.test(inline)) return Promise.resolve(inline);
    var ref = typeof inline === "string" ? inline : options.exerciseRef;
    if (!ref) return Promise.reject(new Error("no exercise given (data-tend-exercise or options.exercise)"));
    var url = /^[a-z][a-z0-9_-]{0,63}$/.test(ref) ? base + "exercises/" + ref + ".json" : new URL(ref, document.baseURI).href;
    var origin = new URL(url).origin;
    if (origin !== location.origin && origin !== new URL(base).origin && !options.allowCrossOrigin) {
      return Promise.reject(new Error("the exercise " + url + " is on another site; pass allowCrossOrigin: true to Tend.mount to allow it"));
    }
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error("could not load the exercise " + url + " (HTTP " + r.status + ")");
      return r.text();
    });
  }

  function dataOptions(el) {
    var d = el.dataset, o = {};
    if (d.tendExercise) o.exerciseRef = d.tendExercise;
    var map = { tendAccent: "accent", tendBackground: "background", tendPracticeName: "practiceName",
      tendCtaText: "ctaText", tendCtaLink: "ctaLink", tendSection: "section" };
    for (var k in map) if (d[k]) o[map[k]] = d[k];
    if (d.tendFontScale) o.fontScale = parseFloat(d.tendFontScale);
    if (d.tendRadius) o.radius = parseFloat(d.tendRadius);
    return o;
  }

  // Answers are stored under tend/<section>/<exercise-id>/: by default the first part of the
  // page's path ("blog" for /blog/some-post), so a practice's sections keep apart.
  function sectionOf(options) {
    var s = options.section || location.pathname.split("/").filter(Boolean)[0] || "site";
    s = String(s).toLowerCase().replace(/\.[a-z0-9]+$/, "").replace(/[^a-z0-9_-]+/g, "-").slice(0, 64);
    return s || "site";
  }

  function reducedMotion() {
    return !!(window.matchMedia && matchMedia("(prefers-reduced-motion: reduce)").matches);
  }

  function withString(M, text, fn) {
    var n = M.lengthBytesUTF8(text) + 1, p = M._malloc(n);
    M.stringToUTF8(text, p, n);
    try { return fn(p); } finally { M._free(p); }
  }

  function freeze(o) {
    if (o && typeof o === "object") { Object.keys(o).forEach(function (k) { freeze(o[k]); }); Object.freeze(o); }
    return o;
  }

  function mount(el, options) {
    if (!(el instanceof Element)) throw new TypeError("Tend.mount needs an element");
    if (el.__tend) return el.__tend;
    options = Object.assign({}, dataOptions(el), options || {});
    addStylesheet();

    var id = "tend-canvas-" + (++nextId);
    var frame = document.createElement("div");
    frame.className = "tend-frame";
    var canvas = document.createElement("canvas");
    canvas.id = id;
    canvas.className = "tend-canvas";
    canvas.tabIndex = 0;
    canvas.setAttribute("aria-hidden", "true"); // the aria-live region (and, next, a DOM mirror) speaks for it
    canvas.style.height = "480px";              // reserved so the article doesn't jump when it loads
    var field = document.createElement("textarea");
    field.className = "tend-field";
    field.hidden = true;
    field.setAttribute("autocomplete", "off");
    var live = document.createElement("div");
    live.className = "tend-sr";
    live.setAttribute("aria-live", "polite");
    var message = document.createElement("div");
    message.className = "tend-message";
    message.hidden = true;
    message.setAttribute("role", "status");
    frame.appendChild(canvas);
    frame.appendChild(field);
    frame.appendChild(live);
    frame.appendChild(message);
    el.appendChild(frame);

    var listeners = { step: [], complete: [], view: [] };
    var M = null, mounted = false, lastView = null, steps = 0;
    var emit = function (name, value) {
      listeners[name].slice().forEach(function (fn) {
        try { fn(value); } catch (e) { console.error(e); }
      });
    };
    var fail = function (text, err) {
      if (err) console.error("Tend: " + (err.message || err));
      canvas.hidden = true;
      field.hidden = true;
      message.textContent = text;
      message.hidden = false;
    };

    // What the C++ side asks of the page (see src/web/browser.cpp, textarea_overlay.cpp).
    var host = {
      setHeight: function (px) { canvas.style.height = px + "px"; },
      style: function (json) {
        var vars = JSON.parse(json);
        for (var k in vars) frame.style.setProperty(k, vars[k]);
      },
      useFont: function (bytes) {
        if (fontAdded || typeof FontFace === "undefined") return;
        fontAdded = true;
        try {
          var face = new FontFace("Tend Lato", bytes.buffer);
          face.load().then(function (f) { document.fonts.add(f); }).catch(function () {});
        } catch (e) { /* the textarea falls back to the page's sans-serif */ }
      },
      view: function (json) {
        var v = JSON.parse(json);
        var first = lastView === null;
        lastView = v;
        steps++;
        live.textContent = v.prompt || (v.paragraphs && v.paragraphs[0]) || "";
        // After a step change, bring the widget's top back into view if the reader scrolled past it.
        if (!first && frame.getBoundingClientRect().top < 0) {
          frame.scrollIntoView({ block: "start", behavior: reducedMotion() ? "auto" : "smooth" });
        }
        emit("view", freeze(JSON.parse(json)));
        emit("step", freeze({ exerciseId: v.exercise_id, stepId: v.step_id, kind: v.kind, inSafety: v.in_safety }));
      },
      notices: function (json) {
        var n = JSON.parse(json);
        if (n.length) live.textContent = n.join(" ");
      },
      complete: function (json) { emit("complete", freeze(publicState(JSON.parse(json)))); },
      textarea: function (o) {
        if (!o.visible) { field.hidden = true; return; }
        field.style.left = o.x + "px";
        field.style.top = o.y + "px";
        field.style.width = o.w + "px";
        field.style.height = o.h + "px";
        if (o.fresh) {
          field.value = o.value;
          field.placeholder = o.placeholder;
          field.setAttribute("aria-label", o.label);
          if (o.maxLength > 0) field.maxLength = o.maxLength; else field.removeAttribute("maxlength");
          field.classList.remove("tend-fade");
          void field.offsetWidth; // restart the fade for the new question
          field.classList.add("tend-fade");
        }
        field.hidden = false;
      },
      copy: function (text) {
        var done = function (ok) { if (mounted) M._tend_copy_result(ok ? 1 : 0); };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(false); });
        } else done(false);
      },
      download: function (name, mime, text) {
        var url = URL.createObjectURL(new Blob([text], { type: mime }));
        var a = document.createElement("a");
        a.href = url;
        a.download = name;
        a.style.display = "none";
        frame.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(url); }, 4000);
      },
      open: function (url) {
        var a = document.createElement("a");
        a.href = url;
        if (/^https?:/i.test(url)) { a.target = "_blank"; a.rel = "noopener noreferrer"; }
        a.style.display = "none";
        frame.appendChild(a);
        a.click();
        a.remove();
      }
    };

    field.addEventListener("input", function () {
      if (mounted) withString(M, field.value, function (p) { M._tend_text_input(p); });
    });

    function publicState(s) {
      return { exerciseId: s.exercise_id, exerciseVersion: s.exercise_version, stepId: s.step_id,
        inSafety: s.in_safety, finished: s.finished, answers: s.answers };
    }

    var handle = {
      element: el,
      unmount: function () {
        if (mounted) { mounted = false; M._tend_unmount(); }
        M = null;
        frame.remove();
        delete el.__tend;
        Object.keys(listeners).forEach(function (k) { listeners[k] = []; });
      },
      // A read-only copy: changing it changes nothing in the widget.
      state: function () {
        if (!mounted) return null;
        var p = M._tend_state_json();
        var s = JSON.parse(M.UTF8ToString(p));
        M._free(p);
        return freeze(publicState(s));
      },
      on: function (name, fn) {
        if (!listeners[name]) throw new Error("Tend: unknown event " + name + " (step, complete, view)");
        listeners[name].push(fn);
        if (name === "view" && lastView) fn(freeze(JSON.parse(JSON.stringify(lastView))));
        return function off() { listeners[name] = listeners[name].filter(function (f) { return f !== fn; }); };
      },
      // Test-only: how many frames this widget has drawn (to check it idles).
      _debug: {
        get frames() { return mounted ? M._tend_frames() : 0; },
        get steps() { return steps; },
        // Every control of the last frame: [{ id, label, x, y, w, h }] in CSS px of the canvas.
        targets: function () {
          if (!mounted) return [];
          var p = M._tend_targets_json(), t = JSON.parse(M.UTF8ToString(p));
          M._free(p);
          return t;
        }
      }
    };
    el.__tend = handle;

    var config = JSON.stringify({
      section: sectionOf(options), practiceName: options.practiceName || "", ctaText: options.ctaText || "",
      ctaLink: options.ctaLink || "", accent: options.accent || "", background: options.background || "",
      fontScale: options.fontScale || 0, radius: typeof options.radius === "number" && !isNaN(options.radius) ? options.radius : -1,
      reducedMotion: reducedMotion()
    });

    handle.ready = Promise.all([loadEngine(), loadExercise(options)]).then(function (r) {
      var shared = r[0], exerciseText = r[1];
      if (!el.__tend) return null; // unmounted while loading
      return shared.factory({
        tendHost: host,
        locateFile: function (path) { return base + path; },
        // The module was compiled once for the page; each widget only instantiates it.
        instantiateWasm: function (imports, done) {
          WebAssembly.instantiate(shared.module, imports).then(function (instance) { done(instance, shared.module); },
            function (e) { fail(KIND_MESSAGE, e); });
          return {};
        }
      }).then(function (instance) {
        if (!el.__tend) return null;
        M = instance;
        var rc = withString(M, "#" + id, function (sel) {
          return withString(M, exerciseText, function (ex) {
            return withString(M, config, function (cfg) { return M._tend_mount(sel, ex, cfg); });
          });
        });
        if (rc === 0) { mounted = true; return handle; }
        fail(rc === 2 ? NO_WEBGL_MESSAGE : KIND_MESSAGE);
        return null;
      });
    }).catch(function (e) { fail(KIND_MESSAGE, e); return null; });
    return handle;
  }

  function mountAll(root) {
    var found = (root || document).querySelectorAll("[data-tend-exercise]");
    return Array.prototype.map.call(found, function (el) { return mount(el); });
  }

  window.Tend = { version: "0.1.0", mount: mount, mountAll: mountAll };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { mountAll(); }, { once: true });
  else mountAll();
})();
