// Tend: the widget's WebGL2 context and our ImGui renderer on it (webgl_renderer.h).
//
// Browsers drop WebGL contexts (GPU reset, too many contexts, a test's WEBGL_lose_context).
// On loss we return true from webglcontextlost (or it is never restored), stop drawing, and
// shut the renderer down; on restore we bring it back and ask for a frame.
#pragma once

#include <emscripten/html5_webgl.h>

#include <cstdint>
#include <string>

struct ImVec4;

namespace tend::web {

class GlSurface {
public:
    // on_restored runs after a lost context is back (the font texture must be rebuilt).
    bool create(const std::string& selector, void (*on_restored)(void*), void* user);
    void destroy();
    bool ready() const { return ctx_ > 0 && !lost_; }

    // What the page's ResizeObserver saw of the canvas: CSS size and, where the browser says,
    // its exact size in device pixels (0 otherwise).
    void observed(float css_w, float css_h, int dev_w, int dev_h) {
        ro_css_w_ = css_w, ro_css_h_ = css_h, ro_dev_w_ = dev_w, ro_dev_h_ = dev_h;
    }
    // The device pixels behind a canvas of css_w × css_h, capped for iOS.
    void backing_size(double css_w, double css_h, double* fb_w, double* fb_h) const;

    // Sizes the backing store (only when it changed: resizing clears the canvas).
    void resize(int fb_w, int fb_h);
    // The same, before create(): the context is then made at this size, never resized to it.
    void preset(const std::string& selector, int fb_w, int fb_h) {
        selector_ = selector;
        resize(fb_w, fb_h);
    }
    // ImGui's draw data over the canvas cleared to `ground`; nothing when it would draw the very
    // pixels already on screen, which are then left as they are: a canvas not drawn to costs
    // the browser nothing to composite again, while one drawn to is rendered and copied whole
    // into the page's next frame (tens of ms on a software renderer, which the next input
    // waits for). The ground is a clear, not a quad: blending every pixel of the canvas cost
    // a software renderer more than all the rest of a frame.
    void present(const ImVec4& ground);
    void redraw() { shown_ = 0; }  // the next present() draws (the font texture changed)

private:
    static EM_BOOL on_lost(int, const void*, void* self);
    static EM_BOOL on_restored(int, const void*, void* self);

    std::string selector_;
    EMSCRIPTEN_WEBGL_CONTEXT_HANDLE ctx_ = 0;
    bool lost_ = false;
    bool renderer_up_ = false;
    int fb_w_ = 0, fb_h_ = 0;
    std::uint64_t shown_ = 0;  // what is on screen: a hash of the draw data, ground and size it came from (0: unknown)
    float ro_css_w_ = 0, ro_css_h_ = 0;
    int ro_dev_w_ = 0, ro_dev_h_ = 0;
    void (*restored_cb_)(void*) = nullptr;
    void* user_ = nullptr;
};

}  // namespace tend::web
