// Tend: what the validator's files share. Private to the validator: validator.cpp reads the
// file, then the flow checks look at how the steps fit together:
//   validator_references.cpp  every reference names a step (or option) of the right kind
//   validator_flow.cpp        the step graph's two parts, reachability, ends, the grounding path
//   validator_answers.cpp     what can have been asked before a step (conditions, {{…}})
//
// Reading fills an Exercise even when parts of the file are wrong (a wrong type leaves the
// default), so the later checks can still run. The notes below say which parts were read
// cleanly, so those checks skip what is already reported instead of piling on.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "exercise.h"
#include "did_you_mean.h"
#include "problem.h"
#include "step_graph.h"
#include "step_ids.h"

namespace tend {
namespace validator_detail {

struct ConditionNote {
    bool ok = false;            // "step" and exactly one well-typed test were read
    bool equals_number = false; // Equals: the value was a number (scale), not a string
    std::string test_field;     // "equals", "at_least", …: where to point at the test
};

struct BranchNote {
    bool next_ok = false;  // `next` was read as a string
    std::vector<ConditionNote> when;
};

struct StepNote {
    bool kind_ok = false;   // `kind` named a known kind (checks that depend on the kind need this)
    bool id_ok = false;     // `id` is a well-formed id and the first with that name
    bool has_next = false;  // `next` was present and read as a string
    std::vector<BranchNote> branches;  // parallel to Step::branches
};

struct Notes {
    std::vector<StepNote> steps;  // parallel to Exercise::steps
    bool safety_step_ok = false;  // `safety.step` was read as a string
    // Every non-empty step id → the index of the first step with it. Made while reading (to
    // find repeated ids) and used again to resolve references; it views Exercise::steps' ids.
    StepIds first_with_id;
};

// Where something sits in the file: a JSON Pointer such as "/steps/4/next", built as text
// only when a problem is reported. Nearly every value is fine, and building a pointer for
// each one up front would be a good part of the load time. A Path refers to its parent (and
// to its key), so it is made on the stack and used while those are still there:
//     const Path step(steps, i);             // "/steps/4"
//     add(out, Path(step, "next"), "…");      // "/steps/4/next", made here and only here
class Path {
public:
    Path() = default;  // the whole document: ""
    Path(const Path& parent, std::string_view key) : parent_(&parent), key_(key) {}
    Path(const Path& parent, size_t index) : parent_(&parent), index_(index), is_index_(true) {}

    // The pointer as text, escaping '~' and '/' in keys as JSON Pointer requires.
    std::string str() const;

private:
    void append_to(std::string& out) const;

    const Path* parent_ = nullptr;
    std::string_view key_;
    size_t index_ = 0;
    bool is_index_ = false;
};

// Step kind as an author writes it, with an article: "a choice step", "an end step".
std::string a_kind_step(StepKind kind);

std::string in_quotes(const std::string& s);                   // "\"feel\""
std::string in_quotes_list(const std::vector<std::string>& items);  // "\"a\", \"b\" and \"c\""

// What every flow check works from: the exercise as read, the notes on how it was read, and
// where problems go. Not copied: its Paths point at each other.
class FlowContext {
public:
    FlowContext(const Exercise& exercise, const Notes& notes, std::vector<Problem>& problems)
        : ex(exercise), notes(notes), out_(problems) {}
    FlowContext(const FlowContext&) = delete;
    FlowContext& operator=(const FlowContext&) = delete;

    size_t size() const { return ex.steps.size(); }
    const Step& step(int i) const { return ex.steps[static_cast<size_t>(i)]; }
    const StepNote& note(int i) const { return notes.steps[static_cast<size_t>(i)]; }
    bool known_question(int i) const { return note(i).kind_ok && is_question(step(i).kind); }

    Path step_path(int i) const { return Path(steps_path_, static_cast<size_t>(i)); }  // "/steps/4"
    // Where an edge is written: "/steps/4/next", "/steps/4/branches/0/next", or the step
    // itself ("/steps/4") when it falls through to the following step.
    std::string edge_path(const StepEdge& e) const;

    // Const: checking changes nothing of what is checked, only the list of problems.
    void add(const std::string& path, const std::string& message) const { out_.push_back({path, message}); }
    void add(const Path& path, const std::string& message) const { out_.push_back({path.str(), message}); }

    const Exercise& ex;
    const Notes& notes;
    const Path root;

private:
    std::vector<Problem>& out_;
    const Path steps_path_{root, "steps"};
};

// References to steps: resolving an id (first step with it), and the check that each one
// names a step, and one of the right kind, with "did you mean" for a slip. It is also what
// the step graph asks about an id no step has: the step it is close to, so one typo doesn't
// also make every step after it "unreachable".
class References : public TargetGuess {
public:
    explicit References(const FlowContext& flow);

    // Every `next`, branch, condition and safety.step. Runs first: the
    // suggestions it works out are remembered for the graph.
    void check();

    int resolve(std::string_view id) const { return ids_.find(id); }  // -1 when no step has it
    int resolve_or_guess(const std::string& id);
    // A reference that must name a question. Returns its index, or -1 when it doesn't (the
    // reason is reported) or when the step's kind is unknown (already reported).
    int question_ref(const Path& path, const std::string& id, const char* use);

    int step_for(const std::string& unknown_id) override;

private:
    const std::string* guess(const std::string& id, const Candidates& candidates);
    void no_such_step(const Path& path, const std::string& id, const Candidates& candidates);
    void check_target(const Path& path, const std::string& id);
    void check_stop(const Path& path, const std::string& id);  // a scale's `stop`: an end
    void check_option(const Path& path, const Step& q, const std::string& option);
    void check_condition(const Condition& c, const ConditionNote& cn, const Path& path);

    const FlowContext& flow_;
    const StepIds& ids_;                 // Notes::first_with_id
    Candidates all_ids_, question_ids_;  // every step id; the ids of questions
    std::map<std::string, const std::string*> guesses_;
    int guess_budget_ = 2000;  // suggestions for the first couple of thousand broken references are plenty
};

// The two parts of the step graph the checks tell apart:
//   main   — reachable from steps[0] without entering the grounding path;
//   safety — the grounding path: reachable from safety.step without "@return". A reader can
//            open it from any step ("Pause and get help"), so it is always reachable, and any
//            main step may come before it.
// When main flow enters the grounding path through a branch or `next`, "@return" leads to
// where the sender would have gone by default (docs/exercise-format.md, "Safety"). The main
// graph models that as an edge from the sender straight to that step: the detour can only
// add answers, so leaving it out keeps the "asked on every path" checks safe.
struct Parts {
    Parts(const FlowContext& flow, const StepGraph& graph, References& refs);

    bool reachable(int i) const { return main[static_cast<size_t>(i)] || safety[static_cast<size_t>(i)]; }
    bool on_safety_only(int i) const { return safety[static_cast<size_t>(i)] && !main[static_cast<size_t>(i)]; }
    bool shared(int i) const { return main[static_cast<size_t>(i)] && safety[static_cast<size_t>(i)]; }

    int start = -1;  // the grounding path's first step; -1 when unknown, or refused (steps[0])
    StepSet safety, main;
    StepLists main_next, main_previous;  // the main graph's edges, both ways
};

// validator_flow.cpp: the last step, the grounding path, reachability and ends.
void check_ways_on(const FlowContext& flow, const StepGraph& graph, const Parts& parts);

// validator_answers.cpp: conditions that could never see an answer, and
// {{…}} that could be empty where it is shown.
void check_answers(const FlowContext& flow, References& refs, const StepGraph& graph, const Parts& parts);

// Everything about how steps connect, in the order an author would fix it. Appends to
// `problems`.
void check_flow(const Exercise& exercise, const Notes& notes, std::vector<Problem>& problems);

}  // namespace validator_detail
}  // namespace tend
