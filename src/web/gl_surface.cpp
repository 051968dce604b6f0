#include "gl_surface.h"

#include <cmath>

#include <GLES3/gl3.h>
#include <emscripten/html5.h>

#include "imgui.h"
#include "webgl_renderer.h"

namespace tend::web {

namespace {
constexpr double kMaxBackingPixels = 16.0e6;  // iOS refuses canvases above ~16.7 M pixels
}

bool GlSurface::create(const std::string& selector, void (*restored)(void*), void* user) {
    selector_ = selector;
    restored_cb_ = restored;
    user_ = user;
    // Made here, in mount, rather than early by the loader "to overlap with the download":
    // context creation blocks the main thread (100+ ms with software GL), and measured that
    // way it delayed the wasm's download and compile more than it saved (docs/benchmarks.md).
    EmscriptenWebGLContextAttributes a;
    emscripten_webgl_init_context_attributes(&a);
    a.majorVersion = 2;
    a.minorVersion = 0;
    a.alpha = EM_TRUE;               // the card's rounded corners show the page behind
    a.premultipliedAlpha = EM_TRUE;  // ImGui's blending over a cleared (0,0,0,0) target yields premultiplied output
    a.antialias = EM_FALSE;          // ImGui anti-aliases its own shapes
    a.depth = EM_FALSE;
    a.stencil = EM_FALSE;
    a.powerPreference = EM_WEBGL_POWER_PREFERENCE_LOW_POWER;
    ctx_ = emscripten_webgl_create_context(selector_.c_str(), &a);
    if (ctx_ <= 0) return false;
    emscripten_set_webglcontextlost_callback(selector_.c_str(), this, EM_FALSE,
                                             reinterpret_cast<em_webgl_context_callback>(on_lost));
    emscripten_set_webglcontextrestored_callback(selector_.c_str(), this, EM_FALSE,
                                                 reinterpret_cast<em_webgl_context_callback>(on_restored));
    emscripten_webgl_make_context_current(ctx_);
    renderer_up_ = ImGui_ImplTendGL_Init();
    return renderer_up_;
}

void GlSurface::destroy() {
    if (ctx_ <= 0) return;
    emscripten_set_webglcontextlost_callback(selector_.c_str(), nullptr, EM_FALSE, nullptr);
    emscripten_set_webglcontextrestored_callback(selector_.c_str(), nullptr, EM_FALSE, nullptr);
    emscripten_webgl_make_context_current(ctx_);
    if (renderer_up_) ImGui_ImplTendGL_Shutdown();
    renderer_up_ = false;
    emscripten_webgl_destroy_context(ctx_);
    ctx_ = 0;
}

EM_BOOL GlSurface::on_lost(int, const void*, void* self) {
    auto* s = static_cast<GlSurface*>(self);
    s->lost_ = true;
    // Its GL objects died with the context; forget them (the calls are harmless no-ops now).
    if (s->renderer_up_) ImGui_ImplTendGL_Shutdown();
    s->renderer_up_ = false;
    return EM_TRUE;  // "we will handle restoration": without this the browser never restores
}

EM_BOOL GlSurface::on_restored(int, const void*, void* self) {
    auto* s = static_cast<GlSurface*>(self);
    emscripten_webgl_make_context_current(s->ctx_);
    s->renderer_up_ = ImGui_ImplTendGL_Init();
    s->lost_ = !s->renderer_up_;
    s->fb_w_ = s->fb_h_ = 0;
    if (s->restored_cb_) s->restored_cb_(s->user_);
    return EM_TRUE;
}

// The device pixels behind a canvas of css_w × css_h, capped for iOS.
void GlSurface::backing_size(double css_w, double css_h, double* fb_w, double* fb_h) const {
    double dpr = emscripten_get_device_pixel_ratio();
    // The ResizeObserver's device-pixel size is exact (it knows how the canvas snaps to
    // pixels), but only believed when it agrees with CSS size × DPR to a pixel: under
    // DevTools' device emulation (and Playwright's deviceScaleFactor) it stays at 1×.
    bool exact = ro_dev_w_ > 0 && std::fabs(ro_css_w_ - css_w) < 0.01 && std::fabs(ro_css_h_ - css_h) < 0.01 &&
                 std::fabs(ro_dev_w_ - css_w * dpr) <= 1.5 && std::fabs(ro_dev_h_ - css_h * dpr) <= 1.5;
    *fb_w = exact ? ro_dev_w_ : std::round(css_w * dpr);
    *fb_h = exact ? ro_dev_h_ : std::round(css_h * dpr);
    if (*fb_w * *fb_h > kMaxBackingPixels) {
        double s = std::sqrt(kMaxBackingPixels / (*fb_w * *fb_h));
        *fb_w = std::floor(*fb_w * s), *fb_h = std::floor(*fb_h * s);
    }
}

void GlSurface::resize(int fb_w, int fb_h) {
    if (fb_w == fb_w_ && fb_h == fb_h_) return;
    fb_w_ = fb_w;
    fb_h_ = fb_h;
    emscripten_set_canvas_element_size(selector_.c_str(), fb_w, fb_h);
}

void GlSurface::begin() {
    emscripten_webgl_make_context_current(ctx_);
    glViewport(0, 0, fb_w_, fb_h_);
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
}

void GlSurface::present() { ImGui_ImplTendGL_RenderDrawData(ImGui::GetDrawData(), fb_w_, fb_h_); }

}  // namespace tend::web
