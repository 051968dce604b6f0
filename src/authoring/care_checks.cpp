// Tend: care checks (see care_checks.h for what they are for).
//
// Each check is a small function appending Problems; care_checks() runs them in the order an
// author would fix them: how paths close, the safety path, scale rises, check-ins and their
// quiet ends, breathing pacers, then per-step wording and length. Everything here is search
// over the step graph (step_graph.h): conditions are not evaluated, so a check that says "a
// path reaches …" means a path the step graph allows, which is the cautious reading for a
// reader who may be hurting.
#include "care_checks.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "step_graph.h"
#include "text.h"

namespace tend {

namespace {

// Words that tell a hurting reader what they must do, or name them as ill. Tend's voice
// invites ("if it feels okay, you might…") and describes experience in plain words; these
// phrases are flagged wherever the reader meets the guide's voice. They are matched as
// whole words, case-insensitively, so "brokenness" or "you shouldn't" are left alone: the
// list is a nudge for authors, not a filter, and a clinician has the last word.
// One table so a practice can extend it (or add a language) in one place.
struct Wording {
    const char* phrase;
    const char* why;         // what the reader may hear
    const char* suggestion;  // what to try instead
};
constexpr Wording kWordings[] = {
    {"you must", "can sound like a demand", "try 'if it feels okay, you might…'"},
    {"you should", "can sound like a demand", "try 'if it feels okay, you might…'"},
    {"you need to", "can sound like a demand", "try 'if it feels okay, you might…'"},
    {"wrong with you", "can sound like a verdict on the reader", "try naming what is hard, e.g. 'what feels hard right now'"},
    {"crazy", "can sound like a label", "try describing the experience, e.g. 'overwhelming' or 'a lot'"},
    {"broken", "can sound like a verdict on the reader", "try 'hurting' or 'struggling'"},
    {"disorder", "is a clinical label", "try plain words for the experience, e.g. 'what you are going through'"},
    {"dysfunctional", "is a clinical label", "try plain words for the experience, e.g. 'what you are going through'"},
    {"symptom", "is a clinical label", "try plain words for the experience, e.g. 'what you notice'"},
    {"fix yourself", "suggests the reader is the problem", "try 'be with what is here'"},
    {"just relax", "can dismiss what the reader feels", "try 'if it helps, you might let your breath slow'"},
    {"calm down", "can dismiss what the reader feels", "try 'if it helps, you might let your breath slow'"},
    // Spanish. Every entry applies to every exercise whatever its language: these words are
    // unlikely in another language's text, and a false alarm costs an author a moment.
    {"debes", "puede sonar a una orden", "prueba 'si te parece bien, podrías…'"},
    {"tienes que", "puede sonar a una orden", "prueba 'si te parece bien, podrías…'"},
    {"trastorno", "es una etiqueta clínica", "prueba con palabras sencillas, p. ej. 'lo que estás viviendo'"},
    {"loco", "puede sonar a una etiqueta", "prueba describir la experiencia, p. ej. 'abrumador'"},
    {"loca", "puede sonar a una etiqueta", "prueba describir la experiencia, p. ej. 'abrumadora'"},
};

// Questions that lead toward old wounds: where a part began, what it has held back, what
// happened long ago. A reader alone with a blog post meets them without a therapist beside
// them; the post asks about a part's fears and intentions now, and leaves the rest to therapy.
// Matched like kWordings, in questions only (their prompts, hints and options): a paragraph
// may well say that parts "soften over time".
constexpr const char* kTowardOrigins[] = {
    "when it started", "when did it start", "when did this start", "when it began", "how long has", "remember when",
    "the first time", "as a child", "when you were young", "when you were little", "childhood", "what happened to you",
    "protect you from", "all this time", "holding at a distance", "a memory", "memories", "trauma",
    "cuándo empezó", "cuándo comenzó", "desde cuándo", "de niño", "de niña", "infancia", "recuerdas cuándo",
    "qué te pasó", "protegerte de", "todo este tiempo", "un recuerdo", "recuerdos",
};

// Readable lengths, in characters (code points). Stricter than the validator's caps: a prompt
// should fit a phone screen with the keyboard open, an option label should fit one button.
struct Limits {
    size_t prompt = 300;
    size_t paragraph = 420;
    size_t hint = 200;
    size_t label = 90;
};
constexpr Limits kLimits;

// From the position in `steps` (what Step::index holds after load_exercise), so an exercise
// built in code gets the same paths.
std::string step_path(size_t i) { return "/steps/" + std::to_string(i); }

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// What the checks below ask of the step graph, in their words.
struct Flow {
    explicit Flow(const Exercise& ex) : ex(ex), graph(ex), safety(graph.safety_start()) {}

    bool is_end(int i) const { return ex.steps[static_cast<size_t>(i)].kind == StepKind::End; }
    size_t size() const { return ex.steps.size(); }

    // Every step flow can reach from `from`, including it. A step in `stop` is met but not
    // passed through. "@return" is never followed: where it leads depends on the reader.
    StepSet reach(int from, const StepSet* stop = nullptr) const {
        return from < 0 ? StepSet(size(), 0) : tend::reach(graph.successors(), {from}, stop);
    }

    // Every step from which flow can reach `to`, including it: one search backwards rather
    // than one forwards from each step.
    StepSet leads_to(int to) const {
        StepSet found(size(), 0);
        found[static_cast<size_t>(to)] = 1;
        spread_back(graph.predecessors(), found);
        return found;
    }

    bool any_end(const StepSet& met) const {
        for (size_t i = 0; i < met.size(); i++)
            if (met[i] && is_end(static_cast<int>(i))) return true;
        return false;
    }

    const Exercise& ex;
    StepGraph graph;
    int safety = -1;  // the grounding path's first step
};

// ---- every path ends with a closing step ------------------------------------------------

void check_paths_close(const Flow& g, std::vector<Problem>* out) {
    const Exercise& ex = g.ex;
    for (size_t i = 0; i < ex.steps.size(); i++)
        if (const Step& s = ex.steps[i]; s.kind != StepKind::End && g.graph.edges(static_cast<int>(i)).empty())
            out->push_back({step_path(i), "nothing comes after this " + std::string(step_kind_name(s.kind)) +
                                              " step: every path should close with an `end` step, so a reader "
                                              "is never left without a goodbye"});

    if (ex.steps.empty() || g.safety == 0) return;  // check_safety says what is wrong with the latter
    StepSet stop(g.size(), 0);
    if (g.safety >= 0) stop[g.safety] = 1;
    StepSet main = g.reach(0, &stop);
    if (g.safety >= 0) main[g.safety] = 0;
    // A quiet end is a kind way to stop (after "I'd like to stop here"), not a way to finish.
    for (size_t i = 0; i < main.size(); i++)
        if (main[i] && ex.steps[i].quiet) main[i] = 0;
    if (!g.any_end(main))
        out->push_back({"/steps/0", "no path from the first step reaches an `end` without going through the safety "
                                    "path: add a closing `end` step to the main path, so finishing doesn't "
                                    "depend on taking a pause"});
}

// ---- safety and crisis help -------------------------------------------------------------

bool safe_link(const std::string& link) {
    auto starts = [&](const char* p) { return link.rfind(p, 0) == 0; };
    return starts("tel:") || starts("sms:") || starts("https:");
}

void check_safety(const Flow& g, std::vector<Problem>* out) {
    const Exercise& ex = g.ex;
    if (g.safety < 0) {
        out->push_back({"/safety/step", ex.safety.step.empty()
                                            ? "there is no safety step: name the first step of a grounding path"
                                            : "there is no step " + quoted(ex.safety.step) +
                                                  ": the safety path must start at a step of this exercise"});
    } else {
        StepSet path = g.reach(g.safety);
        bool can_return = false;
        for (size_t i = 0; i < path.size(); i++) can_return = can_return || (path[i] && g.graph.returns(static_cast<int>(i)));
        bool can_stop = g.any_end(path);
        if (!can_return || !can_stop) {
            std::string missing;
            if (!can_return) missing = "a way back (a step whose `next` or a branch is \"@return\")";
            if (!can_stop) {
                if (!missing.empty()) missing += " and ";
                missing += "a kind way to stop (an `end` step the grounding path can lead to, e.g. after "
                           "\"I'd like to stop here for today\")";
            }
            out->push_back({"/safety/step", "the safety path starting at " + quoted(ex.safety.step) + " offers no " +
                                                missing + ": a reader who pauses should be able to come back "
                                                          "or to stop gently"});
        }
    }

    // The widget offers the reader's region's crisis lines (src/screen/help), so an exercise's
    // own resources are extras, beside them: none is fine, but a list should be usable at once.
    if (ex.safety.resources.empty()) return;
    bool linked = false;
    for (const Resource& r : ex.safety.resources) linked = linked || safe_link(r.link);
    if (!linked)
        out->push_back({"/safety/resources", "no crisis resource has a link a reader can use at once: give at least "
                                             "one a tel:, sms: or https: link (e.g. \"tel:988\")"});
}

// ---- a breathing pacer only where the words invite breathing -----------------------------

// Lower-case ASCII copy (the words below are ASCII; accented letters pass through).
std::string lowered(const std::string& s) {
    std::string out = s;
    for (char& c : out) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    return out;
}

// Roots that speak of breathing ("breath", "breathe", "out-breath"; "respira", "inhala").
constexpr const char* kBreathWords[] = {"breath", "respir", "inhal", "exhal"};
// Words that leave the breath alone, which a pacer's "Breathe in, gently" would contradict.
constexpr const char* kBreathLeftAlone[] = {
    "breath be just as it is", "let your breath be", "breath find its own", "breathe naturally",
    "breathe however", "respiración sea como es", "deja que la respiración sea", "respiración encuentre su",
};

void check_breathing(const Flow& g, std::vector<Problem>* out) {
    for (size_t i = 0; i < g.size(); i++) {
        const Step& s = g.ex.steps[i];
        if (s.kind != StepKind::Pause || s.breathing == Breathing::None) continue;
        std::string words;
        for (const std::string& t : s.text) words += lowered(t) + "\n";
        const char* how = s.breathing == Breathing::Guided ? "a guided" : "an offered";
        bool left_alone = false;
        for (const char* w : kBreathLeftAlone) left_alone = left_alone || words.find(w) != std::string::npos;
        bool invites = false;
        for (const char* w : kBreathWords) invites = invites || words.find(w) != std::string::npos;
        if (left_alone)
            out->push_back({step_path(i) + "/breathing",
                            "these words leave the breath just as it is, but " + std::string(how) +
                                " pacer would ask the reader to breathe in and out beside them: set \"breathing\": "
                                "\"none\" for a quiet pause"});
        else if (!invites)
            out->push_back({step_path(i) + "/breathing",
                            "this pause's words don't invite breathing, but it has a breathing pacer (" +
                                std::string(how) + "): set \"breathing\": \"none\" for a quiet pause, or say in "
                                                   "its words what the breath is for"});
    }
}

// ---- check-ins: a way to stop, and a quiet end after it --------------------------------

// The branches of a choice step that its own options decide (`equals` or `includes` on it).
bool decided_by(const Step& s, const Branch& br) {
    if (br.when.empty()) return false;
    for (const Condition& c : br.when)
        if (c.step != s.id || (c.test != Condition::Test::Equals && c.test != Condition::Test::Includes)) return false;
    return true;
}

// A check-in asks how the reader is doing and can lead to the grounding path: a choice one of
// whose options ("This is a lot right now") does, or a scale with a branch there (a distress
// check: "How are you doing right now?", high or rising → grounding). Its stops are the ends
// it leads straight to on "I'd like to stop here" (a choice's option, a scale's `stop`), with
// no grounding screens in between.
struct CheckIn {
    int step;
    std::vector<int> stops;
};

std::vector<CheckIn> check_ins(const Flow& g) {
    std::vector<CheckIn> out;
    if (g.safety < 0) return out;
    for (size_t i = 0; i < g.size(); i++) {
        const Step& s = g.ex.steps[i];
        if ((s.kind != StepKind::Choice && s.kind != StepKind::Scale) || static_cast<int>(i) == g.safety) continue;
        CheckIn c{static_cast<int>(i), {}};
        bool to_safety = false;
        for (const Branch& br : s.branches) {
            if (s.kind == StepKind::Choice && !decided_by(s, br)) continue;
            int to = g.graph.index_of(br.next);
            if (to == g.safety) to_safety = true;
            else if (s.kind == StepKind::Choice && to >= 0 && g.is_end(to)) c.stops.push_back(to);
        }
        const int stop = g.graph.index_of(s.stop);
        if (stop >= 0 && g.is_end(stop)) c.stops.push_back(stop);
        if (to_safety) out.push_back(c);
    }
    return out;
}

void check_check_ins(const Flow& g, std::vector<Problem>* out) {
    for (const CheckIn& c : check_ins(g)) {
        if (!c.stops.empty()) continue;
        const bool scale = g.ex.steps[static_cast<size_t>(c.step)].kind == StepKind::Scale;
        out->push_back({step_path(static_cast<size_t>(c.step)),
                        std::string("this check-in offers grounding but no way to stop: ") +
                            (scale ? "give it a \"stop\" naming a quiet `end` (\"I'd like to stop here\" then leads "
                                     "straight there)"
                                   : "add an option such as \"I'd like to stop here\" whose branch leads straight to "
                                     "a quiet `end`") +
                            ", so a reader who has had enough doesn't need the grounding screens to leave"});
    }
}

// An end a reader meets after "this is a lot" (anywhere the grounding path leads) or after
// stopping at a check-in: no call to action there, and their words folded away.
void check_quiet_ends(const Flow& g, std::vector<Problem>* out) {
    std::vector<std::string> why(g.size());
    if (g.safety >= 0) {
        const StepSet from_safety = g.reach(g.safety);
        for (size_t i = 0; i < g.size(); i++)
            if (from_safety[i] && g.is_end(static_cast<int>(i))) why[i] = "the grounding path leads here";
    }
    for (const CheckIn& c : check_ins(g))
        for (int e : c.stops)
            if (why[static_cast<size_t>(e)].empty())
                why[static_cast<size_t>(e)] = "a reader comes here by stopping at " + quoted(g.ex.steps[c.step].id);
    for (size_t i = 0; i < g.size(); i++)
        if (!why[i].empty() && !g.ex.steps[i].quiet)
            out->push_back({step_path(i), why[i] + ": set \"quiet\": true, so the close after a hard moment has "
                                                   "no call to action and keeps the reader's words folded away"});
}

// ---- a rise on a scale is followed by a grounding offer ----------------------------------

void check_rises(const Flow& g, std::vector<Problem>* out) {
    const Exercise& ex = g.ex;
    if (g.safety < 0) return;  // check_safety reports it; there is nothing to lead to

    // Steps from which the safety step can be reached. An end has no successors, so any such
    // path reaches the safety step before any end.
    const StepSet leads_to_safety = g.leads_to(g.safety);
    auto towards_safety = [&](const std::string& id) {
        int i = g.graph.index_of(id);
        return i >= 0 && leads_to_safety[i];
    };

    std::vector<int> scales;
    for (size_t i = 0; i < g.size(); i++)
        if (ex.steps[i].kind == StepKind::Scale) scales.push_back(static_cast<int>(i));
    std::map<int, StepSet> reach_from;
    for (int a : scales) reach_from[a] = g.reach(a);

    // Guards, by the scale B they watch: steps with a branch that notices B being high (any
    // A), or B rising from a particular A, and leads towards grounding. One pass over every
    // branch, rather than one per scale.
    struct Guards {
        std::vector<int> high;
        std::map<std::string, std::vector<int>> rise;  // A's id → steps
    };
    std::map<std::string, Guards> guards_of;  // B's id → its guards
    for (size_t gi = 0; gi < g.size(); gi++)
        for (const Branch& br : ex.steps[gi].branches) {
            if (!towards_safety(br.next)) continue;
            for (const Condition& c : br.when) {
                if (c.test == Condition::Test::AtLeast) guards_of[c.step].high.push_back(static_cast<int>(gi));
                if (c.test == Condition::Test::RoseFrom) guards_of[c.step].rise[c.text].push_back(static_cast<int>(gi));
            }
        }
    const Guards none{};  // for a scale no branch watches
    // A check-in's "I'd like to stop here" is chosen beside its "This is a lot right now": the
    // end it leads straight to comes with a grounding offer, so it is met but not counted.
    std::vector<int> offered_stops;
    for (const CheckIn& c : check_ins(g)) offered_stops.insert(offered_stops.end(), c.stops.begin(), c.stops.end());

    for (int b : scales) {
        const std::string& b_id = ex.steps[b].id;
        auto found = guards_of.find(b_id);
        const std::vector<int>& high_guards = found == guards_of.end() ? none.high : found->second.high;
        const std::map<std::string, std::vector<int>>& rise_guards =
            found == guards_of.end() ? none.rise : found->second.rise;

        std::map<std::vector<int>, bool> unguarded_for;  // guard set → an end is reachable around it
        for (int a : scales) {
            if (a == b || !reach_from[a][b]) continue;
            const std::string& a_id = ex.steps[a].id;
            std::vector<int> guards = high_guards;
            auto rg = rise_guards.find(a_id);
            if (rg != rise_guards.end()) guards.insert(guards.end(), rg->second.begin(), rg->second.end());
            std::sort(guards.begin(), guards.end());
            guards.erase(std::unique(guards.begin(), guards.end()), guards.end());

            auto known = unguarded_for.find(guards);
            if (known == unguarded_for.end()) {
                // Entering the safety step is itself a grounding offer, so the search stops there too.
                StepSet stop(g.size(), 0);
                for (int s : guards) stop[s] = 1;
                for (int s : offered_stops) stop[s] = 1;
                stop[g.safety] = 1;
                StepSet met = g.reach(b, &stop);
                bool unguarded = false;
                for (size_t i = 0; i < met.size(); i++)
                    if (met[i] && !stop[i] && g.is_end(static_cast<int>(i))) unguarded = true;
                known = unguarded_for.emplace(guards, unguarded).first;
            }
            if (known->second)
                out->push_back({step_path(static_cast<size_t>(b)),
                                quoted(b_id) + " can show a rise from " + quoted(a_id) +
                                    ", but a path reaches the end without offering grounding: add a branch {\"step\": " +
                                    quoted(b_id) + ", \"rose_from\": " + quoted(a_id) +
                                    "} that leads to the safety path"});
        }
    }
}

// ---- wording and length, field by field --------------------------------------------------

char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Decodes the UTF-8 code point starting at byte i (lenient: a stray byte is itself).
char32_t decode_at(const std::string& s, size_t i, size_t* len) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (i + n > s.size()) n = 1;
    char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < n; k++) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    *len = static_cast<size_t>(n);
    return cp;
}

size_t previous_start(const std::string& s, size_t i) {
    do i--;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80);
    return i;
}

// Letters and digits, roughly: ASCII alphanumerics and every non-ASCII character except the
// punctuation blocks (curly quotes, dashes, ellipsis, ¿¡«», ideographic punctuation).
bool word_char(char32_t cp) {
    if (cp < 0x80) return std::isalnum(static_cast<int>(cp)) != 0;
    if (cp <= 0xBF) return false;
    if (cp >= 0x2000 && cp <= 0x206F) return false;
    if (cp >= 0x3000 && cp <= 0x303F) return false;
    return true;
}

bool apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }

// Whether the text around a match continues the word: an apostrophe counts only between
// letters, so "you shouldn't" is a different word but 'broken' in quotes is still found.
bool word_after(const std::string& s, size_t i) {
    if (i >= s.size()) return false;
    size_t len;
    char32_t cp = decode_at(s, i, &len);
    if (word_char(cp)) return true;
    if (!apostrophe(cp) || i + len >= s.size()) return false;
    size_t len2;
    return word_char(decode_at(s, i + len, &len2));
}

bool word_before(const std::string& s, size_t i) {
    if (i == 0) return false;
    size_t at = previous_start(s, i), len;
    char32_t cp = decode_at(s, at, &len);
    if (word_char(cp)) return true;
    if (!apostrophe(cp) || at == 0) return false;
    return word_char(decode_at(s, previous_start(s, at), &len));
}

// The whitespace a space in a phrase matches: the four JSON whitespace characters, not
// text.h's is_space (which adds \f and \v).
bool phrase_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Whole-word, case-insensitive (ASCII) match of `phrase` in `text`; a space in the phrase
// matches any run of phrase_space() characters.
bool contains_phrase(const std::string& text, const char* phrase) {
    std::string p(phrase);
    for (size_t start = 0; start < text.size(); start++) {
        if (lower_ascii(text[start]) != p[0] || word_before(text, start)) continue;
        size_t t = start, i = 0;
        while (i < p.size() && t < text.size()) {
            if (p[i] == ' ') {
                if (!phrase_space(text[t])) break;
                while (t < text.size() && phrase_space(text[t])) t++;
                i++;
            } else if (lower_ascii(text[t]) == p[i]) {
                t++;
                i++;
            } else {
                break;
            }
        }
        if (i == p.size() && !word_after(text, t)) return true;
    }
    return false;
}

void check_wording(const std::string& path, const std::string& text, std::vector<Problem>* out) {
    for (const Wording& w : kWordings)
        if (contains_phrase(text, w.phrase))
            out->push_back({path, quoted(w.phrase) + " " + w.why + ": " + w.suggestion});
}

void check_length(const std::string& path, const std::string& text, size_t limit, const char* what,
                  std::vector<Problem>* out) {
    size_t n = code_points(text);
    if (n > limit)
        out->push_back({path, "this " + std::string(what) + " is " + std::to_string(n) + " characters; keep it within " +
                                  std::to_string(limit) + " so it reads comfortably on a phone"});
}

void check_toward_origins(const std::string& path, const std::string& text, std::vector<Problem>* out) {
    for (const char* phrase : kTowardOrigins)
        if (contains_phrase(text, phrase)) {
            out->push_back({path, quoted(phrase) + " leads toward where a part began or what it holds back, which a "
                                                   "reader alone with a post shouldn't be asked: ask in the present "
                                                   "tense what the part fears, or hopes to do for the reader now"});
            return;  // one problem for one question text is enough to send the author back to it
        }
}

void check_reader_text(const std::string& path, const std::string& text, size_t limit, const char* what,
                       std::vector<Problem>* out) {
    if (limit) check_length(path, text, limit, what, out);
    check_wording(path, text, out);
}

// The disclaimer and the crisis resources are left out of the wording check on purpose:
// they are where plain safety language belongs ("if you need to talk to someone now…").
void check_step_text(const Exercise& ex, std::vector<Problem>* out) {
    check_reader_text("/title", ex.title, 0, "", out);
    check_reader_text("/intro", ex.intro, 0, "", out);
    if (!ex.content_note.empty()) check_reader_text("/content_note", ex.content_note, 0, "", out);

    for (size_t n = 0; n < ex.steps.size(); n++) {
        const Step& s = ex.steps[n];
        const std::string p = step_path(n);
        for (size_t i = 0; i < s.text.size(); i++)
            check_reader_text(p + "/text/" + std::to_string(i), s.text[i], kLimits.paragraph, "paragraph", out);
        if (!s.prompt.empty()) check_reader_text(p + "/prompt", s.prompt, kLimits.prompt, "prompt", out);
        if (!s.hint.empty()) check_reader_text(p + "/hint", s.hint, kLimits.hint, "hint", out);
        if (is_question(s.kind)) {
            check_toward_origins(p + "/prompt", s.prompt, out);
            if (!s.hint.empty()) check_toward_origins(p + "/hint", s.hint, out);
            for (size_t i = 0; i < s.choices.size(); i++)
                check_toward_origins(p + "/options/" + std::to_string(i) + "/label", s.choices[i].label, out);
        }
        for (size_t i = 0; i < s.choices.size(); i++) {
            const std::string op = p + "/options/" + std::to_string(i);
            check_reader_text(op + "/label", s.choices[i].label, kLimits.label, "option label", out);
            if (!s.choices[i].phrase.empty() && s.choices[i].phrase != s.choices[i].label)
                check_reader_text(op + "/phrase", s.choices[i].phrase, 0, "", out);
        }
        if (!s.other_label.empty()) check_reader_text(p + "/other/label", s.other_label, kLimits.label, "option label", out);
        if (s.kind == StepKind::Scale) {
            check_reader_text(p + "/min_label", s.min_label, 0, "", out);
            check_reader_text(p + "/max_label", s.max_label, 0, "", out);
        }
        if (!s.reflect_label.empty()) check_reader_text(p + "/reflect_label", s.reflect_label, 0, "", out);

        if (is_question(s.kind) && s.required)
            out->push_back({p + "/required", "every question can be skipped in a care-checked exercise: remove "
                                             "\"required\": true (a reader who can't answer should still be able to "
                                             "go on)"});
    }
}

}  // namespace

std::vector<Problem> care_checks(const Exercise& exercise) {
    std::vector<Problem> out;
    const Flow graph(exercise);
    check_paths_close(graph, &out);
    check_safety(graph, &out);
    check_rises(graph, &out);
    check_check_ins(graph, &out);
    check_quiet_ends(graph, &out);
    check_breathing(graph, &out);
    check_step_text(exercise, &out);
    return out;
}

}  // namespace tend
