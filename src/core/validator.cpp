// Tend: reading an exercise file, and every reason it might be wrong (see validator.h).
//
// Two passes, so one call can report everything:
//   1. reading (this file): the JSON tree → Exercise, field by field, in the order the format
//      lists them. Each field is checked on its own: type, required, unknown, length, id shape.
//      A wrong field is reported and left at its default so reading can carry on.
//   2. flow (validator_references.cpp, validator_flow.cpp, validator_answers.cpp): how the
//      steps fit together. It needs every step read first.
// Problems are then put in document order, so an author can work down the file.
//
// The file is read into a JsonTree (json_tree.h), which is only ever read with find(), is_*(),
// if_*() and []: none of them can throw, and the widget builds this file with
// -fno-exceptions, where a throw would be an abort.
//
// Speed: a 200-step file is read and checked in well under a millisecond (tests/bench).
// What keeps it so: JSON Pointers for messages are built only when there is a problem
// (validator_detail::Path), the lists of allowed fields are built once, and texts are only
// scanned for {{…}} when they contain "{{".

#include "validator.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <initializer_list>
#include <map>
#include <set>
#include <string_view>

#include "decimal.h"
#include "interpolate.h"
#include "json_tree.h"
#include "text.h"
#include "validator_detail.h"

namespace tend {
namespace {

using Node = JsonNode;  // a value in the file (json_tree.h)
using validator_detail::in_quotes;
using validator_detail::Notes;
using validator_detail::Path;
using Problems = std::vector<Problem>;
using Fields = std::vector<std::string>;  // the fields an object may have

// Limits from docs/exercise-format.md. The format is the contract: change both together.
constexpr size_t kTextMax = 2000;       // any text
constexpr size_t kPromptMax = 600;      // a question: short enough to read at a glance
constexpr size_t kMaxParagraphs = 20;
constexpr size_t kMaxOptions = 12;
constexpr size_t kMaxSteps = 500;
constexpr size_t kMaxResources = 10;
constexpr size_t kMaxIdLength = 64;
constexpr const char* kFormat = "tend.exercise/1";
constexpr const char* kOwnWords = "other";  // the option id that means "the reader's own words"

// ---- small helpers ---------------------------------------------------------------------

void add(Problems& out, const std::string& path, std::string message) { out.push_back({path, std::move(message)}); }
void add(Problems& out, const Path& path, std::string message) { out.push_back({path.str(), std::move(message)}); }

bool is_blank(const std::string& s) {
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return false;
    return true;
}

std::string plural(size_t n, const char* one, const char* many) { return with_commas(n) + " " + (n == 1 ? one : many); }

// A number written with an exponent ("1e3", "0.5e1") is whole or not by its value: judged by
// it where a whole number is wanted, and never called "a number with a fraction" when whole.
bool whole_with_exponent(const Node& j) { return j.written_with_exponent() && j.number() == std::floor(j.number()); }
bool is_whole(const Node& j) { return j.is_number_integer() || whole_with_exponent(j); }

// How a JSON value's type reads in "should be a string, not a number".
const char* type_phrase(const Node& j) {
    switch (j.type()) {
        case Node::Type::Null: return "null";
        case Node::Type::Boolean: return "true/false";
        case Node::Type::String: return "a string";
        case Node::Type::Array: return "an array";
        case Node::Type::Object: return "an object";
        case Node::Type::Float: return whole_with_exponent(j) ? "a number" : "a number with a fraction";
        default: return "a number";
    }
}

void wrong_type(Problems& out, const Path& path, const char* expected, const Node& got) {
    add(out, path, std::string("should be ") + expected + ", not " + type_phrase(got));
}

// An id: 1–64 of a–z, 0–9, '_' and '-', starting with a letter. Ids name where answers are
// stored and appear in {{…}}, so they stay plain ASCII.
bool is_valid_id(const std::string& s) {
    if (s.empty() || s.size() > kMaxIdLength || s[0] < 'a' || s[0] > 'z') return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) return false;
    return true;
}

std::string bad_id_message(const std::string& id) {
    return in_quotes(id) + " is not a valid id: use 1 to 64 characters of a-z, 0-9, \"_\" and \"-\", starting with a letter";
}

// A BCP 47 tag, loosely: a 2–3 letter language, then subtags of 1–8 letters or digits.
bool is_language_tag(const std::string& s) {
    size_t i = 0;
    while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z'))) i++;
    if (i < 2 || i > 3) return false;
    while (i < s.size()) {
        if (s[i++] != '-') return false;
        size_t start = i;
        while (i < s.size() && std::isalnum(static_cast<unsigned char>(s[i]))) i++;
        if (i - start < 1 || i - start > 8) return false;
    }
    return true;
}

const Node* find(const Node& obj, std::string_view key) { return obj.find(key); }

// ---- reading one field -----------------------------------------------------------------
// Each reader reports a missing required field at the object's path, and anything wrong
// with the value at the field's own path. They return true when `*out` was set. Keys are
// string_views, so their lengths are known where they are written, not counted per lookup.

const Node* get(const Node& obj, const Path& path, std::string_view key, bool required, Problems& out) {
    const Node* v = find(obj, key);
    if (!v && required) add(out, path, std::string("missing required field \"").append(key) + "\"");
    return v;
}

bool read_string(const Node& obj, const Path& path, std::string_view key, bool required, std::string* value,
                 Problems& out) {
    const Node* v = get(obj, path, key, required, out);
    if (!v) return false;
    const std::string_view* s = v->if_string();
    if (!s) {
        wrong_type(out, Path(path, key), "a string", *v);
        return false;
    }
    value->assign(s->data(), s->size());
    return true;
}

// Checks a text's content. `weave` marks texts that may hold {{step_id}} placeholders; only
// their shape is checked here (what they name is checked with the flow, which knows the steps).
void check_text(const std::string& s, const Path& path, size_t max, bool weave, Problems& out) {
    if (is_blank(s)) {
        add(out, path, "must not be empty");
        return;
    }
    size_t n = code_points(s);
    if (n > max) add(out, path, "is " + plural(n, "character", "characters") + " long; the limit is " + with_commas(max));
    if (!weave || s.find("{{") == std::string::npos) return;  // most texts weave nothing in
    size_t unclosed = std::string::npos;
    std::vector<Placeholder> found = find_placeholders(s, &unclosed);
    for (const Placeholder& p : found)
        if (p.step.empty())
            add(out, path, "has a placeholder with no step id; write {{step_id}} or {{step_id|fallback}}");
    if (unclosed != std::string::npos)
        add(out, path, "has \"{{\" with no closing \"}}\"; write {{step_id}} or {{step_id|fallback}}");
}

bool read_text(const Node& obj, const Path& path, std::string_view key, bool required, size_t max, bool weave,
               std::string* value, Problems& out) {
    if (!read_string(obj, path, key, required, value, out)) return false;
    check_text(*value, Path(path, key), max, weave, out);
    return true;
}

// Whole numbers only: 3.0 is refused too, because a fraction is never what an author meant;
// 3e0 is a whole number, judged by its value.
bool read_int(const Node& obj, const Path& path, std::string_view key, bool required, int min, int max,
              const char* unit, int* value, Problems& out) {
    const Node* v = get(obj, path, key, required, out);
    if (!v) return false;
    int64_t n = 0;
    std::string written;  // the value as the message gives it
    if (const int64_t* i = v->if_integer()) n = *i;
    else if (const uint64_t* u = v->if_unsigned()) {
        n = *u > INT64_MAX ? INT64_MAX : static_cast<int64_t>(*u);
        written = std::to_string(*u);
    } else if (whole_with_exponent(*v)) {
        const double d = v->number();
        n = d < min ? min - 1 : d > max ? max + 1 : static_cast<int64_t>(d);
        char buf[32];
        format(buf, sizeof buf, "%g", d);
        written = buf;
    } else {
        wrong_type(out, Path(path, key), "a whole number", *v);
        return false;
    }
    if (n < min || n > max) {
        add(out, Path(path, key),
            "must be from " + std::to_string(min) + " to " + std::to_string(max) + unit + "; it is " +
                (written.empty() ? std::to_string(n) : written));
        return false;
    }
    *value = static_cast<int>(n);
    return true;
}

bool read_bool(const Node& obj, const Path& path, std::string_view key, bool* value, Problems& out) {
    const Node* v = find(obj, key);
    if (!v) return false;
    if (const bool* b = v->if_boolean()) {
        *value = *b;
        return true;
    }
    wrong_type(out, Path(path, key), "true or false", *v);
    return false;
}

bool read_id(const Node& obj, const Path& path, std::string_view key, std::string* value, Problems& out) {
    if (!read_string(obj, path, key, true, value, out)) return false;
    if (is_valid_id(*value)) return true;
    add(out, Path(path, key), bad_id_message(*value));
    return false;
}

// An array field: checks the type and the count; the caller reads the items.
const Node* read_array(const Node& obj, const Path& path, std::string_view key, bool required, size_t min,
                       size_t max, const char* one, const char* many, Problems& out) {
    const Node* v = get(obj, path, key, required, out);
    if (!v) return nullptr;
    if (!v->is_array()) {
        wrong_type(out, Path(path, key), "an array", *v);
        return nullptr;
    }
    if (v->size() < min) add(out, Path(path, key), std::string("needs at least ") + plural(min, one, many));
    if (v->size() > max) add(out, Path(path, key), "has " + plural(v->size(), one, many) + "; the limit is " + with_commas(max));
    return v;
}

// `text`: paragraphs, 1–20 texts, each of which may weave in earlier answers.
void read_paragraphs(const Node& obj, const Path& path, bool required, std::vector<std::string>* out_text,
                     Problems& out) {
    const Node* arr = read_array(obj, path, "text", required, 1, kMaxParagraphs, "paragraph", "paragraphs", out);
    if (!arr) return;
    const Path at(path, "text");
    out_text->reserve(arr->size());
    for (size_t i = 0; i < arr->size(); i++) {
        const Node& p = (*arr)[i];
        const std::string_view* s = p.if_string();
        if (!s) {
            wrong_type(out, Path(at, i), "a string", p);
            continue;
        }
        out_text->emplace_back(*s);
        check_text(out_text->back(), Path(at, i), kTextMax, true, out);
    }
}

bool is_allowed(const Fields& allowed, std::string_view key) {
    for (const std::string& f : allowed)
        if (f.size() == key.size() && f[0] == key[0] && f == key) return true;  // (no field name is empty)
    return false;
}

// Unknown fields are errors: a typo like "promt" must not pass silently. `explain` may give
// a better message for a field that exists elsewhere (a choice field on a text step).
template <class Explain>
void check_fields(const Node& obj, const Path& path, const Fields& allowed, Explain explain,
                  Problems& out) {
    for (const Node& member : obj.children()) {
        const std::string_view name = member.key();
        if (is_allowed(allowed, name)) continue;
        const std::string key(name);
        std::string why = explain(key);
        if (why.empty()) {
            why = "unknown field " + in_quotes(key);
            std::string suggestion = did_you_mean(key, allowed);
            if (!suggestion.empty()) why += suggestion;
            else {
                why += "; the fields allowed here are ";
                for (size_t i = 0; i < allowed.size(); i++) why += (i ? ", " : "") + allowed[i];
            }
        }
        add(out, Path(path, key), why);
    }
}

void check_fields(const Node& obj, const Path& path, const Fields& allowed, Problems& out) {
    check_fields(obj, path, allowed, [](const std::string&) { return std::string(); }, out);
}

bool require_object(const Node& v, const Path& path, const char* what, Problems& out) {
    if (v.is_object()) return true;
    add(out, path, std::string(what) + " should be an object ({ … }), not " + type_phrase(v));
    return false;
}

// ---- the parts of an exercise ----------------------------------------------------------

void read_resource(const Node& j, const Path& path, Resource& r, Problems& out) {
    if (!require_object(j, path, "a resource", out)) return;
    static const Fields fields{"label", "text", "link"};
    check_fields(j, path, fields, out);
    read_text(j, path, "label", true, kTextMax, false, &r.label, out);
    read_text(j, path, "text", true, kTextMax, false, &r.text, out);
    if (read_string(j, path, "link", false, &r.link, out)) {
        // Only links that open something safe and expected: a web page over TLS, a phone
        // call, a text message. Never javascript:, data: or plain http:.
        bool ok = false;
        for (const char* scheme : {"https://", "tel:", "sms:"}) {
            size_t n = std::char_traits<char>::length(scheme);
            if (r.link.compare(0, n, scheme) == 0 && r.link.size() > n) ok = true;
        }
        for (char c : r.link)
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') ok = false;
        if (!ok)
            add(out, Path(path, "link"),
                in_quotes(r.link) + " can't be used: a link must start with https://, tel: or sms: and have no spaces");
        else if (code_points(r.link) > kTextMax)
            add(out, Path(path, "link"), "is longer than " + with_commas(kTextMax) + " characters");
    }
}

void read_safety(const Node& j, const Path& path, Safety& safety, Notes& notes, Problems& out) {
    if (!require_object(j, path, "\"safety\"", out)) return;
    static const Fields fields{"step", "resources"};
    check_fields(j, path, fields, out);
    notes.safety_step_ok = read_string(j, path, "step", true, &safety.step, out);
    // Optional: the widget offers the reader's region's curated lines; these come after them.
    if (const Node* arr = read_array(j, path, "resources", false, 0, kMaxResources, "resource", "resources", out)) {
        const Path at(path, "resources");
        for (size_t i = 0; i < arr->size(); i++) {
            safety.resources.emplace_back();
            read_resource((*arr)[i], Path(at, i), safety.resources.back(), out);
        }
    }
}

// The fields each kind of step may have, beyond id, kind, next and branches.
const Fields& kind_fields(StepKind kind) {
    static const Fields say{"text"}, text{"prompt", "hint", "max_length", "required", "reflect", "reflect_label"},
        choice{"prompt", "hint", "options", "multiple", "other", "required", "reflect", "reflect_label"},
        scale{"prompt", "min_label", "max_label", "stop", "required", "reflect", "reflect_label"},
        pause{"text", "seconds", "breathing"}, end{"text", "quiet"};
    switch (kind) {
        case StepKind::Say: return say;
        case StepKind::Text: return text;
        case StepKind::Choice: return choice;
        case StepKind::Scale: return scale;
        case StepKind::Pause: return pause;
        case StepKind::End: break;
    }
    return end;
}

const StepKind kAllKinds[] = {StepKind::Say,   StepKind::Text,  StepKind::Choice,
                              StepKind::Scale, StepKind::Pause, StepKind::End};

// Every field a step of this kind may have: id and kind, next and branches (but not on an
// end step), then kind_fields(). Built once; reading a step only looks them up.
const Fields& step_fields(StepKind kind) {
    static const std::vector<Fields> all = [] {
        std::vector<Fields> out;
        for (StepKind k : kAllKinds) {
            Fields f{"id", "kind", "next", "branches"};
            if (k == StepKind::End) f.resize(2);
            f.insert(f.end(), kind_fields(k).begin(), kind_fields(k).end());
            out.push_back(f);
        }
        return out;
    }();
    return all[static_cast<size_t>(kind)];
}

// The fields of any kind of step, in the order unknown-kind messages list them.
const Fields& any_step_fields() {
    static const Fields all = [] {
        Fields f{"id", "kind", "next", "branches"};
        for (StepKind k : kAllKinds) f.insert(f.end(), kind_fields(k).begin(), kind_fields(k).end());
        return f;
    }();
    return all;
}

// A field that exists, just not on this kind of step: say where it belongs instead.
std::string misplaced_field(StepKind kind, const std::string& key) {
    if (kind == StepKind::End && (key == "next" || key == "branches"))
        return "an end step closes the exercise, so it can't have " + in_quotes(key);
    std::vector<std::string> owners;
    for (StepKind k : kAllKinds) {
        const auto& f = kind_fields(k);
        if (std::find(f.begin(), f.end(), key) != f.end()) owners.push_back(step_kind_name(k));
    }
    if (owners.empty()) return "";
    std::string belongs;
    for (size_t i = 0; i < owners.size(); i++)
        belongs += (i == 0 ? "" : i + 1 == owners.size() ? " and " : ", ") + owners[i];
    return validator_detail::a_kind_step(kind) + " has no " + in_quotes(key) + " (it belongs to " + belongs + " steps)";
}

void read_condition(const Node& j, const Path& path, Condition& c, validator_detail::ConditionNote& note,
                    Problems& out) {
    static const Fields tests{"equals", "includes", "at_least", "at_most", "answered", "skipped", "rose_from"};
    static const Fields fields{"step", "equals", "includes", "at_least", "at_most", "answered", "skipped", "rose_from"};
    if (!require_object(j, path, "a condition", out)) return;
    check_fields(j, path, fields, out);
    bool step_ok = read_string(j, path, "step", true, &c.step, out);

    std::vector<std::string> present;
    for (const std::string& t : tests)
        if (find(j, t)) present.push_back(t);
    if (present.empty()) {
        add(out, path, "a condition needs one test: equals, includes, at_least, at_most, answered, skipped or rose_from");
        return;
    }
    if (present.size() > 1) {
        add(out, path, "a condition holds exactly one test, but this one has " + validator_detail::in_quotes_list(present) +
                           "; give each test its own condition in \"when\" (all of them must hold)");
        return;
    }
    const std::string& test = present[0];
    const Node& v = *find(j, test);
    const Path at(path, test);
    note.test_field = test;
    bool value_ok = false;
    if (test == "equals") {
        c.test = Condition::Test::Equals;
        if (const std::string_view* s = v.if_string()) {
            c.text = std::string(*s);
            value_ok = true;
        } else if (is_whole(v)) {
            value_ok = read_int(j, path, "equals", true, 0, 10, " (a scale runs from 0 to 10)", &c.number, out);
            note.equals_number = true;
        } else {
            wrong_type(out, at, "an option id, a text or a number", v);
        }
    } else if (test == "includes" || test == "rose_from") {
        c.test = test == "includes" ? Condition::Test::Includes : Condition::Test::RoseFrom;
        value_ok = read_string(j, path, test, true, &c.text, out);
    } else if (test == "at_least" || test == "at_most") {
        c.test = test == "at_least" ? Condition::Test::AtLeast : Condition::Test::AtMost;
        value_ok = read_int(j, path, test, true, 0, 10, " (a scale runs from 0 to 10)", &c.number, out);
    } else {
        c.test = test == "answered" ? Condition::Test::Answered : Condition::Test::Skipped;
        value_ok = read_bool(j, path, test, &c.flag, out);
    }
    note.ok = step_ok && value_ok;
}

void read_branch(const Node& j, const Path& path, Branch& b, validator_detail::BranchNote& note, Problems& out) {
    if (!require_object(j, path, "a branch", out)) return;
    static const Fields fields{"when", "next"};
    check_fields(j, path, fields, out);
    if (const Node* when = read_array(j, path, "when", true, 1, SIZE_MAX, "condition", "conditions", out)) {
        const Path at(path, "when");
        b.when.reserve(when->size());
        note.when.reserve(when->size());
        for (size_t i = 0; i < when->size(); i++) {
            b.when.emplace_back();
            note.when.emplace_back();
            read_condition((*when)[i], Path(at, i), b.when.back(), note.when.back(), out);
        }
    }
    if (read_string(j, path, "next", true, &b.next, out)) {
        if (b.next.empty()) add(out, Path(path, "next"), "must name a step (or \"@return\")");
        else note.next_ok = true;
    }
}

void read_options(const Node& j, const Path& path, Step& step, Problems& out) {
    const Node* arr = read_array(j, path, "options", true, 1, kMaxOptions, "option", "options", out);
    if (!arr) return;
    const Path at(path, "options");
    std::map<std::string, size_t> first;  // option id → its index, for duplicates
    step.choices.reserve(arr->size());
    for (size_t i = 0; i < arr->size(); i++) {
        const Node& o = (*arr)[i];
        const Path op(at, i);
        step.choices.emplace_back();
        Choice& c = step.choices.back();
        if (!require_object(o, op, "an option", out)) continue;
        static const Fields fields{"id", "label", "phrase"};
        check_fields(o, op, fields, out);
        if (read_id(o, op, "id", &c.id, out)) {
            if (c.id == kOwnWords)
                add(out, Path(op, "id"), "\"other\" is kept for the reader's own words (see \"other\"); give this option another id");
            else if (!first.emplace(c.id, i).second)
                add(out, Path(op, "id"), "this step already has an option " + in_quotes(c.id) + " (" +
                                                Path(at, first[c.id]).str() + "); option ids must be unique within a step");
        }
        read_text(o, op, "label", true, kTextMax, false, &c.label, out);
        if (!read_text(o, op, "phrase", false, kTextMax, false, &c.phrase, out)) c.phrase = c.label;
    }
}

// The fields that depend on the kind of step.
void read_content(const Node& j, const Path& path, Step& step, Problems& out) {
    switch (step.kind) {
        case StepKind::Say:
        case StepKind::Pause:
        case StepKind::End:
            read_paragraphs(j, path, true, &step.text, out);
            if (step.kind == StepKind::Pause) {
                read_int(j, path, "seconds", true, 5, 600, " seconds", &step.seconds, out);
                std::string breathing;
                if (read_string(j, path, "breathing", false, &breathing, out)) {
                    if (breathing == "offered") step.breathing = Breathing::Offered;
                    else if (breathing == "none") step.breathing = Breathing::None;
                    else if (breathing == "guided") step.breathing = Breathing::Guided;
                    else
                        add(out, Path(path, "breathing"), in_quotes(breathing) +
                            " is not a way to breathe: use \"offered\" (the pacer waits for the reader), \"none\" (a quiet pause) or \"guided\"");
                }
            }
            if (step.kind == StepKind::End) read_bool(j, path, "quiet", &step.quiet, out);
            break;
        case StepKind::Text:
        case StepKind::Choice:
        case StepKind::Scale:
            read_text(j, path, "prompt", true, kPromptMax, true, &step.prompt, out);
            read_bool(j, path, "required", &step.required, out);
            read_bool(j, path, "reflect", &step.reflect, out);
            read_text(j, path, "reflect_label", false, kTextMax, false, &step.reflect_label, out);
            if (step.kind != StepKind::Scale) read_text(j, path, "hint", false, kTextMax, true, &step.hint, out);
            if (step.kind == StepKind::Text) {
                read_int(j, path, "max_length", false, 1, 5000, " characters", &step.max_length, out);
            } else if (step.kind == StepKind::Choice) {
                read_options(j, path, step, out);
                read_bool(j, path, "multiple", &step.multiple, out);
                if (const Node* other = find(j, "other")) {
                    const Path op(path, "other");
                    if (require_object(*other, op, "\"other\"", out)) {
                        static const Fields fields{"label"};
                        check_fields(*other, op, fields, out);
                        read_text(*other, op, "label", true, kTextMax, false, &step.other_label, out);
                    }
                }
            } else {
                read_text(j, path, "min_label", true, kTextMax, false, &step.min_label, out);
                read_text(j, path, "max_label", true, kTextMax, false, &step.max_label, out);
                if (read_string(j, path, "stop", false, &step.stop, out) && step.stop.empty())
                    add(out, Path(path, "stop"), "must name the end \"I'd like to stop here\" leads to; leave it out to offer no stop");
            }
            break;
    }
}

void read_step(const Node& j, const Path& path, Step& step, validator_detail::StepNote& note, Problems& out) {
    if (!require_object(j, path, "a step", out)) return;

    read_id(j, path, "id", &step.id, out);
    std::string kind_name;
    bool retired = false;  // a kind format 1 no longer has: only that is reported about it
    if (read_string(j, path, "kind", true, &kind_name, out)) {
        note.kind_ok = step_kind_from_name(kind_name, &step.kind);
        retired = kind_name == "summary";
        if (retired) {
            add(out, Path(path, "kind"), "there are no \"summary\" steps any more: the end shows the reader's words once, "
                                         "each under its question's `reflect_label` (or its prompt); give those questions "
                                         "the labels this step had, put its text in the end's, and remove it");
        } else if (!note.kind_ok) {
            std::vector<std::string> names;
            for (StepKind k : kAllKinds) names.push_back(step_kind_name(k));
            std::string suggestion = did_you_mean(kind_name, names);
            add(out, Path(path, "kind"), in_quotes(kind_name) + " is not a kind of step" +
                                                (suggestion.empty() ? "; use say, text, choice, scale, pause or end" : suggestion));
        }
    }

    // Without a known kind, only fields no kind has are reported: the rest may be right.
    if (note.kind_ok)
        check_fields(j, path, step_fields(step.kind), [&](const std::string& key) { return misplaced_field(step.kind, key); }, out);
    else if (!retired)
        check_fields(j, path, any_step_fields(), out);
    // Without a known kind there is nothing more to check in the content, but next and
    // branches are still read, so the flow checks don't report the steps after it.
    if (note.kind_ok) read_content(j, path, step, out);

    if (step.kind == StepKind::End) return;  // next/branches on an end were reported as misplaced
    if (read_string(j, path, "next", false, &step.next, out)) {
        if (step.next.empty()) add(out, Path(path, "next"), "must name a step (or \"@return\"); leave it out to go on to the following step");
        else note.has_next = true;
    }
    if (const Node* arr = read_array(j, path, "branches", false, 0, SIZE_MAX, "branch", "branches", out)) {
        const Path at(path, "branches");
        step.branches.reserve(arr->size());
        note.branches.reserve(arr->size());
        for (size_t i = 0; i < arr->size(); i++) {
            step.branches.emplace_back();
            note.branches.emplace_back();
            read_branch((*arr)[i], Path(at, i), step.branches.back(), note.branches.back(), out);
        }
    }
}

void read_exercise(const Node& root, Exercise& ex, Notes& notes, Problems& out) {
    if (!root.is_object()) {
        add(out, "", std::string("an exercise file holds one JSON object ({ … }), not ") + type_phrase(root));
        return;
    }
    static const Fields fields{"$schema", "format", "id",         "version",      "language", "title",
                               "minutes", "intro",  "disclaimer", "content_note", "sources", "safety",   "steps"};
    const Path top;  // the document: ""
    check_fields(root, top, fields, out);

    std::string format;
    if (read_string(root, top, "format", true, &format, out) && format != kFormat) {
        if (format.rfind("tend.exercise/", 0) == 0)
            add(out, "/format", "this file is " + in_quotes(format) + ", but this version of Tend reads " + in_quotes(kFormat));
        else
            add(out, "/format", "must be " + in_quotes(kFormat));
    }
    read_id(root, top, "id", &ex.id, out);
    read_text(root, top, "version", true, kMaxIdLength, false, &ex.version, out);
    if (read_string(root, top, "language", true, &ex.language, out) && !is_language_tag(ex.language))
        add(out, "/language", in_quotes(ex.language) + " is not a language tag; use a BCP 47 tag like \"en\", \"es\" or \"pt-BR\"");
    read_text(root, top, "title", true, kTextMax, false, &ex.title, out);
    read_int(root, top, "minutes", true, 1, 120, " minutes", &ex.minutes, out);
    read_text(root, top, "intro", true, kTextMax, false, &ex.intro, out);
    read_text(root, top, "disclaimer", true, kTextMax, false, &ex.disclaimer, out);
    read_text(root, top, "content_note", false, kTextMax, false, &ex.content_note, out);
    if (const Node* arr = read_array(root, top, "sources", false, 1, kMaxResources, "source", "sources", out)) {
        const Path at(top, "sources");
        for (size_t i = 0; i < arr->size(); i++) {
            const std::string_view* t = (*arr)[i].if_string();
            if (!t) {
                wrong_type(out, Path(at, i), "a string", (*arr)[i]);
                continue;
            }
            ex.sources.emplace_back(*t);
            check_text(ex.sources.back(), Path(at, i), kTextMax, false, out);
        }
    }
    if (const Node* safety = get(root, top, "safety", true, out)) read_safety(*safety, Path(top, "safety"), ex.safety, notes, out);

    const Node* steps = read_array(root, top, "steps", true, 1, kMaxSteps, "step", "steps", out);
    // Over the limit the count is the one problem: checking the rest would cost the widget work
    // and memory it doesn't have (and the author learns nothing more from it).
    if (!steps || steps->size() > kMaxSteps) return;
    ex.steps.reserve(steps->size());
    notes.steps.reserve(steps->size());
    StepIds& first = notes.first_with_id;
    first.reserve(steps->size());
    const Path steps_path(top, "steps");
    for (size_t i = 0; i < steps->size(); i++) {
        const Path path(steps_path, i);
        ex.steps.emplace_back();
        notes.steps.emplace_back();
        Step& step = ex.steps.back();
        step.index = static_cast<int>(i);
        read_step((*steps)[i], path, step, notes.steps.back(), out);
        // Every id goes in, the first step with it winning (the flow checks resolve references
        // with it), but only a well-formed one repeated is worth a problem of its own. The
        // views stay good: ex.steps was reserved, so it never moves.
        if (step.id.empty()) continue;
        const int seen = first.add(step.id, static_cast<int>(i));
        if (!is_valid_id(step.id)) continue;
        if (seen == static_cast<int>(i)) notes.steps.back().id_ok = true;
        else
            add(out, Path(path, "id"), in_quotes(step.id) + " is already the id of " + Path(steps_path, static_cast<size_t>(seen)).str() +
                                              "; step ids must be unique");
    }
}

// ---- document order --------------------------------------------------------------------
// The tree keeps object members in key order (as nlohmann::json does), so the file's own key
// order is gone. Problems are sorted by path instead, with object keys in the order the
// format lists them (which is how exercises are written): array items by index, known
// fields by that order, unknown ones after them. Problems at the same path keep the order
// they were found in.

int field_rank(const std::string& key) {
    static const char* const order[] = {
        "$schema", "format", "id", "kind", "version", "language", "title", "minutes", "intro", "disclaimer",
        "content_note", "sources", "safety", "step", "resources", "label", "text", "link", "prompt", "hint", "max_length",
        "required", "reflect", "reflect_label", "options", "phrase", "multiple", "other", "min_label", "max_label", "stop",
        "seconds", "breathing", "quiet", "when",
        "equals", "includes", "at_least", "at_most", "answered", "skipped", "rose_from", "next", "branches", "steps"};
    for (size_t i = 0; i < sizeof(order) / sizeof(order[0]); i++)
        if (key == order[i]) return static_cast<int>(i);
    return 1000;
}

std::vector<std::string> segments(const std::string& path) {
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos < path.size()) {
        size_t next = path.find('/', pos + 1);
        out.push_back(path.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1));
        pos = next == std::string::npos ? path.size() : next;
    }
    return out;
}

bool is_index(const std::string& s) {
    if (s.empty() || s.size() > 9) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

long index_value(const std::string& s) {  // is_index() has checked it: at most 9 digits
    long n = 0;
    for (char c : s) n = n * 10 + (c - '0');
    return n;
}

// Whether a path (split into segments) comes before another in document order.
bool document_order(const std::vector<std::string>& sa, const std::vector<std::string>& sb) {
    for (size_t i = 0; i < sa.size() && i < sb.size(); i++) {
        if (sa[i] == sb[i]) continue;
        if (is_index(sa[i]) && is_index(sb[i])) return index_value(sa[i]) < index_value(sb[i]);
        int ra = field_rank(sa[i]), rb = field_rank(sb[i]);
        if (ra != rb) return ra < rb;
        return sa[i] < sb[i];
    }
    return sa.size() < sb.size();
}

// A stable sort into document order. Each path is split once, not at every comparison: a
// broken file can have thousands of problems. Problems at the same place are ordered by when
// they were found, so no two compare equal and any sort gives the order a stable sort would.
// A heap sort, because it is the least code (std::stable_sort costs the widget ~3 KB,
// std::sort ~1.5 KB) and stays within the array whatever the comparison says. (Unknown fields
// named like numbers beside other unknown fields, such as "9", "10" and "1x", make
// document_order() go round in a circle: their order is arbitrary.)
void sort_in_document_order(Problems& problems) {
    if (problems.size() < 2) return;
    std::vector<std::vector<std::string>> paths;
    paths.reserve(problems.size());
    for (const Problem& p : problems) paths.push_back(segments(p.path));
    std::vector<size_t> order(problems.size());
    for (size_t i = 0; i < order.size(); i++) order[i] = i;
    auto before = [&](size_t a, size_t b) {
        if (document_order(paths[a], paths[b])) return true;
        return !document_order(paths[b], paths[a]) && a < b;
    };
    std::make_heap(order.begin(), order.end(), before);
    std::sort_heap(order.begin(), order.end(), before);
    Problems sorted;
    sorted.reserve(problems.size());
    for (size_t i : order) sorted.push_back(std::move(problems[i]));
    problems = std::move(sorted);
}

// "promt" is both an unknown field and a missing "prompt"; saying so twice adds nothing.
// Drops a missing-field problem when an unknown field in the same object suggests that name.
void drop_missing_explained_by_typos(Problems& problems) {
    const std::string missing = "missing required field ", unknown = "unknown field ", mean = "(did you mean ";
    std::set<std::pair<std::string, std::string>> suggested;  // (object path, "\"field\"")
    for (const Problem& p : problems) {
        size_t slash = p.path.rfind('/'), at = p.message.find(mean);
        if (slash == std::string::npos || p.message.rfind(unknown, 0) != 0 || at == std::string::npos) continue;
        size_t end = p.message.find('?', at);
        if (end != std::string::npos) suggested.emplace(p.path.substr(0, slash), p.message.substr(at + mean.size(), end - at - mean.size()));
    }
    if (suggested.empty()) return;
    problems.erase(std::remove_if(problems.begin(), problems.end(),
                                  [&](const Problem& p) {
                                      return p.message.rfind(missing, 0) == 0 &&
                                             suggested.count({p.path, p.message.substr(missing.size())}) > 0;
                                  }),
                   problems.end());
}

}  // namespace

ExerciseLoad load_exercise(const std::string& text, ExerciseChecks checks) {
    ExerciseLoad load;
    JsonTreeParse parsed = parse_json_tree(text);
    if (!parsed.ok) {
        load.problems.push_back({parsed.error_path, parsed.error});
        return load;
    }

    Exercise exercise;
    Notes notes;
    read_exercise(parsed.tree.root(), exercise, notes, load.problems);
    // The flow checks need a whole document: steps to point at, and a safety section.
    if (checks == ExerciseChecks::All && parsed.tree.root().is_object() && !exercise.steps.empty())
        validator_detail::check_flow(exercise, notes, load.problems);

    drop_missing_explained_by_typos(load.problems);
    sort_in_document_order(load.problems);
    if (load.problems.empty()) load.exercise = std::move(exercise);
    return load;
}

}  // namespace tend
