#include "gl_surface.h"

#include <cmath>
#include <cstring>

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
    s->shown_ = 0;
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
    shown_ = 0;  // resizing clears the canvas
    emscripten_set_canvas_element_size(selector_.c_str(), fb_w, fb_h);
}

namespace {
// FNV-1a over 8-byte words: a frame's draw data is a few hundred KB at most.
struct Fnv {
    std::uint64_t h = 1469598103934665603ull;
    void add(const void* p, std::size_t n) {
        const auto* b = static_cast<const unsigned char*>(p);
        std::uint64_t w;
        for (; n >= 8; b += 8, n -= 8) std::memcpy(&w, b, 8), h = (h ^ w) * 1099511628211ull;
        for (; n > 0; b++, n--) h = (h ^ *b) * 1099511628211ull;
    }
    template <class T> void add(const T& v) { add(&v, sizeof v); }
};

std::uint64_t hash_of(const ImDrawData* d, const ImVec4& ground, int fb_w, int fb_h) {
    Fnv f;
    f.add(ground), f.add(fb_w), f.add(fb_h), f.add(d->DisplayPos), f.add(d->DisplaySize), f.add(d->FramebufferScale);
    for (int i = 0; i < d->CmdListsCount; i++) {
        const ImDrawList* l = d->CmdLists[i];
        f.add(l->VtxBuffer.Data, l->VtxBuffer.size_in_bytes());
        f.add(l->IdxBuffer.Data, l->IdxBuffer.size_in_bytes());
        for (const ImDrawCmd& c : l->CmdBuffer)
            f.add(c.ClipRect), f.add(c.TextureId), f.add(c.VtxOffset), f.add(c.IdxOffset), f.add(c.ElemCount);
    }
    return f.h | 1;  // never 0, which means "unknown"
}
}  // namespace

void GlSurface::present(const ImVec4& ground) {
    ImDrawData* d = ImGui::GetDrawData();
    std::uint64_t h = hash_of(d, ground, fb_w_, fb_h_);
    if (h == shown_) return;
    emscripten_webgl_make_context_current(ctx_);
    glViewport(0, 0, fb_w_, fb_h_);
    // Premultiplied, as the blending leaves everything drawn over it.
    glClearColor(ground.x * ground.w, ground.y * ground.w, ground.z * ground.w, ground.w);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplTendGL_RenderDrawData(d, fb_w_, fb_h_);
    shown_ = h;
}

}  // namespace tend::web
