// Tend: one mounted widget — an exercise, the reader's session, and the frames that show it.
//
// Each widget lives in its own wasm instance (the module is compiled once per page and
// instantiated per element), so there is one Widget per instance. It owns the engine side
// (Exercise, Session, Journal over localStorage with an in-memory fallback) and the
// browser side (WebGL surface, ImGui context and our platform backend, the textarea), and
// draws only when something changed: input, resize, a new devicePixelRatio or contrast
// preference, a storage result, another tab's change to the answers, or an animation that
// is on screen.
//
// The page also gets a semantic DOM mirror of every step (web/tend.js builds it from the
// StepView JSON and the screen JSON sent here): real buttons, radios and the textarea, which
// screen readers and the keyboard use. Its events come back through act() and focus(), the
// same engine operations the canvas's own intents run. Without WebGL the mirror is all
// there is (DOM-only mode): no ImGui, no frames, and the exercise works the same.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "fallback_store.h"
#include "fonts.h"
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

// What mount() reports.
enum MountResult { kMounted = 0, kBadExercise = 1, kMountedWithoutCanvas = 3 };

class Widget {
public:
    int mount(const std::string& selector, const std::string& exercise_text, const std::string& config_json);
    void unmount();

    // From the page (exports.cpp).
    void poke();                       // input arrived: draw, and let ImGui's queue settle
    void resized(float css_w, float css_h, int dev_w, int dev_h);
    void visible(bool on_screen);
    void reduced_motion(bool reduce);
    void dpr_changed();
    void high_contrast(bool more);     // prefers-contrast changed
    void storage_changed();            // another tab changed this widget's stored answers
    int missing_glyphs(const std::string& text) const;  // test hook (fonts.h)
    void text_input(const std::string& text);
    void copy_result(bool ok);
    void act(const std::string& what, const std::string& arg);  // from the DOM mirror
    void focus(const std::string& key);                          // DOM focus moved ("" = left)
    std::string state_json() const;
    int frames() const { return frames_; }
    std::string targets_json() const;  // test hook: the controls of the last frame

private:
    static int on_raf(double now, void* self);
    static void on_timer(void* self);
    static void on_restored(void* self);
    void request_frame();
    void frame(double now);
    void lay_out_first();    ui::Frame layout(double now, float css_w, float css_h, int fb_w, int fb_h, float dt);
    void backing_size(double css_w, double css_h, double* fb_w, double* fb_h) const;
    void apply(const ui::Intents& in);
    void after_change();               // the engine moved or saved: refresh what is shown
    void build_screen();
    void update_notices();
    void send_screen();
    void apply_theme();                // the theme from config_, to ImGui and the page's CSS
    void send_pacer();
    void send_rects();
    void shown(const std::string& json);  // text going to the screen: any glyph it needs
    void schedule_tick();              // DOM-only: the pacer's count, once a second
    static void on_tick(void* self);

    std::string selector_;
    std::string prefix_;               // storage keys: tend/<section>/<exercise>/
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
    GlyphSet glyphs_;                  // what the atlas holds: the text shown so far
    float font_density_ = 0;
    bool fonts_dirty_ = true;
    bool texture_stale_ = true;        // the GPU's copy of the atlas is older than the atlas
    ImGuiContext* imgui_ = nullptr;
    GlSurface gl_;
    TextareaOverlay textarea_;
    ui::StepScreen step_screen_;
    ui::PacerClock pacer_;
    bool dom_only_ = false;
    double last_tick_ms_ = 0;
    std::string view_sent_, screen_sent_, pacer_sent_, rects_sent_;

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
