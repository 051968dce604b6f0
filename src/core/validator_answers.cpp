// Tend: the validator's checks of what can have been asked before a step.
//
//   - a condition that names a question never asked before it on any path could never see
//     an answer;
//   - a {{step}} without a fallback must name a question asked on every path to the text
//     that uses it (a "must have been asked" dataflow over the step graph), and one the
//     reader can't skip.
//
// These two are not linear: "asked before" keeps, for each question a condition names, the
// set of steps it reaches, and the dataflow keeps a set of questions for every step (both as
// bits, n × n at worst).
#include <algorithm>
#include <cstdint>
#include <map>

#include "interpolate.h"
#include "validator_detail.h"

namespace tend {
namespace validator_detail {

namespace {

// A set of step indices, packed: the sets here are kept one per step or per question.
struct Bits {
    std::vector<uint64_t> words;
    explicit Bits(size_t n = 0) : words((n + 63) / 64, 0) {}
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

class AnswerChecks {
public:
    AnswerChecks(const FlowContext& flow, References& refs, const StepGraph& graph, const Parts& parts)
        : flow_(flow), refs_(refs), graph_(graph), parts_(parts), n_(flow.size()) {}

    void check_order_of_answers() {
        for (size_t i = 0; i < n_; i++) {
            const Step& s = flow_.ex.steps[i];
            const StepNote& sn = flow_.notes.steps[i];
            const int si = static_cast<int>(i);
            const Path at = flow_.step_path(si);
            for (size_t b = 0; b < s.branches.size(); b++)
                for (size_t c = 0; c < s.branches[b].when.size(); c++) {
                    const Condition& cond = s.branches[b].when[c];
                    const int q = refs_.resolve(cond.step);
                    if (!sn.branches[b].when[c].ok || q < 0 || !flow_.known_question(q) || may_come_before(q, si)) continue;
                    const Path branches(at, "branches"), branch(branches, b), when(branch, "when"), test(when, c);
                    flow_.add(Path(test, "step"),
                              in_quotes(cond.step) + " is never asked before this step on any path, so this test could never see an answer");
                }
        }
    }

    void check_weaving() {
        const BitRows main_in = must_have_asked(parts_.main, 0, parts_.main_next, parts_.main_previous);
        const BitRows safety_in = parts_.start >= 0
                                      ? must_have_asked(parts_.safety, parts_.start, graph_.successors(), graph_.predecessors())
                                      : BitRows(0, n_);
        for (size_t i = 0; i < n_; i++) {
            const Step& s = flow_.ex.steps[i];
            if (!flow_.notes.steps[i].kind_ok) continue;
            const int si = static_cast<int>(i);
            const Path at = flow_.step_path(si), text(at, "text");
            for (size_t k = 0; k < s.text.size(); k++) check_placeholders(si, s.text[k], Path(text, k), main_in, safety_in);
            check_placeholders(si, s.prompt, Path(at, "prompt"), main_in, safety_in);
            check_placeholders(si, s.hint, Path(at, "hint"), main_in, safety_in);
        }
    }

private:
    // Main steps reachable from i in the main graph (i itself only through a loop).
    const Bits& main_reach(int i) {
        auto it = main_reach_.find(i);
        if (it != main_reach_.end()) return it->second;
        Bits r(n_);
        std::vector<int> todo{i};
        while (!todo.empty()) {
            const int v = todo.back();
            todo.pop_back();
            for (int t : parts_.main_next[static_cast<size_t>(v)])
                if (!r.has(static_cast<size_t>(t))) {
                    r.set(static_cast<size_t>(t));
                    todo.push_back(t);
                }
        }
        return main_reach_[i] = r;
    }

    // Can question q have been answered when the reader is at step s? Always on the grounding
    // path (it can be opened at any step), and a grounding question may have been answered
    // before any step. Otherwise s must come after q on some path (or be q itself: branches
    // are tried after the reader answers).
    bool may_come_before(int q, int s) {
        const size_t qi = static_cast<size_t>(q), si = static_cast<size_t>(s);
        if (q == s || parts_.safety[si] || parts_.safety[qi] || !parts_.reachable(s) || !parts_.main[qi]) return true;
        return main_reach(q).has(si);
    }

    // The questions asked on every path from `entry` to each step, counting only steps in
    // `part`: a forward "must" dataflow. in[entry] is empty; in[v] is the intersection, over
    // v's predecessors p in the part, of in[p] plus p itself when p is a question. Every
    // other in[v] starts full and only shrinks, so the answer is the largest solution.
    //
    // Visiting the steps in reverse postorder (each step after the steps that lead to it,
    // loops aside) lets one sweep settle nearly everything: a second confirms it, and only
    // loops need more. Sweeping in file order instead could take a sweep per step.
    BitRows must_have_asked(const StepSet& part, int entry, const StepLists& next, const StepLists& previous) const {
        auto in_part = [&](int i) { return part[static_cast<size_t>(i)] != 0; };

        // Reverse postorder of a depth-first search from entry (with an explicit stack: a
        // hostile file may hold thousands of steps in a chain). Steps of the part it doesn't
        // reach, if any, go last; the order only affects speed, never the answer.
        std::vector<int> order;
        std::vector<char> seen(n_, 0);
        std::vector<std::pair<int, size_t>> stack{{entry, 0}};  // step, next successor to look at
        seen[static_cast<size_t>(entry)] = 1;
        while (!stack.empty()) {
            const int v = stack.back().first;
            const Run<int> out = next[static_cast<size_t>(v)];
            if (stack.back().second < out.size()) {
                const int t = out.first[stack.back().second++];
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
            if (part[v] && !seen[v]) order.push_back(static_cast<int>(v));

        BitRows in(n_, n_);
        const size_t width = in.width;
        std::fill(in.row(static_cast<size_t>(entry)), in.row(static_cast<size_t>(entry)) + width, 0);
        std::vector<uint64_t> meet(width);
        for (bool changed = true; changed;) {
            changed = false;
            for (int v : order) {
                if (v == entry) continue;
                std::fill(meet.begin(), meet.end(), ~uint64_t(0));
                for (int p : previous[static_cast<size_t>(v)]) {
                    if (!in_part(p)) continue;
                    const uint64_t* from = in.row(static_cast<size_t>(p));
                    const size_t pw = static_cast<size_t>(p) / 64;
                    const uint64_t self = flow_.known_question(p) ? uint64_t(1) << (static_cast<size_t>(p) % 64) : 0;
                    for (size_t w = 0; w < width; w++) meet[w] &= from[w] | (w == pw ? self : 0);
                }
                uint64_t* row = in.row(static_cast<size_t>(v));
                if (!std::equal(meet.begin(), meet.end(), row)) {
                    std::copy(meet.begin(), meet.end(), row);
                    changed = true;
                }
            }
        }
        return in;
    }

    // A step on the grounding path can be reached from any step, so what was asked before it
    // is what its own path asked; a step of both parts must satisfy both.
    void check_placeholders(int si, const std::string& text, const Path& path, const BitRows& main_in,
                            const BitRows& safety_in) {
        if (text.find("{{") == std::string::npos) return;  // nothing woven in (most texts)
        const size_t i = static_cast<size_t>(si);
        for (const Placeholder& p : find_placeholders(text)) {
            if (p.step.empty()) continue;  // reported when the text was read
            const int q = refs_.question_ref(path, p.step, "weave in");
            if (q < 0 || p.has_fallback || !parts_.reachable(si)) continue;
            const size_t qi = static_cast<size_t>(q);
            const bool missing_on_safety = parts_.safety[i] && !safety_in.has(i, qi);
            const bool missing_on_main = parts_.main[i] && !main_in.has(i, qi);
            // Asked on every path is not enough: a question the reader may skip leaves no answer.
            const bool skippable = !flow_.ex.steps[qi].required;
            if (!missing_on_safety && !missing_on_main && !skippable) continue;
            const std::string shown = text.substr(p.begin, p.end - p.begin);
            const std::string fix = "; add a fallback, e.g. {{" + p.step + "|…}}";
            if (!missing_on_safety && !missing_on_main)
                flow_.add(path, shown + ": " + in_quotes(p.step) + " can be skipped, so it could be empty here" + fix);
            else if (q == si)
                flow_.add(path, shown + " is this step's own question, which has no answer yet when it is shown" + fix);
            else if (missing_on_safety)
                flow_.add(path, shown + ": " + in_quotes(p.step) +
                                    " may not have been asked yet, since a reader can open the grounding path from any step" + fix);
            else
                flow_.add(path, shown + ": " + in_quotes(p.step) + " is not asked on every path to this step, so it could be empty here" + fix);
        }
    }

    const FlowContext& flow_;
    References& refs_;
    const StepGraph& graph_;
    const Parts& parts_;
    const size_t n_;
    std::map<int, Bits> main_reach_;  // worked out for each question a condition names
};

}  // namespace

void check_answers(const FlowContext& flow, References& refs, const StepGraph& graph, const Parts& parts) {
    AnswerChecks checks(flow, refs, graph, parts);
    checks.check_order_of_answers();
    checks.check_weaving();
}

}  // namespace validator_detail
}  // namespace tend
