// Tend: the step graph (see step_graph.h).
#include "step_graph.h"

namespace tend {

StepLists reversed(const StepLists& next) {
    const size_t n = next.size();
    // Counted first, so each list is filled in place: every edge is looked at twice.
    std::vector<size_t> start(n + 1, 0);
    for (int t : next.items()) start[static_cast<size_t>(t) + 1]++;
    for (size_t i = 0; i < n; i++) start[i + 1] += start[i];
    std::vector<int> items(next.items().size());
    std::vector<size_t> fill(start.begin(), start.end() - 1);
    for (size_t from = 0; from < n; from++)
        for (int t : next[from]) items[fill[static_cast<size_t>(t)]++] = static_cast<int>(from);
    return StepLists(std::move(start), std::move(items));
}

StepSet reach(const StepLists& next, const std::vector<int>& from, const StepSet* stop) {
    StepSet met(next.size(), 0);
    std::vector<int> todo;
    for (int i : from)
        if (!met[static_cast<size_t>(i)]) {
            met[static_cast<size_t>(i)] = 1;
            todo.push_back(i);
        }
    while (!todo.empty()) {
        const int v = todo.back();
        todo.pop_back();
        if (stop && (*stop)[static_cast<size_t>(v)]) continue;
        for (int t : next[static_cast<size_t>(v)])
            if (!met[static_cast<size_t>(t)]) {
                met[static_cast<size_t>(t)] = 1;
                todo.push_back(t);
            }
    }
    return met;
}

void spread_back(const StepLists& previous, StepSet& found, const StepSet* within) {
    std::vector<int> todo;
    for (size_t i = 0; i < found.size(); i++)
        if (found[i]) todo.push_back(static_cast<int>(i));
    while (!todo.empty()) {
        const int v = todo.back();
        todo.pop_back();
        for (int p : previous[static_cast<size_t>(v)]) {
            const size_t pi = static_cast<size_t>(p);
            if (!found[pi] && (!within || (*within)[pi])) {
                found[pi] = 1;
                todo.push_back(p);
            }
        }
    }
}

StepGraph::StepGraph(const Exercise& exercise, TargetGuess* guess) : exercise_(exercise) {
    const size_t n = exercise.steps.size();
    // A step with no id can't be named, so it is left out; for the rest the first with an id
    // wins, as Exercise::index_of finds it.
    ids_.reserve(n);
    for (size_t i = 0; i < n; i++)
        if (!exercise.steps[i].id.empty()) ids_.add(exercise.steps[i].id, static_cast<int>(i));

    auto target = [&](const std::string& id) {
        if (id == kReturnTarget) return kToReturn;
        int t = index_of(id);
        if (t < 0 && guess) t = guess->step_for(id);
        return t < 0 ? kToUnknown : t;
    };
    returns_.assign(n, 0);
    for (size_t i = 0; i < n; i++) {
        const Step& s = exercise.steps[i];
        const int from = static_cast<int>(i);
        // An end goes nowhere; an empty `next` is no reference (the validator reports it).
        if (s.kind != StepKind::End) {
            for (size_t b = 0; b < s.branches.size(); b++)
                if (!s.branches[b].next.empty()) edges_.add({from, target(s.branches[b].next), static_cast<int>(b), false});
            if (!s.next.empty()) edges_.add({from, target(s.next), -1, false});
            else if (i + 1 < n) edges_.add({from, from + 1, -1, true});
            if (!s.stop.empty()) edges_.add({from, target(s.stop), -1, false, true});
        }
        edges_.end_list();
        for (const StepEdge& e : edges_[i]) {
            if (e.to >= 0) successors_.add(e.to);
            if (e.to == kToReturn) returns_[i] = 1;
        }
        successors_.end_list();
    }
    predecessors_ = reversed(successors_);

    safety_start_ = index_of(exercise.safety.step);
    safety_path_ = safety_start_ >= 0 ? reach(successors_, {safety_start_}) : StepSet(n, 0);
    leads_to_return_ = returns_;
    spread_back(predecessors_, leads_to_return_);
}

const Step* StepGraph::find(std::string_view step_id) const {
    const int i = index_of(step_id);
    return i < 0 ? nullptr : &exercise_.steps[static_cast<size_t>(i)];
}

std::string StepGraph::default_next(const Step& step) const {
    if (!step.next.empty()) return step.next;
    if (step.kind == StepKind::End) return "";
    const int i = index_of(step.id);
    if (i < 0 || static_cast<size_t>(i) + 1 >= size()) return "";
    return exercise_.steps[static_cast<size_t>(i) + 1].id;
}

int StepGraph::default_target(int i) const {
    for (const StepEdge& e : edges(i))
        if (e.branch < 0 && !e.stop) return e.to;
    return -1;
}

namespace {

// Whether a branch of choice step `s` is taken when the reader picks only `option`: each of
// its tests is on `s` itself and holds for that one answer.
bool taken_with(const Step& s, const Branch& br, const std::string& option) {
    if (br.when.empty()) return false;
    for (const Condition& c : br.when) {
        if (c.step != s.id) return false;
        bool holds = ((c.test == Condition::Test::Equals || c.test == Condition::Test::Includes) && c.text == option) ||
                     (c.test == Condition::Test::Answered && c.flag) || (c.test == Condition::Test::Skipped && !c.flag);
        if (!holds) return false;
    }
    return true;
}

}  // namespace

int StepGraph::likely_target(int i) const {
    const Step& s = step(i);
    if (s.kind != StepKind::Choice || s.choices.empty()) return default_target(i);
    for (const StepEdge& e : edges(i))  // in the order flow tries them: the first that holds wins
        if (e.stop) continue;
        else if (e.branch < 0 || taken_with(s, s.branches[static_cast<size_t>(e.branch)], s.choices[0].id)) return e.to;
    return -1;
}

int StepGraph::steps_remaining(int i) const {
    if (i < 0) return 0;
    StepSet seen(size(), 0);
    seen[static_cast<size_t>(i)] = 1;
    int count = 0;
    for (int at = likely_target(i); at >= 0 && !seen[static_cast<size_t>(at)]; at = likely_target(at)) {
        seen[static_cast<size_t>(at)] = 1;
        count++;
    }
    return count;
}

}  // namespace tend
