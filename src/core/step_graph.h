// Tend: the shape of an exercise as a graph of steps, worked out once.
//
// Steps are numbered by their place in the file. Every way on from a step (each branch's
// `next`, then its own `next` or the following step) is resolved to a step number here, once,
// and everything that follows flow asks this graph: the session ("step 3 of about 9", the
// grounding path, whether "back to where I was" is offered), the validator's flow checks and
// the care checks.
//
// The graph refers to the exercise's own steps and ids, so the exercise must outlive it and
// not change under it (it is immutable data). Building it, and everything it answers, is
// linear in the steps and edges: a hostile file of thousands of steps stays cheap.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "exercise.h"
#include "step_ids.h"

namespace tend {

// A set of steps, by step number: 1 = in the set.
using StepSet = std::vector<char>;

// Where an edge leads when it isn't a step.
inline constexpr int kToReturn = -2;   // "@return": back to where the reader was
inline constexpr int kToUnknown = -3;  // an id no step has

// One way on from a step, as the file writes it.
struct StepEdge {
    int from = -1;
    int to = kToUnknown;       // a step number, kToReturn or kToUnknown
    int branch = -1;           // written at branches[branch].next; -1 for the step's default way on
    bool fallthrough = false;  // the default way on without a `next`: the following step in the file
    bool stop = false;         // a scale's `stop`: where "I'd like to stop here" leads (never the default)
};

// A stretch of an array, for range-for.
template <class T>
struct Run {
    const T* first;
    const T* last;
    const T* begin() const { return first; }
    const T* end() const { return last; }
    size_t size() const { return static_cast<size_t>(last - first); }
    bool empty() const { return first == last; }
};

// A list for each step, all kept in one array: list i is items[start[i] .. start[i + 1]).
// Two allocations, where a vector per step would make one for each step.
template <class T>
class Lists {
public:
    Lists() = default;
    // Lists already laid out: list i is items[start[i] .. start[i + 1]), start[0] == 0.
    Lists(std::vector<size_t> start, std::vector<T> items) : start_(std::move(start)), items_(std::move(items)) {}

    size_t size() const { return start_.size() - 1; }  // how many lists
    Run<T> operator[](size_t i) const { return {items_.data() + start_[i], items_.data() + start_[i + 1]}; }
    const std::vector<T>& items() const { return items_; }

    // Building: add the items of list 0, end it, add those of list 1, end it, ...
    void add(const T& item) { items_.push_back(item); }
    void end_list() { start_.push_back(items_.size()); }

private:
    std::vector<size_t> start_{0};
    std::vector<T> items_;
};

// For each step, the steps it leads to (one entry per edge); or, turned round, the steps
// that lead to it.
using StepLists = Lists<int>;

StepLists reversed(const StepLists& next);

// Every step reachable along `next` from the steps in `from`, the steps in `from` included.
// A step in `stop` is met but not passed through.
StepSet reach(const StepLists& next, const std::vector<int>& from, const StepSet* stop = nullptr);

// Adds to `found` every step with a route along the edges `previous` turns round to a step
// already in it, going only through steps in `within` (every step when null). One sweep
// backwards, each edge looked at once.
void spread_back(const StepLists& previous, StepSet& found, const StepSet* within = nullptr);

// What a reference to a step no one has is taken to mean. The validator points a misspelt
// id at the step it is close to, so one typo doesn't also make every step after it
// "unreachable"; everywhere else such an edge leads nowhere (kToUnknown).
class TargetGuess {
public:
    virtual int step_for(const std::string& unknown_id) = 0;  // a step number, or -1

protected:
    ~TargetGuess() = default;
};

class StepGraph {
public:
    // `guess` is asked about each target that names no step, once per edge, in file order.
    explicit StepGraph(const Exercise& exercise, TargetGuess* guess = nullptr);

    const Exercise& exercise() const { return exercise_; }
    size_t size() const { return exercise_.steps.size(); }
    const Step& step(int i) const { return exercise_.steps[static_cast<size_t>(i)]; }

    // Looking steps up by id, in constant time: the first step with the id, as Exercise's
    // own (linear) lookups answer. -1, nullptr or "" when there is none.
    int index_of(std::string_view step_id) const { return ids_.find(step_id); }
    const Step* find(std::string_view step_id) const;
    std::string default_next(const Step& step) const;  // as Exercise::default_next

    // The ways on from step i, in the order flow tries them: its branches, then its default
    // (none from an end, or from the last step when it has no `next`); then a scale's `stop`,
    // which only the reader's "I'd like to stop here" takes.
    Run<StepEdge> edges(int i) const { return edges_[static_cast<size_t>(i)]; }
    // Where step i goes when no branch matches: a step number, kToReturn, kToUnknown, or -1
    // when it has no way on by default.
    int default_target(int i) const;
    bool returns(int i) const { return returns_[static_cast<size_t>(i)] != 0; }  // some edge is "@return"

    // The edges that lead to steps, as lists both ways.
    const StepLists& successors() const { return successors_; }
    const StepLists& predecessors() const { return predecessors_; }

    // The grounding path: every step reached from safety.step without passing "@return".
    int safety_start() const { return safety_start_; }  // -1 when safety.step names no step
    bool on_safety_path(int i) const { return i >= 0 && safety_path_[static_cast<size_t>(i)]; }
    const StepSet& safety_path() const { return safety_path_; }
    // Whether some route from step i reaches "@return" (so "back to where I was" can be offered).
    bool leads_to_return(int i) const { return i >= 0 && leads_to_return_[static_cast<size_t>(i)]; }

    // Where a reader most likely goes from step i: from a choice, where its first option leads
    // (authors put the way most readers take first: "I'd like to keep going, gently"); from
    // any other step, the default way on.
    int likely_target(int i) const;
    // How many more steps a reader meets from step i to an end along the likely way on, not
    // counting i itself: the "about" in "step 3 of about 9". Stops at an end, at "@return",
    // or where the way on comes back round.
    int steps_remaining(int i) const;

private:
    const Exercise& exercise_;
    StepIds ids_;
    Lists<StepEdge> edges_;
    StepLists successors_, predecessors_;
    StepSet returns_, safety_path_, leads_to_return_;
    int safety_start_ = -1;
};

}  // namespace tend
