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
// Costs. A 200-step exercise is checked in a fraction of a millisecond (tests/bench), and a
// file over the 500-step limit is still checked in full, so hostile input must stay cheap
// too. Everything is linear in the steps and edges, except:
//   - the two n × n bitset analyses, what must have been asked (a dataflow visited in
//     reverse postorder, so one sweep settles all but loops) and what each question can
//     reach (worked out once per question that needs it);
//   - the report of traps, which compares the stuck steps with each other;
//   - "did you mean", each unknown id against every id (up to guess_budget_ of them), with
//     a cheap lower bound ruling out nearly every id before any edit distance is worked out.
// Sweeps that propagate "can reach" go backwards over predecessor lists, once per edge,
// rather than round the whole file until nothing changes (n rounds for a long chain), and
// JSON Pointers for messages (Path, edge_path()) are built only for problems.

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <string_view>

#include "interpolate.h"
#include "validator_flow.h"

namespace tend {
namespace validator_detail {

void Path::append_to(std::string& out) const {
    if (!parent_) return;  // the document itself
    parent_->append_to(out);
    out += '/';
    if (is_index_) {
        out += std::to_string(index_);
        return;
    }
    for (char c : key_) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
}

std::string Path::str() const {
    std::string out;
    append_to(out);
    return out;
}

std::string a_kind_step(StepKind kind) {
    return std::string(kind == StepKind::End ? "an " : "a ") + step_kind_name(kind) + " step";
}

namespace {

// How far a candidate may be from what was typed to count as a slip (see closest()).
constexpr size_t kMaxSlack = 2;

// Optimal string alignment distance (Levenshtein plus swapping two neighbours, "teh", the
// commonest slip), but only as far as `limit` (at most kMaxSlack): anything further returns
// limit + 1. Only the diagonal band |i - j| <= limit can hold a distance that small, so only
// it is computed, and each row keeps just its band (cells j = i - limit … i + limit, at
// index j + limit - i): no allocation, so a hostile file's thousands of broken references,
// each compared with thousands of ids, stay cheap.
size_t bounded_distance(const std::string& a, const std::string& b, size_t limit) {
    const size_t far = limit + 1;
    if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return far;
    using Row = std::array<size_t, 2 * kMaxSlack + 1>;
    Row before, prev, cur;  // rows i - 2, i - 1 and i
    before.fill(far);
    prev.fill(far);
    // Cells outside a row's band (or past the end of b) read as "too far".
    auto at = [&](const Row& row, size_t i, size_t j) {
        return (j + limit < i || j > i + limit || j > b.size()) ? far : row[j + limit - i];
    };
    for (size_t j = 0; j <= b.size() && j <= limit; j++) prev[j + limit] = j;  // row 0
    for (size_t i = 1; i <= a.size(); i++) {
        cur.fill(far);
        size_t lo = i > limit ? i - limit : 0, hi = std::min(b.size(), i + limit), best = far;
        for (size_t j = lo; j <= hi; j++) {
            size_t v = i;  // j == 0: delete all of a[0..i)
            if (j > 0) {
                size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
                v = std::min({at(prev, i - 1, j) + 1, at(cur, i, j - 1) + 1, at(prev, i - 1, j - 1) + cost});
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = std::min(v, at(before, i - 2, j - 2) + 1);
            }
            cur[j + limit - i] = std::min(v, far);
            best = std::min(best, cur[j + limit - i]);
        }
        if (best >= far) return far;  // every alignment is already too far apart
        before = prev;
        prev = cur;
    }
    return at(prev, a.size(), b.size());
}

// Which of 64 classes of character (byte value mod 64) a word uses.
uint64_t char_classes(const std::string& s) {
    uint64_t classes = 0;
    for (unsigned char c : s) classes |= uint64_t(1) << (c % 64);
    return classes;
}

// Whether at least n bits of x are set (n is at most kMaxSlack + 1 here).
bool has_bits(uint64_t x, size_t n) {
    for (; n > 0; n--, x &= x - 1)
        if (x == 0) return false;
    return true;
}

// The candidate closest to `typed`, if it is close enough to be a slip; null otherwise.
// `classes`, when given, holds char_classes() of each candidate.
const std::string* closest(const std::string& typed, const std::vector<std::string>& candidates,
                           const uint64_t* classes_of = nullptr) {
    // Short words are close to everything, so they get less slack.
    size_t limit = typed.size() <= 3 ? 1 : kMaxSlack, best = limit + 1;
    const std::string* found = nullptr;
    const uint64_t typed_classes = char_classes(typed);
    for (size_t k = 0; k < candidates.size(); k++) {
        const std::string& c = candidates[k];
        if (c.empty() || c == typed) continue;
        // A cheap lower bound first, which rules out nearly every candidate of a long list: a
        // class of character one word uses and the other lacks costs an edit of its own (an
        // edit touches one character of each word; a swap only moves characters).
        const uint64_t classes = classes_of ? classes_of[k] : char_classes(c);
        if (has_bits(typed_classes & ~classes, best) || has_bits(classes & ~typed_classes, best)) continue;
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
    int from;                  // the step it leaves; with the two below, where it is written
    bool fallthrough = false;  // no `next`: the following step in the file
    bool branch = false;       // branches[branch_index].next, otherwise the step's `next`
    size_t branch_index = 0;
};

// A set of step indices.
struct Bits {
    std::vector<uint64_t> words;
    explicit Bits(size_t n = 0, bool all = false) : words((n + 63) / 64, all ? ~uint64_t(0) : 0) {}
    bool has(size_t i) const { return (words[i / 64] >> (i % 64)) & 1; }
    void set(size_t i) { words[i / 64] |= uint64_t(1) << (i % 64); }
};

// One set of step indices per step, in one block: row r is words [r * width, (r + 1) * width).
struct BitRows {
    size_t width = 0;
    std::vector<uint64_t> words;
    BitRows(size_t rows, size_t n) : width((n + 63) / 64), words(rows * width, ~uint64_t(0)) {}
    uint64_t* row(size_t r) { return words.data() + r * width; }
    const uint64_t* row(size_t r) const { return words.data() + r * width; }
    bool has(size_t r, size_t i) const { return (row(r)[i / 64] >> (i % 64)) & 1; }
};

std::string in_quotes(const std::string& s) { return "\"" + s + "\""; }

// Words to suggest from, with their char_classes() worked out once: a hostile file may
// compare thousands of typos with thousands of ids.
struct Candidates {
    std::vector<std::string> words;
    std::vector<uint64_t> classes;
    void reserve(size_t n) {
        words.reserve(n);
        classes.reserve(n);
    }
    void add(const std::string& word) {
        words.push_back(word);
        classes.push_back(char_classes(word));
    }
    const std::string* closest_to(const std::string& typed) const { return closest(typed, words, classes.data()); }
};

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

// A stretch of an array, for range-for.
template <class T>
struct Run {
    const T* first;
    const T* last;
    const T* begin() const { return first; }
    const T* end() const { return last; }
};

// A list for each step, all kept in one array: list i is items[start[i] .. start[i + 1]).
// Two allocations, where a vector per step made hundreds (the graph of a 200-step exercise
// is rebuilt on every load).
template <class T>
struct Lists {
    std::vector<size_t> start{0};
    std::vector<T> items;
    Run<T> operator[](size_t i) const { return {items.data() + start[i], items.data() + start[i + 1]}; }
    void end_list() { start.push_back(items.size()); }  // items added from now on go to the next list
};

// For each step, the steps it leads to; or, turned round, the steps that lead to it.
using Adjacency = Lists<int>;

Adjacency reversed(const Adjacency& succ) {
    const size_t n = succ.start.size() - 1;
    Adjacency preds;
    preds.start.assign(n + 1, 0);
    for (int t : succ.items) preds.start[static_cast<size_t>(t) + 1]++;
    for (size_t i = 0; i < n; i++) preds.start[i + 1] += preds.start[i];
    preds.items.resize(succ.items.size());
    std::vector<size_t> fill(preds.start.begin(), preds.start.end() - 1);
    for (size_t from = 0; from < n; from++)
        for (int t : succ[from]) preds.items[fill[static_cast<size_t>(t)]++] = static_cast<int>(from);
    return preds;
}

class FlowCheck {
public:
    FlowCheck(const Exercise& ex, const Notes& notes, std::vector<Problem>& out)
        : ex_(ex), notes_(notes), out_(out), n_(ex.steps.size()), ids_(notes.first_with_id) {
        all_ids_.reserve(n_);
        question_ids_.reserve(n_);
        for (size_t i = 0; i < n_; i++) {
            const std::string& id = ex.steps[i].id;
            if (id.empty()) continue;
            all_ids_.add(id);
            if (known_question(static_cast<int>(i))) question_ids_.add(id);
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

    int resolve(std::string_view id) const { return ids_.find(id); }
    const Step& step(int i) const { return ex_.steps[static_cast<size_t>(i)]; }
    const StepNote& note(int i) const { return notes_.steps[static_cast<size_t>(i)]; }
    bool known_question(int i) const { return note(i).kind_ok && is_question(step(i).kind); }
    Path step_path(int i) const { return Path(steps_path_, static_cast<size_t>(i)); }
    void add(const std::string& path, const std::string& message) { out_.push_back({path, message}); }
    void add(const Path& path, const std::string& message) { out_.push_back({path.str(), message}); }

    // Where an edge is written: "/steps/4/next", "/steps/4/branches/0/next", or the step
    // itself ("/steps/4") when it falls through to the following step.
    std::string edge_path(const Edge& e) const {
        const Path at = step_path(e.from);
        if (e.fallthrough) return at.str();
        if (!e.branch) return Path(at, "next").str();
        const Path branches(at, "branches"), branch(branches, e.branch_index);
        return Path(branch, "next").str();
    }

    // closest(), remembered, and given up after a while: a hostile file can hold thousands of
    // broken references, and suggestions for the first couple of thousand are plenty.
    const std::string* guess(const std::string& id, const Candidates& candidates) {
        std::string key = (&candidates == &all_ids_ ? "a:" : "q:") + id;
        auto it = guesses_.find(key);
        if (it != guesses_.end()) return it->second;
        if (guess_budget_ == 0) return nullptr;
        guess_budget_--;
        return guesses_[key] = candidates.closest_to(id);
    }

    void no_such_step(const Path& path, const std::string& id, const Candidates& candidates) {
        const std::string* near = guess(id, candidates);
        std::string message = "there is no step " + in_quotes(id) + (near ? " (did you mean \"" + *near + "\"?)" : "");
        if (!id.empty() && id[0] == '@') message += " (the only target starting with \"@\" is \"@return\")";
        add(path, message);
    }

    // A reference that must name a question. Returns its index, or -1 when it doesn't (the
    // reason is reported) or when the step's kind is unknown (already reported).
    int question_ref(const Path& path, const std::string& id, const char* use) {
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

    void check_target(const Path& path, const std::string& id) {
        if (id != kReturnTarget && resolve(id) < 0) no_such_step(path, id, all_ids_);
    }

    void check_references() {
        if (notes_.safety_step_ok) {
            const std::string& id = ex_.safety.step;
            if (id == kReturnTarget) add("/safety/step", "must name the first step of the grounding path, not \"@return\"");
            else if (resolve(id) < 0) no_such_step(Path(Path(root_, "safety"), "step"), id, all_ids_);
            else if (resolve(id) == 0)
                add("/safety/step", "the grounding path can't start at the first step of the exercise: every reader would begin on it");
        }
        for (size_t i = 0; i < n_; i++) {
            const Step& s = ex_.steps[i];
            const StepNote& sn = notes_.steps[i];
            const Path at = step_path(static_cast<int>(i)), branches(at, "branches"), items(at, "items");
            if (sn.has_next) check_target(Path(at, "next"), s.next);
            for (size_t b = 0; b < s.branches.size(); b++) {
                const Path bp(branches, b), when(bp, "when");
                for (size_t c = 0; c < s.branches[b].when.size(); c++)
                    if (sn.branches[b].when[c].ok) check_condition(s.branches[b].when[c], sn.branches[b].when[c], Path(when, c));
                if (sn.branches[b].next_ok) check_target(Path(bp, "next"), s.branches[b].next);
            }
            for (size_t k = 0; k < s.items.size(); k++)
                if (sn.items[k].ok) question_ref(Path(Path(items, k), "step"), s.items[k].step, "show");
        }
    }

    // An option id a condition tests: one of the step's options, or "other" when offered.
    void check_option(const Path& path, const Step& q, const std::string& option) {
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

    void check_condition(const Condition& c, const ConditionNote& cn, const Path& path) {
        int qi = question_ref(Path(path, "step"), c.step, "test");
        if (qi < 0) return;
        const Step& q = step(qi);
        const Path at(path, cn.test_field);
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
        for (size_t i = 0; i < n_; i++) {
            add_edges(static_cast<int>(i));
            edges_.end_list();
        }
        // The same edges as plain lists of steps, both ways (for the sweeps that go backwards).
        for (size_t i = 0; i < n_; i++) {
            for (const Edge& e : edges_[i])
                if (e.to >= 0) succ_.items.push_back(e.to);
            succ_.end_list();
        }
        preds_ = reversed(succ_);
    }

    void add_edges(int from) {
        const Step& s = step(from);
        const StepNote& sn = note(from);
        if (sn.kind_ok && s.kind == StepKind::End) return;  // an end goes nowhere
        for (size_t b = 0; b < s.branches.size(); b++)
            if (sn.branches[b].next_ok) {
                Edge e{target(s.branches[b].next), from};
                e.branch = true;
                e.branch_index = b;
                edges_.items.push_back(e);
            }
        if (sn.has_next) edges_.items.push_back(Edge{target(s.next), from});
        else if (static_cast<size_t>(from) + 1 < n_) {
            Edge e{from + 1, from};
            e.fallthrough = true;
            edges_.items.push_back(e);
        } else if (sn.kind_ok) {
            add(step_path(from), "this is the last step, so the reader would have nowhere to go after it; make it an end step, or give it a \"next\"");
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
    // grounding path is replaced by an edge to where "@return" leads. Needs start_ and
    // safety_; find_parts() keeps them in main_succ_.
    void add_main_successors(int i, std::vector<int>& out) const {
        for (const Edge& e : edges_[static_cast<size_t>(i)])
            if (e.to >= 0 && e.to != start_) out.push_back(e.to);
        if (enters_safety(i)) {
            int r = return_point(i);
            if (r >= 0) out.push_back(r);
        }
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
        for (size_t i = 0; i < n_; i++) {
            add_main_successors(static_cast<int>(i), main_succ_.items);
            main_succ_.end_list();
        }
        main_preds_ = reversed(main_succ_);
        main_ = Bits(n_);
        std::vector<int> todo{0};
        main_.set(0);
        while (!todo.empty()) {
            int i = todo.back();
            todo.pop_back();
            for (int t : main_succ_[static_cast<size_t>(i)])
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

    // Adds to `found` every step in `part` with a route within `part` to a step already in
    // `found`: one backward sweep over the predecessor lists.
    void spread_back(const Bits& part, Bits& found) const {
        std::vector<int> todo;
        for (size_t i = 0; i < n_; i++)
            if (found.has(i)) todo.push_back(static_cast<int>(i));
        while (!todo.empty()) {
            int v = todo.back();
            todo.pop_back();
            for (int p : preds_[static_cast<size_t>(v)])
                if (part.has(static_cast<size_t>(p)) && !found.has(static_cast<size_t>(p))) {
                    found.set(static_cast<size_t>(p));
                    todo.push_back(p);
                }
        }
    }

    // The steps in `part` from which some route within it reaches "@return".
    Bits leading_to_return(const Bits& part) const {
        Bits out(n_);
        for (size_t i = 0; i < n_; i++)
            if (part.has(i))
                for (const Edge& e : edges_[i])
                    if (e.to == kToReturn) out.set(i);
        spread_back(part, out);
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
                    add(edge_path(e), "\"@return\" only works on the grounding path (the steps reached from safety.step " +
                                    in_quotes(first) + "); this step isn't on it");
                // The grounding path running on into the main exercise (typically by falling
                // through to the next step in the file, for want of "@return"): the reader
                // would carry on with the exercise while still "on a pause". Main flow may
                // enter the path at any of its steps, and both may share an end step; but a
                // shared step that can't lead back to "@return" belongs to the main exercise.
                if (e.to < 0 || !on_safety_only(si) || !shared(e.to) || returns.has(static_cast<size_t>(e.to))) continue;
                const Step& to = step(e.to);
                if (note(e.to).kind_ok && to.kind == StepKind::End) continue;
                add(edge_path(e), "the grounding path runs on into " + in_quotes(to.id) +
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
        spread_back(Bits(n_, true), done);
        std::vector<int> stuck;
        for (size_t i = 0; i < n_; i++)
            if (!done.has(i) && reachable(static_cast<int>(i)) && !(cant_return_ && on_safety_only(static_cast<int>(i))))
                stuck.push_back(static_cast<int>(i));
        if (stuck.empty()) return;

        // What each stuck step can reach (all of it stuck too, by definition), by step index.
        std::vector<Bits> reach(n_);
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
            reach[static_cast<size_t>(i)] = std::move(r);
        }
        // A trap's root: every step it reaches leads back to it. Report each trap once, at
        // its first step in the file.
        Bits reported(n_);
        for (int i : stuck) {
            if (reported.has(static_cast<size_t>(i))) continue;
            const Bits& r = reach[static_cast<size_t>(i)];
            bool root = true;
            std::vector<std::string> members;
            for (int j : stuck)
                if (r.has(static_cast<size_t>(j))) {
                    if (!reach[static_cast<size_t>(j)].has(static_cast<size_t>(i))) root = false;
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
            for (int t : main_succ_[static_cast<size_t>(v)])
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
            const Path at = step_path(si);
            for (size_t b = 0; b < s.branches.size(); b++)
                for (size_t c = 0; c < s.branches[b].when.size(); c++) {
                    const Condition& cond = s.branches[b].when[c];
                    int q = resolve(cond.step);
                    if (!sn.branches[b].when[c].ok || q < 0 || !known_question(q) || may_come_before(q, si)) continue;
                    const Path branches(at, "branches"), branch(branches, b), when(branch, "when"), test(when, c);
                    add(Path(test, "step"),
                        in_quotes(cond.step) + " is never asked before this step on any path, so this test could never see an answer");
                }
            for (size_t k = 0; k < s.items.size(); k++) {
                int q = resolve(s.items[k].step);
                if (!sn.items[k].ok || q < 0 || !known_question(q) || may_come_before(q, si)) continue;
                const Path items(at, "items"), item(items, k);
                add(Path(item, "step"),
                    in_quotes(s.items[k].step) + " is never asked before this summary on any path, so it would never show");
            }
        }
    }

    // The questions asked on every path from `entry` to each step, counting only steps in
    // `part`: a forward "must" dataflow. in[entry] is empty; in[v] is the intersection, over
    // v's predecessors p in the part, of in[p] plus p itself when p is a question. Every
    // other in[v] starts full and only shrinks, so the answer is the largest solution.
    //
    // Visiting the steps in reverse postorder (each step after the steps that lead to it,
    // loops aside) lets one sweep settle nearly everything: a second confirms it, and only
    // loops need more. Sweeping in file order instead could take a sweep per step.
    //
    // `succ` and `preds` are the graph's edges both ways (the main graph's, or the plain
    // one's); only steps in `part` take part.
    BitRows must_have_asked(const Bits& part, int entry, const Adjacency& succ, const Adjacency& preds) const {
        auto in_part = [&](int i) { return part.has(static_cast<size_t>(i)); };

        // Reverse postorder of a depth-first search from entry (with an explicit stack: a
        // hostile file may hold thousands of steps in a chain). Steps of the part it doesn't
        // reach, if any, go last; the order only affects speed, never the answer.
        std::vector<int> order;
        std::vector<char> seen(n_, 0);
        std::vector<std::pair<int, size_t>> stack{{entry, 0}};  // step, next successor to look at
        seen[static_cast<size_t>(entry)] = 1;
        while (!stack.empty()) {
            const int v = stack.back().first;
            const Run<int> next = succ[static_cast<size_t>(v)];
            if (stack.back().second < static_cast<size_t>(next.last - next.first)) {
                const int t = next.first[stack.back().second++];
                if (in_part(t) && !seen[static_cast<size_t>(t)]) {
                    seen[static_cast<size_t>(t)] = 1;
                    stack.push_back({t, 0});
                }
            } else {
                order.push_back(v);
                stack.pop_back();
            }
        }
        std::reverse(order.begin(), order.end());
        for (size_t v = 0; v < n_; v++)
            if (part.has(v) && !seen[v]) order.push_back(static_cast<int>(v));

        BitRows in(n_, n_);
        const size_t width = in.width;
        std::fill(in.row(static_cast<size_t>(entry)), in.row(static_cast<size_t>(entry)) + width, 0);
        std::vector<uint64_t> next(width);
        for (bool changed = true; changed;) {
            changed = false;
            for (int v : order) {
                if (v == entry) continue;
                std::fill(next.begin(), next.end(), ~uint64_t(0));
                for (int p : preds[static_cast<size_t>(v)]) {
                    if (!in_part(p)) continue;
                    const uint64_t* from = in.row(static_cast<size_t>(p));
                    const size_t pw = static_cast<size_t>(p) / 64;
                    const uint64_t self = known_question(p) ? uint64_t(1) << (static_cast<size_t>(p) % 64) : 0;
                    for (size_t w = 0; w < width; w++) next[w] &= from[w] | (w == pw ? self : 0);
                }
                uint64_t* row = in.row(static_cast<size_t>(v));
                if (!std::equal(next.begin(), next.end(), row)) {
                    std::copy(next.begin(), next.end(), row);
                    changed = true;
                }
            }
        }
        return in;
    }

    void check_weaving() {
        const BitRows main_in = must_have_asked(main_, 0, main_succ_, main_preds_);
        const BitRows safety_in = start_ >= 0 ? must_have_asked(safety_, start_, succ_, preds_) : BitRows(0, n_);

        for (size_t i = 0; i < n_; i++) {
            const Step& s = ex_.steps[i];
            if (!notes_.steps[i].kind_ok) continue;
            int si = static_cast<int>(i);
            const Path at = step_path(si), text(at, "text");
            for (size_t k = 0; k < s.text.size(); k++) check_placeholders(si, s.text[k], Path(text, k), main_in, safety_in);
            check_placeholders(si, s.prompt, Path(at, "prompt"), main_in, safety_in);
            check_placeholders(si, s.hint, Path(at, "hint"), main_in, safety_in);
        }
    }

    // A step on the grounding path can be reached from any step, so what was asked before it
    // is what its own path asked; a step of both parts must satisfy both.
    void check_placeholders(int si, const std::string& text, const Path& path, const BitRows& main_in,
                            const BitRows& safety_in) {
        if (text.find("{{") == std::string::npos) return;  // nothing woven in (most texts)
        size_t i = static_cast<size_t>(si);
        for (const Placeholder& p : find_placeholders(text)) {
            if (p.step.empty()) continue;  // reported when the text was read
            int q = question_ref(path, p.step, "weave in");
            if (q < 0 || p.has_fallback || !reachable(si)) continue;
            size_t qi = static_cast<size_t>(q);
            bool missing_on_safety = safety_.has(i) && !safety_in.has(i, qi);
            bool missing_on_main = main_.has(i) && !main_in.has(i, qi);
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
    const Path root_, steps_path_{root_, "steps"};
    const StepIds& ids_;  // id → the first step with it (Notes)
    Candidates all_ids_, question_ids_;  // every step id; the ids of questions
    Lists<Edge> edges_;  // each step's ways on: branches in order, then its default
    Adjacency succ_, preds_;            // edges_ that lead to a step, as lists of steps, both ways
    Adjacency main_succ_, main_preds_;  // the main graph (add_main_successors()), both ways
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
