// Tend: SessionState and its saved form (see session_state.h).
//
// Reading a saved session never trusts it: every field is checked for type, size and range,
// and the first problem is reported with its JSON path. The tree it reads (json_tree.h) is
// only ever asked questions that can't throw: the widget is built with -fno-exceptions.
#include "session_state.h"

#include <cmath>

#include "json_tree.h"
#include "json_write.h"

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
        if (const int64_t* n = v->if_integer()) {
            if (*n < lo || *n > hi) return out_of_range();
            *out = *n;
            return true;
        }
        // A whole number written with an exponent (1.7e12, as a hand-edited timestamp may be)
        // is judged by its value; a fraction is not a whole number.
        const double d = v->number();
        if (!v->written_with_exponent() || d != std::floor(d) || d < static_cast<double>(lo) || d > static_cast<double>(hi))
            return out_of_range();
        *out = static_cast<int64_t>(d);
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
                if (a->chose(option)) return fail(where.field("chosen"), "lists \"" + option + "\" twice");
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

        return integer(j, "rev", top, 0, kMaxTimeMs, &s->revision, false) &&
               integer(j, "started", top, 0, kMaxTimeMs, &s->started_ms) &&
               integer(j, "updated", top, 0, kMaxTimeMs, &s->updated_ms) &&
               integer(j, "finished", top, 0, kMaxTimeMs, &s->finished_ms, false);
    }
};

}  // namespace

bool SessionState::operator==(const SessionState& o) const {
    return exercise_id == o.exercise_id && exercise_version == o.exercise_version && current == o.current &&
           answers == o.answers && history == o.history && return_to == o.return_to &&
           safety_entered_at == o.safety_entered_at && started_ms == o.started_ms && updated_ms == o.updated_ms &&
           finished_ms == o.finished_ms && revision == o.revision;
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
    j.str("return_to", state.return_to).integer("rev", state.revision).integer("safety_entered_at", state.safety_entered_at);
    j.integer("started", state.started_ms).integer("updated", state.updated_ms);
    j.end();
    return j.take();
}

std::optional<SessionState> session_from_json(const std::string& text, std::string* error) {
    JsonTreeParse parsed = parse_json_tree(text);
    if (!parsed.ok) {
        if (error) *error = "the saved session isn't readable JSON: " + (parsed.error_path.empty() ? "" : parsed.error_path + ": ") + parsed.error;
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

}  // namespace tend
