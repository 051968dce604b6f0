#include "flow.h"

#include <algorithm>

namespace tend {

namespace {

// `steps` is the Exercise (one lookup scans the steps) or a StepIndex: both have default_next().
template <class Steps>
std::vector<std::string> successors_in(const Steps& steps, const Step& step) {
    std::vector<std::string> out;
    auto add = [&](const std::string& id) {
        if (!id.empty() && std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    };
    for (const Branch& b : step.branches) add(b.next);
    if (step.kind != StepKind::End) add(steps.default_next(step));
    return out;
}

}  // namespace

std::vector<std::string> successors(const Exercise& exercise, const Step& step) { return successors_in(exercise, step); }
std::vector<std::string> successors(const StepIndex& index, const Step& step) { return successors_in(index, step); }

// The walks below, given an Exercise, build a StepIndex for the one call: a pass over the
// steps, where looking each step up by scanning made them quadratic.

int steps_remaining(const Exercise& exercise, const std::string& step_id) {
    return steps_remaining(StepIndex(exercise), step_id);
}

int steps_remaining(const StepIndex& index, const std::string& step_id) {
    // Steps are marked by index. The walk only meets steps it found by id, which are the
    // first with that id, so this is the same as remembering the ids seen.
    const Exercise& exercise = index.exercise();
    std::vector<char> seen(exercise.steps.size(), 0);
    int at = index.index_of(step_id);
    if (at >= 0) seen[static_cast<size_t>(at)] = 1;
    int count = 0;
    while (at >= 0 && exercise.steps[static_cast<size_t>(at)].kind != StepKind::End) {
        const std::string next = index.default_next(exercise.steps[static_cast<size_t>(at)]);
        if (next.empty() || next == kReturnTarget) break;
        at = index.index_of(next);
        if (at < 0 || seen[static_cast<size_t>(at)]) break;
        seen[static_cast<size_t>(at)] = 1;
        count++;
    }
    return count;
}

std::vector<std::string> safety_steps(const Exercise& exercise) { return safety_steps(StepIndex(exercise)); }

std::vector<std::string> safety_steps(const StepIndex& index) {
    const Exercise& exercise = index.exercise();
    std::vector<std::string> out;
    const int start = index.index_of(exercise.safety.step);
    if (start < 0) return out;
    // By index, as above: every step reached is found by id, so it is the first with its id.
    std::vector<char> seen(exercise.steps.size(), 0);
    std::vector<int> todo{start}, found;
    seen[static_cast<size_t>(start)] = 1;
    while (!todo.empty()) {
        const int i = todo.back();
        todo.pop_back();
        found.push_back(i);
        for (const std::string& next : successors(index, exercise.steps[static_cast<size_t>(i)])) {
            const int t = next == kReturnTarget ? -1 : index.index_of(next);
            if (t >= 0 && !seen[static_cast<size_t>(t)]) {
                seen[static_cast<size_t>(t)] = 1;
                todo.push_back(t);
            }
        }
    }
    std::sort(found.begin(), found.end());  // in file order
    for (int i : found) out.push_back(exercise.steps[static_cast<size_t>(i)].id);
    return out;
}

}  // namespace tend
