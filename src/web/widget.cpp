#include "widget.h"

#include <algorithm>
#include <cmath>
#include <set>

#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include "answer.h"
#include "bridge_json.h"
#include "browser.h"
#include "font_data.h"
#include "fonts.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_internal.h"  // the input queue, to keep drawing until it drains
#include "interpolate.h"
#include "json_guard.h"
#include "page_watch.h"
#include "problem.h"
#include "ui/strings.h"
#include "validator.h"
#include "web_platform.h"

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
    auto rm = j.find("reducedMotion");
    c.reduced_motion = rm != j.end() && rm->is_boolean() && rm->get<bool>();
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

}  // namespace

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

    storage_blocked_ = LocalStorageStore::probe() == StoreResult::Blocked;
    std::string prefix = "tend/" + config_.section + "/" + exercise_->id + "/";
    session_ = std::make_unique<Session>(*exercise_, store_, prefix);
    journal_ = std::make_unique<Journal>(*exercise_, store_, prefix);
    session_->open();

    theme_ = ui::make_theme(config_.theme);
    imgui_ = ImGui::CreateContext();
    ImGui::SetCurrentContext(imgui_);
    ui::apply_to_style(theme_, ImGui::GetStyle());
    if (!gl_.create(selector_, &Widget::on_restored, this)) {
        console_error("Tend: this browser couldn't start WebGL2 for the exercise.");
        ImGui::DestroyContext(imgui_);
        imgui_ = nullptr;
        return 2;
    }
    ImGui_ImplTendWeb_Init(selector_.c_str(), &on_input, this);

    // The textarea and the card's CSS share the theme (the font too, from the same bytes).
    nlohmann::json css = {
        {"--tend-surface", ui::hex_colour(theme_.surface)}, {"--tend-text", ui::hex_colour(theme_.text)},
        {"--tend-muted", ui::hex_colour(theme_.muted)},     {"--tend-accent", ui::hex_colour(theme_.accent)},
        {"--tend-line", ui::hex_colour(theme_.line)},
        {"--tend-ring", ui::hex_colour(theme_.accent) + "40"},  // the accent at 25%, for the focus ring
        {"--tend-field", ui::hex_colour(ui::mix(theme_.surface, ImVec4(1, 1, 1, 1), 0.7f))},
        {"--tend-radius", std::to_string(static_cast<int>(theme_.radius)) + "px"},
        {"--tend-card-radius", std::to_string(static_cast<int>(theme_.radius * 1.4f)) + "px"},
        {"--tend-font-size", std::to_string(static_cast<int>(theme_.body_px)) + "px"},
        {"--tend-line-height", std::to_string(theme_.line_height)},
    };
    host_style(dump_json(css));
    host_font(kFontData, kFontSize);

    mounted_ = true;
    css_h_ = kReservedHeight;
    watch_page(selector_);
    after_change();
    poke();
    return 0;
}

void Widget::unmount() {
    if (!mounted_) return;
    mounted_ = false;
    if (raf_) emscripten_cancel_animation_frame(raf_);
    if (timer_) emscripten_clear_timeout(timer_);
    raf_ = timer_ = 0;
    unwatch_page();
    textarea_.hide();
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

void Widget::frame(double now) {
    if (!gl_.ready()) return;  // lost: the restore callback asks for a frame
    ImGui::SetCurrentContext(imgui_);

    double css_w = 0, css_h = 0;
    emscripten_get_element_css_size(selector_.c_str(), &css_w, &css_h);
    if (css_w < 1 || css_h < 1) return;  // display:none; a resize will bring us back
    double dpr = emscripten_get_device_pixel_ratio();
    bool exact = ro_dev_w_ > 0 && std::fabs(ro_css_w_ - css_w) < 0.01 && std::fabs(ro_css_h_ - css_h) < 0.01;
    double fb_w = exact ? ro_dev_w_ : std::round(css_w * dpr), fb_h = exact ? ro_dev_h_ : std::round(css_h * dpr);
    if (fb_w * fb_h > kMaxBackingPixels) {
        double s = std::sqrt(kMaxBackingPixels / (fb_w * fb_h));
        fb_w = std::floor(fb_w * s), fb_h = std::floor(fb_h * s);
    }
    // Quarter steps: a zoom of 110% doesn't need its own atlas, and fewer rebuilds is calmer.
    float density = std::max(1.0f, std::round(static_cast<float>(fb_w / css_w) * 4.0f) / 4.0f);
    if (fonts_dirty_ || density != font_density_) {
        fonts_ = build_fonts(theme_, density);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
        ImGui::GetIO().Fonts->ClearTexData();  // the GPU has it; keep the heap small
        font_density_ = density;
        fonts_dirty_ = false;
    }
    gl_.resize(static_cast<int>(fb_w), static_cast<int>(fb_h));

    float dt = last_frame_ms_ > 0 ? static_cast<float>(std::min(1.2, (now - last_frame_ms_) / 1000.0)) : 0.0f;
    last_frame_ms_ = now;

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplTendWeb_NewFrame(now, static_cast<float>(css_w), static_cast<float>(css_h), static_cast<int>(fb_w),
                               static_cast<int>(fb_h));
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(static_cast<float>(css_w), static_cast<float>(css_h)));
    ImGui::Begin("##tend", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    screen_.view = &view_;
    screen_.reduced_motion = config_.reduced_motion;
    screen_.pacer_visible = on_screen_;
    ui::Frame f = step_screen_.draw(screen_, theme_, fonts_, static_cast<float>(css_w), dt);
    ImGui::End();
    // The card fills the canvas; CSS rounds its corners and gives it a soft shadow.
    ImGui::GetBackgroundDrawList()->AddRectFilled(ImVec2(0, 0), ImVec2(static_cast<float>(css_w), static_cast<float>(css_h)),
                                                  ImGui::ColorConvertFloat4ToU32(theme_.surface));
    ImGui::Render();
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
    if (in.toggle_other) s.set_other(!view_.other_selected, view_.other_text);
    if (in.scale >= 0) s.set_scale(in.scale);
    if (in.copy) host_copy(journal_->session_text(s.state()));
    if (in.download_text) host_download("tend-" + id + ".txt", "text/plain;charset=utf-8", journal_->export_text());
    if (in.download_json) host_download("tend-" + id + ".json", "application/json", journal_->export_json());
    if (in.delete_all) {
        journal_->remove_all();
        s.restart();
        textarea_.reset();
        screen_.flash = ui::str::kDeleted;
    }
    if (in.restart) {
        s.restart();
        textarea_.reset();
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
    poke();
}

void Widget::after_change() {
    view_ = session_->view();
    std::string key = view_.step_id + (view_.in_safety ? "#safety" : "");
    bool stepped = key != shown_key_;
    if (stepped) {
        bool first = shown_key_.empty();
        shown_key_ = key;
        if (!first && screen_.flash != ui::str::kDeleted) screen_.flash.clear();
        build_screen();
        host_view(view_to_json(exercise_->id, view_));
        if (view_.is_end && session_->state().finished()) host_complete(state_to_json(*exercise_, session_->state()));
    }
    update_notices();
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
    std::string joined = dump_json(nlohmann::json(n));
    if (joined != notices_sent_) {
        notices_sent_ = joined;
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

std::string Widget::state_json() const {
    if (!session_) return "null";
    return state_to_json(*exercise_, session_->state());
}

}  // namespace tend::web

namespace tend::web {

std::string Widget::targets_json() const {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& t : targets_)
        out.push_back({{"id", t.id}, {"label", t.label}, {"x", t.min.x}, {"y", t.min.y},
                       {"w", t.max.x - t.min.x}, {"h", t.max.y - t.min.y}});
    return dump_json(out);
}

}  // namespace tend::web
