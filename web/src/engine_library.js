// Tend: the page-side code the engine runs, in one place (an Emscripten JS library, linked
// into the engine's glue with --js-library). The C++ side of each function is declared in
// src/web/page.h, which says what each is for.
//
// Manners in someone else's page: every listener is on the widget's own elements, except one
// passive `storage` listener on window (browsers fire that event nowhere else; it tells this
// tab that another one changed the reader's answers). Nothing here prevents or consumes an
// event of the page's.
//
// The canvas is reached by element, not by a CSS selector: the loader registers it in this
// instance's specialHTMLTargets (html5.h's own lookup, which every emscripten_* call with a
// target uses) under a key of its own, so a canvas inside a shadow root (<tend-exercise>),
// or on a page that happens to use the same id, is still this widget's.
//
// Storage is window.localStorage unless the loader was given another Storage for it (the one
// the Storage Access API hands a third-party frame, web/src/frame.js): Module.tendStorage().

mergeInto(LibraryManager.library, {
  // A malloc'd UTF-8 copy of a JS string (the engine frees it).
  $tendString__deps: ['malloc'],
  $tendString: function (s) {
    var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
    stringToUTF8(s, p, n);
    return p;
  },

  $tendArea: function () {
    return Module.tendStorage ? Module.tendStorage() : window.localStorage;
  },

  // ---- the widget's host (web/src/host.js) ------------------------------------------------

  tend_page_send: function (type, json) {
    if (Module.tendHost) Module.tendHost.message(UTF8ToString(type), UTF8ToString(json));
  },

  tend_page_font: function (data, size) {
    // A copy: the FontFace outlives this view of wasm memory, which may grow and move.
    if (Module.tendHost) Module.tendHost.useFont(HEAPU8.slice(data, data + size));
  },

  tend_page_date__deps: ['$tendString'],
  tend_page_date: function (ms, language) {
    var s = "", when = new Date(ms);
    try {
      s = when.toLocaleString(UTF8ToString(language) || undefined,
        { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
    } catch (e) { s = when.toISOString(); }
    return tendString(s);
  },

  tend_page_console: function (warn, text) {
    console[warn ? "warn" : "error"](UTF8ToString(text));
  },

  // ---- the page around the widget ---------------------------------------------------------

  tend_page_watch__deps: ['$findEventTarget', '$tendArea'],
  tend_page_watch: function (selector, storagePrefix) {
    var c = findEventTarget(selector);
    if (!c) return;
    var w = Module.tendWatch = { stop: [] };

    if (typeof ResizeObserver != "undefined") {
      var ro = new ResizeObserver(function (entries) {
        var e = entries[entries.length - 1], box = e.contentBoxSize && e.contentBoxSize[0];
        var dev = e.devicePixelContentBoxSize && e.devicePixelContentBoxSize[0];
        var cw = box ? box.inlineSize : e.contentRect.width, ch = box ? box.blockSize : e.contentRect.height;
        Module["_tend_web_resize"](cw, ch, dev ? dev.inlineSize : 0, dev ? dev.blockSize : 0);
      });
      try { ro.observe(c, { box: "device-pixel-content-box" }); } catch (err) { ro.observe(c); }
      w.stop.push(function () { ro.disconnect(); });
    }

    if (typeof IntersectionObserver != "undefined") {
      var io = new IntersectionObserver(function (entries) {
        Module["_tend_web_visibility"](entries[entries.length - 1].isIntersecting ? 1 : 0);
      });
      io.observe(c.parentNode); // the widget's frame: the same box, and still there without the canvas
      w.stop.push(function () { io.disconnect(); });
    }

    if (window.matchMedia) {
      // A resolution query matches only the current ratio, so it fires once on change; re-arm.
      var arm = function () {
        var q = matchMedia("(resolution: " + (window.devicePixelRatio || 1) + "dppx)");
        var f = function () { q.removeEventListener("change", f); if (Module.tendWatch === w) { Module["_tend_web_dpr"](); arm(); } };
        q.addEventListener("change", f);
        w.dprStop = function () { q.removeEventListener("change", f); };
      };
      arm();
      w.stop.push(function () { w.dprStop(); });

      var rm = matchMedia("(prefers-reduced-motion: reduce)");
      var g = function () { Module["_tend_web_motion"](rm.matches ? 1 : 0); };
      rm.addEventListener("change", g);
      w.stop.push(function () { rm.removeEventListener("change", g); });
      g();

      var hc = matchMedia("(prefers-contrast: more)");
      var k = function () { Module["_tend_web_contrast"](hc.matches ? 1 : 0); };
      hc.addEventListener("change", k);
      w.stop.push(function () { hc.removeEventListener("change", k); });
    }

    var prefix = UTF8ToString(storagePrefix);
    // Other widgets on this page that keep the same answers (the same exercise, twice on a
    // page) hear of each change this one stores, as another tab's would; see tend_storage_set.
    w.peer = { prefix: prefix, changed: function () { if (Module.tendWatch === w) Module["_tend_web_storage"](); } };
    if (Module.tendPeers) {
      Module.tendPeers.add(w.peer);
      w.stop.push(function () { Module.tendPeers.delete(w.peer); });
    }
    var st = function (e) {
      var ours = e.key === null || e.key.indexOf(prefix) == 0; // null: the other tab cleared storage
      var area = null;
      try { area = tendArea(); } catch (err) { return; }
      if (ours && e.storageArea === area && Module.tendWatch === w) Module["_tend_web_storage"]();
    };
    window.addEventListener("storage", st);
    w.stop.push(function () { window.removeEventListener("storage", st); });
  },

  tend_page_unwatch: function () {
    var w = Module.tendWatch;
    if (!w) return;
    Module.tendWatch = null;
    w.stop.forEach(function (f) { f(); });
  },

  // Pointer Events aren't in 3.1.6's html5.h. Coordinates are CSS px relative to the canvas;
  // nothing is prevented: touch-action (CSS) decides what scrolls.
  tend_page_pointer__deps: ['$findEventTarget'],
  tend_page_pointer: function (selector, on) {
    var c = findEventTarget(selector);
    if (!c) return;
    if (!on) {
      var old = Module.tendPointer;
      if (old) Object.keys(old).forEach(function (k) { c.removeEventListener(k, old[k]); });
      Module.tendPointer = null;
      return;
    }
    var send = function (kind, e) {
      // Under an ancestor's transform: scale() or zoom the canvas's box on screen is scaled;
      // ImGui lays out in the canvas's own CSS px, so a point is scaled back into them.
      var r = c.getBoundingClientRect();
      var sx = c.offsetWidth ? r.width / c.offsetWidth : 1, sy = c.offsetHeight ? r.height / c.offsetHeight : 1;
      var src = e.pointerType == "touch" ? 1 : e.pointerType == "pen" ? 2 : 0;
      Module["_tend_web_pointer"](kind, (e.clientX - r.left) / (sx || 1), (e.clientY - r.top) / (sy || 1), e.button, src);
    };
    var h = {
      pointermove: function (e) { send(0, e); },
      pointerdown: function (e) {
        // A mouse drag that leaves the canvas still releases here.
        if (e.pointerType == "mouse" && c.setPointerCapture) c.setPointerCapture(e.pointerId);
        send(1, e);
      },
      pointerup: function (e) { send(2, e); },
      pointercancel: function (e) { send(3, e); },
      pointerleave: function (e) { send(4, e); }
    };
    Object.keys(h).forEach(function (k) { c.addEventListener(k, h[k]); });
    Module.tendPointer = h;
  },

  // ---- window.localStorage ----------------------------------------------------------------
  // Every call reaches window.localStorage afresh, so storage that becomes blocked or full
  // mid-session is noticed on the next write. Failures are told apart the robust way:
  // QuotaExceededError by name or by code 22 / 1014 (Firefox), not by class; a SecurityError
  // on merely touching window.localStorage (cookies blocked, a sandboxed frame) is blocked.

  // 0 ok, 1 blocked, 2 full, 3 failed: the order of tend::StoreResult.
  tend_storage_set__deps: ['$tendArea'],
  tend_storage_set: function (key, value, length, remove) {
    var s, k = UTF8ToString(key);
    try { s = tendArea(); if (!s) return 1; } catch (e) { return 1; }
    try {
      if (remove) s.removeItem(k);
      else s.setItem(k, new TextDecoder().decode(HEAPU8.subarray(value, value + length)));
      // The same page's other widgets on these answers follow, after this change is done.
      var self = Module.tendWatch && Module.tendWatch.peer;
      if (Module.tendPeers) Module.tendPeers.forEach(function (p) {
        if (p !== self && k.indexOf(p.prefix) == 0) setTimeout(p.changed, 0);
      });
      return 0;
    } catch (e) {
      if (e && (e.name == "QuotaExceededError" || e.name == "NS_ERROR_DOM_QUOTA_REACHED" || e.code == 22 || e.code == 1014)) return 2;
      if (e && e.name == "SecurityError") return 1;
      return 3;
    }
  },

  // The value as UTF-8 in a malloc'd block that starts with its byte length (4 bytes), or 0
  // when absent or unreadable.
  tend_storage_get__deps: ['malloc', '$tendArea'],
  tend_storage_get: function (key) {
    var v = null;
    try { v = tendArea().getItem(UTF8ToString(key)); } catch (e) { return 0; }
    if (v === null) return 0;
    var n = lengthBytesUTF8(v), p = _malloc(n + 5);
    HEAPU32[p >> 2] = n;
    stringToUTF8(v, p + 4, n + 1);
    return p;
  },

  // Keys under a prefix, newline-separated (our keys never hold a newline; others are skipped).
  tend_storage_keys__deps: ['$tendString', '$tendArea'],
  tend_storage_keys: function (prefix) {
    var pre = UTF8ToString(prefix), out = [];
    try {
      var s = tendArea();
      for (var i = 0; i < s.length; i++) {
        var k = s.key(i);
        if (k !== null && k.indexOf(pre) == 0 && k.indexOf("\n") < 0) out.push(k);
      }
    } catch (e) { return 0; }
    return tendString(out.join("\n"));
  },

  // Only reads: a page whose storage is out of reach throws on the getter itself. A store
  // that is full or refuses writes shows it on the first real write, which is handled like
  // any other, so no test key is written at every mount.
  tend_storage_blocked__deps: ['$tendArea'],
  tend_storage_blocked: function () {
    try { return tendArea() ? 0 : 1; } catch (e) { return 1; }
  },

  // ---- WebGL: four of Emscripten's calls, in the size our renderer needs -------------------
  // Same names, so these replace Emscripten's own, which serve any GL program (every pixel
  // type, uniform arrays, error tracking): about 1 KB gzipped more for calls the renderer
  // (src/web/webgl_renderer.cpp) makes in one form only, said beside each.

  // Only the link status is asked.
  glGetProgramiv__deps: ['$GL'],
  glGetProgramiv: function (program, pname, p) {
    HEAP32[p >> 2] = GLctx.getProgramParameter(GL.programs[program], pname) ? 1 : 0;
  },

  // Plain uniforms, no arrays: a location is an index into the program's own list.
  glGetUniformLocation__deps: ['$GL'],
  glGetUniformLocation: function (program, name) {
    var p = GL.programs[program], loc = p && GLctx.getUniformLocation(p, UTF8ToString(name));
    if (!loc) return -1;
    return (p.tendUniforms = p.tendUniforms || []).push(loc) - 1;
  },

  glUniform4f: function (location, x, y, z, w) {
    var p = GLctx.currentProgram;
    if (p && p.tendUniforms) GLctx.uniform4f(p.tendUniforms[location] || null, x, y, z, w);
  },

  // Bytes only (the font atlas, one byte per pixel), in WebGL 2's form that reads from an offset
  // into the heap rather than a copied view.
  glTexImage2D: function (target, level, internalFormat, width, height, border, format, type, pixels) {
    GLctx.texImage2D(target, level, internalFormat, width, height, border, format, type, HEAPU8, pixels);
  },
});
