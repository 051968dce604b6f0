// Tend: the validator's second pass, how the steps of an exercise fit together.
//
// By now every step has been read (validator.cpp), so this pass can look across steps:
//   - references: every `next`, branch, condition, summary item, safety.step and {{…}} names
//     a step that exists (with a "did you mean" when one is close), of the right kind;
//   - the graph: which steps are reachable, which can reach an end, whether the grounding
//     path can return and stays separate from the main exercise;
//   - weaving: a {{step}} without a fallback must name a question asked on every path to
//     the text that uses it (a "must have been visited" dataflow over the step graph).
//
// The graph. Step i has edges to its branch targets and to its default next (its `next`,
// or the following step in the file). Two parts share it:
//   main  — reachable from steps[0] without entering the grounding path;
//   safety — the grounding path: reachable from safety.step without "@return". A reader can
//            open it from any step ("I need a pause"), so it is always reachable, and any
//            main step may come before it.
// When main flow enters the grounding path through a branch or `next`, "@return" leads to
// where the sender would have gone by default (docs/exercise-format.md, "Safety"). For the
// main part that is modelled as an edge from the sender straight to that step: the detour
// can only add answers, so leaving it out keeps the "asked on every path" check safe.
//
// Exercises have at most 500 steps, so plain bitsets and repeated sweeps are fast enough
// (tests/bench keeps an eye on it) and far easier to trust than anything clever.

#include <algorithm>
#include <cstdint>
#include <map>

#include "interpolate.h"
#include "validator_flow.h"

namespace tend {
namespace validator_detail {

std::string pointer(const std::string& base, const std::string& key) {
    std::string out = base + "/";
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

std::string pointer(const std::string& base, size_t index) { return base + "/" + std::to_string(index); }

std::string a_kind_step(StepKind kind) {
    return std::string(kind == StepKind::End ? "an " : "a ") + step_kind_name(kind) + " step";
}

namespace {

// Optimal string alignment distance (Levenshtein plus swapping two neighbours, "teh", the
// commonest slip), but only as far as `limit`: anything further returns limit + 1. Only the
// diagonal band |i - j| <= limit can hold a distance that small, so only it is computed,
// which keeps hostile files with thousands of long, near-identical ids cheap.
size_t bounded_distance(const std::string& a, const std::string& b, size_t limit) {
    const size_t far = limit + 1;
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return far;
    std::vector<size_t> before(b.size() + 1, far), prev(b.size() + 1, far), cur(b.size() + 1, far);
    // Row i's cells outside the band are never written: read them as "too far".
    auto at = [&](const std::vector<size_t>& row, size_t i, size_t j) {
        return (j + limit < i || j > i + limit) ? far : row[j];
    };
    for (size_t j = 0; j <= b.size() && j <= limit; j++) prev[j] = j;
    for (size_t i = 1; i <= a.size(); i++) {
        size_t lo = i > limit ? i - limit : 0, hi = std::min(b.size(), i + limit), best = far;
        for (size_t j = lo; j <= hi; j++) {
            size_t v = i;  // j == 0: delete all of a[0..i)
            if (j > 0) {
                size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
                v = std::min({at(prev, i - 1, j) + 1, at(cur, i, j - 1) + 1, at(prev, i - 1, j - 1) + cost});
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, at(before, i - 2, j - 2) + 1);
            }
            cur[j] = std::min(v, far);
            best = std::min(best, cur[j]);
        }
        if (best >= far) return far;  // every alignment is already too far apart
        std::swap(before, prev);
        std::swap(prev, cur);
    }
    return at(prev, a.size(), b.size());
}


// The candidate closest to `typed`, if it is close enough to be a slip; null otherwise.
const std::string* closest(const std::string& typed, const std::vector<std::string>& candidates) {
    // Short words are close to everything, so they get less slack.
    size_t limit = typed.size() <= 3 ? 1 : 2, best = limit + 1;
    const std::string* found = nullptr;
    for (const std::string& c : candidates) {
        if (c.empty() || c == typed) continue;
        size_t d = bounded_distance(typed, c, limit);
        if (d < best) {
            best = d;
            found = &c;
        }
    }
    return found;
}

}  // namespace

std::string did_you_mean(const std::string& typed, const std::vector<std::string>& candidates) {
    const std::string* found = closest(typed, candidates);
    return found ? " (did you mean \"" + *found + "\"?)" : "";
}

namespace {

constexpr int kToReturn = -2;   // "@return"
constexpr int kToMissing = -3;  // a step that doesn't exist (reported where it is written)

struct Edge {
    int to;
    std::string path;          // where the edge is written, for messages
    bool fallthrough = false;  // no `next`: the following step in the file
    bool branch = false;
};

// A set of step indices.
struct Bits {
    std::vector<uint64_t> words;
    explicit Bits(size_t n = 0, bool all = false) : words((n + 63) / 64, all ? ~uint64_t(0) : 0) {}
    bool has(size_t i) const { return (words[i / 64] >> (i % 64)) & 1; }
    void set(size_t i) { words[i / 64] |= uint64_t(1) << (i % 64); }
    void intersect(const Bits& o) {
        for (size_t w = 0; w < words.size(); w++) words[w] &= o.words[w];
    }
    bool operator==(const Bits& o) const { return words == o.words; }
    bool operator!=(const Bits& o) const { return words != o.words; }
};

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

// "\"a\", \"b\" and \"c\""
std::string in_quotes_list(const std::vector<std::string>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); i++)
        out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + in_quotes(items[i]);
    return out;
}

const char* tests_for(StepKind kind) {
    switch (kind) {
        case StepKind::Choice: return "equals, includes, answered or skipped";
        case StepKind::Scale: return "equals, at_least, at_most, rose_from, answered or skipped";
        default: return "equals, answered or skipped";
    }
}

class FlowCheck {
public:
    FlowCheck(const Exercise& ex, const Notes& notes, std::vector<Problem>& out)
        : ex_(ex), notes_(notes), out_(out), n_(ex.steps.size()) {
        for (size_t i = 0; i < n_; i++) {
            const std::string& id = ex.steps[i].id;
            if (id.empty()) continue;
            ids_.emplace(id, static_cast<int>(i));  // the first step with an id wins
            all_ids_.push_back(id);
            if (known_question(static_cast<int>(i))) question_ids_.push_back(id);
        }
    }

    void run() {
        check_references();
        build_graph();
        find_parts();
        check_safety_path();
        check_reachable();
        check_ends();
        check_order_of_answers();
        check_weaving();
    }

private:
    // ---- lookups ---------------------------------------------------------------------

    int resolve(const std::string& id) const {
        auto it = ids_.find(id);
        return it == ids_.end() ? -1 : it->second;
    }
    const Step& step(int i) const { return ex_.steps[static_cast<size_t>(i)]; }
    const StepNote& note(int i) const { return notes_.steps[static_cast<size_t>(i)]; }
    bool known_question(int i) const { return note(i).kind_ok && is_question(step(i).kind); }
    std::string step_path(int i) const { return pointer("/steps", static_cast<size_t>(i)); }
    void add(const std::string& path, const std::string& message) { out_.push_back({path, message}); }

    // closest(), remembered, and given up after a while: a hostile file can hold thousands of
    // broken references, and suggestions for the first couple of thousand are plenty.
    const std::string* guess(const std::string& id, const std::vector<std::string>& candidates) {
        std::string key = (&candidates == &all_ids_ ? "a:" : "q:") + id;
        auto it = guesses_.find(key);
        if (it != guesses_.end()) return it->second;
        if (guess_budget_ == 0) return nullptr;
        guess_budget_--;
        return guesses_[key] = closest(id, candidates);
    }

    void no_such_step(const std::string& path, const std::string& id, const std::vector<std::string>& candidates) {
        const std::string* near = guess(id, candidates);
        std::string message = "there is no step " + in_quotes(id) + (near ? " (did you mean \"" + *near + "\"?)" : "");
        if (!id.empty() && id[0] == '@') message += " (the only target starting with \"@\" is \"@return\")";
        add(path, message);
    }

    // A reference that must name a question. Returns its index, or -1 when it doesn't (the
    // reason is reported) or when the step's kind is unknown (already reported).
    int question_ref(const std::string& path, const std::string& id, const char* use) {
        int q = resolve(id);
        if (q < 0) {
            no_such_step(path, id, question_ids_);
            return -1;
        }
        if (!note(q).kind_ok) return -1;
        if (!is_question(step(q).kind)) {
            add(path, in_quotes(id) + " is " + a_kind_step(step(q).kind) + ", which asks nothing; only text, choice and scale steps have answers to " + use);
            return -1;
        }
        return q;
    }

    // ---- references --------------------------------------------------------------------

    void check_target(const std::string& path, const std::string& id) {
        if (id != kReturnTarget && resolve(id) < 0) no_such_step(path, id, all_ids_);
    }

    void check_references() {
        if (notes_.safety_step_ok) {
            const std::string& id = ex_.safety.step;
            if (id == kReturnTarget) add("/safety/step", "must name the first step of the grounding path, not \"@return\"");
            else if (resolve(id) < 0) no_such_step("/safety/step", id, all_ids_);
            else if (resolve(id) == 0)
                add("/safety/step", "the grounding path can't start at the first step of the exercise: every reader would begin on it");
        }
        for (size_t i = 0; i < n_; i++) {
            const Step& s = ex_.steps[i];
            const StepNote& sn = notes_.steps[i];
            std::string at = step_path(static_cast<int>(i));
            if (sn.has_next) check_target(pointer(at, "next"), s.next);
            for (size_t b = 0; b < s.branches.size(); b++) {
                std::string bp = pointer(pointer(at, "branches"), b);
                for (size_t c = 0; c < s.branches[b].when.size(); c++)
                    if (sn.branches[b].when[c].ok)
                        check_condition(s.branches[b].when[c], sn.branches[b].when[c], pointer(pointer(bp, "when"), c));
                if (sn.branches[b].next_ok) check_target(pointer(bp, "next"), s.branches[b].next);
            }
            for (size_t k = 0; k < s.items.size(); k++)
                if (sn.items[k].ok) question_ref(pointer(pointer(pointer(at, "items"), k), "step"), s.items[k].step, "show");
        }
    }

    // An option id a condition tests: one of the step's options, or "other" when offered.
    void check_option(const std::string& path, const Step& q, const std::string& option) {
        if (option == "other") {
            if (q.other_label.empty())
                add(path, in_quotes(q.id) + " doesn't offer \"other\" (the reader's own words); add \"other\": { \"label\": … } to it, or test one of its options");
            return;
        }
        std::vector<std::string> ids;
        for (const Choice& c : q.choices) {
            if (c.id == option) return;
            if (!c.id.empty()) ids.push_back(c.id);
        }
        std::string suggestion = did_you_mean(option, ids);
        add(path, in_quotes(q.id) + " has no option " + in_quotes(option) +
                      (suggestion.empty() ? "; its options are " + in_quotes_list(ids) : suggestion));
    }

    void check_condition(const Condition& c, const ConditionNote& cn, const std::string& path) {
        int qi = question_ref(pointer(path, "step"), c.step, "test");
        if (qi < 0) return;
        const Step& q = step(qi);
        const std::string at = pointer(path, cn.test_field);
        auto only_for = [&](const char* kinds) {
            add(at, in_quotes(cn.test_field) + " only applies to " + kinds + " steps; " + in_quotes(q.id) + " is " +
                        a_kind_step(q.kind) + " (use " + tests_for(q.kind) + ")");
        };
        switch (c.test) {
            case Condition::Test::Equals:
                if (q.kind == StepKind::Scale && !cn.equals_number)
                    add(at, in_quotes(q.id) + " is a scale step, so \"equals\" takes a number from 0 to 10");
                else if (q.kind != StepKind::Scale && cn.equals_number)
                    add(at, in_quotes(q.id) + " is " + a_kind_step(q.kind) + ", so \"equals\" takes " +
                                (q.kind == StepKind::Choice ? "an option id" : "text in quotes") + ", not a number");
                else if (q.kind == StepKind::Choice) check_option(at, q, c.text);
                break;
            case Condition::Test::Includes:
                if (q.kind != StepKind::Choice) only_for("choice");
                else check_option(at, q, c.text);
                break;
            case Condition::Test::AtLeast:
            case Condition::Test::AtMost:
                if (q.kind != StepKind::Scale) only_for("scale");
                break;
            case Condition::Test::RoseFrom: {
                if (q.kind != StepKind::Scale) {
                    only_for("scale");
                    break;
                }
                int other = resolve(c.text);
                if (other < 0) no_such_step(at, c.text, question_ids_);
                else if (other == qi) add(at, "compares " + in_quotes(q.id) + " with itself; name the earlier scale step to compare with");
                else if (note(other).kind_ok && step(other).kind != StepKind::Scale)
                    add(at, "\"rose_from\" compares two scale steps, but " + in_quotes(c.text) + " is " + a_kind_step(step(other).kind));
                break;
            }
            case Condition::Test::Answered:
            case Condition::Test::Skipped: break;
        }
    }

    // ---- the graph -----------------------------------------------------------------------

    void build_graph() {
        edges_.assign(n_, {});
        for (size_t i = 0; i < n_; i++) {
            const Step& s = ex_.steps[i];
            const StepNote& sn = notes_.steps[i];
            if (sn.kind_ok && s.kind == StepKind::End) continue;  // an end goes nowhere
            std::string at = step_path(static_cast<int>(i));
            for (size_t b = 0; b < s.branches.size(); b++)
                if (sn.branches[b].next_ok) {
                    Edge e{target(s.branches[b].next), pointer(pointer(pointer(at, "branches"), b), "next")};
                    e.branch = true;
                    edges_[i].push_back(e);
                }
            if (sn.has_next) edges_[i].push_back(Edge{target(s.next), pointer(at, "next")});
            else if (i + 1 < n_) {
                Edge e{static_cast<int>(i + 1), at};
                e.fallthrough = true;
                edges_[i].push_back(e);
            } else if (sn.kind_ok) {
                add(at, "this is the last step, so the reader would have nowhere to go after it; make it an end step, or give it a \"next\"");
            }
        }
    }

    // Where a `next` leads. A misspelt step id is reported where it is written; for the
    // graph it is taken to mean the step it is close to, so one typo doesn't also make every
    // step after it "unreachable".
    int target(const std::string& id) {
        if (id == kReturnTarget) return kToReturn;
        int i = resolve_or_guess(id);
        return i < 0 ? kToMissing : i;
    }

    int resolve_or_guess(const std::string& id) {
        int i = resolve(id);
        if (i >= 0) return i;
        const std::string* near = guess(id, all_ids_);
        return near ? resolve(*near) : -1;
    }

    // The step's default way on (its `next`, or the following step), or null.
    const Edge* default_edge(int i) const {
        for (const Edge& e : edges_[static_cast<size_t>(i)])
            if (!e.branch) return &e;
        return nullptr;
    }

    // Where "@return" leads after main step i sent the reader into the grounding path: where
    // i would have gone by default or, when that is the grounding path itself (i's `next`
    // names it, or it comes next in the file), back to i (as Session::advance does).
    int return_point(int i) const {
        const Edge* d = default_edge(i);
        if (d && d->to >= 0 && !safety_.has(static_cast<size_t>(d->to))) return d->to;
        return i;
    }

    bool enters_safety(int i) const {
        if (start_ < 0) return false;
        for (const Edge& e : edges_[static_cast<size_t>(i)])
            if (e.to == start_) return true;
        return false;
    }

    // The main graph's successors of i: its edges, except that a detour through the
    // grounding path is replaced by an edge to where "@return" leads.
    std::vector<int> main_successors(int i) const {
        std::vector<int> out;
        for (const Edge& e : edges_[static_cast<size_t>(i)])
            if (e.to >= 0 && e.to != start_) out.push_back(e.to);
        if (enters_safety(i)) {
            int r = return_point(i);
            if (r >= 0) out.push_back(r);
        }
        return out;
    }

    void find_parts() {
        start_ = -1;
        if (notes_.safety_step_ok) {
            int s = resolve_or_guess(ex_.safety.step);
            if (s > 0) start_ = s;  // 0 is refused above: the main flow starts there
        }
        safety_ = Bits(n_);
        if (start_ >= 0) {
            std::vector<int> todo{start_};
            safety_.set(static_cast<size_t>(start_));
            while (!todo.empty()) {
                int i = todo.back();
                todo.pop_back();
                for (const Edge& e : edges_[static_cast<size_t>(i)])
                    if (e.to >= 0 && !safety_.has(static_cast<size_t>(e.to))) {
                        safety_.set(static_cast<size_t>(e.to));
                        todo.push_back(e.to);
                    }
            }
        }
        main_ = Bits(n_);
        std::vector<int> todo{0};
        main_.set(0);
        while (!todo.empty()) {
            int i = todo.back();
            todo.pop_back();
            for (int t : main_successors(i))
                if (!main_.has(static_cast<size_t>(t))) {
                    main_.set(static_cast<size_t>(t));
                    todo.push_back(t);
                }
        }
        only_safety_ = Bits(n_);
        for (size_t i = 0; i < n_; i++)
            if (safety_.has(i) && !main_.has(i)) only_safety_.set(i);
    }

    bool reachable(int i) const { return main_.has(static_cast<size_t>(i)) || safety_.has(static_cast<size_t>(i)); }
    bool on_safety_only(int i) const { return only_safety_.has(static_cast<size_t>(i)); }
    bool shared(int i) const { return main_.has(static_cast<size_t>(i)) && safety_.has(static_cast<size_t>(i)); }

    // ---- the grounding path ------------------------------------------------------------

    // The steps in `part` from which some route within it reaches "@return".
    Bits leading_to_return(const Bits& part) const {
        Bits out(n_);
        for (bool changed = true; changed;) {
            changed = false;
            for (size_t i = 0; i < n_; i++) {
                if (!part.has(i) || out.has(i)) continue;
                for (const Edge& e : edges_[i])
                    if (e.to == kToReturn || (e.to >= 0 && out.has(static_cast<size_t>(e.to)))) {
                        out.set(i);
                        changed = true;
                        break;
                    }
            }
        }
        return out;
    }

    void check_safety_path() {
        if (start_ < 0) return;  // unknown or refused: reported with the references
        const std::string& first = step(start_).id;
        Bits returns = leading_to_return(safety_);
        for (size_t i = 0; i < n_; i++) {
            int si = static_cast<int>(i);
            for (const Edge& e : edges_[i]) {
                if (e.to == kToReturn && !safety_.has(i))
                    add(e.path, "\"@return\" only works on the grounding path (the steps reached from safety.step " +
                                    in_quotes(first) + "); this step isn't on it");
                // The grounding path running on into the main exercise (typically by falling
                // through to the next step in the file, for want of "@return"): the reader
                // would carry on with the exercise while still "on a pause". Main flow may
                // enter the path at any of its steps, and both may share an end step; but a
                // shared step that can't lead back to "@return" belongs to the main exercise.
                if (e.to < 0 || !on_safety_only(si) || !shared(e.to) || returns.has(static_cast<size_t>(e.to))) continue;
                const Step& to = step(e.to);
                if (note(e.to).kind_ok && to.kind == StepKind::End) continue;
                add(e.path, "the grounding path runs on into " + in_quotes(to.id) +
                                (e.fallthrough ? " (the next step in the file)" : "") +
                                ", a step of the main exercise; end the path with \"next\": \"@return\" to take the reader back to where they were");
            }
        }
        if (!returns.has(static_cast<size_t>(start_))) {
            cant_return_ = true;
            add("/safety/step", "the grounding path that starts at " + in_quotes(first) +
                                    " never returns: at least one of its steps needs \"next\": \"@return\" to take the reader back to where they were");
        }
    }

    void check_reachable() {
        // A reachable step that points at a step that doesn't exist (and isn't close to one)
        // might have meant any step: "no path leads here" can't be said of any of them.
        for (size_t i = 0; i < n_; i++)
            for (const Edge& e : edges_[i])
                if (e.to == kToMissing && reachable(static_cast<int>(i))) return;
        // Without a known grounding path, steps that lead to "@return" are presumably it:
        // reporting them unreachable would only repeat the safety.step problem.
        Bits returns = start_ < 0 ? leading_to_return(Bits(n_, true)) : Bits(n_);
        for (size_t i = 0; i < n_; i++) {
            if (reachable(static_cast<int>(i)) || returns.has(i)) continue;
            const std::string& id = ex_.steps[i].id;
            add(step_path(static_cast<int>(i)),
                "no path from the first step leads here; point a \"next\" or a branch at " +
                    (id.empty() ? std::string("this step") : in_quotes(id)) + ", or remove it");
        }
    }

    // Steps from which no path reaches an end. "@return" counts as reaching one: it goes back
    // to the main exercise. Only the root of each trap is reported (a group of steps that lead
    // only to each other), not every step on the way into it.
    void check_ends() {
        Bits done(n_);
        for (size_t i = 0; i < n_; i++) {
            const Step& s = ex_.steps[i];
            if (!notes_.steps[i].kind_ok || s.kind == StepKind::End) done.set(i);
            for (const Edge& e : edges_[i])
                if (e.to == kToReturn || e.to == kToMissing) done.set(i);
        }
        for (bool changed = true; changed;) {
            changed = false;
            for (size_t i = 0; i < n_; i++) {
                if (done.has(i)) continue;
                for (const Edge& e : edges_[i])
                    if (e.to >= 0 && done.has(static_cast<size_t>(e.to))) {
                        done.set(i);
                        changed = true;
                        break;
                    }
            }
        }
        std::vector<int> stuck;
        for (size_t i = 0; i < n_; i++)
            if (!done.has(i) && reachable(static_cast<int>(i)) && !(cant_return_ && on_safety_only(static_cast<int>(i))))
                stuck.push_back(static_cast<int>(i));
        if (stuck.empty()) return;

        // What each stuck step can reach (all of it stuck too, by definition).
        std::map<int, Bits> reach;
        for (int i : stuck) {
            Bits r(n_);
            std::vector<int> todo{i};
            while (!todo.empty()) {
                int v = todo.back();
                todo.pop_back();
                for (const Edge& e : edges_[static_cast<size_t>(v)])
                    if (e.to >= 0 && !r.has(static_cast<size_t>(e.to))) {
                        r.set(static_cast<size_t>(e.to));
                        todo.push_back(e.to);
                    }
            }
            reach[i] = r;
        }
        // A trap's root: every step it reaches leads back to it. Report each trap once, at
        // its first step in the file.
        Bits reported(n_);
        for (int i : stuck) {
            if (reported.has(static_cast<size_t>(i))) continue;
            const Bits& r = reach[i];
            bool root = true;
            std::vector<std::string> members;
            for (int j : stuck)
                if (r.has(static_cast<size_t>(j))) {
                    if (!reach[j].has(static_cast<size_t>(i))) root = false;
                    members.push_back(step(j).id);
                }
            if (!root) continue;
            if (members.empty()) continue;  // no way on at all: the last step, reported already
            for (int j : stuck)
                if (r.has(static_cast<size_t>(j))) reported.set(static_cast<size_t>(j));
            std::string message = members.size() == 1
                                      ? "this step only leads back to itself, so the reader can never reach an end step"
                                      : "from here the reader can never reach an end step: the flow only goes round through " +
                                            in_quotes_list(members) + "; give one of them a way on (a \"next\" or a branch towards an end)";
            add(step_path(i), message);
        }
    }

    // ---- what can have been asked before a step ---------------------------------------

    // Main steps reachable from i in the main graph (i itself only through a loop).
    const Bits& main_reach(int i) {
        auto it = main_reach_.find(i);
        if (it != main_reach_.end()) return it->second;
        Bits r(n_);
        std::vector<int> todo{i};
        while (!todo.empty()) {
            int v = todo.back();
            todo.pop_back();
            for (int t : main_successors(v))
                if (!r.has(static_cast<size_t>(t))) {
                    r.set(static_cast<size_t>(t));
                    todo.push_back(t);
                }
        }
        return main_reach_[i] = r;
    }

    // Can question q have been answered when the reader is at step s? Always on the grounding
    // path (it can be opened at any step), and a grounding question may have been answered
    // before any step. Otherwise s must come after q on some path (or be q itself:
    // branches are tried after the reader answers).
    bool may_come_before(int q, int s) {
        if (q == s || safety_.has(static_cast<size_t>(s)) || safety_.has(static_cast<size_t>(q)) || !reachable(s) ||
            !main_.has(static_cast<size_t>(q)))
            return true;
        return main_reach(q).has(static_cast<size_t>(s));
    }

    void check_order_of_answers() {
        for (size_t i = 0; i < n_; i++) {
            const Step& s = ex_.steps[i];
            const StepNote& sn = notes_.steps[i];
            int si = static_cast<int>(i);
            std::string at = step_path(si);
            for (size_t b = 0; b < s.branches.size(); b++)
                for (size_t c = 0; c < s.branches[b].when.size(); c++) {
                    const Condition& cond = s.branches[b].when[c];
                    int q = resolve(cond.step);
                    if (!sn.branches[b].when[c].ok || q < 0 || !known_question(q) || may_come_before(q, si)) continue;
                    add(pointer(pointer(pointer(pointer(at, "branches"), b), "when"), c) + "/step",
                        in_quotes(cond.step) + " is never asked before this step on any path, so this test could never see an answer");
                }
            for (size_t k = 0; k < s.items.size(); k++) {
                int q = resolve(s.items[k].step);
                if (!sn.items[k].ok || q < 0 || !known_question(q) || may_come_before(q, si)) continue;
                add(pointer(pointer(at, "items"), k) + "/step",
                    in_quotes(s.items[k].step) + " is never asked before this summary on any path, so it would never show");
            }
        }
    }

    // The questions asked on every path from `entry` to each step, counting only steps in
    // `part`: a forward "must" dataflow. in[entry] is empty; in[v] is the intersection, over
    // v's predecessors p in the part, of in[p] plus p itself when p is a question.
    std::vector<Bits> must_have_asked(const Bits& part, int entry, bool main_graph) {
        std::vector<std::vector<int>> preds(n_);
        for (size_t p = 0; p < n_; p++) {
            if (!part.has(p)) continue;
            std::vector<int> succ;
            if (main_graph) succ = main_successors(static_cast<int>(p));
            else
                for (const Edge& e : edges_[p])
                    if (e.to >= 0) succ.push_back(e.to);
            for (int t : succ)
                if (part.has(static_cast<size_t>(t))) preds[static_cast<size_t>(t)].push_back(static_cast<int>(p));
        }
        std::vector<Bits> in(n_, Bits(n_, true));
        in[static_cast<size_t>(entry)] = Bits(n_);
        for (bool changed = true; changed;) {
            changed = false;
            for (size_t v = 0; v < n_; v++) {
                if (!part.has(v) || static_cast<int>(v) == entry) continue;
                Bits next(n_, true);
                for (int p : preds[v]) {
                    Bits out = in[static_cast<size_t>(p)];
                    if (known_question(p)) out.set(static_cast<size_t>(p));
                    next.intersect(out);
                }
                if (next != in[v]) {
                    in[v] = next;
                    changed = true;
                }
            }
        }
        return in;
    }

    void check_weaving() {
        std::vector<Bits> main_in = must_have_asked(main_, 0, true);
        std::vector<Bits> safety_in;
        if (start_ >= 0) safety_in = must_have_asked(safety_, start_, false);

        for (size_t i = 0; i < n_; i++) {
            const Step& s = ex_.steps[i];
            if (!notes_.steps[i].kind_ok) continue;
            int si = static_cast<int>(i);
            std::string at = step_path(si);
            for (size_t k = 0; k < s.text.size(); k++) check_placeholders(si, s.text[k], pointer(pointer(at, "text"), k), main_in, safety_in);
            check_placeholders(si, s.prompt, pointer(at, "prompt"), main_in, safety_in);
            check_placeholders(si, s.hint, pointer(at, "hint"), main_in, safety_in);
        }
    }

    // A step on the grounding path can be reached from any step, so what was asked before it
    // is what its own path asked; a step of both parts must satisfy both.
    void check_placeholders(int si, const std::string& text, const std::string& path, const std::vector<Bits>& main_in,
                            const std::vector<Bits>& safety_in) {
        size_t i = static_cast<size_t>(si);
        for (const Placeholder& p : find_placeholders(text)) {
            if (p.step.empty()) continue;  // reported when the text was read
            int q = question_ref(path, p.step, "weave in");
            if (q < 0 || p.has_fallback || !reachable(si)) continue;
            size_t qi = static_cast<size_t>(q);
            bool missing_on_safety = safety_.has(i) && !safety_in[i].has(qi);
            bool missing_on_main = main_.has(i) && !main_in[i].has(qi);
            // Asked on every path is not enough: a question the reader may skip leaves no answer.
            bool skippable = !ex_.steps[qi].required;
            if (!missing_on_safety && !missing_on_main && !skippable) continue;
            std::string shown = text.substr(p.begin, p.end - p.begin);
            std::string fix = "; add a fallback, e.g. {{" + p.step + "|…}}";
            if (!missing_on_safety && !missing_on_main)
                add(path, shown + ": " + in_quotes(p.step) + " can be skipped, so it could be empty here" + fix);
            else if (q == si)
                add(path, shown + " is this step's own question, which has no answer yet when it is shown" + fix);
            else if (missing_on_safety)
                add(path, shown + ": " + in_quotes(p.step) +
                              " may not have been asked yet, since a reader can open the grounding path from any step" + fix);
            else
                add(path, shown + ": " + in_quotes(p.step) + " is not asked on every path to this step, so it could be empty here" + fix);
        }
    }

    const Exercise& ex_;
    const Notes& notes_;
    std::vector<Problem>& out_;
    size_t n_;
    std::map<std::string, int> ids_;
    std::vector<std::string> all_ids_, question_ids_;
    std::vector<std::vector<Edge>> edges_;
    int start_ = -1;      // the grounding path's first step, or -1
    Bits safety_, main_, only_safety_;
    bool cant_return_ = false;
    std::map<int, Bits> main_reach_;
    std::map<std::string, const std::string*> guesses_;
    int guess_budget_ = 2000;
};

}  // namespace

void check_flow(const Exercise& exercise, const Notes& notes, std::vector<Problem>& problems) {
    if (exercise.steps.empty() || notes.steps.size() != exercise.steps.size()) return;
    FlowCheck(exercise, notes, problems).run();
}

}  // namespace validator_detail
}  // namespace tend
