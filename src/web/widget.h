// Tend: one mounted widget: an exercise, the reader's session, and the frames that show it.
//
// Each widget lives in its own wasm instance (the module is compiled once per page and
// instantiated per element), so there is one Widget per instance. It owns the engine side
// (Exercise, Session, Journal over localStorage with an in-memory fallback) and the browser
// side (WebGL surface, ImGui context and our platform backend), and keeps the widget's own
// state around the step (notices, the journal, deleting, the pacer).
//
// After every change it builds the Screen (src/screen) and sends the page what changed
// (bridge.h); the canvas draws the same Screen. Input arrives as the key of a control the
// reader used, on the canvas or in the page's DOM mirror, and is applied here, the one way.
//
// It draws only when something changed: input, resize, a new devicePixelRatio or contrast
// preference, a storage result, another tab's change to the answers, or an animation that
// is on screen. Without WebGL the DOM mirror is all there is (DOM-only): no ImGui, no
// frames, and the exercise works the same.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "bridge.h"
#include "config.h"
#include "fallback_store.h"
#include "fonts.h"
#include "gl_surface.h"
#include "journal.h"
#include "local_store.h"
#include "screen/screen_model.h"
#include "session.h"
#include "ui/step_view.h"
#include "ui/theme.h"

namespace tend::web {

// What mount() and mount_step() report. kMoreSteps: call mount_step() again.
enum MountResult { kMounted = 0, kBadExercise = 1, kMoreSteps = 2, kMountedWithoutCanvas = 3 };

class Widget {
public:
    // Mounting is done in steps, so that no one task of the page's is long: mount() reads and
    // checks the exercise, then each mount_step() does one more (its content hash, the
    // reader's session, the screen and the page's watchers, the atlas, the first layout, the
    // WebGL context, the first frame) until it reports kMounted or kMountedWithoutCanvas. The page lets other
    // work run between the calls (web/src/engine.js).
    int mount(const std::string& selector, const std::string& exercise_text, const std::string& config_json);
    int mount_step();
    void unmount();

    // The reader, through the canvas or the page's mirror.
    void press(const std::string& key);                                 // a control of the screen
    void text_input(const std::string& field_key, const std::string& text);  // the reply box
    void focus(const std::string& key);                                 // DOM focus moved ("" = left)
    void copy_result(bool ok);

    // The page around the widget (page.h's watch()).
    void poke();                       // input arrived: draw, and let ImGui's queue settle
    void resized(float css_w, float css_h, int dev_w, int dev_h);
    void visible(bool on_screen);
    void reduced_motion(bool reduce);
    void dpr_changed();
    void high_contrast(bool more);     // prefers-contrast changed
    void storage_changed();            // another tab changed the stored answers, or storage became reachable

    // Read-outs for handle.state() and the tests.
    std::string state_json() const;
    std::string targets_json() const { return web::targets_json(targets_); }
    int frames() const { return frames_; }
    bool frame_pending() const { return raf_ != 0 || tap_timer_ != 0; }  // a frame or a tap is waiting
    int missing_glyphs(const std::string& text) const;
    void record_text(bool on);         // keep every text the canvas draws (drawn_text(): the last frame's)
    std::string drawn_text() const;

private:
    static int on_raf(double now, void* self);
    static void on_timer(void* self);
    static void on_tap(void* self);
    static void on_restored(void* self);
    static void on_tick(void* self);
    void request_frame();
    void schedule_tick();              // DOM-only: the pacer's count, once a second
    void frame(double now);
    bool first_size(double* css_w, double* css_h, double* fb_w, double* fb_h);
    void lay_out_first();
    void first_atlas();
    void open_session();
    ui::Frame layout(double now, float css_w, float css_h, int fb_w, int fb_h, float dt);
    void fonts_for(float density);
    void apply_theme();

    void apply(screen::Action action, const std::string& arg);
    void after_change();               // the engine moved or saved: a new Screen, and what changed to the page
    void advance_pacer(float dt);
    std::vector<screen::Notice> notices() const;
    std::vector<screen::PastSession> past_sessions() const;

    WidgetConfig config_;
    std::optional<Exercise> exercise_;
    std::optional<screen::Words> words_;
    screen::Help help_;                // the crisis lines for the reader's region
    LocalStorageStore local_;
    FallbackStore store_{local_};
    std::unique_ptr<Session> session_;
    std::unique_ptr<Journal> journal_;
    bool storage_blocked_ = false;
    bool moved_ = false;               // the reader has moved since opening

    // What the reader sees.
    StepView view_;
    screen::Surroundings around_;
    screen::PacerClock pacer_;
    screen::Screen screen_;
    std::string shown_key_;            // the step last shown (its Screen::step_key)
    bool shown_in_safety_ = false;     // … and it was on the grounding path
    bool flash_kept_ = false;          // the acknowledgement is for the step about to be shown
    bool by_reader_ = false;           // the change being applied is the reader's, in this widget
    std::string notices_said_;         // the notices last said in the live region
    std::string focus_;                // the control with the page's keyboard focus
    Bridge bridge_;

    // The canvas.
    std::string selector_;
    ui::Theme theme_;
    ui::Fonts fonts_;
    GlyphSet glyphs_;                  // what the atlas holds: the text shown so far
    float font_density_ = 0;
    bool fonts_dirty_ = true;
    bool texture_stale_ = true;        // the GPU's copy of the atlas is older than the atlas
    ImGuiContext* imgui_ = nullptr;
    GlSurface gl_;
    ui::StepScreen step_screen_;
    std::vector<ui::Target> targets_;  // the controls of the last frame
    bool record_text_ = false;
    std::vector<std::string> drawn_;   // the texts of the last frame, while record_text_
    bool dom_only_ = false;            // no WebGL: the mirror is the widget
    bool page_text_ = false;           // this screen has words the canvas can't draw: the page shows it
    bool canvas_shows() const { return !dom_only_ && !page_text_; }

    // Frame scheduling.
    int mount_step_ = 0;               // the next of mount_step()'s steps
    std::string exercise_text_;        // mount()'s, until the next step has its content hash
    bool mounted_ = false;
    long raf_ = 0;
    long timer_ = 0;
    long tap_timer_ = 0;               // a tap on the canvas, answered in a task after its frame (on_tap)
    std::string tapped_;               // that tap's control
    int settle_ = 0;
    int frames_ = 0;
    bool on_screen_ = true;
    double last_frame_ms_ = 0;
    double last_tick_ms_ = 0;
};

}  // namespace tend::web
