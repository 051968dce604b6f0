// Tend: mounting a widget in yielding steps (each a task of its own, so none is long: issue
// 13), and unmounting it. The rest of the widget's life is widget.cpp.
#include "widget.h"

#include <array>
#include <cmath>
#include <cstring>

#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include "content_hash.h"
#include "font_data.h"
#include "imgui.h"
#include "page.h"
#include "problem.h"
#include "sha256.h"
#include "validator.h"
#include "web_platform.h"

namespace tend::web {

extern const unsigned char kTrustedExercises[][32];  // SHA-256 of each (embed_trusted.py)
extern const int kTrustedExerciseCount;

namespace {

void on_input(void* self) { static_cast<Widget*>(self)->poke(); }

// A shipped exercise, byte for byte as it passed `tend lint` at build time (embed_trusted.py).
bool trusted(const std::string& exercise_text) {
    if (kTrustedExerciseCount == 0) return false;
    Sha256 h;
    h.update(exercise_text.data(), exercise_text.size());
    std::array<uint8_t, 32> digest = h.finish();
    for (int i = 0; i < kTrustedExerciseCount; i++)
        if (std::memcmp(digest.data(), kTrustedExercises[i], 32) == 0) return true;
    return false;
}

}  // namespace

int Widget::mount(const std::string& selector, const std::string& exercise_text, const std::string& config_json) {
    selector_ = selector;
    config_ = parse_config(config_json);

    ExerciseLoad load = load_exercise(exercise_text, trusted(exercise_text) ? ExerciseChecks::Reading : ExerciseChecks::All);
    if (!load.ok()) {
        // Readers get a kind message from the loader; authors get every precise problem here.
        std::string which = config_.source.empty() ? "this exercise" : config_.source;
        page::console_error("Tend: " + which + " can't be shown because of " + std::to_string(load.problems.size()) +
                            " problem(s) in its file:");
        for (const auto& p : load.problems) page::console_error("  " + format_problem(p));
        return kBadExercise;
    }
    exercise_ = std::move(*load.exercise);
    exercise_text_ = exercise_text;  // for its content hash, the next step (it reads the text once more)
    mount_step_ = 0;
    return kMoreSteps;
}

int Widget::mount_step() {
    switch (mount_step_++) {
        case 0:  // the content hash "About this exercise" shows (it never changes)
            around_.content_hash = content_hash(exercise_text_);
            std::string().swap(exercise_text_);
            return kMoreSteps;
        case 1:  // the reader's session, the widget's words and theme
            open_session();
            return kMoreSteps;
        case 2: {  // ImGui, the page's watchers, and the first screen (the DOM mirror shows it)
            imgui_ = ImGui::CreateContext();
            ImGui::SetCurrentContext(imgui_);
            ui::apply_to_style(theme_, ImGui::GetStyle());
            ImGui_ImplTendWeb_Init(selector_.c_str(), &on_input, this);
            mounted_ = true;
            page::watch(selector_, "tend/" + config_.section + "/" + exercise_->id + "/");
            after_change();
            return kMoreSteps;
        }
        case 3:  // the atlas: the glyphs of what is on screen and of the widget's own words
            first_atlas();
            return kMoreSteps;
        case 4:  // the first step laid out, and the canvas sized to it
            lay_out_first();
            return kMoreSteps;
        case 5:  // the WebGL context: one browser call, which can't be split
            if (gl_.create(selector_, &Widget::on_restored, this)) return kMoreSteps;
            // No WebGL2 (too old, switched off, or the canvas is blocked): the DOM mirror is the widget.
            ImGui_ImplTendWeb_Shutdown();
            ImGui::DestroyContext(imgui_);
            imgui_ = nullptr;
            dom_only_ = true;
            poke();
            return kMountedWithoutCanvas;
        case 6:
            // Drawn now rather than at the next animation frame: the browser shows it at its
            // next paint either way, and the reader's wait is one frame shorter.
            frame(emscripten_get_now());
            poke();
            return kMounted;
        default:
            return dom_only_ ? kMountedWithoutCanvas : kMounted;
    }
}

void Widget::open_session() {
    words_.emplace(exercise_->language);
    help_ = screen::help_for(config_.region, config_.locales, words_->language());
    if (!config_.region.empty() && !screen::known_region(config_.region))
        page::console_warn("Tend: data-tend-region \"" + config_.region + "\" is not a region Tend knows (a country code such as "
                           "GB, US or ES, or \"default\"); the reader's browser languages choose instead.");

    storage_blocked_ = LocalStorageStore::blocked();
    std::string prefix = "tend/" + config_.section + "/" + exercise_->id + "/";
    session_ = std::make_unique<Session>(*exercise_, store_, prefix);
    journal_ = std::make_unique<Journal>(*exercise_, store_, prefix);
    journal_->use_words(screen::export_words(*words_));  // what the reader keeps is in their language too
    session_->open();

    apply_theme();
    page::use_font(kFontData, kFontSize);
    // The widget's own words, all of them: the atlas then never waits for a button's glyphs.
    for (int w = 0; w < static_cast<int>(screen::Word::count_); w++) glyphs_.add((*words_)[static_cast<screen::Word>(w)]);
}

void Widget::unmount() {
    if (!mounted_) return;
    mounted_ = false;
    if (raf_) emscripten_cancel_animation_frame(raf_);
    if (timer_) emscripten_clear_timeout(timer_);
    if (tap_timer_) emscripten_clear_timeout(tap_timer_);
    raf_ = timer_ = tap_timer_ = 0;
    page::unwatch();
    if (dom_only_) return;
    ImGui::SetCurrentContext(imgui_);
    ImGui_ImplTendWeb_Shutdown();
    gl_.destroy();
    ImGui::DestroyContext(imgui_);
    imgui_ = nullptr;
}

// The first step is laid out once before any WebGL exists, and the canvas sized to it (its
// CSS height and its backing store): a context is made at its canvas's size, and resizing it
// afterwards costs about as much again with software GL. The reader's first sight is then
// already the right shape, and this is also the pass ImGui keeps hidden for a new window.
// The canvas's CSS and backing-store size, with the fonts for that scale; false while it has
// no size (display:none: the first frame does this instead).
bool Widget::first_size(double* css_w, double* css_h, double* fb_w, double* fb_h) {
    emscripten_get_element_css_size(selector_.c_str(), css_w, css_h);
    if (*css_w < 1 || *css_h < 1) return false;
    gl_.backing_size(*css_w, *css_h, fb_w, fb_h);
    fonts_for(static_cast<float>(*fb_w / *css_w));
    return true;
}

void Widget::first_atlas() {
    double css_w = 0, css_h = 0, fb_w = 0, fb_h = 0;
    first_size(&css_w, &css_h, &fb_w, &fb_h);
}

void Widget::lay_out_first() {
    double css_w = 0, css_h = 0, fb_w = 0, fb_h = 0;
    if (!first_size(&css_w, &css_h, &fb_w, &fb_h)) return;
    ui::Frame f = layout(emscripten_get_now(), static_cast<float>(css_w), static_cast<float>(css_h),
                         static_cast<int>(fb_w), static_cast<int>(fb_h), 0.0f);
    ImGui::EndFrame();
    float want = std::ceil(f.content_height);
    if (want >= 1.0f && std::fabs(want - css_h) >= 1.0f) {
        css_h = want;
        bridge_.lay_out(want);
        gl_.backing_size(css_w, css_h, &fb_w, &fb_h);
    }
    gl_.preset(selector_, static_cast<int>(fb_w), static_cast<int>(fb_h));
}

}  // namespace tend::web
