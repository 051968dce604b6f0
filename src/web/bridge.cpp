#include "bridge.h"

#include <cmath>

#include "decimal.h"
#include "json_write.h"
#include "page.h"

namespace tend::web {

using screen::Control;
using screen::Look;
using screen::Place;
using screen::Screen;

namespace {

const char* look_name(Look l) {
    switch (l) {
        case Look::Primary: return "primary";
        case Look::Secondary: return "secondary";
        case Look::Quiet: return "quiet";
        case Look::Caution: return "caution";
        case Look::Radio: return "radio";
        case Look::Check: return "check";
        case Look::Number: return "number";
    }
    return "";
}

// A place's controls, as the mirror makes its elements of them: the key is all it sends back.
void controls(JsonWriter& j, const Screen& s, Place place, const char* name = "controls") {
    j.key(name).begin('[');
    for (const Control& c : s.controls) {
        if (c.place != place) continue;
        j.begin().str("key", c.key).str("label", c.label).str("look", look_name(c.look));
        if (!c.enabled) j.boolean("disabled", true);
        if (c.on) j.boolean("on", true);
        if (c.exercise_words) j.boolean("exercise", true);
        if (c.action == screen::Action::Open) j.str("href", c.arg);
        j.end();
    }
    j.end(']');
}

void reflections(JsonWriter& j, const char* name, const std::vector<screen::Reflection>& list) {
    j.key(name).begin('[');
    for (const auto& r : list) j.begin().str("label", r.label).str("text", r.text).end();
    j.end(']');
}

// The screen's parts: the mirror keeps one element for each and redraws only those sent.
enum Part { kStep, kHead, kHelp, kOpening, kBody, kQuestion, kField, kPacer, kNav, kEnding, kFooter, kPartCount };
const char* const kPartNames[] = {"step", "head", "help", "opening", "body", "question", "field", "pacer", "nav", "ending", "footer"};
static_assert(sizeof kPartNames / sizeof kPartNames[0] == kPartCount);
static_assert(kPartCount == Bridge::kParts);

// with_words: the reply box's words go too; elsewhere: they came from another tab or widget.
std::string part_json(int part, const Screen& s, bool with_words, bool elsewhere = false) {
    JsonWriter j;
    j.begin();
    switch (part) {
        case kStep:  // what this screen is, for the live region, the page's events and lang
            j.str("key", s.step_key).str("exercise_id", s.exercise_id).str("step_id", s.step_id).str("kind", step_kind_name(s.kind));
            j.boolean("in_safety", s.in_safety).boolean("is_end", s.is_end).str("prompt", s.question.prompt);
            j.key("paragraphs").strings(s.paragraphs).str("announcement", s.announcement).str("label", s.region_label);
            j.str("language", s.language).str("exercise_language", s.exercise_language);
            j.str("dir", s.right_to_left ? "rtl" : "ltr");
            break;
        case kHead:
            j.str("name", s.name).str("progress", s.progress).key("notices").strings(s.notices);
            j.str("flash", s.is_end ? "" : s.flash);  // at the end it stands by the exports
            controls(j, s, Place::Header);
            break;
        case kHelp:
            j.str("title", s.help_title).key("resources").begin('[');
            for (const auto& r : s.resources) j.begin().str("label", r.label).str("text", r.text).str("control", r.control).end();
            j.end(']').str("note", s.help_note);
            controls(j, s, Place::Help);
            break;
        case kOpening:
            j.boolean("shown", s.opening);
            if (s.opening) {
                j.str("title", s.title).str("minutes", s.minutes).str("intro", s.intro);
                j.str("content_note", s.content_note).str("disclaimer", s.disclaimer);
            }
            j.str("privacy", s.privacy);
            controls(j, s, Place::Privacy);
            break;
        case kBody:
            j.key("paragraphs").strings(s.paragraphs);
            break;
        case kQuestion: {
            const screen::QuestionText& q = s.question;
            j.str("kind", step_kind_name(q.kind)).str("group", s.step_id).str("prompt", q.prompt).str("hint", q.hint);
            j.str("note", q.note).str("scale_note", q.scale_note).boolean("multiple", q.multiple);
            controls(j, s, Place::Answer);
            break;
        }
        case kField: {
            const screen::Field& f = s.field;
            j.boolean("shown", f.shown);
            if (f.shown) {
                j.str("key", f.key).str("label", f.label).str("placeholder", f.placeholder).num("max_length", f.max_length);
                if (with_words) j.str("words", f.words);
                if (with_words && elsewhere) j.boolean("elsewhere", true);
            }
            break;
        }
        case kPacer:
            j.boolean("shown", s.pacer);
            controls(j, s, Place::Pacer);
            break;
        case kNav:
            controls(j, s, Place::Nav);
            controls(j, s, Place::Keep, "keep");
            break;
        case kEnding:
            j.boolean("shown", s.is_end);
            if (s.is_end) {
                j.boolean("quiet", s.quiet);
                controls(j, s, Place::YourWords, "words_toggle");
                j.str("title", s.your_words_title);
                reflections(j, "words", s.your_words);
                j.str("keep_them", s.keep_them).str("flash", s.flash);
                j.str("words_text", s.words_text).str("words_text_label", s.words_text_label);
                controls(j, s, Place::Exports, "exports");
                j.str("invitation", s.invitation_lead);
                controls(j, s, Place::Invitation, "invite");
                controls(j, s, Place::Journal, "journal_toggle");
                j.key("journal").begin('[');
                for (const auto& past : s.journal) {
                    j.begin().str("when", past.when);
                    reflections(j, "words", past.words);
                    j.end();
                }
                j.end(']');
                controls(j, s, Place::Closing, "closing");
            }
            break;
        case kFooter: {
            j.str("confirm", s.confirm_delete);
            controls(j, s, Place::Footer);
            const screen::AboutText& a = s.about;
            j.key("about").begin().boolean("open", a.open);
            if (a.open) {
                j.str("title", a.title).str("version", a.version).str("sources_title", a.sources_title);
                j.key("sources").strings(a.sources).str("reviewed", a.reviewed).str("not_therapy", a.not_therapy);
            }
            controls(j, s, Place::About);
            j.end();
            break;
        }
    }
    return j.end().text();
}

}  // namespace

void Bridge::show(const Screen& s, const std::string& say, const std::string& say_language, bool reveal) {
    // The reader's words go to the page only when its box doesn't hold them already.
    bool words_differ = s.field.shown && (s.field.key != field_key_ || s.field.words != field_words_);
    const bool elsewhere = elsewhere_;
    elsewhere_ = false;
    JsonWriter j;
    j.begin();
    bool any = false;
    for (int part = 0; part < kParts; part++) {
        std::string json = part_json(part, s, part == kField && words_differ, elsewhere);
        if (json == sent_[part]) continue;
        sent_[part] = json;
        j.key(kPartNames[part]);
        j.raw(json);
        any = true;
    }
    if (!say.empty()) {
        j.key("say").begin().str("text", say).str("language", say_language).end();
        any = true;
    }
    if (reveal) j.boolean("reveal", true), any = true;
    if (!any) return;
    if (s.field.shown) field_key_ = s.field.key, field_words_ = s.field.words;
    // Without the words the next message's field part is the same again, unless they change.
    if (words_differ) sent_[kField] = part_json(kField, s, false);
    page::send("screen", j.end().text());
}

void Bridge::typed(const std::string& field_key, const std::string& words) {
    field_key_ = field_key;
    field_words_ = words;
}

void Bridge::lay_out(float height) {
    if (height < 0 || std::fabs(height - height_sent_) < 1.0f) return;
    height_sent_ = height;
    page::send("layout", JsonWriter().begin().num("height", height).end().text());
}

void Bridge::lay_out(float height, const ui::TextField& field, const std::vector<ui::Target>& targets) {
    auto px = [](float v) { return std::round(v * 2.0f) / 2.0f; };
    JsonWriter j;
    j.begin();
    if (height >= 0 && std::fabs(height - height_sent_) >= 1.0f) j.num("height", height);
    j.key("field");
    if (field.visible) j.begin('[').num(px(field.pos.x)).num(px(field.pos.y)).num(px(field.size.x)).num(px(field.size.y)).end(']');
    else j.raw("null");
    j.key("rects").begin();
    for (const auto& t : targets) {
        j.key(t.key.c_str()).begin('[').num(px(t.min.x)).num(px(t.min.y)).num(px(t.max.x - t.min.x));
        j.num(px(t.max.y - t.min.y)).end(']');
    }
    j.end().end();
    std::string json = j.text();
    if (json == layout_sent_) return;
    layout_sent_ = json;
    if (height >= 0 && std::fabs(height - height_sent_) >= 1.0f) height_sent_ = height;
    page::send("layout", json);
}

void Bridge::pace(const screen::PacerWords& words) {
    std::string json = JsonWriter().begin().str("count", words.count).str("cue", words.cue).end().text();
    if (json == pacer_sent_) return;
    pacer_sent_ = json;
    page::send("pacer", json);
}

void Bridge::show_canvas(bool on) {
    layout_sent_.clear();  // the page forgot where things were drawn: the next layout goes whole
    page::send("mode", JsonWriter().begin().boolean("canvas", on).end().text());
}

void Bridge::style(const ui::Theme& t) {
    struct { const char* name; ImVec4 colour; } colours[] = {
        {"surface", t.surface}, {"text", t.text}, {"muted", t.muted}, {"accent", t.accent}, {"line", t.line},
        {"outline", t.outline}, {"on-accent", t.on_accent}, {"soft", t.soft}, {"control", t.control},
        {"quote", t.quote}, {"caution", t.caution}, {"notice", t.notice}, {"notice-text", t.notice_text},
        {"field", t.field},
    };
    JsonWriter css;
    css.begin();
    for (auto& c : colours) css.str(("--tend-" + std::string(c.name)).c_str(), ui::hex_colour(c.colour));
    css.str("--tend-ring", ui::hex_colour(t.accent) + "40");  // the accent at 25%, for the box's glow
    css.str("--tend-radius", std::to_string(static_cast<int>(t.radius)) + "px");
    css.str("--tend-card-radius", std::to_string(static_cast<int>(t.radius * 1.4f)) + "px");
    css.str("--tend-font-size", std::to_string(static_cast<int>(t.body_px)) + "px");
    char line_height[32];  // std::to_string's "%f", without libc's printf
    format(line_height, sizeof line_height, "%f", t.line_height);
    css.str("--tend-line-height", line_height);
    page::send("style", css.end().text());
}

void Bridge::complete(const Exercise& exercise, const SessionState& state) {
    page::send("complete", state_json(exercise, state));
}

void Bridge::copy(const std::string& text) { page::send("copy", JsonWriter().begin().str("text", text).end().text()); }

void Bridge::download(const std::string& filename, const std::string& mime, const std::string& text) {
    page::send("download", JsonWriter().begin().str("name", filename).str("mime", mime).str("text", text).end().text());
}

void Bridge::open(const std::string& url) { page::send("open", JsonWriter().begin().str("url", url).end().text()); }

std::string state_json(const Exercise& exercise, const SessionState& s) {
    JsonWriter j;
    j.begin().str("exercise_id", exercise.id).str("exercise_version", exercise.version).str("step_id", s.current);
    j.boolean("in_safety", s.in_safety()).boolean("finished", s.finished()).key("answers").begin();
    for (const auto& [id, a] : s.answers) {
        j.key(id.c_str()).begin().boolean("skipped", a.skipped);
        const Step* step = exercise.find(id);
        StepKind kind = step ? step->kind : StepKind::Text;
        if (kind == StepKind::Text) j.str("text", a.text);
        if (kind == StepKind::Choice) {
            j.key("chosen").strings(a.chosen);
            if (!a.other.empty()) j.str("other", a.other);
        }
        if (kind == StepKind::Scale && a.number >= 0) j.num("value", a.number);
        j.end();
    }
    return j.end().end().text();
}

std::string targets_json(const std::vector<ui::Target>& targets) {
    JsonWriter j;
    j.begin('[');
    for (const auto& t : targets)
        j.begin().str("id", t.id).str("label", t.label).str("key", t.key).boolean("focused", t.focused).num("x", t.min.x)
            .num("y", t.min.y).num("w", t.max.x - t.min.x).num("h", t.max.y - t.min.y).end();
    return j.end(']').text();
}

}  // namespace tend::web
