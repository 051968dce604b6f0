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
 * `storage` listener per widget (the only way to hear that another tab changed its answers;
 * see src/web/page_watch.h). Every other listener is on the widget's own elements.
 *
 * Each widget is a canvas (Dear ImGui draws it; aria-hidden, never focused) plus a DOM
 * mirror of the same step (see Mirror below) that screen readers and the keyboard use, and
 * an aria-live region that says each new step. Without WebGL the mirror is shown as the
 * widget itself, and everything still works.
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

  function addStylesheet() {
    if (document.querySelector("link[data-tend-css]")) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = base + "tend.css";
    link.setAttribute("data-tend-css", "");
    document.head.appendChild(link);
  }

  // The engine's JS glue (Emscripten's tend-engine.js, whose TendEngine() instantiates the
  // wasm) is put here, inside this closure, by scripts/build-web: it costs no request of its
  // own and is ready before the wasm is, adds no global, and gives a page's AMD loader no
  // anonymous define() to trip over. web/tend.js as it stands is only the source.
  var TendEngine = null; /* tend-engine.js */

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
      if (typeof TendEngine !== "function") return Promise.reject(new Error("this tend.js has no engine glue: use the one scripts/build-web stages"));
      engine = compileWasm(base + "tend-engine.wasm").then(function (module) {
        return { factory: TendEngine, module: module };
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

  // What the live region says on a new step: the question, or the step's words.
  function announcement(v) { return v.prompt || (v.paragraphs || []).join(" "); }

  // lang="" would say "unknown language": without one, inherit.
  function langOf(e, l) { if (l) e.setAttribute("lang", l); else e.removeAttribute("lang"); return e; }

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

  // ---- the DOM mirror ------------------------------------------------------------------
  // A canvas is invisible to assistive technology, so every step is also written out here as
  // real page content (the model Flutter's web renderer uses): text, a radio group (or
  // checkboxes), a 0–10 radio row, the reply textarea and buttons, in reading order, each
  // built from the engine's StepView and screen JSON and keyed like the canvas's controls.
  // While the canvas draws, text is visually hidden and each control sits transparent over
  // the place the canvas drew it (so focus scrolls there and touch exploration finds it);
  // the canvas draws the focus ring. Without WebGL this is the widget, styled plainly.
  // Keys are handled only here, inside the widget: Tab and Shift+Tab are the browser's.
  function Mirror(root, field, act, uid) {
    var pool = {}, used = {}, V = null, S = null, P = null, T = null, R = {}, fieldKey = null, L = "";

    // A pooled element per key: the same node across renders (so focus stays on it).
    function E(key, tag, text, attrs) {
      var e = pool[key];
      if (!e || e.localName !== tag) e = pool[key] = document.createElement(tag);
      used[key] = 1;
      if (text != null && e.textContent !== text) e.textContent = text;
      for (var a in attrs || {}) {
        var v = attrs[a];
        if (a === "checked") e.checked = !!v;
        else if (v === null || v === false) e.removeAttribute(a);
        else if (e.getAttribute(a) !== String(v)) e.setAttribute(a, v === true ? "" : v);
      }
      return e;
    }
    function kids(parent, list) {
      list = list.filter(Boolean);
      for (var c = parent.firstChild, nx; c; c = nx) { nx = c.nextSibling; if (list.indexOf(c) < 0) parent.removeChild(c); }
      var ref = parent.firstChild;
      list.forEach(function (c) { if (c === ref) ref = ref.nextSibling; else parent.insertBefore(c, ref); });
      return parent;
    }
    var txt = function (key, t, cls, tag) { return t ? E(key, tag || "p", t, { "class": "tend-t " + (cls || "") }) : null; };
    // The exercise's words are in its own language; the widget's (src/ui/strings.h) in English.
    var X = function (e) { return e ? langOf(e, L) : e; };
    function ctl(key, tag, label, attrs) {
      var a = Object.assign({ "class": "tend-c", "data-k": key }, attrs);
      if (tag === "button") { a.type = "button"; a["data-act"] = a["data-act"] || key; }
      return E(key, tag, label, a);
    }
    var btn = function (key, label, cls, attrs) { return ctl(key, "button", label, Object.assign({ "class": "tend-c tend-b " + (cls || "") }, attrs)); };
    function place(e) {
      var r = R[e.getAttribute("data-k")];
      e.style.cssText = r ? "left:" + r[0] + "px;top:" + r[1] + "px;width:" + r[2] + "px;height:" + r[3] + "px" : "";
    }

    // One choice: <label><input type=radio|checkbox><span>text</span></label>.
    function pick(key, type, name, label, on, act, arg, cls) {
      var input = ctl(key, "input", null, { type: type, name: name, "data-act": act, "data-arg": arg, checked: on });
      return kids(E("l" + key, "label", null, { "class": "tend-pick " + (cls || "") + (on ? " tend-on" : "") }),
        [input, X(E("s" + key, "span", label, { "class": "tend-t" }))]);
    }

    function question(out) {
      var v = V, name = uid + ":" + v.step_id;
      if (v.kind === "text") {
        out.push(X(E("prompt", "p", v.prompt, { "class": "tend-t tend-prompt", id: uid + "-prompt" })), X(txt("hint", v.hint, "tend-muted")), field);
        return;
      }
      if (v.kind !== "choice" && v.kind !== "scale") return;
      var list = [X(E("legend", "legend", v.prompt, { "class": "tend-t tend-prompt" }))], note = null;
      if (v.kind === "choice") {
        var type = v.multiple ? "checkbox" : "radio";
        if (v.multiple) list.push(txt("any", T.choose_any, "tend-muted"));
        if (v.hint) list.push(X(txt("hint", v.hint, "tend-muted")));
        v.choices.forEach(function (c) { list.push(pick("option:" + c.id, type, name, c.label, c.selected, "choose", c.id)); });
        if (v.other_label) list.push(pick("other", type, name, v.other_label, v.other_selected, "other", ""));
      } else {
        note = txt("scalenote", S.scale_note, "tend-muted", "p");
        note.id = uid + "-scale";
        var row = [];
        for (var n = v.scale.min; n <= v.scale.max; n++) row.push(pick("scale:" + n, "radio", name, String(n), n === v.scale.value, "scale", n, "tend-num"));
        list.push(note, kids(E("row", "div", null, { "class": "tend-row" }), row));
      }
      out.push(kids(E("q", "fieldset", null, { "class": "tend-q", "aria-describedby": note ? note.id : null }), list));
      if (v.kind === "choice" && v.other_selected) out.push(field);
    }

    function render() {
      if (!V || !S || !T) return;
      var v = V, out = [], active = document.activeElement;
      var had = root.contains(active) ? active.getAttribute("data-k") || (active === field ? "field" : "") : null;
      used = {};
      var name = S.practice_name ? S.practice_name + "  \u00b7  " + S.title : S.title;
      out.push(kids(E("head", "div", null, { "class": "tend-head" }), [
        kids(E("headtext", "div", null, {}), [txt("name", S.opening ? S.practice_name : name, "tend-small"), txt("progress", S.progress, "tend-small")]),
        v.in_safety ? null : btn("need_pause", T.need_pause, "tend-soft")]));
      (S.notices || []).forEach(function (n, i) { out.push(txt("notice" + i, n, "tend-notice")); });
      if (v.in_safety && S.resources) {
        var res = [txt("restitle", T.resources_title)];
        S.resources.forEach(function (r, i) {
          res.push(X(txt("rl" + i, r.label, "tend-strong")), X(txt("rt" + i, r.text, "tend-small")));
          if (r.url) res.push(ctl("resource:" + i, "a", r.action, { href: r.url, "class": "tend-c tend-b tend-soft", target: /^https?:/.test(r.url) ? "_blank" : null, rel: "noopener noreferrer" }));
        });
        out.push(kids(E("res", "div", null, { "class": "tend-panel" }), res));
      }
      if (S.opening) {
        out.push(X(txt("title", S.title, "tend-prompt")), txt("minutes", S.minutes, "tend-small"), X(txt("intro", S.intro)),
          txt("cnote", S.content_note, "tend-muted"), X(txt("disclaimer", S.disclaimer, "tend-small")));
      }
      out.push(txt("privacy", S.privacy, "tend-small"));
      v.paragraphs.forEach(function (p, i) { out.push(X(txt("para" + i, p))); });
      if (v.kind !== "pause") question(out);
      if (v.kind === "pause" && P) {
        out.push(E("count", "p", P.done ? "" : String(P.count), { "class": "tend-t tend-count", "aria-hidden": "true" }), txt("cue", P.cue, "tend-muted tend-center"));
        if (!P.done) out.push(kids(E("pacer", "div", null, { "class": "tend-actions tend-center" }),
          [btn("pacer_toggle", P.toggle, "tend-soft"), btn("pacer_longer", T.pacer_longer, "tend-quiet"), btn("pacer_stop", T.pacer_stop, "tend-quiet")]));
      }
      (v.summary || []).forEach(function (l, i) { if (l.text) out.push(X(txt("sl" + i, l.label, "tend-small")), X(txt("st" + i, l.text, "tend-quote", "blockquote"))); });
      var nav = [];
      if (v.in_safety && v.can_return) nav.push(btn("return", T["return"], "tend-soft"));
      if (!v.is_end) {
        if (v.can_back) nav.push(btn("back", T.back, "tend-quiet", { "data-act": "back" }));
        if (v.can_skip) nav.push(btn("skip", T.skip, "tend-quiet"));
        nav.push(btn("continue", T["continue"], "tend-primary", { "data-act": "next", "aria-disabled": v.can_continue ? null : "true" }));
      }
      out.push(kids(E("nav", "div", null, { "class": "tend-actions tend-nav" }), nav));
      if (v.is_end) ending(out);
      // The reply box stays in the widget between questions, hidden (the canvas places and
      // shows it while it draws; without WebGL, it is shown where the question needs it).
      var fk = v.kind === "text" ? v.step_id : v.other_selected ? v.step_id + "#other" : null;
      if (out.indexOf(field) < 0) out.push(field);
      if (root.parentNode.classList.contains("tend-dom")) field.hidden = !fk;
      kids(root, out);
      for (var k in pool) if (!used[k]) delete pool[k];
      Array.prototype.forEach.call(root.querySelectorAll("[data-k]"), place);

      // The reply box: its words, name and limit change only with the question it answers,
      // or, while the reader isn't typing in it, when the words changed elsewhere (another tab).
      var words = v.kind === "text" ? v.reply : v.other_text;
      if (fk && fk === fieldKey && document.activeElement !== field && field.value !== words) field.value = words;
      if (fk && fk !== fieldKey) {
        field.value = words;
        field.placeholder = T.placeholder;
        field.setAttribute("aria-label", v.kind === "text" ? v.prompt : v.other_label);
        X(field); // its name, and the reader's words (spelling), are in the exercise's language
        if (v.max_length > 0) field.maxLength = v.max_length; else field.removeAttribute("maxlength");
        field.classList.remove("tend-fade");
        void field.offsetWidth; // restart the fade for the new question
        field.classList.add("tend-fade");
      }
      fieldKey = fk;

      // Focus stays where it was if that control is still here; otherwise on the step's first
      // control (never on the page's body, and never taken from outside the widget).
      if (had !== null && !root.contains(document.activeElement)) {
        var keep = had === "field" ? (fk ? field : null) : pool[had];
        var to = keep && root.contains(keep) ? keep : null;
        [".tend-q [data-k]", ".tend-panel [data-k]", ".tend-nav [data-k]", ".tend-end [data-k]", "[data-k]"].forEach(function (q) { to = to || root.querySelector(q); });
        if (to) to.focus();
      }
    }

    function ending(out) {
      var list = [];
      if (S.words.length) {
        list.push(txt("yw", T.your_words, "tend-prompt"));
        S.words.forEach(function (w, i) { list.push(X(txt("wq" + i, w.question, "tend-small")), X(txt("wa" + i, w.answer, "tend-quote", "blockquote"))); });
      }
      list.push(txt("keep", T.keep_them, "tend-small"),
        kids(E("exports", "div", null, { "class": "tend-actions" }), [btn("copy", T.copy, "tend-soft"), btn("txt", T.txt, "tend-soft"), btn("json", T.json, "tend-soft")]),
        E("flash", "p", S.flash, { "class": "tend-t tend-muted", role: "status" }));
      if (S.cta_link) list.push(kids(E("cta-panel", "div", null, { "class": "tend-panel" }),
        [txt("ctalead", S.cta_lead), ctl("cta", "a", S.cta_text, { href: S.cta_link, "class": "tend-c tend-b tend-primary", target: /^https?:/.test(S.cta_link) ? "_blank" : null, rel: "noopener noreferrer" })]));
      if (S.journal.length) {
        list.push(btn("journal", S.journal_label, "tend-quiet", { "aria-expanded": S.journal_open ? "true" : "false" }));
        if (S.journal_open) S.journal.forEach(function (e, i) { list.push(txt("jw" + i, e.when, "tend-small"), X(txt("jt" + i, e.text, "tend-quote", "blockquote"))); });
      }
      if (!S.confirm_delete) list.push(kids(E("last", "div", null, { "class": "tend-actions" }), [btn("again", T.again, "tend-quiet"), btn("delete", T["delete"], "tend-caution")]));
      else list.push(kids(E("confirm", "div", null, { "class": "tend-panel", role: "group", "aria-label": T["delete"] }),
        [txt("dc", T.delete_confirm), kids(E("yn", "div", null, { "class": "tend-actions" }), [btn("delete_yes", T.delete_yes, "tend-caution"), btn("delete_no", T.delete_no, "tend-soft")])]));
      out.push(kids(E("end", "div", null, { "class": "tend-end" }), list));
    }

    // Activation: buttons by click (Enter and Space are native), choices by change (the
    // arrows of a native radio group move and select, per the ARIA radio pattern).
    root.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-act]");
      if (!b || b.getAttribute("aria-disabled") === "true") return;
      act(b.getAttribute("data-act"), "");
    });
    root.addEventListener("change", function (e) {
      var i = e.target;
      if (!i.getAttribute || !i.getAttribute("data-act")) return;
      var what = i.getAttribute("data-act"), arg = i.getAttribute("data-arg") || "";
      if (what === "other") arg = i.checked ? "1" : "0";
      else if (i.type === "radio" && !i.checked) return;
      act(what, arg);
    });
    // Checkboxes have no arrow keys of their own: give them the radio group's.
    root.addEventListener("keydown", function (e) {
      var i = e.target, d = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
      if (!d || i.type !== "checkbox" || e.altKey || e.ctrlKey || e.metaKey) return;
      var all = Array.prototype.slice.call(i.closest("fieldset").querySelectorAll("input")), n = all[all.indexOf(i) + d];
      if (n) { n.focus(); e.preventDefault(); }
    });

    // One engine change sends several messages: draw once, after the last.
    var queued = false;
    function later() {
      if (queued) return;
      queued = true;
      Promise.resolve().then(function () { queued = false; render(); });
    }
    return {
      view: function (v) { V = v; later(); },
      screen: function (s) { S = s; later(); },
      pacer: function (p) { P = p; later(); },
      strings: function (t) { T = t; later(); },
      lang: function (l) { L = l; later(); },
      rects: function (r) { R = r; Array.prototype.forEach.call(root.querySelectorAll("[data-k]"), place); }
    };
  }

  function mount(el, options) {
    if (!(el instanceof Element)) throw new TypeError("Tend.mount needs an element");
    if (el.__tend) return el.__tend;
    options = Object.assign({}, dataOptions(el), options || {});
    addStylesheet();

    var id = "tend-canvas-" + (++nextId);
    var frame = document.createElement("div");
    frame.className = "tend-frame";
    frame.setAttribute("role", "region");
    frame.setAttribute("lang", "en"); // the widget's own words (src/ui/strings.h)
    var canvas = document.createElement("canvas");
    canvas.id = id;
    canvas.className = "tend-canvas";
    canvas.setAttribute("aria-hidden", "true"); // never focused, never read: the DOM mirror speaks for it
    canvas.style.height = "480px";              // reserved so the article doesn't jump when it loads
    var field = document.createElement("textarea");
    field.className = "tend-field";
    field.hidden = true;
    field.setAttribute("autocomplete", "off");
    var live = document.createElement("div");
    live.className = "tend-sr";
    live.setAttribute("aria-live", "polite");
    var layer = document.createElement("div");
    layer.className = "tend-mirror";
    var message = document.createElement("div");
    message.className = "tend-message";
    message.hidden = true;
    message.setAttribute("role", "status");
    frame.appendChild(canvas);
    frame.appendChild(live);
    frame.appendChild(layer);
    frame.appendChild(message);
    el.appendChild(frame);
    var listeners = { step: [], complete: [], view: [] };
    var M = null, mounted = false, lastView = null, steps = 0, strings = {}, title = "", exLang = "";
    var emit = function (name, value) {
      listeners[name].slice().forEach(function (fn) {
        try { fn(value); } catch (e) { console.error(e); }
      });
    };
    var fail = function (text, err) {
      if (err) console.error("Tend: " + (err.message || err));
      canvas.hidden = layer.hidden = true;
      message.textContent = text;
      message.hidden = false;
    };
    var call = function (fn, a, b) {
      if (!mounted) return;
      withString(M, a, function (pa) { withString(M, b || "", function (pb) { fn(pa, pb); }); });
    };
    var mirror = Mirror(layer, field, function (what, arg) { call(M._tend_act, what, arg); }, id);
    // Which control has DOM focus, for the ring the canvas draws ("" when it leaves).
    frame.addEventListener("focusin", function (e) { call(M._tend_focus, e.target.getAttribute("data-k") || ""); });
    frame.addEventListener("focusout", function (e) { if (!frame.contains(e.relatedTarget)) call(M._tend_focus, ""); });
    // Escape, anywhere inside the widget, opens "I need a pause".
    frame.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || e.isComposing || !lastView || lastView.in_safety) return;
      e.preventDefault();
      call(M._tend_act, "need_pause");
    });

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
      view: function (json, stepped) {
        var v = JSON.parse(json);
        var first = lastView === null;
        lastView = v;
        mirror.view(v);
        if (!stepped) return;
        steps++;
        langOf(live, exLang);
        live.textContent = announcement(v);
        frame.setAttribute("aria-label", (strings.name || "") + (title ? ": " + title : ""));
        // After a step change, bring the widget's top back into view if the reader scrolled past it.
        if (!first && frame.getBoundingClientRect().top < 0) {
          frame.scrollIntoView({ block: "start", behavior: reducedMotion() ? "auto" : "smooth" });
        }
        emit("view", freeze(JSON.parse(json)));
        emit("step", freeze({ exerciseId: v.exercise_id, stepId: v.step_id, kind: v.kind, inSafety: v.in_safety }));
      },
      screen: function (json) { var s = JSON.parse(json); title = s.title; mirror.screen(s); },
      pacer: function (json) { mirror.pacer(JSON.parse(json)); },
      strings: function (json) { mirror.strings(strings = JSON.parse(json)); },
      rects: function (json) { mirror.rects(JSON.parse(json)); },
      notices: function (json) {
        var n = JSON.parse(json);
        if (n.length) { langOf(live, ""); live.textContent = n.join(" "); }
      },
      complete: function (json) { emit("complete", freeze(publicState(JSON.parse(json)))); },
      // Where the canvas reserved room for the reply (canvas mode only).
      textarea: function (o) {
        field.hidden = !o.visible;
        if (o.visible) field.style.cssText = "left:" + o.x + "px;top:" + o.y + "px;width:" + o.w + "px;height:" + o.h + "px";
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
        // How many characters of `text` the canvas would draw as the fallback glyph ("?")
        // with the fonts it has now (-1 without a canvas).
        missingGlyphs: function (text) { return mounted ? withString(M, String(text), M._tend_missing_glyphs) : -1; },
        // Every control of the last frame: [{ id, label, key, focused, x, y, w, h }] in CSS px
        // of the canvas; key is the DOM mirror's data-k, focused: the canvas drew its focus ring.
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
      reducedMotion: reducedMotion(),
      highContrast: !!(window.matchMedia && matchMedia("(prefers-contrast: more)").matches)
    });

    handle.ready = Promise.all([loadEngine(), loadExercise(options)]).then(function (r) {
      var shared = r[0], exerciseText = r[1];
      try { exLang = String(JSON.parse(exerciseText).language || ""); } catch (e) { exLang = ""; }
      mirror.lang(exLang);
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
        if (rc === 3) { canvas.hidden = true; frame.classList.add("tend-dom"); } // no WebGL: the DOM layer is the widget
        if (rc === 0 || rc === 3) { mounted = true; return handle; }
        fail(KIND_MESSAGE);
        return null;
      });
    }).catch(function (e) { fail(KIND_MESSAGE, e); return null; });
    return handle;
  }

  function mountAll(root) {
    var found = (root || document).querySelectorAll("[data-tend-exercise]");
    // Ask for the engine before building any widget's DOM (each mount reports a failure).
    if (found.length) loadEngine().catch(function () {});
    return Array.prototype.map.call(found, function (el) { return mount(el); });
  }

  window.Tend = { version: "0.1.0", mount: mount, mountAll: mountAll };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", function () { mountAll(); }, { once: true });
  else mountAll();
})();
