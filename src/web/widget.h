// Tend: one mounted widget — an exercise, the reader's session, and the frames that show it.
//
// Each widget lives in its own wasm instance (the module is compiled once per page and
// instantiated per element), so there is one Widget per instance. It owns the engine side
// (Exercise, Session, Journal over localStorage with an in-memory fallback) and the
// browser side (WebGL surface, ImGui context and our platform backend, the textarea), and
// draws only when something changed: input, resize, a new devicePixelRatio, a storage
// result, or an animation that is on screen.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "fallback_store.h"
#include "gl_surface.h"
#include "journal.h"
#include "local_store.h"
#include "session.h"
#include "textarea_overlay.h"
#include "ui/screen.h"
#include "ui/step_view.h"
#include "ui/theme.h"

namespace tend::web {

struct WidgetConfig {
    std::string section = "site";
    std::string practice_name, cta_text, cta_link;
    ui::ThemeOverrides theme;
    bool reduced_motion = false;
};

class Widget {
public:
    // 0: mounted; 1: the exercise has problems (logged with console.error); 2: no WebGL2.
    int mount(const std::string& selector, const std::string& exercise_text, const std::string& config_json);
    void unmount();

    // From the page (exports.cpp).
    void poke();                       // input arrived: draw, and let ImGui's queue settle
    void resized(float css_w, float css_h, int dev_w, int dev_h);
    void visible(bool on_screen);
    void reduced_motion(bool reduce);
    void dpr_changed();
    void text_input(const std::string& text);
    void copy_result(bool ok);
    std::string state_json() const;
    int frames() const { return frames_; }
    std::string targets_json() const;  // test hook: the controls of the last frame

private:
    static int on_raf(double now, void* self);
    static void on_timer(void* self);
    static void on_restored(void* self);
    void request_frame();
    void frame(double now);
    void apply(const ui::Intents& in);
    void after_change();               // the engine moved or saved: refresh what is shown
    void build_screen();
    void update_notices();

    std::string selector_;
    WidgetConfig config_;
    std::optional<Exercise> exercise_;
    LocalStorageStore local_;
    FallbackStore store_{local_};
    std::unique_ptr<Session> session_;
    std::unique_ptr<Journal> journal_;
    bool storage_blocked_ = false;
    bool moved_ = false;               // the reader has moved since opening

    ui::Theme theme_;
    ui::Fonts fonts_;
    float font_density_ = 0;
    bool fonts_dirty_ = true;
    ImGuiContext* imgui_ = nullptr;
    GlSurface gl_;
    TextareaOverlay textarea_;
    ui::StepScreen step_screen_;

    std::vector<ui::Target> targets_;
    StepView view_;
    ui::Screen screen_;
    std::string shown_key_;            // step id (+ safety) last announced to the page
    std::string notices_sent_;

    // Frame scheduling.
    bool mounted_ = false;
    long raf_ = 0;
    long timer_ = 0;
    int settle_ = 0;
    int frames_ = 0;
    bool on_screen_ = true;
    double last_frame_ms_ = 0;
    float css_h_ = 0;                  // the height we asked the page for
    float ro_css_w_ = 0, ro_css_h_ = 0;
    int ro_dev_w_ = 0, ro_dev_h_ = 0;  // device-pixel size from ResizeObserver, when known
};

}  // namespace tend::web
