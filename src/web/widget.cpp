#include "widget.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <utility>

#include <emscripten/eventloop.h>
#include <emscripten/html5.h>

#include "imgui.h"
#include "imgui_internal.h"  // the input queue, to keep drawing until it drains
#include "json_write.h"
#include "page.h"
#include "web_platform.h"
#include "webgl_renderer.h"

namespace tend::web {

using screen::Action;

namespace {

constexpr int kSettleFrames = 3;               // ImGui trickles queued input over a few frames

std::string format_date(int64_t ms, const char* language) { return page::format_date(ms, language); }

}  // namespace

// ---- the theme (mounting and unmounting are widget_mount.cpp) ------------------------------

// The theme follows the practice's options and the reader's prefers-contrast; the reply box
// and the DOM-only card share it (the font too, from the same bytes).
void Widget::apply_theme() {
    std::vector<std::string> warnings;
    theme_ = ui::make_theme(config_.theme, &warnings);
    for (const auto& w : warnings) page::console_warn(w);
    bridge_.style(theme_);
    if (imgui_) {
        ImGui::SetCurrentContext(imgui_);
        ImGui::GetStyle() = ImGuiStyle();
        ui::apply_to_style(theme_, ImGui::GetStyle());
    }
}

// ---- the reader --------------------------------------------------------------------------

void Widget::press(const std::string& key) {
    if (!mounted_) return;
    const screen::Control* c = screen_.control(key);
    if (!c || !c->enabled) return;
    by_reader_ = true;
    apply(c->action, std::string(c->arg));
    by_reader_ = false;
    poke();
}

void Widget::apply(Action action, const std::string& arg) {
    Session& s = *session_;
    const std::string& id = exercise_->id;
    switch (action) {
        case Action::Next: s.next(), moved_ = true; break;
        case Action::Back: s.back(), moved_ = true; break;
        case Action::Skip: s.skip(), moved_ = true; break;
        case Action::StopHere: s.stop_here(), moved_ = true; break;
        case Action::Pause: s.enter_safety(), moved_ = true; break;
        case Action::Return: s.leave_safety(), moved_ = true; break;
        case Action::Choose: s.choose(arg); break;
        case Action::Other: s.set_other(arg == "1", view_.other_text); break;
        case Action::Scale: s.set_scale(std::atoi(arg.c_str())); break;
        case Action::PacerStart:
        case Action::PacerToggle:
        case Action::PacerLonger:
        case Action::PacerStop:
            if (!canvas_shows() && timer_) on_tick(this);  // count the time so far before changing the clock
            if (action == Action::PacerStart) pacer_.start();
            if (action == Action::PacerToggle) pacer_.toggle();
            if (action == Action::PacerLonger) pacer_.lengthen();
            if (action == Action::PacerStop) pacer_.stop();
            break;
        case Action::Copy: bridge_.copy(journal_->session_text(s.state())); break;
        case Action::DownloadText:  // arg "so_far": this session's words until now (the save button on every step)
            bridge_.download("tend-" + id + ".txt", "text/plain;charset=utf-8",
                             arg == "so_far" ? journal_->session_text(s.state()) : journal_->export_text());
            break;
        case Action::DownloadJson: bridge_.download("tend-" + id + ".json", "application/json", journal_->export_json()); break;
        case Action::ShowWords: around_.words_text = journal_->session_text(s.state()); break;
        case Action::ShowHelp: around_.help_open = true; break;
        case Action::KeepNothing:
            around_.keep_nothing = arg == "1";
            store_.keep_nothing(around_.keep_nothing, session_->storage_key());
            break;
        case Action::ToggleWords: around_.words_open = !around_.words_open; break;
        case Action::ToggleJournal: around_.journal_open = !around_.journal_open; break;
        case Action::Restart: s.restart(); break;
        case Action::AskDelete: around_.confirm_delete = true; break;
        case Action::CancelDelete: around_.confirm_delete = false; break;
        case Action::Delete:
            around_.confirm_delete = false;
            journal_->remove_all();
            s.restart();
            around_.flash = screen::Flash::Deleted;  // said on the step the reader lands on
            flash_kept_ = true;
            break;
        case Action::Open:
            if (safe_link(arg)) bridge_.open(arg);
            break;
        case Action::About: around_.about_open = true; break;
        case Action::CloseAbout: around_.about_open = false; break;
    }
    after_change();
}

void Widget::text_input(const std::string& field_key, const std::string& text) {
    // Words typed into a box that has moved on to another answer belong to none.
    if (!mounted_ || !screen_.field.shown || field_key != screen_.field.key) return;
    bridge_.typed(field_key, text);
    if (view_.kind == StepKind::Text) session_->set_text(text);
    else session_->set_other(true, text);
    after_change();
    poke();
}

void Widget::focus(const std::string& key) {
    if (key == focus_) return;
    focus_ = key;
    poke();
}

void Widget::copy_result(bool ok) {
    around_.flash = ok ? screen::Flash::Copied : screen::Flash::CopyFailed;
    after_change();
    poke();
}

// ---- the engine, shown -------------------------------------------------------------------

std::vector<screen::Notice> Widget::notices() const {
    using screen::Notice;
    std::vector<Notice> n;
    if (around_.keep_nothing) return {Notice::KeepingNothing};  // storage is not asked for anything
    const SessionStatus& st = session_->status();
    StoreResult w = storage_blocked_ ? StoreResult::Blocked : st.last_write;
    if (w == StoreResult::Blocked) n.push_back(config_.sandboxed ? Notice::StorageBlockedInFrame : Notice::StorageBlocked);
    else if (w == StoreResult::Full) n.push_back(Notice::StorageFull);
    else if (w == StoreResult::Failed) n.push_back(Notice::StorageFailed);
    // "Set aside" only when the copy was written; otherwise it was left where it was.
    if (st.recovered) n.push_back(st.left_in_place ? Notice::RecoveredLeftInPlace : Notice::Recovered);
    if (st.resumed_after_change && !moved_) n.push_back(Notice::ResumedAfterChange);
    if (st.kept_both) n.push_back(Notice::KeptBoth);
    return n;
}

std::vector<screen::PastSession> Widget::past_sessions() const {
    std::vector<screen::PastSession> out;
    for (const auto& e : journal_->list()) {
        if (e.state.started_ms == session_->state().started_ms) continue;  // the session on screen
        out.push_back({e.state});
    }
    return out;
}

void Widget::after_change() {
    view_ = session_->view();
    std::string key = view_.step_id + (view_.in_safety ? "#safety" : "");
    bool stepped = key != shown_key_;
    bool first = shown_key_.empty();  // the step the widget opened on (a resumed session's)
    if (stepped) {
        shown_key_ = key;
        if (!first && !flash_kept_) around_.flash = screen::Flash::None;
        flash_kept_ = false;
        around_.confirm_delete = false;
        around_.about_open = false;
        around_.words_open = false;
        // The crisis help is shown in full on the grounding path's first screen, then folded.
        around_.help_folded = view_.in_safety && shown_in_safety_;
        around_.help_open = false;
        shown_in_safety_ = view_.in_safety;
        if (view_.kind == StepKind::Pause) pacer_.reset(view_.seconds, view_.breathing);
        around_.journal = view_.is_end ? past_sessions() : std::vector<screen::PastSession>();
        around_.words_text.clear();
    }
    around_.notices = notices();
    around_.pacer = &pacer_;
    around_.no_downloads = config_.sandboxed;
    screen_ = screen::build_screen(
        {*exercise_, session_->state(), view_, config_.practice, help_, around_, *words_, &format_date});

    // The live region says each new step; a new notice when nothing else is being said.
    std::string notices_now;
    for (const auto& n : screen_.notices) notices_now += n + " ";
    std::string say, say_language;
    if (stepped) say = screen_.announcement, say_language = screen_.exercise_language;
    else if (notices_now != notices_said_ && !notices_now.empty()) say = notices_now, say_language = screen_.language;
    notices_said_ = notices_now;

    // Words the canvas can't draw (another script, an emoji) are shown by the page itself, with
    // the browser's fonts, shaping and direction: the mirror becomes the widget until they go.
    std::string text = screen::all_text(screen_);
    bool page_text = !dom_only_ && (screen_.page_only || !font_covers(text));
    if (page_text != page_text_) {
        page_text_ = page_text;
        bridge_.show_canvas(!page_text_);
        if (!page_text_) fonts_dirty_ = true;
    }
    if (canvas_shows() && glyphs_.add(text)) fonts_dirty_ = true;
    bridge_.show(screen_, say, say_language, stepped && by_reader_);
    if (screen_.pacer) bridge_.pace(screen::pacer_words(pacer_, *words_));
    if (stepped) {
        // 'complete' is for reaching the end, once: reopening a page that shows a finished
        // session's end screen must not count it again.
        if (!first && view_.is_end && session_->state().finished()) bridge_.complete(*exercise_, session_->state());
        schedule_tick();
    }
    request_frame();
}

// The pacer's clock moves only while it is seen; its buttons go when its time is up.
void Widget::advance_pacer(float dt) {
    if (!screen_.pacer || !on_screen_) return;
    bool was_done = pacer_.done();
    pacer_.advance(dt);
    if (pacer_.done() != was_done) after_change();
    else bridge_.pace(screen::pacer_words(pacer_, *words_));
}

std::string Widget::state_json() const {
    if (!session_) return "null";
    return web::state_json(*exercise_, session_->state());
}

int Widget::missing_glyphs(const std::string& text) const { return dom_only_ ? -1 : count_missing_glyphs(fonts_, text); }

void Widget::record_text(bool on) {
    record_text_ = on;
    poke();
}

std::string Widget::drawn_text() const { return JsonWriter().strings(drawn_).text(); }

// ---- the page around it ------------------------------------------------------------------

void Widget::high_contrast(bool more) {
    if (!mounted_ || more == config_.theme.high_contrast) return;
    config_.theme.high_contrast = more;
    apply_theme();
    poke();
}

void Widget::storage_changed() {
    if (!mounted_) return;
    // Also how a frame that was just given storage (the Storage Access API) says so.
    storage_blocked_ = LocalStorageStore::blocked();
    // Writes nothing unless the stored copy needs repair or both tabs' words are to be kept, so
    // tabs can't ping-pong.
    session_->sync();
    bridge_.words_from_elsewhere();  // the reply box shows them, even while the reader is in it
    moved_ = false;
    if (view_.is_end) around_.journal = past_sessions();
    after_change();
    poke();
}

void Widget::resized(float css_w, float css_h, int dev_w, int dev_h) {
    gl_.observed(css_w, css_h, dev_w, dev_h);
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

// ---- scheduling --------------------------------------------------------------------------

void Widget::poke() {
    settle_ = std::max(settle_, kSettleFrames);
    request_frame();
}

void Widget::request_frame() {
    if (!canvas_shows()) return schedule_tick();
    if (!mounted_ || raf_) return;
    raf_ = emscripten_request_animation_frame(&Widget::on_raf, this);
}

int Widget::on_raf(double now, void* self) {
    auto* w = static_cast<Widget*>(self);
    w->raf_ = 0;
    if (w->mounted_) w->frame(now);
    return EM_FALSE;  // one frame per request: we decide each time whether another is needed
}

void Widget::on_tap(void* self) {
    auto* w = static_cast<Widget*>(self);
    w->tap_timer_ = 0;
    w->press(std::exchange(w->tapped_, std::string()));
}

void Widget::on_timer(void* self) {
    auto* w = static_cast<Widget*>(self);
    w->timer_ = 0;
    w->request_frame();
}

// Without the canvas (no WebGL, or words it can't draw): no frames, so the pacer's clock is
// moved on here, once a second while it runs.
void Widget::schedule_tick() {
    if (canvas_shows() || !mounted_ || timer_) return;
    if (!screen_.pacer || !pacer_.running() || !on_screen_) {
        last_tick_ms_ = 0;
        return;
    }
    if (last_tick_ms_ == 0) last_tick_ms_ = emscripten_get_now();
    timer_ = emscripten_set_timeout(&Widget::on_tick, pacer_.breath().to_next_count * 1000.0 + 5.0, this);
}

void Widget::on_tick(void* self) {
    auto* w = static_cast<Widget*>(self);
    w->timer_ = 0;
    double now = emscripten_get_now();
    w->advance_pacer(static_cast<float>(std::min(1.5, (now - w->last_tick_ms_) / 1000.0)));
    w->last_tick_ms_ = now;
    w->schedule_tick();
}

void Widget::on_restored(void* self) {
    auto* w = static_cast<Widget*>(self);
    w->fonts_dirty_ = true;  // the font texture died with the old context
    w->poke();
}

// ---- one frame ---------------------------------------------------------------------------

// The atlas at this density (quarter steps: a zoom of 110% doesn't need its own atlas, and
// fewer rebuilds is calmer), with every glyph shown so far.
void Widget::fonts_for(float density) {
    density = std::max(1.0f, std::round(density * 4.0f) / 4.0f);
    if (!fonts_dirty_ && density == font_density_) return;
    fonts_ = build_fonts(theme_, density, glyphs_);
    font_density_ = density;
    fonts_dirty_ = false;
    texture_stale_ = true;
}

// One ImGui pass over the current screen: input in, layout and draw lists out.
ui::Frame Widget::layout(double now, float css_w, float css_h, int fb_w, int fb_h, float dt) {
    ImGui_ImplTendWeb_NewFrame(now, css_w, css_h, fb_w, fb_h);
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(css_w, css_h));
    ImGui::Begin("##tend", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    ui::ViewState vs;
    vs.focus = focus_;
    vs.reduced_motion = config_.reduced_motion;
    vs.pacer_seen = on_screen_;
    vs.clock = &pacer_;
    if (screen_.pacer) vs.pacer = screen::pacer_words(pacer_, *words_);
    ui::Frame f = step_screen_.draw(screen_, vs, theme_, fonts_, css_w, dt);
    ImGui::End();
    return f;
}

void Widget::frame(double now) {
    if (!gl_.ready() || !canvas_shows()) return;  // lost (the restore callback asks for a frame), or the page shows this screen
    ImGui::SetCurrentContext(imgui_);

    double css_w = 0, css_h = 0, fb_w = 0, fb_h = 0;
    emscripten_get_element_css_size(selector_.c_str(), &css_w, &css_h);
    if (css_w < 1 || css_h < 1) return;  // display:none; a resize will bring us back
    gl_.backing_size(css_w, css_h, &fb_w, &fb_h);
    fonts_for(static_cast<float>(fb_w / css_w));
    if (texture_stale_) {
        ImGui_ImplTendGL_UpdateFontsTexture();
        gl_.redraw();
        texture_stale_ = false;
    }

    float dt = last_frame_ms_ > 0 ? static_cast<float>(std::min(1.2, (now - last_frame_ms_) / 1000.0)) : 0.0f;
    last_frame_ms_ = now;
    advance_pacer(dt);

    drawn_.clear();
    ui::record_drawn_text(record_text_ ? &drawn_ : nullptr);
    ui::Frame f = layout(now, static_cast<float>(css_w), static_cast<float>(css_h), static_cast<int>(fb_w),
                         static_cast<int>(fb_h), dt);
    ui::record_drawn_text(nullptr);
    ImGui::Render();
    gl_.resize(static_cast<int>(fb_w), static_cast<int>(fb_h));
    gl_.present(theme_.surface);  // the card fills the canvas; CSS rounds its corners and gives it a soft shadow
    frames_++;

    // Height follows content (one frame late; the ResizeObserver brings the next frame).
    bridge_.lay_out(std::ceil(f.content_height), f.field, f.targets);
    targets_ = std::move(f.targets);

    // A tap is answered in a task of its own, after this frame: the browser paints the tap's
    // frame first, and a step change's work (the session, saving, the mirror) doesn't hold up
    // that paint (interaction to next paint). Another tap before it is answered is the same
    // tap's bounce on the screen it was made on, and is dropped.
    if (!f.pressed.empty() && !tap_timer_) {
        tapped_ = f.pressed;
        tap_timer_ = emscripten_set_timeout(&Widget::on_tap, 0, this);
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

}  // namespace tend::web
