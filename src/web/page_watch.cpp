#include "page_watch.h"

#include <emscripten/emscripten.h>

EM_JS(void, tend_watch, (const char* selector, const char* storage_prefix), {
    var c = document.querySelector(UTF8ToString(selector));
    if (!c) return;
    var w = Module.tendWatch = { stop: [] };

    if (typeof ResizeObserver != "undefined") {
        var ro = new ResizeObserver(function(entries) {
            var e = entries[entries.length - 1], box = e.contentBoxSize && e.contentBoxSize[0];
            var dev = e.devicePixelContentBoxSize && e.devicePixelContentBoxSize[0];
            var cw = box ? box.inlineSize : e.contentRect.width, ch = box ? box.blockSize : e.contentRect.height;
            Module["_tend_web_resize"](cw, ch, dev ? dev.inlineSize : 0, dev ? dev.blockSize : 0);
        });
        try { ro.observe(c, { box: "device-pixel-content-box" }); } catch (err) { ro.observe(c); }
        w.stop.push(function() { ro.disconnect(); });
    }

    if (typeof IntersectionObserver != "undefined") {
        var io = new IntersectionObserver(function(entries) {
            Module["_tend_web_visibility"](entries[entries.length - 1].isIntersecting ? 1 : 0);
        });
        io.observe(c.parentNode);  // the widget's frame: the same box, and still there without the canvas
        w.stop.push(function() { io.disconnect(); });
    }

    if (window.matchMedia) {
        // A resolution query matches only the current ratio, so it fires once on change; re-arm.
        var arm = function() {
            var q = matchMedia("(resolution: " + (window.devicePixelRatio || 1) + "dppx)");
            var f = function() { q.removeEventListener("change", f); if (Module.tendWatch === w) { Module["_tend_web_dpr"](); arm(); } };
            q.addEventListener("change", f);
            w.dprStop = function() { q.removeEventListener("change", f); };
        };
        arm();
        w.stop.push(function() { w.dprStop(); });

        var rm = matchMedia("(prefers-reduced-motion: reduce)");
        var g = function() { Module["_tend_web_motion"](rm.matches ? 1 : 0); };
        rm.addEventListener("change", g);
        w.stop.push(function() { rm.removeEventListener("change", g); });
        g();

        var hc = matchMedia("(prefers-contrast: more)");
        var k = function() { Module["_tend_web_contrast"](hc.matches ? 1 : 0); };
        hc.addEventListener("change", k);
        w.stop.push(function() { hc.removeEventListener("change", k); });
    }

    var prefix = UTF8ToString(storage_prefix);
    var st = function(e) {
        var ours = e.key === null || e.key.indexOf(prefix) == 0;  // null: the other tab cleared storage
        var area = null;
        try { area = window.localStorage; } catch (err) { return; }
        if (ours && e.storageArea === area && Module.tendWatch === w) Module["_tend_web_storage"]();
    };
    window.addEventListener("storage", st);
    w.stop.push(function() { window.removeEventListener("storage", st); });
});

EM_JS(void, tend_unwatch, (), {
    var w = Module.tendWatch;
    if (!w) return;
    Module.tendWatch = null;
    w.stop.forEach(function(f) { f(); });
});

namespace tend::web {

void watch_page(const std::string& selector, const std::string& storage_prefix) {
    tend_watch(selector.c_str(), storage_prefix.c_str());
}
void unwatch_page() { tend_unwatch(); }

}  // namespace tend::web
