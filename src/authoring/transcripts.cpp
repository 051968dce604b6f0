// Tend: every path through an exercise, walked with the real engine (see transcripts.h).
//
// The walk is a depth-first search over Session copies sharing one MemoryStore (nothing is
// ever read back from it) and a fixed clock, so the same exercise always gives the same
// bytes. At a question, the candidate answers (each option, own words, every scale value,
// a placeholder reply, skip) are grouped by how the exercise's conditions would see them,
// and one answer per group is tried. A path stops at an `end`, after kMaxSteps steps, or
// when it comes back to a step with exactly the answers it had there before: everything
// from that point on has already been walked on this very path.
//
// One more walk is added on its own: "Pause and get help" on the first step, through the
// safety path until it returns, so a clinician reads the grounding path even when no branch
// leads there. For that walk, returning is its close, and it counts as reaching an end.
//
// Nothing here throws, so a failure is a message rather than an abort: std::filesystem only
// through its std::error_code overloads, files through stdio.
#include "transcripts.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <set>
#include <system_error>

#include "conditions.h"
#include "content_hash.h"
#include "screen/screen_model.h"
#include "session.h"
#include "store.h"

namespace tend {

namespace {

constexpr const char* kReplyPlaceholder = "[the reader’s words]";
constexpr const char* kOwnWordsPlaceholder = "[the reader’s own words]";
constexpr size_t kMaxSteps = 200;
// Non-zero: a session with finished_ms == 0 isn't finished.
constexpr int64_t kFixedClockMs = 1700000000000;
// How many walks may end (kept or not) before the search gives up and says it is truncated:
// distinct answer groups can multiply faster than distinct step sequences.
constexpr size_t kMaxWalks = kMaxTranscripts * 50;

// One answer the walk can give at a question.
struct Candidate {
    enum class Kind { Option, Own, Scale, Reply, Skip, Stop };  // Stop: "I'd like to stop here" (a scale's `stop`)
    Kind kind = Kind::Skip;
    std::string value;  // Option: the option id; Reply: the text typed
    int number = -1;    // Scale
};

// The answer a candidate leaves behind, as answer.h defines it.
Answer as_answer(const Candidate& c) {
    Answer a;
    switch (c.kind) {
        case Candidate::Kind::Option: a.chosen = {c.value}; break;
        case Candidate::Kind::Own: a.other_selected = true; a.other = kOwnWordsPlaceholder; break;
        case Candidate::Kind::Scale: a.number = c.number; break;
        case Candidate::Kind::Reply: a.text = c.value; break;
        case Candidate::Kind::Skip: a.skipped = true; break;
        case Candidate::Kind::Stop: break;  // leaves no answer
    }
    return a;
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// The reader's answer as a transcript line.
std::string answer_line(const Step& step, const Candidate& c) {
    switch (c.kind) {
        case Candidate::Kind::Option:
            for (const Choice& o : step.choices)
                if (o.id == c.value) return "→ chose: " + o.label + "\n\n";
            return "→ chose: " + c.value + "\n\n";
        case Candidate::Kind::Own: return "→ chose: " + step.other_label + ": " + kOwnWordsPlaceholder + "\n\n";
        case Candidate::Kind::Scale: return "→ " + std::to_string(c.number) + "\n\n";
        case Candidate::Kind::Reply: return "→ " + c.value + "\n\n";
        case Candidate::Kind::Skip: return "→ skipped\n\n";
        case Candidate::Kind::Stop: return "→ taps “I’d like to stop here”\n\n";
    }
    return "\n";
}

// How a pause offers its pacer, in the transcript's words (what the reviewer must imagine).
const char* breathing_note(Breathing b) {
    switch (b) {
        case Breathing::Guided: return "the breathing pacer starts by itself";
        case Breathing::Offered: return "the breathing pacer waits, still, until the reader chooses it";
        case Breathing::None: return "a quiet pause, with no pacer and no breathing cues";
    }
    return "";
}

// The step as the reader sees it (`step`: the exercise's own, for what the view doesn't say).
std::string render(const StepView& v, const Step* step) {
    std::string out = "--- ";
    out += v.in_safety ? "Pause " : "Step ";
    out += std::to_string(v.step_number) + " of about " + std::to_string(v.step_total);
    if (v.in_safety) out += " (taking a pause)";
    out += " · " + v.step_id + " (" + step_kind_name(v.kind) + ") ---\n";
    for (const std::string& p : v.paragraphs) out += p + "\n\n";
    if (!v.prompt.empty()) out += v.prompt + "\n";
    if (!v.hint.empty()) out += "(" + v.hint + ")\n";
    for (size_t i = 0; i < v.choices.size(); i++) out += "  " + std::to_string(i + 1) + ". " + v.choices[i].label + "\n";
    if (!v.other_label.empty()) out += "  other: " + v.other_label + "\n";
    if (v.kind == StepKind::Choice && v.multiple) out += "  (more than one may be chosen)\n";
    if (v.kind == StepKind::Scale)
        out += "  " + std::to_string(v.scale_min) + " = " + v.min_label + " … " + std::to_string(v.scale_max) + " = " +
               v.max_label + "\n";
    if (v.kind == StepKind::Pause)
        out += "[a " + std::to_string(v.seconds) + "-second pause" +
               (step ? std::string("; ") + breathing_note(step->breathing) : std::string()) + "]\n";
    if (step && is_question(step->kind) && !step->reflect) out += "(not among the reader’s words at the end)\n";
    if (v.is_end) out += step && step->quiet ? "[end, quiet: no call to action, the reader’s words folded away]\n" : "[end]\n";
    if (!v.prompt.empty() || !v.choices.empty() || v.kind == StepKind::Scale || v.kind == StepKind::Pause ||
        v.is_end)
        out += "\n";
    return out;
}

// What the end lists under "Your words today" on this path, as the widget lists it.
std::string end_words(const Exercise& ex, const SessionState& s, bool quiet) {
    std::string out;
    for (const screen::Reflection& r : screen::words_of(ex, s)) out += "  " + r.label + ": " + r.text + "\n";
    if (out.empty()) return "";
    return (quiet ? "Your words today (folded away; one tap shows them):\n" : "Your words today:\n") + out + "\n";
}

// Where the reader is and everything they have answered: two visits with the same key
// continue identically.
std::string state_key(const SessionState& s) {
    std::string key = s.current + '\x1f' + s.return_to + (s.in_safety() ? "\x1fS" : "\x1f-");
    for (const auto& [id, a] : s.answers) {
        key += '\x1e' + id + '\x1f' + (a.skipped ? "s" : "-") + (a.other_selected ? "o" : "-") + '\x1f' + a.text + '\x1f' +
               a.other + '\x1f' + std::to_string(a.number);
        for (const std::string& c : a.chosen) key += '\x1f' + c;
    }
    return key;
}

struct Walk {
    Session session;
    std::vector<std::string> steps;  // step ids met
    std::string body;                // the transcript so far, without its header
    std::set<std::string> seen;      // state_key()s met on this path
};

struct Found {
    Transcript transcript;
    bool pause_walk = false;
};

class Explorer {
public:
    explicit Explorer(const Exercise& ex) : ex_(ex) {
        for (const Step& s : ex.steps)
            for (const Branch& b : s.branches)
                for (const Condition& c : b.when) {
                    mentions_[c.step].push_back(&c);
                    if (c.test == Condition::Test::RoseFrom && c.text != c.step) mentions_[c.text].push_back(&c);
                }
    }

    // A fresh session at the first step. The store is emptied first: open() would otherwise
    // resume whatever an earlier walk saved last.
    Walk start() {
        store_.data.clear();
        Walk w{Session(ex_, store_, "tend/transcripts/" + ex_.id + "/", [] { return kFixedClockMs; }), {}, {}, {}};
        w.session.open();
        return w;
    }

    void walk_all() {
        if (ex_.steps.empty()) return;
        Walk w = start();
        if (walk(w, false) == 0 && !truncated) {
            w.body += "[every way on from the first step comes back to where it started: this exercise never "
                      "reaches an end]\n";
            w.steps = {ex_.steps.front().id};
            finish(w, false, false);
        }
    }

    // "Pause and get help" on the first step, through the safety path until it returns or ends.
    void walk_pause() {
        if (ex_.steps.empty() || !ex_.find(ex_.safety.step)) return;
        Walk w = start();
        StepView first = w.session.view();
        w.steps.push_back(first.step_id);
        w.seen.insert(state_key(w.session.state()));
        w.body += render(first, ex_.find(first.step_id)) + "→ taps “Pause and get help”\n\n";
        if (!w.session.enter_safety()) {
            w.body += "[the engine would not open the safety path here]\n";
            finish(w, false, true);
            return;
        }
        walk(w, true);
    }

    std::vector<Found> found;
    bool truncated = false;

private:
    // Walks on from w's current step. Returns how many walks ended (kept or not); 0 means every
    // continuation came back round to a state already met on this path.
    size_t walk(Walk w, bool pause_walk) {
        bool was_in_safety = w.session.state().in_safety();
        while (!truncated) {
            const SessionState& state = w.session.state();
            if (pause_walk && !state.in_safety())
                return finish(w, true, true, "(back to where the reader was: " + quoted(state.current) + ")\n");
            if (was_in_safety && !state.in_safety()) w.body += "(back from the pause, to where the reader was)\n\n";
            was_in_safety = state.in_safety();

            if (!w.seen.insert(state_key(state)).second) return 0;
            StepView v = w.session.view();
            w.steps.push_back(v.step_id);
            w.body += render(v, ex_.find(v.step_id));
            if (v.is_end) {
                w.body += end_words(ex_, w.session.state(), v.quiet);
                return finish(w, true, pause_walk);
            }
            if (w.steps.size() >= kMaxSteps)
                return finish(w, false, pause_walk,
                              "[stopped after " + std::to_string(kMaxSteps) + " steps without reaching an end]\n");
            const Step* step = ex_.find(v.step_id);
            if (!step) return finish(w, false, pause_walk, "[the engine is on a step the exercise doesn't have]\n");
            if (!is_question(step->kind)) {
                if (!w.session.next()) return finish(w, false, pause_walk, "[the engine would not continue from here]\n");
                continue;
            }
            return ask(w, *step, pause_walk);
        }
        return 0;
    }

    size_t ask(const Walk& w, const Step& step, bool pause_walk) {
        size_t ended = 0;
        bool any_accepted = false;
        for (const Candidate& c : representatives(w.session.state().answers, step)) {
            if (truncated) break;
            Walk child = w;
            if (!apply(child.session, step, c)) continue;
            any_accepted = true;
            child.body += answer_line(step, c);
            ended += walk(child, pause_walk);
            if (pause_walk) break;  // one walk of the pause path: the first answer at each question
        }
        if (ended == 0 && !truncated) {
            Walk stuck = w;
            return finish(stuck, false, pause_walk,
                          any_accepted ? "[every answer here leads back to a point this path has already passed, with "
                                         "the same answers: it never reaches an end]\n"
                                       : "[the engine accepted none of the placeholder answers here]\n");
        }
        return ended;
    }

    std::vector<Candidate> candidates(const Step& step) const {
        std::vector<Candidate> out;
        using K = Candidate::Kind;
        switch (step.kind) {
            case StepKind::Choice:
                for (const Choice& o : step.choices) out.push_back({K::Option, o.id, -1});
                if (!step.other_label.empty()) out.push_back({K::Own, "", -1});
                break;
            case StepKind::Scale:
                for (int n = step.scale_min; n <= step.scale_max; n++) out.push_back({K::Scale, "", n});
                break;
            case StepKind::Text: {
                out.push_back({K::Reply, kReplyPlaceholder, -1});
                // A branch may test for an exact reply: give that reply too.
                auto it = mentions_.find(step.id);
                if (it != mentions_.end())
                    for (const Condition* c : it->second)
                        if (c->step == step.id && c->test == Condition::Test::Equals && !c->text.empty()) {
                            bool dup = false;
                            for (const Candidate& k : out) dup = dup || k.value == c->text;
                            if (!dup) out.push_back({K::Reply, c->text, -1});
                        }
                break;
            }
            default: break;
        }
        if (!step.required) out.push_back({K::Skip, "", -1});
        if (!step.stop.empty()) out.push_back({K::Stop, "", -1});
        return out;
    }

    // One candidate per distinct way the exercise's conditions see this answer, in the order
    // the groups are first met. On a scale, the value nearest the middle stands for its group,
    // so a later scale can still both rise and fall from it.
    std::vector<Candidate> representatives(const Answers& answers, const Step& step) const {
        std::vector<const Condition*> conditions;
        auto it = mentions_.find(step.id);
        if (it != mentions_.end()) conditions = it->second;

        std::vector<std::string> order;
        std::map<std::string, Candidate> chosen;
        const int middle = (step.scale_min + step.scale_max) / 2;
        Answers trial = answers;
        std::vector<Candidate> out;
        for (const Candidate& c : candidates(step)) {
            if (c.kind == Candidate::Kind::Stop) {  // not an answer the conditions see: a way of its own
                out.push_back(c);
                continue;
            }
            trial[step.id] = as_answer(c);
            std::string signature;
            for (const Condition* cond : conditions) {
                Branch one;
                one.when.push_back(*cond);
                signature += branch_matches(ex_, one, trial) ? '1' : '0';
            }
            auto found = chosen.find(signature);
            if (found == chosen.end()) {
                order.push_back(signature);
                chosen.emplace(signature, c);
            } else if (c.kind == Candidate::Kind::Scale) {
                const Candidate& held = found->second;
                if (held.kind != Candidate::Kind::Scale || std::abs(c.number - middle) < std::abs(held.number - middle))
                    found->second = c;
            }
        }
        std::vector<Candidate> answers_first;
        for (const std::string& s : order) answers_first.push_back(chosen[s]);
        answers_first.insert(answers_first.end(), out.begin(), out.end());
        return answers_first;
    }

    // Gives the answer through the engine and continues.
    static bool apply(Session& session, const Step& step, const Candidate& c) {
        using K = Candidate::Kind;
        if (c.kind == K::Skip) return session.skip();
        if (c.kind == K::Stop) return session.stop_here();
        if (c.kind == K::Scale) return session.set_scale(c.number) && session.next();
        if (c.kind == K::Reply) return session.set_text(c.value) && session.next();

        // A choice met again (a path that loops) still holds the earlier answer: clear it,
        // so the answer is exactly this candidate.
        if (const Answer* earlier = session.answer(step.id)) {
            Answer before = *earlier;
            if (step.multiple)
                for (const std::string& id : before.chosen)
                    if (c.kind != K::Option || id != c.value) session.choose(id);
            if (before.other_selected && c.kind != K::Own) session.set_other(false, "");
        }
        if (c.kind == K::Own) return session.set_other(true, kOwnWordsPlaceholder) && session.next();
        const Answer* now = session.answer(step.id);
        bool already = now && std::find(now->chosen.begin(), now->chosen.end(), c.value) != now->chosen.end();
        if (!(step.multiple && already) && !session.choose(c.value)) return false;
        return session.next();
    }

    size_t finish(Walk& w, bool reached_end, bool pause_walk, const std::string& note = "") {
        if (++walks_ > kMaxWalks) {
            truncated = true;
            return 1;
        }
        if (!sequences_.insert(w.steps).second) return 1;
        if (found.size() >= kMaxTranscripts) {
            truncated = true;
            return 1;
        }
        Found f;
        f.transcript.steps = w.steps;
        f.transcript.text = w.body + note;
        f.transcript.reached_end = reached_end;
        f.pause_walk = pause_walk;
        found.push_back(std::move(f));
        return 1;
    }

    const Exercise& ex_;
    MemoryStore store_;  // every Session copy writes here; nothing reads it back
    std::map<std::string, std::vector<const Condition*>> mentions_;  // step id → conditions that look at it
    std::set<std::vector<std::string>> sequences_;
    size_t walks_ = 0;
};

std::string route(const std::vector<std::string>& steps) {
    std::string out;
    for (size_t i = 0; i < steps.size(); i++) out += (i ? " → " : "") + steps[i];
    return out;
}

}  // namespace

TranscriptSet make_transcripts(const Exercise& exercise, const std::string& exercise_text) {
    TranscriptSet set;
    set.hash = content_hash(exercise_text);

    Explorer explorer(exercise);
    explorer.walk_all();
    if (!explorer.truncated) explorer.walk_pause();
    set.truncated = explorer.truncated;

    std::vector<Found>& found = explorer.found;
    std::sort(found.begin(), found.end(),
              [](const Found& a, const Found& b) { return a.transcript.steps < b.transcript.steps; });

    // The header every transcript shares; write_transcripts() repeats it in README.txt.
    const std::string common = exercise.title + "\nExercise: " + exercise.id + ", version " + exercise.version +
                               "\nContent hash (SHA-256): " + set.hash + "\n";
    for (size_t i = 0; i < found.size(); i++) {
        Transcript t = std::move(found[i].transcript);
        std::string header = common + "Path " + std::to_string(i + 1) + " of " + std::to_string(found.size()) + "\n";
        if (found[i].pause_walk)
            header += "The pause path on its own: the reader taps “Pause and get help” on the first step.\n";
        header += "Route: " + route(t.steps) + "\n";
        if (!t.reached_end) header += "This path does not reach an end.\n";
        header += "\n";
        t.text = header + t.text;
        set.transcripts.push_back(std::move(t));
    }
    return set;
}

namespace {

bool write_file(const std::string& path, const std::string& text, std::string* error) {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    bool ok = f && std::fwrite(text.data(), 1, text.size(), f) == text.size();
    if (f && std::fclose(f) != 0) ok = false;
    if (!ok && error) *error = "could not write " + path;
    return ok;
}

bool is_path_file(const std::string& name) {
    return name.size() > 9 && name.compare(0, 5, "path-") == 0 && name.compare(name.size() - 4, 4, ".txt") == 0;
}

}  // namespace

bool write_transcripts(const TranscriptSet& set, const std::string& dir, std::string* error) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec || !fs::is_directory(dir, ec)) {
        if (error) *error = "could not create the directory " + dir + (ec ? ": " + ec.message() : "");
        return false;
    }

    // path-*.txt left by an earlier run with more paths would read as part of this one.
    std::vector<fs::path> stale;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
        if (is_path_file(it->path().filename().string())) stale.push_back(it->path());
    for (const fs::path& p : stale) fs::remove(p, ec);

    const size_t count = set.transcripts.size();
    // Zero-padded to one width, so the files list in path order.
    const size_t width = std::max<size_t>(3, std::to_string(count).size());
    auto name = [&](size_t i) {
        const std::string digits = std::to_string(i);
        return "path-" + std::string(width - std::min(width, digits.size()), '0') + digits + ".txt";
    };
    for (size_t i = 0; i < count; i++)
        if (!write_file((fs::path(dir) / name(i + 1)).string(), set.transcripts[i].text, error)) return false;

    // The shared header of the transcripts: title, id and version, hash.
    std::string readme;
    if (count > 0) {
        const std::string& first = set.transcripts[0].text;
        size_t cut = first.find("\nPath ");
        readme = first.substr(0, cut == std::string::npos ? 0 : cut + 1);
    } else {
        readme = "Content hash (SHA-256): " + set.hash + "\n";
    }
    readme += "Paths: " + std::to_string(count);
    if (count > 0) readme += " (" + name(1) + (count > 1 ? " … " + name(count) : "") + ")";
    readme += "\n";
    if (set.truncated)
        readme += "Truncated: the exercise has more paths than could be walked; only these were written.\n";
    readme +=
        "\nEach file is one route through the exercise, as a reader would meet it, with placeholder answers:\n"
        "\"→ chose: …\" for an option, \"→ 7\" for a scale, \"→ [the reader’s words]\" for a reply, \"→ skipped\".\n"
        "Answers that the exercise's branches can't tell apart are walked once. The content hash identifies\n"
        "the exercise file's content, whatever its formatting: the widget shows the same hash.\n";
    return write_file((fs::path(dir) / "README.txt").string(), readme, error);
}

}  // namespace tend
