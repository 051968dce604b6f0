// Tend: the C entry points the page calls: the loader and the widget's host (web/src/), and
// the listeners of web/src/engine_library.js. One widget per wasm instance, so they all
// address the same Widget.
#include <cstdlib>
#include <cstring>
#include <string>

#include <emscripten/emscripten.h>

#include "web_platform.h"
#include "widget.h"

namespace {
tend::web::Widget& widget() {
    static tend::web::Widget w;
    return w;
}

char* malloc_copy(const std::string& s) {
    char* out = static_cast<char*>(std::malloc(s.size() + 1));
    std::memcpy(out, s.c_str(), s.size() + 1);
    return out;
}
}  // namespace

extern "C" {

// Mounting in steps (widget.h): tend_mount, then tend_mount_step while it reports 2.
EMSCRIPTEN_KEEPALIVE int tend_mount(const char* selector, const char* exercise_json, const char* config_json) {
    return widget().mount(selector, exercise_json, config_json);
}
EMSCRIPTEN_KEEPALIVE int tend_mount_step() { return widget().mount_step(); }

EMSCRIPTEN_KEEPALIVE void tend_unmount() { widget().unmount(); }

// Malloc'd JSON (the caller frees it): handle.state(), and the test hook handle._debug.targets().
EMSCRIPTEN_KEEPALIVE char* tend_state_json() { return malloc_copy(widget().state_json()); }
EMSCRIPTEN_KEEPALIVE char* tend_targets_json() { return malloc_copy(widget().targets_json()); }

// The DOM mirror: the reader used a control (its key: "continue", "option:calm", …), typed in
// the reply box that holds `field` (the Screen's field key), or moved the focus to a control
// ("" when it left the widget), for the ring on the canvas.
EMSCRIPTEN_KEEPALIVE void tend_press(const char* key) { widget().press(key); }
EMSCRIPTEN_KEEPALIVE void tend_text_input(const char* field, const char* text) { widget().text_input(field, text); }
EMSCRIPTEN_KEEPALIVE void tend_focus(const char* key) { widget().focus(key); }
EMSCRIPTEN_KEEPALIVE void tend_copy_result(int ok) { widget().copy_result(ok != 0); }
EMSCRIPTEN_KEEPALIVE int tend_frames() { return widget().frames(); }  // test hook: frames drawn so far
// Test hook: 1 while a frame is asked for and not yet drawn (what is on the canvas is not the latest).
EMSCRIPTEN_KEEPALIVE int tend_frame_pending() { return widget().frame_pending() ? 1 : 0; }

EMSCRIPTEN_KEEPALIVE void tend_web_pointer(int kind, float x, float y, int button, int source) {
    ImGui_ImplTendWeb_OnPointer(kind, x, y, button, source);
}
EMSCRIPTEN_KEEPALIVE void tend_web_resize(float css_w, float css_h, int dev_w, int dev_h) {
    widget().resized(css_w, css_h, dev_w, dev_h);
}
EMSCRIPTEN_KEEPALIVE void tend_web_visibility(int on_screen) { widget().visible(on_screen != 0); }
EMSCRIPTEN_KEEPALIVE void tend_web_motion(int reduce) { widget().reduced_motion(reduce != 0); }
EMSCRIPTEN_KEEPALIVE void tend_web_dpr() { widget().dpr_changed(); }
EMSCRIPTEN_KEEPALIVE void tend_web_contrast(int more) { widget().high_contrast(more != 0); }
EMSCRIPTEN_KEEPALIVE void tend_web_storage() { widget().storage_changed(); }

// Test hook: how many characters of `text` the canvas's fonts would draw as the fallback
// glyph right now (-1 without a canvas).
EMSCRIPTEN_KEEPALIVE int tend_missing_glyphs(const char* text) { return widget().missing_glyphs(text); }

// Test hook: from now on keep every text the canvas draws; the last frame's, as a JSON array.
EMSCRIPTEN_KEEPALIVE void tend_record_text(int on) { widget().record_text(on != 0); }
EMSCRIPTEN_KEEPALIVE char* tend_drawn_text() { return malloc_copy(widget().drawn_text()); }

}  // extern "C"
