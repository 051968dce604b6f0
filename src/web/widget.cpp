#include "widget.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include "answer.h"
#include "bridge_json.h"
#include "browser.h"
#include "font_data.h"
#include "fonts.h"
#include "imgui.h"
#include "imgui_internal.h"  // the input queue, to keep drawing until it drains
#include "interpolate.h"
#include "json_out.h"
#include "json_guard.h"
#include "page_watch.h"
#include "problem.h"
#include "ui/strings.h"
#include "validator.h"
#include "web_platform.h"
#include "webgl_renderer.h"

namespace tend::web {

namespace {

constexpr int kSettleFrames = 3;               // ImGui trickles queued input over a few frames
constexpr double kMaxBackingPixels = 16.0e6;   // iOS refuses canvases above ~16.7 M pixels
constexpr float kReservedHeight = 480.0f;      // before the first measure (the loader reserves it too)

std::string get_string(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

double get_number(const nlohmann::json& j, const char* key, double fallback) {
    auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : fallback;
}

WidgetConfig parse_config(const std::string& text) {
    WidgetConfig c;
    JsonParse p = parse_json_guarded(text);
    if (!p.ok || !p.value.is_object()) return c;
    const auto& j = p.value;
    if (auto s = get_string(j, "section"); !s.empty()) c.section = s;
    c.practice_name = get_string(j, "practiceName");
    c.cta_text = get_string(j, "ctaText");
    c.cta_link = get_string(j, "ctaLink");
    c.theme.accent = get_string(j, "accent");
    c.theme.background = get_string(j, "background");
    c.theme.font_scale = static_cast<float>(get_number(j, "fontScale", 0));
    c.theme.radius = static_cast<float>(get_number(j, "radius", -1));
    auto flag = [&](const char* key) { auto it = j.find(key); return it != j.end() && it->is_boolean() && it->get<bool>(); };
    c.reduced_motion = flag("reducedMotion");
    c.theme.high_contrast = flag("highContrast");
    return c;
}

// The links a widget may open: the exercise's resources are validated as https/tel/sms;
// the practice's call to action may also be a plain http(s) page or an email address.
bool safe_link(const std::string& url) {
    for (const char* scheme : {"https:", "http:", "tel:", "sms:", "mailto:"})
        if (url.rfind(scheme, 0) == 0) return true;
    return url.rfind("/", 0) == 0;  // same-site path
}

void on_input(void* self) { static_cast<Widget*>(self)->poke(); }

// The widget's own words, for the DOM mirror (strings.h stays their one home).
std::string strings_json() {
    namespace s = ui::str;
    const char* pairs[][2] = {
        {"continue", s::kContinue}, {"skip", s::kSkip}, {"back", s::kBack}, {"need_pause", s::kNeedPause},
        {"return", s::kReturn}, {"choose_any", s::kChooseAny}, {"placeholder", s::kFieldPlaceholder},
        {"your_words", s::kYourWords}, {"keep_them", s::kKeepThem}, {"copy", s::kCopy}, {"txt", s::kDownloadText},
        {"json", s::kDownloadJson}, {"again", s::kBeginAgain}, {"delete", s::kDelete},
        {"delete_confirm", s::kDeleteConfirm}, {"delete_yes", s::kDeleteYes}, {"delete_no", s::kDeleteNo},
        {"resources_title", s::kResourcesTitle}, {"pacer_longer", s::kPacerLonger}, {"pacer_stop", s::kPacerStop},
        {"name", s::kWidgetName},
    };
    JsonOut j;
    j.begin();
    for (auto& p : pairs) j.str(p[0], p[1]);
    return j.end().text();
}

}  // namespace

// The theme follows the practice's options and the reader's prefers-contrast; the textarea,
// the DOM mirror and the card's CSS share it (the font too, from the same bytes).
void Widget::apply_theme() {
    std::vector<std::string> warnings;
    theme_ = ui::make_theme(config_.theme, &warnings);
    for (const auto& w : warnings) console_warn(w);

    struct { const char* name; ImVec4 colour; } colours[] = {
        {"surface", theme_.surface}, {"text", theme_.text}, {"muted", theme_.muted}, {"accent", theme_.accent},
        {"line", theme_.line}, {"outline", theme_.outline}, {"on-accent", theme_.on_accent}, {"soft", theme_.soft},
        {"control", theme_.control}, {"quote", theme_.quote}, {"caution", theme_.caution}, {"notice", theme_.notice},
        {"notice-text", theme_.notice_text}, {"field", ui::mix(theme_.surface, ImVec4(1, 1, 1, 1), 0.7f)},
    };
    JsonOut css;
    css.begin();
    for (auto& c : colours) css.str(("--tend-" + std::string(c.name)).c_str(), ui::hex_colour(c.colour));
    css.str("--tend-ring", ui::hex_colour(theme_.accent) + "40");  // the accent at 25%, for the textarea's glow
    css.str("--tend-radius", std::to_string(static_cast<int>(theme_.radius)) + "px");
    css.str("--tend-card-radius", std::to_string(static_cast<int>(theme_.radius * 1.4f)) + "px");
    css.str("--tend-font-size", std::to_string(static_cast<int>(theme_.body_px)) + "px");
    css.str("--tend-line-height", std::to_string(theme_.line_height));
    host_style(css.end().text());
    if (imgui_) {
        ImGui::SetCurrentContext(imgui_);
        ImGui::GetStyle() = ImGuiStyle();
        ui::apply_to_style(theme_, ImGui::GetStyle());
    }
}

void Widget::high_contrast(bool more) {
    if (!mounted_ || more == config_.theme.high_contrast) return;
    config_.theme.high_contrast = more;
    apply_theme();
    poke();
}

void Widget::storage_changed() {
    if (!mounted_) return;
    session_->open();  // writes nothing unless the stored copy needs repair, so tabs can't ping-pong
    moved_ = false;
    build_screen();
    after_change();
    poke();
}

int Widget::missing_glyphs(const std::string& text) const {
    if (dom_only_ || !fonts_.body) return -1;
    int missing = 0;
    const char* p = text.c_str();
    const char* end = p + text.size();
    while (p < end) {
        unsigned c = 0;
        p += ImTextCharFromUtf8(&c, p, end);
        if (c < 0x20) continue;
        for (const ImFont* f : {fonts_.body, fonts_.small, fonts_.prompt})
            if (!f->FindGlyphNoFallback(static_cast<ImWchar>(c))) {
                missing++;
                break;
            }
    }
    return missing;
}

int Widget::mount(const std::string& selector, const std::string& exercise_text, const std::string& config_json) {
    selector_ = selector;
    config_ = parse_config(config_json);

    ExerciseLoad load = load_exercise(exercise_text);
    if (!load.ok()) {
        // Readers get a kind message from the loader; authors get every precise problem here.
        console_error("Tend: this exercise can't be shown because of " + std::to_string(load.problems.size()) +
                      " problem(s) in its file:");
        for (const auto& p : load.problems) console_error("  " + format_problem(p));
        return 1;
    }
    exercise_ = std::move(*load.exercise);

    storage_blocked_ = LocalStorageStore::blocked();
    prefix_ = "tend/" + config_.section + "/" + exercise_->id + "/";
    session_ = std::make_unique<Session>(*exercise_, store_, prefix_);
    journal_ = std::make_unique<Journal>(*exercise_, store_, prefix_);
    session_->open();

    apply_theme();
    host_font(kFontData, kFontSize);
    std::string words = strings_json();
    host_call("strings", words);
    glyphs_.add(words);  // the widget's own words (ASCII today; a translation may not be)

    imgui_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(imgui_);
    ui::apply_to_style(theme_, ImGui::GetStyle());
    ImGui_ImplTendWeb_Init(selector_.c_str(), &on_input, this);

    mounted_ = true;
    css_h_ = kReservedHeight;
    watch_page(selector_, prefix_);
    after_change();
    lay_out_first();
    if (gl_.create(selector_, &Widget::on_restored, this)) {
        // The first frame is drawn now rather than at the next animation frame: the browser
        // shows it at its next paint either way, and the reader's wait is one frame shorter.
        frame(emscripten_get_now());
    } else {
        // No WebGL2 (too old, switched off, or the canvas is blocked): the DOM mirror is the widget.
        ImGui_ImplTendWeb_Shutdown();
        ImGui::DestroyContext(imgui_);
        imgui_ = nullptr;
        dom_only_ = true;
    }
    poke();
    return dom_only_ ? kMountedWithoutCanvas : kMounted;
}

void Widget::unmount() {
    if (!mounted_) return;
    mounted_ = false;
    if (raf_) emscripten_cancel_animation_frame(raf_);
    if (timer_) emscripten_clear_timeout(timer_);
    raf_ = timer_ = 0;
    unwatch_page();
    textarea_.hide();
    if (dom_only_) return;
    ImGui::SetCurrentContext(imgui_);
    ImGui_ImplTendWeb_Shutdown();
    gl_.destroy();
    ImGui::DestroyContext(imgui_);
    imgui_ = nullptr;
}

// ---- scheduling ------------------------------------------------------------------------

void Widget::poke() {
    settle_ = std::max(settle_, kSettleFrames);
    request_frame();
}

void Widget::request_frame() {
    if (dom_only_) return schedule_tick();
    if (!mounted_ || raf_) return;
    raf_ = emscripten_request_animation_frame(&Widget::on_raf, this);
}

int Widget::on_raf(double now, void* self) {
    auto* w = static_cast<Widget*>(self);
    w->raf_ = 0;
    if (w->mounted_) w->frame(now);
    return EM_FALSE;  // one frame per request: we decide each time whether another is needed
}

void Widget::on_timer(void* self) {
    auto* w = static_cast<Widget*>(self);
    w->timer_ = 0;
    w->request_frame();
}

// DOM-only: no frames, so the pacer's clock is moved on here, once a second while it runs.
void Widget::schedule_tick() {
    if (!dom_only_ || !mounted_ || timer_) return;
    bool run = view_.kind == StepKind::Pause && pacer_.running() && on_screen_;
    if (!run) {
        last_tick_ms_ = 0;
        return;
    }
    if (last_tick_ms_ == 0) last_tick_ms_ = emscripten_get_now();
    auto b = pacer_.breath(theme_.breathe_in, theme_.breathe_out);
    timer_ = emscripten_set_timeout(&Widget::on_tick, b.to_next_count * 1000.0 + 5.0, this);
}

void Widget::on_tick(void* self) {
    auto* w = static_cast<Widget*>(self);
    w->timer_ = 0;
    double now = emscripten_get_now();
    w->pacer_.advance(static_cast<float>(std::min(1.5, (now - w->last_tick_ms_) / 1000.0)));
    w->last_tick_ms_ = now;
    w->send_pacer();
    w->schedule_tick();
}

void Widget::on_restored(void* self) {
    auto* w = static_cast<Widget*>(self);
    w->fonts_dirty_ = true;  // the font texture died with the old context
    w->poke();
}

void Widget::resized(float css_w, float css_h, int dev_w, int dev_h) {
    ro_css_w_ = css_w, ro_css_h_ = css_h, ro_dev_w_ = dev_w, ro_dev_h_ = dev_h;
    poke();
}

void Widget::visible(bool on_screen) {
    on_screen_ = on_screen;
    if (on_screen) poke();  // resume an animation that stopped while scrolled away
}

void Widget::reduced_motion(bool reduce) {
    config_.reduced_motion = reduce;
    poke();
}

void Widget::dpr_changed() {
    fonts_dirty_ = true;
    poke();
}

// ---- one frame ---------------------------------------------------------------------------

// The device pixels behind a canvas of css_w × css_h, capped for iOS.
void Widget::backing_size(double css_w, double css_h, double* fb_w, double* fb_h) const {
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

// One ImGui pass over the current step: input in, layout and draw lists out.
ui::Frame Widget::layout(double now, float css_w, float css_h, int fb_w, int fb_h, float dt) {
    ImGui_ImplTendWeb_NewFrame(now, css_w, css_h, fb_w, fb_h);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(css_w, css_h));
    ImGui::Begin("##tend", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    screen_.view = &view_;
    screen_.reduced_motion = config_.reduced_motion;
    screen_.pacer_visible = on_screen_;
    screen_.pacer = &pacer_;
    ui::Frame f = step_screen_.draw(screen_, theme_, fonts_, css_w, dt);
    ImGui::End();
    // The card fills the canvas; CSS rounds its corners and gives it a soft shadow.
    ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(css_w, css_h),
                                                  ImGui::ColorConvertFloat4ToU32(theme_.surface));
    return f;
}

// The first step is laid out once before any WebGL exists, and the canvas sized to it (its
// CSS height and its backing store): a context is made at its canvas's size, and resizing it
// afterwards costs about as much again with software GL. The reader's first sight is then
// already the right shape, and this is also the pass ImGui keeps hidden for a new window.
void Widget::lay_out_first() {
    double css_w = 0, css_h = 0, fb_w = 0, fb_h = 0;
    emscripten_get_element_css_size(selector_.c_str(), &css_w, &css_h);
    if (css_w < 1 || css_h < 1) return;  // display:none: the first frame will size it
    backing_size(css_w, css_h, &fb_w, &fb_h);
    float density = std::max(1.0f, std::round(static_cast<float>(fb_w / css_w) * 4.0f) / 4.0f);
    fonts_ = build_fonts(theme_, density, glyphs_);
    font_density_ = density;
    fonts_dirty_ = false;
    texture_stale_ = true;
    ui::Frame f = layout(emscripten_get_now(), static_cast<float>(css_w), static_cast<float>(css_h),
                         static_cast<int>(fb_w), static_cast<int>(fb_h), 0.0f);
    ImGui::EndFrame();
    float want = std::ceil(f.content_height);
    if (want >= 1.0f && std::fabs(want - css_h) >= 1.0f) {
        css_h = css_h_ = want;
        host_set_height(want);
        backing_size(css_w, css_h, &fb_w, &fb_h);
    }
    gl_.preset(selector_, static_cast<int>(fb_w), static_cast<int>(fb_h));
}

void Widget::frame(double now) {
    if (!gl_.ready()) return;  // lost: the restore callback asks for a frame
    ImGui::SetCurrentContext(imgui_);

    double css_w = 0, css_h = 0, fb_w = 0, fb_h = 0;
    emscripten_get_element_css_size(selector_.c_str(), &css_w, &css_h);
    if (css_w < 1 || css_h < 1) return;  // display:none; a resize will bring us back
    backing_size(css_w, css_h, &fb_w, &fb_h);
    // Quarter steps: a zoom of 110% doesn't need its own atlas, and fewer rebuilds is calmer.
    float density = std::max(1.0f, std::round(static_cast<float>(fb_w / css_w) * 4.0f) / 4.0f);
    if (fonts_dirty_ || density != font_density_) {
        fonts_ = build_fonts(theme_, density, glyphs_);
        font_density_ = density;
        fonts_dirty_ = false;
        texture_stale_ = true;
    }
    if (texture_stale_) {
        ImGui_ImplTendGL_UpdateFontsTexture();
        texture_stale_ = false;
    }

    float dt = last_frame_ms_ > 0 ? static_cast<float>(std::min(1.2, (now - last_frame_ms_) / 1000.0)) : 0.0f;
    last_frame_ms_ = now;
    if (view_.kind == StepKind::Pause && on_screen_) pacer_.advance(dt);

    ui::Frame f = layout(now, static_cast<float>(css_w), static_cast<float>(css_h), static_cast<int>(fb_w),
                         static_cast<int>(fb_h), dt);
    ImGui::Render();
    gl_.resize(static_cast<int>(fb_w), static_cast<int>(fb_h));
    gl_.begin();
    gl_.present();
    frames_++;

    // Height follows content (one frame late; the ResizeObserver brings the next frame).
    float want = std::ceil(f.content_height);
    if (std::fabs(want - css_h_) >= 1.0f) {
        css_h_ = want;
        host_set_height(want);
    }
    textarea_.update(f.field);
    targets_ = std::move(f.targets);
    send_rects();
    send_pacer();

    if (f.intents.any()) {
        apply(f.intents);
        settle_ = std::max(settle_, kSettleFrames);
    }

    if (settle_ > 0) settle_--;
    // ImGui trickles a tap over several frames (position, press, release, un-hover).
    bool queued = !imgui_->InputEventsQueue.empty();
    bool again = frames_ < 2 || settle_ > 0 || queued || (f.needs.animate && on_screen_);
    if (again) request_frame();
    else if (f.needs.redraw_in > 0 && on_screen_ && !timer_)
        timer_ = emscripten_set_timeout(&Widget::on_timer, f.needs.redraw_in * 1000.0 + 5.0, this);
}

// ---- the engine --------------------------------------------------------------------------

void Widget::apply(const ui::Intents& in) {
    Session& s = *session_;
    const std::string id = exercise_->id;
    if (in.next) s.next();
    if (in.back) s.back();
    if (in.skip) s.skip();
    if (in.enter_safety) s.enter_safety();
    if (in.leave_safety) s.leave_safety();
    if (!in.choose.empty()) s.choose(in.choose);
    if (in.other >= 0) s.set_other(in.other != 0, view_.other_text);
    if (in.scale >= 0) s.set_scale(in.scale);
    if (in.pacer_toggle || in.pacer_stop || in.pacer_longer) {
        if (dom_only_ && timer_) on_tick(this);  // count the time so far before changing the clock
        if (in.pacer_toggle) pacer_.toggle();
        if (in.pacer_stop) pacer_.stop();
        if (in.pacer_longer) pacer_.lengthen(ui::str::kPacerLongerSeconds);
        send_pacer();
        schedule_tick();
    }
    if (in.ask_delete) screen_.confirm_delete = true;
    if (in.cancel_delete) screen_.confirm_delete = false;
    if (in.toggle_journal) screen_.journal_open = !screen_.journal_open;
    if (in.copy) host_copy(journal_->session_text(s.state()));
    if (in.download_text) host_download("tend-" + id + ".txt", "text/plain;charset=utf-8", journal_->export_text());
    if (in.download_json) host_download("tend-" + id + ".json", "application/json", journal_->export_json());
    if (in.delete_all) {
        screen_.confirm_delete = false;
        journal_->remove_all();
        s.restart();
        screen_.flash = ui::str::kDeleted;
    }
    if (in.restart) {
        s.restart();
    }
    if (!in.open_link.empty() && safe_link(in.open_link)) host_open(in.open_link);
    if (in.next || in.back || in.skip || in.enter_safety || in.leave_safety) moved_ = true;
    after_change();
}

void Widget::text_input(const std::string& text) {
    if (!mounted_) return;
    if (view_.kind == StepKind::Text) session_->set_text(text);
    else if (view_.kind == StepKind::Choice && view_.other_selected) session_->set_other(true, text);
    after_change();
    poke();
}

void Widget::copy_result(bool ok) {
    screen_.flash = ok ? ui::str::kCopied : ui::str::kCopyFailed;
    send_screen();
    poke();
}

void Widget::act(const std::string& what, const std::string& arg) {
    if (!mounted_) return;
    ui::Intents in;
    if (what == "next") in.next = true;
    else if (what == "back") in.back = true;
    else if (what == "skip") in.skip = true;
    else if (what == "need_pause") in.enter_safety = !view_.in_safety;
    else if (what == "return") in.leave_safety = true;
    else if (what == "choose") in.choose = arg;
    else if (what == "other") in.other = arg == "1";
    else if (what == "scale") in.scale = std::atoi(arg.c_str());
    else if (what == "copy") in.copy = true;
    else if (what == "txt") in.download_text = true;
    else if (what == "json") in.download_json = true;
    else if (what == "delete") in.ask_delete = true;
    else if (what == "delete_no") in.cancel_delete = true;
    else if (what == "delete_yes") in.delete_all = true;
    else if (what == "journal") in.toggle_journal = true;
    else if (what == "again") in.restart = true;
    else if (what == "pacer_toggle") in.pacer_toggle = true;
    else if (what == "pacer_stop") in.pacer_stop = true;
    else if (what == "pacer_longer") in.pacer_longer = true;
    if (!in.any()) return;
    apply(in);
    poke();
}

void Widget::focus(const std::string& key) {
    if (key == screen_.focus) return;
    screen_.focus = key;
    poke();
}

void Widget::after_change() {
    view_ = session_->view();
    screen_.view = &view_;
    std::string key = view_.step_id + (view_.in_safety ? "#safety" : "");
    bool stepped = key != shown_key_;
    bool first = shown_key_.empty();  // the step the widget opened on (a resumed session's)
    if (stepped) {
        shown_key_ = key;
        if (!first && screen_.flash != ui::str::kDeleted) screen_.flash.clear();
        screen_.confirm_delete = false;
        if (view_.kind == StepKind::Pause) pacer_.reset(view_.seconds);
        build_screen();
    }
    // Every change reaches the DOM mirror (a choice made, Continue enabled); the page's
    // 'view' event fires only for a new step.
    std::string json = view_to_json(exercise_->id, view_);
    if (stepped || json != view_sent_) {
        view_sent_ = json;
        shown(json);
        host_view(json, stepped);
    }
    if (stepped) {
        // 'complete' is for reaching the end, once: reopening a page that shows a finished
        // session's end screen must not count it again.
        if (!first && view_.is_end && session_->state().finished())
            host_complete(state_to_json(*exercise_, session_->state()));
        send_pacer();
        schedule_tick();
    }
    update_notices();
    send_screen();
}

void Widget::update_notices() {
    std::vector<std::string> n;
    const SessionStatus& st = session_->status();
    StoreResult w = storage_blocked_ ? StoreResult::Blocked : st.last_write;
    if (w == StoreResult::Blocked) n.push_back(ui::str::kStorageBlocked);
    else if (w == StoreResult::Full) n.push_back(ui::str::kStorageFull);
    else if (w == StoreResult::Failed) n.push_back(ui::str::kStorageFailed);
    if (st.recovered) n.push_back(ui::str::kRecovered);
    if (st.resumed_after_change && !moved_) n.push_back(ui::str::kResumedAfterChange);
    screen_.notices = n;
    std::string joined = JsonOut().strings(n).text();
    // (the DOM mirror shows them through send_screen)
    if (joined != notices_sent_) {
        notices_sent_ = joined;
        shown(joined);
        host_notices(joined);
        request_frame();  // a storage change is worth a frame
    }
}

void Widget::build_screen() {
    const Exercise& ex = *exercise_;
    const SessionState& st = session_->state();
    ui::Screen& s = screen_;
    s.title = ex.title;
    s.practice_name = config_.practice_name;
    s.opening = st.history.empty() && !view_.in_safety && !view_.is_end;
    s.intro = ex.intro;
    s.content_note = ex.content_note;
    s.disclaimer = ex.disclaimer;
    s.minutes = ex.minutes;

    // Before the first question: until a question lies behind the reader.
    bool question_behind = false;
    for (const auto& id : st.history)
        if (const Step* step = ex.find(id); step && is_question(step->kind)) question_behind = true;
    s.privacy_line = !question_behind && !view_.in_safety;

    s.resources.clear();
    for (const auto& r : ex.safety.resources) s.resources.push_back({r.label, r.text, r.link});
    s.cta_text = config_.cta_text;
    s.cta_link = config_.cta_link;

    s.words.clear();
    s.journal.clear();
    if (!view_.is_end) return;
    auto lookup = [&](const std::string& sid) {
        const Step* step = ex.find(sid);
        const Answer* a = session_->answer(sid);
        return step && a ? answer_as_text(*step, *a, ex.language) : std::string();
    };
    std::set<std::string> seen;
    std::vector<std::string> path = st.history;
    path.push_back(st.current);
    for (const auto& id : path) {
        const Step* step = ex.find(id);
        if (!step || !is_question(step->kind) || !seen.insert(id).second) continue;
        std::string words = lookup(id);
        if (!words.empty()) s.words.push_back({interpolate(step->prompt, lookup), words});
    }
    for (const auto& e : journal_->list()) {
        if (e.state.started_ms == st.started_ms) continue;  // this session is shown above
        s.journal.push_back({host_format_date(static_cast<double>(e.state.started_ms)), journal_->session_text(e.state)});
    }
}

void Widget::shown(const std::string& json) {
    if (!dom_only_ && glyphs_.add(json)) {
        fonts_dirty_ = true;
        request_frame();
    }
}

std::string Widget::state_json() const {
    if (!session_) return "null";
    return state_to_json(*exercise_, session_->state());
}

}  // namespace tend::web

namespace tend::web {

std::string Widget::targets_json() const {
    JsonOut j;
    j.begin('[');
    for (const auto& t : targets_)
        j.begin().str("id", t.id).str("label", t.label).str("key", t.key).boolean("focused", t.focused).num("x", t.min.x)
            .num("y", t.min.y).num("w", t.max.x - t.min.x).num("h", t.max.y - t.min.y).end();
    return j.end(']').text();
}

// Everything around the step that the DOM mirror shows, with its words worked out here.
void Widget::send_screen() {
    const ui::Screen& s = screen_;
    JsonOut j;
    j.begin().str("title", s.title).str("practice_name", s.practice_name).str("progress", ui::progress_text(view_));
    j.str("privacy", s.privacy_line ? ui::str::kPrivacy : "").key("notices").strings(s.notices).str("flash", s.flash);
    j.boolean("confirm_delete", s.confirm_delete).boolean("opening", s.opening);
    if (s.opening) {
        char minutes[48] = "";
        if (s.minutes > 0) std::snprintf(minutes, sizeof minutes, s.minutes == 1 ? ui::str::kAboutMinute : ui::str::kAboutMinutes, s.minutes);
        j.str("minutes", minutes).str("intro", s.intro);
        j.str("content_note", s.content_note.empty() ? "" : ui::str::kContentNote + s.content_note);
        j.str("disclaimer", ui::disclaimer_repeated(s) ? "" : s.disclaimer);
    }
    if (view_.in_safety) {
        j.key("resources").begin('[');
        for (const auto& r : s.resources)
            j.begin().str("label", r.label).str("text", r.text).str("url", safe_link(r.url) ? r.url : "")
                .str("action", r.url.empty() ? "" : ui::resource_action(r)).end();
        j.end(']');
    }
    if (view_.kind == StepKind::Scale) {
        char note[256];
        std::snprintf(note, sizeof note, ui::str::kScaleMeans, view_.scale_min, view_.min_label.c_str(), view_.scale_max,
                      view_.max_label.c_str());
        j.str("scale_note", note);
    }
    if (view_.is_end) {
        j.key("words").begin('[');
        for (const auto& w : s.words) j.begin().str("question", w.question).str("answer", w.answer).end();
        j.end(']').key("journal").begin('[');
        for (const auto& e : s.journal) j.begin().str("when", e.when).str("text", e.text).end();
        j.end(']');
        char label[64];
        std::snprintf(label, sizeof label, s.journal_open ? ui::str::kHideJournal : ui::str::kShowJournal, static_cast<int>(s.journal.size()));
        j.str("journal_label", label).boolean("journal_open", s.journal_open);
        j.str("cta_lead", s.practice_name.empty() ? ui::str::kCtaLead : s.practice_name);
        j.str("cta_text", s.cta_text.empty() ? ui::str::kCtaDefault : s.cta_text);
        j.str("cta_link", safe_link(s.cta_link) ? s.cta_link : "");
    }
    j.end();
    if (j.text() == screen_sent_) return;
    screen_sent_ = j.text();
    shown(screen_sent_);
    host_call("screen", screen_sent_);
}

void Widget::send_pacer() {
    if (view_.kind != StepKind::Pause) return;
    auto b = pacer_.breath(theme_.breathe_in, theme_.breathe_out);
    JsonOut j;
    j.begin().num("count", pacer_.done() ? 0 : b.count).str("cue", ui::pacer_cue(pacer_, b));
    j.boolean("paused", pacer_.paused()).boolean("done", pacer_.done());
    j.str("toggle", pacer_.paused() ? ui::str::kPacerResume : ui::str::kPacerPause).end();
    if (j.text() == pacer_sent_) return;
    pacer_sent_ = j.text();
    shown(pacer_sent_);
    host_call("pacer", pacer_sent_);
}

// Where each control was drawn, so the mirror's transparent twin sits on it (focus then
// scrolls the right part of the canvas into view, and touch exploration finds it there).
void Widget::send_rects() {
    JsonOut j;
    j.begin();
    auto px = [](float v) { return std::round(v * 2.0f) / 2.0f; };
    for (const auto& t : targets_) {
        j.key(t.key.c_str()).begin('[').num(px(t.min.x)).num(px(t.min.y)).num(px(t.max.x - t.min.x));
        j.num(px(t.max.y - t.min.y)).end(']');
    }
    j.end();
    if (j.text() == rects_sent_) return;
    rects_sent_ = j.text();
    host_call("rects", rects_sent_);
}

}  // namespace tend::web
