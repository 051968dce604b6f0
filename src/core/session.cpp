// Tend: the runtime that moves one reader's SessionState along an Exercise.
//
// Everything that changes is in SessionState; this file is the only place that changes it.
// Every operation that changes it saves at once (save()), so a closed tab loses nothing.
// Stored sessions are untrusted input: session_from_json() checks sizes, types and ranges
// and never lets an exception escape (the widget is built with -fno-exceptions).
#include "session.h"

#include <algorithm>
#include <chrono>
#include <set>

#include "flow.h"
#include "interpolate.h"
#include "journal.h"
#include "json_tree.h"
#include "json_write.h"
#include "text.h"

namespace tend {


namespace {

// Limits on restored state. Generous for any real reader, small enough that hostile
// storage can't make the widget slow or huge.
constexpr size_t kMaxIdChars = 64;
constexpr size_t kMaxTextBytes = 20000;        // a 5,000 code point reply is at most 20,000 bytes
constexpr size_t kMaxHistory = 2000;
constexpr size_t kMaxAnswers = 2000;
constexpr size_t kMaxChosen = 12;              // the format allows 12 options per choice
constexpr int64_t kMaxTimeMs = 253402300799999;  // 9999-12-31T23:59:59.999Z
constexpr int kMaxScale = 10;                    // format v1 fixes scales at 0–10

// ---- text helpers (trimmed() is in text.h) ---------------------------------------------

// The first max_chars code points of s. Cuts only before a lead byte, so a multibyte
// character is never split.
std::string clip_code_points(const std::string& s, int max_chars) {
    if (max_chars < 0) max_chars = 0;
    int count = 0;
    for (size_t i = 0; i < s.size(); i++) {
        bool lead = (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80;
        if (lead && count++ == max_chars) return s.substr(0, i);
    }
    return s;
}

// Decodes one UTF-8 code point at s[i], advancing i. Malformed bytes come back as
// themselves (one byte each), which is enough for comparing.
uint32_t next_code_point(const std::string& s, size_t& i) {
    unsigned char c = static_cast<unsigned char>(s[i++]);
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    uint32_t cp = extra == 3 ? (c & 0x07) : extra == 2 ? (c & 0x0F) : extra == 1 ? (c & 0x1F) : c;
    for (int k = 0; k < extra; k++) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return c;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return cp;
}

// Lower case for the scripts an exercise is likely to be written in (Latin, Greek,
// Cyrillic). Not full Unicode case folding: enough that "Tired" equals "tired" and
// "CANSADA" equals "cansada" in an author's `equals` test.
uint32_t fold_case(uint32_t cp) {
    if (cp >= 'A' && cp <= 'Z') return cp + 32;
    if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;                 // À–Þ
    if (cp >= 0x100 && cp <= 0x137 && cp % 2 == 0) return cp + 1;               // Ā–ķ
    if (cp >= 0x139 && cp <= 0x148 && cp % 2 == 1) return cp + 1;               // Ĺ–ň
    if (cp >= 0x14A && cp <= 0x177 && cp % 2 == 0) return cp + 1;               // Ŋ–ŷ
    if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;              // Α–Ϋ
    if (cp >= 0x410 && cp <= 0x42F) return cp + 32;                             // А–Я
    if (cp >= 0x400 && cp <= 0x40F) return cp + 80;                             // Ѐ–Џ
    return cp;
}

bool equal_ignoring_case(const std::string& a, const std::string& b) {
    size_t i = 0, j = 0;
    while (i < a.size() && j < b.size())
        if (fold_case(next_code_point(a, i)) != fold_case(next_code_point(b, j))) return false;
    return i == a.size() && j == b.size();
}

// ---- flow helpers ----------------------------------------------------------------------

bool contains(const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

// True when some route from step_id reaches "@return" (so "back to where I was" can be offered).
bool can_reach_return(const StepIndex& index, const std::string& step_id) {
    std::vector<std::string> todo{step_id};
    std::set<std::string> seen{step_id};
    while (!todo.empty()) {
        const Step* step = index.find(todo.back());
        todo.pop_back();
        if (!step) continue;
        for (const std::string& next : successors(index, *step)) {
            if (next == kReturnTarget) return true;
            if (seen.insert(next).second) todo.push_back(next);
        }
    }
    return false;
}

// ---- reading untrusted JSON ------------------------------------------------------------

bool valid_id(std::string_view s) {
    if (s.empty() || s.size() > kMaxIdChars || s[0] < 'a' || s[0] > 'z') return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
    return true;
}

// Where a value is ("/answers/feeling"), put together only when a problem is reported:
// reading a valid session, which is nearly always what happens, builds no paths at all.
struct Where {
    std::string_view base, name;  // "/answers/" and "feeling"; "" and "" for the document
    std::string str() const { return std::string(base).append(name); }
    std::string field(const char* key) const { return str() + "/" + key; }
};

constexpr const char* kNotAnId = "should be a step id (1–64 characters: a–z, 0–9, _ and -)";

// Collects the first problem met; every reader below returns false once there is one.
struct Reader {
    std::string error;

    bool fail(const std::string& where, const std::string& what) {
        if (error.empty()) error = (where.empty() ? "" : where + ": ") + what;
        return false;
    }

    const JsonNode* field(const JsonNode& obj, const char* key) { return obj.find(key); }

    bool string(const JsonNode& obj, const char* key, const Where& where, size_t max_bytes, std::string* out,
                bool required = true) {
        const JsonNode* v = field(obj, key);
        if (!v) return required ? fail(where.str(), std::string("\"") + key + "\" is missing") : true;
        const std::string_view* s = v->if_string();
        if (!s) return fail(where.field(key), "should be a string");
        if (s->size() > max_bytes) return fail(where.field(key), "is too long");
        out->assign(s->data(), s->size());
        return true;
    }

    bool id(const JsonNode& v, const std::string& where, std::string* out) {
        const std::string_view* s = v.if_string();
        if (!s || !valid_id(*s)) return fail(where, kNotAnId);
        out->assign(s->data(), s->size());
        return true;
    }

    bool integer(const JsonNode& obj, const char* key, const Where& where, int64_t lo, int64_t hi, int64_t* out,
                 bool required = true) {
        const JsonNode* v = field(obj, key);
        if (!v) return required ? fail(where.str(), std::string("\"") + key + "\" is missing") : true;
        auto out_of_range = [&] {
            return fail(where.field(key), "should be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
        };
        if (const uint64_t* u = v->if_unsigned()) {
            if (*u > static_cast<uint64_t>(hi) || static_cast<int64_t>(*u) < lo) return out_of_range();
            *out = static_cast<int64_t>(*u);
            return true;
        }
        const int64_t* n = v->if_integer();
        if (!n || *n < lo || *n > hi) return out_of_range();
        *out = *n;
        return true;
    }

    bool boolean(const JsonNode& obj, const char* key, const Where& where, bool* out) {
        const JsonNode* v = field(obj, key);
        if (!v) return fail(where.str(), std::string("\"") + key + "\" is missing");
        const bool* b = v->if_boolean();
        if (!b) return fail(where.field(key), "should be true or false");
        *out = *b;
        return true;
    }

    bool answer(const JsonNode& v, const Where& where, Answer* a) {
        if (!v.is_object()) return fail(where.str(), "should be an object");
        if (!boolean(v, "skipped", where, &a->skipped)) return false;
        if (!string(v, "text", where, kMaxTextBytes, &a->text, false)) return false;
        if (const JsonNode* chosen = field(v, "chosen")) {
            if (!chosen->is_array() || chosen->size() > kMaxChosen)
                return fail(where.field("chosen"), "should be a list of at most 12 option ids");
            for (size_t i = 0; i < chosen->size(); i++) {
                std::string option;
                const std::string_view* s = (*chosen)[i].if_string();
                if (!s || !valid_id(*s)) return fail(where.field("chosen") + "/" + std::to_string(i), kNotAnId);
                option.assign(s->data(), s->size());
                if (contains(a->chosen, option)) return fail(where.field("chosen"), "lists \"" + option + "\" twice");
                a->chosen.push_back(option);
            }
        }
        if (field(v, "other")) {
            a->other_selected = true;
            if (!string(v, "other", where, kMaxTextBytes, &a->other)) return false;
        }
        int64_t n = -1;
        if (!integer(v, "number", where, 0, kMaxScale, &n, false)) return false;
        a->number = static_cast<int>(n);
        return integer(v, "at", where, 0, kMaxTimeMs, &a->at_ms);
    }

    bool state(const JsonNode& j, SessionState* s) {
        const Where top{"", ""}, exercise{"/exercise", ""};
        if (!j.is_object()) return fail("", "a saved session should be a JSON object");
        std::string format;
        if (!string(j, "format", top, 100, &format)) return false;
        if (format != kSessionFormat)
            return fail("/format", "is \"" + format + "\"; this version of Tend reads \"" + kSessionFormat + "\"");

        const JsonNode* ex = field(j, "exercise");
        if (!ex || !ex->is_object()) return fail("/exercise", "should be an object with the exercise's id and version");
        const JsonNode* ex_id = field(*ex, "id");
        if (!ex_id || !id(*ex_id, "/exercise/id", &s->exercise_id)) return fail("/exercise/id", "is missing");
        if (!string(*ex, "version", exercise, kMaxTextBytes, &s->exercise_version)) return false;

        const JsonNode* current = field(j, "current");
        if (!current || !id(*current, "/current", &s->current)) return fail("/current", "is missing");

        const JsonNode* answers = field(j, "answers");
        if (!answers || !answers->is_object()) return fail("/answers", "should be an object keyed by step id");
        if (answers->size() > kMaxAnswers) return fail("/answers", "holds too many answers");
        // The tree keeps members in key order, as the map does: each goes in at the end.
        for (const JsonNode& member : answers->children()) {
            const Where where{"/answers/", member.key()};
            if (!valid_id(member.key())) return fail(where.str(), "is not a step id");
            Answer a;
            if (!answer(member, where, &a)) return false;
            s->answers.emplace_hint(s->answers.end(), std::string(member.key()), std::move(a));
        }

        const JsonNode* history = field(j, "history");
        if (!history || !history->is_array()) return fail("/history", "should be a list of step ids");
        if (history->size() > kMaxHistory) return fail("/history", "is too long");
        s->history.reserve(history->size());
        for (const JsonNode& item : history->children()) {
            const std::string_view* step = item.if_string();
            if (!step || !valid_id(*step))
                return fail("/history/" + std::to_string(s->history.size()), kNotAnId);
            s->history.emplace_back(*step);
        }

        if (const JsonNode* ret = field(j, "return_to")) {
            const std::string_view* to = ret->if_string();
            if (!to) return fail("/return_to", "should be a step id or \"\"");
            if (!to->empty() && !id(*ret, "/return_to", &s->return_to)) return false;
        }
        int64_t entered = -1;
        if (!integer(j, "safety_entered_at", top, -1, static_cast<int64_t>(s->history.size()), &entered, false))
            return false;
        s->safety_entered_at = static_cast<int>(entered);
        if (s->in_safety() != !s->return_to.empty())
            return fail("/safety_entered_at", "and \"return_to\" disagree about whether the reader is on the safety path");

        return integer(j, "started", top, 0, kMaxTimeMs, &s->started_ms) &&
               integer(j, "updated", top, 0, kMaxTimeMs, &s->updated_ms) &&
               integer(j, "finished", top, 0, kMaxTimeMs, &s->finished_ms, false);
    }
};

}  // namespace

// ---- conditions --------------------------------------------------------------------------

namespace {

// branch_matches(), looking steps up in `steps`: the Exercise, or a Session's StepIndex.
template <class Steps>
bool matches(const Steps& steps, const Branch& branch, const Answers& answers) {
    auto given = [&](const std::string& step_id, const Step** step, const Answer** answer) {
        *step = steps.find(step_id);
        auto it = answers.find(step_id);
        *answer = it == answers.end() ? nullptr : &it->second;
        return *step && *answer && answer_given(**step, **answer);
    };
    for (const Condition& c : branch.when) {
        const Step* step = nullptr;
        const Answer* a = nullptr;
        bool has = given(c.step, &step, &a);
        // "other" as an option id stands for the reader's own words.
        bool own_words = has && a->other_selected && !trimmed(a->other).empty();
        bool holds = false;
        switch (c.test) {
            case Condition::Test::Answered: holds = has == c.flag; break;
            case Condition::Test::Skipped: holds = (a && a->skipped) == c.flag; break;
            case Condition::Test::Equals:
                if (!has) break;
                if (step->kind == StepKind::Scale) holds = a->number == c.number;
                else if (step->kind == StepKind::Text) holds = equal_ignoring_case(trimmed(a->text), trimmed(c.text));
                else if (step->kind == StepKind::Choice)
                    holds = c.text == "other" ? own_words && a->chosen.empty()
                                              : !own_words && a->chosen.size() == 1 && a->chosen[0] == c.text;
                break;
            case Condition::Test::Includes:
                if (has && step->kind == StepKind::Choice) holds = c.text == "other" ? own_words : contains(a->chosen, c.text);
                break;
            case Condition::Test::AtLeast: holds = has && step->kind == StepKind::Scale && a->number >= c.number; break;
            case Condition::Test::AtMost: holds = has && step->kind == StepKind::Scale && a->number <= c.number; break;
            case Condition::Test::RoseFrom: {
                const Step* before_step = nullptr;
                const Answer* before = nullptr;
                holds = has && step->kind == StepKind::Scale && given(c.text, &before_step, &before) &&
                        before_step->kind == StepKind::Scale && a->number > before->number;
                break;
            }
        }
        if (!holds) return false;
    }
    return true;
}

}  // namespace

bool branch_matches(const Exercise& exercise, const Branch& branch, const Answers& answers) {
    return matches(exercise, branch, answers);
}

// ---- state and its JSON ------------------------------------------------------------------

bool SessionState::operator==(const SessionState& o) const {
    return exercise_id == o.exercise_id && exercise_version == o.exercise_version && current == o.current &&
           answers == o.answers && history == o.history && return_to == o.return_to &&
           safety_entered_at == o.safety_entered_at && started_ms == o.started_ms && updated_ms == o.updated_ms &&
           finished_ms == o.finished_ms;
}

// Written with JsonWriter rather than through a tree: a session is saved after every change,
// and building and freeing a tree of every answer would be most of each save. Keys go in
// sorted order (`answers` is a std::map, so its step ids are too), which makes the bytes
// those of nlohmann's dump() for the same document, and the same state always the same bytes.
std::string session_to_json(const SessionState& state) {
    JsonWriter j;
    j.reserve(256 + 96 * state.answers.size() + 16 * state.history.size());
    j.begin().key("answers").begin();
    for (const auto& [step, a] : state.answers) {
        j.key(step).begin().integer("at", a.at_ms);
        if (!a.chosen.empty()) j.key("chosen").strings(a.chosen);
        if (a.number >= 0) j.integer("number", a.number);
        if (a.other_selected) j.str("other", a.other);
        j.boolean("skipped", a.skipped);
        if (!a.text.empty()) j.str("text", a.text);
        j.end();
    }
    j.end();
    j.str("current", state.current);
    j.key("exercise").begin().str("id", state.exercise_id).str("version", state.exercise_version).end();
    j.integer("finished", state.finished_ms).str("format", kSessionFormat);
    j.key("history").strings(state.history);
    j.str("return_to", state.return_to).integer("safety_entered_at", state.safety_entered_at);
    j.integer("started", state.started_ms).integer("updated", state.updated_ms);
    j.end();
    return j.take();
}

std::optional<SessionState> session_from_json(const std::string& text, std::string* error) {
    JsonTreeParse parsed = parse_json_tree(text);
    if (!parsed.ok) {
        if (error) *error = "the saved session isn't readable JSON: " + parsed.error;
        return std::nullopt;
    }
    Reader reader;
    SessionState state;
    if (!reader.state(parsed.tree.root(), &state)) {
        if (error) *error = "the saved session is damaged: " + reader.error;
        return std::nullopt;
    }
    return state;
}

int64_t system_clock_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// ---- the runtime -------------------------------------------------------------------------

namespace {

// Whether a step is on the grounding path, given which steps are (by index; see Session).
bool is_safety_step(const StepIndex& index, const std::vector<char>& on_path, const std::string& step_id) {
    const int i = index.index_of(step_id);
    return i >= 0 && on_path[static_cast<size_t>(i)];
}

// Brings a restored session in line with an exercise that changed since it was saved.
// Steps that are gone leave history; a current step that is gone gives way to the nearest
// earlier one that still exists. Answers are never touched: they are the reader's words.
// Returns true when anything had to change.
bool fit_to_exercise(const StepIndex& steps, const std::vector<char>& on_path, SessionState& s) {
    bool changed = false;
    std::vector<std::string> kept;
    int entered = -1;
    for (size_t i = 0; i < s.history.size(); i++) {
        if (s.in_safety() && static_cast<int>(i) == s.safety_entered_at) entered = static_cast<int>(kept.size());
        if (steps.find(s.history[i])) kept.push_back(s.history[i]);
        else changed = true;
    }
    if (s.in_safety() && s.safety_entered_at == static_cast<int>(s.history.size())) entered = static_cast<int>(kept.size());
    s.history = std::move(kept);
    s.safety_entered_at = entered;

    if (!steps.find(s.current)) {
        changed = true;
        if (!s.history.empty()) {
            s.current = s.history.back();
            s.history.pop_back();
        } else {
            s.current = steps.exercise().steps.empty() ? "" : steps.exercise().steps[0].id;
        }
        if (const Step* step = steps.find(s.current); !step || step->kind != StepKind::End) s.finished_ms = 0;
    }

    // The safety path only makes sense while the reader is on it and it still leads back.
    if (s.in_safety()) {
        bool still_on_path = static_cast<int>(s.history.size()) >= s.safety_entered_at &&
                             is_safety_step(steps, on_path, s.current);
        if (still_on_path && !steps.find(s.return_to) && s.safety_entered_at > 0)
            s.return_to = s.history[s.safety_entered_at - 1];
        if (!still_on_path || !steps.find(s.return_to)) {
            s.return_to.clear();
            s.safety_entered_at = -1;
            changed = true;
        }
    }
    return changed;
}

// Leaves the safety path: clears its fields, trims history back to where the path was
// entered (so Back from there doesn't walk through the grounding steps again) and returns
// where "@return" leads. Returns "" (changing nothing) when there is nowhere to return to.
std::string unwind_safety(const StepIndex& steps, SessionState& s) {
    if (!s.in_safety() || !steps.find(s.return_to)) return "";
    std::string to = s.return_to;
    if (s.history.size() > static_cast<size_t>(s.safety_entered_at)) s.history.resize(s.safety_entered_at);
    // Entered by the button, the step they were on is the last history entry: it becomes
    // current again rather than appearing twice.
    if (!s.history.empty() && s.history.back() == to) s.history.pop_back();
    s.return_to.clear();
    s.safety_entered_at = -1;
    return to;
}

}  // namespace

Session::Session(const Exercise& exercise, Store& store, std::string key_prefix, Clock clock)
    : exercise_(exercise),
      store_(store),
      prefix_(std::move(key_prefix)),
      clock_(std::move(clock)),
      index_(exercise),
      on_safety_path_(exercise.steps.size(), 0) {
    if (!clock_) clock_ = system_clock_ms;
    for (const std::string& id : safety_steps(index_)) on_safety_path_[static_cast<size_t>(index_.index_of(id))] = 1;
}

bool Session::is_safety_step(const std::string& step_id) const {
    return tend::is_safety_step(index_, on_safety_path_, step_id);
}

void Session::open() {
    status_ = SessionStatus{};
    state_ = SessionState{};
    std::optional<std::string> stored = store_.get(storage_key());
    if (stored) {
        std::optional<SessionState> restored = session_from_json(*stored);
        if (restored && restored->exercise_id == exercise_.id) {
            state_ = std::move(*restored);
            bool changed = fit_to_exercise(index_, on_safety_path_, state_);
            if (changed || state_.exercise_version != exercise_.version) {
                state_.exercise_version = exercise_.version;
                status_.resumed_after_change = true;
                save();
            }
            return;
        }
        // Unreadable (or another exercise's): keep the original bytes where the reader (or
        // someone helping them) can still find them, then begin again.
        status_.recovered = true;
        int64_t now = clock_();
        std::string key = prefix_ + "backup/" + std::to_string(now);
        for (int n = 2; store_.get(key); n++) key = prefix_ + "backup/" + std::to_string(now) + "-" + std::to_string(n);
        StoreResult kept = store_.set(key, *stored);
        state_.started_ms = now;
        state_.exercise_id = exercise_.id;
        state_.exercise_version = exercise_.version;
        state_.current = exercise_.steps.empty() ? "" : exercise_.steps[0].id;
        if (kept != StoreResult::Ok) {
            // The only copy is the stored one: don't overwrite it now. The reader's next
            // change will try to save (and tell them if storage still refuses).
            status_.last_write = kept;
            return;
        }
        status_.backup_key = key;
        save();
        return;
    }
    // Nothing stored: nothing is written until the reader does something, so merely
    // opening a page with the widget leaves no trace on the device.
    state_.started_ms = clock_();
    state_.updated_ms = state_.started_ms;
    state_.exercise_id = exercise_.id;
    state_.exercise_version = exercise_.version;
    state_.current = exercise_.steps.empty() ? "" : exercise_.steps[0].id;
}

void Session::restart() {
    // A new started_ms names a new journal entry; two sessions within one millisecond
    // (a fast double tap, a fake clock) must not share one.
    int64_t started = std::max(clock_(), state_.started_ms + 1);
    state_ = SessionState{};
    state_.exercise_id = exercise_.id;
    state_.exercise_version = exercise_.version;
    state_.current = exercise_.steps.empty() ? "" : exercise_.steps[0].id;
    state_.started_ms = started;
    state_.updated_ms = started;
    status_ = SessionStatus{};
    status_.last_write = store_.remove(storage_key());
}

const Answer* Session::answer(const std::string& step_id) const {
    auto it = state_.answers.find(step_id);
    return it == state_.answers.end() ? nullptr : &it->second;
}

bool Session::answered(const Step& step) const {
    const Answer* a = answer(step.id);
    return a && answer_given(step, *a);
}

// At an end step the journal entry is written alongside the session, so the two always
// agree; recording is idempotent (one key per started_ms). Either failure is reported.
void Session::save() {
    state_.updated_ms = clock_();
    StoreResult journal = StoreResult::Ok;
    const Step* step = index_.find(state_.current);
    if (step && step->kind == StepKind::End && state_.finished())
        journal = Journal(exercise_, store_, prefix_).record(state_);
    std::string doc = session_to_json(state_);
    // A document too big to be read back would be lost on reload; say storage is full instead.
    StoreResult r = doc.size() > kMaxJsonBytes ? StoreResult::Full : store_.set(storage_key(), doc);
    status_.last_write = r != StoreResult::Ok ? r : journal;
}

void Session::go_to(const std::string& step_id, bool record_history) {
    if (record_history && !state_.current.empty()) state_.history.push_back(state_.current);
    state_.current = step_id;
    const Step* step = index_.find(step_id);
    if (step && step->kind == StepKind::End) state_.finished_ms = clock_();
}

bool Session::advance(const Step& from) {
    std::string target;
    for (const Branch& b : from.branches)
        if (matches(index_, b, state_.answers)) {
            target = b.next;
            break;
        }
    if (target.empty()) target = index_.default_next(from);

    if (target == kReturnTarget) {
        std::string to = unwind_safety(index_, state_);
        if (to.empty()) return false;
        go_to(to, false);
        return true;
    }
    if (!index_.find(target)) return false;

    bool entering_safety = !state_.in_safety() && is_safety_step(target);
    std::string return_to;
    if (entering_safety) {
        // Flow sent the reader to the grounding path: "@return" continues where `from` would
        // have gone by default. When that default is the path itself (`next` points at it),
        // the only sensible place is the step they were on.
        return_to = index_.default_next(from);
        if (return_to.empty() || !index_.find(return_to) || is_safety_step(return_to)) return_to = from.id;
    }
    go_to(target, true);
    if (entering_safety) {
        state_.return_to = return_to;
        state_.safety_entered_at = static_cast<int>(state_.history.size());
    }
    return true;
}

bool Session::set_text(const std::string& text) {
    const Step* step = index_.find(state_.current);
    if (!step || step->kind != StepKind::Text) return false;
    Answer& a = state_.answers[step->id];
    a.skipped = false;
    a.text = clip_code_points(text, step->max_length);
    a.at_ms = clock_();
    save();
    return true;
}

bool Session::choose(const std::string& choice_id) {
    const Step* step = index_.find(state_.current);
    if (!step || step->kind != StepKind::Choice) return false;
    bool known = std::any_of(step->choices.begin(), step->choices.end(), [&](const Choice& c) { return c.id == choice_id; });
    if (!known) return false;
    Answer& a = state_.answers[step->id];
    if (step->multiple) {
        // Kept in the order of the options; ids of options that no longer exist drop out,
        // since the reader can no longer see (or untick) them.
        std::vector<std::string> chosen;
        for (const Choice& c : step->choices)
            if (contains(a.chosen, c.id) != (c.id == choice_id)) chosen.push_back(c.id);
        a.chosen = std::move(chosen);
    } else {
        a.chosen = {choice_id};
        a.other_selected = false;
        a.other.clear();
    }
    a.skipped = false;
    a.at_ms = clock_();
    save();
    return true;
}

bool Session::set_other(bool selected, const std::string& text) {
    const Step* step = index_.find(state_.current);
    if (!step || step->kind != StepKind::Choice || step->other_label.empty()) return false;
    Answer& a = state_.answers[step->id];
    a.other_selected = selected;
    a.other = selected ? clip_code_points(text, step->max_length) : "";
    if (selected && !step->multiple) a.chosen.clear();
    a.skipped = false;
    a.at_ms = clock_();
    save();
    return true;
}

bool Session::set_scale(int value) {
    const Step* step = index_.find(state_.current);
    if (!step || step->kind != StepKind::Scale || value < step->scale_min || value > step->scale_max) return false;
    Answer& a = state_.answers[step->id];
    a = Answer{};
    a.number = value;
    a.at_ms = clock_();
    save();
    return true;
}

bool Session::next() {
    const Step* step = index_.find(state_.current);
    if (!step || step->kind == StepKind::End) return false;
    if (is_question(step->kind) && !answered(*step)) {
        if (step->required) return false;
        // Continue on an unanswered question is a skip, so "skipped" conditions and the
        // journal tell the truth about it.
        return skip();
    }
    bool moved = advance(*step);
    if (moved) save();
    return moved;
}

bool Session::skip() {
    const Step* step = index_.find(state_.current);
    if (!step || !is_question(step->kind) || step->required) return false;
    // A skip keeps no words: the reader chose not to answer.
    Answer skipped;
    skipped.skipped = true;
    skipped.at_ms = clock_();
    state_.answers[step->id] = skipped;
    bool moved = advance(*step);
    save();
    return moved;
}

bool Session::back() {
    if (state_.history.empty()) return false;
    const Step* step = index_.find(state_.current);
    if (step && step->kind == StepKind::End) state_.finished_ms = 0;  // not finished while they revisit
    state_.current = state_.history.back();
    state_.history.pop_back();
    if (state_.in_safety() && static_cast<int>(state_.history.size()) < state_.safety_entered_at) {
        state_.return_to.clear();
        state_.safety_entered_at = -1;
    }
    save();
    return true;
}

bool Session::enter_safety() {
    if (state_.in_safety() || state_.current.empty() || !index_.find(exercise_.safety.step)) return false;
    if (is_safety_step(state_.current)) return false;  // already on the grounding path
    state_.return_to = state_.current;
    go_to(exercise_.safety.step, true);
    state_.safety_entered_at = static_cast<int>(state_.history.size());
    save();
    return true;
}

bool Session::leave_safety() {
    std::string to = unwind_safety(index_, state_);
    if (to.empty()) return false;
    go_to(to, false);
    save();
    return true;
}

StepView Session::view() const {
    StepView v;
    v.step_id = state_.current;
    const Step* step = index_.find(state_.current);
    if (!step) return v;

    auto lookup = [&](const std::string& id) -> std::string {
        const Step* asked = index_.find(id);
        const Answer* a = answer(id);
        return asked && a && !a->skipped ? answer_as_text(*asked, *a, exercise_.language) : "";
    };
    const Answer* a = answer(step->id);

    v.kind = step->kind;
    for (const std::string& p : step->text) v.paragraphs.push_back(interpolate(p, lookup));
    v.prompt = interpolate(step->prompt, lookup);
    v.hint = interpolate(step->hint, lookup);
    v.max_length = step->max_length;
    if (step->kind == StepKind::Text && a) v.reply = a->text;
    if (step->kind == StepKind::Choice) {
        for (const Choice& c : step->choices) v.choices.push_back({c.id, c.label, a && contains(a->chosen, c.id)});
        v.multiple = step->multiple;
        v.other_label = step->other_label;
        v.other_selected = a && a->other_selected;
        v.other_text = a ? a->other : "";
    }
    v.scale_min = step->scale_min;
    v.scale_max = step->scale_max;
    v.min_label = step->min_label;
    v.max_label = step->max_label;
    if (step->kind == StepKind::Scale && a && a->number >= 0) v.scale_value = a->number;
    v.seconds = step->seconds;
    for (const SummaryItem& item : step->items) {
        std::string words = lookup(item.step);
        if (!words.empty()) v.summary.push_back({item.label, words});
    }

    bool question = is_question(step->kind);
    v.is_end = step->kind == StepKind::End;
    v.can_back = !state_.history.empty();
    v.can_skip = question && !step->required;
    v.can_continue = !v.is_end && (!question || !step->required || answered(*step));
    v.in_safety = state_.in_safety();
    v.can_return = v.in_safety && can_reach_return(index_, step->id);

    if (v.in_safety) {
        v.step_number = static_cast<int>(state_.history.size()) - state_.safety_entered_at + 1;
    } else {
        v.step_number = 1 + static_cast<int>(std::count_if(state_.history.begin(), state_.history.end(),
                                                           [&](const std::string& id) { return !is_safety_step(id); }));
    }
    v.step_total = v.step_number + steps_remaining(index_, step->id);
    return v;
}

}  // namespace tend
