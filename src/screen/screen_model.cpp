#include "screen/screen_model.h"

#include <algorithm>
#include <set>

#include "answer.h"
#include "interpolate.h"

namespace tend::screen {

const char* action_name(Action a) {
    switch (a) {
        case Action::Next: return "next";
        case Action::Back: return "back";
        case Action::Skip: return "skip";
        case Action::StopHere: return "stop_here";
        case Action::Pause: return "pause";
        case Action::Return: return "return";
        case Action::Choose: return "choose";
        case Action::Other: return "other";
        case Action::Scale: return "scale";
        case Action::PacerStart: return "pacer_start";
        case Action::PacerToggle: return "pacer_toggle";
        case Action::PacerLonger: return "pacer_longer";
        case Action::PacerStop: return "pacer_stop";
        case Action::Copy: return "copy";
        case Action::DownloadText: return "download_text";
        case Action::DownloadJson: return "download_json";
        case Action::ShowWords: return "show_words";
        case Action::ShowHelp: return "show_help";
        case Action::KeepNothing: return "keep_nothing";
        case Action::ToggleWords: return "toggle_words";
        case Action::ToggleJournal: return "toggle_journal";
        case Action::Restart: return "restart";
        case Action::AskDelete: return "ask_delete";
        case Action::CancelDelete: return "cancel_delete";
        case Action::Delete: return "delete";
        case Action::About: return "about";
        case Action::CloseAbout: return "close_about";
        case Action::Open: return "open";
    }
    return "";
}

const Control* Screen::control(const std::string& key) const {
    for (const Control& c : controls)
        if (c.key == key) return &c;
    return nullptr;
}

namespace {

// Appends controls to a screen, one place at a time.
class Controls {
public:
    Controls(std::vector<Control>& out, Place place) : out_(out), place_(place) {}
    Control& add(std::string key, Action action, std::string label, Look look, std::string arg = "") {
        Control c;
        c.key = std::move(key);
        c.action = action;
        c.arg = std::move(arg);
        c.label = std::move(label);
        c.look = look;
        c.place = place_;
        out_.push_back(std::move(c));
        return out_.back();
    }

private:
    std::vector<Control>& out_;
    Place place_;
};

std::string progress(const StepView& v, const Words& w) {
    if (v.in_safety) return w[Word::taking_pause];
    if (v.is_end) return w[Word::finished];
    return w(Word::step_of_about,
             {{"n", std::to_string(v.step_number)}, {"total", std::to_string(std::max(v.step_number, v.step_total))}});
}

float progress_done(const StepView& v) {
    if (v.in_safety) return -1;
    if (v.is_end) return 1;
    float total = static_cast<float>(std::max(v.step_number, v.step_total));
    return total > 0 ? std::clamp(v.step_number / total, 0.0f, 1.0f) : 0.0f;
}

// A crisis resource's button says what tapping it does: "Call 988", "Text 988", "Open …".
std::string resource_action(const Resource& r, const std::string& link, const Words& w) {
    if (link.rfind("tel:", 0) == 0) return w(Word::call, {{"number", link.substr(4)}});
    if (link.rfind("sms:", 0) == 0) return w(Word::send_text, {{"number", link.substr(4)}});
    return w(Word::open_link, {{"label", r.label}});
}

Word notice_word(Notice n) {
    switch (n) {
        case Notice::KeepingNothing: return Word::keeping_nothing;
        case Notice::StorageBlocked: return Word::storage_blocked;
        case Notice::StorageBlockedInFrame: return Word::storage_blocked_frame;
        case Notice::StorageFull: return Word::storage_full;
        case Notice::StorageFailed: return Word::storage_failed;
        case Notice::Recovered: return Word::recovered;
        case Notice::RecoveredLeftInPlace: return Word::recovered_left_in_place;
        case Notice::KeptBoth: return Word::kept_both;
        case Notice::ResumedAfterChange: return Word::resumed_after_change;
    }
    return Word::storage_failed;
}

void header(const ScreenInputs& in, Screen& s) {
    const Exercise& ex = in.exercise;
    const StepView& v = in.view;
    const std::string& practice = in.practice.name;
    s.opening = in.state.history.empty() && !v.in_safety && !v.is_end;
    // The opening screen has the title as its heading; later steps keep it in the header.
    s.name = s.opening ? practice : practice.empty() ? ex.title : practice + "  \u00b7  " + ex.title;
    s.progress = progress(v, in.words);
    s.progress_done = progress_done(v);
    for (Notice n : in.around.notices) s.notices.push_back(in.words[notice_word(n)]);
    // "Pause and get help" is one tap away on every step; inside the path, the way back is offered instead.
    if (!v.in_safety) Controls(s.controls, Place::Header).add("need_pause", Action::Pause, in.words[Word::need_pause], Look::Secondary);
}

// A quiet end is where a reader arrives who stopped because it was a lot: help is offered
// there in full, whatever they saw before.
bool quiet_end(const StepView& v) { return v.is_end && v.quiet; }

// The reader's region's emergency number, the practice's own line, the region's lines, and
// any the exercise adds: each with a button that says what it does.
void help(const ScreenInputs& in, Screen& s) {
    if (!in.view.in_safety && !quiet_end(in.view)) return;
    Controls c(s.controls, Place::Help);
    if (in.around.help_folded && !in.around.help_open && !quiet_end(in.view)) {
        c.add("show_help", Action::ShowHelp, in.words[Word::show_help], Look::Quiet);
        return;
    }
    s.help_title = in.words[Word::resources_title];
    std::vector<HelpLine> lines = {in.help.emergency};
    if (!in.practice.help.label.empty()) lines.push_back(in.practice.help);
    lines.insert(lines.end(), in.help.lines.begin(), in.help.lines.end());
    for (const auto& r : in.exercise.safety.resources) lines.push_back({r.label, r.text, r.link});
    for (size_t i = 0; i < lines.size(); i++) {
        Resource r{lines[i].label, lines[i].text, ""};
        if (!lines[i].link.empty()) {
            r.control = "resource:" + std::to_string(i);
            c.add(r.control, Action::Open, resource_action(r, lines[i].link, in.words), Look::Secondary, lines[i].link);
        }
        s.resources.push_back(std::move(r));
    }
    s.help_note = in.help.guessed;
}

// Whether a question lies behind the reader (the privacy line gives way to the save button then).
bool question_behind(const ScreenInputs& in) {
    for (const auto& id : in.state.history)
        if (const Step* step = in.exercise.find(id); step && is_question(step->kind)) return true;
    return false;
}

void opening(const ScreenInputs& in, Screen& s) {
    const Exercise& ex = in.exercise;
    const Words& w = in.words;
    if (s.opening) {
        s.title = ex.title;
        if (ex.minutes == 1) s.minutes = w[Word::about_one_minute];
        else if (ex.minutes > 1) s.minutes = w(Word::about_minutes, {{"n", std::to_string(ex.minutes)}});
        s.intro = ex.intro;
        if (!ex.content_note.empty()) s.content_note = w(Word::content_note, {{"note", ex.content_note}});
        // Many exercises say it again in their first step; once is kinder than twice.
        const auto& p = in.view.paragraphs;
        if (std::find(p.begin(), p.end(), ex.disclaimer) == p.end()) s.disclaimer = ex.disclaimer;
    }
    // Before the first question: until a question lies behind the reader.
    if (!question_behind(in) && !in.view.in_safety) {
        s.privacy = std::string(w[Word::privacy]) + " " + w[Word::not_for_emergencies];
        // For a shared or family computer: nothing kept, the words held only while the page is open.
        Control& k = Controls(s.controls, Place::Privacy)
                         .add("keep_nothing", Action::KeepNothing, w[Word::keep_nothing], Look::Check,
                              in.around.keep_nothing ? "0" : "1");
        k.on = in.around.keep_nothing;
    }
}

void question(const ScreenInputs& in, Screen& s) {
    const StepView& v = in.view;
    const Words& w = in.words;
    QuestionText& q = s.question;
    if (!is_question(v.kind)) return;
    q.kind = v.kind;
    q.prompt = v.prompt;
    q.hint = v.hint;
    Controls c(s.controls, Place::Answer);
    if (v.kind == StepKind::Choice) {
        q.multiple = v.multiple;
        if (v.multiple) q.note = w[Word::choose_any];
        Look look = v.multiple ? Look::Check : Look::Radio;
        for (const auto& o : v.choices) {
            Control& k = c.add("option:" + o.id, Action::Choose, o.label, look, o.id);
            k.on = o.selected;
            k.exercise_words = true;
        }
        if (!v.other_label.empty()) {
            Control& k = c.add("other", Action::Other, v.other_label, look, v.other_selected ? "0" : "1");
            k.on = v.other_selected;
            k.exercise_words = true;
        }
    }
    if (v.kind == StepKind::Scale) {
        q.min_label = v.min_label;
        q.max_label = v.max_label;
        q.scale_note = w(Word::scale_means, {{"min", std::to_string(v.scale_min)}, {"min_label", v.min_label},
                                             {"max", std::to_string(v.scale_max)}, {"max_label", v.max_label}});
        for (int n = v.scale_min; n <= v.scale_max; n++) {
            std::string value = std::to_string(n);
            c.add("scale:" + value, Action::Scale, value, Look::Number, value).on = n == v.scale_value;
        }
    }
    bool text = v.kind == StepKind::Text, other = v.kind == StepKind::Choice && v.other_selected;
    if (text || other) {
        Field& f = s.field;
        f.shown = true;
        f.key = text ? v.step_id : v.step_id + "#other";
        f.words = text ? v.reply : v.other_text;
        f.label = text ? v.prompt : v.other_label;
        f.placeholder = w[Word::field_placeholder];
        f.max_length = v.max_length;
    }
}

// A pause breathes as its author asked: guided (the pacer starts by itself), offered (a still
// circle and one button to start it), or none (no pacer at all, only the step's words).
void pacer(const ScreenInputs& in, Screen& s) {
    if (in.view.kind != StepKind::Pause || in.view.breathing == Breathing::None || !in.around.pacer) return;
    s.pacer = true;
    const PacerClock& clock = *in.around.pacer;
    if (clock.done()) return;
    const Words& w = in.words;
    Controls c(s.controls, Place::Pacer);
    if (!clock.started()) {
        c.add("pacer_start", Action::PacerStart, w[Word::pacer_start], Look::Secondary);
        return;
    }
    c.add("pacer_toggle", Action::PacerToggle, w[clock.paused() ? Word::pacer_resume : Word::pacer_pause], Look::Secondary);
    c.add("pacer_longer", Action::PacerLonger, w(Word::pacer_longer, {{"n", std::to_string(PacerClock::kLongerSeconds)}}),
          Look::Quiet);
    c.add("pacer_stop", Action::PacerStop, w[Word::pacer_stop], Look::Quiet);
}

void navigation(const ScreenInputs& in, Screen& s) {
    const StepView& v = in.view;
    const Words& w = in.words;
    Controls c(s.controls, Place::Nav);
    if (v.in_safety && v.can_return) c.add("return", Action::Return, w[Word::return_button], Look::Secondary);
    if (v.is_end) return;
    if (v.can_stop) c.add("stop_here", Action::StopHere, w[Word::stop_here], Look::Secondary);
    if (v.can_back) c.add("back", Action::Back, w[Word::back], Look::Quiet);
    if (v.can_skip) c.add("skip", Action::Skip, w[Word::skip], Look::Quiet);
    c.add("continue", Action::Next, w[Word::continue_button], Look::Primary).enabled = v.can_continue;
}

// Once there are words to keep, one tap saves them, on every step before the end (which has
// its own exports): a browser may clear what a page stored (Safari after a week away).
void keep(const ScreenInputs& in, Screen& s) {
    if (in.view.is_end || !question_behind(in)) return;
    Controls(s.controls, Place::Keep).add("save", Action::DownloadText, in.words[Word::save_words], Look::Quiet, "so_far");
}

}  // namespace

std::vector<Reflection> words_of(const Exercise& ex, const SessionState& state) {
    auto lookup = [&](const std::string& id) { return answer_text(ex, state.answers, id); };
    std::vector<Reflection> out;
    std::set<std::string> seen;
    std::vector<std::string> path = state.history;
    path.push_back(state.current);
    for (const auto& id : path) {
        const Step* step = ex.find(id);
        if (!step || !is_question(step->kind) || !step->reflect || !seen.insert(id).second) continue;
        std::string words = lookup(id);
        if (!words.empty()) out.push_back({interpolate(reflection_heading(*step), lookup), words});
    }
    return out;
}

ExportWords export_words(const Words& w) {
    return {w[Word::export_skipped], w[Word::export_no_answers], w[Word::export_gone], w[Word::export_none_yet]};
}

namespace {

// The reader's words at the end. At a quiet end they are folded away, one tap from being seen:
// a reader who stopped because it was a lot may not want to meet them again now.
void your_words(const ScreenInputs& in, Screen& s) {
    std::vector<Reflection> words = words_of(in.exercise, in.state);
    if (words.empty()) return;
    bool shown = !s.quiet || in.around.words_open;
    if (s.quiet) {
        Control& t = Controls(s.controls, Place::YourWords)
                         .add("words_today", Action::ToggleWords,
                              in.words[shown ? Word::hide_words_today : Word::show_words_today], Look::Quiet);
        t.on = shown;
    }
    if (!shown) return;
    s.your_words = std::move(words);
    s.your_words_title = in.words[Word::your_words];
}

void ending(const ScreenInputs& in, Screen& s) {
    if (!in.view.is_end) return;
    const Words& w = in.words;
    const Surroundings& around = in.around;
    s.quiet = in.view.quiet;
    your_words(in, s);
    s.keep_them = w[Word::keep_them];
    Controls exports(s.controls, Place::Exports);
    if (around.no_downloads) {
        // Only what works here: the words as text, to select and copy by hand.
        if (around.words_text.empty()) exports.add("show_words", Action::ShowWords, w[Word::show_words], Look::Secondary);
        s.words_text = around.words_text;
        s.words_text_label = w[Word::words_to_copy];
        s.page_only = !s.words_text.empty();
    } else {
        exports.add("copy", Action::Copy, w[Word::copy], Look::Secondary);
        exports.add("txt", Action::DownloadText, w[Word::download_text], Look::Secondary);
        exports.add("json", Action::DownloadJson, w[Word::download_json], Look::Secondary);
    }

    // No invitation at a quiet end: after a hard moment, nothing is asked of the reader.
    const Practice& p = in.practice;
    if (!p.cta_link.empty() && !s.quiet) {
        s.invitation_lead = p.name.empty() ? w[Word::cta_lead] : p.name;
        Controls(s.controls, Place::Invitation)
            .add("cta", Action::Open, p.cta_text.empty() ? w[Word::cta_default] : p.cta_text, Look::Primary, p.cta_link);
    }

    if (!around.journal.empty()) {
        std::string n = std::to_string(around.journal.size());
        Control& toggle = Controls(s.controls, Place::Journal)
                              .add("journal", Action::ToggleJournal,
                                   w(around.journal_open ? Word::hide_journal : Word::show_journal, {{"n", n}}), Look::Quiet);
        toggle.on = around.journal_open;
        if (around.journal_open)
            for (const PastSession& e : around.journal)
                s.journal.push_back({in.format_date ? in.format_date(e.state.started_ms, in.exercise.language.c_str()) : std::string(),
                                     words_of(in.exercise, e.state)});
    }
    Controls(s.controls, Place::Closing).add("again", Action::Restart, w[Word::begin_again], Look::Quiet);
}

// "Delete my answers", on every step, as the privacy line promises: asked, then confirmed.
void footer(const ScreenInputs& in, Screen& s) {
    const Words& w = in.words;
    Controls c(s.controls, Place::Footer);
    if (in.around.confirm_delete) {
        s.confirm_delete = w[Word::delete_confirm];
        c.add("delete_yes", Action::Delete, w[Word::delete_yes], Look::Caution);
        c.add("delete_no", Action::CancelDelete, w[Word::delete_no], Look::Secondary);
    } else {
        c.add("delete", Action::AskDelete, w[Word::delete_answers], Look::Caution);
    }
}

// "About this exercise", on every step: a quiet button, or its panel while open.
void about(const ScreenInputs& in, Screen& s) {
    const Words& w = in.words;
    const Exercise& ex = in.exercise;
    Controls c(s.controls, Place::About);
    if (!in.around.about_open) {
        c.add("about", Action::About, w[Word::about], Look::Quiet);
        return;
    }
    AboutText& a = s.about;
    a.open = true;
    a.title = w[Word::about];
    a.version = w(Word::about_version, {{"version", ex.version}, {"hash", in.around.content_hash}});
    if (!ex.sources.empty()) a.sources_title = w[Word::about_sources];
    a.sources = ex.sources;
    const Practice& p = in.practice;
    if (!p.reviewed_by.empty() && !p.reviewed_on.empty())
        a.reviewed = w(Word::about_reviewed, {{"who", p.reviewed_by}, {"when", p.reviewed_on}});
    a.not_therapy = w[Word::about_not_therapy];
    c.add("about_close", Action::CloseAbout, w[Word::about_close], Look::Secondary);
}

// The languages written right to left, by their BCP 47 primary subtag.
bool right_to_left(const std::string& language) {
    std::string primary = language.substr(0, language.find_first_of("-_"));
    for (char& c : primary)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    for (const char* rtl : {"ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb", "syr"})
        if (primary == rtl) return true;
    return false;
}

Word flash_word(Flash f) {
    return f == Flash::Copied ? Word::copied : f == Flash::CopyFailed ? Word::copy_failed : Word::deleted;
}

}  // namespace

Screen build_screen(const ScreenInputs& in) {
    const StepView& v = in.view;
    Screen s;
    s.language = in.words.language();
    s.exercise_language = in.exercise.language;
    s.right_to_left = right_to_left(in.exercise.language);
    s.exercise_id = in.exercise.id;
    s.step_id = v.step_id;
    s.step_key = v.step_id + (v.in_safety ? "#safety" : "");
    s.kind = v.kind;
    s.in_safety = v.in_safety;
    s.is_end = v.is_end;
    s.paragraphs = v.paragraphs;
    s.region_label = std::string(in.words[Word::widget_name]) + ": " + in.exercise.title;

    header(in, s);
    help(in, s);
    opening(in, s);
    question(in, s);
    pacer(in, s);
    navigation(in, s);
    keep(in, s);
    ending(in, s);
    footer(in, s);
    about(in, s);
    if (in.around.flash != Flash::None) s.flash = in.words[flash_word(in.around.flash)];

    s.announcement = !v.prompt.empty() ? v.prompt : std::string();
    for (size_t i = 0; v.prompt.empty() && i < v.paragraphs.size(); i++)
        s.announcement += (i ? " " : "") + v.paragraphs[i];
    return s;
}

PacerWords pacer_words(const PacerClock& clock, const Words& w) {
    PacerClock::Breath b = clock.breath();
    PacerWords p;
    if (!clock.started()) {
        p.cue = w[Word::pacer_offered];
        return p;
    }
    if (!clock.done()) p.count = std::to_string(b.count);
    p.cue = w[clock.done() ? Word::pacer_done : clock.paused() ? Word::pacer_paused : b.inhale ? Word::breathe_in : Word::breathe_out];
    return p;
}

std::string all_text(const Screen& s) {
    std::string out;
    auto add = [&](const std::string& t) { out += t; out += '\n'; };
    for (const auto* t : {&s.name, &s.progress, &s.help_title, &s.title, &s.minutes, &s.intro, &s.content_note,
                          &s.disclaimer, &s.privacy, &s.question.prompt, &s.question.hint, &s.question.note,
                          &s.question.min_label, &s.question.max_label, &s.your_words_title, &s.keep_them, &s.flash,
                          &s.invitation_lead, &s.confirm_delete, &s.help_note, &s.about.title, &s.about.version,
                          &s.about.sources_title, &s.about.reviewed, &s.about.not_therapy})
        add(*t);
    for (const auto& source : s.about.sources) add(source);
    for (const auto& n : s.notices) add(n);
    for (const auto& p : s.paragraphs) add(p);
    for (const auto& r : s.resources) add(r.label), add(r.text);
    for (const auto& r : s.your_words) add(r.label), add(r.text);
    for (const auto& past : s.journal) {
        add(past.when);
        for (const auto& r : past.words) add(r.label), add(r.text);
    }
    for (const auto& c : s.controls) add(c.label);
    return out;
}

}  // namespace tend::screen
